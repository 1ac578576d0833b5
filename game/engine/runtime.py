"""A playthrough: the state of one reader's run through a perspective, and the moves it allows."""

from __future__ import annotations

import os
from typing import Any, NamedTuple, Self

from game.engine.expr import StoryRuntimeError
from game.engine.model import Choice, Ending, Perspective, Scene, Story
from game.engine.rng import SplitMix64
from game.engine.saveload import SAVE_FORMAT, restore
from game.engine.state import Step, Undo
from game.engine.text import Paragraph, Span, render
from game.engine.tuples import maker


class Option(NamedTuple):
    """A choice as offered now: its number on screen, its shown text, and the choice itself."""

    number: int
    spans: tuple[Span, ...]
    choice: Choice
    text: str  # the spans as plain text


class Peek(NamedTuple):
    """The page a choice would lead to, seen without taking it (see Playthrough.peek)."""

    scene: Scene
    paragraphs: list[Paragraph]
    options: list[Option]


# One of each is made per choice.
_new_option, _new_step, _new_undo = maker(Option), maker(Step), maker(Undo)


def _fresh_seed() -> int:
    return int.from_bytes(os.urandom(8)) >> 1


def once_key(scene_id: str, choice_id: str) -> str:
    """How a used once-only choice is remembered: explicit choice ids are unique only within
    their scene, so the scene is part of the key."""
    return f"{scene_id}/{choice_id}"


