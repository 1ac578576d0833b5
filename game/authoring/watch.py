"""Live reload's pure part: notice changed story files by polling, reload, and keep the place.

No threads and no sleeping: the caller (the player's loop, a test) says what time it is, and
`Reloader.poll(now)` looks at the files at most once per interval.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from game.engine import SaveError, read_story
from game.engine.errors import Problem
from game.engine.expr import StoryRuntimeError
from game.engine.model import Story
from game.engine.runtime import Playthrough
from game.story_i18n import SOURCE_LANGUAGE, StoryTranslation

WATCHED = ("*.yaml", "*.po")  # scenes and registries, and their translations
Stamps = dict[Path, tuple[int, int]]  # file -> (modification time in ns, size)


def stamps(root: Path) -> Stamps:
    """The modification time and size of every story file under `root`."""
    found: Stamps = {}
    for pattern in WATCHED:
        for path in root.rglob(pattern):
            if "plans" in path.relative_to(root).parts:
                continue  # plans are not part of the story a player sees
            try:
                info = path.stat()
            except OSError:
                continue  # deleted between listing and looking: the next poll sees it gone
            found[path] = (info.st_mtime_ns, info.st_size)
    return found


def changed(old: Stamps, new: Stamps) -> list[Path]:
    """Files added, removed or modified between two looks."""
    return sorted(p for p in old.keys() | new.keys() if old.get(p) != new.get(p))


class Watcher:
    """Polls a story folder's files; `poll(now)` lists what changed since the last look."""

    def __init__(self, root: Path, now: float, interval: float = 1.0) -> None:
        self.root, self.interval = root, interval
        self.seen = stamps(root)
        self.last = now

    def poll(self, now: float) -> list[Path]:
        if now - self.last < self.interval:
            return []
        return self.look(now)

    def look(self, now: float = -math.inf) -> list[Path]:
        """Look at the files now, whatever the interval."""
        self.last = max(self.last, now)
        current = stamps(self.root)
        diff = changed(self.seen, current)
        self.seen = current
        return diff


@dataclass
class Reload:
    """What a reload produced. `story` is None when the edit broke the story."""

    story: Story | None
    problems: list[Problem] = field(default_factory=list)
    changed: list[Path] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


class Reloader:
    """Keeps the last good story of a folder, and re-reads it when its files change."""

    def __init__(self, root: Path, story: Story, clock: Callable[[], float],
                 interval: float = 1.0) -> None:  # fmt: skip
        self.root, self.story, self.clock = root, story, clock
        self.watcher = Watcher(root, clock(), interval)

    def poll(self) -> Reload | None:
        """A reload when files changed since the last look (at most once per interval)."""
        diff = self.watcher.poll(self.clock())
        return self.reload(diff) if diff else None

    def reload(self, diff: list[Path] | None = None) -> Reload:
        """Re-read the story now (as F5 does); the last good story stays when this one fails."""
        if diff is None:
            diff = self.watcher.look(self.clock())
        result = read_story(self.root, translation=self._translation(), collect_strings=False)
        story = result.story
        if story is not None:
            # The reloaded story speaks the language the player had chosen.
            story = self.story = story._replace(language=self.story.language)
        return Reload(story, result.problems, diff)

    def _translation(self) -> StoryTranslation | None:
        language = self.story.language
        if not language or language == SOURCE_LANGUAGE:
            return None
        return StoryTranslation(self.root, language)


def carry_over(pt: Playthrough, story: Story) -> tuple[Playthrough | None, str]:
    """The same playthrough in the new story, or None and why the place could not be kept."""
    try:
        return Playthrough.from_json(story, pt.to_json()), f"kept your place in '{pt.scene.id}'"
    except SaveError as exc:
        return None, f"could not keep your place: {exc.message}"
    except StoryRuntimeError as exc:
        return None, f"could not keep your place: {exc}"


def restart(pt: Playthrough, story: Story) -> Playthrough | None:
    """A fresh start of the same perspective and mode in the new story, if it still has it."""
    if pt.perspective.id not in {p.id for p in story.perspectives}:
        return None
    return Playthrough.start(story, pt.perspective.id, seed=pt.seed, museum=pt.museum)
