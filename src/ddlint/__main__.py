import sys

from ddlint.cli import main

sys.exit(main())
