"""How a codex term's title reads where a link stands in a sentence (no other engine imports)."""

from __future__ import annotations

import re
from functools import lru_cache

SENTENCE_END = '.!?…“«‘"('


def in_sentence(word: str, before: str, capital: bool = False) -> str:
    """A codex word at the start of a sentence, or written with one, takes a capital; elsewhere
    it reads as its entry writes it."""
    before = before.rstrip()
    if word and (capital or not before or before[-1] in SENTENCE_END):
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
        if match.start() > 0 and text[: match.start()].rstrip()[-1:] not in SENTENCE_END:
            return lower
    return title
