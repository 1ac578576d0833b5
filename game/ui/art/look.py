"""What a scene's picture shows: its place's kind and seed, the season, the hour and the weather."""

from __future__ import annotations

import zlib
from typing import NamedTuple

from game.engine.model import DEFAULT_KIND, Scene, Story

SEASONS = {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring",
           6: "summer", 7: "summer", 8: "summer", 9: "autumn", 10: "autumn", 11: "autumn"}  # fmt: skip


class Look(NamedTuple):
    """Everything a picture depends on besides its size and theme (and so its cache key)."""

    kind: str = DEFAULT_KIND
    place: str = ""  # the place id: the same place draws the same land in every scene
    month: int = 5  # 1–12; snow on the ranges, green or bare trees, cotton in the fields
    time: str = "day"  # dawn, day, dusk, night
    weather: str = "clear"  # clear, cloud, rain, snow, dust, heat

    @property
    def season(self) -> str:
        return SEASONS[self.month]

    @property
    def seed(self) -> int:
        """A stable number for the place (Python's own hash changes between runs)."""
        return zlib.crc32(self.place.encode("utf-8"))

    @property
    def snow_on_ranges(self) -> bool:
        return self.month in (11, 12, 1, 2, 3, 4)

    @property
    def snowy_ground(self) -> bool:
        return self.weather == "snow" or (self.month in (12, 1) and self.kind == "foothills")


def month_of(date: str | None) -> int:
    """The month of a partial ISO date; a year alone (or nothing) reads as late spring."""
    if date and len(date) >= 7 and date[5:7].isdigit():
        month = int(date[5:7])
        if 1 <= month <= 12:
            return month
    return 5


def look_of(story: Story, scene: Scene) -> Look:
    """The picture a scene asks for; a scene without a known place draws the default kind."""
    place = story.places.get(scene.place) if scene.place else None
    kind = place.kind if place is not None else DEFAULT_KIND
    month = month_of(scene.date)
    weather = scene.weather or ("snow" if month in (12, 1) and kind == "foothills" else "clear")
    return Look(kind, scene.place or scene.perspective, month, scene.time or "day", weather)
