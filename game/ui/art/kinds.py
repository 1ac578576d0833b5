"""One landscape per kind of place, each composed of far, middle and near layers."""

from __future__ import annotations

from collections.abc import Callable

from game.ui.art.painter import Painter


def _far_ranges(p: Painter, horizon: float, height: float = 0.2) -> None:
    """The Alay and Tien Shan on the horizon: two ranges, the farther paler."""
    h = p.h
    p.range(horizon, h * height, 5, 0.95, p.look.snow_on_ranges)
    p.range(horizon + h * 0.01, h * height * 0.55, 6, 0.7, False)


def _trees_row(p: Painter, y: float, h: float, depth: float, every: float = 0.09) -> None:
    x = p.rng.uniform(0, every) * p.w
    while x < p.w:
        p.poplar(x, y, h * p.rng.uniform(0.85, 1.1), depth)
        x += p.w * every * p.rng.uniform(0.7, 1.3)


def fields(p: Painter) -> None:
    w, h = p.w, p.h
    horizon = h * 0.52
    _far_ranges(p, horizon, 0.16)
    p.ground(horizon, 0.35)
    _trees_row(p, horizon + h * 0.01, h * 0.13, 0.45, 0.07)
    # Strips of fields running towards the horizon, alternating crop and furrow.
    vanish = (w * p.rng.uniform(0.4, 0.6), horizon)
    lanes = 9
    for i in range(lanes):
        a, b = w * (-0.6 + 2.2 * i / lanes), w * (-0.6 + 2.2 * (i + 1) / lanes)
        near = h * 1.02
        name = "ground" if i % 2 else "reed"
        p.shape([(vanish[0] + (a - vanish[0]) * 0.06, horizon + h * 0.02),
                 (vanish[0] + (b - vanish[0]) * 0.06, horizon + h * 0.02), (b, near), (a, near)],
                name, 0.15 if i % 2 else 0.25)  # fmt: skip
    # The ariq: a canal coming straight at the viewer, light moving on it.
    cx = vanish[0] + w * 0.04
    p.shape([(cx - w * 0.004, horizon + h * 0.03), (cx + w * 0.004, horizon + h * 0.03),
             (cx + w * 0.12, h), (cx - w * 0.02, h)], "water", 0.1)  # fmt: skip
    p.glint(cx + w * 0.01, h * 0.8, w * 0.08)
    if p.look.month in (9, 10):  # cotton open in the fields
        for i in range(60):
            x, y = p.rng.uniform(0, w), horizon + h * 0.05 + (h * 0.45) * (i / 60) ** 1.5
            p.ellipse(x, y, w * 0.006 * (1 + y / h), w * 0.005 * (1 + y / h), "cotton")
    for x in (w * 0.1, w * 0.86):
        p.round_tree(x, h * 0.97, w * 0.1)
    p.person(w * 0.3, h * 0.9, h * 0.09, "indigo", 0.05)
    p.birds(w * 0.3, h * 0.2, 5)


def village(p: Painter) -> None:
    w, h = p.w, p.h
    horizon = h * 0.5
    _far_ranges(p, horizon)
    p.ground(horizon, 0.3)
    _trees_row(p, horizon + h * 0.02, h * 0.22, 0.4, 0.11)
    # Houses behind a mud wall; one with an ayvan, and a small mosque.
    base = h * 0.66
    x = -w * 0.05
    while x < w:
        width = w * p.rng.uniform(0.16, 0.26)
        p.house(x, base, width, h * p.rng.uniform(0.07, 0.1), 0.2, lit=p.rng.random() < 0.5)
        x += width * p.rng.uniform(0.95, 1.25)
    mosque = w * p.rng.uniform(0.55, 0.75)
    p.minaret(mosque + w * 0.12, base, w * 0.04, h * 0.14, 0.2, banded=False)
    p.rect(mosque - w * 0.08, base - h * 0.1, w * 0.18, h * 0.1, "adobe", 0.18)
    p.ayvan(mosque - w * 0.08, base, w * 0.18, h * 0.09, 0.18)
    p.wall(-w * 0.02, h * 0.74, w * 1.04, h * 0.06, 0.1)
    p.ground(h * 0.74, 0.05)
    tandoor = w * 0.24
    p.ellipse(tandoor, h * 0.8, w * 0.05, h * 0.035, "adobe", 0.0)
    p.smoke(tandoor, h * 0.77, h * 0.24)
    p.shape([(0, h * 0.9), (w, h * 0.86), (w, h * 0.9), (0, h * 0.94)], "water", 0.05)  # the ariq
    p.glint(w * 0.55, h * 0.885, w * 0.1)
    p.round_tree(w * 0.84, h * 0.9, w * 0.12)
    p.person(w * 0.34, h * 0.86, h * 0.09, "gold" if p.rng.random() < 0.5 else "indigo")


