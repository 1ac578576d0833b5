"""The picture's colours: one set of earth and sky hues, lit by the hour and toned to the theme."""

from __future__ import annotations

from typing import NamedTuple

from game.ui.art.look import Look
from game.ui.theme import Color, Palette

# Sky at the zenith and at the horizon, by the hour.
SKIES: dict[str, tuple[Color, Color]] = {
    "dawn": ((112, 124, 168), (246, 198, 156)),
    "day": ((138, 176, 202), (236, 228, 204)),
    "dusk": ((62, 56, 104), (238, 138, 76)),
    "night": ((10, 14, 36), (38, 48, 86)),
}
# How the hour lights the land: a multiplier and a tint (colour, share).
LIGHT: dict[str, tuple[float, Color, float]] = {
    "dawn": (0.92, (250, 190, 150), 0.16),
    "day": (1.0, (255, 250, 236), 0.04),
    "dusk": (0.74, (226, 120, 70), 0.22),
    "night": (0.30, (30, 40, 90), 0.38),
}
# The land's own colours in daylight; the seasons change the living ones.
GROUND = {"winter": (196, 186, 166), "spring": (146, 168, 92), "summer": (190, 174, 112),
          "autumn": (196, 164, 100)}  # fmt: skip
LEAVES = {"winter": (118, 100, 82), "spring": (88, 128, 66), "summer": (96, 118, 64),
          "autumn": (204, 156, 58)}  # fmt: skip
BASE: dict[str, Color] = {
    "range": (146, 150, 180), "snow": (244, 244, 248), "hill": (172, 160, 132),
    "adobe": (212, 182, 138), "adobe_shade": (176, 142, 102), "roof": (150, 118, 86),
    "brick": (170, 96, 70), "wood": (112, 80, 54), "dark": (58, 44, 36),
    "tile": (44, 150, 160), "indigo": (44, 58, 118), "gold": (214, 164, 60),
    "water": (118, 162, 176), "river": (164, 136, 98), "sand": (226, 194, 146),
    "sand_shade": (196, 160, 112), "reed": (168, 150, 84), "felt": (222, 210, 186),
    "canvas": (206, 196, 168), "cotton": (250, 248, 240), "fleece": (236, 230, 214),
    "window": (255, 196, 92), "smoke": (236, 232, 224), "rail": (92, 84, 80),
}  # fmt: skip


def mix(a: Color, b: Color, t: float) -> Color:
    t = max(0.0, min(1.0, t))
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t),
            round(a[2] + (b[2] - a[2]) * t))  # fmt: skip


class Light(NamedTuple):
    """Colours for one picture: call it with a base colour and a depth (0 near, 1 far)."""

    sky_top: Color
    horizon: Color
    gain: float
    tint: Color
    tint_share: float
    haze: float  # how strongly distance fades into the horizon (dust and heat raise it)
    dark: Color | None  # the dark theme's night blue, blended over everything
    outline: bool  # high contrast: shapes are black, drawn as lines of one colour
    ink: Color  # the outline colour in high contrast

    def __call__(self, color: Color, depth: float = 0.0) -> Color:
        c = (min(255, round(color[0] * self.gain)), min(255, round(color[1] * self.gain)),
             min(255, round(color[2] * self.gain)))  # fmt: skip
        c = mix(c, self.tint, self.tint_share)
        c = mix(c, self.horizon, depth * self.haze)
        return self.toned(c)

    def toned(self, c: Color) -> Color:
        return mix(c, self.dark, 0.3) if self.dark else c

    @property
    def night(self) -> bool:
        return self.gain < 0.5


def light_for(look: Look, theme: Palette) -> Light:
    top, horizon = SKIES.get(look.time, SKIES["day"])
    gain, tint, share = LIGHT.get(look.time, LIGHT["day"])
    haze = 0.62
    if look.weather in ("cloud", "rain", "snow"):
        grey = (150, 154, 160) if look.time != "night" else (30, 34, 46)
        top, horizon = mix(top, grey, 0.6), mix(horizon, grey, 0.5)
        gain *= 0.9
        haze = 0.7
    elif look.weather in ("dust", "heat"):
        warm = (222, 196, 150)
        top, horizon = mix(top, warm, 0.45), mix(horizon, warm, 0.55)
        haze = 0.85
    dark = theme.background if theme.name == "dark" else None
    outline = theme.name == "high_contrast"
    return Light(top, horizon, gain, tint, share, haze, dark, outline, theme.accent)
