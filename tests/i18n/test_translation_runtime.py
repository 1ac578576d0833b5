"""Translations at run time: the story and the interface read .po files directly; anything
missing, fuzzy or out of date falls back to English, never to an id."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from game import i18n
from game.authoring.catalogs import story_domain, write_catalog
from game.engine import load_story, read_story
from game.engine.runtime import Playthrough
from game.labels import format_date, warnings_text
from game.po import OKINA, normalise_uzbek, read_catalog
from game.story_i18n import StoryTranslation, load_story_in, story_languages
from tests.i18n.conftest import PREFIX


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    i18n.use_language("en")


def drop(root: Path, context: str, fuzzy: bool = False) -> None:
    """Remove one translation (or only mark it fuzzy)."""
    path = story_domain(root, "farmer").catalog("ru")
    catalog = read_catalog(path)
    message = next(m for m in catalog if m.context == context)
    if fuzzy:
        message.flags.add("fuzzy")
    else:
        catalog.delete(message.id, context=context)
    write_catalog(catalog, path)


def test_a_translated_load_plays_in_the_language(mini_ru):
    story = load_story_in(mini_ru, "ru", use_cache=False)
    assert story.language == "ru" and story.title == PREFIX + "A Small Story"
    pt = Playthrough.start(story, "farmer", seed=1)
    assert pt.scene.title == PREFIX + "The Field"
    assert pt.paragraphs()[0].text.startswith(PREFIX)
    assert story.terms["bai"].title == PREFIX + "Bai"
    assert story_languages(mini_ru) == ["en", "ru"]


@pytest.mark.parametrize("fuzzy", [False, True])
def test_a_missing_or_fuzzy_string_falls_back_to_english(mini_ru, fuzzy):
    drop(mini_ru, "scene:field:title", fuzzy=fuzzy)
    story = load_story_in(mini_ru, "ru", use_cache=False)
    assert story.scenes["field"].title == "The Field"  # English, not the id 'scene:field:title'
    assert story.scenes["teacher"].title == PREFIX + "The Teacher"  # the rest still translated


def test_a_translation_of_older_english_is_not_shown(mini_ru):
    path = mini_ru / "perspectives/farmer/01_field.yaml"
    path.write_text(
        path.read_text("utf-8").replace("title: The Teacher", "title: The Tutor"), "utf-8"
    )
    story = load_story_in(mini_ru, "ru", use_cache=False)
    assert story.scenes["teacher"].title == "The Tutor"


def test_no_string_ever_shows_as_its_context(mini_ru):
    for context in ("scene:field:title", "scene:teacher:title", "scene:field:choice:sell"):
        drop(mini_ru, context)
    story = load_story_in(mini_ru, "ru", use_cache=False)
    texts = [story.title, *(s.title for s in story.scenes.values()),
             *(c.text for s in story.scenes.values() for c in s.choices)]  # fmt: skip
    contexts = {s.context for s in read_story(mini_ru).strings}
    assert not contexts & set(texts)


def test_a_language_without_catalogues_is_english(mini_ru):
    story = load_story_in(mini_ru, "de", use_cache=False)
    assert story.title == "A Small Story" and story.language == "en"
    assert load_story_in(mini_ru, "en", use_cache=False).title == load_story(mini_ru).title


def test_the_cache_serves_translated_stories_too(mini_ru, monkeypatch, tmp_path):
    monkeypatch.setenv("VOT_CACHE_DIR", str(tmp_path / "cache"))
    first = load_story_in(mini_ru, "ru")
    again = load_story_in(mini_ru, "ru")
    assert again.title == first.title == PREFIX + "A Small Story"
    assert load_story_in(mini_ru, "en").title == "A Small Story"


def test_uzbek_lookalike_apostrophes_become_okina_when_loaded(tmp_path):
    root = tmp_path / "story"
    catalog = Catalog(locale="uz")
    catalog.add("Uzbek", "O'zbek", context="a")
    catalog.add("Fergana", "Farg`ona", context="b")
    catalog.add("Mountain", "tog’", context="c")
    catalog.add("Education", "ta’lim, maʼno", context="d")  # tutuq belgisi: left alone
    catalog.add("No", "yoʼq", context="e")  # U+02BC after o: the wrong sign for oʻ
    write_catalog(catalog, root / "locales" / "uz" / "history.po")
    tr = StoryTranslation(root, "uz")
    assert tr.lookup("a", "Uzbek") == f"O{OKINA}zbek"
    assert tr.lookup("b", "Fergana") == f"Farg{OKINA}ona"
    assert tr.lookup("c", "Mountain") == f"tog{OKINA}"
    assert tr.lookup("d", "Education") == "ta’lim, maʼno"
    assert tr.lookup("e", "No") == f"yo{OKINA}q"
    assert normalise_uzbek("‘Salom,’ dedi") == "‘Salom,’ dedi"  # quotation marks stay


def test_the_interface_reads_po_files_without_compiling(tmp_path):
    catalog = Catalog(locale="ru")
    catalog.add("New story", "Новая история")
    catalog.add("Load", "Загрузить", flags=["fuzzy"])
    catalog.add("Quit", "")
    write_catalog(catalog, i18n.catalog_path("ru", tmp_path))
    tr = i18n.load_translations("ru", tmp_path)
    assert tr.gettext("New story") == "Новая история"
    assert tr.gettext("Load") == "Load"  # fuzzy: not used
    assert tr.gettext("Quit") == "Quit"  # empty: English
    assert tr.gettext("Never translated") == "Never translated"
    assert i18n.available_languages(tmp_path) == ["en", "ru"]


def test_the_shipped_interface_languages():
    languages = i18n.available_languages()
    assert languages[0] == "en" and {"ru", "uz"} <= set(languages)
    names = [i18n.language_name(c) for c in ("en", "ru", "uz")]
    assert names == ["English", "Русский", "Oʻzbekcha"]
    assert i18n.language_name("de") == "Deutsch"  # a fourth language names itself too
    assert i18n.use_language("ru") == "ru" and i18n._("New story") == "Новая история"
    assert i18n.use_language("xx") == "en" and i18n._("New story") == "New story"


@pytest.mark.parametrize("language, month, day, warnings", [
    ("en", "July 1916", "13 July 1916", "Content: violence, famine"),
    ("ru", "Июль 1916 г.", "13 июля 1916 г.", "Тяжёлые темы: насилие, голод"),
    ("uz", "1916-yil iyul", "1916-yil 13-iyul", "Ogʻir mavzular: zoʻravonlik, ocharchilik"),
])  # fmt: skip
def test_dates_and_content_warnings_follow_the_interface_language(language, month, day, warnings):
    i18n.use_language(language)
    assert format_date("1916-07") == month
    assert format_date("1916-07-13") == day
    assert format_date("1916") == "1916"
    assert warnings_text(("violence", "famine")) == warnings
    assert warnings_text(("an_unknown_tag",)).endswith("an_unknown_tag")
