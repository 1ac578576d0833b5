"""The ending's look back: the route on the map, the decisions that mattered, what is left to find."""

from __future__ import annotations

import pygame

from game.engine.journey import key_decisions, route
from game.i18n import _
from game.ui.textlayout import Block, Page, Piece
from game.ui.turkestan import MapLayer, draw_route

MAP_ASPECT = 0.5  # the map's height over its width


def perspective_events(pt) -> set[str]:
    """The documented events this perspective's scenes can show."""
    story = pt.story
    return {story.scenes[sid].event for sid in pt.perspective.scene_ids
            if story.scenes[sid].event in story.events}  # fmt: skip


def perspective_endings(pt) -> set[str]:
    story = pt.story
    return {story.scenes[sid].ending.id for sid in pt.perspective.scene_ids
            if story.scenes[sid].ending is not None}  # fmt: skip


def recap_blocks(app, kit) -> list[Block]:
    """The decisions of this path, then the counts of what this player has found so far."""
    pt, profile = app.session.pt, app.profile
    out: list[Block] = []
    decisions = key_decisions(pt)
    if decisions:
        out.append(kit.block("strong", _("The decisions that shaped this path")))
        out += [(Piece(f"{d.scene_title}: ", kit.style("italic")), Piece(d.choice_text, kit.style("body")))
                for d in decisions]  # fmt: skip
    endings = perspective_endings(pt)
    found = endings & set(profile.finished.get(pt.perspective.id, ()))
    events = perspective_events(pt)
    seen = events & (set(profile.events) | set(pt.events_witnessed()))
    out.append(kit.block("ui", _("Endings found in this perspective: {n} of {m}").format(
        n=len(found), m=len(endings))))  # fmt: skip
    out.append(kit.block("ui", _("Documented events witnessed: {n} of {m}").format(
        n=len(seen), m=len(events))))  # fmt: skip
    others = [p.title for p in pt.story.perspectives
              if p.id != pt.perspective.id and not profile.has_finished(p.id)]  # fmt: skip
    if others:
        out.append(kit.block("ui", _("Perspectives not yet played: {names}").format(
            names=", ".join(others))))  # fmt: skip
    return out


def route_map(app, kit, width: int) -> pygame.Surface | None:
    """The region with this path's whole route drawn on it, or None when it went nowhere."""
    stops = route(app.session.pt)
    if not stops or width < kit.px(200):
        return None
    rect = pygame.Rect(0, 0, width, round(width * MAP_ASPECT))
    layer = MapLayer(app.story, kit, rect, aral=True, route=stops)
    surf = layer.surface.copy()
    draw_route(surf, layer, stops, 1.0, kit)
    return surf


class Stack:
    """Pages and pictures one under another, scrolled together in one view."""

    def __init__(self, items: list[Page | pygame.Surface], gap: int) -> None:
        self.items, self.gap = items, gap
        self.tops: list[int] = []
        y = 0
        for item in items:
            self.tops.append(y)
            y += item.get_height() if isinstance(item, pygame.Surface) else item.height
            y += gap
        self.height = max(0, y - gap)

    def draw(self, surf: pygame.Surface, view: pygame.Rect, scroll: int) -> None:
        clip = surf.get_clip()
        surf.set_clip(view)
        for item, top in zip(self.items, self.tops, strict=True):
            y = view.y + top - scroll
            if isinstance(item, pygame.Surface):
                surf.blit(item, (view.x, y))
                continue
            # A page shows whole lines only: give it the part of the view from its top down.
            start = max(view.y, y)
            if start < view.bottom:
                item.draw(surf, pygame.Rect(view.x, start, view.width, view.bottom - start),
                          max(0, scroll - top))  # fmt: skip
        surf.set_clip(clip)
