"""Each broken fixture story gives the expected file:line:col and message, and nothing crashes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from game.engine import StoryError, load_story, read_story
from tests.conftest import FIXTURES, ROOT

BROKEN = FIXTURES / "broken"
FIELD = "perspectives/farmer/01_field.yaml"

# fixture: (file inside the fixture, line, col, words in the message, words in the hint)
EXPECTED = {
    "tab_indent": (FIELD, 32, 1, "tab character", "spaces"),
    "unclosed_quote": (FIELD, 8, 9, "quotation mark is never closed", "close the quote"),
    "number_as_text": (
        "perspectives/farmer/perspective.yaml",
        10,
        12,
        "'debt' starts as the text \"3\", not a number",
        "without quotes",
    ),
    "unclosed_bracket": (FIELD, 44, 13, "opened with '[' is never closed", "close the list"),
    "second_document": (
        "perspectives/farmer/02_end.yaml",
        16,
        1,
        "a second document ('---')",
        "delete the '---' line",
    ),
    "bad_indent": (FIELD, 41, 4, "indentation", "same number of spaces"),
    "duplicate_key": (FIELD, 33, 5, "duplicate key 'title'", "once"),
    "misspelt_target": (FIELD, 24, 15, "unknown scene 'teachr'", "did you mean 'teacher'?"),
    "unknown_place": (FIELD, 42, 12, "unknown place 'kokandd'", "did you mean 'kokand'?"),
    "unknown_term": (FIELD, 8, 48, "unknown codex term 'baii'", "did you mean 'bai'?"),
    "unknown_variable": (FIELD, 19, 13, "unknown variable 'dept'", "did you mean 'debt'?"),
    "type_mismatch": (FIELD, 20, 24, "'money' holds a whole number", "type of its initial"),
    "expression_syntax": (FIELD, 26, 25, "'&&'", "write 'and'"),
    "unknown_function": (FIELD, 11, 13, "unknown function 'visit'", "did you mean 'visits'?"),
    "missing_goto": (FIELD, 37, 9, "'goto' is missing", "goto:"),
    "unknown_key": (FIELD, 33, 5, "unknown key 'dat'", "did you mean 'date'?"),
    "bad_date": (FIELD, 41, 11, "'July 1916' is not a date", "1916-07"),
    "unknown_event_person": (
        "history/registry.yaml",
        36,
        14,
        "unknown person 'irgash_beg'",
        "did you mean 'irgash_bey'?",
    ),
    "documented_without_sources": ("history/registry.yaml", 16, 3, "has no sources", "sources:"),
    "unknown_start": (
        "perspectives/farmer/perspective.yaml",
        5,
        8,
        "unknown scene 'feild'",
        "did you mean 'field'?",
    ),
    "not_utf8": (FIELD, 32, 27, "not UTF-8", "UTF-8"),
    "empty_file": ("perspectives/farmer/03_empty.yaml", 1, 1, "the file is empty", "delete"),
    "duplicate_scene": (
        "perspectives/farmer/03_dup.yaml",
        2,
        3,
        "duplicate scene id 'home'",
        "unique",
    ),
    "missing_perspective": ("story.yaml", 6, 24, "perspective 'refugee' has no", "remove the id"),
}


def test_every_broken_fixture_is_listed():
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_fixture_reports_position_message_and_hint(name):
    file, line, col, message, hint = EXPECTED[name]
    result = read_story(BROKEN / name)
    assert result.story is None
    errors = result.errors
    assert len(errors) == 1, [str(p) for p in errors]  # one mistake, one message: no cascades
    problem = errors[0]
    assert problem.file == f"{name}/{file}"
    assert (problem.line, problem.col) == (line, col)
    assert message in problem.message
    assert hint in (problem.hint or "")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_load_story_raises_the_one_error_type(name):
    with pytest.raises(StoryError) as caught:
        load_story(BROKEN / name)
    assert f"{name}/{EXPECTED[name][0]}:{EXPECTED[name][1]}:" in str(caught.value)


def test_missing_story_folder_is_a_clear_error(tmp_path):
    result = read_story(tmp_path / "nowhere")
    assert result.story is None
    assert "does not exist" in result.errors[0].message


def test_folder_without_story_yaml(tmp_path):
    result = read_story(tmp_path)
    assert "no story.yaml" in result.errors[0].message


@pytest.mark.parametrize("name", ["misspelt_target", "tab_indent"])
def test_check_command_prints_file_line_col_and_exits_1(name):
    proc = subprocess.run([sys.executable, "-m", "game", "check", str(BROKEN / name)],
                          capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert proc.returncode == 1
    file, line, col, message, _ = EXPECTED[name]
    assert f"{name}/{file}:{line}:{col}: error" in proc.stdout
    assert message in proc.stdout
    assert "Traceback" not in proc.stderr


def test_check_command_on_clean_story_exits_0():
    proc = subprocess.run([sys.executable, "-m", "game", "check", str(FIXTURES / "mini")],
                          capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert proc.returncode == 0, proc.stdout
    # The one warning: mini's 'Go home' fallback never falls due (walk tests rely on it).
    assert "0 error(s), 1 warning(s)" in proc.stdout and "W513" in proc.stdout


def test_a_number_written_as_text_is_reported_once_where_it_is_declared():
    problems = [p for p in read_story(BROKEN / "number_as_text").problems if p.severity == "error"]
    assert [(p.file.split("/", 1)[1], p.line, p.code) for p in problems] == [
        ("perspectives/farmer/perspective.yaml", 10, "E303")
    ]
