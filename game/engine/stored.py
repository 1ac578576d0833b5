"""A story as its validated cache keeps it: built, with each scene rebuilt when first reached.

The cache holds the story itself as plain tuples (its registries, perspectives and variables,
already translated and checked) and each scene as a compressed record (see `records`), so that
reading a story back costs a `marshal` load and the making of a few hundred named tuples: no
YAML, no checks, and none of the loader's modules imported.
"""

from __future__ import annotations

import gc
import marshal
import zlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.engine.model import (
    Event,
    Person,
    Perspective,
    Place,
    Scene,
    Source,
    Story,
    Term,
    Variable,
)

if TYPE_CHECKING:
    from game.engine.records import Memo

_TABLES = (("events", Event), ("places", Place), ("people", Person), ("terms", Term),
           ("sources", Source))  # fmt: skip


def pack(story: Story) -> dict[str, Any]:
    """The story and its scenes (all built) as plain values for the cache."""
    from game.engine import records

    head: dict[str, Any] = {field: _pack_table(getattr(story, field)) for field, _ in _TABLES}
    head["story"] = (story.id, story.title, story.version, story.language, story.content_note,
                     story.credits, story.format)  # fmt: skip
    head["perspectives"] = tuple(_pack_perspective(p) for p in story.perspectives)
    # Scenes by perspective, in the story's order: each perspective's scenes share a memo of
    # their compiled expressions when they are rebuilt.
    scenes = tuple(
        tuple((sid, zlib.compress(marshal.dumps(records.pack_scene(story.scenes[sid])), 1))
              for sid in p.scene_ids)
        for p in story.perspectives
    )  # fmt: skip
    return {"head": head, "scenes": scenes}


def story_from(packed: dict[str, Any], root: Path,
               rebuild: Callable[[], Mapping[str, Scene]]) -> Story:  # fmt: skip
    """The story `pack` stored; `rebuild` reads every scene from the files should a scene's
    record turn out damaged."""
    head = packed["head"]
    sid, title, version, language, note, credits, fmt = head["story"]
    scenes = LazyScenes(rebuild)
    for by_perspective in packed["scenes"]:
        memo: Memo = {}
        for scene_id, blob in by_perspective:
            scenes.add(scene_id, memo, blob)
    tables: dict[str, Any] = {field: {k: cls(*v) for k, v in head[field].items()}
                              for field, cls in _TABLES}  # fmt: skip
    perspectives = tuple(_perspective(p) for p in head["perspectives"])
    return Story(sid, title, version, root, perspectives, scenes, tables["events"],
                 tables["places"], tables["people"], tables["terms"], tables["sources"], language,
                 note, credits, fmt)  # fmt: skip


def _pack_table(table: Mapping[str, tuple]) -> dict[str, tuple]:
    return {key: tuple(value) for key, value in table.items()}


def _pack_perspective(p: Perspective) -> tuple:
    return (*p[:4], _pack_table(p.variables), *p[5:10], _pack_table(p.characters or {}), *p[11:])


def _perspective(packed: tuple) -> Perspective:
    pid, title, protagonist, start, variables, scene_ids, years, blurb, museum_start, warnings, \
        characters, afterword, where = packed  # fmt: skip
    return Perspective(pid, title, protagonist, start,
                       {k: Variable(*v) for k, v in variables.items()}, scene_ids, years, blurb,
                       museum_start, warnings, {k: Person(*v) for k, v in characters.items()},
                       afterword, where)  # fmt: skip


class LazyScenes(Mapping):
    """Scenes by id, each rebuilt from its cached record the first time it is asked for."""

    def __init__(self, rebuild: Callable[[], Mapping[str, Scene]]) -> None:
        self._built: dict[str, Scene] = {}
        self._pending: dict[str, tuple[Memo, bytes]] = {}
        self._order: list[str] = []
        # Reads the scenes from the story's files: used when a record in the cache is damaged
        # (a failing disk), so that the reader goes on instead of meeting a crash.
        self._rebuild = rebuild
        self._from_files: Mapping[str, Scene] | None = None

    def add(self, sid: str, memo: Memo, blob: bytes) -> None:
        self._pending[sid] = (memo, blob)
        self._order.append(sid)

    def __getitem__(self, sid: str) -> Scene:
        scene = self._built.get(sid)
        if scene is None:
            memo, blob = self._pending.pop(sid)  # KeyError: no such scene
            scene = self._built[sid] = self._build(sid, memo, blob)
            gc.freeze()  # a scene built during play lives as long as the story (see load)
        return scene

    def _build(self, sid: str, memo: Memo, blob: bytes) -> Scene:
        from game.engine import records  # the title screen needs no scene

        try:
            return records.build_scene(marshal.loads(zlib.decompress(blob)), memo)
        except (zlib.error, ValueError, TypeError, EOFError, IndexError):
            if self._from_files is None:
                self._from_files = self._rebuild()
            return self._from_files[sid]

    def __contains__(self, sid: object) -> bool:
        return sid in self._built or sid in self._pending

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)
