"""The player's key bindings applied to key presses before the screens see them."""

from __future__ import annotations

from typing import Any

import pygame

from game import keys


def route(app, event: pygame.event.Event) -> pygame.event.Event | None:
    """The press as the screens should see it: a rebound key arrives as its action's default
    key, a default key moved elsewhere is dropped, and V / R go to the narrator (None: used)."""
    if getattr(app.screen, "captures_keys", False):
        return event  # the screen is asking which key to bind
    name = pygame.key.name(event.key)
    bound = keys.bindings(app.settings.keys)
    action = next((a for a, k in bound.items() if k == name), None)
    if action == "read_aloud":
        app.narrator.toggle()
        return None
    if action == "repeat":
        app.narrator.repeat()
        return None
    if action is not None:
        default = keys.ACTIONS[action][0]
        return _as_key(event, pygame.key.key_code(default))
    if any(keys.ACTIONS[a][0] == name for a in bound):
        return None  # this key's action has moved to another key
    return event


def _as_key(event: pygame.event.Event, key: int) -> pygame.event.Event:
    if key == event.key:
        return event
    attrs: dict[str, Any] = {"mod": getattr(event, "mod", 0), "unicode": "", "scancode": 0}
    return pygame.event.Event(event.type, key=key, **attrs)
