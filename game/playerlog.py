"""The desktop player's log: one small file in its data folder, and what a crash says."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from game import storage

FILE_NAME = "player.log"
MAX_BYTES = 256 * 1024  # then the file is moved to player.log.1 and a new one begun


def path() -> Path:
    return storage.data_dir() / "logs" / FILE_NAME


def write(message: str) -> Path:
    """Append a dated line (or block) to the log; returns where it is. Never raises: a log
    that cannot be written must not stop the game."""
    file = path()
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        if file.exists() and file.stat().st_size > MAX_BYTES:
            file.replace(file.with_name(FILE_NAME + ".1"))
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        with file.open("a", encoding="utf-8") as f:
            f.write(f"{stamp} {message}\n")
    except OSError:
        pass
    return file


def crashed(exc: BaseException) -> str:
    """Log the traceback of `exc`; the sentence telling the player where it is."""
    import traceback  # only on a crash

    details = "".join(traceback.format_exception(exc))
    where = write(f"crash: {details}")
    return (f"The game stopped because of an error ({type(exc).__name__}: {exc}).\n"
            f"The details are in {where}; please send that file with a report.")  # fmt: skip


def display_missing() -> str | None:
    """Why no window can open (Linux with no desktop session, as over SSH), or None."""
    if not sys.platform.startswith("linux") or os.environ.get("SDL_VIDEODRIVER"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return ("No display: the game opens a window, and neither DISPLAY nor WAYLAND_DISPLAY is "
            "set (as over SSH).\nStart it from a desktop session, or play in this terminal "
            "with: python -m game tty")  # fmt: skip
