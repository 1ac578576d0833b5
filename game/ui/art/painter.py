"""Drawing primitives for the illustrations: sky, ranges, ground, trees, buildings, people, weather."""

from __future__ import annotations

import math
import random

import pygame

from game.ui.art.light import BASE, GROUND, LEAVES, Light, mix
from game.ui.art.living import Detail, draw_detail
from game.ui.art.look import Look
from game.ui.theme import Color

Point = tuple[float, float]


class Painter:
    """Paints onto one surface in the light of one hour; every shape goes through `shape`."""

    def __init__(self, surf: pygame.Surface, look: Look, light: Light) -> None:
        self.surf, self.look, self.light = surf, look, light
        self.w, self.h = surf.get_size()
        self.rng = random.Random(look.seed)  # the place's own: its land is the same each time
        self.line = max(1, round(self.w / 180))  # outline width in high contrast
        self.living: list[Detail] = []  # smoke and glints, for pages that let them move
        self.defer_living = False  # True: leave them out of the painting, to be drawn moving

    # -- colour and shape
    def color(self, name: str, depth: float = 0.0) -> Color:
        return self.light(self.base(name), depth)

    def base(self, name: str) -> Color:
        season = self.look.season
        if name == "ground":
            return BASE["snow"] if self.look.snowy_ground else GROUND[season]
        if name == "leaves":
            return LEAVES[season]
        return BASE[name]

    def shape(self, points: list[Point], name: str, depth: float = 0.0) -> None:
        """A flat polygon in the lit colour; in high contrast, a black one with a bright edge."""
        if len(points) < 3:
            return
        if self.light.outline:
            pygame.draw.polygon(self.surf, (0, 0, 0), points)
            pygame.draw.polygon(self.surf, self.light.ink, points, self.line)
        else:
            pygame.draw.polygon(self.surf, self.color(name, depth), points)

    def rect(self, x: float, y: float, w: float, h: float, name: str, depth: float = 0.0):
        self.shape([(x, y), (x + w, y), (x + w, y + h), (x, y + h)], name, depth)

    def ellipse(self, cx: float, cy: float, rx: float, ry: float, name: str, depth: float = 0.0):
        self.shape(ellipse_points(cx, cy, rx, ry), name, depth)

    def glow(self, x: float, y: float, w: float, h: float) -> None:
        """A lit window or opening: oil light after dark, a dark hole by day."""
        if self.light.outline:
            color = self.light.ink if self.light.night else (0, 0, 0)
        elif self.light.night:
            color = self.light.toned(BASE["window"])
        else:
            color = self.color("dark", 0.2)
        pygame.draw.rect(self.surf, color, (round(x), round(y), max(1, round(w)), max(1, round(h))))

    # -- the sky
    def sky(self) -> None:
        light = self.light
        if light.outline:
            self.surf.fill((0, 0, 0))
        else:
            top, bottom = light.toned(light.sky_top), light.toned(light.horizon)
            column = pygame.Surface((1, 64))
            for i in range(64):
                column.set_at((0, i), mix(top, bottom, (i / 63) ** 1.4))
            self.surf.blit(pygame.transform.smoothscale(column, (self.w, self.h)), (0, 0))
        self._lights_of_the_sky()
        if self.look.weather in ("cloud", "rain", "snow"):
            for i in range(3 + self.rng.randrange(3)):
                self.cloud(self.w * self.rng.uniform(-0.1, 1.0), self.h * (0.1 + 0.07 * i),
                           self.w * self.rng.uniform(0.25, 0.45))  # fmt: skip

    def _lights_of_the_sky(self) -> None:
        time, w, h = self.look.time, self.w, self.h
        overcast = self.look.weather in ("cloud", "rain", "snow")
        if time == "night" and not overcast:
            stars = random.Random(self.look.seed + 1)
            ink = self.light.ink if self.light.outline else self.light.toned((236, 232, 210))
            for _ in range(40):
                x, y = stars.uniform(0, w), stars.uniform(0, h * 0.42)
                pygame.draw.circle(
                    self.surf, ink, (x, y), max(1, w / 400) * stars.choice((1, 1, 2))
                )
            self.disc(w * 0.74, h * 0.16, w * 0.045, (240, 234, 208), crescent=True)
        elif time == "dawn" and not overcast:
            self.disc(w * 0.22, h * 0.5, w * 0.07, (252, 226, 170))
        elif time == "dusk" and not overcast:
            self.disc(w * 0.7, h * 0.48, w * 0.08, (250, 178, 96))
        elif time == "day" and not overcast:
            self.disc(w * 0.78, h * 0.14, w * 0.05, (255, 248, 226))

    def disc(self, x: float, y: float, r: float, color: Color, crescent: bool = False) -> None:
        if self.light.outline:
            pygame.draw.circle(self.surf, self.light.ink, (x, y), r, self.line)
            return
        pygame.draw.circle(self.surf, self.light.toned(color), (x, y), r)
        if crescent:
            pygame.draw.circle(
                self.surf, self.light.toned(self.light.sky_top), (x + r * 0.4, y - r * 0.2), r
            )

    def cloud(self, x: float, y: float, width: float) -> None:
        grey = (214, 214, 218) if self.look.time != "night" else (52, 58, 80)
        color = self.light.toned(mix(grey, self.light.horizon, 0.3))
        for dx, r in ((0.0, 0.16), (0.22, 0.22), (0.46, 0.18), (0.66, 0.13)):
            cx, cy, rr = x + dx * width, y - (r - 0.13) * width * 0.5, r * width * 0.6
            if self.light.outline:
                pygame.draw.circle(self.surf, self.light.ink, (cx, cy), rr, self.line)
            else:
                pygame.draw.circle(self.surf, color, (cx, cy), rr)
        if not self.light.outline:
            pygame.draw.rect(self.surf, color, (x, y, width * 0.7, width * 0.09))

    # -- land
    def ridge(self, base: float, height: float, peaks: int, rough: float = 0.12) -> list[Point]:
        """A skyline of `peaks` summits over the whole width, seeded by the place."""
        rng, w = self.rng, self.w
        tops = [(rng.uniform(-0.1, 1.1) * w, height * rng.uniform(0.45, 1.0)) for _ in range(peaks)]
        slope = [rng.uniform(0.9, 1.8) for _ in range(peaks)]
        points = []
        steps = 48
        for i in range(steps + 1):
            x = w * i / steps
            rise = max(
                t - s * abs(x - px) * height / w * 3 for (px, t), s in zip(tops, slope, strict=True)
            )
            rise += height * rough * math.sin(x / w * 23 + rng.random() * 0.6)
            points.append((x, base - max(0.0, rise)))
        return points

    def range(self, base: float, height: float, peaks: int, depth: float, snow: bool) -> None:
        top = self.ridge(base, height, peaks)
        self.shape([*top, (self.w, base + 2), (0, base + 2)], "range", depth)
        if snow and not self.light.outline:
            line = base - height * 0.55
            cap = [(x, max(y, min(line + (x * 7 % 11) * height * 0.02, base))) for x, y in top]
            pygame.draw.polygon(self.surf, self.color("snow", depth * 0.6), [*top, *reversed(cap)])

    def hills(self, base: float, height: float, name: str, depth: float, waves: int = 3) -> None:
        phase = self.rng.uniform(0, math.tau)
        points = [(self.w * i / 40, base - height * (0.5 + 0.5 * math.sin(i / 40 * waves * math.pi + phase)))
                  for i in range(41)]  # fmt: skip
        self.shape([*points, (self.w, self.h), (0, self.h)], name, depth)

    def ground(self, y: float, depth: float = 0.0, name: str = "ground") -> None:
        self.shape([(0, y), (self.w, y), (self.w, self.h), (0, self.h)], name, depth)

    # -- plants
    def poplar(self, x: float, y: float, h: float, depth: float = 0.0) -> None:
        if self.look.season == "winter":
            self.bare(x, y, h, depth)
            return
        self.shape(ellipse_points(x, y - h * 0.55, h * 0.09, h * 0.5), "leaves", depth)
        self.rect(x - h * 0.012, y - h * 0.1, h * 0.024, h * 0.1, "wood", depth)

    def round_tree(self, x: float, y: float, r: float, depth: float = 0.0) -> None:
        """A mulberry or walnut: a trunk and a low round crown."""
        self.rect(x - r * 0.08, y - r * 0.9, r * 0.16, r * 0.9, "wood", depth)
        if self.look.season == "winter":
            for dx in (-0.6, 0.0, 0.6):
                self.stroke([(x, y - r * 0.8), (x + dx * r, y - r * 1.7)], "wood", depth, r * 0.06)
            return
        self.shape(ellipse_points(x, y - r * 1.35, r, r * 0.72), "leaves", depth)

    def bare(self, x: float, y: float, h: float, depth: float) -> None:
        self.stroke([(x, y), (x, y - h)], "wood", depth, h * 0.02)
        for i in range(4):
            at = y - h * (0.35 + 0.15 * i)
            side = -1 if i % 2 else 1
            self.stroke([(x, at), (x + side * h * 0.07, at - h * 0.14)], "wood", depth, h * 0.01)

    def stroke(self, points: list[Point], name: str, depth: float, width: float) -> None:
        color = self.light.ink if self.light.outline else self.color(name, depth)
        pygame.draw.lines(self.surf, color, False, points, max(1, round(width)))

    def shrub(self, x: float, y: float, r: float, depth: float = 0.0) -> None:
        for a in (-0.9, -0.4, 0.1, 0.6, 1.1):
            self.stroke(
                [(x, y), (x + math.sin(a) * r, y - math.cos(a) * r)], "wood", depth, r * 0.12
            )

    # -- buildings
    def house(self, x: float, y: float, w: float, h: float, depth: float = 0.0,
              door: bool = True, lit: bool = False) -> None:  # fmt: skip
        """A flat-roofed adobe house with its roof beams' edge and a door or window."""
        self.rect(x, y - h, w, h, "adobe", depth)
        self.rect(x - w * 0.03, y - h - h * 0.1, w * 1.06, h * 0.12, "roof", depth)
        if door:
            self.glow(x + w * 0.2, y - h * 0.55, w * 0.14, h * 0.55)
        if lit or not self.light.night:
            self.glow(x + w * 0.6, y - h * 0.65, w * 0.14, h * 0.2)

    def wall(self, x: float, y: float, w: float, h: float, depth: float = 0.0) -> None:
        self.shape([(x, y), (x, y - h), (x + w, y - h * 0.92), (x + w, y)], "adobe_shade", depth)

    def ayvan(self, x: float, y: float, w: float, h: float, depth: float = 0.0) -> None:
        """A veranda: a flat roof on carved wooden posts."""
        self.rect(x, y - h, w, h * 0.12, "wood", depth)
        for i in range(4):
            px = x + w * (0.05 + 0.3 * i)
            self.rect(px, y - h * 0.9, w * 0.035, h * 0.9, "wood", depth)

    def dome(self, cx: float, y: float, r: float, name: str = "tile", depth: float = 0.0) -> None:
        """A dome on a drum; the drum's top is at `y`."""
        self.rect(cx - r * 1.05, y - r * 0.1, r * 2.1, r * 0.7, "adobe", depth)
        points = [(cx + r * math.cos(a), y - r * 0.15 - r * 1.05 * math.sin(a))
                  for a in (math.pi * i / 20 for i in range(21))]  # fmt: skip
        points.append((cx, y - r * 1.5))  # a slight point, as the domes have
        points.sort(key=lambda p: p[0])
        self.shape([*points], name, depth)

    def minaret(self, cx: float, y: float, w: float, h: float, depth: float = 0.0,
                banded: bool = True) -> None:  # fmt: skip
        """A tapering tower with a lantern; tile bands round it."""
        self.shape([(cx - w / 2, y), (cx - w * 0.36, y - h), (cx + w * 0.36, y - h), (cx + w / 2, y)],
                   "brick" if banded else "adobe", depth)  # fmt: skip
        self.rect(cx - w * 0.5, y - h - w * 0.5, w, w * 0.5, "adobe", depth)
        self.dome(cx, y - h - w * 0.5, w * 0.32, "tile", depth)
        if banded:
            for t in (0.3, 0.55, 0.8):
                half = w / 2 - (w * 0.14) * t
                self.rect(cx - half, y - h * t, 2 * half, h * 0.04, "tile", depth)

    def battlements(self, x: float, y: float, w: float, h: float, depth: float = 0.0) -> None:
        """A mud-brick city wall with round towers and rounded merlons."""
        self.rect(x, y - h, w, h, "adobe_shade", depth)
        step = h * 0.5
        n = int(w // step)
        for i in range(n):
            self.ellipse(x + step * (i + 0.5), y - h, step * 0.3, step * 0.32, "adobe_shade", depth)
        for tx in (x + w * 0.18, x + w * 0.62):
            self.shape([(tx, y), (tx + h * 0.1, y - h * 1.3), (tx + h * 0.9, y - h * 1.3),
                        (tx + h, y)], "adobe", depth)  # fmt: skip

    def tent(self, x: float, y: float, w: float, h: float, depth: float = 0.0) -> None:
        self.shape([(x, y), (x + w / 2, y - h), (x + w, y)], "canvas", depth)
        self.shape([(x + w * 0.42, y), (x + w / 2, y - h * 0.6), (x + w * 0.58, y)], "dark", depth)

    def yurt(self, cx: float, y: float, r: float, depth: float = 0.0) -> None:
        """A Turkmen felt tent: a low drum under a dome, a dark door."""
        self.rect(cx - r, y - r * 0.55, 2 * r, r * 0.55, "felt", depth)
        top = [(cx + r * math.cos(a), y - r * 0.55 - r * 0.62 * math.sin(a))
               for a in (math.pi * i / 16 for i in range(17))]  # fmt: skip
        self.shape(top, "felt", depth)
        for i in range(3):
            self.stroke([(cx - r, y - r * (0.15 + 0.18 * i)), (cx + r, y - r * (0.15 + 0.18 * i))],
                        "wood", depth, r * 0.04)  # fmt: skip
        self.glow(cx - r * 0.18, y - r * 0.45, r * 0.36, r * 0.45)

    # -- people and animals, kept small: figures in a landscape, never portraits
    def person(self, x: float, y: float, h: float, name: str = "indigo", depth: float = 0.0):
        self.shape([(x - h * 0.16, y), (x - h * 0.08, y - h * 0.72), (x + h * 0.08, y - h * 0.72),
                    (x + h * 0.16, y)], name, depth)  # fmt: skip
        self.ellipse(x, y - h * 0.84, h * 0.1, h * 0.12, "dark", depth)

    def camel(self, x: float, y: float, s: float, depth: float = 0.0) -> None:
        body = [(x - s * 0.5, y - s * 0.5), (x - s * 0.3, y - s * 0.78), (x - s * 0.05, y - s * 0.62),
                (x + s * 0.15, y - s * 0.8), (x + s * 0.42, y - s * 0.52), (x + s * 0.62, y - s * 0.9),
                (x + s * 0.78, y - s * 0.88), (x + s * 0.7, y - s * 0.78), (x + s * 0.5, y - s * 0.4),
                (x - s * 0.5, y - s * 0.36)]  # fmt: skip
        self.shape(body, "dark", depth)
        for lx in (-0.4, -0.28, 0.28, 0.4):
            self.stroke([(x + s * lx, y - s * 0.4), (x + s * lx, y)], "dark", depth, s * 0.06)

    def horse(self, x: float, y: float, s: float, depth: float = 0.0) -> None:
        body = [(x - s * 0.45, y - s * 0.55), (x + s * 0.3, y - s * 0.58), (x + s * 0.5, y - s * 0.9),
                (x + s * 0.62, y - s * 0.85), (x + s * 0.45, y - s * 0.45), (x - s * 0.45, y - s * 0.38)]  # fmt: skip
        self.shape(body, "wood", depth)
        for lx in (-0.38, -0.26, 0.2, 0.32):
            self.stroke([(x + s * lx, y - s * 0.4), (x + s * lx, y)], "wood", depth, s * 0.05)

    def flock(self, x: float, y: float, w: float, n: int, depth: float = 0.0) -> None:
        """Sheep as a loose drift of pale backs, spaced by the place's seed."""
        rng = random.Random(self.look.seed + 7)
        s = w / max(4, n) * 0.9
        for _ in range(n):
            sx, sy = x + rng.uniform(0, w), y + rng.uniform(-s, s)
            self.ellipse(sx, sy, s * 0.55, s * 0.34, "fleece", depth)
            self.ellipse(sx + s * 0.5, sy - s * 0.08, s * 0.16, s * 0.14, "dark", depth)

    def birds(self, x: float, y: float, n: int) -> None:
        rng = random.Random(self.look.seed + 3)
        s = self.w / 60
        for _ in range(n):
            bx, by = x + rng.uniform(-3, 3) * s, y + rng.uniform(-1.5, 1.5) * s
            self.stroke(
                [(bx - s, by - s * 0.4), (bx, by), (bx + s, by - s * 0.4)], "dark", 0.5, s * 0.18
            )

    def smoke(self, x: float, y: float, h: float) -> None:
        """A translucent plume leaning with the wind: a tandoor, a stove, a field kitchen."""
        color = self.light.ink if self.light.outline else self.color("smoke", 0.2)
        self._living(
            Detail("smoke", x, y, h, color, self.light.horizon, self.light.outline, self.line)
        )

    def dune(self, cx: float, y: float, r: float, height: float, depth: float) -> None:
        """A crescent dune: a long lit windward slope and a short shaded slip face."""
        crest = (cx + r * 0.25, y - height)
        lit = [(cx - r + 2 * r * i / 24, y - height * math.sin(math.pi * i / 24) ** 1.6
                * (0.6 + 0.4 * i / 24)) for i in range(25)]  # fmt: skip
        self.shape(lit, "sand", depth)
        face = [crest, *[(crest[0] + (cx + r - crest[0]) * u, crest[1] + height * u ** 0.6)
                         for u in (0.25, 0.5, 0.75, 1.0)], (cx + r * 0.45, y)]  # fmt: skip
        self.shape(face, "sand_shade", depth)

    def glint(self, x: float, y: float, w: float) -> None:
        """Light moving on water."""
        shine = self.light.toned(mix(self.light.horizon, (255, 255, 255), 0.5))
        color = self.light.ink if self.light.outline else shine
        self._living(Detail("glint", x, y, w, color, color, self.light.outline, self.line))

    def _living(self, detail: Detail) -> None:
        """Keep a moving detail for the page to animate, or paint it still into the picture."""
        self.living.append(detail)
        if not self.defer_living:
            draw_detail(self.surf, detail, 0.0)

    # -- weather over everything
    def weather(self) -> None:
        weather, w, h = self.look.weather, self.w, self.h
        rng = random.Random(self.look.seed + 11)
        if weather == "rain":
            color = self.light.ink if self.light.outline else self.light.toned((200, 206, 214))
            for _ in range(70):
                x, y = rng.uniform(0, w * 1.1), rng.uniform(0, h)
                pygame.draw.line(
                    self.surf, color, (x, y), (x - w * 0.02, y + h * 0.04), max(1, round(w / 300))
                )
        elif weather == "snow":
            color = self.light.ink if self.light.outline else self.light.toned((250, 250, 252))
            for _ in range(90):
                pygame.draw.circle(self.surf, color, (rng.uniform(0, w), rng.uniform(0, h)),
                                   max(1.0, w / 260 * rng.choice((1, 1.5, 2))))  # fmt: skip
        elif weather in ("dust", "heat") and not self.light.outline:
            veil = pygame.Surface((w, h), pygame.SRCALPHA)
            veil.fill((*self.light.toned((214, 180, 128)), 70 if weather == "dust" else 36))
            self.surf.blit(veil, (0, 0))


def ellipse_points(cx: float, cy: float, rx: float, ry: float, n: int = 24) -> list[Point]:
    return [(cx + rx * math.cos(math.tau * i / n), cy + ry * math.sin(math.tau * i / n))
            for i in range(n)]  # fmt: skip
