"""`plans`: replaying plan files, reporting where they diverge, and recording them in tty."""

from __future__ import annotations

import io

import pytest
import yaml

from game.authoring import plans, tty
from game.cli import build_parser, main
from game.engine import load_story
from tests.conftest import FIXTURES

MINI = FIXTURES / "mini"
PLANS = FIXTURES / "plans"


@pytest.fixture(scope="module")
def story():
    return load_story(MINI)


def test_a_good_plan_passes(story):
    assert plans.check_plan_file(story, PLANS / "mini_fled.yaml") == []


def test_a_wrong_turn_says_where_and_what_was_offered(story):
    [failure] = plans.check_plan_file(story, PLANS / "mini_wrong_turn.yaml")
    assert failure.startswith("step 2 (line 4): in scene 'bazaar'")
    assert "'Go to the market' is not offered" in failure
    assert "1. 'Return to the field'; 2. 'Leave for the hills'" in failure


def test_unmet_expectations_are_each_reported(story):
    failures = plans.check_plan_file(story, PLANS / "mini_wrong_ending.yaml")
    assert failures == [
        "expected ending 'fled', got no ending yet (in scene 'field')",
        "expected to pass through scene 'hills', but never did",
        "expected debt = 2, got 3",
    ]


def test_unknown_key_is_an_error_with_its_line(story):
    [failure] = plans.check_plan_file(story, PLANS / "mini_bad_key.yaml")
    assert "mini_bad_key.yaml:3:1: unknown key 'expcet'" in failure and "expect" in failure


def test_command_exit_status_and_report(tmp_path):
    out = io.StringIO()
    args = build_parser().parse_args(["plans", str(MINI), *map(str, sorted(PLANS.glob("*")))])
    assert plans.run(args, out) == 1
    text = out.getvalue()
    assert "ok   " in text and "FAIL " in text and "1 of 4 plan(s) passed." in text
    assert main(["plans", str(MINI), str(PLANS / "mini_fled.yaml")]) == 0


def test_tty_record_writes_a_plan_that_replays(story, tmp_path):
    target = tmp_path / "rec.yaml"
    args = build_parser().parse_args(
        ["tty", str(MINI), "--perspective", "farmer", "--seed", "4", "--record", str(target)]
    )
    answers = "1\n1\n1\n2\n"  # sell, return, sell, leave
    assert tty.run(args, io.StringIO(answers), io.StringIO()) == 0
    data = yaml.safe_load(target.read_text("utf-8"))
    assert data["seed"] == 4 and data["expect"]["ending"] == "fled"
    assert data["choices"][0] == "Sell the seed cotton"
    assert plans.check_plan_file(story, target) == []


def test_tty_replay_then_goes_on_interactively(tmp_path):
    plan = tmp_path / "half.yaml"
    plan.write_text("perspective: farmer\nchoices: [Sell the seed cotton]\n", "utf-8")
    out = io.StringIO()
    args = build_parser().parse_args(["tty", str(MINI), "--replay", str(plan)])
    assert tty.run(args, io.StringIO("2\n"), out) == 0  # the reader leaves for the hills
    assert "> 1  (replayed)" in out.getvalue() and "Into the Hills" in out.getvalue()


def test_tty_replay_that_diverges_hands_over_to_the_reader(tmp_path):
    plan = tmp_path / "odd.yaml"
    plan.write_text("perspective: farmer\nchoices: [Dance]\n", "utf-8")
    out = io.StringIO()
    args = build_parser().parse_args(["tty", str(MINI), "--replay", str(plan)])
    assert tty.run(args, io.StringIO("q\n"), out) == 0
    assert "The plan wants 'Dance', which is not offered here" in out.getvalue()
