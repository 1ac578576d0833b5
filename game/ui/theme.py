"""Colour palettes (default, dark, high contrast) and the contrast arithmetic that checks them."""

from typing import NamedTuple

Color = tuple[int, int, int]


# Annotations here are not postponed: a named tuple would compile each one at every start.
class Palette(NamedTuple):
    """Every colour the screens use, named by job rather than hue."""

    name: str
    background: Color  # the window behind everything
    paper: Color  # panels that carry text
    text: Color
    muted: Color  # dates, places, secondary lines
    heading: Color
    link: Color  # [[codex]] links in the text
    accent: Color  # ornament lines, focus rings
    ornament: Color  # a second ornament colour
    ornament2: Color  # a third, used sparingly
    button: Color
    button_text: Color
    button_hover: Color
    button_hover_text: Color
    danger: Color  # damaged saves, warnings
    shade: tuple[int, int, int, int]  # dims the screen under an overlay


# Cream paper, indigo ink, turquoise tiles, saffron and pomegranate: calm, readable first.
DEFAULT = Palette(
    name="default",
    background=(226, 214, 188),
    paper=(248, 242, 226),
    text=(38, 30, 24),
    muted=(92, 74, 58),
    heading=(34, 44, 102),
    link=(14, 82, 90),
    accent=(30, 110, 118),
    ornament=(176, 122, 34),
    ornament2=(150, 38, 52),
    button=(40, 52, 112),
    button_text=(250, 244, 230),
    button_hover=(20, 96, 104),
    button_hover_text=(255, 255, 255),
    danger=(150, 30, 44),
    shade=(20, 16, 12, 150),
)

DARK = Palette(
    name="dark",
    background=(14, 18, 36),
    paper=(24, 30, 54),
    text=(236, 228, 208),
    muted=(196, 186, 160),
    heading=(244, 206, 128),
    link=(120, 214, 206),
    accent=(86, 184, 178),
    ornament=(206, 158, 64),
    ornament2=(196, 88, 104),
    button=(46, 60, 112),
    button_text=(246, 240, 224),
    button_hover=(18, 86, 90),
    button_hover_text=(255, 255, 255),
    danger=(255, 140, 150),
    shade=(0, 0, 0, 170),
)

# Every text colour here is at least 7:1 against its background (WCAG AAA); tests compute it.
HIGH_CONTRAST = Palette(
    name="high_contrast",
    background=(0, 0, 0),
    paper=(0, 0, 0),
    text=(255, 255, 255),
    muted=(230, 230, 230),
    heading=(255, 232, 110),
    link=(120, 236, 255),
    accent=(255, 232, 110),
    ornament=(255, 232, 110),
    ornament2=(120, 236, 255),
    button=(0, 0, 0),
    button_text=(255, 255, 255),
    button_hover=(255, 232, 110),
    button_hover_text=(0, 0, 0),
    danger=(255, 170, 170),
    shade=(0, 0, 0, 210),
)

PALETTES: dict[str, Palette] = {p.name: p for p in (DEFAULT, DARK, HIGH_CONTRAST)}

# Pairs of (foreground, background) field names that carry readable text.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "paper"),
    ("muted", "paper"),
    ("heading", "paper"),
    ("link", "paper"),
    ("danger", "paper"),
    ("text", "background"),
    ("heading", "background"),
    ("button_text", "button"),
    ("button_hover_text", "button_hover"),
)


def palette(name: str) -> Palette:
    return PALETTES.get(name, DEFAULT)


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: Color) -> float:
    """Relative luminance as WCAG 2 defines it."""
    r, g, b = (_linear(c) for c in color[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Color, b: Color) -> float:
    """The WCAG contrast ratio of two colours, from 1 to 21."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
