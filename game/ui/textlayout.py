"""Lays styled text out into lines once per page, renders it once, then reveals and hit-tests it."""

import math
import re
from collections import OrderedDict
from collections.abc import Sequence
from typing import NamedTuple

import pygame

from game.ui.fonts import SPACED_FACES, Fonts
from game.ui.theme import Color

# A line may break at whitespace, except at a no-break space (U+00A0, U+202F): "20 000".
_BREAK = r"[^\S\u00a0\u202f]"
_TOKEN = re.compile(rf"(?:(?!{_BREAK}).)+{_BREAK}*|{_BREAK}+", re.DOTALL)
# A space inside a number written in groups of three ("25 000", "200 000") is kept, since
# translators seldom type the no-break space their language wants there.
_DIGIT_GROUP = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")


def keep_together(text: str) -> str:
    """`text` with the spaces a line must not break at made no-break (same length)."""
    return _DIGIT_GROUP.sub("\u00a0", text)


# A pangram-like sample for average character width: typical English prose letter frequencies.
_SAMPLE = "the quick brown fox jumps over a lazy dog, and then, in the evening, rests."


# Records as named tuples: a dataclass costs about a millisecond of start-up each. This module's
# annotations are not postponed: a named tuple compiles each postponed one as a forward reference.
class Style(NamedTuple):
    face: str
    px: int
    color: Color
    underline: bool = False


class Piece(NamedTuple):
    """A run of input text in one style; `term` makes it a codex link."""

    text: str
    style: Style
    term: str | None = None


Block = tuple[Piece, ...]  # one paragraph


class Run(NamedTuple):
    """Part of one line in one style; `start` counts characters from the top of the page."""

    x: int
    width: int
    text: str
    style: Style
    term: str | None
    start: int


class Line(NamedTuple):
    y: int
    height: int
    ascent: int
    runs: list[Run]

    @property
    def start(self) -> int:
        return self.runs[0].start if self.runs else 0

    @property
    def end(self) -> int:
        return self.runs[-1].start + len(self.runs[-1].text) if self.runs else 0


class Page:
    """Laid-out text: lines, link boxes, and a surface rendered once on first draw."""

    def __init__(self, fonts: Fonts, width: int, lines: list[Line], height: int, bg: Color):
        self.fonts = fonts
        self.width = width
        self.lines = lines
        self.height = height
        self.bg = bg
        self.chars = lines[-1].end if lines else 0
        self.links: list[tuple[pygame.Rect, str, int]] = [
            (pygame.Rect(run.x, line.y, run.width, line.height), run.term, run.start)
            for line in lines
            for run in line.runs
            if run.term
        ]
        self._surface: pygame.Surface | None = None

    @property
    def surface(self) -> pygame.Surface:
        if self._surface is None:
            self._surface = self._render()
        return self._surface

    def render(self) -> None:
        """Render the page now (it is otherwise rendered when first drawn)."""
        _ = self.surface

    def _render(self) -> pygame.Surface:
        surf = pygame.Surface((max(1, self.width), max(1, self.height)))
        surf.fill(self.bg)
        for line in self.lines:
            for run in line.runs:
                font = self.fonts.get(run.style.face, run.style.px)
                top = line.y + line.ascent - font.get_ascent()
                text = run.text.rstrip()
                if text:
                    surf.blit(font.render(text, True, run.style.color, self.bg), (run.x, top))
                if run.style.underline:
                    _underline(surf, font, run, line, text)
        return surf

    def link_at(
        self, pos: tuple[int, int], revealed: int | None = None, reach: int = 0
    ) -> str | None:
        """The term of the link under a point in page coordinates (only links already shown).

        With a `reach`, a point within that many pixels of links' boxes (but on none) takes the
        link whose centre is nearest: a fingertip on a touch screen need not land on the word.
        """
        shown = [(rect, term) for rect, term, start in self.links
                 if revealed is None or start < revealed]  # fmt: skip
        for rect, term in shown:
            if rect.collidepoint(pos):
                return term
        near = [(math.dist(rect.center, pos), term) for rect, term in shown
                if link_area(rect, reach).collidepoint(pos)]  # fmt: skip
        return min(near)[1] if near else None

    def line_bottom(self, chars: int) -> int:
        """The bottom edge of the line holding character number `chars`."""
        for line in self.lines:
            if chars <= line.end:
                return line.y + line.height
        return self.height

    def draw(
        self,
        target: pygame.Surface,
        view: pygame.Rect,
        scroll: int = 0,
        revealed: int | None = None,
    ) -> None:
        """Blit the page into `view`, scrolled, showing only the first `revealed` characters."""
        shown = self.chars if revealed is None else revealed
        full_bottom, partial = 0, None
        for line in self.lines:
            if line.end <= shown:
                full_bottom = line.y + line.height
            elif line.start < shown:
                partial = line
                break
            else:
                break
        self._blit(target, view, scroll, pygame.Rect(0, 0, self.width, full_bottom))
        if partial is not None:
            width = self._prefix_width(partial, shown)
            area = pygame.Rect(0, partial.y, width, partial.height)
            self._blit(target, view, scroll, area)

    def _window(self, scroll: int, height: int) -> tuple[int, int]:
        """The part of the page shown in a view: whole lines only, never half a line."""
        top = next((ln.y for ln in self.lines if ln.y >= scroll), scroll + height)
        ends = [ln.y + ln.height for ln in self.lines if ln.y + ln.height <= scroll + height]
        return top, max(ends, default=top)

    def _blit(self, target: pygame.Surface, view: pygame.Rect, scroll: int, area: pygame.Rect):
        top, bottom = self._window(scroll, view.height)
        window = pygame.Rect(0, top, min(self.width, view.width), bottom - top)
        visible = window.clip(area)
        if visible.width > 0 and visible.height > 0:
            target.blit(self.surface, (view.x, view.y + visible.y - scroll), visible)

    def _prefix_width(self, line: Line, shown: int) -> int:
        for run in line.runs:
            if run.start + len(run.text) >= shown:
                font = self.fonts.get(run.style.face, run.style.px)
                return run.x + font.size(run.text[: shown - run.start])[0]
        return self.width


