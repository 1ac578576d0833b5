"""The base of every screen on the stack: lifecycle, input hooks and a default button group."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

import pygame

from game.ui.widgets import Group

if TYPE_CHECKING:
    from game.ui.app import App


class Screen:
    """One view on the stack (like arcade's View or Textual's Screen); the top one gets input."""

    opaque = True  # False for overlays: the screen below is drawn first
    opening_sound: str | None = None  # a game.ui.sound voice played when the screen is pushed
    holds_time = False  # True: the play time (not only the typewriter) stops while it is open

    _made_with: tuple[tuple, dict]

    def __new__(cls, *args: Any, **kwargs: Any) -> Self:
        screen = super().__new__(cls)
        screen._made_with = (args, kwargs)  # so renewed() can build it again
        return screen

    def __init__(self, app: App) -> None:
        self.app = app
        self.kit = app.kit
        self.group = Group()

    # -- lifecycle
    def layout(self) -> None:
        """Place everything for the current window size and settings."""

    def on_show(self) -> None:
        """Called when the screen becomes the top again (a screen above it closed)."""

    def on_cover(self, above: Screen) -> None:
        """Called when `above` is opened over this screen (its clocks may stop until on_show)."""

    def renewed(self) -> Self:
        """This screen built again from the same arguments (after a language change)."""
        args, kwargs = self._made_with
        fresh = type(self)(*args, **kwargs)
        fresh.group.focus = self.group.focus
        return fresh

    def dismiss(self, result: Any = None) -> None:
        """Close this screen, handing `result` to whoever opened it."""
        self.app.pop(self, result)

    def back(self) -> None:
        """What Escape does; closing the screen by default."""
        self.dismiss()

    # -- input (positions are window pixels; touch arrives here as pointer events)
    def pointer_move(self, pos: tuple[int, int]) -> bool:
        return self.group.pointer_move(pos)

    def pointer_down(self, pos: tuple[int, int]) -> None:
        self.group.pointer_down(pos)

    def pointer_up(self, pos: tuple[int, int]) -> None:
        self.group.pointer_up(pos)

    def pointer_cancel(self) -> None:
        self.group.cancel()

    def scroll(self, dy: int) -> None:
        """Scroll content by dy pixels (wheel or touch drag); nothing by default."""

    def key(self, event: pygame.event.Event) -> None:
        if event.key == pygame.K_ESCAPE:
            self.back()
        else:
            self.group.key(event.key)

    # -- time and drawing
    def update(self, now: float) -> bool:
        """Advance animations; True while something is moving (the loop then keeps ticking)."""
        return False

    def draw(self, surf: pygame.Surface) -> None:
        self.group.draw(surf, self.kit)
