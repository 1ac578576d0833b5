"""A playthrough looked back on: its route of places, and the decisions that shaped its path."""

from __future__ import annotations

from typing import NamedTuple

from game.engine.model import Perspective, Scene, Story
from game.engine.runtime import Playthrough

MOST_DECISIONS = 6


class Decision(NamedTuple):
    """A choice this path took: where, what, and how many endings it left behind."""

    turn: int
    scene_id: str
    scene_title: str
    choice_text: str
    closed: int  # endings reachable before the choice and no longer after it
    marked: bool  # the author marked the choice `key: true`


def scenes_passed(pt: Playthrough) -> list[Scene]:
    """The scenes of this path in order, the current one last."""
    scenes = [pt.story.scenes.get(step.scene_id) for step in pt.steps] + [pt.scene]
    return [s for s in scenes if s is not None]


def route(pt: Playthrough) -> list[str]:
    """The places this path passed through, in order, each stop once in a row."""
    stops: list[str] = []
    for scene in scenes_passed(pt):
        if scene.place in pt.story.places and (not stops or stops[-1] != scene.place):
            stops.append(scene.place)
    return stops


def events_met_at(pt: Playthrough, place: str) -> tuple[list[str], list[str]]:
    """Documented events this path met: those that happened at `place`, and those lived there."""
    happened: dict[str, None] = {}
    lived: dict[str, None] = {}
    for scene in scenes_passed(pt):
        event = pt.story.events.get(scene.event) if scene.event else None
        if event is None:
            continue
        if event.place == place:
            happened[event.id] = None
        elif scene.place == place:
            lived[event.id] = None
    return list(happened), [e for e in lived if e not in happened]


class Reach:
    """Which endings each scene of a perspective can still lead to, following every goto."""

    def __init__(self, story: Story, perspective: Perspective) -> None:
        self.story = story
        self.mine = set(perspective.scene_ids)
        self._memo: dict[str, frozenset[str]] = {}

    def endings(self, sid: str) -> frozenset[str]:
        if sid not in self._memo:
            self._walk(sid)
        return self._memo.get(sid, frozenset())

    def _walk(self, start: str) -> None:
        """Endings reachable from `start` and everything after it, without recursion."""
        seen, order, todo = {start}, [], [start]
        while todo:
            sid = todo.pop()
            order.append(sid)
            scene = self.story.scenes.get(sid)
            for choice in scene.choices if scene else ():
                if choice.goto in self.mine and choice.goto not in seen:
                    seen.add(choice.goto)
                    todo.append(choice.goto)
        found: set[str] = set()
        for sid in order:
            scene = self.story.scenes.get(sid)
            if scene is not None and scene.ending is not None:
                found.add(scene.ending.id)
        self._memo[start] = frozenset(found)


def key_decisions(pt: Playthrough, most: int = MOST_DECISIONS) -> list[Decision]:
    """The decisions of this path that mattered most, in the order they were taken.

    The author's `key: true` choices come first; when fewer than four were taken, the choices
    that closed the most endings to this path join them.
    """
    reach = Reach(pt.story, pt.perspective)
    taken: list[Decision] = []
    for step in pt.steps:
        scene = pt.story.scenes.get(step.scene_id)
        choice = next((c for c in scene.choices if c.id == step.choice_id), None) if scene else None
        if scene is None or choice is None:
            continue
        before = frozenset().union(*(reach.endings(c.goto) for c in scene.choices))
        closed = len(before - reach.endings(choice.goto))
        taken.append(
            Decision(step.turn, scene.id, scene.title, step.choice_text, closed, choice.key)
        )
    marked = [d for d in taken if d.marked]
    if len(marked) < 4:
        others = sorted((d for d in taken if not d.marked and d.closed), key=lambda d: -d.closed)
        marked += others[: max(0, 4 - len(marked))]
    chosen = sorted(marked, key=lambda d: (not d.marked, -d.closed, d.turn))[:most]
    return sorted(chosen, key=lambda d: d.turn)
