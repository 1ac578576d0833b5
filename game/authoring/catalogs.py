"""Gettext catalogues of the story and the interface: templates, language catalogues, merging.

The story has one template per domain (the history registries, and each perspective) in
story/locales/templates/<domain>.pot, each string with its context and the YAML file and line
it comes from; each language's catalogues are story/locales/<language>/<domain>.po. The
interface has one template, game/locales/voices.pot, extracted from the code's _() calls, and
game/locales/<language>/LC_MESSAGES/voices.po per language.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import normalize, write_po

from game import i18n
from game.authoring.merge import merge
from game.engine import read_story
from game.engine.strings import TString
from game.paths import PACKAGE_DIR, PROJECT_DIR
from game.po import read_catalog

HISTORY_DOMAIN = "history"
PROJECT = "Voices of Turkestan"
WIDTH = 100  # .po lines wrap here, as Poedit and msgmerge would
# The functions whose string arguments the interface template collects (see game/i18n.py).
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


@dataclass(frozen=True)
class Domain:
    """One family of catalogues: a template, and a catalogue per language beside it."""

    name: str
    template: Path
    folder: Path  # the language folders live here
    by_context: bool  # story strings have stable contexts; interface strings have not
    ui: bool = False

    def catalog(self, language: str) -> Path:
        if self.ui:
            return i18n.catalog_path(language, self.folder)
        return self.folder / language / f"{self.name}.po"

    def languages(self) -> list[str]:
        pattern = f"*/LC_MESSAGES/{self.name}.po" if self.ui else f"*/{self.name}.po"
        found = {p.relative_to(self.folder).parts[0] for p in self.folder.glob(pattern)}
        return sorted(found - {"templates"})


def locales_dir(root: Path) -> Path:
    return Path(root) / "locales"


def template_path(root: Path, domain: str) -> Path:
    return locales_dir(root) / "templates" / f"{domain}.pot"


def catalog_path(root: Path, language: str, domain: str) -> Path:
    return locales_dir(root) / language / f"{domain}.po"


def story_domain(root: Path, name: str) -> Domain:
    return Domain(name, template_path(root, name), locales_dir(root), by_context=True)


def ui_domain(folder: Path = i18n.LOCALE_DIR) -> Domain:
    return Domain(i18n.DOMAIN, folder / f"{i18n.DOMAIN}.pot", folder, by_context=False, ui=True)


def story_domains(root: Path) -> list[Domain]:
    """The story's domains, as their templates name them."""
    pots = sorted((locales_dir(root) / "templates").glob("*.pot"))
    return [story_domain(root, p.stem) for p in pots]


def domain_of(item: TString) -> str:
    """Strings written in a perspective's folder belong to that perspective's catalogue."""
    parts = Path(item.file).parts
    if "perspectives" in parts:
        index = parts.index("perspectives")
        if index + 1 < len(parts):
            return parts[index + 1]
    return HISTORY_DOMAIN


def story_templates(root: Path, strings: Iterable[TString] | None = None) -> dict[str, Catalog]:
    """A template catalogue per domain, from every string the loader meets."""
    catalogs: dict[str, Catalog] = {}
    for item in read_story(root).strings if strings is None else strings:
        catalog = catalogs.setdefault(domain_of(item), new_catalog(domain_of(item)))
        catalog.add(item.text, context=item.context, locations=[(item.file, item.line)])
    return catalogs


def ui_template(package: Path = PACKAGE_DIR) -> Catalog:
    """The interface template: every string passed to _(), N_(), ngettext() or pgettext()."""
    catalog = new_catalog(i18n.DOMAIN)
    base = package.relative_to(PROJECT_DIR) if package.is_relative_to(PROJECT_DIR) else package
    found = extract_from_dir(str(package), [("**.py", "python")], keywords=KEYWORDS,
                             comment_tags=("TRANSLATORS:",), strip_comment_tags=True)  # fmt: skip
    for filename, line, message, comments, context in found:
        catalog.add(message, locations=[((base / filename).as_posix(), line)],
                    auto_comments=comments, context=context)  # fmt: skip
    return catalog


def new_catalog(domain: str, language: str | None = None) -> Catalog:
    """An empty catalogue (a template when `language` is None); UnknownLocaleError if unknown."""
    return Catalog(locale=language, domain=domain, project=PROJECT, version="1",
                   msgid_bugs_address="", copyright_holder=PROJECT, charset="utf-8",
                   fuzzy=False)  # fmt: skip


def write_catalog(catalog: Catalog, path: Path) -> None:
    """Write a .po or .pot file, one block per message in the catalogue's order."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, sort_output=False)
    blocks = buffer.getvalue().decode("utf-8").split("\n\n")
    # Babel wraps `#| msgid` like prose, breaking its quoted lines apart: write it ourselves.
    for i, message in enumerate(catalog):
        if message.id and message.previous_id:
            blocks[i] = _with_previous(blocks[i], message.previous_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(blocks), encoding="utf-8")


def _with_previous(block: str, previous: list[str]) -> str:
    lines = block.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(("msgctxt ", "msgid ")))
    keys = ("msgid", "msgid_plural")
    shown = [
        f"#| {key} {normalize(text, prefix='#| ', width=WIDTH)}"
        for key, text in zip(keys, previous, strict=False)
    ]
    return "\n".join([*lines[:at], *shown, *lines[at:]])


def extract(root: Path, ui: Domain | None = None) -> list[Path]:
    """Write the story's templates and the interface template; return their paths."""
    written = []
    for name, catalog in story_templates(root).items():
        write_catalog(catalog, template_path(root, name))
        written.append(template_path(root, name))
    if ui is not None:
        write_catalog(ui_template(), ui.template)
        written.append(ui.template)
    return written


def update_domain(domain: Domain, languages: Iterable[str] | None = None) -> list[Path]:
    """Merge the domain's template into each language's catalogue (see merge.py)."""
    written = []
    for language in domain.languages() if languages is None else languages:
        path = domain.catalog(language)
        if not path.exists():
            continue
        # A fresh template each time: Babel's update puts the template's own new messages into
        # the catalogue, and the merge then gives them this language's words; reused, the next
        # language would inherit them (Russian once landed in the Uzbek catalogue that way).
        template = read_catalog(domain.template)
        catalog = merge(read_catalog(path), template, domain.by_context)
        write_catalog(catalog, path)
        written.append(path)
    return written


def init_domain(domain: Domain, language: str) -> Path | None:
    """Start a language's catalogue from the template; None when it already exists."""
    path = domain.catalog(language)
    if path.exists():
        return None
    catalog = new_catalog(domain.name, language)
    catalog.update(read_catalog(domain.template), no_fuzzy_matching=True)
    write_catalog(catalog, path)
    return path
