"""History registries (events, places, people, terms, sources) built from history/*.yaml."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.engine.errors import suggest
from game.engine.model import DEFAULT_KIND, PLACE_KINDS, Event, Person, Place, Source, Term
from game.engine.sourcedata import Pos, SourceFile, YMap, YSeq
from game.engine.strings import Strings

SECTIONS = ("events", "places", "people", "terms", "sources")
_WHAT = {"events": "event", "places": "place", "people": "person", "terms": "codex term",
         "sources": "source"}  # fmt: skip


@dataclass
class Entry:
    """A registry entry with where it was written, for messages."""

    id: str
    data: YMap
    src: SourceFile
    pos: Pos


@dataclass
class Registries:
    """Every section's entries by id, gathered from all history files."""

    entries: dict[str, dict[str, Entry]] = field(default_factory=lambda: {s: {} for s in SECTIONS})

    def add_file(self, src: SourceFile) -> None:
        for section in SECTIONS:
            for key, data in (src.data or {}).get(section, {}).items():
                self._add(section, key, data, src)

    def _add(self, section: str, key: str, data: YMap, src: SourceFile) -> None:
        table = self.entries[section]
        pos = src.data[section].key_pos[key]
        if key in table:
            first = table[key]
            src.problem(
                pos,
                f"duplicate {_WHAT[section]} id '{key}' (first in {first.src.shown}:{first.pos[0]})",
                "each id must be unique: rename one of them",
                "E201",
            )
            return
        table[key] = Entry(key, data, src, pos)

    def ids(self, section: str) -> dict[str, Entry]:
        return self.entries[section]


def check_ref(
    src: SourceFile, pos: Pos, section: str, ref: Any, known: dict, context: str = ""
) -> bool:
    """Report `ref` when it names no entry of `section`; True when it is fine."""
    if ref is None or ref in known:
        return True
    hint = (
        suggest(str(ref), known) or f"add '{ref}' to the {section} in history/, or fix the spelling"
    )
    where = f"{context}: " if context else ""
    src.problem(pos, f"{where}unknown {_WHAT.get(section, section)} '{ref}'", hint, "E202")
    return False


def _tuple(value: Any) -> tuple:
    return tuple(value) if isinstance(value, list) else ()


def _year(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _date(value: Any) -> str | None:
    return None if value is None else str(value)


def build_registries(reg: Registries, tr: Strings) -> dict[str, dict]:
    """Model objects for every registry section, checking the links between them."""
    sources = {k: _source(e, tr) for k, e in reg.ids("sources").items()}
    places = {k: _place(e, tr) for k, e in reg.ids("places").items()}
    terms = {k: _term(e, tr) for k, e in reg.ids("terms").items()}
    people = {k: build_person(e.id, e.data, e.src, tr) for k, e in reg.ids("people").items()}
    events = {k: _event(e, tr) for k, e in reg.ids("events").items()}
    _check_links(reg, sources, places, terms, people)
    return {"sources": sources, "places": places, "terms": terms, "people": people,
            "events": events}  # fmt: skip


# Titles of works stay as published; their kind and note are translated.
def _source(e: Entry, tr: Strings) -> Source:
    d, ctx = e.data, f"source:{e.id}"
    return Source(e.id, d["title"], d.get("author"), tr.field(e.src, d, "kind", ctx),
                  _year(d.get("year")), d.get("url"), tr.field(e.src, d, "note", ctx))  # fmt: skip


def _place(e: Entry, tr: Strings) -> Place:
    d, ctx = e.data, f"place:{e.id}"
    return Place(e.id, tr.field(e.src, d, "name", ctx), float(d["lat"]), float(d["lon"]),
                 bool(d.get("fictional")), tr.field(e.src, d, "note", ctx),
                 _kind(e))  # fmt: skip


def _kind(e: Entry) -> str:
    """The place's kind of landscape; without one it is drawn as a village, and `check` says so."""
    kind = e.data.get("kind")
    if kind in PLACE_KINDS:
        return kind
    if kind is None:  # a kind outside the list is the schema's to report
        e.src.problem(e.pos, f"place '{e.id}' has no 'kind': its picture is drawn as a "
                      f"{DEFAULT_KIND}", f"add 'kind:' ({', '.join(PLACE_KINDS)})", "W102",
                      "warning")  # fmt: skip
    return DEFAULT_KIND


def _term(e: Entry, tr: Strings) -> Term:
    d, ctx = e.data, f"term:{e.id}"
    return Term(e.id, tr.field(e.src, d, "title", ctx), tr.field(e.src, d, "text", ctx),
                _tuple(d.get("see")), _tuple(d.get("sources")))  # fmt: skip


def build_person(pid: str, d: YMap, src: SourceFile, tr: Strings,
                 perspective: str | None = None) -> Person:  # fmt: skip
    default_kind = "fictional" if perspective else "documented"
    ctx = f"person:{pid}"
    return Person(pid, tr.field(src, d, "name", ctx), d.get("kind", default_kind),
                  tr.field(src, d, "role", ctx), _year(d.get("born")), _year(d.get("died")),
                  _tuple(d.get("sources")), perspective)  # fmt: skip


def _event(e: Entry, tr: Strings) -> Event:
    d, ctx = e.data, f"event:{e.id}"
    return Event(e.id, tr.field(e.src, d, "title", ctx), str(d["date"]),
                 tr.field(e.src, d, "summary", ctx), d.get("place"), _date(d.get("until")),
                 tr.field(e.src, d, "when", ctx), _tuple(d.get("people")),
                 bool(d.get("violent")), _tuple(d.get("sources")),
                 tr.field(e.src, d, "date_note", ctx), (e.src.shown, *e.pos))  # fmt: skip


def _check_links(reg: Registries, sources, places, terms, people) -> None:
    for e in reg.ids("events").values():
        d = e.data
        check_ref(e.src, d.val_pos.get("place", e.pos), "places", d.get("place"), places, e.id)
        _check_list(e, "people", people)
        _check_list(e, "sources", sources)
        _check_span(e)
    for e in reg.ids("terms").values():
        _check_list(e, "see", terms, "terms")
        _check_list(e, "sources", sources)
    for e in reg.ids("people").values():
        _check_list(e, "sources", sources)
        check_documented_sources(e.src, e.pos, e.id, e.data)


def check_documented_sources(src: SourceFile, pos: Pos, pid: str, d: YMap) -> None:
    if d.get("kind", "documented") == "documented" and not d.get("sources"):
        src.problem(
            pos,
            f"documented person '{pid}' has no sources",
            "add 'sources: [source_id]', or mark the person 'kind: composite' or 'fictional'",
            "E203",
        )


def _check_list(e: Entry, key: str, known: dict, section: str | None = None) -> None:
    items = e.data.get(key)
    if not isinstance(items, YSeq):
        return
    for i, ref in enumerate(items):
        pos = items.item_pos[i]
        check_ref(e.src, pos, section or key, ref, known, e.id)


def _check_span(e: Entry) -> None:
    start, end = e.data.get("date"), e.data.get("until")
    if start is not None and end is not None and str(end) < str(start)[: len(str(end))]:
        e.src.problem(
            e.data.val_pos["until"],
            f"{e.id}: 'until' ({end}) is before 'date' ({start})",
            "swap the two dates",
            "E204",
        )
