"""Each lint rule: a fixture that trips it where expected, and one that does not trip it."""

from __future__ import annotations

import io
import json
import re

import pytest
import yaml

from game.authoring import check
from game.authoring.check import collect_problems
from game.authoring.rules import RULES
from game.cli import build_parser
from tests.authoring.conftest import LINT, build_case
from tests.conftest import ROOT

CASES = sorted(p.stem for p in LINT.glob("*.yaml"))


def _rule(name: str) -> str:
    spec = yaml.safe_load((LINT / f"{name}.yaml").read_text("utf-8"))
    return spec.get("rule") or name.split("_")[0]


def _problems(name: str, tmp_path):
    root = build_case(LINT / f"{name}.yaml", tmp_path / name)
    return collect_problems(root)


def _inside(file: str) -> str:
    return file.split("/", 1)[1]  # drop the story folder's own name


@pytest.mark.parametrize("name", [c for c in CASES if "_trips" in c])
def test_fixture_trips_its_rule_where_expected(name, tmp_path):
    spec = yaml.safe_load((LINT / f"{name}.yaml").read_text("utf-8"))
    code = _rule(name)
    found = [p for p in _problems(name, tmp_path) if p.code == code]
    assert found, f"{name}: {code} was not reported"
    where = {f"{_inside(p.file)}:{p.line}" for p in found}
    assert spec["at"] in where, f"{name}: {code} reported at {where}, not {spec['at']}"
    assert all(p.hint for p in found), "every finding says how to fix it"


@pytest.mark.parametrize("name", [c for c in CASES if c.endswith("_clean")])
def test_clean_fixture_does_not_trip_its_rule(name, tmp_path):
    problems = _problems(name, tmp_path)
    assert not [p for p in problems if p.code == _rule(name)], problems
    assert not [p for p in problems if p.severity == "error"], problems


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_both_fixtures(code):
    assert any(c.startswith(f"{code}_trips") for c in CASES)
    assert f"{code}_clean" in CASES


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_is_documented_with_example_and_fix(code):
    docs = (ROOT / "docs" / "authoring.md").read_text("utf-8")
    rule = RULES[code]
    heading = re.search(rf"^### {code}: (.+)$", docs, re.M)
    assert heading, f"docs/authoring.md has no '### {code}: …' heading"
    assert rule.title in heading.group(1).lower()
    section = docs[heading.end() : docs.find("\n### ", heading.end())]
    assert "Fails" in section and "Fix" in section, f"{code}: give a failing example and a fix"
    assert rule.severity in section


def test_codes_are_unique_and_outside_the_loader_range():
    for code, rule in RULES.items():
        assert re.fullmatch(r"[EW][567]\d\d", code)
        assert code[0] == rule.severity[0].upper()


def test_shipped_story_has_no_lint_errors():
    problems = collect_problems(ROOT / "story")
    assert not [p for p in problems if p.severity == "error"], "\n".join(map(str, problems))


def test_check_json_and_strict_include_the_lint_rules(story_case):
    root = story_case("W501_trips")
    out = io.StringIO()
    assert check.run(build_parser().parse_args(["check", str(root)]), out) == 0
    assert "warning W501" in out.getvalue()
    strict = build_parser().parse_args(["check", str(root), "--strict", "--format", "json"])
    out = io.StringIO()
    assert check.run(strict, out) == 1
    report = json.loads(out.getvalue())
    assert report["errors"] == 0 and report["warnings"] == 1
    assert report["problems"][0]["code"] == "W501" and report["problems"][0]["line"] == 8


def test_straight_quotes_are_reported_at_the_mark_with_the_fixed_word(story_case):
    found = {p.line: p for p in collect_problems(story_case("W606_trips")) if p.code == "W606"}
    assert (found[7].col, found[7].message) == (15, "straight apostrophe in “it's”")
    assert "it’s" in found[7].hint
    found = [p for p in collect_problems(story_case("W606_trips_quotes")) if p.code == "W606"]
    assert [(p.line, p.col) for p in found] == [(6, 19)]  # one finding for the choice, at “


def test_check_fix_rewrites_straight_quotes_and_says_what_changed(story_case):
    root = story_case("W606_trips_quotes")
    scene_file = root / "perspectives" / "farmer" / "01.yaml"
    scene_file.write_text(scene_file.read_text("utf-8").replace(
        "text: You sleep.", "text: 'You''re home. It''s \"late\".'"), "utf-8")  # fmt: skip
    out = io.StringIO()
    code = check.run(build_parser().parse_args(["check", str(root), "--fix", "--strict"]), out)
    said = out.getvalue()
    assert 'fixed "not → “not' in said and 'fixed tonight" → tonight”' in said
    assert "not fixed You're (written with YAML escapes: write You’re yourself)" in said
    text = scene_file.read_text("utf-8")
    assert "- text: Say “not tonight”" in text and "It''s “late”." in text
    assert code == 1  # the escaped apostrophes are still there, for the author
    assert [p.code for p in collect_problems(root)] == ["W606"]
