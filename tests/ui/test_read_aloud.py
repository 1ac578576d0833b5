"""Reading aloud through a recording speaker: what each screen, focus move and dialog says,
and a whole visit played by ear alone."""

from __future__ import annotations

import shutil
import statistics
import time

import pygame
import pytest

from game.speech import EspeakSpeaker, NullSpeaker, RecordingSpeaker
from game.ui.screens.card import TermCard
from game.ui.screens.dialog import MessageDialog
from game.ui.screens.ending import EndingScreen
from game.ui.screens.scene import SceneScreen


class Ear:
    """What the game said since the last look."""

    def __init__(self, speaker: RecordingSpeaker) -> None:
        self.speaker = speaker
        self.heard = 0

    def new(self) -> str:
        said = self.speaker.said[self.heard :]
        self.heard = len(self.speaker.said)
        return "\n".join(text for text, _ in said)


@pytest.fixture
def ear(ui) -> Ear:
    speaker = RecordingSpeaker()
    ui.app.narrator.speaker = speaker
    ui.key(pygame.K_v)  # as a player who cannot see the screen would turn it on
    return Ear(speaker)


def test_v_turns_reading_aloud_on_and_the_title_is_read(ui, ear):
    assert ui.app.settings.read_aloud
    said = ear.new()
    assert said.startswith("Read aloud on")
    assert "Voices of Turkestan" in said and "New story" in said and "Quit" in said
    ui.key(pygame.K_v)
    assert ear.new() == "Read aloud off" and not ui.app.settings.read_aloud
    ui.key(pygame.K_DOWN)
    assert ear.new() == ""  # off means silent


def test_each_focus_move_says_the_focused_item_once(ui, ear):
    ear.new()
    ui.key(pygame.K_DOWN)
    assert ear.new() == "New story"
    ui.key(pygame.K_DOWN)
    assert ear.new() == "Load"
    ui.pump()
    assert ear.new() == ""  # nothing changed, nothing said


def test_a_setting_is_read_with_its_value_and_again_when_it_changes(ui, ear):
    ui.key(pygame.K_DOWN, times=3)
    ear.new()
    ui.key(pygame.K_RETURN)
    said = ear.new().split("\n")
    assert said[0] == "Settings" and "Text speed: Normal" in said  # every row, with its value
    assert said[-1] == "Language: English"  # then the focused one
    ui.key(pygame.K_DOWN)
    assert ear.new() == "Text size: Medium"
    ui.key(pygame.K_RIGHT)
    assert ear.new() == "Text size: Large"


def test_a_scene_reads_title_date_text_and_numbered_choices(ui, ear):
    ui.begin_story()
    said = ear.speaker.last
    for part in ("The Silent Loom", "June 1916", "The shuttle lies still", "Choices:",
                 "1. Go to the mosque where the elders meet",
                 "2. Stay at the loom and finish the cloth"):  # fmt: skip
        assert part in said, part
    assert said.index("The Silent Loom") < said.index("The shuttle") < said.index("1. Go")


def test_tab_to_a_codex_link_and_its_card_are_read(ui, ear):
    ui.begin_story()
    ui.key(pygame.K_SPACE)  # the whole text
    ear.new()
    ui.key(pygame.K_TAB)
    term = ui.app.story.terms["jadid"].title
    assert ear.new() == f"{term}, codex"  # the first link on the page
    ui.key(pygame.K_RETURN)
    assert isinstance(ui.screen, TermCard)
    said = ear.new()
    assert ui.screen.term.title in said and ui.screen.term.text[:30] in said and "Close" in said
    ui.key(pygame.K_ESCAPE)
    assert ear.new().startswith("The Silent Loom")  # back on the page: only where you are


def test_a_dialog_is_read_when_it_opens_with_its_safe_button(ui, ear):
    ear.new()
    ui.app.push(MessageDialog(ui.app, "Replace Slot 1?", "The game saved there will be lost.",
                              ["Replace", "Cancel"], safe=1))  # fmt: skip
    ui.pump()
    said = ear.new()
    assert said.split("\n") == [
        "Replace Slot 1?",
        "The game saved there will be lost.",
        "Replace",
        "Cancel",
        "Cancel",
    ]


def test_the_content_note_is_read_before_its_scene(ui, ear):
    ui.begin_story()
    ui.key(pygame.K_SPACE)
    ear.new()
    ui.key(pygame.K_1)  # to the mosque, which has a content note
    said = ear.new()
    assert said.startswith("Content note") and "The Draft List" not in said
    ui.key(pygame.K_RETURN)
    assert ear.new().startswith("The Draft List")


def test_each_language_is_spoken_in_its_own_voice(ui, ear):
    ui.begin_story()
    ui.app.change_settings(language="uz")
    ui.pump()
    text, language = ear.speaker.said[-1]
    assert language == "uz" and text
    ui.app.change_settings(language="ru")
    ui.pump()
    assert ear.speaker.said[-1][1] == "ru"


