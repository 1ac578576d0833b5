"""Hostile story files: every resource bound is an ordinary problem with file:line, never a
hang, a RecursionError, a MemoryError or a ValueError."""

from __future__ import annotations

import os
import shutil
import threading

import pytest

from game.engine import limits, read_story
from game.engine.expr import Env, ExprError, StoryRuntimeError, compile_effects, compile_expression
from game.engine.yamlsrc import read_yaml
from tests.conftest import FIXTURES

FIELD = "perspectives/farmer/01_field.yaml"


@pytest.fixture
def story(tmp_path):
    root = tmp_path / "story"
    shutil.copytree(FIXTURES / "mini", root)
    return root


def _read(tmp_path, text: str):
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    return read_yaml(path, "f.yaml")


def _messages(src) -> str:
    return " | ".join(f"{p.line}:{p.message}" for p in src.problems)


def test_alias_expansion_is_bounded(tmp_path):
    """Nine levels of nine aliases: 300 bytes that would expand to 387 million values."""
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    src = _read(tmp_path, "\n".join(lines) + "\n")
    assert src.data is None
    assert "too many values" in _messages(src)


def test_a_cycle_of_aliases_is_refused(tmp_path):
    src = _read(tmp_path, "a: &x [1, *x]\n")
    assert "nested too deeply" in _messages(src)


def test_deep_nesting_is_an_error_with_a_line(tmp_path):
    deep = "a: " + "[" * 60 + "]" * 60 + "\n"
    src = _read(tmp_path, deep)
    assert src.problems[0].line == 1 and "nested too deeply" in src.problems[0].message
    block = "a:\n" + "".join("  " * i + "- \n" for i in range(1, 500))
    assert "nested too deeply" in _messages(_read(tmp_path, block))


def test_huge_text_and_numbers(tmp_path):
    src = _read(tmp_path, "a: 1\nb: " + "x " * limits.MAX_TEXT_CHARS + "\n")
    assert src.problems[0].line == 2 and "too long" in src.problems[0].message
    src = _read(tmp_path, "a: 1\nb: " + "9" * 5000 + "\n")
    assert src.problems[0].line == 2 and "number is too long" in src.problems[0].message
    assert "not a usable number" in _messages(_read(tmp_path, "a: .nan\n"))


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.yaml"
    with open(path, "wb") as f:
        f.truncate(limits.MAX_FILE_BYTES + 1)
    assert "too large" in _messages(read_yaml(path, "big.yaml"))


def _load_in_thread(root):
    """Read the story on a thread, so that a hang fails the test instead of stalling it."""
    out = {}
    thread = threading.Thread(target=lambda: out.setdefault("r", read_story(root)), daemon=True)
    thread.start()
    thread.join(20)
    assert "r" in out, "the loader hung"
    return out["r"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
def test_a_fifo_named_like_a_story_file_is_refused(story):
    os.mkfifo(story / "perspectives/farmer/03_pipe.yaml")
    result = _load_in_thread(story)
    assert any("a device or a pipe" in p.message and "03_pipe" in p.file for p in result.errors)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_link_out_of_the_story_folder_is_refused(story):
    (story / "history/zero.yaml").symlink_to("/dev/zero")
    result = _load_in_thread(story)
    assert any("outside the story folder" in p.message for p in result.errors)


def test_a_linked_folder_leading_out_of_the_story_is_refused(story, tmp_path):
    outside = tmp_path / "elsewhere"
    shutil.copytree(story / "perspectives" / "farmer", outside)
    shutil.rmtree(story / "perspectives" / "farmer")
    (story / "perspectives" / "farmer").symlink_to(outside, target_is_directory=True)
    errors = read_story(story).errors
    assert errors and all("outside the story folder" in p.message for p in errors)


def test_a_folder_named_like_a_story_file_is_refused(story):
    (story / "perspectives/farmer/03_folder.yaml").mkdir()
    result = read_story(story)
    assert any("a folder" in p.message and "03_folder" in p.file for p in result.errors)


def test_too_many_files_in_a_folder(story, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILES", 3)
    for n in range(3):
        (story / f"perspectives/farmer/09_{n}.yaml").write_text("scenes: {}\n")
    assert any("at most 3 are read" in p.message for p in read_story(story).errors)


def test_conditional_paragraphs_nested_too_deeply(story):
    nested = "text: deep"
    for _ in range(limits.MAX_CONDITIONAL_DEPTH + 2):
        nested = "{if: 'debt > 0', " + nested.replace("text: deep", "text: [deep]") + "}"
        nested = "text: [" + nested + "]"
    path = story / FIELD
    path.write_text(path.read_text().replace("text: He speaks of schools.", nested))
    errors = read_story(story).errors
    assert any("conditional paragraphs are nested too deeply" in p.message for p in errors)
    assert all(p.file.endswith("01_field.yaml") for p in errors)


ENV = Env({"x": "int", "s": "str"})


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("(" * 100 + "1" + ")" * 100, "nested too deeply"),
        ("-" * 500 + "1", "nested too deeply"),
        ("not " * 200 + "true", "nested too deeply"),
        ("x" + " + 1" * 100, "too many operators"),
        ("x" + " + 1" * 2000, "too long"),
        ("9" * 30, "number is too long"),
        ("x // 0", "division by zero"),
        ("x % (3 - 3)", "division by zero"),
        ("x // min(0, 4)", "division by zero"),
    ],
)
def test_expression_bounds(source, words):
    with pytest.raises(ExprError) as err:
        compile_expression(source, ENV)
    assert words in err.value.message


def test_division_by_a_variable_is_left_to_run_time():
    assert compile_expression("10 // x", ENV).type == "int"


class _Ctx:
    def __init__(self, **values):
        self.vars, self.visits = values, {}


def test_a_value_growing_without_bound_stops_with_a_runtime_error():
    effects = compile_effects("x = x * x", ENV)
    ctx = _Ctx(x=10)
    with pytest.raises(StoryRuntimeError, match="grew beyond"):
        for _ in range(10):
            effects.apply(ctx)
    grow = compile_effects("s += s", ENV)
    ctx = _Ctx(s="ab")
    with pytest.raises(StoryRuntimeError, match="grew longer"):
        for _ in range(40):
            grow.apply(ctx)


def test_check_reports_a_constant_division_with_file_and_line(story):
    path = story / FIELD
    path.write_text(path.read_text().replace("do: debt -= 1; money += 2", "do: debt -= 1 // 0"))
    errors = read_story(story).errors
    assert [(p.file.endswith("01_field.yaml"), p.line) for p in errors] == [(True, 20)]
    assert "division by zero" in errors[0].message
