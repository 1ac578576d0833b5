"""extract → update after a source edit: exactly the edited strings become fuzzy, moved ones
keep their translation, removed ones go obsolete, and nothing translated is lost."""

from __future__ import annotations

from pathlib import Path

from game.authoring.catalogs import extract, story_domain, update_domain
from game.po import read_catalog, usable
from tests.i18n.conftest import PREFIX

EDITS = {  # file, old, new
    "perspectives/farmer/01_field.yaml": [
        ("text: He speaks of schools.", "text: He speaks of new schools."),
        ("- text: Sell the seed cotton", "- text: Sell all the seed cotton"),
    ],
    "perspectives/farmer/02_end.yaml": [
        (
            "      epilogue:\n        - You left.",
            "      epilogue:\n        - You walked by night.\n        - You left.",
        ),
        ("      history:\n        - Many stayed.\n", ""),
    ],
    "history/registry.yaml": [
        (
            "text: A wealthy landowner or moneylender.",
            "text: A wealthy landowner, often a moneylender.",
        ),
    ],
}
EDITED = {"scene:teacher:text:1", "scene:field:choice:sell", "term:bai:text"}


def edit_source(root: Path) -> None:
    for name, pairs in EDITS.items():
        path = root / name
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert text.count(old) == 1, (name, old)
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")


def entries(root: Path) -> dict[str, object]:
    found = {}
    for domain in ("farmer", "history"):
        for message in read_catalog(story_domain(root, domain).catalog("ru")):
            if message.id:
                found[message.context] = message
    return found


def update(root: Path) -> None:
    extract(root)
    for domain in ("farmer", "history"):
        update_domain(story_domain(root, domain))


def test_update_marks_exactly_the_edited_strings_fuzzy(mini_ru):
    before = entries(mini_ru)
    edit_source(mini_ru)
    update(mini_ru)
    after = entries(mini_ru)

    assert {c for c, m in after.items() if m.fuzzy} == EDITED
    for context in EDITED:  # the old English is kept for the translator, and the old wording
        assert after[context].previous_id == [before[context].id]
        assert after[context].string == before[context].string
    assert after["scene:teacher:text:1"].id == "He speaks of new schools."

    new = "scene:hills:ending:epilogue:1"
    assert after[new].id == "You walked by night." and not after[new].string
    # The paragraphs that only moved down keep their translation, not fuzzy.
    assert after["scene:hills:ending:epilogue:2"].string == PREFIX + "You left."
    assert after["scene:hills:ending:epilogue:3"].string == PREFIX + "You did not return."
    assert not after["scene:hills:ending:epilogue:2"].fuzzy

    untouched = (
        set(before)
        - EDITED
        - {"scene:home:ending:history:1"}
        - {c for c in before if c.startswith("scene:hills:ending:epilogue")}
    )
    for context in untouched:
        assert after[context].string == before[context].string and usable(after[context])

    farmer = read_catalog(story_domain(mini_ru, "farmer").catalog("ru"))
    gone = [m for m in farmer.obsolete.values() if m.id == "Many stayed."]
    assert gone and gone[0].string == PREFIX + "Many stayed."  # kept as #~, never lost


def test_the_po_file_shows_the_previous_english(mini_ru):
    edit_source(mini_ru)
    update(mini_ru)
    text = story_domain(mini_ru, "farmer").catalog("ru").read_text(encoding="utf-8")
    assert '#| msgid "He speaks of schools."' in text
    assert "#, fuzzy" in text
    assert '#~ msgid "Many stayed."' in text


def test_a_second_update_changes_nothing(mini_ru):
    edit_source(mini_ru)
    update(mini_ru)
    path = story_domain(mini_ru, "farmer").catalog("ru")
    first = path.read_text(encoding="utf-8")
    update(mini_ru)
    assert _without_dates(path.read_text(encoding="utf-8")) == _without_dates(first)


def _without_dates(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if "-Date:" not in line)


def test_an_unedited_story_updates_to_the_same_translations(mini_ru):
    before = {c: m.string for c, m in entries(mini_ru).items()}
    update(mini_ru)
    after = entries(mini_ru)
    assert {c: m.string for c, m in after.items()} == before
    assert not any(m.fuzzy for m in after.values())


def test_a_long_previous_english_survives_writing_and_reading(tmp_path):
    from babel.messages.catalog import Catalog

    from game.authoring.catalogs import write_catalog

    old = "A long paragraph that a translator once translated, " * 4 + "with “quotes” and \\ too."
    catalog = Catalog(locale="ru")
    catalog.add("New words", "Перевод", context="scene:a:text:1", flags=["fuzzy"],
                previous_id=[old], user_comments=["reviewed: A. B."])  # fmt: skip
    write_catalog(catalog, tmp_path / "x.po")
    again = read_catalog(tmp_path / "x.po")
    message = again.get("New words", context="scene:a:text:1")
    assert message.previous_id == [old]
    assert message.user_comments == ["reviewed: A. B."] and message.fuzzy


def test_each_language_keeps_its_own_words_when_several_are_updated(mini_ru):
    from tests.i18n.conftest import translate_all

    translate_all(mini_ru, "uz", "uz:")
    edit_source(mini_ru)
    update(mini_ru)  # one template, merged into ru and then uz
    for language, prefix in (("ru", PREFIX), ("uz", "uz:")):
        for domain in ("farmer", "history"):
            for message in read_catalog(story_domain(mini_ru, domain).catalog(language)):
                if message.id and message.string:
                    assert message.string.startswith(prefix), (language, message.context)
    moved = "scene:hills:ending:epilogue:2"  # adopted from the obsolete entry, per language
    uz = {m.context: m for m in read_catalog(story_domain(mini_ru, "farmer").catalog("uz"))}
    assert uz[moved].string == "uz:You left."
