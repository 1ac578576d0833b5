"""The one translation function every user-interface string passes through (gettext style).

Catalogues are the .po files in game/locales/<language>/LC_MESSAGES/voices.po, read with Babel
when a language is chosen: there is no compile step. A string missing from a catalogue, or
marked fuzzy there, is shown in English.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import Protocol

# Babel is imported only when a catalogue or an unknown language name is needed: an English
# start-up does not pay for it.

LOCALE_DIR = Path(__file__).parent / "locales"
DOMAIN = "voices"
SOURCE_LANGUAGE = "en"

# Each language is offered in its own name (never with a flag).
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "ru": "Русский", "uz": "Oʻzbekcha"}


class Messages(Protocol):
    """What the interface asks of a catalogue: gettext's translations, or English as written."""

    def gettext(self, message: str) -> str: ...
    def ngettext(self, singular: str, plural: str, n: int) -> str: ...
    def pgettext(self, context: str, message: str) -> str: ...


class English:
    """The interface as written (gettext's NullTranslations without importing gettext, which
    an English start-up does not need)."""

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural

    def pgettext(self, context: str, message: str) -> str:
        return message


_translation: Messages = English()
_language = SOURCE_LANGUAGE


def catalog_path(language: str, folder: Path = LOCALE_DIR) -> Path:
    return folder / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def available_languages(folder: Path = LOCALE_DIR) -> list[str]:
    """English first, then every language with an interface catalogue, in code order."""
    found = sorted(p.parent.parent.name for p in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return [SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE)]


def language_name(code: str) -> str:
    """The language's name in itself: 'Русский' for ru."""
    if code in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[code]
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return code
    return (name or code)[:1].upper() + (name or code)[1:]


def load_translations(language: str, folder: Path = LOCALE_DIR) -> Messages:
    """The interface catalogue of `language` as gettext translations; English when absent."""
    path = catalog_path(language, folder)
    if language == SOURCE_LANGUAGE or not path.is_file():
        return English()
    import gettext

    from babel.messages.mofile import write_mo

    from game.po import CatalogError, read_catalog

    try:
        catalog = read_catalog(path, language)
    except CatalogError:  # a damaged catalogue never stops the game: the interface stays English
        return English()
    buffer = io.BytesIO()
    write_mo(buffer, catalog)  # leaves out fuzzy and empty entries
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@cache
def _catalogue(code: str) -> Messages:
    return load_translations(code)


def in_language(code: str, message: str) -> str:
    """`message` in language `code`, whatever the interface speaks now (English if untranslated)."""
    return _catalogue(code).gettext(message)


def in_each(codes: tuple[str, ...], message: str) -> list[str]:
    """The message in every language, each distinct line once (an untranslated one is English)."""
    return list(dict.fromkeys(in_language(code, message) for code in codes))


def use_language(language: str | None) -> str:
    """Show the interface in `language` from now on; returns the language now in use."""
    global _translation, _language
    language = language or SOURCE_LANGUAGE
    _translation = load_translations(language)
    _language = SOURCE_LANGUAGE if isinstance(_translation, English) else language
    return _language


set_language = use_language  # the name the first callers used


def current_language() -> str:
    return _language


def _(message: str) -> str:
    """Translate one user-interface string."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a string whose form depends on a number."""
    return _translation.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """Translate a string that needs a context to be told apart (a month inside a date)."""
    return _translation.pgettext(context, message)


def N_(message: str) -> str:
    """Mark a string for translation where it is defined; translate it with _() where shown."""
    return message
