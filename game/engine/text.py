"""Scene text markup: `{expression}` interpolation and `[[term]]` / `[[term|words]]` codex links."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, NamedTuple

from game.engine.expr import Compiled, Context, Env, ExprError, compile_expression


# Spans and paragraphs are made for every page a reader turns: named tuples build several
# times faster than frozen dataclasses, and are just as immutable.
class Span(NamedTuple):
    """A run of text; `term` is the codex term id when the run is a link."""

    text: str
    term: str | None = None


class Paragraph(NamedTuple):
    """One paragraph as shown: spans of plain text and links, and the whole as plain text."""

    spans: tuple[Span, ...]
    text: str = ""


class TermLink(NamedTuple):
    term: str
    label: str | None  # None: show the term's title
    offset: int
    capital: bool = False  # written [[Mahalla]]: the title takes a capital wherever it stands


# A compiled paragraph is a tuple of parts: str (literal), Compiled (value), TermLink (link).
Part = str | Compiled | TermLink

_MARKUP = re.compile(r"\{\{|\}\}|\[\[(?P<link>.*?)\]\]|\{(?P<expr>[^{}]*)\}|\{|\}|\[\[")
_TERM_ID = re.compile(r"[a-z][a-z0-9_]*\Z")
_CAPITALISED_ID = re.compile(r"[A-Z][a-z0-9_]*\Z")  # [[Mahalla]]: the id, written with a capital


def compile_markup(text: str, env: Env) -> tuple[Part, ...]:
    """Split a paragraph into literal text, expressions and links; raise ExprError on mistakes."""
    parts: list[Part] = []
    literal: list[str] = []
    pos = 0
    for m in _MARKUP.finditer(text):
        literal.append(text[pos : m.start()])
        pos = m.end()
        token = m.group()
        if token in ("{{", "}}"):
            literal.append(token[0])
            continue
        if m.group("link") is not None or m.group("expr") is not None:
            if literal:
                parts.append("".join(literal))
                literal = []
            parts.append(_link(m) if m.group("link") is not None else _value(m, env))
            continue
        raise _stray(token, m.start())
    literal.append(text[pos:])
    if "".join(literal):
        parts.append("".join(literal))
    return tuple(parts)


def _stray(token: str, offset: int) -> ExprError:
    if token == "[[":
        return ExprError("a codex link '[[' is never closed", offset, "end the link with ']]'")
    return ExprError(
        f"a lone '{token}' in the text",
        offset,
        "write '{{' or '}}' for a brace, or close the {expression}",
    )


def _link(m: re.Match) -> TermLink:
    body = m.group("link")
    term, _, label = body.partition("|")
    term = term.strip()
    capital = bool(_CAPITALISED_ID.match(term))
    term = term[0].lower() + term[1:] if capital else term
    if not _TERM_ID.match(term):
        raise ExprError(
            f"'{term}' is not a codex term id",
            m.start() + 2,
            "write [[term_id]] or [[term_id|the words to show]]",
        )
    label = label.strip() or None if "|" in body else None
    return TermLink(term, label, m.start() + 2, capital)


def _value(m: re.Match, env: Env) -> Compiled:
    inner = m.group("expr")
    try:
        return compile_expression(inner, env)
    except ExprError as exc:
        raise ExprError(exc.message, m.start() + 1 + exc.offset, exc.hint) from None


def show_value(value: Any) -> str:
    """How an interpolated value reads to a player."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def render(parts: tuple[Part, ...], ctx: Context, term_title: Callable[[str], str]) -> Paragraph:
    """Turn compiled parts into spans, merging neighbouring plain text."""
    spans: list[Span] = []
    plain = whole = ""
    for part in parts:
        if type(part) is str:  # type() is, not isinstance: this loop runs for every paragraph
            plain += part
        elif type(part) is TermLink:
            if plain:
                spans.append(Span(plain))
                whole += plain
                plain = ""
            label = part.label or _in_sentence(term_title(part.term), whole + plain, part.capital)
            spans.append(Span(label, part.term))
            whole += label
        elif type(part) is Compiled:
            value = part.fn(ctx)
            plain += value if type(value) is str else show_value(value)
    if plain:
        spans.append(Span(plain))
    return Paragraph(tuple(spans), whole + plain)


_SENTENCE_END = '.!?…“«‘"('


def _in_sentence(word: str, before: str, capital: bool = False) -> str:
    """A codex word at the start of a sentence, or written with one, takes a capital; elsewhere
    it reads as its entry writes it."""
    before = before.rstrip()
    if word and (capital or not before or before[-1] in _SENTENCE_END):
        return word[0].upper() + word[1:]
    return word


@lru_cache(maxsize=4096)
def running_title(title: str, text: str) -> str:
    """How a codex title reads inside a sentence: `Mahalla` reads `mahalla` when the term's own
    entry writes it so mid-sentence; a name its entry always capitalises (`Basmachi`) keeps it."""
    if not title or not title[0].isupper() or title[1:] != title[1:].lower():
        return title  # a lower-case title, or one with capitals inside (Turkestan ASSR): as is
    lower = title[0].lower() + title[1:]
    for match in re.finditer(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", text):
        if match.start() > 0 and text[: match.start()].rstrip()[-1:] not in _SENTENCE_END:
            return lower
    return title


def is_static(parts: tuple[Part, ...]) -> bool:
    """True when the paragraph shows no values, so it reads the same every time."""
    return not any(isinstance(p, Compiled) for p in parts)


def plain_words(parts: tuple[Part, ...]) -> str:
    """The paragraph's words without markup, for counting (values shown as a placeholder)."""
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, TermLink):
            out.append(part.label or part.term.replace("_", " "))
        else:
            out.append("0")
    return "".join(out)
