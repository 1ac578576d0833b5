"""A validated cache of a story's parsed files, so a story that passed its checks loads at once.

The cache is written only after a load that found no errors, and it is keyed by the size and
modification time of every story file plus the engine's versions: any edit rebuilds it. Its
contents are plain data in `marshal` form (which builds values but never runs code), and each
scene is stored on its own so that scenes are compiled only when a reader reaches them.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from pathlib import Path
from typing import Any

from game.engine.sourcedata import YMap, YSeq
from game.engine.versions import CACHE_VERSION, FORMAT_VERSION

PREVIEW_SUFFIX = ".preview"


def cache_dir() -> Path:
    env = os.environ.get("VOT_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs  # only needed when caching, keeps the checker's imports small

    return Path(platformdirs.user_cache_dir("voices-of-turkestan")) / "stories"


def fingerprint(root: Path) -> list:
    """Every story and translation file with its size and modification time, plus the
    engine's versions."""
    files = []
    # A one-file desktop build unpacks its story afresh at every start, with new times; the
    # story inside a build changes only with the build itself, which the engine stamp notes.
    timed = _inside_build(root) is None
    for path in sorted([*root.rglob("*.yaml"), *root.rglob("*.po")]):
        try:
            st = path.stat()
        except OSError:  # a dangling link: the loader reports it, the fingerprint notes it
            files.append((str(path.relative_to(root)), -1, -1))
            continue
        files.append((str(path.relative_to(root)), st.st_size, st.st_mtime_ns if timed else 0))
    return [CACHE_VERSION, FORMAT_VERSION, engine_stamp(), files]


def engine_stamp() -> str:
    """Changes whenever the engine's source changes, so a new engine never reads an old cache."""
    if getattr(sys, "frozen", False):  # a desktop build holds no .py files: the program itself
        exe = Path(sys.executable).stat()
        return f"{sys.executable}:{exe.st_size}:{exe.st_mtime_ns}"
    here = Path(__file__).parent
    return ";".join(f"{p.name}:{p.stat().st_mtime_ns}" for p in sorted(here.glob("*.py")))


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


def pack(value: Any) -> Any:
    """YMap/YSeq with their positions → tuples that marshal can store."""
    if isinstance(value, YMap):
        keys = list(value)
        return ("m", value.pos, keys, [value.key_pos[k] for k in keys],
                [value.val_pos[k] for k in keys], [value.styles.get(k) for k in keys],
                [pack(value[k]) for k in keys])  # fmt: skip
    if isinstance(value, YSeq):
        return ("s", value.pos, value.item_pos, value.styles, [pack(v) for v in value])
    return value


def unpack(value: Any) -> Any:
    if isinstance(value, tuple) and value and value[0] == "m":
        _, pos, keys, key_pos, val_pos, styles, values = value
        result = YMap(pos)
        for k, kp, vp, style, v in zip(keys, key_pos, val_pos, styles, values, strict=True):
            result[k] = unpack(v)
            result.key_pos[k], result.val_pos[k], result.styles[k] = kp, vp, style
        return result
    if isinstance(value, tuple) and value and value[0] == "s":
        _, pos, item_pos, styles, items = value
        seq = YSeq(pos)
        seq.extend(unpack(v) for v in items)
        seq.item_pos, seq.styles = list(item_pos), list(styles)
        return seq
    return value


def pack_file(data: YMap) -> Any:
    """A history, story or perspective file's data, with its positions."""
    return ("file", pack(data))


def pack_scenes(scenes: dict[str, tuple]) -> Any:
    """A scene file's built scenes as records (see `records`), by id, packed one by one so
    that each is rebuilt only when a reader reaches it."""
    # Compressed: a waiting scene costs a quarter of the memory, and decompressing one
    # scene when it is reached takes microseconds.
    packed = {sid: zlib.compress(marshal.dumps(record), 1) for sid, record in scenes.items()}
    return ("scenes", packed)


def unpack_scene(blob: bytes) -> Any:
    """A scene's record as `pack_scenes` stored it."""
    return marshal.loads(zlib.decompress(blob))


def read(root: Path, language: str | None = None) -> dict | None:
    """The cached files of `root`, or None when there is no cache or it is stale."""
    return _read_valid(_path_for(root, language), root, "files")


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


def write(root: Path, files: dict[str, Any], language: str | None = None,
          preview: dict | None = None) -> None:  # fmt: skip
    """Store the packed files (and a small preview of the story) atomically; a cache that
    cannot be written is simply skipped."""
    stamp = fingerprint(root)
    _write_atomic(_path_for(root, language), {"fingerprint": stamp, "files": files})
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
