"""A story copied into a temporary folder with catalogues: templates, and a language filled
with a stand-in translation that keeps every {value} and [[term]] of the English."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.authoring.catalogs import extract, init_domain, story_domains, write_catalog
from game.po import read_catalog
from tests.conftest import FIXTURES

MINI = FIXTURES / "mini"
PREFIX = "ru:"


def translate_all(root: Path, language: str = "ru", prefix: str = PREFIX) -> None:
    """Start `language` and translate every story string as prefix + English."""
    for domain in story_domains(root):
        init_domain(domain, language)
        path = domain.catalog(language)
        catalog = read_catalog(path)
        for message in catalog:
            if message.id:
                message.string = prefix + message.id
        write_catalog(catalog, path)


def translated_copy(source: Path, target: Path, language: str = "ru") -> Path:
    """A copy of the story `source` with templates and a whole stand-in translation."""
    shutil.copytree(source, target)
    extract(target)
    translate_all(target, language)
    return target


@pytest.fixture
def mini_ru(tmp_path) -> Path:
    return translated_copy(MINI, tmp_path / "mini")
