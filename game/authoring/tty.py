"""`python -m game tty`: play a perspective in the terminal with numbered choices."""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path
from typing import TextIO

from game.authoring import plans
from game.authoring.command import add_story_argument, errors, load_or_explain
from game.authoring.startat import StartError, start_at
from game.engine.crossref import people_by_kind, scene_people
from game.engine.expr import StoryRuntimeError
from game.engine.model import format_date
from game.engine.runtime import Playthrough

HELP = "Type a number to choose, 'b' to go back one choice, 'q' to quit."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_story_argument(parser)
    parser.add_argument("--perspective", help="perspective id (default: ask)")
    parser.add_argument("--seed", type=int, default=None, help="random seed, for repeatable runs")
    parser.add_argument("--museum", action="store_true", help="play the short museum path")
    parser.add_argument("--width", type=int, default=78, help="wrap text at this width")
    parser.add_argument("--replay", type=Path, metavar="FILE",
                        help="play a plan's choices first (from 'plans' or 'walk'), then go on")  # fmt: skip
    parser.add_argument("--record", type=Path, metavar="FILE",
                        help="write the choices you make as a plan file when you stop")  # fmt: skip
    parser.add_argument("--scene", metavar="ID", help="start at this scene (a test run)")
    parser.add_argument("--set", action="append", default=[], metavar="VAR=VALUE",
                        help="start with this value (a test run); give it once per variable")  # fmt: skip


def run(args: argparse.Namespace, inp: TextIO | None = None,
        out: TextIO | None = None) -> int:  # fmt: skip
    # The streams are looked up when run, not bound when imported (tests replace them).
    inp, out = inp or sys.stdin, out or sys.stdout
    story = load_or_explain(args, out)
    if story is None:
        return 1
    player = TerminalPlayer(inp, out, args.width)
    try:
        pt = _begin(story, args, player)
        if pt is None or isinstance(pt, int):
            return pt or 0
        code = player.play(pt)
    except StoryRuntimeError as exc:
        errors(out).write(f"runtime error: {exc}\n")
        return 1
    except (plans.PlanError, StartError) as exc:
        errors(out).write(f"{exc}\n")
        return 2
    if args.record:
        args.record.write_text(plans.record(pt, args.record.stem).to_yaml(
            "recorded with: python -m game tty --record"), "utf-8")  # fmt: skip
        out.write(f"(Recorded {pt.turn} choice(s) to {args.record}.)\n")
    return code


def _begin(story, args: argparse.Namespace, player: TerminalPlayer) -> Playthrough | int | None:
    """The playthrough to play: from a plan, or a fresh one (None: the player quit; int: error)."""
    if args.replay:
        plan = plans.load_plan(args.replay)
        player.planned = list(plan.choices)
        if plan.perspective not in {p.id for p in story.perspectives}:
            player.say(f"unknown perspective '{plan.perspective}' in {args.replay}")
            return 2
        return plans.begin(story, plan)
    if getattr(args, "scene", None) or getattr(args, "set", None):
        if args.record or args.replay:
            raise StartError("a test run (--scene, --set) cannot be recorded or replayed as a "
                             "plan: plans start at the beginning")  # fmt: skip
        pt = start_at(story, args.scene, args.set, perspective=args.perspective,
                      seed=args.seed, museum=args.museum)  # fmt: skip
        player.say(f"(Test run from scene '{pt.scene.id}' with {_values(args.set)}.)")
        return pt
    pid = args.perspective or player.pick_perspective(story)
    if pid is None:
        return None
    if pid not in {p.id for p in story.perspectives}:
        player.say(f"unknown perspective '{pid}'; the story has: "
                   + ", ".join(p.id for p in story.perspectives))  # fmt: skip
        return 2
    return Playthrough.start(story, pid, seed=args.seed, museum=args.museum)


def people_line(story, scene) -> str:
    """'In this scene: Kurshirmat — documented · Zulfiya, Tohir — fictional', or ''."""
    groups = people_by_kind(scene_people(story, scene))
    parts = [", ".join(p.name for p in people) + f" — {kind}" for kind, people in groups]
    return "In this scene: " + " · ".join(parts) if parts else ""


