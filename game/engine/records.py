"""Built scenes as plain tuples for the validated cache, and back: no parsing when read again.

A scene read from the cache was checked when the cache was written, so it is stored as it was
built — its text already translated, its markup split, its static paragraphs rendered and its
expressions as checked trees — and reading it back only makes tuples and closures. `marshal`
stores exact tuples, strings and numbers only, so each named tuple is written as a plain one
in its field order, and a part of a paragraph that is not text carries a tag.
"""

from __future__ import annotations

from typing import Any

from game.engine.expr import Assignment, Compiled, Effects, closure
from game.engine.model import Choice, Ending, Scene, TextItem
from game.engine.text import Paragraph, Part, Plan, Span, TermLink
from game.engine.tuples import maker

_LINK, _VALUE = 0, 1  # the tags of a paragraph's parts that are not plain text

_new_link, _new_span, _new_paragraph = maker(TermLink), maker(Span), maker(Paragraph)

# A record of a compiled expression: source, type, tree, reads, scene refs, uses chance.
ExprRecord = tuple[str, str, tuple, frozenset, tuple, bool]
# What a perspective's scenes share once rebuilt: compiled expressions (by type and source),
# effects (by source) and the sets of names they read and write. A large story's memory
# depends on it: `{debt}` or `debt += 1`, written a thousand times, is one object.
Memo = dict[tuple, Any]


def pack_scene(scene: Scene) -> tuple:
    """The scene as plain values that `marshal` can store."""
    text = tuple((_pack_parts(t.parts), tuple(_pack_expr(c) for c in t.conditions), t.where,
                  _pack_paragraph(t.static), _pack_labels(t.plan)) for t in scene.text)  # fmt: skip
    choices = tuple(_pack_choice(c) for c in scene.choices)
    ending = tuple(scene.ending) if scene.ending else None
    return (*scene[:3], text, choices, ending, *scene[6:])


def build_scene(record: tuple, memo: Memo) -> Scene:
    """The scene a record was packed from, its expressions shared through `memo`."""
    sid, perspective, title, text, choices, ending, *rest = record
    items = tuple(_text_item(item, memo) for item in text)
    return Scene(sid, perspective, title, items, tuple(_choice(c, memo) for c in choices),
                 Ending(*ending) if ending else None, *rest)  # fmt: skip


def _text_item(packed: tuple, memo: Memo) -> TextItem:
    parts, conditions, where, static, labels = packed
    built = _parts(parts, memo)
    return TextItem(built, tuple(_expr(c, memo) for c in conditions), where, _paragraph(static),
                    _plan(built, labels))  # fmt: skip


def _pack_expr(compiled: Compiled) -> ExprRecord:
    c = compiled
    return (c.source, c.type, c.ast, c.reads, c.scene_refs, c.uses_chance)


def _expr(record: ExprRecord, memo: Memo) -> Compiled:
    key = (record[1], record[0])  # `{debt}` written on a thousand pages is compiled once
    known = memo.get(key)
    if known is None:
        source, typ, ast, reads, refs, chance = record
        known = memo[key] = Compiled(source, typ, closure(ast), ast, _shared(reads, memo), refs,
                                     chance)  # fmt: skip
    return known


def _pack_parts(parts: tuple[Part, ...]) -> tuple:
    return tuple(p if type(p) is str else (_LINK, *p) if type(p) is TermLink
                 else (_VALUE, _pack_expr(p)) for p in parts)  # type: ignore[arg-type]  # fmt: skip


def _parts(packed: tuple, memo: Memo) -> tuple[Part, ...]:
    if len(packed) == 1 and type(packed[0]) is str:
        return packed  # plain text, as most buttons and many paragraphs are: stored as it is
    return tuple(p if type(p) is str else _new_link(p[1:]) if p[0] == _LINK
                 else _expr(p[1], memo) for p in packed)  # fmt: skip


def _pack_paragraph(paragraph: Paragraph | None) -> tuple | None:
    return None if paragraph is None else (tuple(map(tuple, paragraph.spans)), paragraph.text)


def _paragraph(packed: tuple | None) -> Paragraph | None:
    if packed is None:
        return None
    return _new_paragraph((tuple(map(_new_span, packed[0])), packed[1]))


def _pack_labels(plan: Plan | None) -> tuple[str, ...] | None:
    """A plan differs from its paragraph's parts only in the words its links show: only those
    are kept."""
    return None if plan is None else plan.labels


def _plan(parts: tuple[Part, ...], labels: tuple[str, ...] | None) -> Plan | None:
    return None if labels is None else Plan(parts, labels)


def _pack_effects(effects: Effects | None) -> tuple | None:
    if effects is None:
        return None
    assignments = tuple((a.name, a.op, _pack_expr(a.value)) for a in effects.assignments)
    return (effects.source, assignments, effects.writes, effects.reads)


def _effects(packed: tuple | None, memo: Memo) -> Effects | None:
    if packed is None:
        return None
    source, assignments, writes, reads = packed
    key = ("do", source)
    known = memo.get(key)
    if known is None:
        steps = tuple(Assignment(n, op, _expr(v, memo)) for n, op, v in assignments)
        known = memo[key] = Effects(source, steps, _shared(writes, memo), _shared(reads, memo))
    return known


def _shared(names: frozenset, memo: Memo) -> frozenset:
    return memo.setdefault(("names", names), names)


def _pack_choice(c: Choice) -> tuple:
    return (c.id, c.text, _pack_parts(c.parts), c.goto,
            _pack_expr(c.condition) if c.condition else None, _pack_effects(c.effects), c.once,
            c.fallback, c.where, _pack_paragraph(c.static), c.key, _pack_labels(c.plan))  # fmt: skip


def _choice(packed: Any, memo: Memo) -> Choice:
    cid, text, parts, goto, condition, effects, once, fallback, where, static, key, labels = packed
    built = _parts(parts, memo)
    return Choice(cid, text, built, goto, _expr(condition, memo) if condition else None,
                  _effects(effects, memo), once, fallback, where, _paragraph(static), key,
                  _plan(built, labels))  # fmt: skip
