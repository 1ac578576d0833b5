"""The one-line notice along the bottom of the window: a damaged file set aside, a disk that
refuses saves. Each shows for a few seconds over whatever screen is open; play goes on."""

from __future__ import annotations

import pygame

from game import notices
from game.i18n import _
from game.ui.kit import Kit

SHOW_SECONDS = 7.0


class NoticeBar:
    """Takes posted notices one at a time and shows each for SHOW_SECONDS (injected clock)."""

    def __init__(self) -> None:
        self.queue: list[str] = []
        self.current: str | None = None
        self.until = 0.0

    def update(self, now: float) -> bool:
        """True while a notice is on screen (the window keeps redrawing until it goes)."""
        self.queue += notices.take()
        if self.current is not None and now >= self.until:
            self.current = None
        if self.current is None and self.queue:
            self.current, self.until = self.queue.pop(0), now + SHOW_SECONDS
        return self.current is not None

    def draw(self, surf: pygame.Surface, kit: Kit) -> None:
        if self.current is None:
            return
        w, h = kit.size
        pad = kit.px(12)
        block = kit.block("ui", _(self.current))
        page = kit.layouter.page([block], w - 4 * pad, kit.palette.paper)
        rect = pygame.Rect(pad, h - page.height - 3 * pad, w - 2 * pad, page.height + 2 * pad)
        pygame.draw.rect(surf, kit.palette.paper, rect)
        pygame.draw.rect(surf, kit.palette.ornament, rect, max(1, kit.px(2)))
        page.draw(surf, rect.inflate(-2 * pad, -2 * pad), 0)
