"""`python -m game tty`: play a perspective in the terminal with numbered choices."""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path
from typing import TextIO

from game.engine import StoryError, load_story
from game.engine.runtime import Playthrough
from game.paths import default_story_dir

HELP = "Type a number to choose, 'b' to go back one choice, 'q' to quit."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("story", nargs="?", type=Path, help="the story folder (default: story)")
    parser.add_argument("--perspective", help="perspective id (default: ask)")
    parser.add_argument("--seed", type=int, default=None, help="random seed, for repeatable runs")
    parser.add_argument("--museum", action="store_true", help="play the short museum path")
    parser.add_argument("--width", type=int, default=78, help="wrap text at this width")


def run(args: argparse.Namespace, inp: TextIO = sys.stdin, out: TextIO = sys.stdout) -> int:
    try:
        story = load_story(args.story or default_story_dir())
    except StoryError as exc:
        out.write(str(exc) + "\n")
        return 1
    player = TerminalPlayer(inp, out, args.width)
    pid = args.perspective or player.pick_perspective(story)
    if pid is None:
        return 0
    if pid not in {p.id for p in story.perspectives}:
        out.write(f"unknown perspective '{pid}'; the story has: "
                  + ", ".join(p.id for p in story.perspectives) + "\n")  # fmt: skip
        return 2
    pt = Playthrough.start(story, pid, seed=args.seed, museum=args.museum)
    return player.play(pt)


class TerminalPlayer:
    """Reads answers from `inp` and writes pages to `out`; no other state."""

    def __init__(self, inp: TextIO, out: TextIO, width: int):
        self.inp, self.out, self.width = inp, out, width

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
        self.say(f"== {scene.title} ==")
        line = " · ".join(x for x in (_date(scene.date), place.name if place else "") if x)
        if line:
            self.say(line)
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

    def show_ending(self, pt: Playthrough) -> None:
        ending = pt.ending
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


def _date(date: str | None) -> str:
    from game.engine.model import format_date

    return format_date(date)
