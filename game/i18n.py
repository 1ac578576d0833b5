"""The one translation function every user-interface string passes through (gettext style)."""

from __future__ import annotations

import gettext
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locales"
DOMAIN = "voices"

_translation: gettext.NullTranslations = gettext.NullTranslations()


def set_language(language: str | None) -> None:
    """Use the catalogue game/locales/<language>/LC_MESSAGES/voices.mo; English when absent."""
    global _translation
    if not language or language == "en":
        _translation = gettext.NullTranslations()
        return
    _translation = gettext.translation(DOMAIN, LOCALE_DIR, [language], fallback=True)


def _(message: str) -> str:
    """Translate one user-interface string."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a string whose form depends on a number."""
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for translation where it is defined; translate it with _() where shown."""
    return message
