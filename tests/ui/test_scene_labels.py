"""Labels where the player is: people in every scene labelled, and the "Also lived by" line on
the event card once the other perspective is finished (a story whose two perspectives share an
event)."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.engine import load_story
from game.ui.app import App
from game.ui.screens.card import EventCard
from game.ui.screens.scene import SceneScreen
from game.ui.session import Session
from tests.ui.conftest import Driver, FakeClock

SHARED = Path(__file__).parents[1] / "fixtures" / "shared"


def page_text(page) -> str:
    lines = ("".join(run.text for run in line.runs) for line in page.lines)
    return " ".join(lines).replace("\u00a0", " ").replace("  ", " ")


@pytest.fixture
def shared_ui():
    clock = FakeClock()
    app = App(load_story(SHARED), size=(1280, 720), clock=clock)
    driver = Driver(app, clock)
    driver.pump()
    yield driver
    app.close()


def test_every_scene_with_people_labels_them_on_the_page(ui):
    """Walk the weaver's scenes: the header names each person with their kind."""
    scene = ui.begin_story()
    assert page_text(scene.people_page) == "In this scene: Dilnoza — fictional"
    ui.key(pygame.K_SPACE)
    ui.key(pygame.K_1)
    ui.past_note()
    text = page_text(scene.people_page)
    assert text == ("In this scene: Aleksey Kuropatkin — documented · "
                    "The village elder — composite")  # fmt: skip
    ui.key(pygame.K_SPACE)
    ui.key(pygame.K_1)  # home: a scene naming no one has no line
    assert scene.pt.scene.id == "flee_end" and scene.people_page is None


def test_the_people_line_is_in_the_players_language(ui):
    ui.app.change_settings(language="ru")
    ui.click(ui.screen.group.buttons[0])
    ui.click(ui.screen.group.buttons[0])
    ui.click(ui.screen.cards[0])
    assert isinstance(ui.screen, SceneScreen)
    assert "вымышленный персонаж" in page_text(ui.screen.people_page)


def open_card(ui: Driver, perspective: str) -> EventCard:
    app = ui.app
    app.start_session(Session.start(app.story, perspective, app.profile, app.clock))
    ui.pump()
    if perspective == "weaver":
        ui.key(pygame.K_SPACE)
        ui.key(pygame.K_1)  # to the mosque
    ui.past_note()
    ui.click("What really happened")
    assert isinstance(ui.screen, EventCard)
    return ui.screen


def test_the_card_says_who_else_lived_the_event_once_that_perspective_is_finished(shared_ui):
    ui = shared_ui
    card = open_card(ui, "weaver")
    assert "Also lived by" not in page_text(card.page)  # the teacher is not finished yet
    ui.key(pygame.K_ESCAPE)
    ui.app.profile.finish("teacher", "lessons")
    card = open_card(ui, "weaver")
    text = page_text(card.page)
    assert "Also lived by" in text and "The Teacher, in The Classroom" in text
    runs = [r for line in card.page.lines for r in line.runs if r.text.startswith("The Classroom")]
    assert runs and runs[0].style.face == "serif_italic"  # the scene's title set in italics


def test_the_other_way_round_and_never_the_perspective_being_played(shared_ui):
    ui = shared_ui
    ui.app.profile.finish("weaver", "fled")
    ui.app.profile.finish("teacher", "lessons")
    text = page_text(open_card(ui, "teacher").page)
    assert "The Weaver of Qoʻshariq, in The Draft List" in text
    assert "The Teacher, in" not in text
