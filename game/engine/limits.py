"""Resource bounds on story input: generous for real stories, small enough that no file can hang
or exhaust the machine (see docs/story-format.md, "Limits")."""

from __future__ import annotations

MAX_FILE_BYTES = 2_000_000  # one YAML file (the largest shipped file is ~30 kB)
MAX_FILES = 1_000  # YAML files in one folder (history/ or a perspective)
MAX_VALUES = 200_000  # values in one file after aliases are expanded (stops "billion laughs")
MAX_DEPTH = 40  # nesting of YAML lists and mappings (a scene needs about 8)
MAX_CONDITIONAL_DEPTH = 8  # conditional paragraphs inside conditional paragraphs
MAX_TEXT_CHARS = 20_000  # one text value or paragraph (a kiosk paragraph is ~600 characters)
MAX_NUMBER_DIGITS = 15  # an integer literal, in YAML or an expression
MAX_NUMBER = 10**15  # a number variable's value at run time
MAX_EXPR_CHARS = 1_000  # one expression or `do:` line
MAX_EXPR_DEPTH = 32  # parentheses, 'not' and '-' inside one another
MAX_EXPR_OPERATORS = 64  # operators and function calls in one expression