def city(p: Painter) -> None:
    w, h = p.w, p.h
    horizon = h * 0.55
    p.hills(horizon, h * 0.04, "hill", 0.85)
    p.ground(horizon, 0.4)
    base = h * 0.64
    # The skyline: a city's own landmarks when it has famous ones, else domes and a portal.
    marks = LANDMARKS.get(p.look.place, ("portal", "domes"))
    for mark in marks:
        SKYLINE[mark](p, base)
    x = 0.0
    while x < w:
        width = w * p.rng.uniform(0.12, 0.2)
        p.house(
            x, base, width, h * p.rng.uniform(0.05, 0.09), 0.3, door=False, lit=p.rng.random() < 0.3
        )
        x += width
    if "new_city" not in marks:  # the Russian town had no walls; the old cities kept theirs
        p.battlements(-w * 0.05, h * 0.74, w * 1.1, h * 0.1, 0.1)
        gate = w * p.rng.uniform(0.1, 0.72)
        p.rect(gate, h * 0.64, w * 0.16, h * 0.1, "adobe", 0.08)
        p.shape([(gate + w * 0.04, h * 0.74), (gate + w * 0.04, h * 0.69), (gate + w * 0.08, h * 0.66),
                 (gate + w * 0.12, h * 0.69), (gate + w * 0.12, h * 0.74)], "dark", 0.08)  # fmt: skip
    p.ground(h * 0.74, 0.0)
    caravan = w * p.rng.uniform(0.05, 0.45)
    p.camel(caravan, h * 0.88, w * 0.16)
    p.camel(caravan + w * 0.22, h * 0.9, w * 0.15)
    p.person(caravan + w * 0.4, h * 0.92, h * 0.09, "indigo")
    p.poplar(w * p.rng.choice((0.08, 0.9)), h * 0.96, h * 0.32)
    p.birds(w * 0.62, h * 0.18, 6)


def _domes(p: Painter, base: float) -> None:
    for _ in range(p.rng.randrange(2, 5)):
        p.dome(p.w * p.rng.uniform(0.08, 0.92), base - p.h * 0.05, p.w * p.rng.uniform(0.05, 0.09),
               "tile", 0.35)  # fmt: skip


def _portal(p: Painter, base: float) -> None:
    """A madrasa's pishtaq: a tall tiled gateway with a pointed niche, minarets at its sides."""
    w, h = p.w, p.h
    cx = w * p.rng.choice((0.28, 0.5, 0.72))
    p.rect(cx - w * 0.16, base - h * 0.2, w * 0.32, h * 0.2, "tile", 0.35)
    p.shape([(cx - w * 0.08, base), (cx - w * 0.08, base - h * 0.12), (cx, base - h * 0.17),
             (cx + w * 0.08, base - h * 0.12), (cx + w * 0.08, base)], "indigo", 0.35)  # fmt: skip
    for side in (-1, 1):
        p.minaret(cx + side * w * 0.2, base, w * 0.04, h * 0.22, 0.35)


def _kalta_minor(p: Painter, base: float) -> None:
    """Khiva's squat, unfinished minaret, banded in turquoise tiles (1850s)."""
    w, h = p.w, p.h
    cx = w * 0.3
    p.shape([(cx - w * 0.1, base), (cx - w * 0.085, base - h * 0.17), (cx + w * 0.085, base - h * 0.17),
             (cx + w * 0.1, base)], "tile", 0.3)  # fmt: skip
    for t in (0.3, 0.62, 0.9):
        p.rect(cx - w * 0.095, base - h * 0.17 * t, w * 0.19, h * 0.012, "indigo", 0.3)


def _islam_khoja(p: Painter, base: float) -> None:
    """Khiva's tall, slender minaret of 1910."""
    p.minaret(p.w * 0.64, base - p.h * 0.02, p.w * 0.05, p.h * 0.38, 0.35)


def _kalon(p: Painter, base: float) -> None:
    """Bukhara's great minaret: thick, tapering, of patterned fired brick, with its lantern."""
    p.minaret(p.w * 0.62, base - p.h * 0.02, p.w * 0.1, p.h * 0.36, 0.35)
    p.dome(p.w * 0.84, base - p.h * 0.05, p.w * 0.08, "tile", 0.35)


