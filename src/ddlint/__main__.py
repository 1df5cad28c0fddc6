import sys

from ddlint._entry import main

sys.exit(main())
