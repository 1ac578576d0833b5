"""The shipped story catalogues are each written in their own language's script: no Russian
left in the Uzbek catalogue (as a faulty merge once did), no English left in the Russian."""

from __future__ import annotations

import re

import pytest

from game.po import read_catalog
from tests.conftest import STORY

CYRILLIC = re.compile("[\u0400-\u04ff]")
LATIN_WORD = re.compile("[A-Za-z]{3}")


def translations(language: str) -> list[tuple[str, str]]:
    found = []
    for path in sorted((STORY / "locales" / language).glob("*.po")):
        for message in read_catalog(path, language):
            if message.id and isinstance(message.string, str) and message.string:
                found.append((f"{path.name} {message.context}", message.string))
    return found


@pytest.mark.parametrize("language", ["ru", "uz"])
def test_every_story_translation_is_in_its_own_script(language):
    entries = translations(language)
    assert len(entries) > 1000
    if language == "ru":  # Cyrillic, with Latin only inside markup such as [[term|…]]
        wrong = [where for where, text in entries
                 if not CYRILLIC.search(text) and LATIN_WORD.search(text)]  # fmt: skip
    else:  # Uzbek in Latin letters: not a single Cyrillic one
        wrong = [where for where, text in entries if CYRILLIC.search(text)]
    assert not wrong, wrong[:5]
