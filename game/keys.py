"""The keys a player may rebind: each action's default key, and checking a stored binding."""

from __future__ import annotations

from typing import Any

from game.i18n import N_

# action -> (default key, as pygame.key.name spells it; what it does, for Settings)
ACTIONS: dict[str, tuple[str, str]] = {
    "read_aloud": ("v", N_("Read aloud on or off")),
    "repeat": ("r", N_("Read the screen again")),
    "history": ("h", N_("History")),
    "codex": ("c", N_("Codex")),
}
# Keys that always mean the same thing (moving, choosing, going back, numbered choices, the
# window): binding an action to one of them would take that meaning away.
RESERVED: frozenset[str] = frozenset(
    ["escape", "return", "enter", "space", "tab", "up", "down", "left", "right", "page up",
     "page down", "f5", "f11", *"123456789", *(f"[{n}]" for n in range(1, 10))]
)  # fmt: skip
MAX_NAME = 24


def bindings(overrides: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """action -> key name: the defaults with the player's changes."""
    keys = {action: default for action, (default, _) in ACTIONS.items()}
    keys.update((a, k) for a, k in overrides if a in ACTIONS)
    return keys


def refusal(overrides: tuple[tuple[str, str], ...], action: str, key: str) -> str | None:
    """Why `key` cannot do `action` (a reserved key, or one another action uses); None if it can."""
    if key in RESERVED or not key or key == "unknown key":
        return "reserved"
    taken = next((a for a, k in bindings(overrides).items() if k == key and a != action), None)
    return taken


def rebind(overrides: tuple[tuple[str, str], ...], action: str, key: str):
    """The stored overrides with `action` on `key` (defaults are not stored)."""
    rest = tuple((a, k) for a, k in overrides if a != action)
    return rest if ACTIONS[action][0] == key else (*rest, (action, key))


def valid(value: Any) -> bool:
    """A stored binding list: known actions, short key names, no key used twice."""
    if not isinstance(value, (list, tuple)) or len(value) > len(ACTIONS):
        return False
    pairs = [p for p in value if isinstance(p, (list, tuple)) and len(p) == 2]
    if len(pairs) != len(value):
        return False
    if not all(a in ACTIONS and isinstance(k, str) and 0 < len(k) <= MAX_NAME and k not in RESERVED
               for a, k in pairs):  # fmt: skip
        return False
    keys = list(bindings(tuple((a, k) for a, k in pairs)).values())
    return len(set(keys)) == len(keys)
