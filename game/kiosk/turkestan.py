"""A map of Turkestan drawn in code: the two rivers, the Aral Sea, the story's places and routes."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import pygame

from game.engine.model import Perspective, Story
from game.ui.kit import Kit
from game.ui.theme import Color

LonLat = tuple[float, float]

# Simplified courses (longitude, latitude), close enough for a map seen across a room.
RIVERS: dict[str, tuple[LonLat, ...]] = {
    "syr_darya": ((72.6, 40.9), (71.7, 40.95), (71.0, 40.85), (70.4, 40.5), (69.6, 40.28),
                  (69.2, 40.3), (69.0, 40.9), (68.0, 41.3), (68.25, 42.3), (68.1, 43.0),
                  (67.0, 44.0), (65.5, 44.8), (64.0, 45.2), (62.1, 45.75), (61.3, 46.0)),
    "amu_darya": ((69.4, 37.15), (68.3, 37.1), (67.3, 37.2), (66.3, 37.4), (65.2, 37.85),
                  (64.3, 38.6), (63.6, 39.1), (62.6, 40.0), (61.8, 40.8), (61.0, 41.35),
                  (60.6, 41.75), (59.9, 42.3), (59.5, 43.0), (59.2, 43.7)),
}  # fmt: skip
# Where each river's name is written (longitude, latitude), on a quiet stretch of its course.
RIVER_LABELS: dict[str, LonLat] = {"syr_darya": (67.2, 41.95), "amu_darya": (64.2, 37.75)}
# The Aral Sea at its extent of a century ago.
ARAL: tuple[LonLat, ...] = ((58.3, 44.6), (58.5, 45.6), (59.2, 46.3), (60.2, 46.6), (61.2, 46.4),
                            (61.7, 45.6), (61.6, 44.7), (61.0, 43.9), (60.1, 43.5), (59.2, 43.6),
                            (58.6, 44.0))  # fmt: skip


def mix(a: Color, b: Color, t: float) -> Color:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


@dataclass(frozen=True)
class Projection:
    """Longitude and latitude to pixels: equirectangular, fitted into a rectangle."""

    rect: pygame.Rect
    west: float
    north: float
    scale: float  # pixels per degree of latitude
    squeeze: float  # cos(mid-latitude): a degree of longitude is shorter

    @classmethod
    def fit(cls, points: list[LonLat], rect: pygame.Rect, margin: float = 0.6) -> Projection:
        west = min(p[0] for p in points) - margin
        east = max(p[0] for p in points) + margin
        south = min(p[1] for p in points) - margin
        north = max(p[1] for p in points) + margin
        squeeze = math.cos(math.radians((north + south) / 2))
        scale = min(rect.width / ((east - west) * squeeze), rect.height / (north - south))
        # Centre the map in the rectangle.
        pad_x = (rect.width - (east - west) * squeeze * scale) / 2
        pad_y = (rect.height - (north - south) * scale) / 2
        return cls(rect.move(pad_x, pad_y), west, north, scale, squeeze)

    def __call__(self, point: LonLat) -> tuple[int, int]:
        lon, lat = point
        x = self.rect.x + (lon - self.west) * self.squeeze * self.scale
        y = self.rect.y + (self.north - lat) * self.scale
        return round(x), round(y)


def routes(story: Story) -> list[tuple[Perspective, list[str]]]:
    """Each perspective's journey: the places of its scenes in order, each stop once in a row."""
    out = []
    for p in story.perspectives:
        stops: list[str] = []
        for sid in p.scene_ids:
            place = story.scenes[sid].place
            if place in story.places and (not stops or stops[-1] != place):
                stops.append(place)
        if len(stops) >= 2:
            out.append((p, stops))
    return out


