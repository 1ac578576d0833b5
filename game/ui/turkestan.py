"""A map of Turkestan drawn in code: rivers, the Aral Sea, deserts, ranges, places and routes.

One module for the kiosk's attract loop, the desktop's Map screen and the ending's recap.
"""

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
RIVER_LABELS: dict[str, LonLat] = {"syr_darya": (66.2, 45.0), "amu_darya": (64.2, 37.75)}
# Places that are areas, not towns: named in italics, with no dot.
REGIONS = frozenset({"fergana_valley", "karakum", "khorezm", "afghanistan"})
# Towns a visitor may know, named first when only some fit: roughly by size a century ago.
CITIES = ("tashkent", "samarkand", "bukhara", "kokand", "khiva", "kashgar", "namangan", "andijan",
          "dushanbe", "khujand", "margilan", "osh", "termez", "jizzakh", "urgench")  # fmt: skip
# Leading articles a short map label leaves out (English names; other languages have none).
ARTICLES = frozenset({"The", "A", "An"})
# Where a name may sit beside its point, in this order: right, left, above, below, the diagonals.
SPOTS = (("midleft", 1, 0), ("midright", -1, 0), ("midbottom", 0, -1), ("midtop", 0, 1),
         ("bottomleft", 1, -1), ("topleft", 1, 1), ("bottomright", -1, -1),
         ("topright", -1, 1))  # fmt: skip
# The Aral Sea at its extent of a century ago.
ARAL: tuple[LonLat, ...] = ((58.3, 44.6), (58.5, 45.6), (59.2, 46.3), (60.2, 46.6), (61.2, 46.4),
                            (61.7, 45.6), (61.6, 44.7), (61.0, 43.9), (60.1, 43.5), (59.2, 43.6),
                            (58.6, 44.0))  # fmt: skip

# How far off (in design pixels beyond the dots it would share a name with) a name may be
# written when nothing beside its dot is clear, joined to the dot by a thin line.
LEADER_GAPS = (62, 84, 110)
Leader = tuple[tuple[int, int], tuple[int, int]]  # a thin line from a dot to its name

ROUTE_SPAN: LonLat = (6.0, 3.5)  # the least a route's map shows: degrees of longitude, latitude
WATER: Color = (70, 130, 176)  # the sea's tint, mixed into each theme's ground
# The sand deserts, as rough outlines (longitude, latitude).
DESERTS: dict[str, tuple[LonLat, ...]] = {
    "karakum": ((54.6, 40.4), (56.8, 41.4), (59.6, 41.3), (61.6, 40.2), (63.4, 38.9),
                (62.4, 37.6), (59.2, 37.9), (56.2, 38.6)),
    "kyzylkum": ((61.6, 43.4), (63.6, 43.8), (66.4, 43.0), (67.4, 41.8), (65.9, 40.9),
                 (63.9, 40.7), (62.3, 41.6)),
}  # fmt: skip
# Mountain ranges as their crest lines: drawn as hatched bands, ticks on the downhill side.
RANGES: dict[str, tuple[LonLat, ...]] = {
    "tien_shan": ((69.8, 41.9), (71.5, 42.3), (73.5, 42.3), (76.0, 41.9), (78.5, 41.8)),
    "fergana_range": ((73.2, 41.7), (73.9, 41.0), (74.3, 40.5)),
    "alay": ((70.4, 39.75), (72.0, 39.6), (73.5, 39.6), (74.6, 39.8)),
    "turkestan_range": ((67.8, 39.5), (69.2, 39.6), (70.4, 39.75)),
    "hisor": ((67.4, 38.95), (68.5, 39.1), (69.5, 39.2), (70.3, 39.3)),
    "pamir": ((71.4, 38.4), (72.8, 38.5), (74.3, 38.2), (75.0, 37.4)),
    "kopet_dag": ((54.6, 38.9), (57.0, 38.2), (59.0, 37.3), (60.6, 36.6)),
    "hindu_kush": ((67.5, 35.4), (69.5, 35.9), (71.4, 36.4), (73.0, 36.8)),
}  # fmt: skip


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