def _ark(p: Painter, base: float) -> None:
    """Bukhara's Ark: a fortress on its mound, sloping walls and round towers."""
    w, h = p.w, p.h
    p.shape([(-w * 0.02, base), (w * 0.03, base - h * 0.16), (w * 0.42, base - h * 0.16),
             (w * 0.48, base)], "adobe_shade", 0.3)  # fmt: skip
    p.rect(w * 0.05, base - h * 0.22, w * 0.34, h * 0.07, "adobe", 0.3)
    for x in (w * 0.05, w * 0.39):
        p.ellipse(x, base - h * 0.2, w * 0.04, h * 0.05, "adobe", 0.3)


def _new_city(p: Painter, base: float) -> None:
    """Tashkent's Russian new town: brick offices with pitched roofs among trees."""
    w, h = p.w, p.h
    for i, x in enumerate((w * 0.05, w * 0.55)):
        p.rect(x, base - h * 0.12, w * 0.36, h * 0.12, "brick", 0.35)
        p.shape([(x - w * 0.01, base - h * 0.12), (x + w * 0.18, base - h * 0.17),
                 (x + w * 0.37, base - h * 0.12)], "roof", 0.35)  # fmt: skip
        for j in range(4):
            p.glow(x + w * (0.04 + 0.08 * j), base - h * 0.09, w * 0.03, h * 0.04)
        p.round_tree(x + w * (0.45 if i == 0 else -0.05), base, w * 0.06, 0.35)


SKYLINE: dict[str, Callable[[Painter, float], None]] = {
    "domes": _domes, "portal": _portal, "kalta_minor": _kalta_minor, "islam_khoja": _islam_khoja,
    "kalon": _kalon, "ark": _ark, "new_city": _new_city,
}  # fmt: skip
# The landmarks of the cities a player may know, by place id; other cities get domes and a portal.
LANDMARKS: dict[str, tuple[str, ...]] = {
    "khiva": ("kalta_minor", "islam_khoja"),
    "bukhara": ("ark", "kalon"),
    "tashkent": ("new_city", "domes"),
    "samarkand": ("portal", "domes"),
}


def bazaar(p: Painter) -> None:
    w, h = p.w, p.h
    horizon = h * 0.5
    _far_ranges(p, horizon, 0.14)
    p.ground(horizon, 0.35)
    _trees_row(p, horizon + h * 0.02, h * 0.18, 0.45, 0.1)
    base = h * 0.66
    # Domed trading halls in a row, then the stalls under awnings.
    for i in range(4):
        cx = w * (0.1 + 0.27 * i) + w * p.rng.uniform(-0.03, 0.03)
        p.rect(cx - w * 0.12, base - h * 0.1, w * 0.24, h * 0.1, "adobe", 0.25)
        p.dome(cx, base - h * 0.1, w * 0.085, "adobe" if i % 2 else "tile", 0.25)
        p.glow(cx - w * 0.03, base - h * 0.07, w * 0.06, h * 0.07)
    p.ground(h * 0.72, 0.1, "adobe_shade")
    colours = ("indigo", "brick", "gold", "tile")
    x = -w * 0.02
    while x < w:
        width = w * p.rng.uniform(0.2, 0.28)
        p.rect(x + width * 0.05, h * 0.76, width * 0.04, h * 0.1, "wood", 0.05)
        p.rect(x + width * 0.85, h * 0.76, width * 0.04, h * 0.1, "wood", 0.05)
        p.shape([(x, h * 0.78), (x + width * 0.06, h * 0.74), (x + width * 0.94, h * 0.74), (x + width, h * 0.78)],
                colours[int(x * 7 / w) % 4], 0.05)  # fmt: skip
        p.rect(x + width * 0.1, h * 0.82, width * 0.8, h * 0.04, "adobe", 0.05)
        x += width * 1.05
    p.ground(h * 0.86, 0.0, "adobe_shade")
    for i in range(5):
        p.person(w * (0.12 + 0.19 * i + p.rng.uniform(-0.03, 0.03)), h * (0.95 + 0.02 * (i % 2)), h * 0.1,
                 colours[i % 4])  # fmt: skip
    p.smoke(w * 0.9, h * 0.82, h * 0.2)


