"""Small modal dialogs: a message to acknowledge, and a question to confirm."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.i18n import _
from game.ui.ornament import draw_panel
from game.ui.screens.base import Overlay
from game.ui.widgets import Button


class MessageDialog(Overlay):
    """A heading, a few lines of explanation, and buttons; dismisses with the chosen label.

    `message` is one paragraph, or a list of them: each list item is laid out as its own
    wrapped block (a newline inside one paragraph would be lost to the wrapping)."""

    holds_time = True

    def __init__(self, app, heading: str, message: str | list[str] = "",
                 buttons: list[str] | None = None, safe: int = 0):  # fmt: skip
        """`safe` is the button focused at first, so Enter alone never does harm."""
        super().__init__(app)
        self.heading = heading
        self.paragraphs = [message] if isinstance(message, str) else list(message)
        self.message = "\n".join(self.paragraphs)
        labels = buttons or [_("OK")]
        self.group.set([Button(label, self._choose(label)) for label in labels])
        self.group.focus = safe
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.small = False  # the message in smaller type, to fit the window

    def _choose(self, label: str) -> Callable[[], None]:
        return lambda: self.dismiss(label)

    def panel_rect(self) -> pygame.Rect:
        return self.rect

    def _pages(self, width: int, small: bool = False):
        kit = self.kit
        blocks = [kit.block("strong", self.heading)]
        # A list is smaller, to fit more; so is a message too long for the window at its size.
        role = "body" if len(self.paragraphs) < 2 and not small else "ui"
        blocks += [kit.block(role, p) for p in self.paragraphs if p]
        return kit.layouter.page(blocks, width, kit.palette.paper)

    def layout(self) -> None:
        kit = self.kit
        w, h = kit.size
        pad, gap = kit.px(32), kit.px(12)
        # The designed width; wider, then in smaller type, while the dialog is taller than the
        # window (a long message at Double text on a small screen).
        for width, small in ((min(kit.px(620), w - kit.px(80)), False),
                             (w - kit.px(80), False), (w - kit.px(80), True)):  # fmt: skip
            self.small = small
            page = self._pages(width - 2 * pad, small)
            button_w = (width - 2 * pad - gap * (len(self.group.buttons) - 1)) // len(
                self.group.buttons
            )
            button_h = max(b.fit(self.kit, button_w) for b in self.group.buttons)
            height = pad + page.height + kit.px(24) + button_h + pad
            if height <= h - kit.px(24):
                break
        height = min(height, h - kit.px(24))  # past all that, whole lines only (see draw)
        self.rect = pygame.Rect((w - width) // 2, (h - height) // 2, width, height)
        x = self.rect.x + pad
        for button in self.group.buttons:
            button.rect.size = (button_w, button_h)
            button.rect.topleft = (x, self.rect.bottom - pad - button_h)
            x += button_w + gap

    def draw(self, surf: pygame.Surface) -> None:
        self.shade(surf)
        draw_panel(surf, self.rect, self.kit)
        pad = self.kit.px(32)
        page = self._pages(self.rect.width - 2 * pad, self.small)
        room = self.group.buttons[0].rect.top - self.kit.px(24) - (self.rect.y + pad)
        page.draw(surf, pygame.Rect(self.rect.x + pad, self.rect.y + pad, page.width, room))
        super().draw(surf)


def confirm(app, heading: str, message: str, yes: str, on_yes: Callable[[], None]) -> None:
    """Ask before doing something that cannot be undone; `on_yes` runs only on `yes`."""

    def done(result: str | None) -> None:
        if result == yes:
            on_yes()

    # Cancel is focused: Enter (or Space) on a dialog that can lose something keeps it.
    app.push(MessageDialog(app, heading, message, [yes, _("Cancel")], safe=1), done)
