"""What screens draw with: palette, scale, fonts and layout caches for this window and settings."""

from __future__ import annotations

from dataclasses import dataclass

from game.ui.fonts import READING_FACES, Fonts, TextCache
from game.ui.textlayout import Block, Layouter, Piece, Style, measure
from game.ui.theme import DEFAULT, Color, Palette

DESIGN_SIZE = (1280, 720)
MEASURE_CHARS = 66  # a comfortable line: at most ~70 characters

# Design sizes in pixels at 1280×720; (face, size, palette colour, scales with text size).
ROLES: dict[str, tuple[str, float, str, bool]] = {
    "body": ("serif", 21, "text", True),
    "link": ("serif", 21, "link", True),
    "italic": ("serif_italic", 21, "muted", True),
    "emphasis": ("serif_italic", 21, "text", True),
    "strong": ("serif_bold", 21, "heading", True),
    "heading": ("serif_bold", 30, "heading", True),
    "title": ("serif_bold", 62, "heading", False),
    "ui": ("sans", 19, "text", True),
    "ui_muted": ("sans", 17, "muted", True),
    "button": ("sans", 19, "button_text", True),
    "small": ("sans", 16, "muted", True),
}


# The letters worth drawing once before a story's first page, by the script of its language.
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
COMMON_SIGNS = "0123456789 .,;:!?'\"()-–—…“”‘’«»ʻ"
LETTERS = {"ru": CYRILLIC}  # every other language of the game is written in Latin letters


@dataclass
class Kit:
    """Drawing context shared by every screen; rebuilt in place on resize or a settings change."""

    fonts: Fonts
    text: TextCache
    layouter: Layouter
    palette: Palette = DEFAULT
    scale: float = 1.0
    text_scale: float = 1.0
    size: tuple[int, int] = DESIGN_SIZE
    min_px: int = 12  # the smallest text drawn (the kiosk raises it to stay readable at 3 m)
    reading_font: str = "serif"  # a key of READING_FACES: the face of the reading text

    def px(self, n: float) -> int:
        """A design-size length in real pixels."""
        return max(1, round(n * self.scale))

    def font_px(self, role: str) -> int:
        _, size, _, scales = ROLES[role]
        factor = self.text_scale if scales else 1.0
        return max(self.min_px, round(size * self.scale * factor))

    def face(self, role: str) -> str:
        face = ROLES[role][0]
        return READING_FACES[self.reading_font].get(face, face)

    def style(self, role: str, color: Color | None = None) -> Style:
        colour = ROLES[role][2]
        return Style(
            self.face(role),
            self.font_px(role),
            color or getattr(self.palette, colour),
            role == "link",
        )

    def font(self, role: str):
        return self.fonts.get(self.face(role), self.font_px(role))

    def label(self, role: str, text: str, color: Color | None = None):
        """A single line of text as a cached surface."""
        style = self.style(role, color)
        return self.text.render(style.face, style.px, text, style.color)

    def block(self, role: str, text: str, color: Color | None = None) -> Block:
        return (Piece(text, self.style(role, color)),)

    def measure(self, role: str = "body", chars: int = MEASURE_CHARS) -> int:
        """The width of a reading column: `chars` average characters."""
        style = self.style(role)
        return measure(self.fonts, style.face, style.px, chars)

    def warm(self, language: str) -> None:
        """Draw the language's letters once in the body face: the first use of a glyph costs
        ten times its reuse (5 ms for a first page), which a story's first page should not pay."""
        letters = LETTERS.get(language, LATIN) + COMMON_SIGNS
        self.font("body").render(letters, True, self.palette.text)

    def resize(self, size: tuple[int, int]) -> None:
        self.size = size
        self.scale = min(size[0] / DESIGN_SIZE[0], size[1] / DESIGN_SIZE[1])
