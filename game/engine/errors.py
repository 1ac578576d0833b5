"""Problems found in a story, and the one error type that carries them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


class Problem(NamedTuple):
    """One mistake in a story file, with where it is and how to fix it."""

    file: str
    line: int
    col: int
    message: str
    hint: str | None = None
    code: str = "E100"
    severity: str = "error"

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.col}: {self.severity} {self.code}: {self.message}"
        return f"{text}\n    hint: {self.hint}" if self.hint else text

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
        }


class StoryError(Exception):
    """Raised when a story (or a save of it) cannot be used; lists every problem found."""

    def __init__(self, problems: Iterable[Problem] | str):
        if isinstance(problems, str):
            problems = [Problem("<story>", 0, 0, problems)]
        self.problems: list[Problem] = list(problems)
        super().__init__(self.summary())

    def summary(self) -> str:
        if len(self.problems) == 1:  # one problem is one line: it names itself an error
            return str(self.problems[0])
        errors = [p for p in self.problems if p.severity == "error"]
        head = f"{len(errors)} error(s) in the story"
        return head + ":\n" + "\n".join(str(p) for p in self.problems)


class SaveError(StoryError):
    """A saved game that is corrupt or no longer fits the story."""

    def __init__(self, message: str):
        self.message = message
        super().__init__([Problem("<save>", 0, 0, message, code="E900")])

    def summary(self) -> str:
        return self.message


def suggest(name: str, candidates: Iterable[str]) -> str | None:
    """A 'did you mean' hint naming the closest valid id, if one is close enough."""
    import difflib  # only when there is a mistake to explain

    close = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None
