"""`new`: a perspective or a scene file from a template, and the story still passes check."""

from __future__ import annotations

import io
import shutil

import pytest

from game.authoring import scaffold
from game.authoring.check import collect_problems
from game.cli import build_parser, main
from tests.conftest import FIXTURES


@pytest.fixture
def root(tmp_path):
    shutil.copytree(FIXTURES / "mini", tmp_path / "mini")
    return tmp_path / "mini"


def _new(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    return scaffold.run(build_parser().parse_args(["new", *args]), out), out.getvalue()


def test_new_perspective_passes_check_without_a_warning(root):
    code, text = _new("perspective", "samarkand_student", "--story", str(root))
    assert code == 0 and "created" in text
    assert "perspectives: [farmer, samarkand_student]" in (root / "story.yaml").read_text()
    mine = [p for p in collect_problems(root) if "samarkand_student" in p.file]
    assert mine == []
    assert main(["walk", str(root), "--perspective", "samarkand_student", "--random", "5"]) == 0


def test_new_perspective_in_a_block_list(root):
    story = root / "story.yaml"
    story.write_text(
        story.read_text().replace("perspectives: [farmer]", "perspectives:\n  - farmer")
    )
    assert _new("perspective", "nomad", "--story", str(root))[0] == 0
    assert "perspectives:\n  - farmer\n  - nomad\n" in story.read_text()
    assert not [p for p in collect_problems(root) if p.severity == "error"]


def test_new_perspective_refuses_bad_or_taken_ids(root):
    assert _new("perspective", "Bad-Id", "--story", str(root))[0] == 1
    code, text = _new("perspective", "farmer", "--story", str(root))
    assert code == 1 and "already exists" in text


def test_new_scene_passes_check_and_asks_to_be_linked(root):
    path = root / "perspectives" / "farmer" / "03_well.yaml"
    code, text = _new("scene", str(path))
    assert code == 0 and "goto: well" in text
    problems = collect_problems(root)
    assert not [p for p in problems if p.severity == "error"]
    [unlinked] = [p for p in problems if "03_well.yaml" in p.file]
    assert unlinked.code == "W501" and "'goto: well'" in unlinked.hint
    assert "goto: field" in path.read_text()  # the template leads to the perspective's start


def test_new_scene_refuses_outside_a_perspective_and_taken_ids(root):
    assert _new("scene", str(root / "history" / "x.yaml"))[0] == 1
    code, text = _new("scene", str(root / "perspectives" / "farmer" / "09.yaml"), "--id", "home")
    assert code == 1 and "already exists" in text