def test_without_a_speech_engine_the_setting_says_so_and_stays_off(ui):
    ui.app.narrator.speaker = NullSpeaker()
    ui.key(pygame.K_v)
    assert not ui.app.settings.read_aloud
    assert isinstance(ui.screen, MessageDialog)
    assert "espeak-ng" in ui.screen.message
    ui.key(pygame.K_RETURN)
    ui.click("Settings")
    row = next(c for c in ui.screen.cards if c.label == "Read aloud")
    assert row.value() == "No speech engine"


def test_a_whole_visit_by_ear_alone(ui, ear):
    """Start, choose a perspective, save, load and play to an ending with the keyboard and
    speech only: every step is announced before the player needs it."""
    app = ui.app

    def step(key: int, *expected: str, times: int = 1) -> str:
        ui.key(key, times=times)
        said = ear.new()
        for part in expected:
            assert part in said, f"after {pygame.key.name(key)}: {part!r} not in {said!r}"
        return said

    assert "New story" in ear.new()
    step(pygame.K_DOWN, "New story")
    step(pygame.K_RETURN, "Before you begin", "I understand — continue")
    step(pygame.K_RETURN, "Choose a perspective", "The Weaver")
    step(pygame.K_DOWN, "The Weaver")
    step(pygame.K_RETURN, "The Silent Loom", "1. Go to the mosque")
    # Save into the first slot from the pause menu.
    step(pygame.K_ESCAPE, "Paused", "Resume")
    step(pygame.K_DOWN, "Save")
    step(pygame.K_RETURN, "Save the game", "Slot 1")
    step(pygame.K_DOWN, "Slot 1")
    step(pygame.K_RETURN, "The Silent Loom")  # saved, and back on the page
    # Load it again.
    step(pygame.K_ESCAPE, "Paused")
    step(pygame.K_DOWN, "Load", times=2)
    step(pygame.K_RETURN, "Load a game", "Slot 1")
    said = step(pygame.K_DOWN)
    while "Slot 1" not in said:  # past the autosave to the slot saved above
        said = step(pygame.K_DOWN)
    step(pygame.K_RETURN, "The Silent Loom", "2. Stay at the loom")
    assert isinstance(ui.screen, SceneScreen) and app.session.pt.scene.id == "loom"
    # Play to an ending.
    ui.key(pygame.K_SPACE)  # the text whole (speech already read it all)
    step(pygame.K_2, "The Cloth Finished", "Continue")
    step(pygame.K_RETURN, "Continue")  # the first Enter puts the focus on it
    said = step(pygame.K_RETURN, "The Cloth Finished", "You kept the loom", "Back to the title")
    assert isinstance(ui.screen, EndingScreen) and said


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_frames_stay_short_while_espeak_reads_a_page(ui):
    """The real engine reading the page: the loop's update (where the narrator looks for
    something new to say) stays well under 1.5 ms a frame."""
    ui.app.narrator.speaker = EspeakSpeaker(shutil.which("espeak-ng"))
    ui.app.change_settings(read_aloud=True)
    ui.begin_story()  # the page is being read now
    costs = []
    for _ in range(30):
        ui.clock.now += 0.016
        start = time.perf_counter()
        ui.app.update()
        costs.append(time.perf_counter() - start)
    assert statistics.median(costs) < 0.0015


HEADINGS = {
    "title": "Voices of Turkestan", "content_note": "Before you begin",
    "perspectives": "Choose a perspective", "scene": "The Draft List", "term_card": "Codex",
    "event_card": "What really happened", "backlog": "History", "save": "Save the game",
    "load": "Load a game", "settings": "Settings", "codex": "Codex", "timeline": "Timeline",
    "pause": "Paused", "dialog": "A question", "ending": "",
}  # fmt: skip


@pytest.mark.parametrize("name", list(HEADINGS))
def test_every_screen_is_read_with_its_heading_when_it_opens(ui, ear, name):
    from test_every_screen import SCREENS

    from game.ui.session import Session

    app = ui.app
    app.start_session(Session.start(app.story, "weaver", app.profile, app.clock))
    ui.key(pygame.K_SPACE)
    ui.key(pygame.K_1)
    ui.past_note()
    if name == "ending":
        ui.key(pygame.K_1)
    if name == "title":
        app.home()
    elif SCREENS[name] is not None:
        app.push(SCREENS[name](app))
    ear.new()
    ui.key(pygame.K_r)  # read it all again
    said = ear.new()
    assert said and HEADINGS[name] in said.split("\n")[0], said[:200]
    if name == "ending":
        assert app.session.pt.ending.title in said


def test_the_history_says_each_choice_and_which_one_a_button_undoes(ui, ear):
    ui.begin_story()
    ui.key(pygame.K_SPACE)
    ui.key(pygame.K_2)  # stay at the loom
    ear.new()
    ui.key(pygame.K_h)
    said = ear.new().split("\n")
    assert said[:2] == [
        "History",
        "The Silent Loom: You chose: Stay at the loom and finish the cloth",
    ]
    ui.key(pygame.K_DOWN)
    assert (
        ear.new()
        == "Go back to this choice: The Silent Loom: You chose: Stay at the loom and finish the cloth"
    )
