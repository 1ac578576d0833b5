"""Where the player's files live, and the one atomic, bounded way they are written and read."""

from __future__ import annotations

import json
import math
import os
import time
from pathlib import Path
from typing import Any

from game import notices
from game.engine.safefile import BadFile, read_bounded
from game.engine.userdirs import user_dir
from game.i18n import N_

DATA_DIR_ENV = "VOT_DATA_DIR"  # tests and portable installs point this elsewhere
MAX_JSON_BYTES = 8_000_000  # a long playthrough's save is ~100 kB
MAX_JSON_DEPTH = 32  # our files nest 5 levels at most
MAX_JSON_TEXT = 100_000  # characters in one string
STALE_TEMP_SECONDS = 60.0  # a temporary file older than this is left from an interrupted write
CANNOT_WRITE = N_("Your progress cannot be saved: the data folder cannot be written to. "
                  "Play goes on.")  # fmt: skip


class DamagedFile(ValueError):
    """A JSON file that is not what the game wrote: unreadable, too big, or holding values
    no game writes (NaN, NUL characters, deep nesting, huge text)."""


def data_dir() -> Path:
    """The folder for saves, settings and progress (created on first use; OSError when it
    cannot be, such as when a file stands where the folder should be)."""
    override = os.environ.get(DATA_DIR_ENV)
    path = Path(override) if override else user_dir("data")
    path.mkdir(parents=True, exist_ok=True)
    return path


def write_json(path: Path, data: Any) -> None:
    """Write JSON so that a crash leaves either the old file or the new one, never half of one."""
    write_text(path, json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False))


def write_text(path: Path, text: str, mode: int | None = None) -> None:
    """Write a text file atomically (a temporary file, flushed, then renamed over the old one)."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if mode is not None:
            os.chmod(tmp, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_dir(path.parent)


def write_quietly(write, *args: Any) -> bool:
    """Run a write (settings, progress, autosave); a full disk or a read-only or missing data
    folder posts one notice instead of stopping play. False when it failed."""
    try:
        write(*args)
    except OSError:
        notices.post(CANNOT_WRITE)
        return False
    return True


def _sync_dir(folder: Path) -> None:
    # The rename itself is only durable once the directory entry is flushed (POSIX only).
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_json(path: Path) -> Any:
    """Read a JSON file the game wrote; FileNotFoundError when there is none, DamagedFile (a
    ValueError) when it is anything the game would not have written, OSError when unreadable."""
    if not path.exists() and not path.is_symlink():
        raise FileNotFoundError(2, "No such file", str(path))
    try:
        raw = read_bounded(path, MAX_JSON_BYTES)
    except BadFile as exc:
        raise DamagedFile(exc.message) from None
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, RecursionError) as exc:
        raise DamagedFile(str(exc)[:200]) from None
    _check_values(data)
    return data


def _no_constant(name: str) -> Any:
    raise DamagedFile(f"{name} is not a number the game writes")


def _check_values(data: Any) -> None:
    """Walk the data without recursion: no deep nesting, no huge or NUL-holding text, no NaN."""
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            items = [*value.keys(), *value.values()]
        elif isinstance(value, list):
            items = value
        else:
            _check_scalar(value)
            continue
        if depth >= MAX_JSON_DEPTH:
            raise DamagedFile("nested too deeply")
        stack.extend((item, depth + 1) for item in items)


def _check_scalar(value: Any) -> None:
    if isinstance(value, str) and (len(value) > MAX_JSON_TEXT or "\0" in value):
        raise DamagedFile("a text value is too long or holds a NUL character")
    if isinstance(value, float) and not math.isfinite(value):
        raise DamagedFile("a number is not finite")


def set_aside(path: Path) -> Path | None:
    """Rename a damaged file to `<name>.damaged` (then .damaged-2, …) so that a person can look
    at it and it is never overwritten; None when even that is impossible."""
    for n in range(1, 100):
        target = path.with_name(path.name + (".damaged" if n == 1 else f".damaged-{n}"))
        if target.exists():
            continue
        try:
            path.replace(target)
        except OSError:
            return None
        return target
    return None


def clean_temp_files(folder: Path | None = None, now: float | None = None) -> int:
    """Delete temporary files left by writes that were interrupted (a crash, a power cut);
    only ones older than a minute, so that another running copy's write is left alone."""
    try:
        folder = folder or data_dir()
    except OSError:
        return 0
    now = time.time() if now is None else now
    removed = 0
    for tmp in [*folder.glob(".*.tmp"), *folder.glob("saves/.*.tmp")]:
        try:
            if now - tmp.stat().st_mtime > STALE_TEMP_SECONDS and tmp.is_file():
                tmp.unlink()
                removed += 1
        except OSError:
            continue
    return removed
