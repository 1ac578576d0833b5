"""Sound: voices made in code, the volume setting, and silence without an audio device."""

from __future__ import annotations

from array import array

import pygame
import pytest

from game.ui import sound
from game.ui.screens.card import EventCard
from game.ui.screens.scene import SceneScreen
from game.ui.sound import Sounds

RATE = 44100
LENGTHS = {"choose": 0.35, "page": 0.3, "card": 0.45}  # seconds


class FakePlayer:
    """Records what would be played instead of playing it: tests must not rely on a sound card."""

    def __init__(self) -> None:
        self.plays: list[tuple[pygame.mixer.Sound, float]] = []

    def __call__(self, played: pygame.mixer.Sound, level: float) -> None:
        self.plays.append((played, level))

    def names(self, sounds: Sounds) -> list[str]:
        by_id = {id(s): name for name, s in sounds.loaded.items()}
        return [by_id[id(played)] for played, _ in self.plays]


@pytest.fixture
def player(ui) -> FakePlayer:
    ui.app.sound.player = fake = FakePlayer()
    return fake


def open_scene(ui) -> SceneScreen:
    ui.begin_story()
    assert isinstance(ui.screen, SceneScreen)
    return ui.screen


@pytest.mark.parametrize("name", sorted(LENGTHS))
def test_each_voice_is_audible_quiet_and_the_expected_length(name):
    samples = sound.VOICES[name](RATE, 1.0)
    assert len(samples) == int(LENGTHS[name] * RATE)
    assert 0.1 < max(map(abs, samples)) <= 1.0
    assert abs(samples[0]) < 1e-3 and abs(samples[-1]) < 1e-3  # no click at either end
    raw = array("h", sound.encode(name, RATE, -16, 2))
    assert len(raw) == 2 * len(samples)
    assert raw[0::2] == raw[1::2]  # the same in both ears
    assert 1000 < max(map(abs, raw)) <= 32767 * sound.PEAKS[name]


@pytest.mark.parametrize(("size", "code"), [(8, "B"), (-8, "b"), (16, "H"), (32, "f")])
def test_voices_encode_in_other_mixer_formats(size, code):
    raw = array(code, sound.encode("choose", 22050, size, 1))
    assert len(raw) == int(LENGTHS["choose"] * 22050)
    assert len(set(raw)) > 10


def test_volume_zero_plays_nothing_and_leaves_the_mixer_alone(monkeypatch):
    def untouchable(*args, **kwargs):
        raise AssertionError("the mixer was used at volume 0")

    for name in ("init", "get_init", "Sound"):
        monkeypatch.setattr(pygame.mixer, name, untouchable)
    fake = FakePlayer()
    sounds = Sounds(volume=0, player=fake)
    assert not any(sounds.play(name) for name in sound.VOICES)
    assert fake.plays == [] and sounds.loaded == {}


def test_a_keyboard_choice_plays_one_choose_sound(ui, player):
    scene = open_scene(ui)
    assert player.names(ui.app.sound) == ["page"]  # the story's first page
    player.plays.clear()
    ui.key(pygame.K_1)  # while typing, the first press only shows the whole page
    assert scene.done and player.plays == []
    ui.key(pygame.K_1)
    assert scene.pt.scene.id == "mosque"
    assert player.names(ui.app.sound) == ["choose"]
    assert player.plays[0][1] == pytest.approx(0.8**2)  # the default volume, 80 %


def test_opening_a_history_card_plays_the_card_sound(ui, player):
    open_scene(ui)
    ui.key(pygame.K_SPACE)
    ui.key(pygame.K_1)
    ui.past_note()
    ui.wait(60)
    player.plays.clear()
    ui.click("What really happened")
    assert isinstance(ui.screen, EventCard)
    assert player.names(ui.app.sound) == ["card"]


def test_changing_the_volume_sets_the_level_and_plays_a_sample(ui, player):
    ui.click("Settings")
    ui.key(pygame.K_DOWN, times=5)  # language, text size, speed, theme, display, volume
    ui.key(pygame.K_LEFT)
    assert ui.app.settings.volume == ui.app.sound.volume == 70
    assert player.plays[-1][1] == pytest.approx(0.7**2) == ui.app.sound.level
    ui.key(pygame.K_LEFT, times=7)  # 60 … 10 each sound once; 0 is silent
    assert ui.app.sound.volume == 0 and ui.app.sound.level == 0
    assert len(player.plays) == 7
    assert player.plays[-1][1] == pytest.approx(0.1**2)


def test_without_an_audio_device_the_game_plays_on_in_silence(start_app, monkeypatch):
    def no_device(*args, **kwargs):
        raise pygame.error("no audio device")

    pygame.mixer.quit()  # an earlier test may have opened it
    monkeypatch.setattr(pygame.mixer, "init", no_device)
    ui = start_app()
    scene = open_scene(ui)
    ui.key(pygame.K_SPACE)
    ui.key(pygame.K_1)
    ui.past_note()
    ui.wait(60)
    ui.click("What really happened")
    assert scene.pt.scene.id == "mosque" and isinstance(ui.screen, EventCard)
    assert ui.app.sound.off and ui.app.sound.loaded == {}
