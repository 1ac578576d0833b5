"""Reading gettext .po catalogues at run time (with Babel), and Uzbek apostrophes put right."""

from __future__ import annotations

import io
import re
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, read_po, unescape

from game.engine.limits import MAX_TEXT_CHARS
from game.engine.safefile import BadFile, read_bounded

MAX_CATALOG_BYTES = 5_000_000  # the largest shipped catalogue is ~150 kB

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


class CatalogError(BadFile):
    """A catalogue that cannot be used, with the line where the trouble is."""

    def __init__(self, path: Path, line: int, message: str, hint: str):
        super().__init__(message, hint)
        self.path, self.line = path, line

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def read_catalog(path: Path, language: str | None = None) -> Catalog:
    """A catalogue as written, with Uzbek look-alike apostrophes normalised in its msgstr.

    CatalogError when the file is not a readable UTF-8 catalogue of bounded size: translations
    are downloaded and edited by hand, so a broken one is normal input, not a crash.
    """
    raw = _checked_bytes(path)
    try:
        catalog = read_po(io.BytesIO(raw), abort_invalid=True)  # Language gives plural forms
    except PoFileError as exc:
        line = getattr(exc, "lineno", 0) + 1  # Babel counts lines from 0
        reason = re.sub(r" on \d+$", "", str(exc))
        raise CatalogError(path, line, f"not a valid catalogue: {reason}",
                           "compare the line with a working catalogue") from None  # fmt: skip
    except (LookupError, UnicodeError, ValueError) as exc:
        raise CatalogError(path, 1, f"the catalogue cannot be read: {exc}",
                           "save it as UTF-8 with 'charset=UTF-8' in its header") from None  # fmt: skip
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if any(len(s or "") > MAX_TEXT_CHARS for s in strings):
            raise CatalogError(path, message.lineno or 1, f"a translation is longer than "
                               f"{MAX_TEXT_CHARS:,} characters", "split the text")  # fmt: skip
    for message in catalog:
        _restore_previous(message)
    if language and is_uzbek_latin(language):
        for message in catalog:
            if message.id and isinstance(message.string, str):
                message.string = normalise_uzbek(message.string)
            elif message.id and message.string:
                message.string = tuple(normalise_uzbek(s) for s in message.string)
    return catalog


_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)", re.I)


def _checked_bytes(path: Path) -> bytes:
    """The file's bytes once they are known to be UTF-8 text without NUL bytes."""
    try:
        raw = read_bounded(path, MAX_CATALOG_BYTES)
    except BadFile as exc:
        raise CatalogError(path, 0, exc.message, exc.hint or "replace the file") from None
    if b"\0" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\0")) + 1
        raise CatalogError(path, line, "the catalogue holds a NUL byte",
                           "the file is damaged: restore it or save it again as text")  # fmt: skip
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise CatalogError(path, line, "the catalogue is not UTF-8 text",
                           "save it as UTF-8 in your editor") from None  # fmt: skip
    charset = _CHARSET.search(raw)
    if charset and charset.group(1).lower().replace(b"-", b"") not in (b"utf8", b"charset"):
        line = raw.count(b"\n", 0, charset.start()) + 1
        raise CatalogError(path, line, f"the catalogue declares charset "
                           f"{charset.group(1).decode('ascii')}; only UTF-8 is read",
                           "write 'charset=UTF-8' in the header and save the file as UTF-8")  # fmt: skip
    return raw


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
