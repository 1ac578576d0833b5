"""The expression language: values, types, functions and errors with positions."""

from __future__ import annotations

import pytest

from game.engine.expr import (
    Env,
    ExprError,
    StoryRuntimeError,
    compile_condition,
    compile_effects,
    compile_expression,
)

ENV = Env({"debt": "int", "fled": "bool", "money": "int", "name": "str", "rate": "float",
           "museum": "bool"}, frozenset({"museum"}))  # fmt: skip


class Ctx:
    def __init__(self, **values):
        self.vars = {"debt": 2, "fled": False, "money": 1, "name": "Yusuf", "rate": 0.5,
                     "museum": False, **values}  # fmt: skip
        self.visits = {"bazaar": 2}
        self.rolls: list[float] = []

    def chance(self, p: float) -> bool:
        self.rolls.append(p)
        return p >= 0.5


@pytest.mark.parametrize(
    ("source", "value"),
    [
        ("debt > 0 and not fled", True),
        ("seen(bazaar)", True),
        ("seen(field)", False),
        ("visits(bazaar) >= 2", True),
        ("debt // 2 + money * 3 - 1", 3),
        ("debt % 2 == 0", True),
        ("-debt", -2),
        ("min(debt, money)", 1),
        ("max(debt, 5, money)", 5),
        ('name == "Yusuf"', True),
        ('name + "!"', "Yusuf!"),
        ("rate * 2 == 1", True),
        ("(debt > 5 or fled) or museum", False),
        ("not (debt == 2)", False),
    ],
)
def test_values(source, value):
    assert compile_expression(source, ENV)(Ctx()) == value


def test_chance_uses_the_context_generator():
    ctx = Ctx()
    assert compile_condition("chance(0.7)", ENV)(ctx) is True
    assert ctx.rolls == [0.7]


def test_reads_and_scene_refs_are_recorded():
    c = compile_condition("debt > money and seen(bazaar)", ENV)
    assert c.reads == {"debt", "money"}
    assert c.scene_refs == (("bazaar", 22),)


@pytest.mark.parametrize(
    ("source", "message", "offset"),
    [
        ("dept > 0", "unknown variable 'dept'", 0),
        ("debt > true", "cannot compare", 5),
        ("debt = 1", "to compare use '=='", 5),
        ("debt > 0 &&", "'&&'", 9),
        ("debt / 2 > 0", "'/'", 5),
        ("fled and debt", "needs true/false", 5),
        ("frob(1)", "unknown function 'frob'", 0),
        ("debt +", "ends too early", 6),
        ("chance(2)", "outside 0 to 1", 0),
        ("debt", "must be true or false", 0),
        ("name > 1", "cannot compare", 5),
        ('name < "a"', "compares numbers", 5),
        ("debt > 0 debt", "unexpected 'debt'", 9),
        ("“quoted”", "unexpected character", 0),
        ("", "empty", 0),
    ],
)
def test_condition_errors_name_the_offset(source, message, offset):
    with pytest.raises(ExprError) as caught:
        compile_condition(source, ENV)
    assert message in caught.value.message
    assert caught.value.offset == offset


def test_unknown_variable_hint_suggests_nearest():
    with pytest.raises(ExprError) as caught:
        compile_condition("dept > 0", ENV)
    assert caught.value.hint == "did you mean 'debt'?"


def test_effects_apply_in_order():
    ctx = Ctx()
    compile_effects("debt -= 1; money += debt * 10; fled = true; rate = 1", ENV).apply(ctx)
    assert (ctx.vars["debt"], ctx.vars["money"], ctx.vars["fled"], ctx.vars["rate"]) == (
        1,
        11,
        True,
        1,
    )


@pytest.mark.parametrize(
    ("source", "message", "offset"),
    [
        ("debt = true", "holds a whole number", 0),
        ("money += 1; fled += 1", "'+=' needs a number", 12),
        ("museum = true", "built in", 0),
        ("x", "must be an assignment", 0),
        ("debt -= dept", "unknown variable 'dept'", 8),
        ("debt = 0.5", "holds a whole number", 0),
    ],
)
def test_effect_errors(source, message, offset):
    with pytest.raises(ExprError) as caught:
        compile_effects(source, ENV)
    assert message in caught.value.message
    assert caught.value.offset == offset


def test_division_by_zero_is_a_story_runtime_error():
    expr = compile_expression("debt // (money - 1)", ENV)
    with pytest.raises(StoryRuntimeError):
        expr(Ctx())


@pytest.mark.parametrize("debt, en, ru", [
    (1, "1 sack", "1 мешок"), (2, "2 sacks", "2 мешка"), (5, "5 sacks", "5 мешков"),
    (11, "11 sacks", "11 мешков"), (21, "21 sacks", "21 мешок"), (22, "22 sacks", "22 мешка"),
    (14, "14 sacks", "14 мешков"), (0, "0 sacks", "0 мешков"),
])  # fmt: skip
def test_plural_picks_the_form_for_the_count_in_english_and_russian(debt, en, ru):
    english = compile_expression('plural(debt, "sack", "sacks")', ENV)
    russian = compile_expression('plural(debt, "мешок", "мешка", "мешков")', ENV)
    assert f"{debt} {english.fn(Ctx(debt=debt))}" == en
    assert f"{debt} {russian.fn(Ctx(debt=debt))}" == ru


def test_select_picks_the_text_for_the_value_or_the_last_one():
    expr = compile_expression('select(name, "Yusuf", "he", "Aziza", "she", "they")', ENV)
    assert [expr.fn(Ctx(name=n)) for n in ("Yusuf", "Aziza", "Karim")] == ["he", "she", "they"]
    numbers = compile_expression('select(debt, 0, "no debt", 1, "one sack", "sacks")', ENV)
    assert numbers.fn(Ctx(debt=0)) == "no debt" and numbers.fn(Ctx(debt=3)) == "sacks"


@pytest.mark.parametrize("source, words", [
    ('plural(name, "a", "b")', "plural() needs a whole number"),
    ('plural(debt, "a")', "two (one, other) or three"),
    ('select(name, "a", "b")', "select() needs a value, then pairs"),
    ('select(debt, "a", "x", "y")', "constant of the value's type"),
    ('plurl(debt, "a", "b")', "did you mean 'plural'?"),
])  # fmt: skip
def test_plural_and_select_mistakes_are_explained(source, words):
    with pytest.raises(ExprError) as caught:
        compile_expression(source, ENV)
    assert words in caught.value.message + " " + (caught.value.hint or "")
