"""Property tests: saves, undo and determinism hold anywhere; bad input only ever gives StoryError."""

from __future__ import annotations

import json
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import StoryError, load_story
from game.engine.runtime import Playthrough
from tests.conftest import FIXTURES

MINI = FIXTURES / "mini"
STORY = load_story(MINI)
picks = st.lists(st.integers(min_value=0, max_value=10), max_size=25)
seeds = st.integers(min_value=0, max_value=2**63 - 1)


def play(seed: int, moves: list[int], museum: bool = False) -> Playthrough:
    pt = Playthrough.start(STORY, "farmer", seed=seed, museum=museum)
    for move in moves:
        if pt.is_over:
            break
        pt.choose(move % len(pt.choices()))
    return pt


@given(seeds, picks)
def test_json_round_trip_anywhere(seed, moves):
    pt = play(seed, moves)
    again = Playthrough.from_json(STORY, json.loads(json.dumps(pt.to_json())))
    assert again.to_json() == pt.to_json()
    assert [p.text for p in again.paragraphs()] == [p.text for p in pt.paragraphs()]
    assert [o.text for o in again.choices()] == [o.text for o in pt.choices()]


@given(seeds, picks, picks)
def test_undo_returns_exactly_the_earlier_state(seed, first, second):
    pt = play(seed, first)
    earlier = pt.to_json()
    turn = pt.turn
    for move in second:
        if pt.is_over:
            break
        pt.choose(move % len(pt.choices()))
    pt.undo(turn)
    assert pt.to_json() == earlier


@given(seeds, picks)
def test_same_seed_and_choices_give_the_same_run(seed, moves):
    assert play(seed, moves).to_json() == play(seed, moves).to_json()


@given(seeds, picks)
def test_continuing_after_a_reload_matches_continuing_without(seed, moves):
    half = len(moves) // 2
    straight = play(seed, moves)
    pt = play(seed, moves[:half])
    pt = Playthrough.from_json(STORY, json.loads(json.dumps(pt.to_json())))
    for move in moves[half:]:
        if pt.is_over:
            break
        pt.choose(move % len(pt.choices()))
    assert pt.to_json() == straight.to_json()


FILES = [p.relative_to(MINI) for p in sorted(MINI.rglob("*.yaml"))]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("mutants")


def _load_mutant(workdir, rel, data: bytes):
    root = workdir / "story"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(MINI, root)
    (root / rel).write_bytes(data)
    try:
        load_story(root)
    except StoryError as exc:
        assert exc.problems, "a StoryError always lists its problems"
        for problem in exc.problems:
            assert problem.file and problem.message


slow = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip


@slow
@given(st.sampled_from(FILES), st.binary(max_size=300))
def test_random_bytes_only_give_story_error(workdir, rel, data):
    _load_mutant(workdir, rel, data)


@slow
@given(st.sampled_from(FILES), st.data())
def test_random_mutations_only_give_story_error(workdir, rel, data):
    text = (MINI / rel).read_text()
    for _ in range(data.draw(st.integers(1, 4))):
        if not text:
            break
        at = data.draw(st.integers(0, len(text) - 1))
        kind = data.draw(st.sampled_from(["delete", "insert", "replace", "swap_lines"]))
        piece = data.draw(st.sampled_from([*list(" \t\n:-[]{}'\"#&*!|>%@`,0a_"), "  ", "- x", "true", "{debt}", "[[bai", "if: ", "goto: "]))  # fmt: skip
        if kind == "delete":
            text = text[:at] + text[at + data.draw(st.integers(1, 20)) :]
        elif kind == "insert":
            text = text[:at] + piece + text[at:]
        elif kind == "replace":
            text = text[:at] + piece + text[at + 1 :]
        else:
            lines = text.splitlines(keepends=True)
            i = at % len(lines)
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "".join(lines)
    _load_mutant(workdir, rel, text.encode())
