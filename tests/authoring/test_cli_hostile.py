"""Every subcommand given a missing, wrong-kind or unwritable path, or a nonsense argument, ends
with a non-zero status and one clear line, never a traceback; `new` leaves nothing half-made."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from game.cli import main
from tests.conftest import FIXTURES, ROOT

MINI = FIXTURES / "mini"


@pytest.fixture
def place(tmp_path):
    (tmp_path / "afile").write_text("hello\n")
    (tmp_path / "adir").mkdir()
    return tmp_path


CASES = [
    ["check", "{missing}"],
    ["check", "{afile}"],
    ["check", "/dev/null"],
    ["walk", "{afile}"],
    ["walk", "{mini}", "--random", "-5"],
    ["walk", "{mini}", "--random", "many"],
    ["walk", "{mini}", "--cap", "0"],
    ["plans", "{adir}"],
    ["graph", "{afile}"],
    ["graph", "{mini}", "--out", "{adir}"],
    ["graph", "{mini}", "--out", "{missing}/x/y.dot"],
    ["tty", "{afile}"],
    ["tty", "{mini}", "--replay", "{adir}"],
    ["new", "perspective", "x", "--story", "{afile}"],
    ["new", "scene", "{afile}"],
    ["i18n", "--story", "{missing}", "update"],
    ["i18n", "--story", "{afile}", "stats"],
    ["stats", "--db", "{afile}"],
    ["stats", "--db", "{missing}"],
    ["stats", "--csv", "{adir}"],
    ["kiosk", "--config", "{adir}"],
    ["kiosk", "--config", "/dev/null", "--no-supervise"],
    ["kiosk", "--size", "0x0"],
    ["kiosk", "--size", "big"],
    ["screenshots", "{afile}"],
]


@pytest.mark.parametrize("argv", CASES, ids=[" ".join(c) for c in CASES])
def test_a_bad_path_or_argument_is_one_clear_line(place, argv, capsys):
    names = {"missing": place / "missing", "afile": place / "afile", "adir": place / "adir",
             "mini": MINI}  # fmt: skip
    argv = [a.format(**names) for a in argv]
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's refusal
        code = exc.code
    out, err = capsys.readouterr()
    assert code not in (0, None)
    assert "Traceback" not in out + err
    said = [line for line in (err or out).splitlines() if line.strip()]
    assert said, "nothing said"
    assert len([line for line in err.splitlines() if "error" in line.lower()]) <= 1


def test_i18n_with_a_missing_story_writes_nothing():
    before = {p: p.read_bytes() for p in (ROOT / "game" / "locales").rglob("*.po")}
    assert main(["i18n", "--story", "/nonexistent/story", "update"]) == 1
    assert {p: p.read_bytes() for p in before} == before


def test_new_perspective_leaves_nothing_half_made(tmp_path):
    root = tmp_path / "story"
    shutil.copytree(MINI, root)
    story = root / "story.yaml"
    story.write_text(story.read_text().replace("perspectives: [farmer]", "perspectives:\n  {}"))
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    assert main(["new", "perspective", "weaver", "--story", str(root)]) == 1
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_new_perspective_in_a_read_only_story_is_undone(tmp_path):
    root = tmp_path / "story"
    shutil.copytree(MINI, root)
    (root / "perspectives").chmod(0o500)
    try:
        assert main(["new", "perspective", "weaver", "--story", str(root)]) == 1
    finally:
        (root / "perspectives").chmod(0o700)
    assert not (root / "perspectives" / "weaver").exists()
    assert "weaver" not in (root / "story.yaml").read_text()


def test_new_perspective_undoes_its_folder_when_the_story_cannot_be_written(tmp_path, monkeypatch):
    from game.authoring import scaffold

    root = tmp_path / "story"
    shutil.copytree(MINI, root)
    before = (root / "story.yaml").read_text()

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(scaffold, "write_text", full_disk)
    assert main(["new", "perspective", "weaver", "--story", str(root)]) == 1
    assert not (root / "perspectives" / "weaver").exists()
    assert (root / "story.yaml").read_text() == before


def test_the_real_command_line_says_one_line(tmp_path):
    (tmp_path / "afile").write_text("x")
    result = subprocess.run([sys.executable, "-m", "game", "graph", str(MINI), "--out",
                             str(tmp_path)], capture_output=True, text=True, cwd=ROOT,
                            timeout=120)  # fmt: skip
    assert (
        result.returncode == 1
        and result.stderr.count("\n") == 1
        and "Is a directory" in (result.stderr)
    )
