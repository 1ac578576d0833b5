"""The records a playthrough keeps: snapshots of its state and the steps taken."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything that changes, as it was on entering a scene."""

    scene: str
    vars: dict[str, Any]
    visits: dict[str, int]
    rng: int
    used_once: frozenset[str]

    def to_json(self) -> dict:
        return {"scene": self.scene, "vars": dict(self.vars), "visits": dict(self.visits),
                "rng": self.rng, "used_once": sorted(self.used_once)}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Step:
    """One choice taken: the page the reader saw and what they chose."""

    turn: int
    scene_id: str
    scene_title: str
    paragraphs: tuple[str, ...]
    terms: tuple[str, ...]
    choice_id: str
    choice_text: str
    before: Snapshot

    def to_json(self) -> dict:
        return {"turn": self.turn, "scene": self.scene_id, "title": self.scene_title,
                "paragraphs": list(self.paragraphs), "terms": list(self.terms),
                "choice": self.choice_id, "choice_text": self.choice_text,
                "before": self.before.to_json()}  # fmt: skip
