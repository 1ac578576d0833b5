"""The safe reading flow (issue 15): each defect found in play, by real events posted to the app."""

from __future__ import annotations

import pygame
import pytest

from game import saves
from game.engine import load_story
from game.ui.app import App
from game.ui.fonts import missing_glyphs
from game.ui.scene_labels import ContentNoteDialog
from game.ui.screens.backlog import BacklogScreen
from game.ui.screens.card import EventCard, TermCard
from game.ui.screens.dialog import MessageDialog
from game.ui.screens.pause import PauseScreen
from game.ui.screens.perspectives import MARK_ROOM, PerspectivesScreen
from game.ui.screens.scene import SceneScreen
from game.ui.session import Session
from game.ui.textlayout import Block, Piece
from tests.conftest import STORY
from tests.ui.conftest import Driver, FakeClock


def read_whole(ui: Driver) -> SceneScreen:
    scene = ui.begin_story()
    ui.key(pygame.K_SPACE)  # the first press shows the whole page
    assert scene.done
    return scene


# -- Space and Page Down never choose
@pytest.mark.parametrize("key", [pygame.K_SPACE, pygame.K_PAGEDOWN])
def test_space_and_page_down_at_the_end_of_a_page_do_nothing(ui, key):
    scene = read_whole(ui)
    ui.key(key, times=5)
    assert ui.screen is scene and scene.pt.turn == 0 and scene.pt.scene.id == "loom"
    assert scene.group.focus is None  # not even a choice made ready to take


# -- the keyboard reaches everything, in reading order, with a ring
def ring_pixels(ui: Driver, rect: pygame.Rect) -> int:
    surf = ui.pixels()
    area = rect.inflate(ui.app.kit.px(8), ui.app.kit.px(4))
    accent = ui.app.kit.palette.accent
    return sum(surf.get_at((x, y))[:3] == accent for x in range(area.left, area.right)
               for y in (area.top, area.bottom - 1))  # fmt: skip


def link_rect(scene: SceneScreen) -> pygame.Rect:
    rect = scene.page.links[0][0]
    return rect.move(scene.view.x, scene.view.y - scene.scroller.offset)


def test_tab_goes_link_then_choices_then_tools_and_enter_opens_what_is_focused(ui):
    scene = read_whole(ui)
    before = ring_pixels(ui, link_rect(scene))
    ui.key(pygame.K_TAB)
    assert scene.focus_target == ("link", 0)
    assert ring_pixels(ui, link_rect(scene)) > before + 20  # a ring drawn round the word
    ui.key(pygame.K_RETURN)
    assert isinstance(ui.screen, TermCard) and ui.screen.term.id == "jadid"
    ui.key(pygame.K_ESCAPE)
    ui.key(pygame.K_TAB)
    assert scene.group.focus == 0 and scene.focus_target == ("choice", 0)
    ui.key(pygame.K_TAB, times=2)  # past the second choice to the first tool
    assert scene.tools.focus == 0 and scene.group.focus is None
    ui.key(pygame.K_RETURN)
    assert isinstance(ui.screen, BacklogScreen)


def test_shift_tab_goes_backwards_and_enter_takes_a_focused_choice(ui):
    scene = read_whole(ui)
    ui.post(pygame.KEYDOWN, key=pygame.K_TAB, mod=pygame.KMOD_LSHIFT, unicode="", scancode=0)
    ui.pump()
    assert scene.focus_target == ("tool", len(scene.tools.buttons) - 1)
    ui.key(pygame.K_TAB, times=2)  # wraps round to the codex link, then the first choice
    assert scene.focus_target == ("choice", 0)
    ui.key(pygame.K_RETURN)
    ui.past_note()
    assert scene.pt.scene.id == "mosque"


