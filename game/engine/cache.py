"""A validated cache of a story's parsed files, so a story that passed its checks loads at once.

The cache is written only after a load that found no errors, and it is keyed by the size and
modification time of every story file plus the engine's versions: any edit rebuilds it. Its
contents are plain data in `marshal` form (which builds values but never runs code): the story
as built (see `stored` and `records`), each scene on its own so that it is rebuilt only when a
reader reaches it.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from pathlib import Path
from typing import Any

from game.engine.userdirs import user_dir
from game.engine.versions import CACHE_VERSION, FORMAT_VERSION

PREVIEW_SUFFIX = ".preview"


def cache_dir() -> Path:
    env = os.environ.get("VOT_CACHE_DIR")
    if env:
        return Path(env)
    return user_dir("cache") / "stories"


def fingerprint(root: Path) -> list:
    """Every story and translation file with its size and modification time, plus the
    engine's versions."""
    files = []
    # A one-file desktop build unpacks its story afresh at every start, with new times; the
    # story inside a build changes only with the build itself, which the engine stamp notes.
    timed = _inside_build(root) is None
    for shown, path in _story_files(str(root)):
        try:
            st = os.stat(path)
        except OSError:  # a dangling link: the loader reports it, the fingerprint notes it
            files.append((shown, -1, -1))
            continue
        files.append((shown, st.st_size, st.st_mtime_ns if timed else 0))
    return [CACHE_VERSION, FORMAT_VERSION, engine_stamp(), files]


def _story_files(root: str) -> list[tuple[str, str]]:
    """(path from the root, full path) of every .yaml and .po file below `root`, sorted.
    os.walk, not Path.rglob: this runs at every start, twice, and rglob costs ten times more."""
    found = []
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        rel = os.path.relpath(folder, root)
        for name in names:
            if name.endswith((".yaml", ".po")):
                found.append((name if rel == "." else f"{rel}{os.sep}{name}",
                              os.path.join(folder, name)))  # fmt: skip
    return sorted(found)


def engine_stamp() -> str:
    """Changes whenever the engine's source changes, so a new engine never reads an old cache."""
    if getattr(sys, "frozen", False):  # a desktop build holds no .py files: the program itself
        exe = Path(sys.executable).stat()
        return f"{sys.executable}:{exe.st_size}:{exe.st_mtime_ns}"
    with os.scandir(os.path.dirname(__file__)) as found:
        sources = sorted((e.name, e.stat().st_mtime_ns) for e in found if e.name.endswith(".py"))
    return ";".join(f"{name}:{mtime}" for name, mtime in sources)


def _inside_build(root: Path) -> str | None:
    """`root` relative to a desktop build's unpacked files, or None when not inside one."""
    base = getattr(sys, "_MEIPASS", None)
    if not (getattr(sys, "frozen", False) and base):
        return None
    try:
        return root.resolve().relative_to(Path(base).resolve()).as_posix()
    except ValueError:
        return None


def _path_for(root: Path, language: str | None, suffix: str = ".marshal") -> Path:
    # Two checksums of the folder's path name its cache file (hashlib costs 4 ms to import).
    # A one-file build unpacks into a new temporary folder at each start: name it by the
    # program and the folder's place inside it, so every start finds the same cache.
    inside = _inside_build(root)
    where = str(root.resolve()) if inside is None else f"{sys.executable}!{inside}"
    path = where.encode()
    key = f"{zlib.crc32(path):08x}{zlib.adler32(path):08x}"
    return cache_dir() / f"{key}-{language or 'source'}{suffix}"


def read(root: Path, language: str | None = None) -> dict | None:
    """The story `root` as cached (see `stored`), or None when there is no cache or it is
    stale."""
    return _read_valid(_path_for(root, language), root, "story")


def preview(root: Path, language: str | None = None) -> dict | None:
    """What was noted of the story when its cache was written (title, id, scene ids), or None
    when there is no cache or it is stale. A story with a valid preview loads without errors."""
    return _read_valid(_path_for(root, language, PREVIEW_SUFFIX), root, "preview")


def _read_valid(path: Path, root: Path, part: str) -> Any:
    try:
        blob = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(blob, dict) or blob.get("fingerprint") != fingerprint(root):
        return None
    return blob.get(part)


def sidecar(root: Path, suffix: str) -> Path:
    """A file beside the story's cache where a tool keeps what it found in the story."""
    return _path_for(root, None, suffix)


def read_keyed(path: Path, key: Any) -> Any:
    """The value stored at `path` under exactly `key`, or None."""
    try:
        blob = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(blob, dict) or blob.get("key") != key:
        return None
    return blob.get("value")


def write_keyed(path: Path, key: Any, value: Any) -> None:
    """Store `value` under `key` atomically (skipped when the disk refuses)."""
    _write_atomic(path, {"key": key, "value": value})


def write(root: Path, story: dict[str, Any], language: str | None = None,
          preview: dict | None = None) -> None:  # fmt: skip
    """Store the packed story (and a small preview of it) atomically; a cache that cannot be
    written is simply skipped."""
    stamp = fingerprint(root)
    _write_atomic(_path_for(root, language), {"fingerprint": stamp, "story": story})
    if preview is not None:
        write_preview(root, preview, language, stamp)


def write_preview(root: Path, preview: dict, language: str | None = None,
                  stamp: list | None = None) -> None:  # fmt: skip
    """Store the preview of a story that has just loaded without errors."""
    value = {"fingerprint": stamp or fingerprint(root), "preview": preview}
    _write_atomic(_path_for(root, language, PREVIEW_SUFFIX), value)


def _write_atomic(path: Path, value: dict) -> None:
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(marshal.dumps(value))
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
