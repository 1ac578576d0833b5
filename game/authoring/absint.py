"""Abstract values of expressions: what a condition could ever be, without playing the story.

A bool is the set of values it can take, a number an interval, a text a set of strings (or
ANY_TEXT). Every operation over-approximates, so "can never be true" is always a true claim.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

INF = math.inf
BOTH = frozenset({True, False})
NEVER = frozenset({False})
ALWAYS = frozenset({True})
ANY_TEXT = frozenset({"\0any"})  # stands for every string; joined with anything it stays ANY
MAX_TEXTS = 16  # more distinct strings than this and a text is taken to be anything


class Interval(NamedTuple):
    """All numbers from lo to hi (either may be infinite)."""

    lo: float
    hi: float

    def describe(self) -> str:
        if self.lo == self.hi:
            return f"always {_num(self.lo)}"
        if self.lo == -INF and self.hi == INF:
            return "any number"
        if self.hi == INF:
            return f"never below {_num(self.lo)}"
        if self.lo == -INF:
            return f"never above {_num(self.hi)}"
        return f"only ever {_num(self.lo)} to {_num(self.hi)}"


Value = Any  # frozenset of bools, Interval, or frozenset of strings
TOP_NUMBER = Interval(-INF, INF)
# What seen()/visits() of a scene can be: the analysis supplies it from reachability.
SceneFacts = Callable[[str], bool]


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def constant(value: Any) -> Value:
    if isinstance(value, bool):
        return frozenset({value})
    if isinstance(value, int | float):
        return Interval(value, value)
    return frozenset({value})


def describe(value: Value) -> str:
    """How an abstract value reads in a hint: 'only ever false', 'never above 3'."""
    if isinstance(value, Interval):
        return value.describe()
    if value <= BOTH:
        if len(value) == 2:
            return "true or false"
        return "only ever true" if True in value else "only ever false"
    if value == ANY_TEXT:
        return "any text"
    return "only ever " + " or ".join(f'"{v}"' for v in sorted(value))


def join(a: Value, b: Value) -> Value:
    """The least value that covers both."""
    if isinstance(a, Interval):
        return Interval(min(a.lo, b.lo), max(a.hi, b.hi))
    if ANY_TEXT in (a, b):
        return ANY_TEXT
    both = a | b
    return ANY_TEXT if len(both) > MAX_TEXTS and not both <= BOTH else both


def widen(old: Value, new: Value) -> Value:
    """Like join, but a bound that keeps moving goes straight to infinity (so loops end)."""
    if not isinstance(old, Interval):
        return join(old, new)
    lo = old.lo if new.lo >= old.lo else -INF
    hi = old.hi if new.hi <= old.hi else INF
    return Interval(lo, hi)


def evaluate(ast: tuple, env: Mapping[str, Value], reachable: SceneFacts) -> Value:
    """The abstract value of a compiled expression's syntax tree."""
    kind = ast[0]
    if kind == "const":
        return constant(ast[1])
    if kind == "var":
        return env[ast[1]]
    if kind in ("seen", "visits"):
        if not reachable(ast[1]):  # an unreachable scene is never seen
            return NEVER if kind == "seen" else Interval(0, 0)
        return BOTH if kind == "seen" else Interval(0, INF)
    if kind == "chance":
        p = evaluate(ast[1], env, reachable)
        return NEVER if p.hi <= 0 else ALWAYS if p.lo >= 1 else BOTH
    args = [evaluate(a, env, reachable) for a in ast[1:] if isinstance(a, tuple)]
    return _OPERATIONS[kind](ast, *args)


def _not(_ast, a):
    return frozenset(not x for x in a)


def _and(_ast, a, b):
    return frozenset(x and y for x in a for y in b)


def _or(_ast, a, b):
    return frozenset(x or y for x in a for y in b)


def _neg(_ast, a):
    return Interval(-a.hi, -a.lo)


def _min(_ast, *args):
    return Interval(min(a.lo for a in args), min(a.hi for a in args))


def _max(_ast, *args):
    return Interval(max(a.lo for a in args), max(a.hi for a in args))


def _compare(ast, a, b):
    op = ast[1]
    if not isinstance(a, Interval):
        return _compare_sets(op, a, b)
    if op in (">", ">="):  # a > b is b < a
        a, b, op = b, a, "<" if op == ">" else "<="
    can = {
        "<": (a.lo < b.hi, a.hi >= b.lo),
        "<=": (a.lo <= b.hi, a.hi > b.lo),
        "==": (a.lo <= b.hi and b.lo <= a.hi, not a.lo == a.hi == b.lo == b.hi),
        "!=": (not a.lo == a.hi == b.lo == b.hi, a.lo <= b.hi and b.lo <= a.hi),
    }[op]
    return frozenset(v for v, possible in zip((True, False), can, strict=True) if possible)


def _compare_sets(op: str, a: Value, b: Value) -> Value:
    any_text = ANY_TEXT in (a, b)
    equal_possible = any_text or bool(a & b)
    unequal_possible = any_text or not (len(a) == len(b) == 1 and a == b)
    can_true, can_false = (
        (equal_possible, unequal_possible) if op == "==" else (unequal_possible, equal_possible)
    )
    return frozenset(v for v, ok in ((True, can_true), (False, can_false)) if ok)


def _times(x: float, y: float) -> float:
    return 0.0 if x == 0 or y == 0 else x * y  # inf * 0 is 0 here: a zero factor stays zero


def _arith(ast, a, b):
    op = ast[1]
    if not isinstance(a, Interval):  # text + text
        if ANY_TEXT in (a, b):
            return ANY_TEXT
        return join(frozenset(), frozenset(x + y for x in a for y in b))
    if op == "+":
        return Interval(a.lo + b.lo, a.hi + b.hi)
    if op == "-":
        return Interval(a.lo - b.hi, a.hi - b.lo)
    if op == "*":
        products = [_times(x, y) for x in (a.lo, a.hi) for y in (b.lo, b.hi)]
        return Interval(min(products), max(products))
    if op == "%" and b.lo > 0:  # Python's % by a positive number lies in [0, divisor)
        return Interval(0, b.hi)
    return TOP_NUMBER


_OPERATIONS: dict[str, Callable[..., Value]] = {
    "not": _not,
    "and": _and,
    "or": _or,
    "neg": _neg,
    "min": _min,
    "max": _max,
    "cmp": _compare,
    "bin": _arith,
    "plural": lambda _ast, *args: ANY_TEXT,  # words to show: any text, as far as logic goes
    "select": lambda _ast, *args: ANY_TEXT,
}


def apply_assignment(op: str, old: Value, value: Value) -> Value:
    """What `name op value` can leave in a variable that could hold `old`."""
    if op == "=":
        return value
    if isinstance(old, Interval):
        return _arith(("bin", "+" if op == "+=" else "-"), old, value)
    return ANY_TEXT  # text += text