def test_tab_reaches_the_what_really_happened_button_first(ui):
    scene = read_whole(ui)
    ui.key(pygame.K_1)
    ui.past_note()
    ui.key(pygame.K_SPACE)
    ui.key(pygame.K_TAB)
    assert scene.focus_target == ("event", 0)
    ui.key(pygame.K_RETURN)
    assert isinstance(ui.screen, EventCard)


# -- dialogs that can lose something: the safe button is focused
def test_enter_on_replace_slot_keeps_the_old_save(ui):
    read_whole(ui)
    ui.app.session.save("1")
    before = saves.slot_path("1").read_bytes()
    ui.key(pygame.K_1)
    ui.past_note()
    ui.click("Save")
    card = ui.screen.cards[0]
    ui.click(card)
    assert isinstance(ui.screen, MessageDialog)
    assert ui.screen.group.focused().label == "Cancel"
    ui.key(pygame.K_RETURN)
    assert not isinstance(ui.screen, MessageDialog)
    assert saves.slot_path("1").read_bytes() == before


def test_enter_on_go_back_undoes_nothing(ui):
    scene = read_whole(ui)
    ui.key(pygame.K_1)
    ui.past_note()
    ui.click("History")
    ui.click("Go back to this choice")
    ui.key(pygame.K_RETURN)
    assert isinstance(ui.screen, BacklogScreen)
    assert scene.pt.turn == 1 and scene.pt.scene.id == "mosque"


# -- the typewriter and the play time wait behind menus and dialogs
def test_the_typewriter_and_play_time_stop_behind_the_pause_menu(ui):
    scene = ui.begin_story()
    ui.wait(1.0)
    typed = scene.revealed
    played = ui.app.session.played
    ui.key(pygame.K_ESCAPE)
    assert isinstance(ui.screen, PauseScreen)
    ui.wait(120)
    ui.key(pygame.K_ESCAPE)  # Resume
    assert ui.screen is scene and not scene.done
    assert scene.revealed == pytest.approx(typed, abs=1)
    assert ui.app.session.played == pytest.approx(played)
    ui.wait(1.0)
    assert scene.revealed == pytest.approx(typed + ui.app.settings.chars_per_second, abs=1)


def test_the_page_waits_behind_its_content_note(ui):
    scene = read_whole(ui)
    ui.key(pygame.K_1)
    assert isinstance(ui.screen, ContentNoteDialog)
    assert "violence" in ui.screen.message
    ui.wait(60)
    ui.key(pygame.K_RETURN)  # Continue is focused: Enter reads on
    assert ui.screen is scene and scene.pt.scene.id == "mosque"
    assert scene.revealed < 5 and not scene.done  # the page starts typing only now


def test_content_notes_can_be_turned_off(ui):
    ui.app.change_settings(content_warnings=False)
    scene = read_whole(ui)
    ui.key(pygame.K_1)
    assert ui.screen is scene and scene.pt.scene.id == "mosque"


# -- the choices in view when the text ends, at the designed 1280×720
@pytest.fixture(scope="module")
def shipped():
    return load_story(STORY)


def first_scene_of_the_shipped_story(shipped, reduced: bool) -> tuple[App, FakeClock]:
    clock = FakeClock()
    app = App(shipped, size=(1280, 720), clock=clock)
    app.change_settings(reduced_motion=reduced)
    app.start_session(Session.start(shipped, shipped.perspectives[0].id, app.profile, clock))
    app.pump()
    return app, clock


def test_the_first_choice_is_in_view_when_the_text_ends(shipped):
    app, clock = first_scene_of_the_shipped_story(shipped, reduced=False)
    try:
        scene = app.screen
        assert isinstance(scene, SceneScreen) and not scene.done
        clock.now += 600  # the page has typed itself out
        app.pump()
        assert scene.done and scene.scroller.limit > 0  # a page longer than the window
        first = scene.group.buttons[0]
        start = scene.scroller.offset  # it glides there
        clock.now += 0.1
        app.pump()
        assert start < scene.scroller.offset and not scene.view.contains(first.rect)
        clock.now += 1
        app.pump()
        assert scene.view.contains(first.rect)
    finally:
        app.close()


