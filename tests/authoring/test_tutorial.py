"""docs/authoring.md's tutorial, followed step by step on a copy of the story.

The tutorial's steps are marked with HTML comments (invisible when the page is shown):
`run [exit=N]` runs the next console block's commands and looks for its output lines;
`write PATH` writes the next code block to PATH; `replace PATH` swaps the text of the next code
block for the one after it; `play PERSPECTIVE "choice"…` starts a playthrough and a reloader;
`reload "text"` checks that the edits so far appear in that playthrough without a restart.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.authoring.watch import Reloader, carry_over
from game.engine import load_story
from game.engine.runtime import Playthrough
from tests.authoring.conftest import edit
from tests.conftest import ROOT

DOCS = ROOT / "docs" / "authoring.md"
STEP = re.compile(r"<!-- tutorial: (\w[\w-]*)(.*?)-->")
BLOCK = re.compile(r"```[^\n]*\n(.*?)```", re.S)


def steps(text: str):
    """(directive, arguments, the code blocks that follow it) for each marked step."""
    marks = list(STEP.finditer(text))
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        yield mark.group(1), shlex.split(mark.group(2)), BLOCK.findall(text, mark.end(), end)


class Author:
    """Does what the tutorial says, in a folder holding a copy of the story."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.clock = 0.0
        self.reloader: Reloader | None = None
        self.pt: Playthrough | None = None

    def run(self, args: list[str], blocks: list[str]) -> None:
        exit_code = int(args[0].split("=")[1]) if args else 0
        command, *expected = blocks[0].strip().splitlines()
        assert command.startswith("$ python -m game ")
        argv = shlex.split(command[len("$ python -m game ") :])
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        done = subprocess.run([sys.executable, "-m", "game", *argv], cwd=self.home, env=env,
                              capture_output=True, text=True, timeout=120)  # fmt: skip
        output = done.stdout + done.stderr
        assert done.returncode == exit_code, f"{command}\n{output}"
        for line in expected:
            pattern = re.escape(line.strip()).replace("…", ".*")
            assert re.search(pattern, output), f"{command}: no line {line!r} in\n{output}"

    def write(self, args: list[str], blocks: list[str]) -> None:
        (self.home / args[0]).write_text(blocks[0], "utf-8")

    def replace(self, args: list[str], blocks: list[str]) -> None:
        edit(self.home / args[0], blocks[0].rstrip("\n"), blocks[1].rstrip("\n"))

    def play(self, args: list[str], blocks: list[str]) -> None:
        root = self.home / "story"
        self.reloader = Reloader(root, load_story(root), lambda: self.clock)
        self.pt = Playthrough.start(self.reloader.story, args[0], seed=1)
        for wanted in args[1:]:
            self.pt.choose([o.text for o in self.pt.choices()].index(wanted))

    def reload(self, args: list[str], blocks: list[str]) -> None:
        self.clock += 1.0
        result = self.reloader.poll()
        assert result is not None and result.story is not None, result and result.problems
        scene = self.pt.scene.id
        self.pt, note = carry_over(self.pt, result.story)
        assert self.pt is not None and self.pt.scene.id == scene, note
        assert any(args[0] in p.text for p in self.pt.paragraphs()), self.pt.paragraphs()


@pytest.fixture
def home(tmp_path):
    shutil.copytree(ROOT / "story", tmp_path / "story")
    return tmp_path


def test_the_tutorial_works_as_written(home):
    author = Author(home)
    done = []
    for directive, args, blocks in steps(DOCS.read_text("utf-8")):
        getattr(author, directive.replace("-", "_"))(args, blocks)
        done.append(directive)
    assert done.count("run") >= 7 and "reload" in done


def test_the_tutorial_story_is_sound_at_the_end(home):
    author = Author(home)
    for directive, args, blocks in steps(DOCS.read_text("utf-8")):
        if directive != "run":
            getattr(author, directive.replace("-", "_"))(args, blocks)
    story = load_story(home / "story")
    assert "ff_well" in story.scenes
    assert story.scenes["ff_well"].text[1].conditions[0].source == "grain > 1"