def desert(p: Painter) -> None:
    w, h = p.w, p.h
    horizon = h * 0.56
    p.hills(horizon, h * 0.025, "sand_shade", 0.85, 2)  # the far dunes, pale with distance
    p.ground(horizon, 0.6, "sand")
    for i in range(4):  # crescent dunes, nearer ones larger
        y = horizon + h * (0.05 + 0.09 * i)
        r = w * (0.28 + 0.1 * i)
        p.dune(w * p.rng.uniform(0.1, 0.9), y, r, h * (0.05 + 0.025 * i), 0.55 - 0.14 * i)
    p.yurt(w * p.rng.uniform(0.6, 0.8), h * 0.7, w * 0.09, 0.25)
    # The well: a wooden frame over the shaft and a trough beside it.
    wx = w * p.rng.uniform(0.2, 0.4)
    p.stroke(
        [(wx, h * 0.82), (wx + w * 0.03, h * 0.7), (wx + w * 0.06, h * 0.82)],
        "wood",
        0.05,
        w * 0.012,
    )
    p.stroke([(wx - w * 0.02, h * 0.71), (wx + w * 0.09, h * 0.71)], "wood", 0.05, w * 0.012)
    p.rect(wx + w * 0.08, h * 0.8, w * 0.12, h * 0.02, "wood", 0.05)
    for _ in range(5):
        p.shrub(w * p.rng.uniform(0, 1), h * p.rng.uniform(0.78, 0.98), w * 0.04)
    p.camel(w * 0.68, h * 0.9, w * 0.2)
    p.flock(w * 0.05, h * 0.92, w * 0.35, 7)


def river(p: Painter) -> None:
    w, h = p.w, p.h
    horizon = h * 0.5
    p.hills(horizon, h * 0.07, "hill", 0.9, 2)  # the far bank's hills
    p.ground(horizon, 0.5, "reed")
    # A wide brown river with sandbars, widening towards us.
    p.shape([(0, h * 0.56), (w, h * 0.54), (w, h * 0.8), (0, h * 0.84)], "river", 0.25)
    for i in range(3):
        cx, cy = w * p.rng.uniform(0.1, 0.9), h * (0.6 + 0.07 * i)
        p.ellipse(cx, cy, w * (0.12 + 0.05 * i), h * 0.012, "sand", 0.25)
    p.glint(w * 0.25, h * 0.62, w * 0.12)
    p.glint(w * 0.62, h * 0.72, w * 0.16)
    # The ferry: a flat wooden boat with its ferryman and a horse.
    fx = w * p.rng.uniform(0.35, 0.55)
    p.shape(
        [
            (fx, h * 0.7),
            (fx + w * 0.3, h * 0.7),
            (fx + w * 0.27, h * 0.73),
            (fx + w * 0.03, h * 0.73),
        ],
        "wood",
        0.1,
    )
    p.person(fx + w * 0.06, h * 0.7, h * 0.08, "indigo", 0.1)
    p.stroke([(fx + w * 0.04, h * 0.74), (fx + w * 0.1, h * 0.6)], "wood", 0.1, w * 0.008)
    p.horse(fx + w * 0.18, h * 0.7, w * 0.1, 0.1)
    p.ground(h * 0.82, 0.05, "reed")
    for i in range(40):  # reeds on the near bank
        x = w * i / 40 + p.rng.uniform(-4, 4)
        p.stroke(
            [(x, h * 0.9), (x + w * 0.01, h * p.rng.uniform(0.74, 0.82))], "reed", 0.0, w * 0.006
        )
    p.ground(h * 0.9, 0.0)
    p.birds(w * 0.4, h * 0.24, 7)


def foothills(p: Painter) -> None:
    w, h = p.w, p.h
    p.range(h * 0.5, h * 0.32, 4, 0.7, p.look.snow_on_ranges or p.look.month in (5, 10))
    p.hills(h * 0.58, h * 0.12, "hill", 0.45, 2)
    # Terraced fields stepping down the slope.
    for i in range(5):
        y = h * (0.6 + 0.05 * i)
        p.shape([(w * 0.35 - i * w * 0.06, y), (w * 1.0, y - h * 0.02), (w, y + h * 0.05),
                 (w * 0.35 - i * w * 0.06, y + h * 0.05)], "ground" if i % 2 else "reed", 0.3 - 0.05 * i)  # fmt: skip
    p.house(w * 0.12, h * 0.66, w * 0.16, h * 0.06, 0.3)
    p.house(w * 0.02, h * 0.68, w * 0.12, h * 0.05, 0.3)
    p.ground(h * 0.8, 0.05)
    p.stroke(
        [(w * 0.1, h), (w * 0.3, h * 0.9), (w * 0.2, h * 0.84), (w * 0.45, h * 0.8)],
        "adobe",
        0.05,
        w * 0.02,
    )
    p.round_tree(w * 0.78, h * 0.96, w * 0.15)  # a walnut
    p.horse(w * 0.36, h * 0.93, w * 0.14)
    p.flock(w * 0.5, h * 0.86, w * 0.25, 6, 0.1)
    p.birds(w * 0.3, h * 0.14, 4)


