"""The perspective chooser on the shipped story: every perspective in view at once at the usual
window sizes, each one chosen by touch and by keys, and no text cut at the largest size."""

from __future__ import annotations

import pygame
import pytest

from game.ui.art.cards import title_arches
from game.ui.screens.content_note import ContentNoteScreen
from game.ui.screens.perspectives import PerspectivesScreen, column_choices
from tests.ui.conftest import Driver

SIZES = [(1280, 720), (1920, 1080), (1024, 600)]


def open_chooser(ui: Driver) -> PerspectivesScreen:
    """Title → New story → past the content note → the chooser, by clicks."""
    title = ui.screen
    ui.click(next(b for b in title.group.buttons if b.action == title.new_story))
    if isinstance(ui.screen, ContentNoteScreen):
        ui.click(ui.screen.group.buttons[0])
    assert isinstance(ui.screen, PerspectivesScreen)
    return ui.screen


def whole_in_view(screen: PerspectivesScreen, size: tuple[int, int]) -> None:
    """Every card whole inside the panel's view and the window, with nothing to scroll."""
    window = pygame.Rect((0, 0), size)
    assert screen.scroller.limit == 0, "the chooser scrolls: some cards are below the fold"
    for card, p in zip(screen.cards, screen.perspectives, strict=True):
        assert screen.view.contains(card.rect), f"{p.id} is not whole in view: {card.rect}"
        assert window.contains(card.rect) and card.clip is not None and card.clip.width
    assert window.contains(screen.back_button.rect)


def nothing_cut(screen: PerspectivesScreen, kit) -> None:
    """Each card is as tall as its text (and picture) needs; the detail area holds every text."""
    for card in screen.cards:
        rect = card.rect.copy()
        needed = card.fit(kit, rect.width)
        card.rect = rect  # fit sets the size: the laid-out rect stays
        assert needed <= rect.height, f"a card needs {needed} px and has {rect.height}"
    if screen.plan.detail:
        for p in [None, *screen.perspectives]:
            assert screen._detail_page(p).height <= screen.detail.height
            assert screen.view.contains(screen.detail)


@pytest.mark.parametrize("size", SIZES)
def test_every_perspective_is_in_view_at_once(player, size):
    ui = player(size)
    screen = open_chooser(ui)
    assert len(screen.cards) == len(ui.app.story.perspectives) >= 5
    whole_in_view(screen, size)
    nothing_cut(screen, ui.app.kit)


@pytest.mark.parametrize("language", ["en", "ru", "uz"])
@pytest.mark.parametrize("size", SIZES)
def test_no_text_is_cut_at_the_largest_text_size(player, size, language):
    ui = player((1024, 600), text_size="largest", language=language)
    screen = open_chooser(ui)
    nothing_cut(screen, ui.app.kit)
    if screen.scroller.limit:  # too much for the window: the bar says so, scrolling reaches all
        for _ in range(30):
            ui.wheel(-3)
        assert screen.view.contains(screen.cards[-1].rect)
    else:
        whole_in_view(screen, size)


@pytest.mark.parametrize("language", ["ru", "uz"])
def test_longer_titles_still_fit_at_the_usual_size(player, language):
    ui = player((1280, 720), language=language)
    screen = open_chooser(ui)
    whole_in_view(screen, (1280, 720))
    nothing_cut(screen, ui.app.kit)


def test_each_perspective_is_chosen_by_touch(player):
    ui = player()
    ids = [p.id for p in ui.app.story.perspectives]
    for index, pid in enumerate(ids):
        screen = open_chooser(ui)
        ui.tap(screen.cards[index])
        assert ui.app.session is not None and ui.app.session.pt.perspective.id == pid
        ui.app.home()
        ui.pump()


def test_each_perspective_is_chosen_by_keys_and_the_detail_follows_focus(player):
    ui = player()
    ids = [p.id for p in ui.app.story.perspectives]
    for index, pid in enumerate(ids):
        screen = open_chooser(ui)
        ui.key(pygame.K_RIGHT, index + 1)  # the first press shows the focus on the first card
        assert screen.group.focus == index and screen.shown().id == pid
        ui.key(pygame.K_RETURN)
        assert ui.app.session is not None and ui.app.session.pt.perspective.id == pid
        ui.app.home()
        ui.pump()


