"""Plans: recorded paths through a perspective (choices by their text) with expectations.

`python -m game plans` replays story/plans/*.yaml; `walk` writes its failures as plans and
`tty --record` writes one while playing; `tty --replay` plays one back.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import yaml

from game.authoring.command import add_story_argument, load_or_explain, story_root
from game.authoring.scripted import Scripted
from game.engine.errors import suggest
from game.engine.expr import StoryRuntimeError
from game.engine.model import Story
from game.engine.runtime import Option, Playthrough
from game.engine.yamlsrc import YMap, read_yaml

KEYS = {"perspective", "museum", "seed", "chance", "choices", "expect"}
EXPECT_KEYS = {"ending", "scenes", "variables"}


class PlanError(Exception):
    """A plan file that cannot be read, with where the mistake is."""


@dataclass
class Plan:
    perspective: str
    choices: list[str]
    museum: bool = False
    seed: int = 1
    chance: list[bool] = field(default_factory=list)  # forced chance() answers, then the seed
    expect: dict[str, Any] = field(default_factory=dict)
    name: str = "plan"
    lines: list[int] = field(default_factory=list)  # the line of each choice in the file

    def to_yaml(self, comment: str = "") -> str:
        data: dict[str, Any] = {"perspective": self.perspective, "museum": self.museum,
                                "seed": self.seed}  # fmt: skip
        if self.chance:
            data["chance"] = list(self.chance)
        data["choices"] = list(self.choices)
        if self.expect:
            data["expect"] = self.expect
        head = "".join(f"# {line}\n" for line in comment.splitlines())
        body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
        return head + body


def load_plan(path: Path) -> Plan:
    src = read_yaml(path, str(path))
    if src.problems:
        raise PlanError("\n".join(str(p) for p in src.problems))
    data = src.data
    if not isinstance(data, YMap) or not isinstance(data.get("perspective"), str):
        raise PlanError(f"{path}:1:1: a plan needs 'perspective:' and 'choices:'")
    _check_keys(path, data, KEYS)
    choices = data.get("choices") or []
    expect = data.get("expect") or {}
    if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
        raise PlanError(f"{path}:{data.pos[0]}:1: 'choices' must be a list of choice texts")
    if isinstance(expect, YMap):
        _check_keys(path, expect, EXPECT_KEYS)
    lines = [pos[0] for pos in getattr(choices, "item_pos", [])]
    return Plan(data["perspective"], list(choices), bool(data.get("museum", False)),
                int(data.get("seed", 1)), [bool(c) for c in data.get("chance") or []],
                dict(expect), path.stem, lines)  # fmt: skip


def _check_keys(path: Path, data: YMap, allowed: set[str]) -> None:
    for key in data:
        if key not in allowed:
            line, col = data.key_pos[key]
            hint = suggest(key, allowed) or "allowed: " + ", ".join(sorted(allowed))
            raise PlanError(f"{path}:{line}:{col}: unknown key '{key}' ({hint})")


def find_option(options: list[Option], wanted: str) -> int | None:
    """The index of the option a plan names: by its shown text, its source text, or its id."""
    for getter in (lambda o: o.text, lambda o: o.choice.text, lambda o: o.choice.id):
        for i, option in enumerate(options):
            if getter(option) == wanted:
                return i
    return None


def begin(story: Story, plan: Plan) -> Scripted:
    return Scripted.begin(story, plan.perspective, seed=plan.seed, museum=plan.museum,
                          script=tuple(plan.chance))  # fmt: skip


@dataclass
class Outcome:
    """How a replay went: the playthrough as it stands, and every way it missed the plan."""

    plan: Plan
    pt: Playthrough | None
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def replay(story: Story, plan: Plan) -> Outcome:
    if plan.perspective not in {p.id for p in story.perspectives}:
        return Outcome(plan, None, [f"the story has no perspective '{plan.perspective}'"])
    try:
        pt = begin(story, plan)
        for step, wanted in enumerate(plan.choices):
            failure = _take(pt, plan, step, wanted)
            if failure:
                return Outcome(plan, pt, [failure])
    except StoryRuntimeError as exc:
        return Outcome(plan, None, [f"runtime error: {exc}"])
    return Outcome(plan, pt, expectations(pt, plan.expect))


def _take(pt: Playthrough, plan: Plan, step: int, wanted: str) -> str | None:
    """Take the plan's choice number `step`, or say why it cannot be taken."""
    options = pt.choices()
    index = find_option(options, wanted)
    if index is not None:
        pt.choose(index)
        return None
    where = f" (line {plan.lines[step]})" if step < len(plan.lines) else ""
    scene = pt.scene
    head = f"step {step + 1}{where}: in scene '{scene.id}' ({scene.file}:{scene.line}), "
    if pt.ending is not None:
        return head + f"the story has already ended ({pt.ending.id}); '{wanted}' is one too many"
    offered = "; ".join(f"{o.number}. '{o.text}'" for o in options) or "nothing"
    hint = suggest(wanted, [o.text for o in options])
    return head + f"'{wanted}' is not offered. Offered: {offered}" + (f" ({hint})" if hint else "")


def expectations(pt: Playthrough, expect: dict[str, Any]) -> list[str]:
    failures = []
    ending = pt.ending.id if pt.ending else None
    if "ending" in expect and expect["ending"] != ending:
        got = f"ending '{ending}'" if ending else f"no ending yet (in scene '{pt.scene.id}')"
        failures.append(f"expected ending '{expect['ending']}', got {got}")
    for sid in expect.get("scenes") or []:
        if not pt.visits.get(sid):
            failures.append(f"expected to pass through scene '{sid}', but never did")
    for name, value in (expect.get("variables") or {}).items():
        if pt.vars.get(name) != value:
            failures.append(f"expected {name} = {value!r}, got {pt.vars.get(name)!r}")
    return failures


def record(pt: Playthrough, name: str = "recorded") -> Plan:
    """The plan of a playthrough so far: its choices, and what it reached as expectations."""
    visited = list(dict.fromkeys([s.scene_id for s in pt.steps] + [pt.scene.id]))
    expect: dict[str, Any] = {"scenes": visited}
    if pt.ending:
        expect = {"ending": pt.ending.id, **expect}
    # The seed replays every chance() answer, so a recording needs no forced ones.
    return Plan(pt.perspective.id, [s.choice_text for s in pt.steps], pt.museum, pt.seed,
                [], expect, name)  # fmt: skip


# -- the command
def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_story_argument(parser)
    parser.add_argument("plans", nargs="*", type=Path,
                        help="plan files (default: every .yaml in STORY/plans)")  # fmt: skip


def plan_files(root: Path) -> list[Path]:
    return sorted((root / "plans").glob("*.yaml"))


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout  # looked up when run, not bound when imported
    root = story_root(args)
    story = load_or_explain(args, out)
    if story is None:
        return 1
    files = args.plans or plan_files(root)
    failed = 0
    for path in files:
        failures = check_plan_file(story, path)
        failed += bool(failures)
        out.write(f"{'FAIL' if failures else 'ok  '} {path}\n")
        for failure in failures:
            out.write(f"     {failure}\n")
    out.write(f"{len(files) - failed} of {len(files)} plan(s) passed.\n")
    return 1 if failed else 0


def check_plan_file(story: Story, path: Path) -> list[str]:
    """Every way the plan in `path` fails on `story` (empty when it passes)."""
    try:
        plan = load_plan(path)
    except PlanError as exc:
        return [str(exc)]
    return replay(story, plan).failures
