"""Every recorded plan in story/plans replays to what it expects (fails until the story does)."""

from __future__ import annotations

import pytest

from game.authoring.plans import check_plan_file, plan_files
from game.engine import load_story
from tests.conftest import STORY

PLANS = plan_files(STORY)


@pytest.fixture(scope="module")
def story():
    return load_story(STORY)


def test_the_story_has_plans():
    assert PLANS, "story/plans/ holds no plans"


@pytest.mark.parametrize("plan", PLANS, ids=[p.stem for p in PLANS])
def test_plan(story, plan):
    failures = check_plan_file(story, plan)
    assert not failures, "\n".join(failures)
