"""Palettes meet their contrast targets; the bundled fonts cover the story's letters."""

from __future__ import annotations

import pygame
import pytest

from game.ui import fonts
from game.ui.theme import HIGH_CONTRAST, PALETTES, TEXT_PAIRS, contrast, luminance

NEEDED = "ʻʼ" + "ўқғҳЎҚҒҲ" + "“”‘’–—…" + "Oʻzbek gʻalla"


def test_contrast_formula_matches_wcag_reference_values():
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    assert luminance((255, 255, 255)) == pytest.approx(1.0)


@pytest.mark.parametrize("fg, bg", TEXT_PAIRS)
def test_high_contrast_theme_is_aaa_for_all_text(fg, bg):
    ratio = contrast(getattr(HIGH_CONTRAST, fg), getattr(HIGH_CONTRAST, bg))
    assert ratio >= 7.0, f"{fg} on {bg}: {ratio:.2f}"


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_every_theme_keeps_text_readable(name):
    pal = PALETTES[name]
    assert contrast(pal.text, pal.paper) >= 7.0  # the story text itself: AAA everywhere
    for fg, bg in TEXT_PAIRS:
        assert contrast(getattr(pal, fg), getattr(pal, bg)) >= 4.5, (name, fg, bg)


def _tofu(font: pygame.font.Font) -> bytes:
    return pygame.image.tobytes(font.render("\U0010fffd", True, (0, 0, 0), (255, 255, 255)), "RGB")


@pytest.mark.parametrize("face", sorted(fonts.FACES))
def test_bundled_faces_have_every_needed_glyph(face):
    pygame.font.init()
    font = pygame.font.Font(fonts.path(face), 24)
    tofu = _tofu(font)
    missing = [
        ch
        for ch in sorted(set(NEEDED) - {" "})
        if pygame.image.tobytes(font.render(ch, True, (0, 0, 0), (255, 255, 255)), "RGB") == tofu
    ]
    assert not missing, f"{face} lacks {missing}"


def test_the_glyph_check_does_catch_a_missing_glyph():
    pygame.font.init()
    font = pygame.font.Font(fonts.path("serif"), 24)
    cjk = pygame.image.tobytes(font.render("中", True, (0, 0, 0), (255, 255, 255)), "RGB")
    assert cjk == _tofu(font)  # Noto Serif has no Han: the check would report it


def test_fonts_ship_with_their_licence():
    licence = fonts.FONT_DIR / "OFL.txt"
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence.read_text(encoding="utf-8")
    for file in fonts.FACES.values():
        assert (fonts.FONT_DIR / file).stat().st_size > 100_000


def test_the_window_icon_is_the_star_on_a_rounded_tile():
    from game.ui.ornament import window_icon
    from game.ui.theme import palette

    icon = window_icon(palette("default"))
    assert icon.get_size() == (64, 64)
    assert icon.get_at((0, 0)).a == 0  # a rounded corner: transparent
    assert icon.get_at((32, 32))[:3] != icon.get_at((4, 32))[:3]  # the star's heart on the tile
