"""The staff test screen: colour bars, a touch grid that lights where touched, and a font sample."""

from __future__ import annotations

import pygame

from game.i18n import _
from game.kiosk.staff import StaffScreen
from game.ui.screen import Screen
from game.ui.widgets import Button

BARS = ((255, 255, 255), (255, 255, 0), (0, 255, 255), (0, 255, 0), (255, 0, 255), (255, 0, 0),
        (0, 0, 255), (0, 0, 0))  # fmt: skip
GREYS = 16
GRID = (8, 4)
SAMPLE = "Oʻzbek gʻalla — ўзбек, қишлоқ, ғалла, ҳовли — Русский — “English”"


class TestScreen(StaffScreen, Screen):
    """Everything a technician checks after installing a panel: colour, touch, letters."""

    __test__ = False  # not a pytest test class, despite its name

    def __init__(self, app) -> None:
        super().__init__(app)
        self.close = Button(_("Close"), self.dismiss)
        self.group.set([self.close])
        self.touched: set[tuple[int, int]] = set()
        self.grid = pygame.Rect(0, 0, 0, 0)

    def layout(self) -> None:
        kit = self.kit
        w, h = kit.size
        self.close.fit(kit, kit.px(220))
        self.close.rect.bottomright = (w - kit.px(30), h - kit.px(24))
        self.bars = pygame.Rect(0, 0, w, h // 4)
        self.grid = pygame.Rect(kit.px(30), self.bars.bottom + kit.px(16), w - kit.px(60), h // 2)
        self.sample_y = self.grid.bottom + kit.px(12)

    def _cell(self, pos: tuple[int, int]) -> tuple[int, int] | None:
        if not self.grid.collidepoint(pos):
            return None
        cols, rows = GRID
        return ((pos[0] - self.grid.x) * cols // self.grid.width,
                (pos[1] - self.grid.y) * rows // self.grid.height)  # fmt: skip

    def pointer_down(self, pos: tuple[int, int]) -> None:
        cell = self._cell(pos)
        if cell is not None:
            self.touched ^= {cell}
        super().pointer_down(pos)

    def draw(self, surf: pygame.Surface) -> None:
        surf.fill((0, 0, 0))
        self._draw_bars(surf)
        self._draw_grid(surf)
        kit = self.kit
        y = self.sample_y
        for role in ("body", "ui"):
            label = kit.label(role, SAMPLE, (255, 255, 255))
            surf.blit(label, (kit.px(30), y))
            y += label.get_height()
        super().draw(surf)

    def _draw_bars(self, surf: pygame.Surface) -> None:
        top = self.bars.inflate(0, -self.bars.height // 3).move(0, -self.bars.height // 6)
        w = self.bars.width
        for i, color in enumerate(BARS):
            surf.fill(color, (i * w // len(BARS), top.y, w // len(BARS) + 1, top.height))
        for i in range(GREYS):
            grey = (round(255 * i / (GREYS - 1)),) * 3
            surf.fill(
                grey, (i * w // GREYS, top.bottom, w // GREYS + 1, self.bars.bottom - top.bottom)
            )

    def _draw_grid(self, surf: pygame.Surface) -> None:
        cols, rows = GRID
        for c in range(cols):
            for r in range(rows):
                cell = pygame.Rect(self.grid.x + c * self.grid.width // cols,
                                   self.grid.y + r * self.grid.height // rows,
                                   self.grid.width // cols, self.grid.height // rows)  # fmt: skip
                lit = (c, r) in self.touched
                surf.fill((0, 150, 80) if lit else (24, 24, 24), cell.inflate(-4, -4))
        pygame.draw.rect(surf, (255, 255, 255), self.grid, 2)
