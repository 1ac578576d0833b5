"""Playing a perspective to an ending by mouse, keyboard and touch, through the real event loop."""

from __future__ import annotations

import pygame

from game.ui.screens.content_note import ContentNoteScreen
from game.ui.screens.ending import EndingScreen
from game.ui.screens.perspectives import PerspectivesScreen
from game.ui.screens.scene import SceneScreen
from game.ui.screens.title import TitleScreen


def test_mouse_title_to_ending(ui):
    ui.click("New story")
    assert isinstance(ui.screen, ContentNoteScreen)
    ui.click("I understand — continue")
    assert isinstance(ui.screen, PerspectivesScreen)
    ui.click(ui.screen.cards[0])
    assert isinstance(ui.screen, SceneScreen)
    assert ui.screen.pt.scene.id == "loom"
    assert ui.screen.group.buttons == []  # choices wait until the text is shown
    ui.click(ui.screen.view.center)  # a click shows the whole page
    ui.click("Go to the mosque where the elders meet")
    ui.past_note()  # the mosque has a content warning
    assert ui.screen.pt.scene.id == "mosque"
    ui.wait(60)
    ui.click("Run home with Dilnoza")
    assert ui.screen.pt.is_over
    ui.wait(60)
    ui.click("Continue")
    assert isinstance(ui.screen, EndingScreen)
    assert ui.app.profile.has_finished("weaver")
    ui.click("Back to the title")
    assert isinstance(ui.screen, TitleScreen)
    assert ui.button("Continue")  # the autosave is there to resume


def test_keyboard_title_to_ending(ui):
    ui.key(pygame.K_DOWN)  # focus "New story"
    ui.key(pygame.K_RETURN)
    assert isinstance(ui.screen, ContentNoteScreen)
    ui.key(pygame.K_RETURN)  # the note's default button goes on
    ui.key(pygame.K_RETURN)  # nothing focused yet on the perspectives: focus first card
    ui.key(pygame.K_DOWN)
    ui.key(pygame.K_UP)
    ui.key(pygame.K_RETURN)
    assert isinstance(ui.screen, SceneScreen)
    ui.key(pygame.K_SPACE)  # finish the typewriter
    assert ui.screen.done
    ui.key(pygame.K_2)
    assert ui.screen.pt.scene.id == "stay_end"
    ui.key(pygame.K_RETURN)  # finish the text
    ui.key(pygame.K_RETURN)  # focus the one button
    ui.key(pygame.K_RETURN)
    assert isinstance(ui.screen, EndingScreen)
    ui.key(pygame.K_ESCAPE)
    assert isinstance(ui.screen, TitleScreen)


def test_arrow_keys_and_enter_choose(ui):
    ui.begin_story()
    ui.key(pygame.K_RETURN)
    ui.key(pygame.K_DOWN, times=2)
    assert ui.screen.group.focus == 1
    ui.key(pygame.K_RETURN)
    assert ui.screen.pt.scene.id == "stay_end"


def test_touch_title_to_ending(ui):
    ui.tap("New story")
    ui.tap("I understand — continue")
    ui.tap(ui.screen.cards[1])
    assert ui.screen.pt.perspective.id == "teacher"
    ui.tap(ui.screen.view.center)
    ui.tap("Tell him")
    ui.wait(60)
    ui.tap("Continue")
    assert isinstance(ui.screen, EndingScreen)
    assert ui.app.profile.has_finished("teacher")


def test_a_touch_drag_scrolls_and_does_not_press(ui):
    ui.tap("New story")
    before = type(ui.screen)
    w, h = ui.app.kit.size
    button = ui.button("Back")
    x, y = button.rect.center
    ui.post(pygame.FINGERDOWN, touch_id=1, finger_id=3, x=x / w, y=y / h, dx=0.0, dy=0.0,
            pressure=1.0)  # fmt: skip
    ui.post(pygame.FINGERMOTION, touch_id=1, finger_id=3, x=x / w, y=(y - 80) / h, dx=0.0,
            dy=-80 / h, pressure=1.0)  # fmt: skip
    ui.post(pygame.FINGERUP, touch_id=1, finger_id=3, x=x / w, y=(y - 80) / h, dx=0.0, dy=0.0,
            pressure=1.0)  # fmt: skip
    ui.pump()
    assert type(ui.screen) is before


