"""Text as a speech engine should hear it: dates, ranges and signs written out per language."""

from __future__ import annotations

import re

from game.speech.numbers import en_numbers, ru_numbers, uz_numbers

MAX_CHARS = 20_000  # a page is a few thousand characters; anything longer is cut, not queued

# A year range "1916–1934": the dash alone would be read as nothing (two numbers in a row).
_RANGE = re.compile(r"(\d{3,4})\s*[–—-]\s*(\d{2,4})\b")
_RANGE_WORDS = {
    "en": r"\1 to \2",
    "ru": r"с \1 по \2",
    "uz": r"\1-yildan \2-yilgacha",
}
_PERCENT = {"en": " percent", "ru": " процентов", "uz": " foiz"}
# Uzbek oʻ and gʻ are written with U+02BB (or a typographic quote): engines know them with the
# plain apostrophe, and some spell U+02BB out as a symbol's name.
_UZ_MARK = re.compile(r"(?<=[OoGg])[\u02bb\u2018\u2019\u02bc`]")
_SEPARATORS = re.compile(r"\s*[·•|]\s*")  # "June 1916 · Kokand": a pause, not a word
_GROUPED = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))")  # "25 000" is one number
_NUMBERS = {"en": en_numbers, "ru": ru_numbers, "uz": uz_numbers}
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")


def spoken(text: str, language: str) -> str:
    """`text` rewritten for a speech engine in `language` (en, ru, uz; others as English)."""
    lang = language if language in _RANGE_WORDS else "en"
    text = text[:MAX_CHARS]
    text = _SEPARATORS.sub(", ", text)
    text = _RANGE.sub(_RANGE_WORDS[lang], text)
    text = re.sub(r"(?<=\d)\s*%", _PERCENT[lang], text)
    text = _NUMBERS[lang](_GROUPED.sub("", text))
    if lang == "uz":
        text = _UZ_MARK.sub("'", text).replace("\u02bb", "'")
    return _SPACES.sub(" ", text).strip()
