"""A scene's picture: painted (or the author's own image), set in a pointed arch, and cached."""

from __future__ import annotations

import math
from collections import OrderedDict
from pathlib import Path

import pygame

from game.engine.images import image_problem, resolve_image
from game.ui.art.kinds import PAINTERS
from game.ui.art.light import light_for
from game.ui.art.living import Detail
from game.ui.art.look import Look
from game.ui.art.painter import Painter
from game.ui.theme import Color, Palette

SUPERSAMPLE = 2  # painted twice as large and scaled down: smooth edges without antialiasing
WIDEST = 0.8  # paintings are at least this tall for their width; wider frames show a slice
CACHE_SIZE = 24  # a few pages back and forth, in two or three sizes and themes


def arch_points(rect: pygame.Rect, spring: float = 0.3) -> list[tuple[float, float]]:
    """The outline of a pointed arch filling `rect`: straight sides, a pointed top."""
    x0, x1, top, bottom = rect.left, rect.right - 1, rect.top, rect.bottom - 1
    w = x1 - x0
    rise = min(rect.height * spring, w * 0.6)
    points: list[tuple[float, float]] = [(x0, bottom)]
    for i in range(21):  # left edge up to the point, then down the right
        u = i / 20
        points.append((x0 + w / 2 * u, top + rise - rise * math.sin(math.pi / 2 * u) ** 0.7))
    for i in range(19, -1, -1):
        u = i / 20
        points.append((x1 - w / 2 * u, top + rise - rise * math.sin(math.pi / 2 * u) ** 0.7))
    points.append((x1, bottom))
    return points


def paint(look: Look, size: tuple[int, int], theme: Palette) -> pygame.Surface:
    """The landscape `look` describes, `size` pixels, in the theme's light (no frame)."""
    return paint_living(look, size, theme, False)[0]


def paint_living(look: Look, size: tuple[int, int], theme: Palette,
                 moving: bool) -> tuple[pygame.Surface, list[Detail]]:  # fmt: skip
    """The painting and its living details; with `moving`, the details are left out of it.

    A wide band is cut from a taller painting around its horizon, so that houses and camels
    keep their proportions whatever the shape of the frame.
    """
    w, h = size
    canvas = (w, max(h, round(w * WIDEST)))
    big = pygame.Surface((canvas[0] * SUPERSAMPLE, canvas[1] * SUPERSAMPLE))
    painter = Painter(big, look, light_for(look, theme))
    painter.defer_living = moving
    painter.sky()
    PAINTERS[look.kind](painter)
    painter.weather()
    whole = pygame.transform.smoothscale(big, canvas)
    top = max(0, min(canvas[1] - h, round(canvas[1] * 0.64 - h / 2)))
    details = [d.scaled(1 / SUPERSAMPLE, top) for d in painter.living]
    if canvas[1] == h:
        return whole, details
    return whole.subsurface((0, top, w, h)).copy(), details


def load_image(root: Path, image: str, size: tuple[int, int]) -> pygame.Surface | None:
    """The author's picture scaled to cover `size`, or None when it cannot be shown."""
    if image_problem(root, image) is not None:  # outside the folder, damaged, or too large
        return None
    path = resolve_image(root, image)
    try:
        loaded = pygame.image.load(str(path))
    except (pygame.error, OSError, ValueError):
        return None
    w, h = loaded.get_size()
    if not w or not h:
        return None
    scale = max(size[0] / w, size[1] / h)
    scaled = pygame.transform.smoothscale(loaded.convert(24) if loaded.get_bitsize() < 24 else loaded,
                                          (max(1, round(w * scale)), max(1, round(h * scale))))  # fmt: skip
    out = pygame.Surface(size)
    out.blit(scaled, ((size[0] - scaled.get_width()) // 2, (size[1] - scaled.get_height()) // 2))
    return out


def framed(picture: pygame.Surface, theme: Palette) -> pygame.Surface:
    """The picture cut to a pointed arch and edged with two ornament lines."""
    size = picture.get_size()
    out = pygame.Surface(size, pygame.SRCALPHA)
    out.blit(picture, (0, 0))
    mask = pygame.Surface(size, pygame.SRCALPHA)
    mask.fill((255, 255, 255, 0))
    rect = pygame.Rect((0, 0), size)
    pygame.draw.polygon(mask, (255, 255, 255, 255), arch_points(rect))
    out.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    width = max(1, round(size[0] / 160))
    outer: Color = theme.ornament
    pygame.draw.lines(out, outer, False, arch_points(rect), width)
    pygame.draw.line(out, outer, (0, size[1] - 1), (size[0] - 1, size[1] - 1), width)
    inner = rect.inflate(-6 * width, -6 * width)
    pygame.draw.lines(out, theme.accent, False, arch_points(inner), max(1, width // 2))
    return out


class Pictures:
    """Framed pictures by (look, size, theme, image): drawn once, kept for the next visit."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root
        self._kept: OrderedDict[tuple, tuple[pygame.Surface, list[Detail]]] = OrderedDict()
        self.painted = 0  # how many were drawn (tests check the cache is used)

    def get(self, look: Look, size: tuple[int, int], theme: Palette,
            image: str | None = None) -> pygame.Surface:  # fmt: skip
        """The framed picture with its smoke and glints painted still."""
        return self._get(look, size, theme, image, False)[0]

    def living(self, look: Look, size: tuple[int, int], theme: Palette,
               image: str | None = None) -> tuple[pygame.Surface, list[Detail]]:  # fmt: skip
        """The framed picture without its smoke and glints, and those to draw over it."""
        return self._get(look, size, theme, image, True)

    def _get(self, look: Look, size: tuple[int, int], theme: Palette, image: str | None,
             moving: bool) -> tuple[pygame.Surface, list[Detail]]:  # fmt: skip
        key = (look, size, theme.name, image, moving)
        kept = self._kept.get(key)
        if kept is not None:
            self._kept.move_to_end(key)
            return kept
        picture: pygame.Surface | None = None
        details: list[Detail] = []
        if image and self.root is not None:
            picture = load_image(self.root, image, size)
        if picture is None:
            picture, details = paint_living(look, size, theme, moving)
        kept = self._kept[key] = (framed(picture, theme), details if moving else [])
        self.painted += 1
        while len(self._kept) > CACHE_SIZE:
            self._kept.popitem(last=False)
        return kept