def test_touch_generated_mouse_events_are_ignored(ui):
    pos = ui.button("New story").rect.center
    ui.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=True)
    ui.post(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=True)
    ui.pump()
    assert isinstance(ui.screen, TitleScreen)


def test_typewriter_follows_the_injected_clock(ui):
    ui.begin_story()
    scene = ui.screen
    cps = ui.app.settings.chars_per_second
    ui.wait(1.0)
    assert int(scene.revealed) == int(cps)
    assert not scene.done
    ui.wait(scene.page.chars / cps)
    assert scene.done
    assert [b.number for b in scene.group.buttons] == [1, 2]


def test_number_key_during_typing_only_finishes_the_text(ui):
    ui.begin_story()
    ui.key(pygame.K_1)
    assert ui.screen.done and ui.screen.pt.scene.id == "loom"


def test_codex_link_opens_its_card(ui):
    from game.ui.screens.card import TermCard

    ui.begin_story()
    ui.key(pygame.K_SPACE)
    scene = ui.screen
    rect, term, _ = scene.page.links[0]
    ui.click(rect.move(scene.view.x, scene.view.y - scene.scroller.offset).center)
    assert isinstance(ui.screen, TermCard) and ui.screen.term.id == term == "jadid"
    ui.click("Maktab")  # a related term opens in place
    assert ui.screen.term.id == "maktab"
    ui.key(pygame.K_ESCAPE)
    assert ui.screen is scene


def test_what_really_happened_card(ui):
    from game.ui.screens.card import EventCard

    ui.begin_story()
    ui.key(pygame.K_SPACE)
    ui.key(pygame.K_1)
    ui.past_note()
    ui.click("What really happened")
    card = ui.screen
    assert isinstance(card, EventCard)
    text = " ".join(run.text for line in card.page.lines for run in line.runs)
    assert "Summer 1916" in text and "Kokand" in text
    assert "Central Asian revolt of 1916" in text
    assert "documented" in text and "composite" in text  # Kuropatkin and the elder
    ui.click((5, 5))  # outside the card closes it
    assert isinstance(ui.screen, SceneScreen)


def test_idle_loop_does_not_redraw(ui):
    ui.pump()
    frames = ui.app.frames
    for _ in range(5):
        ui.pump()
    assert ui.app.frames == frames
    assert ui.app.update() is False  # nothing animates: the loop may sleep


def test_the_real_loop_handles_queued_input_and_quits(ui):
    ui.post(pygame.KEYDOWN, key=pygame.K_DOWN, mod=0, unicode="", scancode=0)
    ui.post(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="", scancode=0)
    ui.post(pygame.QUIT)
    assert ui.app.run() == 0
    assert isinstance(ui.screen, ContentNoteScreen)


def test_waiting_returns_queued_input_at_once_and_nothing_after_the_timeout(ui):
    from game.ui.app import wait_for_events

    pygame.event.clear()
    ui.post(pygame.KEYDOWN, key=pygame.K_DOWN, mod=0, unicode="", scancode=0)
    events = wait_for_events(60_000)  # returns at once: the key is already queued
    assert [e.type for e in events] == [pygame.KEYDOWN]
    assert wait_for_events(0) == []


def test_animation_waits_at_least_as_long_as_a_frame_took():
    from game.ui.app import FRAME_MS, frame_wait_ms

    assert frame_wait_ms(0.002) == FRAME_MS  # a fast frame: 60 a second
    assert frame_wait_ms(0.045) == 45  # a slow one: half the time drawing, half waiting


def test_play_command_reports_a_broken_story(tmp_path, capsys):
    from game.ui.app import main

    (tmp_path / "story.yaml").write_text("format: 1\n", encoding="utf-8")
    assert main(["--story", str(tmp_path)]) == 1
    assert "error" in capsys.readouterr().err


def test_at_a_desk_a_link_answers_only_on_its_word(ui):
    ui.begin_story()
    ui.key(pygame.K_SPACE)
    scene = ui.screen
    rect = scene.page.links[0][0].move(scene.view.x, scene.view.y - scene.scroller.offset)
    for pos in ((rect.centerx, rect.bottom + 2), (rect.right + 2, rect.centery)):
        ui.click(pos)
        assert ui.screen is scene, pos  # the kiosk's fingertip reach is not the desktop's
