"""Gettext catalogues of the story's strings: one template per domain (the history registries,
and each perspective), with each string's context and the YAML file and line it comes from."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from game.engine import read_story
from game.engine.strings import TString

HISTORY_DOMAIN = "history"


def locales_dir(root: Path) -> Path:
    return root / "locales"


def template_path(root: Path, domain: str) -> Path:
    return locales_dir(root) / "templates" / f"{domain}.pot"


def catalog_path(root: Path, language: str, domain: str) -> Path:
    return locales_dir(root) / language / f"{domain}.po"


def domain_of(item: TString, root_name: str) -> str:
    """Strings written in a perspective's folder belong to that perspective's catalogue."""
    parts = Path(item.file).parts
    if "perspectives" in parts:
        index = parts.index("perspectives")
        if index + 1 < len(parts):
            return parts[index + 1]
    return HISTORY_DOMAIN


def story_templates(root: Path) -> dict[str, Catalog]:
    """A template catalogue per domain, from every string the loader meets."""
    result = read_story(root)
    catalogs: dict[str, Catalog] = {}
    for item in result.strings:
        domain = domain_of(item, root.name)
        catalog = catalogs.setdefault(domain, _new_catalog(domain))
        catalog.add(item.text, context=item.context, locations=[(_relative(item.file), item.line)])
    return catalogs


def _new_catalog(domain: str, locale: str | None = None) -> Catalog:
    return Catalog(locale=locale, domain=domain, project="Voices of Turkestan",
                   msgid_bugs_address="", charset="utf-8", fuzzy=False)  # fmt: skip


def _relative(file: str) -> str:
    # Messages name files as 'story/perspectives/…'; references in catalogues do the same.
    return file


def write_catalog(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, catalog, width=100, sort_output=False, include_previous=True)


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def extract(root: Path) -> list[Path]:
    """Write the templates; return their paths."""
    written = []
    for domain, catalog in story_templates(root).items():
        path = template_path(root, domain)
        write_catalog(catalog, path)
        written.append(path)
    return written


def init_language(root: Path, language: str, domains: Iterable[str] | None = None) -> list[Path]:
    """Start a language's catalogues from the templates (never overwriting existing ones)."""
    written = []
    for pot in sorted((locales_dir(root) / "templates").glob("*.pot")):
        domain = pot.stem
        if domains is not None and domain not in domains:
            continue
        path = catalog_path(root, language, domain)
        if path.exists():
            continue
        template = read_catalog(pot)
        catalog = _new_catalog(domain, language)
        for message in template:
            if message.id:
                catalog.add(message.id, context=message.context, locations=message.locations)
        write_catalog(catalog, path)
        written.append(path)
    return written
