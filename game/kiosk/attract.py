"""The attract screen: the title, an invitation in each language, and routes drawing themselves."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame

from game.i18n import N_, in_language
from game.ui.ornament import draw_panel, draw_rule, draw_star
from game.ui.screen import Screen
from game.ui.turkestan import MapLayer, draw_leader, draw_route, journey

if TYPE_CHECKING:
    from game.kiosk.app import KioskApp

INVITE = N_("Touch the screen to begin")
DRAW_SECONDS = 9.0  # one route drawing itself
HOLD_SECONDS = 4.0  # then staying whole before the next
FRAME_SECONDS = 1 / 30  # smooth enough for a line drawing itself, at half the work of 60


class AttractScreen(Screen):
    """Waits for a visitor between visits; a touch or a key anywhere starts one."""

    app: KioskApp  # typed for the checker: these screens run only in the kiosk

    def __init__(self, app) -> None:
        super().__init__(app)
        self.started = app.clock()
        self.now = self.started
        self.map: MapLayer | None = None
        self.map_rect = self.invite_rect = pygame.Rect(0, 0, 0, 0)
        self.caption_y = 0
        self.lines = self.invitations()

    def invitations(self) -> list[str]:
        """One line per language offered: the config's own wording, else the translation."""
        app = self.app
        lines = [app.config.invitations.get(code) or in_language(code, INVITE)
                 for code in app.config.languages]  # fmt: skip
        return list(dict.fromkeys(lines))  # an untranslated line would only repeat the English

    def layout(self) -> None:
        kit = self.kit
        w, h = kit.size
        line = kit.font("heading").get_linesize()
        invite_h = len(self.lines) * line + kit.px(40)
        self.invite_rect = pygame.Rect(0, 0, min(w - kit.px(80), kit.px(900)), invite_h)
        self.invite_rect.midbottom = (w // 2, h - kit.px(36))
        self.caption_y = kit.px(36) + kit.font("title").get_height() + kit.px(18)
        top = self.caption_y + kit.font("italic").get_linesize() + kit.px(10)
        self.map_rect = pygame.Rect(kit.px(40), top, w - kit.px(80),
                                    self.invite_rect.top - kit.px(20) - top)  # fmt: skip
        self.map = MapLayer(self.app.story, kit, self.map_rect, route_names=True)

    def on_show(self) -> None:
        self.started = self.app.clock()
        self.layout()

    # -- input: anything starts a visit
    def pointer_up(self, pos: tuple[int, int]) -> None:
        self.app.begin_visit()

    def key(self, event: pygame.event.Event) -> None:
        self.app.begin_visit()

    def back(self) -> None:
        """Nothing is behind the attract screen."""

    def update(self, now: float) -> bool:
        if now - self.now >= FRAME_SECONDS or now < self.now:
            self.now = now
            self.app.redraw()
        return True

    # -- drawing
    def draw(self, surf: pygame.Surface) -> None:
        surf.blit(self.app.backdrop(), (0, 0))
        if self.map is not None:
            surf.blit(self.map.surface, self.map_rect)
            self._draw_route(surf)
        self._draw_title(surf)
        self._draw_invitations(surf)

    def _draw_title(self, surf: pygame.Surface) -> None:
        kit = self.kit
        title = kit.label("title", self.app.story.title)
        rect = title.get_rect(midtop=(kit.size[0] // 2, kit.px(36)))
        surf.blit(title, rect)
        star = kit.px(16)
        for x in (rect.left - star * 2, rect.right + star * 2):
            draw_star(surf, (x, rect.centery), star, kit.palette.ornament,
                      fill=kit.palette.ornament2, width=max(1, kit.px(2)))  # fmt: skip
        draw_rule(surf, (rect.centerx, rect.bottom + kit.px(4)), min(rect.width // 2, kit.px(260)),
                  kit)  # fmt: skip

    def _draw_invitations(self, surf: pygame.Surface) -> None:
        kit = self.kit
        draw_panel(surf, self.invite_rect, kit)
        y = self.invite_rect.y + kit.px(20)
        for i, text in enumerate(self.lines):
            label = kit.label("heading", text, kit.palette.heading if i == 0 else kit.palette.text)
            surf.blit(label, label.get_rect(midtop=(self.invite_rect.centerx, y)))
            y += kit.font("heading").get_linesize()
        # Two rings breathe slowly beside the panel: movement that draws the eye without flashing.
        glow = 0.5 + 0.5 * math.sin((self.now - self.started) * 2.0)
        r = kit.px(10 + 8 * glow)
        for x in (self.invite_rect.left - kit.px(30), self.invite_rect.right + kit.px(30)):
            pygame.draw.circle(surf, kit.palette.accent, (x, self.invite_rect.centery), r,
                               max(2, kit.px(2)))  # fmt: skip

    def route_index(self) -> int:
        """Which route shows now: each offered perspective's in turn (all, by default)."""
        layer = self.map
        assert layer is not None and layer.routes  # drawn only once laid out, with routes
        offered = {p.id for p in self.app.perspectives()}
        shown = [i for i, (p, _s) in enumerate(layer.routes) if p.id in offered] or [0]
        cycle = DRAW_SECONDS + HOLD_SECONDS
        return shown[int((self.now - self.started) // cycle) % len(shown)]

    def _draw_route(self, surf: pygame.Surface) -> None:
        layer = self.map
        if layer is None or not layer.routes:
            return
        cycle = DRAW_SECONDS + HOLD_SECONDS
        elapsed = self.now - self.started
        index = self.route_index()
        perspective, stops = layer.routes[index]
        share = min(1.0, (elapsed % cycle) / DRAW_SECONDS)
        kit = self.kit
        for leader in layer.route_leaders[index]:
            draw_leader(surf, kit, leader, self.map_rect.topleft)
        for label, rect in layer.route_labels[index]:  # its villages named while it shows
            surf.blit(label, rect.move(self.map_rect.topleft))
        draw_route(surf, layer, journey(stops), share, kit)
        caption = perspective.title + (f" · {perspective.years}" if perspective.years else "")
        label = kit.label("italic", caption, kit.palette.ornament)
        surf.blit(label, label.get_rect(midtop=(kit.size[0] // 2, self.caption_y)))