def test_the_detail_area_describes_the_card_pointed_at(player):
    ui = player()
    screen = open_chooser(ui)
    assert screen.shown() is None
    ui.post(pygame.MOUSEMOTION, pos=screen.cards[2].rect.center, rel=(0, 0), buttons=(0, 0, 0),
            touch=False)  # fmt: skip
    ui.pump()
    shown = screen.shown()
    assert shown is not None and shown.id == ui.app.story.perspectives[2].id
    text = " ".join(r.text for ln in screen._detail_page(shown).lines for r in ln.runs)
    assert shown.blurb.split()[0] in text


def test_the_focused_card_has_a_ring_around_it(player):
    ui = player()
    screen = open_chooser(ui)
    ui.key(pygame.K_RIGHT)
    surf = ui.pixels()
    card = screen.cards[0].rect
    ring_y = card.top - ui.app.kit.px(4)
    accent = ui.app.kit.palette.accent[:3]
    inked = sum(
        surf.get_at((x, ring_y))[:3] == accent for x in range(card.left + 20, card.right - 20)
    )
    assert inked > (card.width - 40) // 2


@pytest.mark.parametrize("count", [2, 3, 4, 5, 6])
def test_two_to_six_perspectives_are_all_in_view(player, count):
    """A kiosk may offer a subset; a longer story may have six: all in view, rows centred."""
    ui = player()
    shipped = list(ui.app.story.perspectives)
    offered = [
        shipped[i % len(shipped)]._replace(id=f"p{i}") for i in range(count)
    ]  # ids unique, as a story's are

    class Chooser(PerspectivesScreen):
        def offered(self):
            return offered

    ui.app.push(Chooser(ui.app))
    ui.pump()
    screen = ui.screen
    whole_in_view(screen, (1280, 720))
    nothing_cut(screen, ui.app.kit)
    rows = {card.rect.top for card in screen.cards}
    assert len(rows) <= 2
    left = screen.cards[0].rect.left - screen.view.left
    right = screen.view.right - max(c.rect.right for c in screen.cards)
    assert abs(left - right) <= ui.app.kit.px(20)  # the grid sits in the middle


def test_column_choices_prefer_one_row_then_two():
    assert column_choices(2)[0] == 2 and column_choices(5)[:2] == [3, 5]
    assert column_choices(6)[0] == 3 and column_choices(1) == [1]


@pytest.mark.parametrize("size", SIZES)
def test_the_title_shows_every_perspectives_place(player, size):
    """The title stands for the whole story: an arched window for each perspective, none over
    the buttons, another arch or the window's edge; each drawn in the frame."""
    ui = player(size)
    buttons = ui.screen.group.buttons
    block = buttons[0].rect.unionall([b.rect for b in buttons])
    arches = title_arches(ui.app, block)
    assert [p.id for p, _ in arches] == [p.id for p in ui.app.story.perspectives]
    window = pygame.Rect((0, 0), size)
    rects = [rect for _, rect in arches]
    for i, rect in enumerate(rects):
        assert window.contains(rect) and not rect.colliderect(block)
        assert all(not rect.colliderect(other) for other in rects[i + 1 :])
    surf = ui.pixels()
    for rect in rects:  # a picture, not the bare backdrop: many colours inside each arch
        row = {
            surf.get_at((x, rect.bottom - rect.height // 3))[:3]
            for x in range(rect.left, rect.right)
        }
        assert len(row) > 4


@pytest.mark.parametrize("language", ["en", "uz"])
def test_the_title_pictures_never_lie_under_its_buttons(player, language, monkeypatch):
    """With large text in a small window the arches the title draws lie beside every button and
    inside the window (where they cannot, they are left out)."""
    from game.ui.art import cards

    drawn: list[pygame.Rect] = []
    real = cards.title_arches
    monkeypatch.setattr(cards, "title_arches",
                        lambda app, block: [drawn.append(r) or (p, r) for p, r in real(app, block)])  # fmt: skip
    ui = player((1024, 600), text_size="largest", language=language)
    ui.app.redraw()
    ui.pixels()
    assert drawn, "at the largest text the arches still have room here"
    window = pygame.Rect((0, 0), (1024, 600))
    for rect in drawn:
        assert window.contains(rect)
        assert rect.collidelist([b.rect for b in ui.screen.group.buttons]) < 0
