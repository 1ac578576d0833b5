"""What automated playthroughs saw: scenes, choices, endings with path lengths, and failures."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from game.authoring.plans import Plan
from game.engine.model import Perspective, Story
from game.engine.runtime import Playthrough

WORDS_PER_MINUTE = 200


@dataclass
class Path:
    """One way through a perspective, replayable as a plan."""

    perspective: str
    museum: bool
    seed: int
    choices: tuple[str, ...]
    words: int
    chance: tuple[bool, ...] = ()

    @property
    def minutes(self) -> float:
        return self.words / WORDS_PER_MINUTE

    def plan(self, expect: dict[str, Any] | None = None) -> Plan:
        return Plan(self.perspective, list(self.choices), self.museum, self.seed,
                    list(self.chance), expect or {})  # fmt: skip

    def to_json(self) -> dict:
        return {"choices": len(self.choices), "words": self.words,
                "minutes": round(self.minutes, 1), "museum": self.museum,
                "path": list(self.choices)}  # fmt: skip


@dataclass
class EndingStats:
    count: int = 0
    shortest: Path | None = None
    longest: Path | None = None
    unbounded: bool = False  # a loop on the way can be repeated: no longest path

    def add(self, path: Path, count: int = 1) -> None:
        self.count += count
        if self.shortest is None or len(path.choices) < len(self.shortest.choices):
            self.shortest = path
        if self.longest is None or len(path.choices) > len(self.longest.choices):
            self.longest = path


@dataclass
class Issue:
    """A failure met while playing: a runtime error, a dead end, a run that never ended."""

    kind: str
    message: str
    path: Path
    count: int = 1


@dataclass
class PerspectiveReport:
    perspective: Perspective
    reached: set[str] = field(default_factory=set)
    offered: set[tuple[str, str]] = field(default_factory=set)  # (scene id, choice id)
    visits: Counter = field(default_factory=Counter)  # scene id -> pages shown (random walk)
    endings: dict[str, EndingStats] = field(default_factory=dict)
    issues: dict[tuple[str, str], Issue] = field(default_factory=dict)
    runs: int = 0
    states: int = 0
    capped: bool = False

    def see(self, pt: Playthrough) -> None:
        """Note the scene `pt` stands in and the choices it offers."""
        sid = pt.scene.id
        self.reached.add(sid)
        self.visits[sid] += 1
        for option in pt.choices():
            self.offered.add((sid, option.choice.id))

    def ending(self, eid: str, path: Path) -> None:
        self.endings.setdefault(eid, EndingStats()).add(path)

    def issue(self, kind: str, message: str, path: Path) -> None:
        """Keep each distinct failure once, with the shortest path found to it."""
        known = self.issues.get((kind, message))
        if known is None:
            self.issues[(kind, message)] = Issue(kind, message, path)
            return
        known.count += 1
        if len(path.choices) < len(known.path.choices):
            known.path = path


@dataclass
class Report:
    story: Story
    mode: str  # "random" or "exhaustive"
    perspectives: dict[str, PerspectiveReport] = field(default_factory=dict)
    seconds: float = 0.0

    def of(self, pid: str) -> PerspectiveReport:
        if pid not in self.perspectives:
            self.perspectives[pid] = PerspectiveReport(self.story.perspective(pid))
        return self.perspectives[pid]

    @property
    def issues(self) -> list[Issue]:
        return [i for r in self.perspectives.values() for i in r.issues.values()]


def never_reached(report: PerspectiveReport) -> list[str]:
    return [s for s in report.perspective.scene_ids if s not in report.reached]


def never_offered(story: Story, report: PerspectiveReport) -> list[tuple[str, str, str]]:
    """(scene id, choice id, text) of every choice in a reached scene that was never offered."""
    return [(sid, c.id, c.text) for sid in report.perspective.scene_ids if sid in report.reached
            for c in story.scenes[sid].choices
            if (sid, c.id) not in report.offered]  # fmt: skip


def endings_missed(story: Story, report: PerspectiveReport) -> list[str]:
    all_endings = [story.scenes[s].ending for s in report.perspective.scene_ids]
    return [e.id for e in all_endings if e is not None and e.id not in report.endings]


def page_words(pt: Playthrough) -> int:
    """Words a reader reads on the current page, with the epilogue when the story ends."""
    words = sum(len(p.text.split()) for p in pt.paragraphs())
    if pt.ending:
        words += sum(len(p.split()) for p in pt.ending.epilogue + pt.ending.history)
    return words
