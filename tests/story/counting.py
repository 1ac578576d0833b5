"""What the story tests count, in one place: words read on a plan, reachable scenes, variables
read, and the share of choice points that offer a single button in play."""

from __future__ import annotations

import random
import re
from collections import deque
from pathlib import Path

import yaml

from game.engine.expr import Compiled
from game.engine.runtime import Playthrough

WORDS = re.compile(r"[\w’'ʻ-]+")


def words(text: str) -> int:
    return len(WORDS.findall(text))


def replay(story, plan_file: Path) -> tuple[Playthrough, int, set[str]]:
    """Play a plan; return the playthrough, the words read (buttons too), and the scenes seen."""
    plan = yaml.safe_load(plan_file.read_text("utf-8"))
    pt = Playthrough.start(story, plan["perspective"], seed=plan.get("seed", 1),
                           museum=plan.get("museum", False))  # fmt: skip
    read, seen = 0, {pt.scene.id}
    for text in plan["choices"]:
        read += sum(words(p.text) for p in pt.paragraphs())
        options = [o.text for o in pt.choices()]
        assert text in options, (
            f"{plan_file.name}: '{text}' not offered in {pt.scene.id}: {options}"
        )
        read += words(text)
        pt.choose(options.index(text))
        seen.add(pt.scene.id)
    read += sum(words(p.text) for p in pt.paragraphs())
    return pt, read, seen


def reachable(story, start: str) -> set[str]:
    """Scenes reachable from `start` (itself included) along choices, conditions aside."""
    seen, todo = {start}, deque([start])
    while todo:
        for choice in story.scenes[todo.popleft()].choices:
            if choice.goto not in seen:
                seen.add(choice.goto)
                todo.append(choice.goto)
    return seen


def reads_in(scene) -> set[str]:
    """The variables a scene's conditions read (paragraphs and choices), `museum` aside."""
    reads: set[str] = set()
    for item in scene.text:
        for cond in item.conditions:
            reads |= cond.reads
    for choice in scene.choices:
        if isinstance(choice.condition, Compiled):
            reads |= choice.condition.reads
    return reads - {"museum"}


def single_button_share(story, pid: str, runs: int = 300, museum_every: int = 0) -> float:
    """Of the choice points met in `runs` seeded random playthroughs, the share that offered
    one button (conditions hide buttons, so this counts what a player really sees)."""
    points = single = 0
    for run in range(runs):
        rng = random.Random(run)
        museum = bool(museum_every) and run % museum_every == 0
        pt = Playthrough.start(story, pid, seed=run, museum=museum)
        while not pt.is_over:
            offered = pt.choices()
            points += 1
            single += len(offered) == 1
            pt.choose(rng.randrange(len(offered)))
    return single / points
