"""Every translatable string is found by Babel on every supported Python, not only 3.12+."""

from __future__ import annotations

import ast
from pathlib import Path

import game

GETTEXT = {"_", "N_", "ngettext", "pgettext"}


def gettext_inside_fstrings(source: str) -> list[int]:
    """Lines where _() sits inside an f-string: Babel's extractor sees it only on 3.12+ (PEP 701)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if (isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name)
                        and inner.func.id in GETTEXT):  # fmt: skip
                    found.append(inner.lineno)
    return found


def test_the_check_finds_a_call_inside_an_fstring():
    assert gettext_inside_fstrings("x = f\" ({_('invented')})\"\n") == [1]
    assert gettext_inside_fstrings("y = _('invented')\nx = f' ({y})'\n") == []


def test_no_translatable_string_hides_inside_an_fstring():
    package = Path(game.__file__).parent
    hidden = [f"{path.relative_to(package.parent)}:{line}"
              for path in sorted(package.rglob("*.py"))
              for line in gettext_inside_fstrings(path.read_text("utf-8"))]  # fmt: skip
    assert not hidden, "move these _() calls out of their f-strings: " + ", ".join(hidden)
