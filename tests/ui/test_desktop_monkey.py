"""Thousands of random clicks, taps, keys, wheels and resizes on the desktop player: nothing
breaks, quitting is only ever a restart away, and what it leaves on disk reads back."""

from __future__ import annotations

import random

import pygame

from game import profile, saves, settings
from tests.monkey import random_event

EVENTS = 8_000
BATCH = 6  # events handled per frame


def test_eight_thousand_random_events_on_the_desktop(start_app, clock, story):
    ui = start_app((1024, 600))
    rng = random.Random(1918)
    screens: set[str] = set()
    restarts = posted = 0
    while posted < EVENTS:
        for _ in range(BATCH):
            pygame.event.post(random_event(rng, ui.app.kit.size))
        posted += BATCH
        clock.now += rng.choice([0.05, 0.2, 1.0, 3.0])
        ui.pump()
        screens.add(type(ui.app.screen).__name__)
        if not ui.app.running:  # Quit, or the window closed: the player starts the game again
            ui = start_app((1024, 600))
            restarts += 1
    # The monkey got around: into a story, its menus and the screens they open.
    wanted = {"SceneScreen", "PauseScreen", "SavesScreen", "SettingsScreen", "BacklogScreen",
              "CodexScreen", "PerspectivesScreen"}  # fmt: skip
    assert wanted <= screens, wanted - screens
    assert restarts > 0
    # Whatever it left behind reads back: settings, progress and every save slot.
    assert ui.app.settings == settings.load()
    profile.load()
    infos = saves.list_slots(story)
    assert {info.status for info in infos} <= {"ok", "empty"}
    for info in infos:
        if info.usable:
            pt, _ = saves.read(info.slot, story)
            assert pt.scene.id in story.scenes
