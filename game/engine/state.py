"""The records a playthrough keeps: the steps taken, each with what undoing it restores."""

from __future__ import annotations

from typing import Any, NamedTuple

_ABSENT = None  # a visit count of None in an undo record: the scene had never been visited


class Undo(NamedTuple):
    """What one choice changed, as it was before: enough to step back exactly, in O(1).

    Keeping the old values of only what changed (rather than a copy of the whole state per
    step) keeps a long playthrough's memory and the cost of a choice flat.
    """

    scene: str  # the scene the choice was taken in
    rng: int  # the generator state on entering that scene
    vars: dict[str, Any]  # old values of the variables the effects wrote
    visited: str  # the scene the choice led to
    visits_before: int | None  # its visit count before, None when never visited
    once_added: str | None  # the once-only choice id that became used, if any

    def to_json(self) -> dict:
        return {"scene": self.scene, "rng": self.rng, "vars": dict(self.vars),
                "visited": self.visited, "visits_before": self.visits_before,
                "once_added": self.once_added}  # fmt: skip


class Step(NamedTuple):
    """One choice taken: the page the reader saw, what they chose, and how to undo it."""

    turn: int
    scene_id: str
    scene_title: str
    paragraphs: tuple[str, ...]
    terms: tuple[str, ...]
    choice_id: str
    choice_text: str
    undo: Undo

    def to_json(self) -> dict:
        return {"turn": self.turn, "scene": self.scene_id, "title": self.scene_title,
                "paragraphs": list(self.paragraphs), "terms": list(self.terms),
                "choice": self.choice_id, "choice_text": self.choice_text,
                "undo": self.undo.to_json()}  # fmt: skip
