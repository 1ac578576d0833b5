"""Geometric ornament drawn in code: eight-pointed stars, framed panels, rules and borders."""

from __future__ import annotations

import math
from functools import cache

import pygame

from game.ui.kit import Kit
from game.ui.theme import Color


@cache
def _unit_star(points: int, inner: float) -> tuple[tuple[float, float], ...]:
    """A star of radius 1 round the origin; borders draw hundreds, the trigonometry once."""
    out = []
    for i in range(points * 2):
        radius = 1.0 if i % 2 == 0 else inner
        angle = math.pi * i / points - math.pi / 2
        out.append((radius * math.cos(angle), radius * math.sin(angle)))
    return tuple(out)


def star_points(center: tuple[float, float], r: float, points: int = 8, inner: float = 0.62):
    """The outline of a star (the khatam of girih tiles when points=8, inner≈0.62)."""
    cx, cy = center
    return [(cx + r * x, cy + r * y) for x, y in _unit_star(points, inner)]


def draw_star(
    surf: pygame.Surface,
    center: tuple[float, float],
    r: float,
    color: Color,
    fill: Color | None = None,
    width: int = 1,
) -> None:
    """An eight-pointed star, optionally filled, with a small lozenge at its heart."""
    points = star_points(center, r)
    if fill is not None:
        pygame.draw.polygon(surf, fill, points)
    pygame.draw.polygon(surf, color, points, width)
    heart = star_points(center, r * 0.34, points=4, inner=0.55)
    pygame.draw.polygon(surf, color, heart)


def window_icon(palette, size: int = 64) -> pygame.Surface:
    """The game's icon: the title screen's star on an indigo tile (drawn, like every ornament)."""
    big = size * 4  # drawn large and scaled down: smooth edges without antialiased polygons
    icon = pygame.Surface((big, big), pygame.SRCALPHA)
    pygame.draw.rect(icon, palette.button, icon.get_rect(), border_radius=big // 6)
    draw_star(icon, (big / 2, big / 2), big * 0.42, palette.ornament, fill=palette.ornament2,
              width=max(1, big // 24))  # fmt: skip
    return pygame.transform.smoothscale(icon, (size, size))


def draw_frame(surf: pygame.Surface, rect: pygame.Rect, kit: Kit, corner: float = 9) -> None:
    """A double rule around `rect` with a star at each corner and a lozenge mid-edge."""
    pal = kit.palette
    outer_w = max(1, kit.px(2))
    pygame.draw.rect(surf, pal.ornament, rect, outer_w)
    inset = kit.px(5)
    inner = rect.inflate(-2 * inset, -2 * inset)
    pygame.draw.rect(surf, pal.accent, inner, max(1, kit.px(1)))
    r = kit.px(corner)
    for point in (rect.topleft, rect.topright, rect.bottomleft, rect.bottomright):
        px, py = point
        px -= 1 if px == rect.right else 0
        py -= 1 if py == rect.bottom else 0
        draw_star(surf, (px, py), r, pal.ornament, fill=pal.paper, width=max(1, kit.px(1.5)))
    mid = kit.px(corner * 0.55)
    for point in (rect.midtop, rect.midbottom):
        draw_lozenge(surf, (point[0], point[1] - (1 if point[1] == rect.bottom else 0)), mid,
                     pal.ornament2)  # fmt: skip


def draw_lozenge(surf: pygame.Surface, center: tuple[int, int], r: int, color: Color) -> None:
    cx, cy = center
    pygame.draw.polygon(surf, color, [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)])


def draw_panel(surf: pygame.Surface, rect: pygame.Rect, kit: Kit) -> None:
    """A paper panel for text, framed."""
    pygame.draw.rect(surf, kit.palette.paper, rect)
    draw_frame(surf, rect, kit)


def draw_rule(surf: pygame.Surface, center: tuple[int, int], half: int, kit: Kit) -> None:
    """A short horizontal divider: two lines meeting at a small star."""
    cx, cy = center
    pal = kit.palette
    r = kit.px(6)
    width = max(1, kit.px(1.5))
    pygame.draw.line(surf, pal.ornament, (cx - half, cy), (cx - r - kit.px(4), cy), width)
    pygame.draw.line(surf, pal.ornament, (cx + r + kit.px(4), cy), (cx + half, cy), width)
    draw_star(surf, center, r, pal.ornament2, fill=pal.ornament2)


def draw_band(surf: pygame.Surface, rect: pygame.Rect, kit: Kit) -> None:
    """A border band of interlaced stars and lozenges, like a tiled frieze."""
    pal = kit.palette
    pygame.draw.rect(surf, pal.button, rect)
    h = rect.height
    step = max(8, int(h * 1.6))
    count = max(1, rect.width // step)
    offset = rect.x + (rect.width - count * step) // 2 + step // 2
    cy = rect.centery
    line_w = max(1, kit.px(1))
    pygame.draw.line(surf, pal.ornament, (rect.x, rect.y + line_w), (rect.right, rect.y + line_w),
                     line_w)  # fmt: skip
    pygame.draw.line(surf, pal.ornament, (rect.x, rect.bottom - line_w - 1),
                     (rect.right, rect.bottom - line_w - 1), line_w)  # fmt: skip
    for i in range(count):
        cx = offset + i * step
        draw_star(surf, (cx, cy), h * 0.36, pal.ornament, width=line_w)
        draw_lozenge(surf, (cx + step // 2, cy), max(2, int(h * 0.14)), pal.accent)


def draw_backdrop(surf: pygame.Surface, kit: Kit) -> None:
    """The window's ground: background colour and a framed border band at top and bottom."""
    surf.fill(kit.palette.background)
    w, h = surf.get_size()
    band = kit.px(14)
    draw_band(surf, pygame.Rect(0, 0, w, band), kit)
    surf.blit(surf, (0, h - band), pygame.Rect(0, 0, w, band))  # the bottom band is the same
