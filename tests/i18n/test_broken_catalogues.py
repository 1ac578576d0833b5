"""Broken translation catalogues: check names file:line, the game shows English instead."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import i18n
from game.authoring.i18n_check import translation_problems
from game.po import CatalogError, read_catalog
from game.story_i18n import load_story_in

HEADER = b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
BROKEN = {
    "not_utf8": (HEADER + b'msgid "a"\nmsgstr "\xff\xfe"\n', 6, "not UTF-8"),
    "charset": (HEADER.replace(b"UTF-8", b"KLINGON") + b'msgid "a"\nmsgstr "b"\n', 3, "charset"),
    "nul": (HEADER + b'msgid "a"\nmsgstr "b\x00c"\n', 6, "NUL byte"),
    "huge": (HEADER + b'msgid "a"\nmsgstr "' + b"{" * 30_000 + b'"\n', 5, "longer than"),
    "syntax": (HEADER + b'msgid "a"\nmsgstr "b"\nbogus "x"\n', 7, "not a valid catalogue"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_catalogue_is_an_error_at_its_line(tmp_path, name):
    raw, line, words = BROKEN[name]
    path = tmp_path / "x.po"
    path.write_bytes(raw)
    with pytest.raises(CatalogError) as err:
        read_catalog(path)
    assert err.value.line == line and words in err.value.message


def test_a_folder_or_a_fifo_named_po_is_refused(tmp_path):
    (tmp_path / "dir.po").mkdir()
    with pytest.raises(CatalogError, match="folder"):
        read_catalog(tmp_path / "dir.po")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.po")
        with pytest.raises(CatalogError, match="a device or a pipe"):
            read_catalog(tmp_path / "pipe.po")


def test_check_reports_a_broken_story_catalogue_and_play_falls_back_to_english(mini_ru):
    path = mini_ru / "locales/ru/farmer.po"
    path.write_bytes(path.read_bytes().replace(b"ru:", b"ru:\xff", 1))
    problems = [p for p in translation_problems(mini_ru) if p.file.endswith("ru/farmer.po")]
    assert [(p.code, "not UTF-8" in p.message) for p in problems] == [("E702", True)]
    assert problems[0].line > 1
    story = load_story_in(mini_ru, "ru", use_cache=False)
    field = story.scenes["field"]
    assert not field.title.startswith("ru:")  # farmer.po is broken: its strings stay English
    assert story.places["village"].name.startswith("ru:")  # history.po still translates


def test_a_broken_interface_catalogue_leaves_the_interface_in_english(tmp_path):
    folder = tmp_path / "locales"
    path = i18n.catalog_path("ru", folder)
    path.parent.mkdir(parents=True)
    path.write_bytes(BROKEN["nul"][0])
    assert isinstance(i18n.load_translations("ru", folder), i18n.English)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=400) | st.builds(lambda b: HEADER + b, st.binary(max_size=300)))
def test_random_bytes_never_escape_as_anything_but_a_catalogue_error(tmp_path, raw):
    path = tmp_path / "fuzz.po"
    path.write_bytes(raw)
    try:
        read_catalog(path, "uz")
    except CatalogError as exc:
        assert exc.line >= 0 and exc.message


def test_a_language_setting_pointing_to_a_broken_catalogue_still_starts(mini_ru):
    from game import settings as settings_store
    from game.opening import open_story
    from game.storage import data_dir

    (data_dir() / settings_store.FILE_NAME).write_text('{"language": "ru"}')
    for path in (mini_ru / "locales/ru").glob("*.po"):
        path.write_bytes(b"\x00\xff" * 100)  # every story catalogue of the language destroyed
    language = settings_store.load().language
    story = open_story(mini_ru, language)
    assert story.scenes and not story.title.startswith("ru:")
