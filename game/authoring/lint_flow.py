"""Lint rules about paths and logic: unreachable scenes, dead ends, impossible conditions."""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.absint import describe
from game.authoring.flow import Flow, on_cycle
from game.authoring.rules import Finding
from game.engine.expr import Compiled
from game.engine.model import Scene


def check(flow: Flow) -> Iterator[Finding]:
    yield from unreachable(flow)
    yield from dead_ends(flow)
    yield from impossible_conditions(flow)
    yield from once_only_run_out(flow)


def unreachable(flow: Flow) -> Iterator[Finding]:
    for sid, scene in flow.scenes.items():
        if sid in flow.reachable or scene.ending:  # an ending out of reach is W512
            continue
        what = f"scene '{sid}'"
        if sid in flow.linked:
            yield Finding("W501", scene.where, f"{what} can never be reached: every choice that "
                          "leads to it has a condition that never holds",
                          "see the W503 warnings for those choices")  # fmt: skip
        else:
            yield Finding("W501", scene.where, f"{what} can never be reached: no choice on the "
                          f"way from the start leads to it",
                          f"add a choice with 'goto: {sid}' to a scene players reach, or delete "
                          "it")  # fmt: skip


def dead_ends(flow: Flow) -> Iterator[Finding]:
    for sid, scene in flow.scenes.items():
        if not scene.choices and scene.ending is None:
            yield Finding("E502", scene.where, f"scene '{sid}' is a dead end: it has neither "
                          "choices nor an ending", "add 'choices:' that lead on, or an "
                          "'ending:'")  # fmt: skip


def impossible_conditions(flow: Flow) -> Iterator[Finding]:
    for sid in sorted(flow.reachable):  # unreachable scenes are reported once, above
        scene = flow.scenes[sid]
        for choice in scene.choices:
            if choice.condition is not None and flow.never(choice.condition):
                yield Finding("W503", choice.where, f"the choice '{_short(choice.text)}' is never "
                              f"offered: its condition '{choice.condition.source}' can never hold",
                              _why(flow, choice.condition))  # fmt: skip
        for item in scene.text:
            for cond in item.conditions:
                if flow.never(cond):
                    yield Finding("W503", item.where, f"this paragraph is never shown: its "
                                  f"condition '{cond.source}' can never hold",
                                  _why(flow, cond))  # fmt: skip


def _why(flow: Flow, cond: Compiled) -> str:
    """The facts that make a condition impossible, as an author would check them."""
    facts = [f"'{name}' is {describe(flow.values[name])}" for name in sorted(cond.reads)]
    facts += [f"scene '{s}' can never be reached" for s, _ in cond.scene_refs
              if s not in flow.reachable]  # fmt: skip
    if cond.uses_chance and not facts:
        facts.append("its chance() is 0")
    return "; ".join(facts) or "it is false whatever happens"


def once_only_run_out(flow: Flow) -> Iterator[Finding]:
    looping = on_cycle(flow)
    for sid in sorted(looping):
        scene = flow.scenes[sid]
        if _can_run_out(flow, scene):
            yield Finding("W507", scene.where, f"scene '{sid}' can be visited again, and its "
                          "once-only choices can all be used up, leaving nothing to choose",
                          "add a choice with 'fallback: true' that leads on")  # fmt: skip


def _can_run_out(flow: Flow, scene: Scene) -> bool:
    if any(c.fallback for c in scene.choices) or not any(c.once for c in scene.choices):
        return False
    # A choice that is always offered and never used up keeps the scene open.
    return not any(not c.once and flow.possible(c.condition) == {True} for c in scene.choices)


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
