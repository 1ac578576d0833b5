"""Named tuples made from a ready tuple at C speed, for the records made on every page."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

T = TypeVar("T", bound=tuple[Any, ...])


def maker(cls: type[T]) -> Callable[[tuple[Any, ...]], T]:
    """`maker(Span)(("words", None))` is `Span("words", None)` without the named tuple's
    Python-level __new__ (a third of the cost of a small record); the tuple must hold every
    field, in order."""
    return partial(tuple.__new__, cls)