def draw_polyline(surf: pygame.Surface, color: Color, points: list[tuple[int, int]], width: int):
    """A thick line with round joints (pygame's own leaves gaps at sharp bends)."""
    if len(points) < 2:
        return
    pygame.draw.lines(surf, color, False, points, width)
    for point in points:
        pygame.draw.circle(surf, color, point, max(1, width // 2))


def partial(points: list[tuple[int, int]], share: float) -> list[tuple[int, int]]:
    """The first `share` (0–1) of a polyline's length."""
    lengths = [math.dist(a, b) for a, b in itertools.pairwise(points)]
    goal = sum(lengths) * max(0.0, min(1.0, share))
    out = [points[0]]
    for (a, b), length in zip(itertools.pairwise(points), lengths, strict=True):
        if goal >= length:
            out.append(b)
            goal -= length
            continue
        t = goal / length if length else 0
        out.append((round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t)))
        break
    return out


class MapLayer:
    """The still part of the map, drawn once per layout; the routes are drawn over it each frame."""

    def __init__(self, story: Story, kit: Kit, rect: pygame.Rect) -> None:
        self.story, self.kit, self.rect = story, kit, rect
        # Fitted to the story's places: the rivers run off the edge towards the Aral Sea.
        points = [(p.lon, p.lat) for p in story.places.values()] or list(ARAL)
        self.project = Projection.fit(points, rect, margin=0.8)
        self.routes = routes(story)
        self.surface = pygame.Surface(rect.size, pygame.SRCALPHA)
        self._labels: list[pygame.Rect] = []
        self._draw()

    def at(self, place_id: str) -> tuple[int, int]:
        place = self.story.places[place_id]
        return self.project((place.lon, place.lat))

    def _local(self, point: tuple[int, int]) -> tuple[int, int]:
        return point[0] - self.rect.x, point[1] - self.rect.y

    def _draw(self) -> None:
        pal = self.kit.palette
        self._graticule(mix(pal.background, pal.muted, 0.14))
        aral = [self._local(self.project(p)) for p in ARAL]
        pygame.draw.polygon(self.surface, mix(pal.background, pal.link, 0.28), aral)
        pygame.draw.polygon(self.surface, mix(pal.background, pal.link, 0.6), aral, self.kit.px(2))
        for course in RIVERS.values():
            line = [self._local(self.project(p)) for p in course]
            draw_polyline(self.surface, mix(pal.background, pal.link, 0.7), line, self.kit.px(3))
        self._places()  # towns are named first; a river's name gives way to them
        for river, anchor in RIVER_LABELS.items():
            if river in self.story.places:
                point = self._local(self.project(anchor))
                self._label(self.story.places[river].name, point, "italic")

    def _graticule(self, color: Color) -> None:
        width, height = self.rect.size
        for lon in range(50, 90, 2):
            x = self._local(self.project((lon, 0)))[0]
            if 0 <= x < width:
                pygame.draw.line(self.surface, color, (x, 0), (x, height), 1)
        for lat in range(30, 52, 2):
            y = self._local(self.project((0, lat)))[1]
            if 0 <= y < height:
                pygame.draw.line(self.surface, color, (0, y), (width, y), 1)

    def _places(self) -> None:
        """A dot for every place, larger on a route; names where they fit, the busiest first."""
        visits = dict.fromkeys(self.story.places, 0)
        for _p, stops in self.routes:
            for stop in stops:
                visits[stop] += 1
        for pid in sorted(visits, key=lambda p: -visits[p]):
            if pid in RIVERS:
                continue
            r = self.kit.px(5 if visits[pid] else 3.5)
            point = self._local(self.at(pid))
            pygame.draw.circle(self.surface, self.kit.palette.text, point, r)
            self._label(self.story.places[pid].name, (point[0] + 2 * r, point[1]), "ui_muted",
                        anchor="midleft")  # fmt: skip

    def _label(self, text: str, point: tuple[int, int], role: str, anchor: str = "center") -> None:
        label = self.kit.label(role, text)
        rect = label.get_rect(**{anchor: point})
        inside = self.surface.get_rect().contains(rect)
        if inside and rect.collidelist([r.inflate(8, 4) for r in self._labels]) < 0:
            self.surface.blit(label, rect)
            self._labels.append(rect)
