"""The map of the journey: the region, this path's route drawing itself, and each place's card."""

from __future__ import annotations

import pygame

from game.engine.journey import events_met_at, route
from game.i18n import _
from game.labels import when_text
from game.ui.screens.base import PageScreen
from game.ui.screens.card import CardScreen
from game.ui.textlayout import Block, Page
from game.ui.turkestan import MapLayer, draw_route

DRAW_SECONDS = 2.5  # the route drawing itself when the map opens


class MapScreen(PageScreen):
    """The region with this playthrough's places lit in order; a press on a place opens it."""

    def __init__(self, app) -> None:
        self.pt = app.session.pt
        self.stops = route(self.pt)
        self.layer: MapLayer | None = None
        self.list_rect = pygame.Rect(0, 0, 0, 0)
        self.stops_page: Page | None = None
        super().__init__(app)
        self.opened = app.clock()
        self.share = 0.0 if len(self.stops) > 1 else 1.0
        self.group.set([self.back_button])
        self.group.focus = 0

    def title(self) -> str:
        return _("Map of the journey")

    def panel_width(self) -> int:
        return self.kit.size[0] - self.kit.px(120)

    def layout_content(self) -> None:
        kit = self.kit
        self.scroller.set(self.view.height, self.view.height)  # the map fills the panel
        side = max(kit.px(240), self.view.width // 4)
        self.list_rect = pygame.Rect(self.view.right - side, self.view.y, side, self.view.height)
        rect = self.view.copy()
        rect.width -= side + kit.px(24)
        if self.layer is None or self.layer.rect != rect or self.layer.kit is not kit:
            self.layer = MapLayer(self.app.story, kit, rect, aral=True, route=self.stops)
        self.stops_page = self._stops_page(side)

    def _stops_page(self, width: int) -> Page:
        """The route in words; a route too long for the panel keeps its first stop and as many
        of its latest as fit (where the player is now), with "…" between."""
        lay = self.kit.layouter

        def page(latest: int) -> Page:
            return lay.page(self._stop_blocks(latest), width, self.kit.palette.paper, gap=0.3)

        low, high = 1, len(self.stops)  # the most latest stops that fit, found by halving
        while low < high:
            mid = (low + high + 1) // 2
            low, high = (mid, high) if page(mid).height <= self.list_rect.height else (low, mid - 1)
        return page(low)

    def _stop_blocks(self, latest: int) -> list[Block]:
        """The route in words: each stop numbered in the order it was reached (the first and
        the `latest` last of them)."""
        kit, places = self.kit, self.app.story.places
        numbered = [f"{i}. {places[pid].name}" for i, pid in enumerate(self.stops, 1)]
        if latest < len(numbered) - 1:
            numbered = [numbered[0], "…", *numbered[len(numbered) - latest :]]
        out = [kit.block("strong", _("Your route"))]
        out += [kit.block("ui", line) for line in numbered]
        out.append(kit.block("small", _("Press a place on the map to read about it.")))
        return out

    def update(self, now: float) -> bool:
        if self.share >= 1.0:
            return False
        self.share = min(1.0, (now - self.opened) / DRAW_SECONDS)
        self.app.redraw()
        return self.share < 1.0

    def draw_content(self, surf: pygame.Surface) -> None:
        layer = self.layer
        if layer is None or self.stops_page is None:  # laid out before the first draw
            return
        surf.blit(layer.surface, layer.rect)
        draw_route(surf, layer, self.stops, self.share, self.kit)
        clip = surf.get_clip()
        surf.set_clip(self.list_rect)
        self.stops_page.draw(surf, self.list_rect)
        surf.set_clip(clip)

    def pointer_up(self, pos: tuple[int, int]) -> None:
        if self.group.pointer_up(pos):
            return
        place = self.layer.place_at(pos) if self.layer else None
        if place is not None:
            self.app.push(PlaceCard(self.app, place))


class PlaceCard(CardScreen):
    """One place: its note, and the documented events this path met there."""

    def __init__(self, app, place_id: str) -> None:
        self.place = app.story.places[place_id]
        super().__init__(app)

    def blocks(self) -> list[Block]:
        kit, story, place = self.kit, self.app.story, self.place
        out = [kit.block("ui_muted", _("Place")), kit.block("heading", place.name)]
        if place.fictional:
            out.append(kit.block("italic", _("a place invented for this story")))
        if place.note:
            out.append(kit.block("body", place.note))
        assert self.app.session is not None  # the map is opened from a scene
        happened, lived = events_met_at(self.app.session.pt, place.id)
        for heading, events in ((_("What happened here"), happened),
                                (_("What you lived through here"), lived)):  # fmt: skip
            if events:
                out.append(kit.block("strong", heading))
                out += [kit.block("body", f"{when_text(story.events[e])} — {story.events[e].title}")
                        for e in events]  # fmt: skip
        if not happened and not lived:
            out.append(kit.block("emphasis", _("No documented event met here yet.")))
        return out
