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


def draw_title_pictures(surf: pygame.Surface, app, buttons: pygame.Rect) -> None:
    """The first two perspectives' pictures either side of the title's buttons."""
    kit = app.kit
    if not app.settings.illustrations:
        return
    gap = kit.px(60)
    room = buttons.left - gap - kit.px(40)
    width = min(room, kit.px(300))
    height = min(round(width * 4 / 3), buttons.height + kit.px(40))
    if width < kit.px(140) or height < kit.px(160):
        return
    width = min(width, round(height * 0.75))
    for perspective, side in zip(app.story.perspectives[:2], (-1, 1), strict=False):
        picture = app.pictures.get(
            perspective_look(app.story, perspective), (width, height), kit.palette
        )
        x = buttons.left - gap - width if side < 0 else buttons.right + gap
        surf.blit(picture, (x, buttons.centery - height // 2))
