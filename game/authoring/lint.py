"""The linter: run every rule of game.authoring.rules over a loaded story."""

from __future__ import annotations

from game.authoring import lint_flow, lint_history, lint_paths, lint_vars
from game.authoring.flow import Flow, analyse
from game.authoring.rules import RULES, Finding
from game.engine.errors import Problem
from game.engine.model import Story

__all__ = ["RULES", "lint", "lint_findings"]


def lint_findings(story: Story, flows: dict[str, Flow] | None = None) -> list[Finding]:
    """Every rule's findings, perspective by perspective, then the registries'."""
    found: list[Finding] = []
    for perspective in story.perspectives:
        flow = flows[perspective.id] if flows else analyse(story, perspective)
        found += lint_flow.check(flow)
        found += lint_paths.check(flow)
        found += lint_vars.check(story, perspective)
        found += lint_history.check(story, perspective)
    found += lint_history.check_registries(story)
    return found


def lint(story: Story) -> list[Problem]:
    problems = [f.problem() for f in lint_findings(story)]
    return sorted(problems, key=lambda p: (p.file, p.line, p.col, p.code))
