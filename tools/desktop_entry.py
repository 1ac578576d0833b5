"""The desktop build's program: the same as `voices-of-turkestan` (tools/build_desktop.py)."""

import sys

from game.cli import main

sys.exit(main())
