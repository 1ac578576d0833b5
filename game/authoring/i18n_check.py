"""Translation coverage per language and catalogue, and translations that break their markup.

Coverage is measured against the current source (the story's strings as the loader meets them,
the interface's _() calls), not against possibly stale templates: a string edited since the
last `i18n update` counts as untranslated until its catalogue catches up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from game import i18n
from game.authoring.catalogs import (
    Domain,
    domain_of,
    locales_dir,
    story_domain,
    ui_domain,
    ui_template,
)
from game.authoring.review import is_reviewed
from game.engine import Problem, read_story
from game.paths import PROJECT_DIR
from game.po import CatalogError, read_catalog, usable

MARKUP_CODE = "E701"
_MARKUP = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|\[\[([^\]|]*)(?:\|[^\]]*)?\]\]")

Key = tuple[str, str]  # context ('' for none), English


@dataclass(frozen=True)
class Coverage:
    """How much of one catalogue is done, counted against the current source."""

    language: str
    domain: str
    total: int
    translated: int
    fuzzy: int
    obsolete: int
    reviewed: int

    @property
    def untranslated(self) -> int:
        return self.total - self.translated - self.fuzzy

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


_WORDS_IN_CODE = re.compile(r"\"[^\"]*\"|'[^']*'")
_PLURAL_FORMS = re.compile(r'plural\(([^,]+)(?:,"…")+\)')


def _code(expression: str) -> str:
    """An expression as translations must keep it: spaces aside, and the words in its quotes
    (plural forms, select texts) free to translate — Russian gives plural() three forms."""
    code = _WORDS_IN_CODE.sub('"…"', "".join(expression.split()))
    return _PLURAL_FORMS.sub(r"plural(\1)", code)


def markup(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The {expressions} (spaces ignored) and [[term]] ids a string uses, and any lone
    brace or bracket pair that opens or closes nothing."""
    exprs, links = set(), set()
    for m in _MARKUP.finditer(text):
        if m.group(1) is not None:
            exprs.add(_code(m.group(1)))
        elif m.group(2) is not None:
            links.add(m.group(2).strip().lower())  # [[Mahalla]] is the same link as [[mahalla]]
    rest = _MARKUP.sub("", text)
    stray = {token for token in ("{", "}", "[[", "]]") if token in rest}
    return frozenset(exprs), frozenset(links), frozenset(stray)


def _key(message: Message) -> Key:
    english = message.id if isinstance(message.id, str) else message.id[0]
    return (message.context or "", english)


def count(catalog: Catalog, source: Iterable[Key], language: str, domain: str) -> Coverage:
    """Coverage of `catalog` for the strings `source` holds."""
    wanted = set(source)
    found = {_key(m): m for m in catalog if m.id}
    translated = sum(1 for k in wanted if k in found and usable(found[k]))
    fuzzy = sum(1 for k in wanted if k in found and found[k].fuzzy and found[k].string)
    stale = sum(1 for k in found if k not in wanted)
    reviewed = sum(1 for k in wanted if k in found and is_reviewed(found[k]))
    return Coverage(language, domain, len(wanted), translated, fuzzy,
                    stale + len(catalog.obsolete), reviewed)  # fmt: skip


def source_keys(root: Path, strings: list | None = None) -> dict[str, set[Key]]:
    """The current source strings of each domain, the interface's under its own name (from
    `strings` when the caller has just read the story)."""
    keys: dict[str, set[Key]] = {}
    for item in read_story(root).strings if strings is None else strings:
        keys.setdefault(domain_of(item), set()).add((item.context, item.text))
    keys[i18n.DOMAIN] = {_key(m) for m in ui_template() if m.id}
    return keys


def languages(root: Path, ui: Domain) -> list[str]:
    """Every language with a catalogue of the interface or of the story."""
    story = {p.parent.name for p in locales_dir(root).glob("*/*.po")}
    return sorted(story | set(ui.languages()))


