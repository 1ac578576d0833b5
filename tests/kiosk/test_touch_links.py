"""Codex links in the kiosk's scene text answer a fingertip: 64 px each way, the nearest wins."""

from __future__ import annotations

import pygame

from game.kiosk.play import KioskSceneScreen
from game.ui.fonts import Fonts
from game.ui.screens.card import TermCard
from game.ui.textlayout import Layouter, Page, Piece, Style, link_area
from game.ui.theme import DEFAULT


def on_screen(screen: KioskSceneScreen, rect: pygame.Rect) -> pygame.Rect:
    return rect.move(screen.view.x, screen.view.y - screen.scroller.offset)


def answering(screen: KioskSceneScreen, term: str, points: list[tuple[int, int]]) -> int:
    """How many pixels of a row or column of points open `term`, first to last."""
    hits = [i for i, pos in enumerate(points) if screen._link_at(pos) == term]
    return hits[-1] - hits[0] + 1 if hits else 0


def test_every_link_answers_over_at_least_64_px_each_way(kiosk):
    kiosk.start_reading()
    screen = kiosk.screen
    assert isinstance(screen, KioskSceneScreen) and screen.done
    assert kiosk.app.kit.size == (1920, 1080) and screen.page.links
    for rect, term, _start in screen.page.links:
        r = on_screen(screen, rect)
        assert r.height < 64  # the word alone would be too small a target
        column = [(r.centerx, y) for y in range(r.top - 100, r.bottom + 100)]
        row = [(x, r.centery) for x in range(r.left - 100, r.right + 100)]
        assert answering(screen, term, column) >= 64, term
        assert answering(screen, term, row) >= 64, term


def test_a_touch_25_px_below_a_link_opens_its_card(kiosk):
    kiosk.start_reading()
    screen = kiosk.screen
    boxes = [on_screen(screen, rect) for rect, _term, _start in screen.page.links]
    tried = 0
    for rect, term, _start in screen.page.links:
        r = on_screen(screen, rect)
        pos = (r.centerx, r.bottom + 25)  # below the whole line box, descenders and all
        if any(box.collidepoint(pos) for box in boxes):
            continue  # on the next line's link: that one is meant
        kiosk.tap(pos)
        assert isinstance(kiosk.screen, TermCard) and kiosk.screen.term.id == term
        kiosk.tap("Close")
        assert kiosk.screen is screen
        tried += 1
    assert tried


def two_links() -> Page:
    """'It was a [jadid]' over '[maktab] today.': the links' reaches overlap between the lines."""
    pygame.font.init()
    fonts = Fonts()
    body, link = Style("serif", 32, DEFAULT.text), Style("serif", 32, DEFAULT.link, True)
    block = (Piece("It was a ", body), Piece("jadid", link, "upper"), Piece(" ", body),
             Piece("maktab", link, "lower"), Piece(" today.", body))  # fmt: skip
    width = fonts.get("serif", 32).size("It was a jadid")[0] + 4
    return Layouter(fonts).page([block], width, DEFAULT.paper)


def test_where_two_links_reach_the_nearest_centre_wins():
    page, reach = two_links(), 32
    (upper, *_), (lower, *_) = page.links
    assert upper.bottom == lower.top and lower.right < upper.left  # stacked, side by side
    near_upper = (upper.left - 5, upper.bottom - 4)
    near_lower = (lower.right - 21, lower.top - 14)  # on the upper line, yet nearer maktab
    for pos in (near_upper, near_lower):
        assert link_area(upper, reach).collidepoint(pos) and link_area(lower, reach).collidepoint(
            pos
        )
        assert page.link_at(pos) is None  # on no word: a desk's mouse opens nothing
    assert page.link_at(near_upper, reach=reach) == "upper"
    assert page.link_at(near_lower, reach=reach) == "lower"
    # On a word, that word wins, however near another link's centre.
    assert page.link_at((lower.right - 2, lower.top + 1), reach=reach) == "lower"
    assert page.link_at((upper.left + 1, upper.bottom - 1), reach=reach) == "upper"
    assert page.link_at((upper.right + reach + 1, upper.centery), reach=reach) is None
