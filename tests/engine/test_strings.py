"""Translatable strings: every visible string is listed with context and place, and a
translated load plays the same story in another language."""

from __future__ import annotations

from game.engine import load_story, read_story
from game.engine.runtime import Playthrough
from tests.conftest import FIXTURES

MINI = FIXTURES / "mini"


class Shouting:
    """A stand-in translation: upper case, keeping markup intact."""

    language = "xx"

    def __init__(self, broken: set[str] = frozenset()):
        self.broken = broken

    def lookup(self, context: str, text: str) -> str | None:
        if context in self.broken:
            return text + " {nonsense"  # a translator's mistake
        if "{" in text or "[[" in text:
            return None  # keep markup-bearing strings in English for this test
        return text.upper()


def test_strings_name_their_context_file_and_line():
    strings = {s.context: s for s in read_story(MINI).strings}
    assert strings["story:title"].text == "A Small Story"
    assert strings["scene:field:title"].text == "The Field"
    first = strings["scene:field:text:1"]
    assert first.text.startswith("{name}, you owe")
    assert (first.file, first.line) == ("mini/perspectives/farmer/01_field.yaml", 8)
    assert strings["scene:field:choice:sell"].text == "Sell the seed cotton"
    assert strings["scene:hills:ending:epilogue:2"].text == "You did not return."
    assert strings["term:bai:text"].text.startswith("A wealthy")
    assert strings["person:aziz:role"].text == "Your brother."
    assert strings["perspective:farmer:afterword"].text.startswith("It was remembered")


def test_contexts_are_unique():
    contexts = [s.context for s in read_story(MINI).strings]
    assert len(contexts) == len(set(contexts))


def test_a_translated_load_translates_and_plays_the_same():
    story = load_story(MINI, translation=Shouting())
    assert story.title == "A SMALL STORY"
    assert story.terms["bai"].title == "BAI"
    pt = Playthrough.start(story, "farmer", seed=1)
    assert pt.scene.title == "THE FIELD"
    assert pt.choices()[0].text == "SELL THE SEED COTTON"
    # markup-bearing text stayed English here, but its link shows the translated term title
    english = Playthrough.start(load_story(MINI), "farmer", seed=1)
    pt.choose(0)
    english.choose(0)
    assert pt.scene.id == english.scene.id and pt.vars == english.vars


def test_a_translation_that_breaks_markup_falls_back_to_english():
    story = load_story(MINI, translation=Shouting({"scene:teacher:text:1"}))
    assert story.scenes["teacher"].text[0].parts == ("He speaks of schools.",)
