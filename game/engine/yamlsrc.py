"""Read YAML files safely into plain data that remembers where each value came from."""

from __future__ import annotations

import re
from pathlib import Path
from sys import intern as _intern
from typing import Any

import yaml

try:  # libyaml's parser is 5–8× faster than the pure-Python one
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - only where libyaml is missing
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

from game.engine import limits
from game.engine.errors import Problem
from game.engine.safefile import BadFile, read_bounded
from game.engine.sourcedata import Pos, SourceFile, YMap, YSeq

__all__ = ["Pos", "SourceFile", "YMap", "YSeq", "read_yaml"]


_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_scalar_constructor = yaml.constructor.SafeConstructor()
# Plain scalars that can only be text: the standard resolver tries a dozen regular expressions
# on every scalar, which is most of the parse time of a story; text that starts with a letter
# outside these can be nothing but a string.
_MAYBE_TYPED = frozenset("0123456789-+.~nNtTfFyYoO<=")


class _Loader(_BaseLoader):
    """The safe loader with a shortcut for scalars that are plainly text."""

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode and (
            not implicit[0] or (value and value[0] not in _MAYBE_TYPED)
        ):
            return _STR
        return super().resolve(kind, value, implicit)


def read_yaml(path: Path, shown: str) -> SourceFile:
    """Parse one file; never raises for bad content, records problems instead."""
    src = SourceFile(path, shown)
    raw = read_regular_file(path, src)
    if raw is None:
        return src
    text = _decode(raw, src)
    if text is None:
        return src
    if not text.strip() or all(_is_comment(line) for line in text.splitlines()):
        src.problem((1, 1), "the file is empty", "write its content, or delete the file", "E004")
        return src
    _check_tabs(text, src)
    if src.problems:
        return src
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        src.problems.append(_syntax_problem(exc, shown, text))
        return src
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml reports everything marked
        src.problem((1, 1), f"YAML error: {exc}", code="E003")
        return src
    try:
        src.data = None if node is None else _Converter(src).convert(node, 0)
    except _TooMuch as exc:
        src.problem(exc.pos, exc.message, exc.hint, "E007")
    return src


def read_regular_file(path: Path, src: SourceFile) -> bytes | None:
    """The file's bytes within the size limit, or None with the problem recorded."""
    try:
        return read_bounded(path, limits.MAX_FILE_BYTES)
    except BadFile as exc:
        pos = (1, 1) if exc.too_large else (0, 0)
        src.problem(pos, exc.message, exc.hint, "E007" if exc.too_large else "E001")
        return None


def _is_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#") or stripped == "---"


def _decode(raw: bytes, src: SourceFile) -> str | None:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        src.problem(
            (line, col),
            f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot be read)",
            "save the file as UTF-8 in your editor (File → Save with Encoding → UTF-8)",
            "E002",
        )
        return None


_TAB_INDENT = re.compile(r"^[ ]*\t", re.M)


def _check_tabs(text: str, src: SourceFile) -> None:
    """YAML forbids tabs in indentation; libyaml's own message for them is cryptic."""
    for match in _TAB_INDENT.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        col = match.end() - match.start()
        src.problem(
            (line, col),
            "tab character used for indentation",
            "YAML allows only spaces for indentation: replace the tab with spaces",
            "E005",
        )


_SYNTAX_HINTS = [
    ("found character '\\t'", "tab character", "replace the tab with spaces"),
    (
        "while scanning a quoted scalar",
        "a quotation mark is never closed",
        "close the quote on the same value, or write the text as a `>-` block",
    ),
    (
        "mapping values are not allowed",
        "a ': ' inside a value, or a key indented wrongly",
        "put quotes around text that contains ': ', or align the key with its siblings",
    ),
    (
        "did not find expected key",
        "indentation does not match the lines above",
        "indent keys of one mapping by the same number of spaces",
    ),
    (
        "expected <block end>",
        "indentation does not match the lines above",
        "indent items of one list or mapping by the same number of spaces",
    ),
    (
        "did not find expected '-' indicator",
        "a list item is indented differently from the items above",
        "start every item of a list at the same column",
    ),
    (
        "exceeded maximum nesting depth",
        "lists or mappings are nested too deeply",
        "flatten the structure",
    ),
    (
        "found undefined alias",
        "an alias (*name) refers to no anchor (&name)",
        "define the anchor first, or remove the '*'",
    ),
    (
        "found character that cannot start any token",
        "a value starts with a character YAML reserves (such as ` or @)",
        "put quotes around the value",
    ),
    (
        "while parsing a flow sequence",
        "a list opened with '[' is never closed",
        "close the list with ']' on the same line, as in [a, b]",
    ),
    (
        "while parsing a flow mapping",
        "a mapping opened with '{' is never closed",
        "close it with '}' on the same line, as in {debt: 2}",
    ),
    (
        "expected a single document",
        "a second document ('---') in one file",
        "a story file holds one document: delete the '---' line (and a repeated 'scenes:' "
        "under it), or move what follows to a file of its own",
    ),
    (
        "could not find expected ':'",
        "a key is missing its ':' or a quoted text runs over lines",
        "check the line for a missing ':' or an unclosed quote",
    ),
]


# Errors found where something opened earlier should have closed: shown where it opened.
_OPENED_AT = ("while scanning a quoted scalar", "while parsing a flow")


