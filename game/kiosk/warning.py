"""'Are you still there?': the countdown before a kiosk visit ends, over the dimmed page."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame

from game.i18n import _
from game.ui.ornament import draw_panel
from game.ui.screens.base import Overlay
from game.ui.widgets import Button, page_content_width

if TYPE_CHECKING:
    from game.kiosk.app import KioskApp


class WarningScreen(Overlay):
    """Any touch cancels an idle warning (the app sees to that); the session cap cannot be."""

    holds_time = True

    app: KioskApp  # typed for the checker: these screens run only in the kiosk

    def __init__(self, app, closing: bool = False) -> None:
        super().__init__(app)
        self.closing = closing
        self.stay = Button(_("I am still here"), self.dismiss)
        self.group.set([] if closing else [self.stay])
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.shown_left = -1

    def panel_rect(self) -> pygame.Rect:
        return self.rect

    def back(self) -> None:
        """Only a touch or the timer closes the warning."""

    def _texts(self) -> tuple[str, str]:
        if self.closing:
            return (_("Thank you for visiting"),
                    _("The story starts again for the next visitor."))  # fmt: skip
        return _("Are you still there?"), _("Touch the screen to keep reading.")

    def _page(self, width: int):
        kit = self.kit
        heading, message = self._texts()
        blocks = [kit.block("heading", heading), kit.block("body", message)]
        return kit.layouter.page(blocks, width, kit.palette.paper)

    def layout(self) -> None:
        kit = self.kit
        w, h = kit.size
        width = min(kit.px(700), w - kit.px(80))
        pad = kit.px(40)
        self.inner = width - 2 * pad
        ring = kit.px(110)
        button_h = self.stay.fit(kit, min(self.inner, kit.px(380))) if not self.closing else 0
        height = 2 * pad + self._page(self.inner).height + ring + kit.px(30) + button_h
        self.rect = pygame.Rect((w - width) // 2, (h - height) // 2, width, height)
        self.stay.rect.midbottom = (self.rect.centerx, self.rect.bottom - pad)

    def update(self, now: float) -> bool:
        left = math.ceil(self.app.idle.left(now))
        if left != self.shown_left:
            self.shown_left = left
            self.app.redraw()
        return False  # the loop wakes each second anyway; no need to draw 60 times a second

    def draw(self, surf: pygame.Surface) -> None:
        kit = self.kit
        self.shade(surf)
        draw_panel(surf, self.rect, kit)
        pad = kit.px(40)
        page = self._page(self.inner)
        width = page_content_width(page)
        x = self.rect.centerx - width // 2  # centred, like the ring below
        page.draw(surf, pygame.Rect(x, self.rect.y + pad, width, page.height))
        self._draw_countdown(surf, (self.rect.centerx, self.rect.y + pad + page.height
                                    + kit.px(30) + kit.px(40)))  # fmt: skip
        super().draw(surf)

    def _draw_countdown(self, surf: pygame.Surface, center: tuple[int, int]) -> None:
        kit = self.kit
        r = kit.px(46)
        left = self.app.idle.left(self.app.clock())
        share = left / max(1.0, self.app.idle.warn_for)
        rect = pygame.Rect(0, 0, 2 * r, 2 * r)
        rect.center = center
        pygame.draw.circle(surf, kit.palette.muted, center, r, max(2, kit.px(2)))
        if share > 0:
            start = math.pi / 2
            pygame.draw.arc(surf, kit.palette.accent, rect, start, start + 2 * math.pi * share,
                            max(4, kit.px(6)))  # fmt: skip
        number = kit.label("heading", str(max(0, math.ceil(left))))
        surf.blit(number, number.get_rect(center=center))
