"""The small moving things of a picture: smoke rising from a fire, light sliding on water.

They are drawn over the painted picture with a phase in seconds, so a page can let them move
while its text is typed and hold them still while it is read (no redraws when nothing happens).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import pygame

from game.ui.art.light import mix
from game.ui.theme import Color


class Detail(NamedTuple):
    """One living detail, in the picture's own pixels."""

    kind: str  # "smoke" or "glint"
    x: float
    y: float
    size: float  # a plume's height, a glint's length
    color: Color
    far: Color  # what the smoke thins into: the sky at the horizon
    outline: bool  # high contrast: drawn as lines of `color`
    line: int

    def scaled(self, k: float, dy: float = 0.0) -> Detail:
        return self._replace(x=self.x * k, y=self.y * k - dy, size=self.size * k,
                             line=max(1, round(self.line * k)))  # fmt: skip


def draw_detail(surf: pygame.Surface, d: Detail, phase: float, at: tuple[int, int] = (0, 0)):
    if d.kind == "smoke":
        _smoke(surf, d, phase, at)
    else:
        _glint(surf, d, phase, at)


PUFFS = 24


def _smoke(surf: pygame.Surface, d: Detail, phase: float, at: tuple[int, int]) -> None:
    """Puffs climbing the plume's curve, swaying a little; one plume shape at any moment."""
    h = d.size
    x, y = d.x + at[0], d.y + at[1]
    drift = phase * 0.35  # a puff takes about three seconds to climb the plume
    if d.outline:
        for i in range(5):
            t = ((i + drift * 5) / 5) % 1.0
            pygame.draw.circle(surf, d.color, (x + h * 0.3 * t * t, y - h * t), h * (0.025 + 0.045 * t),
                               d.line)  # fmt: skip
        return
    box = pygame.Rect(0, 0, max(1, round(h * 0.8)), max(1, round(h * 1.2)))
    box.bottomleft = (round(x - h * 0.15), round(y + h * 0.1))
    plume = pygame.Surface(box.size, pygame.SRCALPHA)
    for i in range(PUFFS):
        t = ((i + drift * PUFFS) / PUFFS) % 1.0
        sway = h * 0.03 * math.sin(phase * 0.9 + t * 5)
        cx, cy = x + h * 0.35 * t * t + sway - box.x, y - h * t - box.y
        pygame.draw.circle(plume, mix(d.color, d.far, t * 0.6), (cx, cy), h * (0.03 + 0.1 * t))
    plume.set_alpha(105)
    surf.blit(plume, box)


def _glint(surf: pygame.Surface, d: Detail, phase: float, at: tuple[int, int]) -> None:
    """Three short strokes of light drifting along the water and back."""
    w = d.size
    slide = w * 0.12 * math.sin(phase * 0.8)
    for i in range(3):
        x = d.x + at[0] + w * 0.15 * i + slide * (1 if i % 2 else -0.6)
        y = d.y + at[1] + i * w * 0.05
        pygame.draw.line(surf, d.color, (x, y), (x + w * 0.3, y), max(1, round(w * 0.04)))
