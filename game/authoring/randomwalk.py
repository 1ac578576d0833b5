"""Random playthroughs, as ChoiceScript's randomtest: pick any offered choice until the end."""

from __future__ import annotations

import random

from game.authoring.coverage import Path, PerspectiveReport, Report, page_words
from game.engine.expr import StoryRuntimeError
from game.engine.model import Story
from game.engine.runtime import Playthrough

MAX_STEPS = 1000  # a run still going after this many choices is caught in a loop


def run_seed(seed: int, run: int) -> int:
    """Each run's own seed: the same (seed, run) always plays the same way."""
    return (seed * 1_000_003 + run) % (1 << 62)


def random_runs(story: Story, runs: int, seed: int, modes: list[tuple[str, bool]],
                max_steps: int = MAX_STEPS) -> Report:  # fmt: skip
    """Play `runs` runs, taking the (perspective, museum) modes in turn."""
    report = Report(story, "random")
    for n in range(runs):
        pid, museum = modes[n % len(modes)]
        one_run(story, pid, museum, run_seed(seed, n), max_steps, report.of(pid))
    return report


def one_run(story: Story, pid: str, museum: bool, seed: int, max_steps: int,
            report: PerspectiveReport) -> None:  # fmt: skip
    report.runs += 1
    picker = random.Random(seed)
    taken: list[str] = []
    words = 0

    def path() -> Path:
        return Path(pid, museum, seed, tuple(taken), words)

    try:
        pt = Playthrough.start(story, pid, seed=seed, museum=museum)
        while True:
            report.see(pt)
            words += page_words(pt)
            if pt.ending is not None:
                report.ending(pt.ending.id, path())
                return
            if pt.is_stuck:
                report.issue("dead end", stuck_message(pt), path())
                return
            if len(taken) >= max_steps:
                report.issue("no ending", f"still playing after {max_steps} choices (a loop "
                             f"with no way out?), last in scene '{pt.scene.id}'", path())  # fmt: skip
                return
            options = pt.choices()
            index = picker.randrange(len(options))
            taken.append(options[index].text)
            pt.choose(index)
    except StoryRuntimeError as exc:
        report.issue("runtime error", str(exc), path())


def stuck_message(pt: Playthrough) -> str:
    scene = pt.scene
    return (f"scene '{scene.id}' ({scene.file}:{scene.line}) offers no choice here and is not "
            "an ending")  # fmt: skip
