"""Text layout: the reading measure, link hit boxes, the typewriter's partial page, the cache."""

from __future__ import annotations

import pygame
import pytest

from game.ui.fonts import Fonts, TextCache
from game.ui.kit import Kit
from game.ui.textlayout import Layouter, Piece, Style
from game.ui.theme import DEFAULT

PROSE = (
    "Rain has not come. You owe three sacks to the moneylender, and the water master "
    "has given your family two hours of the canal at night. Along the ariq the mulberry "
    "trees stand black against a grey sky; oʻzbek words, Ўзбек сўзлари, “quoted” — dashed."
)


@pytest.fixture(scope="module")
def kit():
    pygame.font.init()
    fonts = Fonts()
    return Kit(fonts, TextCache(fonts), Layouter(fonts))


def plain(kit, px=21):
    return Style("serif", px, DEFAULT.text)


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720), (1920, 1080), (3840, 2160)])
@pytest.mark.parametrize("text_scale", [0.86, 1.0, 1.4])
def test_lines_stay_within_a_readable_measure(kit, size, text_scale):
    kit.resize(size)
    kit.text_scale = text_scale
    page = kit.layouter.page([kit.block("body", PROSE * 2)], kit.measure(), DEFAULT.paper)
    lengths = [sum(len(r.text) for r in line.runs) for line in page.lines]
    assert max(lengths) <= 72
    assert max(lengths) >= 55  # and not absurdly narrow either
    for line in page.lines:
        assert line.runs[-1].x + line.runs[-1].width <= page.width


def test_link_spans_are_hit_tested_and_punctuation_stays_with_them(kit):
    body, link = plain(kit), Style("serif", 21, DEFAULT.link, True)
    block = (Piece("You owe the ", body), Piece("moneylender", link, "bai"), Piece(".", body))
    width = kit.fonts.get("serif", 21).size("You owe the moneylender")[0] + 2
    page = kit.layouter.page([block], width, DEFAULT.paper)
    # The full stop cannot fit, so it takes the link word down with it rather than stand alone.
    assert [r.text for r in page.lines[-1].runs] == ["moneylender", "."]
    rect, term, start = page.links[0]
    assert term == "bai"
    assert page.link_at(rect.center) == "bai"
    assert page.link_at(rect.center, revealed=start) is None  # not yet typed out
    assert page.link_at((rect.right + 5, rect.centery)) is None


def test_typewriter_reveals_only_the_first_characters(kit):
    page = kit.layouter.page([(Piece("Alpha beta gamma", plain(kit)),)], 400, (255, 255, 255))
    target = pygame.Surface((400, 60))

    def inked_columns(revealed):
        target.fill((255, 255, 255))
        page.draw(target, pygame.Rect(0, 0, 400, 60), 0, revealed)
        return [x for x in range(400) if any(target.get_at((x, y))[0] < 128 for y in range(60))]

    assert inked_columns(0) == []
    five = inked_columns(5)
    assert five and max(five) <= kit.fonts.get("serif", 21).size("Alpha")[0]
    assert max(inked_columns(None)) > max(five)


def test_a_page_is_laid_out_once_and_then_cached(kit):
    layouter = Layouter(kit.fonts)
    blocks = [(Piece(PROSE, plain(kit)),)]
    first = layouter.page(blocks, 600, DEFAULT.paper)
    again = layouter.page(blocks, 600, DEFAULT.paper)
    assert again is first and layouter.layouts == 1
    assert first.surface is first.surface  # rendered once
    layouter.page(blocks, 500, DEFAULT.paper)
    assert layouter.layouts == 2


def test_a_word_longer_than_the_line_is_cut(kit):
    word = "https://example.org/" + "x" * 80
    page = kit.layouter.page([(Piece(word, plain(kit)),)], 200, DEFAULT.paper)
    assert len(page.lines) > 1
    assert "".join(r.text for ln in page.lines for r in ln.runs) == word
    assert all(ln.runs[-1].width <= 200 for ln in page.lines)


def test_scrolled_pages_show_whole_lines_only(kit):
    page = kit.layouter.page([kit.block("body", PROSE * 3)], 500, DEFAULT.paper)
    line_h = page.lines[0].height
    top, bottom = page._window(line_h // 2, line_h * 3)
    assert top == page.lines[1].y
    assert bottom == page.lines[2].y + page.lines[2].height


def test_the_page_cache_is_bounded_by_pixels_as_well_as_by_count():
    """A scene prepares the pages its choices lead to, and a kiosk runs for months: the
    kept pages' area stays under the bound, whatever their number."""
    layouter = Layouter(Fonts())
    layouter.CACHE_PIXELS = 1_000_000
    style = Style("serif", 20, DEFAULT.text)
    for n in range(60):
        text = f"Paragraph {n}. " + "A long line of words to wrap. " * 40
        layouter.page([(Piece(text, style),)], 300, (255, 255, 255))
    kept = list(layouter._cache.values())
    assert sum(p.width * p.height for p in kept) <= 1_000_000
    assert 1 <= len(kept) < 60
