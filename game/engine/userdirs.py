"""Where this user's data and caches live: XDG folders on Linux, platformdirs elsewhere."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "voices-of-turkestan"


def user_dir(kind: str) -> Path:
    """The user's `kind` ("data" or "cache") folder for the game (not created here).

    On Linux the XDG rule is two lines, and platformdirs costs milliseconds to import at every
    start; elsewhere platformdirs knows each system's place."""
    if sys.platform.startswith("linux"):
        variable, fallback = {"data": ("XDG_DATA_HOME", ".local/share"),
                              "cache": ("XDG_CACHE_HOME", ".cache")}[kind]  # fmt: skip
        base = os.environ.get(variable, "").strip()
        # A relative XDG folder is invalid by the spec and ignored, as platformdirs does.
        root = Path(base) if base and os.path.isabs(base) else Path.home() / fallback
        return root / APP_NAME
    import platformdirs

    find = platformdirs.user_data_dir if kind == "data" else platformdirs.user_cache_dir
    return Path(find(APP_NAME))
