"""Every character of the three languages has a glyph in every bundled face, and long Russian
and Uzbek words still break into lines that fit."""

from __future__ import annotations

import pygame
import pytest

from game.authoring.catalogs import ui_template
from game.engine import read_story
from game.po import read_catalog
from game.ui import fonts
from game.ui.fonts import Fonts, TextCache
from game.ui.kit import Kit
from game.ui.textlayout import Layouter
from game.ui.theme import DEFAULT
from tests.conftest import ROOT, STORY


def used_characters() -> str:
    """Every character in every catalogue (story and interface) and in the English story."""
    chars = set()
    for path in [*ROOT.glob("game/locales/**/*.po"), *STORY.glob("locales/*/*.po")]:
        for message in read_catalog(path):
            for text in (message.id, message.string):
                chars.update("".join(text) if isinstance(text, tuple) else text or "")
    chars.update("".join(s.text for s in read_story(STORY).strings))
    for m in ui_template():
        chars.update("".join(m.id) if isinstance(m.id, tuple) else m.id)  # plurals are tuples
    return "".join(sorted(chars))


@pytest.fixture(scope="module")
def characters() -> str:
    pygame.font.init()
    text = used_characters()
    assert {"ʻ", "Ж", "ё", "—", "«"} <= set(text)  # the three languages really are in there
    return text


@pytest.mark.parametrize("face", sorted(fonts.FACES))
def test_every_character_used_has_a_glyph(face, characters):
    assert fonts.missing_glyphs(face, characters) == []


def test_the_glyph_check_notices_a_missing_glyph():
    pygame.font.init()
    assert fonts.missing_glyphs("serif", "aЖ中ʻ") == ["中"]


LONG_WORDS = [
    "Человеконенавистничество и достопримечательностей",  # Russian
    "Oʻzbekistonliklashtirilganlardanmisiz? Gʻallaorolliklarnikidagilar",  # Uzbek
]


@pytest.fixture(scope="module")
def kit():
    pygame.font.init()
    fonts_ = Fonts()
    return Kit(fonts_, TextCache(fonts_), Layouter(fonts_))


@pytest.mark.parametrize("text", LONG_WORDS)
@pytest.mark.parametrize("width", [90, 160, 400])
def test_long_words_break_inside_the_width_and_lose_nothing(kit, text, width):
    page = kit.layouter.page([kit.block("body", text)], width, DEFAULT.paper)
    assert len(page.lines) > 1
    for line in page.lines:
        assert line.runs[-1].x + line.runs[-1].width <= width
    shown = "".join(run.text for line in page.lines for run in line.runs)
    assert shown.replace(" ", "") == text.replace(" ", "")


def test_russian_and_uzbek_prose_breaks_at_spaces_within_the_measure(kit):
    prose = ("Вы просыпаетесь ещё до призыва на молитву. Этой ночью по арыку пойдёт вода. "
             "Siz azondan oldin uygʻonasiz. Bu kecha ariqqa suv keladi, Sobir mirob "
             "esa oilangizga undan ikki soat ajratgan. ") * 3  # fmt: skip
    width = kit.measure()
    page = kit.layouter.page([kit.block("body", prose)], width, DEFAULT.paper)
    words = set(prose.split())
    for line in page.lines:
        text = "".join(run.text for run in line.runs)
        assert set(text.split()) <= words  # no word was cut: each line ends at a space
        assert line.runs[-1].x + line.runs[-1].width <= width
