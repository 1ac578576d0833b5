"""Render plans (text.prepare): a paragraph with values shows exactly what `render` shows."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import load_story
from game.engine.expr import Env
from game.engine.text import Span, compile_markup, prepare, render
from tests.conftest import STORY

ENV = Env({"debt": "int", "name": "str", "fled": "bool", "grain": "float"})


def title(term: str) -> str:
    return {"bai": "Bai", "jadid": "jadid"}.get(term, term)


def ctx(**values):
    return SimpleNamespace(vars={"debt": 3, "name": "Zulfiya", "fled": True, "grain": 2.5,
                                 **values}, visits={"bazaar": 1}, chance=lambda p: False)  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "You owe {debt} to the [[bai]]. [[bai|The moneylender]] waits; a [[jadid]] listens.",
        "[[bai]] at the start, then {debt}.",
        "{name}. [[bai]] after a sentence that ends in a value's full stop.",
        "Grain {grain}, fled {fled}, {name}{debt} run together, then [[Jadid]].",
        "Only a value: {debt}",
        "{name}",
        "{{braces}} and {debt} [[bai|labelled]] after a value",
    ],
)
def test_a_plan_shows_what_render_shows(text):
    parts = compile_markup(text, ENV)
    plan = prepare(parts, title)
    assert plan is not None
    for values in ({}, {"debt": 0}, {"name": ""}, {"name": "a.", "fled": False, "grain": 3.0}):
        assert plan.show(ctx(**values)) == render(parts, ctx(**values), title)


def test_a_link_whose_capital_a_value_decides_gets_no_plan():
    """`{name} [[jadid]]`: the link takes a capital only when the name ends a sentence, so it
    is rendered word by word when shown."""
    parts = compile_markup("Then {name} [[jadid]] waits.", ENV)
    assert prepare(parts, title) is None
    assert render(parts, ctx(name="Hm."), title).spans[1] == Span("Jadid", "jadid")
    assert render(parts, ctx(name="Hm"), title).spans[1] == Span("jadid", "jadid")


def test_a_value_that_reads_as_nothing_leaves_no_empty_span():
    parts = compile_markup("{name}[[bai|x]]{name}", ENV)
    plan = prepare(parts, title)
    assert plan is not None
    assert plan.show(ctx(name="")).spans == (Span("x", "bai"),)


SHIPPED = load_story(STORY)


def _shown_with_values():
    """Every paragraph and button of the shipped story whose text shows values."""
    for scene in SHIPPED.scenes.values():
        for item in (*scene.text, *scene.choices):
            if item.plan is not None:
                yield scene.perspective, item


WITH_VALUES = list(_shown_with_values())


def test_the_shipped_story_has_paragraphs_shown_through_plans():
    assert len(WITH_VALUES) >= 3  # the story shows few values: debts, sacks, names


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_every_shipped_plan_shows_what_render_shows(data):
    perspective_id, item = data.draw(st.sampled_from(WITH_VALUES))
    perspective = SHIPPED.perspective(perspective_id)
    values = {}
    for name, variable in perspective.variables.items():
        kind = {"int": st.integers(-3, 40), "float": st.floats(-3, 40, allow_nan=False),
                "bool": st.booleans(), "str": st.text(max_size=6)}[variable.type]  # fmt: skip
        values[name] = data.draw(kind, label=name)
    values["museum"] = data.draw(st.booleans())
    state = SimpleNamespace(vars=values, visits={}, chance=lambda p: False)
    assert item.plan.show(state) == render(item.parts, state, SHIPPED.term_title)
