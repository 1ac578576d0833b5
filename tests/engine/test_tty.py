"""The terminal player plays the shipped story to an ending, and handles odd input."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _tty(*args: str, answers: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", "tty", "story", *args], input=answers,
                          capture_output=True, text=True, cwd=ROOT, timeout=60)  # fmt: skip


@pytest.mark.parametrize("perspective", ["fergana_farmer", "khivan_refugee"])
@pytest.mark.parametrize("museum", [False, True])
def test_plays_to_an_ending(perspective, museum):
    flags = ["--perspective", perspective, "--seed", "1"] + (["--museum"] if museum else [])
    proc = _tty(*flags, answers="1\n" * 300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr
    assert "(The end.)" in proc.stdout
    assert "***" in proc.stdout  # the ending's title


def test_back_and_bad_input_and_quit():
    proc = _tty("--perspective", "fergana_farmer", "--seed", "1", answers="9\nx\n1\nb\nq\n")
    assert proc.returncode == 0
    first = "== " + _first_title() + " =="
    assert proc.stdout.count(first) == 2  # shown at the start, and again after going back
    assert "Type a number to choose" in proc.stdout  # the help after '9' and 'x'


def _first_title() -> str:
    from game.engine import load_story

    story = load_story(ROOT / "story")
    perspective = story.perspective("fergana_farmer")
    return story.scenes[perspective.start].title


def test_end_of_input_quits_cleanly():
    proc = _tty("--perspective", "khivan_refugee", answers="")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr


def test_unknown_perspective():
    proc = _tty("--perspective", "nobody", answers="")
    assert proc.returncode == 2 and "unknown perspective 'nobody'" in proc.stdout


def test_picks_a_perspective_by_number():
    proc = _tty("--seed", "3", answers="2\nq\n")
    assert "The Khivan Refugee" in proc.stdout or "khivan" in proc.stdout.lower()


def test_a_scenes_content_note_comes_before_it_and_its_people_are_labelled():
    """The weaver's mosque (fixture) has a warning and people of all three kinds' sort."""
    import io

    from game.authoring.tty import TerminalPlayer
    from game.engine import load_story
    from game.engine.runtime import Playthrough
    from tests.ui.conftest import FIXTURE_STORY

    pt = Playthrough.start(load_story(FIXTURE_STORY), "weaver", seed=1)
    pt.choose(0)  # to the mosque
    out = io.StringIO()
    TerminalPlayer(io.StringIO(), out, 200).show_page(pt)
    text = out.getvalue()
    assert text.index("(Content note: this scene tells of violence.)") < text.index("== The Draft")
    assert ("In this scene: Aleksey Kuropatkin — documented · The village elder — composite"
            in text)  # fmt: skip