def coverage(root: Path, ui: Domain | None = None,
             strings: list | None = None) -> list[Coverage]:  # fmt: skip
    """A row per language and catalogue (the interface first); a missing catalogue counts 0."""
    keys = source_keys(root, strings)
    ui = ui or ui_domain()
    domains = [ui] + [story_domain(root, name) for name in sorted(keys) if name != ui.name]
    rows = []
    for language in languages(root, ui):
        for domain in domains:
            path = domain.catalog(language)
            catalog = _readable(path)
            rows.append(count(catalog, keys.get(domain.name, set()), language, domain.name))
    return rows


def markup_problems(catalog: Catalog, shown: str) -> list[Problem]:
    """An error for each translation whose {…} or [[…]] differ from its English."""
    problems = []
    for message in catalog:
        if not message.id or message.fuzzy or not message.string:
            continue
        english = message.id if isinstance(message.id, str) else str(message.id[-1])
        strings = (message.string,) if isinstance(message.string, str) else tuple(message.string)
        for text in (s for s in strings if s):
            hint = _difference(markup(english), markup(text))
            if hint:
                problems.append(Problem(shown, message.lineno or 1, 1,
                                        f"the translation breaks the markup of its source "
                                        f"({message.context or english[:40]})", hint,
                                        MARKUP_CODE, "error"))  # fmt: skip
    return problems


def _difference(english, translated) -> str | None:
    parts = []
    for kind, want, got in (
        ("{…}", english[0], translated[0]),
        ("[[…]]", english[1], translated[1]),
    ):
        if missing := sorted(want - got):
            parts.append(f"missing {kind}: {', '.join(missing)}")
        if extra := sorted(got - want):
            parts.append(f"unknown {kind}: {', '.join(extra)}")
    if lone := sorted(translated[2] - english[2]):
        parts.append(f"a lone {' '.join(lone)} (write {{{{ or }}}} for a brace)")
    if not parts:
        return None
    return "; ".join(parts) + " — keep every {value} and [[term]] id exactly as in the English"


def translation_problems(root: Path) -> list[Problem]:
    """Markup errors in every catalogue of the story and of the interface (none without any)."""
    if not locales_dir(root).is_dir():
        return []
    ui = ui_domain()
    problems = []
    shown = [(path, _shown(path)) for path in [ui.catalog(lang) for lang in ui.languages()]]
    # Story catalogues are named like the loader names story files: from the folder's parent.
    shown += [(path, path.relative_to(root.parent).as_posix())
              for path in sorted(locales_dir(root).glob("*/*.po"))]  # fmt: skip
    for path, name in shown:
        try:
            problems += markup_problems(read_catalog(path), name)
        except CatalogError as exc:
            problems.append(Problem(name, exc.line, 1, exc.message, exc.hint, "E702", "error"))
    return problems


def _readable(path: Path) -> Catalog:
    """The catalogue for counting; an empty one when missing or broken (check reports it)."""
    try:
        return read_catalog(path) if path.exists() else Catalog()
    except CatalogError:
        return Catalog()


def _shown(path: Path) -> str:
    """A catalogue's path as problems name it: from the project, else as given."""
    path = path.resolve()
    return (
        path.relative_to(PROJECT_DIR).as_posix() if path.is_relative_to(PROJECT_DIR) else str(path)
    )


def coverage_table(rows: list[Coverage]) -> str:
    """The coverage as a plain-text table."""
    head = ("language", "catalogue", "strings", "done", "%", "fuzzy", "untransl.", "obsolete",
            "reviewed")  # fmt: skip
    body = [(r.language, r.domain, str(r.total), str(r.translated), f"{r.percent:.1f}",
             str(r.fuzzy), str(r.untranslated), str(r.obsolete), str(r.reviewed))
            for r in rows]  # fmt: skip
    widths = [max(len(row[i]) for row in [head, *body]) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in
                       enumerate(zip(row, widths, strict=True))) for row in [head, *body]]  # fmt: skip
    return "\n".join(lines)


def coverage_report(root: Path, strings: list | None = None) -> str:
    """The coverage table for `check`'s text output; empty for a story without catalogues."""
    if not locales_dir(root).is_dir():
        return ""
    return "Translation coverage:\n" + coverage_table(coverage(root, strings=strings)) + "\n\n"
