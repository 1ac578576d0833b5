"""Lint rules about where paths lead: traps, endings out of reach, conditions settled in advance."""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.absint import ALWAYS, describe
from game.authoring.flow import Flow, strongly_connected
from game.authoring.lint_flow import _short, _why
from game.authoring.rules import Finding
from game.engine.model import Scene


def check(flow: Flow) -> Iterator[Finding]:
    yield from trapped_loops(flow)
    yield from settled_conditions(flow)
    yield from endings_out_of_reach(flow)
    yield from fallbacks_never_offered(flow)


def _can_finish(flow: Flow) -> set[str]:
    """Reachable scenes from which some path ends: at an ending, or where nothing is offered
    (a dead end, reported by E502, is not a trap)."""
    back: dict[str, list[str]] = {}
    done = []
    for sid in flow.reachable:
        nexts = flow.successors(sid)
        if flow.scenes[sid].ending or not nexts:
            done.append(sid)
        for nxt in nexts:
            back.setdefault(nxt, []).append(sid)
    seen = set(done)
    while done:
        for sid in back.get(done.pop(), ()):
            if sid not in seen:
                seen.add(sid)
                done.append(sid)
    return seen


def trapped_loops(flow: Flow) -> Iterator[Finding]:
    """E510: loops that, once entered, no path can leave for an ending."""
    trapped = flow.reachable - _can_finish(flow)
    inside = [s for s in flow.scenes if s in trapped]  # in file order, for stable output

    def within(sid: str) -> list[str]:
        return [n for n in flow.successors(sid) if n in trapped]

    for component in strongly_connected(inside, within):
        if any(n not in component for s in component for n in within(s)):
            continue  # it only leads into a trap reported on its own
        order = [s for s in inside if s in component]
        first = flow.scenes[order[0]]
        names = ", ".join(f"'{s}'" for s in order)
        yield Finding("E510", first.where, f"a loop with no way out: once in {names}, every "
                      "choice leads back into the loop and no ending can be reached",
                      f"add a choice that leads out of the loop to a later scene, in "
                      f"'{order[0]}' for instance")  # fmt: skip


def settled_conditions(flow: Flow) -> Iterator[Finding]:
    """W511: a condition that holds whatever the player did is a choice that is not one."""
    for sid in sorted(flow.reachable):
        scene = flow.scenes[sid]
        for choice in scene.choices:
            if choice.condition is not None and flow.possible(choice.condition) == ALWAYS:
                yield Finding("W511", choice.where, f"the condition '{choice.condition.source}' "
                              f"of the choice '{_short(choice.text)}' always holds",
                              _always(flow, choice.condition) + ": remove the 'if:' or fix the "
                              "condition")  # fmt: skip
        for item in scene.text:
            for cond in item.conditions:
                if flow.possible(cond) == ALWAYS:
                    yield Finding("W511", item.where, f"this paragraph's condition "
                                  f"'{cond.source}' always holds",
                                  _always(flow, cond) + ": remove the 'if:' or fix the "
                                  "condition")  # fmt: skip


def _always(flow: Flow, cond) -> str:
    facts = [f"'{name}' is {describe(flow.values[name])}" for name in sorted(cond.reads)]
    return "; ".join(facts) or "it is true whatever happens"


def endings_out_of_reach(flow: Flow) -> Iterator[Finding]:
    """W512: an ending no path reaches, with the reason for each way that leads to it."""
    for sid, scene in flow.scenes.items():
        if scene.ending is None or sid in flow.reachable:
            continue
        ways = [(s, c) for s, other in flow.scenes.items() for c in other.choices if c.goto == sid]
        reasons = [_closed(flow, s, c) for s, c in ways]
        why = "; ".join(reasons) if reasons else "no choice anywhere leads to it"
        yield Finding("W512", scene.where, f"ending '{scene.ending.id}' can never be reached: "
                      f"{why}", f"add a choice with 'goto: {sid}' in a scene players reach, or "
                      "fix the conditions named here")  # fmt: skip


def _closed(flow: Flow, sid: str, choice) -> str:
    file, line, _ = choice.where
    at = f"'{_short(choice.text)}' ({file}:{line})"
    if sid not in flow.reachable:
        return f"{at} is in scene '{sid}', which is never reached"
    return f"{at} needs '{choice.condition.source}', which can never hold ({_why(flow, choice.condition)})"


def fallbacks_never_offered(flow: Flow) -> Iterator[Finding]:
    """W513: a fallback shows only when nothing else is offered; a choice always there hides it."""
    for sid in sorted(flow.reachable):
        scene = flow.scenes[sid]
        keeper = _always_offered(flow, scene)
        if keeper is None:
            continue
        for choice in scene.choices:
            if choice.fallback:
                yield Finding("W513", choice.where, f"the fallback '{_short(choice.text)}' is "
                              f"never offered: '{_short(keeper)}' is always offered in "
                              f"scene '{sid}'", "a fallback shows only when no other choice "
                              "does: put a condition or 'once: true' on the other choice, or "
                              "make this an ordinary choice")  # fmt: skip


def _always_offered(flow: Flow, scene: Scene) -> str | None:
    for choice in scene.choices:
        if not (choice.fallback or choice.once) and flow.possible(choice.condition) == ALWAYS:
            return choice.text
    return None
