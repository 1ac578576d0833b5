"""Text markup: interpolation, codex links, escaped braces and markup mistakes."""

from __future__ import annotations

import pytest

from game.engine.expr import Env, ExprError
from game.engine.text import Span, compile_markup, render

ENV = Env({"debt": "int", "fled": "bool"})


class Ctx:
    def __init__(self):
        self.vars = {"debt": 3, "fled": True}
        self.visits: dict = {}

    def chance(self, p):
        return False


def _render(text: str):
    return render(compile_markup(text, ENV), Ctx(), lambda t: t.title())


def test_interpolation_and_links():
    para = _render("You owe {debt} to the [[bai|moneylender]]; a [[jadid]] listens.")
    assert para.spans == (
        Span("You owe 3 to the "),
        Span("moneylender", "bai"),
        Span("; a "),
        Span("Jadid", "jadid"),
        Span(" listens."),
    )
    assert para.text == "You owe 3 to the moneylender; a Jadid listens."


def test_escaped_braces_and_booleans():
    assert _render("{{literal}} {fled} {debt + 1}").text == "{literal} yes 4"


@pytest.mark.parametrize(
    ("text", "message", "offset"),
    [
        ("a [[bai", "never closed", 2),
        ("a } b", "lone '}'", 2),
        ("{dept}", "unknown variable", 1),
        ("[[Bad Id]]", "not a codex term id", 2),
    ],
)
def test_markup_errors(text, message, offset):
    with pytest.raises(ExprError) as caught:
        compile_markup(text, ENV)
    assert message in caught.value.message
    assert caught.value.offset == offset


def test_a_codex_word_keeps_the_case_of_running_text():
    from game.engine.words import running_title

    entry = "A neighbourhood of a town. Neighbours in a mahalla helped one another."
    assert running_title("Mahalla", entry) == "mahalla"
    assert (
        running_title("Basmachi", "The Basmachi fought. Many Basmachi were farmers.") == "Basmachi"
    )
    assert running_title("Turkestan ASSR", "the turkestan assr") == "Turkestan ASSR"
    assert running_title("Mahalla", "Mahalla. Its elders.") == "Mahalla"  # only at a sentence start


def test_a_codex_link_mid_sentence_reads_lower_case_and_takes_a_capital_to_start_one():
    from game.engine.text import TermLink, render

    def title(term: str) -> str:
        return "mahalla"

    link = TermLink("mahalla", None, 0)
    assert render(("The whole ", link, " came."), None, title).text == "The whole mahalla came."
    assert render((link, " came. "), None, title).text == "Mahalla came. "
    assert (
        render(("They left. ", link, " stayed."), None, title).text == "They left. Mahalla stayed."
    )
    assert render(("He said: “", link, "!”"), None, title).text == "He said: “Mahalla!”"


def test_a_codex_link_written_with_a_capital_keeps_it():
    from game.engine.expr import Env
    from game.engine.text import compile_markup, render

    parts = compile_markup(
        "The whole [[Mahalla]] came; the [[mahalla]] stayed.", Env({}, frozenset())
    )
    assert [p.term for p in parts if not isinstance(p, str)] == ["mahalla", "mahalla"]
    assert (
        render(parts, None, lambda t: "mahalla").text
        == "The whole Mahalla came; the mahalla stayed."
    )
