"""Partial ISO dates ('1916', '1916-07', '1916-07-13') as the span of days each can mean."""

from __future__ import annotations

Day = tuple[int, int, int]


def earliest(date: str) -> Day:
    parts = [int(p) for p in str(date).split("-")]
    return (parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def latest(date: str) -> Day:
    parts = [int(p) for p in str(date).split("-")]
    return (parts[0], parts[1] if len(parts) > 1 else 12, parts[2] if len(parts) > 2 else 31)


def surely_before(a: str, b: str) -> bool:
    """True when every day `a` can mean comes before every day `b` can mean."""
    return latest(a) < earliest(b)