class Playthrough:
    """One run through a perspective. Clients read the page and call choose(); nothing else."""

    def __init__(self, story: Story, perspective: Perspective, seed: int, museum: bool):
        self.story, self.perspective = story, perspective
        self.seed, self.museum = seed, museum
        self.vars: dict[str, Any] = {n: v.value for n, v in perspective.variables.items()}
        self.vars["museum"] = museum
        self.visits: dict[str, int] = {}
        self.used_once: set[str] = set()
        self.steps: list[Step] = []
        self._rng = SplitMix64(seed)
        self._entry_rng = seed
        self.scene: Scene = story.scenes[perspective.start]
        self._page: list[Paragraph] = []
        self._options: list[Option] = []

    # -- starting
    @classmethod
    def start(cls, story: Story, perspective_id: str, seed: int | None = None,
              museum: bool = False) -> Self:  # fmt: skip
        perspective = story.perspective(perspective_id)
        pt = cls(story, perspective, _fresh_seed() if seed is None else seed, museum)
        first = (
            perspective.museum_start if museum and perspective.museum_start else perspective.start
        )
        pt._enter(first)
        return pt

    # -- what the reader sees
    @property
    def turn(self) -> int:
        return len(self.steps)

    def paragraphs(self) -> list[Paragraph]:
        return list(self._page)

    def choices(self) -> list[Option]:
        return list(self._options)

    @property
    def ending(self) -> Ending | None:
        return self.scene.ending

    @property
    def is_over(self) -> bool:
        return self.scene.ending is not None

    @property
    def is_stuck(self) -> bool:
        """No ending and nothing to choose: a dead end in the story."""
        return not self.is_over and not self._options

    # -- the one move
    def choose(self, index: int) -> None:
        if self.scene.ending is not None:
            raise ValueError("the story has ended; there is nothing to choose")
        if not 0 <= index < len(self._options):
            raise ValueError(f"choice {index + 1} is not offered (there are {len(self._options)})")
        option = self._options[index]
        choice = option.choice
        old = {n: self.vars[n] for n in choice.effects.writes} if choice.effects else {}
        key = once_key(self.scene.id, choice.id) if choice.once else None
        once_added = key if key is not None and key not in self.used_once else None
        undo = _new_undo((self.scene.id, self._entry_rng, old, choice.goto,
                      self.visits.get(choice.goto), once_added))  # fmt: skip
        self.steps.append(self._step(option, undo))
        if once_added:
            self.used_once.add(once_added)
        try:
            if choice.effects:
                try:
                    choice.effects.apply(self)
                except StoryRuntimeError as exc:
                    raise self._located(exc, f"the effects of choice '{choice.id}'") from None
            self._enter(choice.goto)
        except StoryRuntimeError:
            # Back to the page the choice was made on, as it was: a client shows the error
            # over the last good page and the reader may take another way.
            self._revert(self.steps.pop().undo)
            self._evaluate(self._entry_rng)
            raise

    def _step(self, option: Option, undo: Undo) -> Step:
        return _new_step((len(self.steps), self.scene.id, self.scene.title, tuple(self._page),
                      option.choice.id, option.text, undo))  # fmt: skip

    def peek(self, index: int) -> Peek | None:
        """The page choice `index` leads to, with the playthrough left exactly as it was: a
        player can lay out the next pages while the reader reads. None when the choice is not
        offered or would fail."""
        if self.is_over or not 0 <= index < len(self._options):
            return None
        try:
            self.choose(index)
        except StoryRuntimeError:
            return None  # choose() has put everything back already
        seen = Peek(self.scene, self.paragraphs(), self.choices())
        self.undo(self.turn - 1)
        return seen

    def undo(self, turn: int) -> None:
        """Go back to the moment before choice number `turn + 1` was taken (0 = the start)."""
        if not 0 <= turn <= self.turn:
            raise ValueError(f"there is no turn {turn} to go back to (0 to {self.turn})")
        while self.turn > turn:
            self._revert(self.steps.pop().undo)
        self._evaluate(self._entry_rng)

    def _revert(self, undo: Undo) -> None:
        if undo.visits_before is None:
            self.visits.pop(undo.visited, None)
        else:
            self.visits[undo.visited] = undo.visits_before
        self.vars.update(undo.vars)
        if undo.once_added:
            self.used_once.discard(undo.once_added)
        self.scene = self.story.scenes[undo.scene]
        self._entry_rng = undo.rng

    # -- state
    def state_json(self) -> dict:
        """The changing state now, as plain data."""
        return {"scene": self.scene.id, "vars": dict(self.vars), "visits": dict(self.visits),
                "rng": self._entry_rng, "used_once": sorted(self.used_once)}  # fmt: skip

    def restore_state(self, scene: str, variables: dict, visits: dict, rng: int,
                      used_once: set[str]) -> None:  # fmt: skip
        self.vars, self.visits, self.used_once = dict(variables), dict(visits), set(used_once)
        self.scene = self.story.scenes[scene]
        self._evaluate(rng)

    def _enter(self, scene_id: str) -> None:
        self.scene = self.story.scenes[scene_id]
        self.visits[scene_id] = self.visits.get(scene_id, 0) + 1
        self._evaluate(self._rng.state)

    def _evaluate(self, rng_state: int) -> None:
        """Lay out the page and the offered choices once, from a known generator state."""
        self._entry_rng = rng_state
        self._rng.restart(rng_state)  # one generator per playthrough: this runs every page
        try:
            self._page = self._render_page()
            self._options = [] if self.scene.ending is not None else self._offer()
        except StoryRuntimeError as exc:
            raise self._located(exc, "its text or choices") from None

    def _located(self, exc: StoryRuntimeError, what: str) -> StoryRuntimeError:
        """The same error, saying where in the story it happened."""
        return StoryRuntimeError(f"scene '{self.scene.id}', {what}: {exc}")

    def _render_page(self) -> list[Paragraph]:
        page = []
        term_title = self.story.term_title
        for item in self.scene.text:
            if item.conditions and not self._all_hold(item.conditions):
                continue
            page.append(item.static or (item.plan.show(self) if item.plan is not None
                                        else render(item.parts, self, term_title)))  # fmt: skip
        return page

    def _all_hold(self, conditions: tuple) -> bool:
        for condition in conditions:  # noqa: SIM110  # a loop: no generator made on every page
            if not condition.fn(self):
                return False
        return True

    def _offer(self) -> list[Option]:
        normal: list[Choice] = []
        fallback: list[Choice] = []
        for choice in self.scene.choices:
            if choice.once and once_key(self.scene.id, choice.id) in self.used_once:
                continue
            if choice.condition is None or choice.condition.fn(self):
                (fallback if choice.fallback else normal).append(choice)
        offered = normal or fallback
        term_title = self.story.term_title
        options = []
        for i, choice in enumerate(offered):
            shown = choice.static or (choice.plan.show(self) if choice.plan is not None
                                      else render(choice.parts, self, term_title))  # fmt: skip
            options.append(_new_option((i + 1, shown.spans, choice, shown.text)))
        return options

    # -- the Context protocol for compiled expressions
    def chance(self, p: float) -> bool:
        return self._rng.random() < p

    # -- what was met on the way
    def terms_met(self) -> list[str]:
        found: dict[str, None] = {}
        for step in self.steps:
            found.update(dict.fromkeys(step.terms))
        found.update(dict.fromkeys(s.term for p in self._page for s in p.spans if s.term))
        return list(found)

    def events_witnessed(self) -> list[str]:
        scenes = [self.story.scenes.get(s.scene_id) for s in self.steps] + [self.scene]
        return list(dict.fromkeys(s.event for s in scenes if s is not None and s.event))

    # -- saving
    def to_json(self) -> dict:
        return {
            "save_format": SAVE_FORMAT,
            "story_id": self.story.id,
            "story_version": self.story.version,
            "perspective": self.perspective.id,
            "museum": self.museum,
            "seed": self.seed,
            "state": self.state_json(),
            "steps": [s.to_json() for s in self.steps],
        }

    @classmethod
    def from_json(cls, story: Story, data: Any) -> Playthrough:
        return restore(cls, story, data)
