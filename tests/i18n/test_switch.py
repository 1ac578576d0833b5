"""Switching language in a running game: the open page is redrawn in the new language, the
playthrough goes on where it was, and every screen on the stack speaks the new language."""

from __future__ import annotations

import pygame
import pytest

from game import i18n
from game import settings as settings_store
from game.engine import load_story
from game.ui.app import App
from game.ui.screens.scene import SceneScreen
from game.ui.screens.settings import SettingsScreen
from game.ui.screens.title import TitleScreen
from tests.i18n.conftest import PREFIX, translated_copy
from tests.ui.conftest import FIXTURE_STORY, Driver, FakeClock


@pytest.fixture
def ui(tmp_path):
    story = load_story(translated_copy(FIXTURE_STORY, tmp_path / "story"))
    clock = FakeClock()
    app = App(story, size=(1280, 720), clock=clock)
    driver = Driver(app, clock)
    driver.pump()
    yield driver
    app.close()
    i18n.use_language("en")


def pixels(ui) -> bytes:
    return pygame.image.tobytes(ui.pixels(), "RGB")


def test_switching_language_redraws_the_open_page(ui):
    ui.begin_story()
    ui.key(pygame.K_SPACE)  # the whole page
    ui.click(ui.screen.group.buttons[0])
    ui.past_note()
    scene_id, turn, variables = ui.screen.pt.scene.id, ui.screen.pt.turn, dict(ui.screen.pt.vars)
    ui.wait(60)
    english = pixels(ui)

    ui.key(pygame.K_ESCAPE)
    ui.click("Settings")
    assert isinstance(ui.screen, SettingsScreen)
    frames = ui.app.frames
    ui.key(pygame.K_RIGHT)  # the first row: the language, English -> Русский
    assert ui.app.frames > frames  # drawn again at once
    assert ui.app.settings.language == "ru" == ui.app.story.language
    assert settings_store.load().language == "ru"
    settings = ui.screen
    assert isinstance(settings, SettingsScreen) and settings.title() == "Настройки"
    assert settings.group.focus == 0  # still on the language row
    assert settings.cards[0].value() == "Русский"

    ui.key(pygame.K_ESCAPE)
    scene = ui.screen
    assert isinstance(scene, SceneScreen)
    pt = scene.pt
    assert (pt.scene.id, pt.turn, dict(pt.vars)) == (scene_id, turn, variables)
    assert pt.scene.title.startswith(PREFIX)
    assert all(p.text.startswith(PREFIX) for p in pt.paragraphs())
    assert scene.done and scene.group.buttons  # the page is shown whole, with its choices
    assert {b.label for b in scene.tools.buttons} == {
        "Журнал",
        "Справочник",
        "Карта",
        "Сохранить",
        "Меню",
    }
    assert pixels(ui) != english

    ui.key(pygame.K_ESCAPE)
    ui.click("Главное меню")
    assert isinstance(ui.screen, TitleScreen) and ui.button("Новая история")
    assert ui.app.window.title == PREFIX + "Voices of Turkestan"


def test_switching_back_to_english_from_the_title(ui):
    ui.click("Settings")
    ui.key(pygame.K_RIGHT)
    ui.key(pygame.K_RIGHT)  # Русский -> Oʻzbekcha: its interface, and the story in English
    assert ui.screen.cards[0].value() == "Oʻzbekcha" and ui.screen.title() == "Sozlamalar"
    assert ui.app.story.title == "Voices of Turkestan"  # the story has no Uzbek yet: English
    ui.key(pygame.K_RIGHT)
    assert ui.screen.title() == "Settings" and ui.app.settings.language == "en"
    ui.key(pygame.K_ESCAPE)
    assert isinstance(ui.screen, TitleScreen) and ui.button("New story")


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720)])
def test_scene_tools_keep_each_label_on_one_line_in_every_language(ui, size):
    ui.resize(*size)
    ui.app.change_settings(text_size="largest")
    ui.begin_story()
    for language in i18n.available_languages():
        ui.app.change_settings(language=language)
        scene = ui.screen
        for button in scene.tools.buttons:
            page = button._pages(ui.app.kit, button.rect.width, False)[0]
            assert len(page.lines) == 1, (language, button.label)
            assert button.rect.right <= ui.app.kit.size[0]
        assert scene.panel.right < scene.tools.buttons[0].rect.left
