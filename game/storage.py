"""Where the player's files live, and the one atomic way they are written."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

APP_NAME = "voices-of-turkestan"
DATA_DIR_ENV = "VOT_DATA_DIR"  # tests and portable installs point this elsewhere


def data_dir() -> Path:
    """The folder for saves, settings and progress (created on first use)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        path = Path(override)
    else:
        import platformdirs  # imported here, with tempfile below: start-up imports only what it uses

        path = Path(platformdirs.user_data_dir(APP_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def write_json(path: Path, data: Any) -> None:
    """Write JSON so that a crash leaves either the old file or the new one, never half of one."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_dir(path.parent)


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
    """Read a JSON file; raises OSError or ValueError (json.JSONDecodeError) when unreadable."""
    with open(path, encoding="utf-8") as f:
        return json.load(f)
