"""The kiosk screenshots: every screen a visitor and a technician sees, at 1920×1080."""

from __future__ import annotations

import pygame

from game.kiosk import screenshots
from tests.ui.conftest import FIXTURE_STORY

NAMES = {"attract", "language", "perspectives", "scene", "idle-warning", "ending-with-statistics",
         "content-note", "staff-pin", "staff-menu", "staff-statistics", "staff-test-screen"}  # fmt: skip


def test_screenshots_of_every_kiosk_screen(tmp_path):
    assert screenshots.main([str(tmp_path), "--story", str(FIXTURE_STORY)]) == 0
    written = {p.stem.removeprefix("kiosk-") for p in tmp_path.glob("kiosk-*.png")}
    assert written == NAMES
    image = pygame.image.load(tmp_path / "kiosk-attract.png")
    assert image.get_size() == (1920, 1080)