def _syntax_problem(exc: yaml.MarkedYAMLError, shown: str, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    raw = f"{exc.context or ''} {exc.problem or ''}".strip()
    for needle, message, hint in _SYNTAX_HINTS:
        if needle in raw:
            if needle.startswith(_OPENED_AT) and exc.context_mark:
                line, col = exc.context_mark.line + 1, exc.context_mark.column + 1
            return Problem(shown, line, col, f"YAML syntax: {message}", hint, "E003")
    return Problem(
        shown, line, col, f"YAML syntax: {raw}", "check the line and the one above", "E003"
    )


def _pos(node: yaml.Node) -> Pos:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _TooMuch(Exception):
    """A file beyond one of the limits: reported at the value where it was noticed."""

    def __init__(self, pos: Pos, message: str, hint: str):
        super().__init__(message)
        self.pos, self.message, self.hint = pos, message, hint


class _Converter:
    """Turns the composed nodes into YMap/YSeq, counting values and depth as it goes: aliases
    can make a few hundred bytes stand for billions of values, and a cycle of them for infinitely
    many."""

    def __init__(self, src: SourceFile):
        self.src = src
        self.budget = limits.MAX_VALUES

    def convert(self, node: yaml.Node, depth: int) -> Any:
        kind = type(node)
        if kind is yaml.MappingNode or kind is yaml.SequenceNode:
            self._enter(node, depth)
            if isinstance(node, yaml.MappingNode):
                return self._map(node, depth + 1)
            seq = YSeq(_pos(node))
            for item in node.value:
                seq.append(self.convert(item, depth + 1))
                seq.item_pos.append(_pos(item))
                seq.styles.append(getattr(item, "style", None))
            return seq
        return _scalar(node, self.src)

    def _enter(self, node: yaml.Node, depth: int) -> None:
        if depth >= limits.MAX_DEPTH:
            raise _TooMuch(_pos(node), f"lists and mappings are nested too deeply (more than "
                           f"{limits.MAX_DEPTH} levels)", "flatten the structure")  # fmt: skip
        self.budget -= len(node.value)
        if self.budget < 0:
            raise _TooMuch(_pos(node), f"the file holds too many values (more than "
                           f"{limits.MAX_VALUES:,}, counting what aliases repeat)",
                           "split the file, or use fewer '*' aliases")  # fmt: skip

    def _map(self, node: yaml.MappingNode, depth: int) -> YMap:
        src = self.src
        result = YMap(_pos(node))
        key_pos, val_pos, styles = result.key_pos, result.val_pos, result.styles
        for key_node, value_node in node.value:
            if key_node.tag == _STR and key_node.value not in result:  # the common case, fast
                key = _intern(key_node.value)
                result[key] = (
                    _text(value_node.value, value_node)
                    if value_node.tag == _STR
                    else self.convert(value_node, depth)
                )
                mark = key_node.start_mark
                key_pos[key] = (mark.line + 1, mark.column + 1)
                mark = value_node.start_mark
                val_pos[key] = (mark.line + 1, mark.column + 1)
                styles[key] = value_node.style if value_node.tag == _STR else None
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                src.problem(_pos(key_node), "merge keys ('<<') are not supported",
                            "write the keys out")  # fmt: skip
                continue
            plain = _scalar(key_node, src) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(plain, str | int | float | bool) or plain is None:
                src.problem(_pos(key_node), "a key must be a plain name", "write the key as text")
                continue
            key = plain if isinstance(plain, str) else str(plain)
            if key in result:
                first = result.key_pos[key]
                src.problem(
                    _pos(key_node),
                    f"duplicate key '{key}' (first at line {first[0]})",
                    "each key may appear once in a mapping: delete or rename one of them",
                    "E006",
                )
                continue
            result[key] = self.convert(value_node, depth)
            result.key_pos[key] = _pos(key_node)
            result.val_pos[key] = _pos(value_node)
            result.styles[key] = getattr(value_node, "style", None)
        return result


def _text(value: str, node: yaml.Node) -> str:
    """Ids, dates and places recur thousands of times in a large story: share them. (Short
    phrases with spaces are mostly unique; interning them would only grow the table.)"""
    if len(value) <= 32 and " " not in value:
        return _intern(value)
    if len(value) > limits.MAX_TEXT_CHARS:
        raise _TooMuch(_pos(node), f"the text is too long ({len(value):,} characters; at most "
                       f"{limits.MAX_TEXT_CHARS:,})", "split it into several paragraphs")  # fmt: skip
    return value


def _scalar(node: yaml.Node, src: SourceFile) -> Any:
    tag, value = node.tag, node.value
    if tag == _STR:
        return _text(value, node)
    if tag == _TIMESTAMP:  # keep dates as written: our dates are partial ISO strings
        return value
    if tag == _NULL:
        return None
    if tag == _BOOL:
        # YAML 1.2 booleans only: 'yes', 'no', 'on' and 'off' stay text, so that a choice
        # written `text: No` reads "No" instead of turning into false (the "Norway problem").
        lowered = value.lower()
        return lowered == "true" if lowered in ("true", "false") else value
    if tag in (_INT, _FLOAT):
        if len(value) > limits.MAX_NUMBER_DIGITS and (
            sum(ch.isdigit() for ch in value) > limits.MAX_NUMBER_DIGITS
        ):
            raise _TooMuch(_pos(node), f"the number is too long (more than "
                           f"{limits.MAX_NUMBER_DIGITS} digits)", "write a smaller number")  # fmt: skip
        try:
            number = _scalar_constructor.construct_object(node, deep=True)
        except (ValueError, yaml.YAMLError):
            return value
        if number != number or number in (float("inf"), float("-inf")):
            raise _TooMuch(_pos(node), f"'{value}' is not a usable number", "write a number")
        return number
    if tag in (_MAP, _SEQ):  # an explicit tag on a collection handled by _convert
        return value
    src.problem(
        _pos(node), f"unsupported YAML tag '{tag}'", "remove the tag (the part starting with '!')"
    )
    return None
