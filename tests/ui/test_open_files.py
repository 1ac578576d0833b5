"""Open files stay few: fonts are let go of, however many sizes are asked for and apps opened."""

from __future__ import annotations

import pygame
import pytest

from game.ui.fonts import Fonts
from tests.ui.conftest import no_collector, open_files


@pytest.fixture(autouse=True)
def _font_module():
    pygame.font.init()


def test_fonts_of_ever_new_sizes_keep_few_files_open():
    fonts = Fonts(keep=16)
    before = open_files()
    for px in range(10, 210):  # a window resized two hundred times
        for face in ("serif", "sans"):
            fonts.get(face, px).size("Samarkand")
    assert len(fonts) == 16
    assert open_files() - before <= 16
    fonts.close()
    assert open_files() <= before


def test_the_font_in_use_is_the_one_kept():
    """The least recently used goes first: the body text's font is not opened again and again
    while labels try size after size."""
    fonts = Fonts(keep=2)
    body = fonts.get("serif", 30)
    for px in range(10, 20):
        fonts.get("sans", px)
        assert fonts.get("serif", 30) is body


def test_apps_opened_and_closed_leave_no_files_open(story, clock):
    from game.ui.app import App

    App(story, clock=clock).close()  # the first app sets up SDL, which keeps a few files
    with no_collector():
        before = open_files()
        for _ in range(8):
            app = App(story, size=(1024, 600), clock=clock)
            app.change_settings(text_size="largest")
            app.pump()
            app.close()
        assert open_files() - before <= 1, "each app left its fonts open"
