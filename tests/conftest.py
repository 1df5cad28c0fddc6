import sys
from pathlib import Path

# Test helpers (the cmark-gfm oracle, servers) live beside the tests.
sys.path.insert(0, str(Path(__file__).parent))

# A local link server for one test, for every test that asks for `server`.
from linkserver import server

__all__ = ["server"]
