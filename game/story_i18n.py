"""The story in another language: its catalogues in story/locales/<language>/*.po, read at load.

A translation is used only where its English still matches the story (a string edited since
it was translated shows in English until a translator updates it), and never when fuzzy or
empty. What has no usable translation falls back to English.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.engine.model import Story

SOURCE_LANGUAGE = "en"


def catalog_dir(root: Path, language: str) -> Path:
    return Path(root) / "locales" / language


class StoryTranslation:
    """A lookup from (context, English) to the translation, read when first asked."""

    def __init__(self, root: Path, language: str) -> None:
        self.root = Path(root)
        self.language = language
        self._messages: dict[tuple[str, str], str] | None = None
        self.broken: list[str] = []  # catalogues that could not be read, each as file:line

    @property
    def messages(self) -> dict[tuple[str, str], str]:
        if self._messages is None:
            from game.po import CatalogError, read_catalog, usable  # Babel: when translated

            self._messages = {}
            for path in sorted(catalog_dir(self.root, self.language).glob("*.po")):
                try:
                    catalog = read_catalog(path, self.language)
                except CatalogError as exc:
                    # The strings of a broken catalogue show in English; `check` names the line.
                    self.broken.append(str(exc))
                    continue
                for message in catalog:
                    if (usable(message) and isinstance(message.string, str)
                            and isinstance(message.id, str)):  # fmt: skip
                        self._messages[(message.context or "", message.id)] = message.string
        return self._messages

    def lookup(self, context: str, text: str) -> str | None:
        return self.messages.get((context, text))


def story_languages(root: Path) -> list[str]:
    """English first, then every language with story catalogues."""
    folder = Path(root) / "locales"
    found = sorted(p.name for p in folder.glob("*") if p.is_dir() and any(p.glob("*.po")))
    return [SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE)]


def translated_into(language: str | None) -> str | None:
    """The language a story is translated into when played in `language` (None: English as
    written); the story's cache and preview are kept under this name."""
    return None if not language or language == SOURCE_LANGUAGE else language


def load_story_in(root: Path, language: str | None, use_cache: bool = True) -> Story:
    """The story with every string in `language` where translated; StoryError as load_story."""
    from game.engine import load_story  # the player's first frame is drawn before the engine

    target = translated_into(language)
    if target is None:
        return load_story(root, use_cache=use_cache)
    translation = StoryTranslation(root, target)
    story = load_story(root, use_cache=use_cache, translation=translation)
    # The story now speaks `language` wherever it has a translation at all.
    return story._replace(language=target) if translation.messages else story
