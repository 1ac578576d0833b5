"""`python -m game i18n extract|update|init|stats|mark-unreviewed|mark-reviewed`: catalogues.

See docs/translating.md. `extract` writes the templates from the source, `update` merges them
into every language's catalogues (never losing a translation), `init LANG` starts a language,
`stats` prints the coverage, and the mark commands set the review comments.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from babel import UnknownLocaleError

from game.authoring import review
from game.authoring.catalogs import (
    Domain,
    extract,
    init_domain,
    story_domains,
    ui_domain,
    update_domain,
    write_catalog,
)
from game.authoring.command import errors
from game.authoring.i18n_check import coverage, coverage_table
from game.paths import default_story_dir
from game.po import read_catalog


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--story", type=Path, default=None, help="the story folder (default: story)"
    )
    parser.add_argument("--ui-locales", type=Path, default=None, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="action", required=True)
    sub.add_parser("extract", help="write the interface and story templates (.pot)")
    update = sub.add_parser("update", help="merge the templates into every language's .po")
    init = sub.add_parser("init", help="start a new language's catalogues")
    sub.add_parser("stats", help="translated, fuzzy, untranslated, obsolete and reviewed counts")
    unreviewed = sub.add_parser("mark-unreviewed", help="mark translations without a review mark")
    unreviewed.add_argument(
        "--note", default=review.MACHINE_DRAFT, help="why (default: %(default)s)"
    )
    reviewed = sub.add_parser("mark-reviewed", help="mark a whole catalogue reviewed by a person")
    reviewed.add_argument("--by", required=True, help="the reviewer's name")
    reviewed.add_argument("--domain", required=True, help="the catalogue: voices, history, …")
    for p in (update, init, unreviewed, reviewed):
        p.add_argument("languages", nargs="*" if p is not init else 1, metavar="LANG",
                       help="language codes such as ru or uz (default: every language)")  # fmt: skip


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    root = args.story or default_story_dir()
    if not (root / "story.yaml").is_file():  # never write catalogues for a story that is not there
        print(f"python -m game i18n: {root} is not a story folder (it has no story.yaml)",
              file=sys.stderr)  # fmt: skip
        return 1
    ui = ui_domain(args.ui_locales) if args.ui_locales else ui_domain()
    domains = [ui, *story_domains(root)]
    if args.action == "extract":
        for path in extract(root, ui):
            out.write(f"wrote {path}\n")
    elif args.action == "update":
        for domain in domains:
            if not domain.template.is_file():
                out.write(f"no template {domain.template}: run `i18n extract` first\n")
                continue
            for path in update_domain(domain, args.languages or None):
                out.write(f"updated {path}\n")
    elif args.action == "init":
        return _init(domains, args.languages[0], out)
    elif args.action == "stats":
        out.write(coverage_table(coverage(root, ui)) + "\n")
    else:
        mark = (lambda c: review.mark_unreviewed(c, args.note)) if args.action == "mark-unreviewed" \
            else (lambda c: review.mark_reviewed(c, args.by))  # fmt: skip
        chosen = [d for d in domains if getattr(args, "domain", d.name) == d.name]
        for domain in chosen:
            for language in args.languages or domain.languages():
                _mark(domain, language, mark, out)
    return 0


def _init(domains: list[Domain], language: str, out: TextIO) -> int:
    try:
        for domain in domains:
            path = init_domain(domain, language)
            out.write(f"wrote {path}\n" if path else f"kept {domain.catalog(language)}\n")
    except (UnknownLocaleError, ValueError) as exc:
        errors(out).write(f"unknown language code {language!r}: {exc}\n")
        return 1
    return 0


def _mark(domain: Domain, language: str, mark, out: TextIO) -> None:
    path = domain.catalog(language)
    if not path.is_file():
        return
    catalog = read_catalog(path)
    changed = mark(catalog)
    if changed:
        write_catalog(catalog, path)
    out.write(f"{path}: {changed} entr{'y' if changed == 1 else 'ies'} marked\n")
