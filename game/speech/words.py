"""Text as a speech engine should hear it: dates, ranges and signs written out per language."""

from __future__ import annotations

import re

MAX_CHARS = 20_000  # a page is a few thousand characters; anything longer is cut, not queued

# A year range "1916–1934": the dash alone would be read as nothing (two numbers in a row).
_RANGE = re.compile(r"(\d{3,4})\s*[–—-]\s*(\d{2,4})\b")
_RANGE_WORDS = {
    "en": r"\1 to \2",
    "ru": r"с \1 по \2",
    "uz": r"\1-yildan \2-yilgacha",
}
# Russian abbreviations of "year" after a number: "1918 г." is read "ге" by espeak-ng.
_RU_YEAR = re.compile(r"(\d)\s*(гг|г)\.")
_PERCENT = {"en": " percent", "ru": " процентов", "uz": " foiz"}
# Uzbek oʻ and gʻ are written with U+02BB (or a typographic quote): engines know them with the
# plain apostrophe, and some spell U+02BB out as a symbol's name.
_UZ_MARK = re.compile(r"(?<=[OoGg])[\u02bb\u2018\u2019\u02bc`]")
_SEPARATORS = re.compile(r"\s*[·•|]\s*")  # "June 1916 · Kokand": a pause, not a word
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")


def spoken(text: str, language: str) -> str:
    """`text` rewritten for a speech engine in `language` (en, ru, uz; others as English)."""
    lang = language if language in _RANGE_WORDS else "en"
    text = text[:MAX_CHARS]
    text = _SEPARATORS.sub(", ", text)
    text = _RANGE.sub(_RANGE_WORDS[lang], text)
    if lang == "ru":
        text = _RU_YEAR.sub(lambda m: m.group(1) + (" годов" if m.group(2) == "гг" else " года"),
                            text)  # fmt: skip
    if lang == "uz":
        text = _UZ_MARK.sub("'", text).replace("\u02bb", "'")
    text = re.sub(r"(?<=\d)\s*%", _PERCENT[lang], text)
    return _SPACES.sub(" ", text).strip()
