"""The kiosk's scene keeps the player's composed layer honest: its text-size button included."""

from __future__ import annotations

import pygame

from game.kiosk.play import KioskSceneScreen


def frame(kiosk) -> bytes:
    return pygame.image.tobytes(kiosk.pixels(), "RGB")


def test_each_text_size_frame_equals_one_drawn_from_scratch(kiosk):
    kiosk.start_reading()
    scene = kiosk.screen
    assert isinstance(scene, KioskSceneScreen) and scene.done
    frame(kiosk)
    for _ in range(3):  # Medium → Large → Largest → Medium
        builds = scene.layer_builds
        kiosk.tap("Text size")
        cached = frame(kiosk)
        assert scene.layer_builds == builds + 1
        scene.cache_layer = False
        assert cached == frame(kiosk)
        del scene.cache_layer
