"""Reading gettext .po catalogues at run time (with Babel), and Uzbek apostrophes put right."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, unescape

OKINA = "\u02bb"  # ʻ MODIFIER LETTER TURNED COMMA: the letter in oʻ and gʻ
LOOKALIKES = "'`\u2018\u2019\u02bc"  # ' ` ‘ ’ ʼ, typed for ʻ by keyboards and habit

# oʻ and gʻ inside a word, and gʻ at a word's end (togʻ, bogʻ); an apostrophe after any other
# letter is the tutuq belgisi (ʼ, as in taʼlim) and stays as written.
_UZBEK_APOSTROPHE = re.compile(rf"(?<=[oOgG])[{LOOKALIKES}](?=[^\W\d_])|(?<=[gG])[{LOOKALIKES}]")


def is_uzbek_latin(language: str) -> bool:
    """True for 'uz', 'uz_Latn' and the like; Uzbek in Cyrillic has no oʻ to put right."""
    parts = re.split(r"[_-]", language.lower())
    return parts[0] == "uz" and "cyrl" not in parts


def normalise_uzbek(text: str) -> str:
    """'O'zbek tog`' → 'Oʻzbek togʻ': look-alikes after o and g become U+02BB."""
    return _UZBEK_APOSTROPHE.sub(OKINA, text)


def read_catalog(path: Path, language: str | None = None) -> Catalog:
    """A catalogue as written, with Uzbek look-alike apostrophes normalised in its msgstr."""
    with path.open("rb") as handle:
        catalog = read_po(handle)  # the Language header gives the plural forms
    for message in catalog:
        _restore_previous(message)
    if language and is_uzbek_latin(language):
        for message in catalog:
            if message.id and isinstance(message.string, str):
                message.string = normalise_uzbek(message.string)
            elif message.id and message.string:
                message.string = tuple(normalise_uzbek(s) for s in message.string)
    return catalog


def _restore_previous(message: Message) -> None:
    """Babel reads `#| msgid "…"` (the English before a change) as a comment: put it back."""
    lines = [c[1:].strip() for c in message.user_comments if c.startswith("|")]
    if not lines:
        return
    message.user_comments = [c for c in message.user_comments if not c.startswith("|")]
    ids: list[str] = []
    for line in lines:
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgid", "msgid_plural"):
            ids.append("")
            line = rest.strip()
        elif keyword == "msgctxt" or not ids:
            continue  # Babel keeps no previous context
        if line.startswith('"'):
            ids[-1] += unescape(line)
    message.previous_id = ids


def usable(message) -> bool:
    """A translation to show: it has text and is not marked fuzzy."""
    if not message.id or message.fuzzy:
        return False
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)
