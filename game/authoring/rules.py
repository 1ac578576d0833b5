"""The lint rules as data: a stable code, a severity, a title and where the docs explain each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from game.engine.errors import Problem
from game.engine.model import Where

DOCS = "docs/authoring.md"


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    severity: str  # "error" fails `check`; "warning" fails only `check --strict`
    title: str

    @property
    def anchor(self) -> str:
        """The heading id of the rule's section in docs/authoring.md."""
        return self.code.lower()

    @property
    def doc(self) -> str:
        return f"{DOCS}#{self.anchor}"


# Codes never change meaning; a retired rule keeps its number unused. 5xx: the story's paths
# and logic; 6xx: history and reading; 7xx: translations. The loader's own codes are E0xx–E4xx
# and W1xx.
RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule("W501", "warning", "unreachable scene"),
        Rule("E502", "error", "dead end"),
        Rule("W503", "warning", "condition that can never hold"),
        Rule("W504", "warning", "variable set but never read"),
        Rule("W505", "warning", "variable read but never set"),
        Rule("W506", "warning", "variable never used"),
        Rule("W507", "warning", "once-only choices can run out"),
        Rule("E510", "error", "loop with no way out"),
        Rule("W511", "warning", "condition that always holds"),
        Rule("W512", "warning", "ending that can never be reached"),
        Rule("W513", "warning", "fallback never offered"),
        Rule("W601", "warning", "date goes backwards"),
        Rule("W602", "warning", "date outside the event"),
        Rule("E603", "error", "person after their death"),
        Rule("E604", "error", "violent event without a content warning"),
        Rule("W605", "warning", "text block too long"),
        Rule("W606", "warning", "straight quote mark in text"),
        Rule("E701", "error", "translation breaks the markup"),
    )
}


class Finding(NamedTuple):
    """One rule's verdict at one place, before it becomes a Problem."""

    code: str
    where: Where
    message: str
    hint: str | None = None

    def problem(self) -> Problem:
        rule = RULES[self.code]
        file, line, col = self.where
        return Problem(file, line, col, self.message, self.hint, rule.code, rule.severity)
