"""The part of a playthrough's state that can change what happens next, as a hashable key.

Two playthroughs with equal keys offer the same choices now and ever after, so an exhaustive
walk need explore only one of them. Variables nothing reads are left out; a visit count that
is only compared with small numbers is capped just above the largest (counts only grow, so
every count past the cap compares the same way).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from game.engine.expr import Compiled
from game.engine.model import Perspective, Story
from game.engine.runtime import Playthrough

EXACT = None  # a visit count used in arithmetic or shown: kept exactly


@dataclass(frozen=True, slots=True)
class StateKey:
    variables: tuple[str, ...]
    caps: dict[str, int | None]  # scene id -> cap of its visit count (EXACT: no cap)

    @classmethod
    def of(cls, story: Story, perspective: Perspective) -> StateKey:
        reads: set[str] = set()
        caps: dict[str, int | None] = {}
        for compiled in expressions(story, perspective):
            reads |= compiled.reads
            _visit_caps(compiled.ast, caps)
        return cls(tuple(sorted(reads)), caps)

    def key(self, pt: Playthrough, page: tuple[bool, ...]) -> tuple:
        """`page`: the chance() answers that laid out the current page and its choices."""
        caps = self.caps
        # Only visited scenes are in pt.visits, so this costs what the path costs, not what
        # the story has (a story with a seen() in every scene tracks every scene).
        counts = frozenset(
            (s, n if (cap := caps[s]) is EXACT or cap is None else min(n, cap))
            for s, n in pt.visits.items()
            if s in caps
        )
        values = tuple(pt.vars[name] for name in self.variables)
        return (pt.scene.id, values, counts, frozenset(pt.used_once), page)


def expressions(story: Story, perspective: Perspective) -> Iterator[Compiled]:
    """Every compiled expression in the perspective's scenes."""
    for sid in perspective.scene_ids:
        scene = story.scenes[sid]
        for item in scene.text:
            yield from item.conditions
            yield from (p for p in item.parts if isinstance(p, Compiled))
        for choice in scene.choices:
            if choice.condition:
                yield choice.condition
            yield from (p for p in choice.parts if isinstance(p, Compiled))
            if choice.effects:
                yield from (a.value for a in choice.effects.assignments)


def _visit_caps(ast: tuple, caps: dict[str, int | None]) -> None:
    kind = ast[0]
    if kind == "seen":
        _raise_cap(caps, ast[1], 1)
        return
    if kind == "visits":
        caps[ast[1]] = EXACT  # met outside a comparison with a number
        return
    if kind == "cmp":
        left, right = ast[2], ast[3]
        for counted, other in ((left, right), (right, left)):
            if counted[0] == "visits" and other[0] == "const":
                _raise_cap(caps, counted[1], math.floor(other[1]) + 1)
                _visit_caps(other, caps)
                return
    for child in ast[1:]:
        if isinstance(child, tuple):
            _visit_caps(child, caps)


def _raise_cap(caps: dict[str, int | None], scene: str, cap: int) -> None:
    if scene in caps and caps[scene] is EXACT:
        return
    caps[scene] = max(caps.get(scene) or 0, cap)
