"""Load a story folder into the model, reporting every problem of the run at once."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from game.engine import cache
from game.engine.errors import Problem, StoryError
from game.engine.model import Scene, Story

if TYPE_CHECKING:
    from game.engine.sourcedata import SourceFile
    from game.engine.strings import Translation, TString


@dataclass
class LoadResult:
    """What a load produced: the story when it is usable, and every problem found."""

    story: Story | None
    problems: list[Problem] = field(default_factory=list)
    files: list[SourceFile] = field(default_factory=list)
    strings: list[TString] = field(default_factory=list)  # every translatable string met

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def load_story(root: str | Path, use_cache: bool = False,
               translation: Translation | None = None) -> Story:  # fmt: skip
    """The story in `root`, or StoryError listing every problem.

    With `use_cache`, a story that loaded cleanly before and has not changed since comes from
    the validated cache (see `stored`), and its scenes are rebuilt as they are first reached;
    a story read from its files is cached for the next time. With a `translation`, every
    player-visible string is replaced by its translation where there is one.
    """
    root = Path(root)
    language = translation.language if translation else None
    if use_cache and root.is_dir():
        story = _from_cache(root, translation)
        if story is not None:
            return _settled(story)
    story = _from_files(root, translation)
    if use_cache:
        _store(root, story, language)
    return _settled(story)


def _store(root: Path, story: Story, language: str | None) -> Story:
    """Cache a story just read cleanly from its files, for the next time."""
    from game.engine import stored

    cache.write(root, stored.pack(story), language, preview_of(story))
    return story


def _from_cache(root: Path, translation: Translation | None) -> Story | None:
    """The story as its valid cache holds it, or None (no cache, a stale or damaged one)."""
    from game.engine import stored

    packed = cache.read(root, translation.language if translation else None)
    if packed is None:
        return None
    try:
        with _collector_paused():
            return stored.story_from(packed, root, lambda: _cached_afresh(root, translation))
    except (KeyError, TypeError, ValueError, IndexError, EOFError):
        return None  # a cache that doesn't fit is rebuilt from the files themselves


def _cached_afresh(root: Path, translation: Translation | None) -> Mapping[str, Scene]:
    """Every scene read again from the files, after a damaged record in the cache; the cache
    is written again, so the next start finds it whole."""
    language = translation.language if translation else None
    return _store(root, _from_files(root, translation), language).scenes


def _from_files(root: Path, translation: Translation | None) -> Story:
    result = read_story(root, translation=translation, collect_strings=False)
    if result.errors or result.story is None:
        raise StoryError(result.problems)
    return result.story


def _settled(story: Story) -> Story:
    """The story, moved out of the cyclic collector's reach for good (gc.freeze).

    A story is hundreds of thousands of long-lived objects without a cycle worth collecting;
    left in the collector, every full collection during play rescans all of them (a 150 ms
    pause at 10,000 scenes, and a third of the play time). Freezing costs nothing; what it
    keeps is only what is alive now, plus any cyclic garbage not yet collected (a bounded
    amount: one freeze per load and per scene built).

    A story loaded again (a kiosk's language switch, a live reload) first lets the collector
    at everything frozen before: what the old story left in cycles is collected once, instead
    of staying frozen for good on a kiosk that switches languages for months.
    """
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
    gc.freeze()
    return story


def read_story(root: str | Path, translation: Translation | None = None,
               collect_strings: bool = True) -> LoadResult:  # fmt: skip
    """Read and check a story folder; never raises for problems in the content."""
    from game.engine.loader import Loader  # a story served by its cache needs none of it

    loader = Loader(Path(root), translation)
    loader.strings.collect = collect_strings
    try:
        with _collector_paused():
            return loader.run()
    except (KeyError, TypeError, AttributeError, ValueError, IndexError):
        # Files already reported as malformed can still trip the build after repair; their
        # problems say what to fix. Without any reported problem this is a bug: let it show.
        result = loader.result(None)
        if not result.errors:
            raise
        return result


def preview_of(story: Story) -> dict:
    """What a player's title screen needs before the story itself is loaded."""
    return {"id": story.id, "title": story.title, "scenes": list(story.scenes)}


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading makes millions of small objects and no cycles worth collecting; Python's
    cyclic collector would otherwise rescan them again and again (3× slower parses)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
