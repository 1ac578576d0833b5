"""`check` answers from its cache while nothing has changed, and checks afresh after an edit."""

from __future__ import annotations

import io
import json
import shutil

import pytest

from game.authoring import check
from game.cli import build_parser
from tests.authoring.conftest import edit
from tests.conftest import FIXTURES


def _check(root, *extra: str) -> tuple[int, str]:
    out = io.StringIO()
    status = check.run(build_parser().parse_args(["check", str(root), *extra]), out)
    return status, out.getvalue()


@pytest.fixture
def story(tmp_path):
    return shutil.copytree(FIXTURES / "mini", tmp_path / "story")


def test_an_unchanged_story_is_not_read_again(story, monkeypatch):
    first = _check(story, "--strict")
    reads = []
    monkeypatch.setattr(check, "_collect", lambda root: reads.append(root) or ([], None))
    assert _check(story, "--strict") == first
    assert reads == []


def test_an_edit_is_checked_afresh(story, monkeypatch):
    status, text = _check(story, "--format", "json")
    assert status == 0 and json.loads(text)["errors"] == 0
    edit(story / "story.yaml", "format: 1", "format: 99")
    status, text = _check(story, "--format", "json")
    assert status == 1
    assert "needs format 99" in json.loads(text)["problems"][0]["message"]


def test_the_coverage_table_is_made_once_a_text_check_needs_it(story, monkeypatch):
    json_first = _check(story, "--format", "json")
    reads = []
    monkeypatch.setattr(check, "_collect", lambda root: reads.append(root) or ([], None))
    assert _check(story, "--format", "json") == json_first
    assert reads == []  # the problems came from the cache; the table is made for the text
    status, text = _check(story, "--languages")
    assert status == 0 and "W513" in text and reads == []  # the cached findings, printed


def test_walk_plays_an_unchanged_story_from_the_validated_cache(story, monkeypatch):
    from game.authoring import walk
    from game.engine import load

    args = build_parser().parse_args(["walk", str(story), "--random", "20"])
    assert walk.run(args, io.StringIO()) == 0  # reads the files once and caches them

    def no_read(*a, **k):
        raise AssertionError("the story files were read again")

    monkeypatch.setattr(load, "read_story", no_read)
    out = io.StringIO()
    assert walk.run(args, out) == 0
    assert "20 random runs" in out.getvalue()
