"""Open the player's story: at once from the cache's preview when it has one, in full later.

A story whose validated cache carries a preview loaded cleanly before and has not changed
since, so the window can show its title screen first and read the story itself after the
first frame (the engine's imports and the read are a third of the start-up).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TypeGuard

from game.story_i18n import load_story_in, translated_into

if TYPE_CHECKING:
    from game.engine.model import Story


class StoryPreview:
    """What the title screen needs of a story not read yet: its id, title and scene ids."""

    __slots__ = ("id", "language", "root", "scenes", "title")

    def __init__(self, root: Path, language: str | None, found: dict) -> None:
        self.root = root
        self.language = language
        self.id: str = found["id"]
        self.title: str = found["title"]
        self.scenes = frozenset(found["scenes"])  # a save is checked against these

    def load(self) -> Story:
        """The story itself (StoryError only if it changed since the preview was checked)."""
        return load_story_in(self.root, self.language)


def open_story(root: Path, language: str | None) -> Story | StoryPreview:
    """The story's preview when its cache is valid, else the story loaded now (StoryError)."""
    from game.engine import cache

    translated = translated_into(language)
    found = cache.preview(Path(root), translated)
    if _well_formed(found):
        return StoryPreview(Path(root), language, found)
    story = load_story_in(root, language)  # no preview, a stale one, or a damaged one
    if found is not None or cache.preview(Path(root), translated) is None:
        from game.engine.load import preview_of

        cache.write_preview(Path(root), preview_of(story), translated)  # the next start is quick
    return story


def _well_formed(found: object) -> TypeGuard[dict]:
    return (isinstance(found, dict) and isinstance(found.get("id"), str)
            and isinstance(found.get("title"), str) and isinstance(found.get("scenes"), list)
            and all(isinstance(sid, str) for sid in found["scenes"]))  # fmt: skip
