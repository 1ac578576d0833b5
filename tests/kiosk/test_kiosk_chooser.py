"""The kiosk's perspectives on the shipped story: all five in view at the kiosk's text sizes, a
touch shows a story's detail before Begin starts it, and keys do the same."""

from __future__ import annotations

import dataclasses

import pygame
import pytest

from game.engine import load_story
from game.kiosk.app import KioskApp
from game.kiosk.play import KioskPerspectivesScreen
from game.paths import default_story_dir
from tests.kiosk.conftest import CONFIG, KioskDriver
from tests.ui.conftest import FakeClock
from tests.ui.test_perspective_chooser import nothing_cut, whole_in_view


@pytest.fixture(scope="module")
def full_story():
    return load_story(default_story_dir())


@pytest.fixture
def visit(full_story, stats):
    apps: list[KioskApp] = []

    def start(size=(1920, 1080), text_size="large", language="English") -> KioskDriver:
        config = dataclasses.replace(CONFIG, perspectives=())
        app = KioskApp(config, full_story, stats, size=size, clock=FakeClock())
        apps.append(app)
        kiosk = KioskDriver(app, app.clock)
        kiosk.pump()
        kiosk.tap((600, 600))
        kiosk.tap(language)
        app.change_settings(text_size=text_size)
        kiosk.pump()
        assert isinstance(kiosk.screen, KioskPerspectivesScreen)
        return kiosk

    yield start
    for app in apps:
        app.close()


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720), (1024, 600)])
@pytest.mark.parametrize("text_size", ["medium", "large"])
def test_all_five_are_in_view_at_the_kiosks_sizes(visit, size, text_size):
    kiosk = visit(size, text_size)
    screen = kiosk.screen
    assert len(screen.cards) == 5
    whole_in_view(screen, size)
    nothing_cut(screen, kiosk.app.kit)
    assert kiosk.app.window.get_surface().get_rect().contains(screen.begin_button.rect)


@pytest.mark.parametrize("language", ["Русский", "Oʻzbekcha"])
def test_nothing_is_cut_in_russian_and_uzbek_at_the_largest_size(visit, language):
    kiosk = visit(text_size="largest", language=language)
    nothing_cut(kiosk.screen, kiosk.app.kit)


def test_a_touch_shows_the_story_then_begin_starts_it(visit, full_story):
    for index, p in enumerate(full_story.perspectives):
        kiosk = visit()
        screen = kiosk.screen
        assert not screen.begin_button.enabled
        kiosk.tap(screen.cards[index])
        assert kiosk.screen is screen and screen.shown().id == p.id  # still choosing
        assert screen.begin_button.enabled
        kiosk.tap(screen.begin_button)
        assert kiosk.app.session is not None and kiosk.app.session.pt.perspective.id == p.id


def test_a_second_touch_on_the_same_card_begins(visit, full_story):
    kiosk = visit()
    kiosk.tap(kiosk.screen.cards[1])
    kiosk.tap(kiosk.screen.cards[3])  # changed their mind: the detail follows
    assert kiosk.screen.shown().id == full_story.perspectives[3].id
    kiosk.tap(kiosk.screen.cards[3])
    assert kiosk.app.session.pt.perspective.id == full_story.perspectives[3].id


def test_keys_choose_too(visit, full_story):
    kiosk = visit()
    kiosk.key(pygame.K_RIGHT, 3)  # the first press shows the focus on the first card
    assert kiosk.screen.shown().id == full_story.perspectives[2].id
    kiosk.key(pygame.K_RETURN)  # picks it
    kiosk.key(pygame.K_RETURN)  # and begins
    assert kiosk.app.session.pt.perspective.id == full_story.perspectives[2].id
