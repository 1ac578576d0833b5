"""The records a playthrough keeps: the steps taken, each with what undoing it restores."""

from __future__ import annotations

from typing import Any, NamedTuple

from game.engine.text import Paragraph, Span

_ABSENT = None  # a visit count of None in an undo record: the scene had never been visited


def page_of(paragraphs: tuple[str, ...], terms: tuple[str, ...]) -> tuple[Paragraph, ...]:
    """A page as a save keeps it: its paragraphs' text, and the codex terms it linked (held by
    the last paragraph as spans without words, since a save does not say where they stood)."""
    page = [Paragraph((Span(text),) if text else (), text) for text in paragraphs]
    if page and terms:
        last = page[-1]
        page[-1] = Paragraph(last.spans + tuple(Span("", t) for t in terms), last.text)
    return tuple(page)


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
    """One choice taken: the page the reader saw, what they chose, and how to undo it.

    The page is kept as it was shown; its plain text and the codex terms it linked are read
    from it when asked (a choice is taken far more often than its step is looked at)."""

    turn: int
    scene_id: str
    scene_title: str
    page: tuple[Paragraph, ...]
    choice_id: str
    choice_text: str
    undo: Undo

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple([p.text for p in self.page])

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple([s.term for p in self.page for s in p.spans if s.term])

    def to_json(self) -> dict:
        return {"turn": self.turn, "scene": self.scene_id, "title": self.scene_title,
                "paragraphs": list(self.paragraphs), "terms": list(self.terms),
                "choice": self.choice_id, "choice_text": self.choice_text,
                "undo": self.undo.to_json()}  # fmt: skip