def test_reduced_motion_shows_the_page_whole_from_its_top(shipped):
    """No typewriter and no glide: the text is all there at once, to be read from the top."""
    app, clock = first_scene_of_the_shipped_story(shipped, reduced=True)
    try:
        scene = app.screen
        assert isinstance(scene, SceneScreen) and scene.done and scene.group.buttons
        clock.now += 1
        assert not app.update()  # nothing animates
        assert scene.scroller.offset == 0 and scene.scroller.limit > 0
        app.pump()
        first = scene.group.buttons[0]
        scene.scroll(scene.scroller.limit)
        assert scene.view.contains(first.rect)
    finally:
        app.close()


# -- glyphs, translations and line breaks
@pytest.mark.parametrize("language", ["en", "ru", "uz"])
def test_the_finished_mark_is_a_drawn_check_and_no_box(ui, language):
    ui.app.change_settings(language=language)
    ui.app.profile.finish("weaver", "fled")
    ui.click(ui.button(ui.screen.group.buttons[0].label))  # New story → the content note
    ui.click(ui.screen.group.buttons[0])
    assert isinstance(ui.screen, PerspectivesScreen)
    card = ui.screen.cards[0]
    page = card._pages(ui.app.kit, card.rect.width, False)[0]
    runs = [r for line in page.lines for r in line.runs if r.text.startswith(MARK_ROOM)]
    assert len(runs) == 1
    assert missing_glyphs(runs[0].style.face, runs[0].text) == []
    surf = ui.pixels()
    left, top = card.text_origin(ui.app.kit)
    room = ui.app.kit.fonts.get(runs[0].style.face, runs[0].style.px).size(MARK_ROOM)[0]
    line = next(ln for ln in page.lines if runs[0] in ln.runs)
    area = pygame.Rect(left + runs[0].x, top + line.y, room, line.height)
    inked = sum(surf.get_at((x, y))[:3] == runs[0].style.color
                for x in range(area.left, area.right) for y in range(area.top, area.bottom))  # fmt: skip
    assert inked > 10  # the check mark drawn in the room before the word


def test_the_settings_preview_is_in_the_players_language(ui):
    from game.ui.screens.settings import SettingsScreen

    ui.app.change_settings(language="ru")
    ui.app.push(SettingsScreen(ui.app))
    text = " ".join(r.text for line in ui.screen._preview().lines for r in line.runs)
    assert "she said" not in text and "сказала" in text


def test_save_slots_show_titles_in_the_language_read_now(ui):
    read_whole(ui)
    ui.app.session.save("1")
    story = ui.app.story._replace(scenes={**ui.app.story.scenes,
        "loom": ui.app.story.scenes["loom"]._replace(title="Тихий станок")})  # fmt: skip
    assert saves.inspect("1", story).scene_title == "Тихий станок"


def lines_of(ui: Driver, block: Block, width: int) -> list[str]:
    page = ui.app.kit.layouter.page([block], width, (0, 0, 0))
    return ["".join(r.text for r in line.runs).strip() for line in page.lines]


def test_a_grouped_number_is_never_split_across_lines(ui):
    style = ui.app.kit.style("body")
    text = "Позже вы услышите, что в Коканде погибло до 25 000 человек и 200 000 ушли."
    for width in range(120, 700, 7):
        for line in lines_of(ui, (Piece(text, style),), width):
            assert not line.endswith(("25", "200")) and not line.startswith("000"), (width, line)


def test_a_narrow_button_shrinks_its_label_instead_of_cutting_a_word(ui):
    from game.ui.widgets import Button

    button = Button("Стереть", lambda: None)
    kit = ui.app.kit
    button.fit(kit, kit.px(80))
    pages = button._pages(kit, button.rect.width, False)
    assert [len(p.lines) for p in pages] == [1]
