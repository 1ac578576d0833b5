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
