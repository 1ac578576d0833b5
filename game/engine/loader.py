"""Read and check a story folder's files into the model, noting every problem in its file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.engine import limits
from game.engine.errors import Problem, suggest
from game.engine.load import LoadResult
from game.engine.model import Perspective, Scene, Story
from game.engine.registry import (
    Registries,
    build_person,
    build_registries,
    check_documented_sources,
)
from game.engine.scenes import SceneBuilder, build_variables, make_env
from game.engine.sourcedata import SourceFile, YMap
from game.engine.strings import Strings, Translation
from game.engine.structure import check_structure
from game.engine.versions import FORMAT_VERSION
from game.engine.yamlsrc import read_yaml

PERSPECTIVE_FILE = "perspective.yaml"


class Loader:
    """Reads a story folder's files and builds the story, noting every problem in its file."""

    def __init__(self, root: Path, translation: Translation | None = None):
        self.root = root
        self.strings = Strings(translation)
        self.files: list[SourceFile] = []
        self.loose: list[Problem] = []
        self.kinds: dict[str, str] = {}
        self._real_root: Path | None = None  # the story folder with links resolved
        # One perspective's scene references whose scene is not built yet, by the scene named.
        self.pending: dict[str, list[tuple[SourceFile, tuple, str]]] = {}

    def read(self, path: Path, kind: str) -> SourceFile:

        src = self._outside(path) or read_yaml(path, self._shown(path))
        self.kinds[src.shown] = kind
        self.files.append(src)
        if src.data is None and not src.problems:  # a file holding only '~' or 'null'
            src.problem((1, 1), "the file holds no keys", "write its content, or delete it", "E004")
        elif src.data is not None and not isinstance(src.data, dict):
            src.problem((1, 1), "the file must be a mapping of keys and values, not a list or text",
                        "start the file with a key such as 'scenes:'", "E103")  # fmt: skip
            src.data = None
        check_structure(src, kind)
        return src

    def _outside(self, path: Path) -> SourceFile | None:
        """A file that leads out of the story folder (itself a link, or in a linked folder) is
        refused, not read: a story pack must not read /dev/zero or another person's files."""
        if self._real_root is None:
            self._real_root = self.root.resolve()
        try:
            path.resolve(strict=True).relative_to(self._real_root)
            return None
        except FileNotFoundError:
            return None  # read_yaml says it cannot be read
        except (OSError, RuntimeError, ValueError):
            src = SourceFile(path, self._shown(path))
            src.problem((0, 0), "this file is a link to somewhere outside the story folder",
                        "copy the file into the story folder instead of linking it", "E001")  # fmt: skip
            return src

    def yaml_files(self, folder: Path) -> list[Path]:
        """The folder's .yaml files in order, at most MAX_FILES of them (the rest reported)."""
        paths = sorted(folder.glob("*.yaml"))
        if len(paths) > limits.MAX_FILES:
            shown = self._shown(folder)
            self.loose.append(Problem(shown, 0, 0, f"the folder holds {len(paths):,} .yaml files; "
                                      f"at most {limits.MAX_FILES:,} are read",
                                      "merge small files, or split the perspective", "E007"))  # fmt: skip
            paths = paths[: limits.MAX_FILES]
        return paths

    def _shown(self, path: Path) -> str:
        try:
            return (
                str(path.relative_to(self.root.parent)) if self.root.parent != path else str(path)
            )
        except ValueError:
            return str(path)

    def fail(self, message: str, hint: str | None = None, code: str = "E001") -> LoadResult:
        self.loose.append(Problem(str(self.root), 0, 0, message, hint, code))
        return self.result(None)

    def result(self, story: Story | None) -> LoadResult:
        problems = list(self.loose)
        for src in self.files:
            problems += src.problems
        problems.sort(key=lambda p: (p.file, p.line, p.col))
        return LoadResult(story if not any(p.severity == "error" for p in problems) else None,
                          problems, self.files, self.strings.found)  # fmt: skip

    # -- the whole run
    def run(self) -> LoadResult:
        if not self.root.is_dir():
            what = "is a file, not a folder" if self.root.exists() else "does not exist"
            return self.fail(f"the story folder {what}",
                             "give the folder that holds story.yaml, such as 'story'")  # fmt: skip
        story_file = self.root / "story.yaml"
        if not story_file.is_file():
            return self.fail("there is no story.yaml in the story folder",
                             "create story.yaml (see docs/story-format.md)")  # fmt: skip
        meta = self.read(story_file, "storyFile")
        registries = self._read_history()
        tables = build_registries(registries, self.strings)
        perspectives, scenes = self._read_perspectives(meta, tables)
        if not meta.data:
            return self.result(None)
        self._check_format(meta)
        d, tr = meta.data, self.strings
        people = self._everyone(tables["people"], perspectives, meta)
        story = Story(d["id"], tr.field(meta, d, "title", "story"), str(d.get("version", "0")),
                      self.root, tuple(perspectives), scenes, tables["events"], tables["places"],
                      people, tables["terms"], tables["sources"], d.get("language", "en"),
                      tr.field(meta, d, "content_note", "story"),
                      tr.field(meta, d, "credits", "story"), d["format"])  # fmt: skip
        return self.result(story)

    def _everyone(self, registry: dict, perspectives: list[Perspective], meta) -> dict:
        """Documented people and every perspective's characters, in one table by id."""
        people = dict(registry)
        for perspective in perspectives:
            for cid, person in (perspective.characters or {}).items():
                if cid in people:
                    other = people[cid].perspective
                    meta.problems.append(Problem(perspective.where[0], *perspective.where[1:],
                                                 f"character id '{cid}' is also used in "
                                                 f"perspective '{other}'", "give characters "
                                                 "ids unique across the story, for example "
                                                 "with a prefix", "E201"))  # fmt: skip
                people[cid] = person
        return people

    def _check_format(self, meta: SourceFile) -> None:
        fmt = meta.data.get("format")
        if isinstance(fmt, int) and fmt > FORMAT_VERSION:
            meta.problem(meta.data.val_pos["format"],
                         f"this story needs format {fmt}, but this game reads format {FORMAT_VERSION}",
                         "update the game, or write the story in format 1", "E005")  # fmt: skip

    def _read_history(self) -> Registries:
        registries = Registries()
        folder = self.root / "history"
        if not folder.is_dir():
            self.loose.append(
                Problem(
                    str(folder),
                    0,
                    0,
                    "there is no history/ folder",
                    "create story/history/ with the registries",
                    "E001",
                )
            )
            return registries
        for path in self.yaml_files(folder):
            src = self.read(path, "historyFile")
            if src.data:
                registries.add_file(src)
        return registries

    # -- perspectives
    def _read_perspectives(self, meta: SourceFile, tables: dict) -> tuple[list, dict]:
        perspectives: list[Perspective] = []
        scenes: dict[str, Scene] = {}
        owners: dict[str, tuple[SourceFile, tuple]] = {}
        ids: Any = (meta.data or {}).get("perspectives") or []
        heads = []
        for i, pid in enumerate(ids):
            pos = ids.item_pos[i]
            folder = self.root / "perspectives" / str(pid)
            if not (folder / PERSPECTIVE_FILE).is_file():
                meta.problem(pos, f"perspective '{pid}' has no {folder.relative_to(self.root)}/"
                             f"{PERSPECTIVE_FILE}", "create the folder and its perspective.yaml, "
                             "or remove the id from the list", "E001")  # fmt: skip
                continue
            src = self.read(folder / PERSPECTIVE_FILE, "perspectiveFile")
            if src.data:
                heads.append((str(pid), folder, src, self._characters(str(pid), src, src.data,
                                                                      tables["people"])))  # fmt: skip
        # One person, one entry: a scene may name any perspective's character (the same
        # person met from another side), so every perspective's characters are read first.
        everyone = dict(tables["people"])
        for head in heads:
            everyone.update(head[3])
        for pid, folder, src, characters in heads:
            people = {**everyone, **characters}
            perspectives.append(self._perspective(pid, folder, src, characters, people, tables,
                                                  scenes, owners))  # fmt: skip
        self._unlisted(ids, meta)
        return perspectives, scenes

    def _unlisted(self, ids: list, meta: SourceFile) -> None:
        folder = self.root / "perspectives"
        if not folder.is_dir() or not meta.data:
            return
        for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
            if sub.name not in ids:
                line, col = meta.data.val_pos.get("perspectives", (1, 1))
                meta.problems.append(Problem(meta.shown, line, col,
                                             f"the folder perspectives/{sub.name} is not listed "
                                             "in 'perspectives'", "add it to the list to play it",
                                             "W101", "warning"))  # fmt: skip

    def _perspective(self, pid, folder, src: SourceFile, characters: dict, people: dict,
                     tables, scenes, owners) -> Perspective:  # fmt: skip
        data = src.data
        variables = build_variables(src, data)
        builder = SceneBuilder(pid, make_env(variables), tables["terms"], people,
                               tables["places"], tables["events"], self.strings)  # fmt: skip
        builder.root = self.root
        own: list[str] = []
        complete = True
        self.pending = {}
        for path in self.yaml_files(folder):
            if path.name != PERSPECTIVE_FILE:
                complete &= self._scene_file(path, builder, scenes, owners, own)
        if complete:  # with a file unreadable, its scenes are unknown: don't report them missing
            self._check_scene_refs(pid, scenes)
            self._check_starts(pid, src, data, scenes)
        self._check_endings(pid, [scenes[s] for s in own], owners)
        tr, ctx = self.strings, f"perspective:{pid}"
        years = data.get("years")
        if isinstance(years, int):
            data["years"] = str(years)
        return Perspective(pid, tr.field(src, data, "title", ctx),
                           tr.field(src, data, "protagonist", ctx), data["start"], variables,
                           tuple(own), tr.field(src, data, "years", ctx),
                           tr.field(src, data, "blurb", ctx), data.get("museum_start"),
                           tuple(data.get("warnings") or ()), characters,
                           tr.field(src, data, "afterword", ctx), (src.shown, *data.pos))  # fmt: skip

    def _characters(self, pid, src: SourceFile, data: YMap, registry: dict) -> dict:
        table: Any = data.get("characters") or {}
        result = {}
        for cid, spec in table.items():
            pos = table.key_pos[cid]
            if cid in registry:
                src.problem(pos, f"character '{cid}' has the id of a person in history/",
                            "rename the character", "E201")  # fmt: skip
                continue
            if spec.get("kind", "fictional") == "documented":
                check_documented_sources(src, pos, cid, spec)
            result[cid] = build_person(cid, spec, src, self.strings, pid)
        return result

    def _scene_file(self, path, builder: SceneBuilder, scenes, owners, own) -> bool:
        """Build the scenes of one file; False when the file could not be read at all."""
        src = self.read(path, "sceneFile")
        if not src.data:
            return src.data is not None or not src.problems
        table = src.data["scenes"]
        for sid, data in table.items():
            pos = table.key_pos[sid]
            if sid in scenes:
                first = owners[sid]
                src.problem(pos, f"duplicate scene id '{sid}' (first in {first[0].shown}:"
                            f"{first[1][0]})", "scene ids are unique across the story: rename one",
                            "E201")  # fmt: skip
                continue
            scenes[sid] = builder.scene(src, sid, data, pos)
            owners[sid] = (src, pos)
            own.append(sid)
            self.pending.pop(sid, None)  # the references waiting for this scene are fine
        self._settle_refs(builder, scenes)
        src.data = None  # the scenes are built: the parsed file need not stay in memory
        return True

    def _settle_refs(self, builder: SceneBuilder, scenes: dict) -> None:
        """File the file's scene references: one to a scene of this perspective already built is
        fine; the others wait in `pending`, by the scene they name, until that scene is built.

        Each reference is looked at once, so the check stays linear in the story's size (a
        re-check of every waiting reference after each file was quadratic: 9 s at 50k scenes).
        """
        pid = builder.perspective
        for ref in builder.scene_refs:
            scene = scenes.get(ref[2])
            if scene is None or scene.perspective != pid:
                self.pending.setdefault(ref[2], []).append(ref)
        builder.scene_refs = []

    def _check_scene_refs(self, pid: str, scenes: dict) -> None:
        """Report the references still waiting at the end of the perspective: every one names
        a scene that does not exist or that belongs to another perspective."""
        waiting = [ref for refs in self.pending.values() for ref in refs]
        if not waiting:
            return
        mine = {sid for sid, s in scenes.items() if s.perspective == pid}
        for src, pos, ref in waiting:
            if ref in scenes:
                message = (
                    f"scene '{ref}' belongs to another perspective ({scenes[ref].perspective})"
                )
                src.problem(pos, message, "a perspective can only lead to its own scenes", "E202")
                continue
            hint = suggest(ref, mine) or "create the scene, or fix the spelling"
            src.problem(pos, f"unknown scene '{ref}'", hint, "E202")

    def _check_starts(self, pid, src: SourceFile, data: YMap, scenes: dict) -> None:
        mine = [sid for sid, s in scenes.items() if s.perspective == pid]
        for key in ("start", "museum_start"):
            ref = data.get(key)
            if ref is not None and ref not in mine:
                hint = suggest(ref, mine) or "name one of the perspective's scenes"
                src.problem(data.val_pos[key], f"{key}: unknown scene '{ref}'", hint, "E202")

    def _check_endings(self, pid, scenes: list[Scene], owners) -> None:
        seen: dict[str, Scene] = {}
        for scene in scenes:
            if scene.ending is None:
                continue
            eid = scene.ending.id
            if eid in seen:
                src = owners[scene.id][0]
                src.problem(scene.ending.where[1:], f"duplicate ending id '{eid}' (also in scene "
                            f"'{seen[eid].id}')", "give each ending its own id", "E201")  # fmt: skip
            seen[eid] = scene
