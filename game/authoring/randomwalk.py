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
    scenes: list[str] = []  # the scene before each choice, to find a loop's way in
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
                loop, entry = loop_of(scenes)
                into = Path(pid, museum, seed, tuple(taken[:entry]), words)
                if leads_to_an_ending(story, loop):  # a way out exists: this run missed it
                    report.issue("no ending", f"still playing after {max_steps} choices, "
                                 f"circling {_named(story, loop)}", into)  # fmt: skip
                else:
                    report.issue("trapped loop", trapped_message(story, loop), into)
                return
            options = pt.choices()
            index = picker.randrange(len(options))
            taken.append(options[index].text)
            scenes.append(pt.scene.id)
            pt.choose(index)
    except StoryRuntimeError as exc:
        report.issue("runtime error", str(exc), path())


def loop_of(scenes: list[str]) -> tuple[list[str], int]:
    """The scenes a long run kept circling (those of its second half), and the step that first
    entered them for good: the readable way into the loop, not the thousand turns round it."""
    loop = set(scenes[len(scenes) // 2 :])
    entry = len(scenes) - 1
    while entry > 0 and scenes[entry - 1] in loop:
        entry -= 1
    return sorted(loop), entry


def leads_to_an_ending(story: Story, scenes: list[str]) -> bool:
    """Whether any chain of choices, whatever their conditions, leads from `scenes` to an end."""
    seen, todo = set(scenes), list(scenes)
    while todo:
        scene = story.scenes[todo.pop()]
        if scene.ending is not None:
            return True
        for choice in scene.choices:
            if choice.goto in story.scenes and choice.goto not in seen:
                seen.add(choice.goto)
                todo.append(choice.goto)
    return False


def _named(story: Story, loop: list[str]) -> str:
    return ", ".join(f"'{s}' ({story.scenes[s].file}:{story.scenes[s].line})" for s in loop)


def trapped_message(story: Story, loop: list[str]) -> str:
    """One message for a loop, the same from the random and the exhaustive walk."""
    named = _named(story, loop)
    return (f"a loop with no way out: once in scene(s) {named}, no ending can be reached "
            "(add a choice that leads out of the loop)")  # fmt: skip


def stuck_message(pt: Playthrough) -> str:
    scene = pt.scene
    return (f"scene '{scene.id}' ({scene.file}:{scene.line}) offers no choice here and is not "
            "an ending")  # fmt: skip
