"""Where a perspective can go: reachable scenes and variable ranges, found without playing it.

The analysis is a least fixpoint: start from the first scenes and the initial values, follow
every choice whose condition could hold, fold in what its effects could write, and repeat until
nothing grows. It is flow-insensitive (one range per variable for the whole perspective), which
is coarse but sound: whatever it calls impossible cannot happen in any playthrough.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from game.authoring.absint import (
    BOTH,
    NEVER,
    Value,
    apply_assignment,
    constant,
    evaluate,
    join,
    widen,
)
from game.engine.expr import Compiled
from game.engine.model import Choice, Perspective, Scene, Story

EXACT_ROUNDS = 3  # rounds of exact joins before a still-growing range is widened to infinity


@dataclass
class Flow:
    """What the analysis found for one perspective."""

    perspective: Perspective
    scenes: dict[str, Scene]  # the perspective's own scenes
    reachable: set[str] = field(default_factory=set)
    linked: set[str] = field(default_factory=set)  # reachable when every condition is ignored
    values: dict[str, Value] = field(default_factory=dict)

    def starts(self) -> list[str]:
        p = self.perspective
        return list(dict.fromkeys(s for s in (p.start, p.museum_start) if s in self.scenes))

    def possible(self, compiled: Compiled | None) -> Value:
        """What a condition can be (BOTH for no condition: it simply holds)."""
        if compiled is None:
            return frozenset({True})
        return evaluate(compiled.ast, self.values, self.reachable.__contains__)

    def never(self, compiled: Compiled | None) -> bool:
        return self.possible(compiled) == NEVER

    def open_choices(self, scene: Scene) -> Iterator[Choice]:
        """The choices of `scene` whose condition could hold."""
        return (c for c in scene.choices if not self.never(c.condition))

    def successors(self, sid: str) -> list[str]:
        return [c.goto for c in self.open_choices(self.scenes[sid]) if c.goto in self.scenes]


def analyse(story: Story, perspective: Perspective) -> Flow:
    scenes = {sid: story.scenes[sid] for sid in perspective.scene_ids}
    flow = Flow(perspective, scenes)
    flow.values = {n: constant(v.value) for n, v in perspective.variables.items()}
    flow.values["museum"] = BOTH
    flow.linked = _closure(flow.starts(), lambda s: [c.goto for c in scenes[s].choices])
    changes: dict[str, int] = {}
    while True:
        flow.reachable = _closure(flow.starts(), flow.successors)
        if not _apply_effects(flow, changes):
            return flow


def analyse_all(story: Story) -> dict[str, Flow]:
    return {p.id: analyse(story, p) for p in story.perspectives}


def _apply_effects(flow: Flow, changes: dict[str, int]) -> bool:
    """Fold the effects of every open choice into the ranges; True when a range grew."""
    grew = False
    for sid in flow.reachable:
        for choice in flow.open_choices(flow.scenes[sid]):
            for a in choice.effects.assignments if choice.effects else ():
                old = flow.values[a.name]
                value = evaluate(a.value.ast, flow.values, flow.reachable.__contains__)
                new = _merge(old, apply_assignment(a.op, old, value), changes.get(a.name, 0))
                if new != old:
                    flow.values[a.name] = new
                    changes[a.name] = changes.get(a.name, 0) + 1
                    grew = True
    return grew


def _merge(old: Value, new: Value, rounds: int) -> Value:
    return join(old, new) if rounds < EXACT_ROUNDS else widen(old, new)


def _closure(starts: Iterable[str], successors) -> set[str]:
    seen = set(starts)
    todo = list(seen)
    while todo:
        for nxt in successors(todo.pop()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def on_cycle(flow: Flow) -> set[str]:
    """Scenes that can be entered again after leaving them (members of a loop)."""
    looping: set[str] = set()
    for component in strongly_connected(flow.reachable, flow.successors):
        if len(component) > 1 or component[0] in flow.successors(component[0]):
            looping.update(component)
    return looping


def strongly_connected(nodes: Iterable, successors) -> list[list]:
    """Tarjan's algorithm, iterative so that a long chain of scenes cannot overflow the stack."""
    index: dict = {}
    low: dict = {}
    on_stack: set = set()
    stack: list = []
    result: list[list] = []
    succ = cache(lambda n: list(successors(n)))
    for root in nodes:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            children = succ(node)
            if i < len(children):
                work.append((node, i + 1))
                child = children[i]
                if child not in index:
                    work.append((child, 0))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                result.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return result