def _values(settings: list[str]) -> str:
    return ", ".join(settings) if settings else "the initial values"


class TerminalPlayer:
    """Reads answers from `inp` and writes pages to `out`; no other state."""

    def __init__(self, inp: TextIO, out: TextIO, width: int):
        self.inp, self.out, self.width = inp, out, width
        self.planned: list[str] = []  # choices still to replay from a plan, by their text

    def say(self, text: str = "", indent: str = "") -> None:
        lines = textwrap.wrap(text, self.width, initial_indent=indent, subsequent_indent=indent)
        self.out.write("\n".join(lines or [""]) + "\n")

    def ask(self, prompt: str) -> str | None:
        self.out.write(prompt)
        self.out.flush()
        line = self.inp.readline()
        return None if not line else line.strip()

    def pick_perspective(self, story) -> str | None:
        self.say(story.title)
        for i, p in enumerate(story.perspectives, 1):
            self.say(f"{i}. {p.title} ({p.years or ''}) — {p.protagonist}")
        while True:
            answer = self.ask("Perspective number (q to quit): ")
            if answer is None or answer == "q":
                return None
            if answer.isdigit() and 1 <= int(answer) <= len(story.perspectives):
                return story.perspectives[int(answer) - 1].id

    def play(self, pt: Playthrough) -> int:
        self.say(HELP)
        while True:
            self.show_page(pt)
            if pt.is_over:
                self.show_ending(pt)
                return 0
            if pt.is_stuck:
                self.say("(This scene has no way on: a dead end in the story.)")
                return 1
            if not self.take_turn(pt):
                return 0

    def show_page(self, pt: Playthrough) -> None:
        scene = pt.scene
        place = pt.story.places.get(scene.place) if scene.place else None
        self.say()
        if scene.warnings:  # before the scene, as the story's content note promises
            self.say(f"(Content note: this scene tells of {', '.join(scene.warnings)}.)")
            self.say()
        self.say(f"== {scene.title} ==")
        line = " · ".join(x for x in (format_date(scene.date), place.name if place else "") if x)
        if line:
            self.say(line)
        people = people_line(pt.story, scene)
        if people:
            self.say(people)
        if scene.event:
            event = pt.story.events[scene.event]
            self.say(f"[History: {event.title}, {event.when_text}]")
        self.say()
        for paragraph in pt.paragraphs():
            self.say(paragraph.text)
            self.say()

    def take_turn(self, pt: Playthrough) -> bool:
        options = pt.choices()
        for option in options:
            self.say(option.text, f"  {option.number}. ")
        if self.planned:
            return self.replay_turn(pt)
        while True:
            answer = self.ask("> ")
            if answer is None or answer == "q":
                return False
            if answer == "b" and pt.turn > 0:
                pt.undo(pt.turn - 1)
                return True
            if answer.isdigit() and 1 <= int(answer) <= len(options):
                pt.choose(int(answer) - 1)
                return True
            self.say(HELP)

    def replay_turn(self, pt: Playthrough) -> bool:
        wanted = self.planned.pop(0)
        index = plans.find_option(pt.choices(), wanted)
        if index is None:
            self.say(f"(The plan wants '{wanted}', which is not offered here: the replay stops, "
                     "and you play on.)")  # fmt: skip
            self.planned = []
            return self.take_turn(pt)
        self.say(f"> {index + 1}  (replayed)")
        pt.choose(index)
        return True

    def show_ending(self, pt: Playthrough) -> None:
        ending = pt.ending
        assert ending is not None  # called only once the story is over
        self.say(f"*** {ending.title} ***")
        for paragraph in ending.epilogue:
            self.say(paragraph)
            self.say()
        for paragraph in ending.history:
            self.say(paragraph, "  ")
            self.say()
        if pt.perspective.afterword:
            self.say(pt.perspective.afterword)
        self.say("(The end.)")