def journey(stops: list[str]) -> list[str]:
    """A route as a visitor reads it on a map: its towns in the order first reached, each once
    (areas and rivers have no single point to draw a line to)."""
    towns = [s for s in stops if s not in REGIONS and s not in RIVERS]
    return list(dict.fromkeys(towns))


def around(points: list[LonLat]) -> list[LonLat]:
    """Points and a frame about their middle: a route's map shows its neighbourhood too."""
    lon = (min(p[0] for p in points) + max(p[0] for p in points)) / 2
    lat = (min(p[1] for p in points) + max(p[1] for p in points)) / 2
    half_lon, half_lat = ROUTE_SPAN[0] / 2, ROUTE_SPAN[1] / 2
    return [*points, (lon - half_lon, lat - half_lat), (lon + half_lon, lat + half_lat)]


def smooth(ring: list[LonLat], rounds: int = 2) -> list[LonLat]:
    """A closed outline with its corners cut (Chaikin), so drawn areas have soft edges."""
    for _ in range(rounds):
        out = []
        for a, b in zip(ring, ring[1:] + ring[:1], strict=True):
            out += [(a[0] * 0.75 + b[0] * 0.25, a[1] * 0.75 + b[1] * 0.25),
                    (a[0] * 0.25 + b[0] * 0.75, a[1] * 0.25 + b[1] * 0.75)]  # fmt: skip
        ring = out
    return ring


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


def spots(point: tuple[int, int], size: tuple[int, int], gaps: list[int]) -> list[pygame.Rect]:
    """Rectangles of `size` around a point, each of `gaps` pixels clear of it, nearest first."""
    out = []
    for gap in gaps:
        slant = round(gap * 0.7)  # a diagonal as far from the point as the sides
        for anchor, dx, dy in SPOTS:
            step = slant if dx and dy else gap
            rect = pygame.Rect((0, 0), size)
            setattr(rect, anchor, (point[0] + dx * step, point[1] + dy * step))
            out.append(rect)
    return out


