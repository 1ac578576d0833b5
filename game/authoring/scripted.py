"""A playthrough whose chance() answers can be dictated, so tools can force or replay luck."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

from game.engine.model import Story
from game.engine.runtime import Playthrough

MAX_CHANCES = 12  # forced answers explored per move; more chance() calls than this use `default`
T = TypeVar("T")


class Scripted(Playthrough):
    """chance() answers come from `script` in order; then from `default`, or the seed if None.

    Every answer given is kept in `answers`, with whether the next scene had already been
    entered when it was asked (effects ask first, the next page after).
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.script: tuple[bool, ...] = ()
        self.default: bool | None = None
        self.answers: list[tuple[bool, bool]] = []
        self._arrival: tuple[str, int] | None = None  # (scene, visits before) while choosing

    @classmethod
    def begin(cls, story: Story, perspective: str, *, seed: int, museum: bool,
              script: tuple[bool, ...] = (), default: bool | None = None) -> Scripted:  # fmt: skip
        """Start a playthrough with its first page laid out under `script`."""
        pt = cls.start(story, perspective, seed=seed, museum=museum)
        state = pt.state_json()
        pt.follow(script, default)
        pt.restore_state(state["scene"], state["vars"], state["visits"], state["rng"], set())
        return pt

    def follow(self, script: tuple[bool, ...], default: bool | None = None) -> None:
        self.script, self.default, self.answers = tuple(script), default, []

    def choose_scripted(self, index: int, script: tuple[bool, ...]) -> None:
        """Choose under `script`; `answers` then tells the effects' asks from the page's."""
        goto = self.choices()[index].choice.goto
        self._arrival = (goto, self.visits.get(goto, 0))
        self.follow(script, self.default)
        try:
            self.choose(index)
        finally:
            self._arrival = None

    def chance(self, p: float) -> bool:
        asked = len(self.answers)
        if asked < len(self.script):
            answer = self.script[asked]
        elif self.default is not None:
            answer = self.default
        else:
            answer = super().chance(p)
        arrived = (
            self._arrival is not None and self.visits.get(self._arrival[0], 0) != (self._arrival[1])
        )
        self.answers.append((answer, arrived))
        return answer

    def given(self) -> tuple[bool, ...]:
        return tuple(a for a, _ in self.answers)


def every_outcome(run: Callable[[tuple[bool, ...]], tuple[T, int]]) -> Iterator[T]:
    """Each result of `run` under every sequence of chance() answers it can meet.

    `run(forced)` plays with the answers `forced`, then `False`, and says how many it asked;
    each ask beyond `forced` is a branch still to try with `True`.
    """
    pending: list[tuple[bool, ...]] = [()]
    while pending:
        forced = pending.pop()
        result, asked = run(forced)
        yield result
        for j in range(len(forced), min(asked, MAX_CHANCES)):
            pending.append(forced + (False,) * (j - len(forced)) + (True,))
