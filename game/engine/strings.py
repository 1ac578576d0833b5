"""Every player-visible string of a story, named by a stable context, and its translation.

The loader passes each title, paragraph, choice and codex text through `Strings` as it builds
the story. That one path serves two needs: the translation tools list what there is to
translate (with the file and line it came from), and a translated load swaps each string for
its translation before markup is compiled, so a Russian story plays through the same engine.
"""

from __future__ import annotations

from typing import Any, NamedTuple, Protocol

from game.engine.sourcedata import SourceFile, YMap


class TString(NamedTuple):
    """One translatable string: its context (such as 'scene:ff_cotton_debt:text:2'), English
    text, and where it is written."""

    context: str
    text: str
    file: str
    line: int


class Translation(Protocol):
    """What a translated load needs: a language code and a lookup by context and English."""

    language: str

    def lookup(self, context: str, text: str) -> str | None: ...


class Strings:
    """Records strings as the loader meets them and returns their translation, if any."""

    def __init__(self, translation: Translation | None = None, collect: bool = True):
        self.translation = translation
        self.collect = collect  # playing needs no list of strings: it costs memory
        self.found: list[TString] = []

    def text(self, context: str, value: str, file: str, line: int) -> str:
        if self.collect:
            self.found.append(TString(context, value, file, line))
        if self.translation is not None:
            translated = self.translation.lookup(context, value)
            if translated:
                return translated
        return value

    def field(self, src: SourceFile, data: YMap, key: str, context: str) -> Any:
        """`data[key]` translated, when it is text; other values pass through."""
        value = data.get(key)
        if not isinstance(value, str) or not value:
            return value
        line = data.val_pos.get(key, data.pos)[0]
        return self.text(f"{context}:{key}", value, src.shown, line)

    def paragraphs(self, src: SourceFile, data: YMap, key: str, context: str) -> tuple[str, ...]:
        """A text-or-list field as translated paragraphs, numbered from 1."""
        value = data.get(key)
        if isinstance(value, str):
            value = [value]
            positions = [data.val_pos.get(key, data.pos)]
        elif isinstance(value, list):
            positions = getattr(value, "item_pos", [data.pos] * len(value))
        else:
            return ()
        return tuple(
            self.text(f"{context}:{key}:{i}", v, src.shown, pos[0]) if isinstance(v, str) else ""
            for i, (v, pos) in enumerate(zip(value, positions, strict=False), 1)
        )
