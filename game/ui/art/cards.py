"""Cards and screens that show a perspective's own picture: the place where its story starts."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.engine.model import Perspective, Story
from game.ui.art.look import Look, look_of
from game.ui.kit import Kit
from game.ui.widgets import Card

BAND = 0.26  # a card's picture: its height over the card's width


def perspective_look(story: Story, perspective: Perspective) -> Look:
    """The picture of a perspective: its first scene's place, season, hour and weather."""
    return look_of(story, story.scenes[perspective.start])


class PictureCard(Card):
    """A card with a landscape band across its top, above its paragraphs."""

    def __init__(self, blocks_for: Callable[[Kit], list], action: Callable[[], None],
                 picture: Callable[[Kit, tuple[int, int]], pygame.Surface | None], **kw):  # fmt: skip
        super().__init__(blocks_for, action, **kw)
        self.picture = picture  # kit, size -> the framed picture, or None when pictures are off
        self.banded = True  # False when the screen has no room for the pictures
        self.band = BAND  # the picture's height over its width: a compact card's is lower

    def _band(self, kit: Kit, width: int) -> tuple[int, int]:
        pad_x, _ = self._pad(kit)
        inner = max(kit.px(40), width - 2 * pad_x)
        return inner, round(inner * self.band)

    def _picture(self, kit: Kit, size: tuple[int, int]) -> pygame.Surface | None:
        return self.picture(kit, size) if self.banded else None

    def fit(self, kit: Kit, width: int) -> int:
        height = super().fit(kit, width)
        if self._picture(kit, self._band(kit, width)) is not None:
            self.rect.height = height + self._band(kit, width)[1] + self._pad(kit)[1]
        return self.rect.height

    def draw(self, surf: pygame.Surface, kit: Kit, *, hover: bool, focus: bool) -> None:
        band = self._band(kit, self.rect.width)
        picture = self._picture(kit, band)
        if picture is None:
            super().draw(surf, kit, hover=hover, focus=focus)
            return
        lit = hover or focus
        bg, _, edge = self._colors(kit, lit)
        pygame.draw.rect(surf, bg, self.rect, border_radius=kit.px(4))
        pygame.draw.rect(surf, edge, self.rect, max(1, kit.px(3 if lit else 1.5)),
                         border_radius=kit.px(4))  # fmt: skip
        pad_x, pad_y = self._pad(kit)
        surf.blit(picture, (self.rect.x + pad_x, self.rect.y + pad_y))
        page = self._pages(kit, self.rect.width, lit)[0]
        top = self.rect.y + 2 * pad_y + band[1]
        page.draw(surf, pygame.Rect(self.rect.x + pad_x, top, page.width, page.height))


def picture_maker(app, perspective: Perspective):
    """What a perspective's card calls for its picture: none when the setting turns them off."""

    def make(kit: Kit, size: tuple[int, int]) -> pygame.Surface | None:
        if not app.settings.illustrations or size[1] < kit.px(60):
            return None
        look = perspective_look(app.story, perspective)
        return app.pictures.get(look, size, kit.palette)

    return make


def title_arches(app, buttons: pygame.Rect) -> list[tuple[Perspective, pygame.Rect]]:
    """Where each perspective's arched window stands either side of the title's buttons: the
    first half on the left, the rest on the right in wider arches (the same breadth both sides);
    the arches nearest the buttons stand tallest. None when the window has no room."""
    kit = app.kit
    perspectives = list(app.story.perspectives)
    if not perspectives:
        return []
    gap, margin, between = kit.px(48), kit.px(36), kit.px(14)
    half = (len(perspectives) + 1) // 2
    sides = (perspectives[:half], perspectives[half:])
    total = min(buttons.left - gap - margin, half * kit.px(300) + between * (half - 1))
    tallest = buttons.height + kit.px(40)
    if (total - between * (half - 1)) // half < kit.px(70) or tallest < kit.px(160):
        return []
    arches = []
    for side, group in enumerate(sides):
        count = max(1, len(group))
        width = min((total - between * (count - 1)) // count, tallest * 3 // 4)
        breadth = count * width + between * (count - 1)
        x = buttons.left - gap - breadth if side == 0 else buttons.right + gap
        for index, perspective in enumerate(group):
            steps = count - 1 - index if side == 0 else index  # arches away from the buttons
            height = round(tallest * (1 - 0.09 * steps))
            bottom = buttons.centery + tallest // 2
            arches.append((perspective, pygame.Rect(x, bottom - height, width, height)))
            x += width + between
    window = pygame.Rect((0, 0), kit.size)
    if any(not window.contains(r) or r.colliderect(buttons) for _p, r in arches):
        return []  # no room beside the buttons (large text, a small window): no pictures
    return arches


def draw_title_pictures(surf: pygame.Surface, app, buttons: pygame.Rect) -> None:
    """Every perspective's place in a row of arched windows: the story as a whole."""
    if not app.settings.illustrations:
        return
    for perspective, rect in title_arches(app, buttons):
        look = perspective_look(app.story, perspective)
        surf.blit(app.pictures.get(look, rect.size, app.kit.palette), rect)