class MapLayer:
    """The still part of the map, drawn once per layout; the routes are drawn over it each frame."""

    def __init__(self, story: Story, kit: Kit, rect: pygame.Rect, aral: bool = False,
                 route_names: bool = False, route: list[str] | None = None) -> None:  # fmt: skip
        """`route_names`: minor places are named only while their route shows (the attract
        loop). `route`: a playthrough's stops, drawn over the layer later; names keep off it
        too, and the map is fitted around them (their towns lie too close together on the whole
        region's map to be named apart)."""
        self.story, self.kit, self.rect = story, kit, rect
        self.route = [s for s in route or [] if s in story.places]
        # route_names: minor places (not a known city) are named only while their route shows.
        self.route_names = route_names
        self.route_labels: list[list[tuple[pygame.Surface, pygame.Rect]]] = []  # per route
        self.route_leaders: list[list[Leader]] = []  # per route: lines from dots to far names
        self.route_named: list[set[str]] = []  # the places each route's labels name
        # Fitted to the story's places (and the Aral Sea when asked): the rivers run off the edge.
        points = [(p.lon, p.lat) for p in story.places.values()]
        points = points + list(ARAL) if aral or not points else points
        if self.route:
            points = around([(story.places[s].lon, story.places[s].lat) for s in self.route])
        self.project = Projection.fit(points, rect, margin=0.8)
        self.routes = routes(story)
        self.surface = pygame.Surface(rect.size, pygame.SRCALPHA)
        self.labels: list[pygame.Rect] = []  # every name written, in the layer's coordinates
        self.dots: list[pygame.Rect] = []  # every town's dot, likewise
        self.leaders: list[Leader] = []  # lines from dots to names written farther off
        self._towns: dict[str, tuple[tuple[int, int], int]] = {}  # a dot's centre and radius
        self._rivers: list[list[tuple[int, int]]] = []  # names keep off these lines, and
        self._routes: list[list[tuple[int, int]]] = []  # off these while they can
        # Names keep off the ranges and off a desert not their own: a mask of each, by its id.
        self._relief = pygame.mask.Mask(rect.size)
        self._sands: dict[str, pygame.mask.Mask] = {}
        self.named: set[str] = set()  # the places whose names are written
        self.written: dict[str, pygame.Rect] = {}  # where each place's own name went
        self._reserved: list[pygame.Rect] = []  # routes' names, which the map's must keep off
        self.spots: dict[str, pygame.Rect] = {}  # where a press picks each place (layer coords)
        self._order: list[str] = []
        self._draw()

    def at(self, place_id: str) -> tuple[int, int]:
        place = self.story.places[place_id]
        return self.project((place.lon, place.lat))

    def _local(self, point: tuple[int, int]) -> tuple[int, int]:
        return point[0] - self.rect.x, point[1] - self.rect.y

    def _draw(self) -> None:
        pal = self.kit.palette
        self._graticule(mix(pal.background, pal.muted, 0.14))
        self._deserts(
            mix(pal.background, pal.ornament, 0.16), mix(pal.background, pal.ornament, 0.5)
        )
        self._ranges(mix(pal.background, pal.muted, 0.45))
        aral = [self._local(self.project(p)) for p in smooth(list(ARAL))]
        pygame.draw.polygon(self.surface, mix(pal.background, WATER, 0.42), aral)
        pygame.draw.polygon(self.surface, mix(pal.background, pal.link, 0.6), aral, self.kit.px(2))
        for course in RIVERS.values():
            line = [self._local(self.project(p)) for p in course]
            draw_polyline(self.surface, mix(pal.background, pal.link, 0.7), line, self.kit.px(3))
            self._rivers.append(line)
        # The lines drawn over this layer: the playthrough's, else every perspective's.
        journeys = [self.route] if self.route else [stops for _p, stops in self.routes]
        self._routes = [[self._local(self.at(s)) for s in stops if s in self.story.places]
                        for stops in journeys]  # fmt: skip
        self._dots()  # every dot first: no name may cover one drawn after it
        self._order = self._naming_order()
        if not self.route_names:
            # The route's names first where each is clear of everything, so that one written
            # across a line does not take the clear spot another needed; then the rest.
            for pid in self._order:
                if self._relaxed(pid):
                    self._name(pid, strict=True)
            for pid in self._order:
                self._name(pid)
            return
        self._name_with_routes()

    def _name_with_routes(self) -> None:
        """Each route's villages (and the towns they crowd) first, named while it shows; then
        the known towns the routes pass, always named; a route's towns left over go with it;
        then the rest of the map. The map's own names keep clear of every route's."""
        self.route_labels = [[] for _route in self.routes]
        self.route_leaders = [[] for _route in self.routes]
        self.route_named = [set() for _route in self.routes]
        visits = self._visits()
        crowded = {p for p in self._towns if self._minor(p) or self._crowded(p)}
        for index in range(len(self.routes)):
            self._route_names(index, crowded)
        for pid in self._order:
            if visits[pid] and pid in self._towns and pid not in crowded:
                self._name_clear_of_routes(pid)
        for index in range(len(self.routes)):
            self._route_names(index, None)
        for pid in self._order:
            if pid not in crowded:
                self._name_clear_of_routes(pid)

    def _name_clear_of_routes(self, pid: str) -> None:
        self._reserved = [rect for labels in self.route_labels for _label, rect in labels]
        kept = len(self.leaders)
        self.leaders += [line for lines in self.route_leaders for line in lines]
        self._name(pid)
        self._reserved = []
        del self.leaders[kept:]

    def _minor(self, pid: str) -> bool:
        """A town few visitors would know: a village, a well, a pasture (often fictional)."""
        return pid not in CITIES and pid not in REGIONS and pid not in RIVERS

    def _short(self, pid: str) -> str:
        """A place's name without its alternative spelling in brackets or a leading article:
        "Baldzhuan (Baljuvon)" → "Baldzhuan", "The Lokai summer pastures" → "Lokai summer
        pastures"."""
        name = self.story.places[pid].name.split(" (")[0].strip()
        first, _, rest = name.partition(" ")
        if first in ARTICLES and rest:
            name = rest[0].upper() + rest[1:]
        return name

    def _crowded(self, pid: str) -> bool:
        """Whether a minor town's dot overlaps this one: then both are named with their route."""
        if pid not in self._towns:
            return False
        point, r = self._towns[pid]
        return any(self._minor(other) and math.dist(at, point) <= r + r2
                   for other, (at, r2) in self._towns.items() if other != pid)  # fmt: skip

    def _route_names(self, index: int, which: set[str] | None) -> None:
        """Name a route's unnamed towns (those in `which`, when given), clear of the map's names,
        the dots and the route's other names: drawn over the map only while that route shows."""
        stops, own, done = self.routes[index][1], self.route_labels[index], self.route_named[index]
        kept, named, lines = len(self.labels), set(self.named), len(self.leaders)
        self.labels += [rect for _label, rect in own]
        self.leaders += self.route_leaders[index]
        self.named |= done
        for pid in self._order:
            if pid in stops and pid in self._towns and pid not in self.named:
                if which is not None and pid not in which:
                    continue
                label, rect, leader = self._town_name(pid, set(stops))
                if rect is not None:
                    self.labels.append(rect)
                    own.append((label, rect))
                if leader is not None:
                    self.leaders.append(leader)
                    self.route_leaders[index].append(leader)
        done |= self.named - named
        del self.labels[kept:]  # a route's names belong to it: each route starts afresh
        del self.leaders[lines:]
        self.named = named

    def _deserts(self, fill: Color, dots: Color) -> None:
        """Sand as a tinted area stippled with dots, so it reads without colour too."""
        step = self.kit.px(9)
        for name, outline in DESERTS.items():
            points = [self._local(self.project(p)) for p in smooth(list(outline))]
            shape = pygame.Surface(self.rect.size, pygame.SRCALPHA)
            pygame.draw.polygon(shape, (255, 255, 255, 255), points)
            inside = self._sands[name] = pygame.mask.from_surface(shape)
            pygame.draw.polygon(self.surface, fill, points)
            box = pygame.Rect(points[0], (0, 0)).unionall([pygame.Rect(p, (0, 0)) for p in points])
            box = box.clip(self.surface.get_rect())
            for row, y in enumerate(range(box.top, box.bottom, step)):
                for x in range(box.left + (step // 2) * (row % 2), box.right, step):
                    if inside.get_at((x, y)):
                        pygame.draw.circle(self.surface, dots, (x, y), max(1, self.kit.px(1.2)))

    def _ranges(self, color: Color) -> None:
        """Each range as a soft band along its crest, with small peaks standing along it."""
        band = mix(self.kit.palette.background, color, 0.2)
        step, size = self.kit.px(16), self.kit.px(6)
        width = max(1, self.kit.px(1.5))
        relief = pygame.Surface(self.rect.size, pygame.SRCALPHA)
        for crest in RANGES.values():
            line = [self._local(self.project(p)) for p in crest]
            draw_polyline(self.surface, band, line, self.kit.px(12))
            draw_polyline(relief, (255, 255, 255), line, self.kit.px(14))  # band and peaks
            for a, b in itertools.pairwise(line):
                length = math.dist(a, b)
                for i in range(int(length // step) + 1):
                    t = i * step / length if length else 0
                    x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
                    peak = [
                        (x - size, y + size * 0.6),
                        (x, y - size * 0.8),
                        (x + size, y + size * 0.6),
                    ]
                    pygame.draw.lines(self.surface, color, False, peak, width)
        self._relief = pygame.mask.from_surface(relief)

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

    def _visits(self) -> dict[str, int]:
        visits = dict.fromkeys(self.story.places, 0)
        for _p, stops in self.routes:
            for stop in stops:
                visits[stop] += 1
        return visits

    def _dots(self) -> None:
        """A dot for every town, larger on a route (rivers and areas have none)."""
        visits = self._visits()
        for pid in self.story.places:
            if pid in RIVERS or pid in REGIONS:
                continue
            r = self.kit.px(5 if visits[pid] else 3.5)
            x, y = self._local(self.at(pid))
            if not (0 <= x < self.rect.width and 0 <= y < self.rect.height):
                continue  # outside a zoomed map: no dot to see, so no name and nothing to press
            pygame.draw.circle(self.surface, self.kit.palette.text, (x, y), r)
            self.dots.append(pygame.Rect(x - r, y - r, 2 * r + 1, 2 * r + 1))
            reach = max(r, self.kit.px(12))  # a finger's width, not just the dot's
            self.spots[pid] = pygame.Rect(x - reach, y - reach, 2 * reach, 2 * reach)
            self._towns[pid] = (x, y), r

    def _naming_order(self) -> list[str]:
        """Route towns that are known cities, other route towns, route areas, cities, the rest."""
        visits = self._visits()

        def rank(pid: str) -> tuple[int, int, int]:
            city, area = pid in CITIES, pid in RIVERS or pid in REGIONS
            on_route = visits[pid] > 0
            tier = (0 if city else 2 if area else 1) if on_route else (3 if city else 4)
            return tier, -visits[pid], CITIES.index(pid) if city else 0

        return sorted(self.story.places, key=rank)

    def _relaxed(self, pid: str) -> bool:
        """Whether a name may go across a line when nothing clear is left: a name on
        the route may; one off it is written only where it is clear of everything. The attract
        loop's whole-region map (route_names) may relax any name: it must name its towns."""
        if self.route_names:
            return True
        if pid in RIVERS or pid in REGIONS:
            return not self.route or pid in self.route
        return pid in self.route if self.route else self._visits()[pid] > 0

    def _name(self, pid: str, strict: bool = False) -> None:
        """Write a place's name in the first free spot beside it; none free, leave it unnamed."""
        if pid in self.named or not (pid in RIVERS or pid in REGIONS or pid in self._towns):
            return  # named already, or a town outside the map
        relax = self._relaxed(pid) and not strict
        leader = None
        if pid in RIVERS or pid in REGIONS:
            label = self.kit.label("italic", self.story.places[pid].name)
            choices = [
                r for r in self._area_spots(pid, label.get_size()) if self._off_sands(r, pid)
            ]
            rect = self._first_free(choices, None, relax)
        else:
            label, rect, leader = self._town_name(pid, relax=relax)
        if leader is not None:
            self.leaders.append(leader)
            draw_leader(self.surface, self.kit, leader)
        if rect is not None:
            self.surface.blit(label, rect)
            self.labels.append(rect)
            self.written[pid] = rect
            self.named.add(pid)
            self.spots[pid] = self.spots[pid].union(rect) if pid in self.spots else rect

    def _town_name(
        self, pid: str, among: set[str] | None = None, relax: bool = True
    ) -> tuple[pygame.Surface, pygame.Rect | None, Leader | None]:
        """A town's name beside its dot; towns whose dots overlap it share the name, if it fits
        (only towns `among` these, when given: a route's own). A route's names are short.
        Where nothing beside the dot is clear, the name alone (shortened, if that helps), else
        farther off with a thin line to its dot (only where it is relaxed), else none."""
        point, r = self._towns[pid]
        apart = {p: math.dist(at, point) for p, (at, _r) in self._towns.items()}
        # A route's villages a few pixels apart share a name: the eye cannot tell their dots apart.
        near = 0 if among is None else self.kit.px(10)
        here = [p for p in self._order if p in self._towns and p not in self.named
                and apart[p] <= r + self._towns[p][1] + near
                and (among is None or p in among or p == pid)]  # fmt: skip
        reach = max(apart[p] + self._towns[p][1] for p in here)  # to the far side of them all
        # Beyond these a name seems to float free of its dot: farther off it takes a line to it.
        far = (6, 14, 22) if among is None else (6, 14, 22, 34)
        gaps = [round(reach) + self.kit.px(n) for n in far]
        name = (lambda p: self.story.places[p].name) if among is None else self._short
        texts = {" · ".join(name(p) for p in here): here, name(pid): [pid], self._short(pid): [pid]}
        # Together, else alone, else shortened: clear of every line first, then across one.
        for loose, (text, names) in itertools.product(dict.fromkeys((False, relax)), texts.items()):
            label = self.kit.label("ui_muted", text)
            # Several names written well away from their dots would seem to name others there.
            rect = self._first_free(spots(point, label.get_size(), gaps if len(names) == 1
                                          else gaps[:2]), point, loose)  # fmt: skip
            if rect is not None:
                self.named.update(names)
                return label, rect, None
        if not relax:
            return label, None, None
        farther = [round(reach) + self.kit.px(n) for n in LEADER_GAPS]
        for rect in spots(point, label.get_size(), farther):
            leader = self._leader(point, r, rect)
            if leader is not None and self._first_free([rect], None, relax=False):
                self.named.add(pid)
                return label, rect, leader
        return label, None, None

    def _leader(self, point: tuple[int, int], r: int, rect: pygame.Rect) -> Leader | None:
        """A line from a dot's edge to the nearest point of a name's rectangle, or None when it
        would pass over another dot or name (it would seem to point at that one)."""
        end = (min(max(point[0], rect.left), rect.right), min(max(point[1], rect.top), rect.bottom))
        length = math.dist(point, end)
        if length <= r:
            return None
        t = r / length
        start = (
            round(point[0] + (end[0] - point[0]) * t),
            round(point[1] + (end[1] - point[1]) * t),
        )
        margin = self.kit.px(3)
        # A dot touching this one is the same spot on the map and does not count.
        apart = [dot for dot in self.dots if math.dist(dot.center, point) > r + dot.width // 2]
        if any(dot.inflate(margin, margin).clipline(start, end) for dot in apart):
            return None
        for other in (*self.labels, *self._reserved):
            if other.inflate(margin, margin).clipline(start, end):
                return None
        return start, end

    def _area_spots(self, pid: str, size: tuple[int, int]) -> list[pygame.Rect]:
        """An area's name over its point, else near it; a river's also along its course."""
        place = self.story.places[pid]
        points = [(place.lon, place.lat)]
        if pid in RIVERS:
            course = RIVERS[pid]
            points = [RIVER_LABELS[pid]] if pid in RIVER_LABELS else []
            points += [
                ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in itertools.pairwise(course)
            ]
        out = []
        # A river's name hugs its course (farther off, it would name a plain or a range).
        gaps = [size[1] // 2] if pid in RIVERS else [size[1] // 2, size[1], size[1] * 3 // 2]
        for point in (self._local(self.project(p)) for p in points):
            out.append(pygame.Rect((0, 0), size).move_to(center=point))
            out += spots(point, size, gaps)
        return out

    def _first_free(
        self, choices: list[pygame.Rect], town: tuple[int, int] | None, relax: bool = True
    ) -> pygame.Rect | None:
        """The first spot clear of names, dots, lines and ranges; when `relax`, for a town then
        one across a line. No name is ever written over a range: it is left out instead.

        A town's name must also lie nearer its own dot than any other, or it would name that one.
        """
        lines = self._rivers + self._routes
        tries = [lines, self._rivers, []] if relax and town else [lines]
        for avoid in tries:
            for rect in choices:
                if self.on_ranges(rect):
                    continue  # never: a name on a range's band is unreadable, whatever it names
                if self._free(rect, avoid) and (town is None or self._nearest(rect, town)):
                    return rect
        return None

    def ranges_drawn(self) -> int:
        """How many of the layer's pixels the ranges cover (their bands and peaks)."""
        return self._relief.count()

    def on_ranges(self, rect: pygame.Rect) -> bool:
        """Whether a rectangle (layer coordinates) touches a range's band or its peaks."""
        return (
            self._relief.overlap(pygame.mask.Mask(rect.size, fill=True), rect.topleft) is not None
        )

    def _off_sands(self, rect: pygame.Rect, pid: str) -> bool:
        """Whether a name lies clear of every desert but its own (Khorezm is not the Kyzylkum)."""
        box = pygame.mask.Mask(rect.size, fill=True)
        return all(mask.overlap(box, rect.topleft) is None
                   for name, mask in self._sands.items() if name != pid)  # fmt: skip

    def _free(self, rect: pygame.Rect, avoid: list[list[tuple[int, int]]]) -> bool:
        """Inside the map, off every name and dot, and off the lines to `avoid`."""
        if not self.surface.get_rect().contains(rect):
            return False
        room = rect.inflate(self.kit.px(8), self.kit.px(2))
        if room.collidelist(self.labels) >= 0 or room.collidelist(self.dots) >= 0:
            return False
        if room.collidelist(self._reserved) >= 0:
            return False
        if any(room.clipline(a, b) for a, b in self.leaders):
            return False  # a name on another's line would seem to be the one it points to
        near = rect.inflate(self.kit.px(4), self.kit.px(4))
        return not any(near.clipline(a, b) for line in avoid for a, b in itertools.pairwise(line))

    def _nearest(self, rect: pygame.Rect, town: tuple[int, int]) -> bool:
        """Whether the name's nearest point lies nearer this town's dot than any other's.

        A dot that overlaps this one is the same spot on the map and does not count.
        """
        attach = (
            min(max(town[0], rect.left), rect.right),
            min(max(town[1], rect.top), rect.bottom),
        )
        own = math.dist(town, attach)
        apart = [dot for dot in self.dots if math.dist(dot.center, town) > dot.width]
        return all(math.dist(dot.center, attach) >= own for dot in apart)

    def place_at(self, pos: tuple[int, int]) -> str | None:
        """The place whose dot or name is under a window position, nearest dot first."""
        local = self._local(pos)
        hits = [pid for pid, rect in self.spots.items() if rect.collidepoint(local)]

        def distance(pid: str) -> float:
            at = self._towns[pid][0] if pid in self._towns else self.spots[pid].center
            return math.dist(at, local)

        return min(hits, key=distance, default=None)


def draw_leader(surf: pygame.Surface, kit: Kit, leader: Leader,
                offset: tuple[int, int] = (0, 0)) -> None:  # fmt: skip
    """The thin line joining a dot to its name written farther off."""
    (ax, ay), (bx, by) = leader
    color = mix(kit.palette.background, kit.palette.muted, 0.8)
    pygame.draw.line(surf, color, (ax + offset[0], ay + offset[1]), (bx + offset[0], by + offset[1]),
                     max(1, kit.px(1.5)))  # fmt: skip


def draw_route(surf: pygame.Surface, layer: MapLayer, stops: list[str], share: float, kit: Kit,
               width: float = 4) -> None:  # fmt: skip
    """A journey drawing itself along its stops; the point it has reached is ringed."""
    points = [layer.at(s) for s in stops if s in layer.story.places]
    if not points:
        return
    drawn = partial(points, share) if len(points) > 1 else points
    draw_polyline(surf, kit.palette.ornament, drawn, kit.px(width))
    for point in points[1:-1]:
        if point in drawn:
            pygame.draw.circle(surf, kit.palette.ornament, point, kit.px(width * 1.4))
    r = kit.px(width * 2.2)
    pygame.draw.circle(surf, kit.palette.ornament2, drawn[-1], r)
    pygame.draw.circle(surf, kit.palette.ornament, drawn[-1], r, max(2, kit.px(width / 2)))