def link_area(rect: pygame.Rect, reach: int) -> pygame.Rect:
    """Where a link answers a touch: its box grown by `reach` on every side."""
    return rect.inflate(2 * reach, 2 * reach)


def _underline(surf: pygame.Surface, font: pygame.font.Font, run: Run, line: Line, text: str):
    thickness = max(1, run.style.px // 16)
    y = line.y + line.ascent + max(2, run.style.px // 8)
    width = font.size(text)[0]
    pygame.draw.line(surf, run.style.color, (run.x, y), (run.x + width - 1, y), thickness)


class _Unit:
    """Text that must not be broken: fragments (piece index, text) with no space between them."""

    __slots__ = ("parts", "space")

    def __init__(self, parts: list[tuple[int, str]], space: str = "") -> None:
        self.parts, self.space = parts, space


class Layouter:
    """Builds pages and keeps the recent ones, so a page is laid out once however often drawn."""

    # Pages kept, by count and by pixels: a scene prepares the pages its choices lead to
    # (a few large text pages a turn), and a kiosk runs for months.
    CACHE_PIXELS = 16_000_000  # about 64 MB of rendered surfaces at most

    def __init__(self, fonts: Fonts, cache_size: int = 128) -> None:
        self.fonts = fonts
        self.cache_size = cache_size
        self._cache: OrderedDict[tuple, Page] = OrderedDict()
        self._pixels = 0  # the area of the pages kept
        self.layouts = 0  # counts real layouts, so tests can see the cache work
        self.spacing = 1.0  # line height of reading text, in the face's own line heights

    def page(self, blocks: Sequence[Block], width: int, bg: Color, gap: float = 0.6) -> Page:
        """Lay out paragraphs in `width` pixels; `gap` is the paragraph space in line heights."""
        key = (tuple(blocks), width, bg, gap, self.spacing)
        page = self._cache.get(key)
        if page is not None:
            self._cache.move_to_end(key)
            return page
        page = self._layout(blocks, width, bg, gap)
        self._cache[key] = page
        self._pixels += page.width * page.height
        while len(self._cache) > 1 and (
            len(self._cache) > self.cache_size or self._pixels > self.CACHE_PIXELS
        ):
            _, old = self._cache.popitem(last=False)
            self._pixels -= old.width * old.height
        return page

    def clear(self) -> None:
        self._cache.clear()
        self._pixels = 0

    def _layout(self, blocks: Sequence[Block], width: int, bg: Color, gap: float) -> Page:
        self.layouts += 1
        lines: list[Line] = []
        y = chars = 0
        for i, block in enumerate(blocks):
            if i and lines:
                y += int(lines[-1].height * gap)
            new = self._wrap(block, width, y, chars)
            if new:
                lines.extend(new)
                y = new[-1].y + new[-1].height
                chars = new[-1].end
        return Page(self.fonts, width, lines, y, bg)

    def _wrap(self, block: Block, width: int, y: int, chars: int) -> list[Line]:
        lines: list[Line] = []
        current: list[_Unit] = []
        x = 0
        for unit in self._units(block, width):
            w = self._unit_width(block, unit)
            if current and x + w > width:
                lines.append(self._line(block, current, y, chars))
                y, chars = lines[-1].y + lines[-1].height, lines[-1].end
                current, x = [], 0
            current.append(unit)
            x += w + self._space_width(block, unit)
        if current:
            lines.append(self._line(block, current, y, chars))
        return lines

    def _units(self, block: Block, width: int) -> list[_Unit]:
        units: list[_Unit] = []
        glue = False  # True when the last unit ended without a space
        for index, piece in enumerate(block):
            for token in _TOKEN.findall(keep_together(piece.text)):
                word = token.rstrip()
                space = token[len(word) :]
                if glue and word:
                    units[-1].parts.append((index, word))
                    units[-1].space = space
                elif word:
                    units.append(_Unit([(index, word)], space))
                elif units:
                    units[-1].space += space
                glue = bool(units) and not units[-1].space
        return [piece for unit in units for piece in self._split_long(block, unit, width)]

    def _split_long(self, block: Block, unit: _Unit, width: int) -> list[_Unit]:
        """A word wider than the line is cut where it must be (rare: URLs, long compounds)."""
        if len(unit.parts) > 1 or self._unit_width(block, unit) <= width:
            return [unit]
        index, word = unit.parts[0]
        font = self._font(block[index])
        out: list[_Unit] = []
        start = 0
        for end in range(1, len(word) + 1):
            if font.size(word[start:end])[0] > width and end - 1 > start:
                out.append(_Unit([(index, word[start : end - 1])]))
                start = end - 1
        out.append(_Unit([(index, word[start:])], unit.space))
        return out

    def _font(self, piece: Piece) -> pygame.font.Font:
        return self.fonts.get(piece.style.face, piece.style.px)

    def _width(self, piece: Piece, text: str) -> int:
        return self.fonts.width(piece.style.face, piece.style.px, text)

    def _unit_width(self, block: Block, unit: _Unit) -> int:
        if len(unit.parts) == 1:  # nearly every word: no generator
            index, text = unit.parts[0]
            return self._width(block[index], text)
        return sum(self._width(block[i], text) for i, text in unit.parts)

    def _space_width(self, block: Block, unit: _Unit) -> int:
        if not unit.space:
            return 0
        return self._width(block[unit.parts[-1][0]], unit.space)

    def _line(self, block: Block, units: list[_Unit], y: int, chars: int) -> Line:
        """Merge the units of one line into runs, one per change of piece."""
        pieces: list[tuple[int, str]] = []
        for n, unit in enumerate(units):
            last = n == len(units) - 1
            for k, (index, text) in enumerate(unit.parts):
                tail = unit.space if k == len(unit.parts) - 1 and not last else ""
                if pieces and pieces[-1][0] == index:
                    pieces[-1] = (index, pieces[-1][1] + text + tail)
                else:
                    pieces.append((index, text + tail))
        fonts = [self._font(block[i]) for i, _ in pieces]
        ascent = max(f.get_ascent() for f in fonts)
        height = max(f.get_linesize() for f in fonts)
        if self.spacing != 1.0 and any(block[i].style.face in SPACED_FACES for i, _ in pieces):
            extra = round(height * (self.spacing - 1))  # half above the letters, half below
            height, ascent = height + extra, ascent + extra // 2
        line = Line(y, height, ascent, [])
        x = 0
        for (index, text), font in zip(pieces, fonts, strict=True):
            piece = block[index]
            w = font.size(text)[0]  # the whole run, as it will be rendered (kerning included)
            line.runs.append(Run(x, w, text, piece.style, piece.term, chars))
            x += w
            chars += len(text)
        return line


def measure(fonts: Fonts, face: str, px: int, chars: int) -> int:
    """The width in pixels of `chars` characters of ordinary prose in this face."""
    font = fonts.get(face, px)
    return int(font.size(_SAMPLE)[0] / len(_SAMPLE) * chars)
