"""The pause menu (Escape in a scene): resume, save, load, settings, title, quit."""

from __future__ import annotations

import pygame

from game.i18n import _
from game.ui.ornament import draw_panel
from game.ui.screens.base import Overlay
from game.ui.screens.saves import SavesScreen
from game.ui.screens.settings import SettingsScreen
from game.ui.widgets import Button


class PauseScreen(Overlay):
    """A column of buttons over the dimmed scene."""

    holds_time = True

    def __init__(self, app) -> None:
        super().__init__(app)
        self.group.set(
            [
                Button(_("Resume"), self.dismiss),
                Button(_("Save"), lambda: self._open(SavesScreen(app, mode="save"))),
                Button(_("Load"), lambda: self._open(SavesScreen(app, mode="load"))),
                Button(_("Settings"), lambda: self._open(SettingsScreen(app))),
                Button(_("Title screen"), app.home),
                Button(_("Quit"), app.quit),
            ]
        )
        self.group.focus = 0
        self.rect = pygame.Rect(0, 0, 0, 0)

    def _open(self, screen) -> None:
        # Whatever was done there, come back to the scene, not to this menu.
        self.dismiss()
        self.app.push(screen)

    def panel_rect(self) -> pygame.Rect:
        return self.rect

    def layout(self) -> None:
        kit = self.kit
        width = kit.px(300)
        gap = kit.px(12)
        pad = kit.px(34)
        heights = [b.fit(kit, width) for b in self.group.buttons]
        title_h = kit.font("heading").get_linesize() + kit.px(18)
        height = 2 * pad + title_h + sum(heights) + gap * (len(heights) - 1)
        w, h = kit.size
        self.rect = pygame.Rect((w - width) // 2 - pad, (h - height) // 2, width + 2 * pad, height)
        y = self.rect.y + pad + title_h
        for button in self.group.buttons:
            button.rect.topleft = (self.rect.x + pad, y)
            y += button.rect.height + gap

    def draw(self, surf: pygame.Surface) -> None:
        self.shade(surf)
        draw_panel(surf, self.rect, self.kit)
        title = self.kit.label("heading", _("Paused"))
        surf.blit(title, title.get_rect(midtop=(self.rect.centerx, self.rect.y + self.kit.px(28))))
        super().draw(surf)
