"""Reading a regular file of bounded size: FIFOs, devices and folders are refused, never read."""

from __future__ import annotations

import os
import stat
from pathlib import Path


class BadFile(Exception):
    """A file that cannot be read safely, with a message and a hint for the person fixing it."""

    def __init__(self, message: str, hint: str | None = None, too_large: bool = False):
        super().__init__(message)
        self.message, self.hint, self.too_large = message, hint, too_large


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file `path`; BadFile when it is anything else or over `limit`.

    Opened without blocking and checked after opening, so that a FIFO, a device such as
    /dev/zero or a folder with a file's name is refused instead of hanging or filling memory.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise BadFile(f"cannot read the file: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = "a folder" if stat.S_ISDIR(info.st_mode) else "a device or a pipe"
            raise BadFile(f"this is {what}, not an ordinary file",
                          "keep only ordinary files here")  # fmt: skip
        if info.st_size > limit:
            raise BadFile(f"the file is too large ({info.st_size:,} bytes; at most {limit:,})",
                          "split it into several files", too_large=True)  # fmt: skip
        with os.fdopen(fd, "rb", closefd=False) as f:
            raw = f.read(limit + 1)
    except OSError as exc:
        raise BadFile(f"cannot read the file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(raw) > limit:  # it grew while being read
        raise BadFile(f"the file is too large (over {limit:,} bytes)", "split it", too_large=True)
    return raw
