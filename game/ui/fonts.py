"""The bundled faces (Noto Serif or DejaVu Sans to read, Noto Sans for controls), opened once
per pixel size."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import pygame

from game.paths import assets_dir

FONT_DIR = assets_dir() / "fonts"

FACES: dict[str, str] = {
    "serif": "NotoSerif-Regular.ttf",
    "serif_italic": "NotoSerif-Italic.ttf",
    "serif_bold": "NotoSerif-Bold.ttf",
    "sans": "NotoSans-Regular.ttf",
    # The reading font a player may choose instead of the serif (Settings → Reading font).
    "reading_sans": "DejaVuSans.ttf",
    "reading_sans_italic": "DejaVuSans-Oblique.ttf",
    "reading_sans_bold": "DejaVuSans-Bold.ttf",
}
# Reading font -> the face used in place of each serif face.
READING_FACES: dict[str, dict[str, str]] = {
    "serif": {},
    "sans": {"serif": "reading_sans", "serif_italic": "reading_sans_italic",
             "serif_bold": "reading_sans_bold"},
}  # fmt: skip
SPACED_FACES = frozenset(["serif", "serif_italic", "serif_bold", *READING_FACES["sans"].values()])


class Fonts:
    """A cache of pygame fonts keyed by face and pixel size: opening a font costs milliseconds.

    Each open font holds its file open. A window resized again and again (or labels shrunk to
    fit, one size at a time) asks for ever new sizes, so only the `keep` most recently used
    fonts stay open; a screen uses about a dozen. `close()` lets go of them all.
    """

    KEEP = 64
    MAX_WIDTHS = 200_000  # measured words kept (a few megabytes at most)

    def __init__(self, folder: Path = FONT_DIR, keep: int = KEEP) -> None:
        self.folder = folder
        self.keep = keep
        self._cache: OrderedDict[tuple[str, int], pygame.font.Font] = OrderedDict()
        self._widths: dict[tuple[str, int, str], int] = {}

    def get(self, face: str, px: int) -> pygame.font.Font:
        key = (face, max(6, int(px)))
        font = self._cache.get(key)
        if font is not None:
            self._cache.move_to_end(key)
            return font
        font = pygame.font.Font(self.folder / FACES[face], key[1])
        self._cache[key] = font
        if len(self._cache) > self.keep:
            self._cache.popitem(last=False)  # its file closes with it
        return font

    def width(self, face: str, px: int, text: str) -> int:
        """How wide `text` is in this face and size, measured once: laying out a page measures
        every word, and the same words come back page after page."""
        key = (face, px, text)
        found = self._widths.get(key)
        if found is None:
            if len(self._widths) >= self.MAX_WIDTHS:
                self._widths.clear()
            found = self._widths[key] = self.get(face, px).size(text)[0]
        return found

    def __len__(self) -> int:
        return len(self._cache)

    def close(self) -> None:
        """Let go of every font (and so of its file); a later get() opens it again."""
        self._cache.clear()


def path(face: str) -> Path:
    return FONT_DIR / FACES[face]


class TextCache:
    """Single-line labels rendered once and kept: a render costs far more than a blit."""

    def __init__(self, fonts: Fonts, size: int = 512) -> None:
        self.fonts = fonts
        self.size = size
        self._cache: dict[tuple, pygame.Surface] = {}

    def render(
        self,
        face: str,
        px: int,
        text: str,
        color: tuple[int, int, int],
        bg: tuple[int, int, int] | None = None,
    ) -> pygame.Surface:
        key = (face, px, text, color, bg)
        surf = self._cache.get(key)
        if surf is None:
            if len(self._cache) >= self.size:
                self._cache.pop(next(iter(self._cache)))  # drop the oldest entry
            surf = self.fonts.get(face, px).render(text, True, color, bg)
            self._cache[key] = surf
        return surf


def missing_glyphs(face: str, text: str, px: int = 24) -> list[str]:
    """The characters of `text` the face draws as its 'missing glyph' box (tofu)."""
    font = Fonts().get(face, px)

    def ink(ch: str) -> bytes:
        return pygame.image.tobytes(font.render(ch, True, (0, 0, 0), (255, 255, 255)), "RGB")

    tofu = ink("\U0010fffd")  # a private-use character no font draws
    return [ch for ch in sorted(set(text) - set(" \n\t\u00a0")) if ink(ch) == tofu]
