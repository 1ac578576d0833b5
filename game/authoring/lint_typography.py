"""W606: straight quote marks in the story's text, where the page wants typographic ones."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from game.authoring.rules import Finding
from game.engine.sourcedata import SourceFile
from game.engine.strings import TString

# {expressions} are code (their quotes delimit strings); {{ and }} are literal braces.
_CODE = re.compile(r"\{\{|\}\}|\{[^{}]*\}")
_STRAIGHT = re.compile(r"['\"]")


def straight_quotes(strings: Iterable[TString], files: Iterable[SourceFile]) -> Iterator[Finding]:
    """One finding per string that shows a straight ' or ", at the first of them."""
    paths = {src.shown: src.path for src in files}
    lines: dict[str, list[str]] = {}
    for string in strings:
        prose = _CODE.sub(_blank_code, string.text)
        mark = _STRAIGHT.search(prose)
        if mark is None:
            continue
        word = _word_at(prose, mark.start())
        if string.file not in lines:
            lines[string.file] = _read_lines(paths.get(string.file))
        line, col = _locate(lines[string.file], string.line, word, mark.group())
        yield _finding((string.file, line, col), word, mark.group())


def _blank_code(match: re.Match) -> str:
    text = match.group()
    return text if text in ("{{", "}}") else " " * len(text)


def _word_at(text: str, index: int) -> str:
    start = text.rfind(" ", 0, index) + 1
    end = text.find(" ", index)
    return text[start : end if end >= 0 else len(text)]


def _read_lines(path: Path | None) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines() if path else []
    except (OSError, UnicodeDecodeError):
        return []


def _locate(lines: list[str], first: int, word: str, mark: str) -> tuple[int, int]:
    """The line and column of `word`'s quote mark, searching from the string's first line (a
    word is never folded across lines); the string's start when it cannot be found."""
    for number in range(first, len(lines) + 1):
        at = lines[number - 1].find(word)
        if at >= 0:
            return number, at + word.index(mark) + 1
    return first, 1


def _finding(where: tuple[str, int, int], word: str, mark: str) -> Finding:
    if mark == "'":
        fixed = word.replace("'", "’")
        return Finding("W606", where, f"straight apostrophe in “{word}”",
                       f"write {fixed}: ’ is the apostrophe")  # fmt: skip
    return Finding("W606", where, f"straight quote mark in “{word}”",
                   "write “ to open a quotation and ” to close it")  # fmt: skip


_OPENS_AFTER = " \t\n([{—–-/“‘«"  # a quote mark after one of these (or first) opens a quotation


def typographic(text: str) -> str:
    """`text` with its straight quote marks made typographic, its {expressions} left alone:
    ' is the apostrophe ’ (or ‘ opening a quotation), " opens “ or closes ”."""
    out: list[str] = []
    pos = 0
    for code in _CODE.finditer(text):
        out.append(_curl(text[pos : code.start()], out))
        out.append(code.group())
        pos = code.end()
    out.append(_curl(text[pos:], out))
    return "".join(out)


def _curl(prose: str, before: list[str]) -> str:
    last = before[-1][-1:] if before and before[-1] else ""
    chars: list[str] = []
    for c in prose:
        opening = (chars[-1] if chars else last or " ") in _OPENS_AFTER
        if c == '"':
            c = "“" if opening else "”"
        elif c == "'":
            c = "‘" if opening else "’"
        chars.append(c)
    return "".join(chars)


class Change(NamedTuple):
    """One word `check --fix` rewrote (or could not find as written, when `done` is False)."""

    file: str
    line: int
    old: str
    new: str
    done: bool


def fix_quotes(strings: Iterable[TString], files: Iterable[SourceFile]) -> list[Change]:
    """Rewrite, in the files, every word of story text that holds a straight quote mark.

    typographic() keeps every character in its place, so each word of a string and its fixed
    form line up; the word is then replaced where it is written, from the string's first line
    on. A word written with YAML escapes (\\" or '') is not found as shown and is left, listed
    as not done, for the author."""
    paths = {src.shown: src.path for src in files}
    lines: dict[str, list[str]] = {}
    changes: list[Change] = []
    for string in strings:
        fixed = typographic(string.text)
        if fixed == string.text or paths.get(string.file) is None:
            continue
        if string.file not in lines:
            lines[string.file] = _read_lines(paths[string.file])
        for old, new in _changed_words(string.text, fixed):
            changes.append(_replace(lines[string.file], string, old, new))
    for shown, text in lines.items():
        if any(c.done and c.file == shown for c in changes):
            paths[shown].write_text("\n".join(text) + "\n", "utf-8")
    return changes


def _changed_words(text: str, fixed: str) -> list[tuple[str, str]]:
    pairs = []
    for match in re.finditer(r"\S+", text):
        new = fixed[match.start() : match.end()]
        if new != match.group():
            pairs.append((match.group(), new))
    return pairs


def _replace(lines: list[str], string: TString, old: str, new: str) -> Change:
    for number in range(string.line, len(lines) + 1):
        at = lines[number - 1].find(old)
        if at >= 0:
            lines[number - 1] = lines[number - 1][:at] + new + lines[number - 1][at + len(old) :]
            return Change(string.file, number, old, new, True)
    return Change(string.file, string.line, old, new, False)
