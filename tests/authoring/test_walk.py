"""`walk`: random and exhaustive playthroughs find planted mistakes, with replayable paths."""

from __future__ import annotations

import io
import json

import pytest
import yaml

from game.authoring import plans
from game.authoring.coverage import endings_missed, never_offered, never_reached
from game.authoring.exhaustive import exhaustive
from game.authoring.randomwalk import random_runs
from game.cli import main
from game.engine import load_story
from tests.conftest import ROOT

MODES = [("farmer", False)]


def _walk(root, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    from game.cli import build_parser

    parsed = build_parser().parse_args(["walk", str(root), *args])
    from game.authoring import walk

    return walk.run(parsed, out), out.getvalue()


@pytest.mark.parametrize("how", [["--random", "300", "--seed", "3"], ["--exhaustive"]])
def test_finds_the_planted_mistakes(walk_case, tmp_path, how):
    root = walk_case("planted")
    code, text = _walk(root, *how, "--format", "json", "--save-failures", str(tmp_path / "f"))
    assert code == 1
    report = json.loads(text)["perspectives"]["farmer"]
    assert report["never_reached"] == ["cellar", "landlord"]
    assert report["endings_never_reached"] == ["landlord"]
    assert [o["text"] for o in report["never_offered"]] == ["Claim the land"]
    [issue] = report["issues"]
    assert issue["kind"] == "runtime error" and "division by zero" in issue["message"]
    assert issue["path"]["path"] == ["Pay a sack", "Pay a sack", "Divide the harvest"]
    assert report["endings"]["slept"]["count"] > 0


def test_saved_failure_replays_to_the_same_error(walk_case, tmp_path):
    root = walk_case("planted")
    _walk(root, "--exhaustive", "--save-failures", str(tmp_path / "f"))
    [plan_file] = sorted((tmp_path / "f").glob("*.yaml"))
    assert "division by zero" in plan_file.read_text("utf-8").splitlines()[0]
    out = io.StringIO()
    from game.authoring import tty
    from game.cli import build_parser

    args = build_parser().parse_args(["tty", str(root), "--replay", str(plan_file)])
    assert tty.run(args, io.StringIO(""), out) == 1
    assert out.getvalue().count("(replayed)") == 3  # the third one fails
    assert "runtime error: scene 'start'" in out.getvalue()
    assert "division by zero" in out.getvalue()


def test_text_report_names_scenes_with_their_place(walk_case):
    code, text = _walk(walk_case("planted"), "--random", "100")
    assert code == 1
    assert "'cellar' (planted/perspectives/farmer/01.yaml:18)" in text
    assert "landlord: NEVER REACHED" in text
    assert (
        "RUNTIME ERROR" in text
        and "path: 'Pay a sack' → 'Pay a sack' → 'Divide the harvest'" in text
    )


def test_exhaustive_terminates_on_a_loop_and_saturates_visits(walk_case):
    story = load_story(walk_case("loop"))
    report = exhaustive(story, MODES).of("farmer")
    assert not report.capped and not report.issues
    stats = report.endings["gone"]
    assert len(stats.shortest.choices) == 5  # well, back, well, back, leave
    assert stats.unbounded  # staring into the well can go on for ever
    assert report.states < 20


def test_exhaustive_stops_at_the_cap_on_an_unbounded_counter(walk_case):
    root = walk_case("counter")
    report = exhaustive(load_story(root), MODES, cap=50).of("farmer")
    assert report.capped and report.states == 50
    code, text = _walk(root, "--exhaustive", "--cap", "50")
    assert "incomplete" in text and code == 0


def test_exhaustive_tries_every_chance_outcome_and_the_path_replays(walk_case):
    story = load_story(walk_case("luck"))
    report = exhaustive(story, MODES).of("farmer")
    assert set(report.endings) == {"treasure", "home"}
    path = report.endings["treasure"].shortest
    assert path.choices == ("Dig deeper", "Open the box")
    outcome = plans.replay(story, path.plan({"ending": "treasure"}))
    assert outcome.ok, outcome.failures


def test_random_walk_sees_both_chance_outcomes(walk_case):
    story = load_story(walk_case("luck"))
    report = random_runs(story, 200, 5, MODES).of("farmer")
    assert set(report.endings) == {"treasure", "home"}


def test_dead_end_in_play_is_reported_with_its_path(walk_case):
    story = load_story(walk_case("stuck"))
    for report in (exhaustive(story, MODES), random_runs(story, 5, 1, MODES)):
        [issue] = report.issues
        assert issue.kind == "dead end" and "'gate'" in issue.message
        assert issue.path.choices == ("Pick up the key",)


def test_random_runs_are_repeatable_and_replayable():
    story = load_story(ROOT / "tests" / "fixtures" / "mini")
    modes = [("farmer", False), ("farmer", True)]
    one, two = random_runs(story, 50, 9, modes), random_runs(story, 50, 9, modes)
    a, b = one.of("farmer").endings["fled"], two.of("farmer").endings["fled"]
    assert (a.count, a.shortest, a.longest) == (b.count, b.shortest, b.longest)
    outcome = plans.replay(story, a.longest.plan({"ending": "fled"}))
    assert outcome.ok, outcome.failures


def test_mini_coverage_matches_the_story():
    story = load_story(ROOT / "tests" / "fixtures" / "mini")
    report = exhaustive(story, [("farmer", False), ("farmer", True)]).of("farmer")
    assert never_reached(report) == ["home"]  # 'Go home' is a fallback that never falls due
    assert endings_missed(story, report) == ["stayed"]
    assert ("field", "field.4", "Go home") in never_offered(story, report)


def test_walk_on_the_shipped_story_is_clean():
    assert main(["walk", str(ROOT / "story"), "--random", "300"]) == 0


def test_unknown_perspective_is_refused(walk_case):
    code, _ = _walk(walk_case("loop"), "--perspective", "nobody")
    assert code == 2


def test_plan_of_a_path_is_valid_yaml(walk_case):
    story = load_story(walk_case("luck"))
    path = exhaustive(story, MODES).of("farmer").endings["treasure"].shortest
    data = yaml.safe_load(path.plan().to_yaml("a comment"))
    assert data["choices"] == ["Dig deeper", "Open the box"] and data["chance"]


@pytest.mark.parametrize("how", [["--random", "20"], ["--exhaustive"]])
def test_a_loop_with_no_way_out_is_reported_once_with_a_readable_path(walk_case, how):
    code, text = _walk(walk_case("trapped"), *how)
    assert code == 1 and "No runtime problems" not in text
    assert text.count("TRAPPED LOOP") == 1
    assert "'cellar' (trapped/perspectives/farmer/01.yaml:" in text and "'stairs' (" in text
    assert "path: 'Go down to the cellar'\n" in text
    assert max(len(line) for line in text.splitlines()) < 300


def test_a_long_run_in_a_loop_that_can_be_left_is_not_called_a_trap(walk_case):
    code, text = _walk(walk_case("counter"), "--random", "40", "--max-steps", "2")
    assert code == 1 and "TRAPPED LOOP" not in text
    assert "NO ENDING" in text and "still playing after 2 choices, circling 'start' (" in text
    assert max(len(line) for line in text.splitlines()) < 300