def railway(p: Painter) -> None:
    w, h = p.w, p.h
    horizon = h * 0.56
    _far_ranges(p, horizon, 0.12)
    p.ground(horizon, 0.35)
    # The station: a long brick building with a pitched roof, and a water tower.
    sx = w * p.rng.uniform(0.02, 0.12)
    p.rect(sx, h * 0.6, w * 0.5, h * 0.1, "brick", 0.25)
    p.shape([(sx - w * 0.02, h * 0.6), (sx + w * 0.04, h * 0.56), (sx + w * 0.46, h * 0.56), (sx + w * 0.52, h * 0.6)],
            "roof", 0.25)  # fmt: skip
    for i in range(5):
        p.glow(sx + w * (0.04 + 0.09 * i), h * 0.63, w * 0.04, h * 0.05)
    tx = w * 0.76
    p.rect(tx - w * 0.07, h * 0.5, w * 0.14, h * 0.06, "wood", 0.3)
    for lx in (-0.05, 0.04):
        p.stroke([(tx + w * lx, h * 0.56), (tx + w * lx, h * 0.7)], "wood", 0.3, w * 0.012)
    # Rails running away to the horizon, with their sleepers and a telegraph line.
    vanish = (w * 0.6, horizon)
    p.ground(h * 0.7, 0.15, "adobe_shade")
    for i in range(12):
        t = (i / 11) ** 2
        y = h * 0.7 + (h * 0.3) * t
        half = w * (0.04 + 0.36 * t)
        p.stroke([(vanish[0] - half * 1.2 - w * 0.2 * t, y), (vanish[0] + half * 1.2 - w * 0.2 * t, y)],
                 "wood", 0.1, w * 0.004 + w * 0.01 * t)  # fmt: skip
    for side in (-1, 1):
        p.stroke(
            [(vanish[0] + side * w * 0.04, h * 0.7), (vanish[0] + side * w * 0.4 - w * 0.2, h)],
            "rail",
            0.05,
            w * 0.01,
        )
    for i in range(5):
        x = w * (0.95 - 0.12 * i)
        top = h * (0.56 - 0.06 / (i + 1))
        p.stroke([(x, h * (0.78 - 0.02 * i)), (x, top)], "wood", 0.2, w * 0.008)
    # A train far off, its smoke drifting.
    p.rect(w * 0.58, h * 0.665, w * 0.14, h * 0.035, "dark", 0.4)
    p.smoke(w * 0.6, h * 0.66, h * 0.16)


def camp(p: Painter) -> None:
    w, h = p.w, p.h
    horizon = h * 0.54
    _far_ranges(p, horizon, 0.15)
    p.hills(horizon + h * 0.04, h * 0.05, "hill", 0.5)
    p.ground(horizon + h * 0.06, 0.3)
    for i in range(5):  # tents in rows
        x = w * (0.02 + 0.2 * i) + w * p.rng.uniform(-0.02, 0.02)
        p.tent(x, h * (0.7 + 0.02 * (i % 2)), w * 0.17, h * 0.1, 0.2)
    p.stroke([(w * 0.05, h * 0.82), (w * 0.6, h * 0.8)], "wood", 0.1, w * 0.006)  # the tether line
    for i in range(4):
        p.horse(w * (0.1 + 0.14 * i), h * 0.86, w * 0.13, 0.1)
    kitchen = w * 0.8
    p.ellipse(kitchen, h * 0.88, w * 0.07, h * 0.03, "dark", 0.05)
    p.smoke(kitchen, h * 0.85, h * 0.3)
    p.stroke([(w * 0.9, h * 0.76), (w * 0.9, h * 0.6)], "wood", 0.1, w * 0.008)
    p.shape(
        [(w * 0.9, h * 0.6), (w * 0.97, h * 0.62), (w * 0.9, h * 0.64)], "brick", 0.1
    )  # a pennant
    p.person(w * 0.7, h * 0.93, h * 0.1, "indigo")


PAINTERS: dict[str, Callable[[Painter], None]] = {
    "fields": fields, "village": village, "city": city, "bazaar": bazaar, "desert": desert,
    "river": river, "foothills": foothills, "railway": railway, "camp": camp,
}  # fmt: skip
