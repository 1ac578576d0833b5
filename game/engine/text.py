"""Scene text markup: `{expression}` interpolation and `[[term]]` / `[[term|words]]` codex links."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

from game.engine.expr import Compiled, Context, Env, ExprError, compile_expression
from game.engine.tuples import maker
from game.engine.words import in_sentence


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
            label = part.label or in_sentence(term_title(part.term), whole + plain, part.capital)
            spans.append(Span(label, part.term))
            whole += label
        elif type(part) is Compiled:
            value = part.fn(ctx)
            plain += value if type(value) is str else show_value(value)
    if plain:
        spans.append(Span(plain))
    return Paragraph(tuple(spans), whole + plain)


# A paragraph's render plan: ready spans (text and links whose words are known when the story
# is built) and runs of text and values joined into one plain span when the page is shown.
Segment = Span | tuple[str | Compiled, ...]


class Plan:
    """How a paragraph with values is shown: its parts with the words its links will show,
    the segments made of them, and the function made from those that renders the paragraph
    with the values of now. Segments and function are made when first shown: most scenes of
    a large story are never reached."""

    __slots__ = ("_render", "_segments", "labels", "parts")

    def __init__(self, parts: tuple[Part, ...], labels: tuple[str, ...]) -> None:
        self.parts, self.labels = parts, labels
        self._segments: tuple[Segment, ...] | None = None
        # Not a bound method kept on the plan: that would be a reference cycle, which a story
        # frozen out of the collector (see load._settled) could never give back.
        self._render: Callable[[Context], Paragraph] | None = None

    @property
    def segments(self) -> tuple[Segment, ...]:
        if self._segments is None:
            self._segments = _segments_of(self.parts, self.labels)
        return self._segments

    def show(self, ctx: Context) -> Paragraph:
        render = self._render
        if render is None:
            render = self._render = _renderer(self.segments)
        return render(ctx)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Plan) and (other.parts, other.labels) == (self.parts, self.labels)

    def __hash__(self) -> int:
        return hash((self.parts, self.labels))

    def __repr__(self) -> str:
        return f"Plan({self.parts!r}, {self.labels!r})"


def prepare(parts: tuple[Part, ...], term_title: Callable[[str], str]) -> Plan | None:
    """The plan that renders `parts` as `render` does, with every link's words decided now;
    None when a link's capital depends on a value shown just before it."""
    labels = link_labels(parts, term_title)
    return None if labels is None else Plan(parts, labels)


def link_labels(
    parts: tuple[Part, ...], term_title: Callable[[str], str]
) -> tuple[str, ...] | None:
    """The words of each link of `parts` as `render` would show them, or None when one of
    them depends on a value."""
    labels = []
    for i, part in enumerate(parts):
        if type(part) is TermLink:
            label = part.label
            if label is None:
                before = _text_before(parts[:i])
                if before is None:
                    return None
                label = in_sentence(term_title(part.term), before, part.capital)
            labels.append(label)
    return tuple(labels)


def _segments_of(parts: tuple[Part, ...], labels: tuple[str, ...]) -> tuple[Segment, ...]:
    """Runs of text and values, and ready spans, for `parts` whose links show `labels`."""
    segments: list[Segment] = []
    run: list[str | Compiled] = []
    links = iter(labels)
    for part in parts:
        if type(part) is not TermLink:
            run.append(part)  # type: ignore[arg-type]  # str or Compiled
            continue
        _flush(run, segments)
        run = []
        segments.append(Span(next(links), part.term))
    _flush(run, segments)
    return tuple(segments)


def _flush(run: list[str | Compiled], segments: list[Segment]) -> None:
    """A run of text and values as one segment: a ready span when it holds no value (and
    nothing when its text is empty, as `render` leaves it out)."""
    if any(type(p) is not str for p in run):
        segments.append(tuple(run))
    elif "".join(run):  # type: ignore[arg-type]  # all text
        segments.append(Span("".join(run)))  # type: ignore[arg-type]


def _text_before(parts: tuple[Part, ...]) -> str | None:
    """The text before a link as far as it decides the link's capital, or None when a value
    decides it (its last visible character comes from a value)."""
    for part in reversed(parts):
        if type(part) is str:
            if part.strip():
                return part
        else:  # a value, or a link whose words may follow a value: decided when shown
            return None
    return ""


_span, _paragraph = maker(Span), maker(Paragraph)  # made on every page


def _renderer(segments: tuple[Segment, ...]) -> Callable[[Context], Paragraph]:
    """The render function made for the segments' shape: a paragraph with one run of values
    (nearly every one) is a string sum and three tuples."""
    runs = [i for i, seg in enumerate(segments) if type(seg) is not Span]
    if len(runs) != 1 or not any(type(p) is str and p for p in segments[runs[0]]):
        return lambda ctx: render_segments(segments, ctx)
    at = runs[0]
    before, after = segments[:at], segments[at + 1 :]
    head = "".join(s.text for s in before)  # type: ignore[union-attr]  # spans only
    tail = "".join(s.text for s in after)  # type: ignore[union-attr]
    text = _run_text(segments[at])  # type: ignore[arg-type]  # the one run

    def show(ctx: Context) -> Paragraph:
        words = text(ctx)  # never empty: the run holds text of its own
        return _paragraph(((*before, _span((words, None)), *after), head + words + tail))

    return show


def _run_text(run: tuple[str | Compiled, ...]) -> Callable[[Context], str]:
    """The function that joins a run's text and values (as `show_value` words them)."""
    if len(run) == 3 and type(run[0]) is str and type(run[2]) is str:
        pre, value, post = run[0], run[1].fn, run[2]  # type: ignore[union-attr]
        # The expression's checked type says how its value reads (an int is never a bool
        # here: saves and effects keep each variable's type).
        if run[1].type == "str":  # type: ignore[union-attr]
            return lambda ctx: pre + value(ctx) + post
        if run[1].type == "int":  # type: ignore[union-attr]
            return lambda ctx: pre + str(value(ctx)) + post
        return lambda ctx: pre + show_value(value(ctx)) + post
    return lambda ctx: _run_words(run, ctx)


def _run_words(run: tuple[str | Compiled, ...], ctx: Context) -> str:
    return "".join([p if type(p) is str else _shown(p.fn(ctx)) for p in run])  # type: ignore[union-attr]


def render_segments(segments: tuple[Segment, ...], ctx: Context) -> Paragraph:
    """The paragraph a plan's segments give with the values of now (as `render` gives it)."""
    spans: list[Span] = []
    for segment in segments:
        if type(segment) is Span:
            spans.append(segment)
            continue
        text = _run_words(segment, ctx)  # type: ignore[arg-type]  # a run, not a span
        if text:
            spans.append(Span(text))
    return Paragraph(tuple(spans), "".join([s.text for s in spans]))


def _shown(value: Any) -> str:
    return value if type(value) is str else show_value(value)


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
