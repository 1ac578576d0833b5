"""The player's settings: what can be set, their defaults, and loading and saving them."""

import re
from pathlib import Path
from typing import Any, NamedTuple

from game import keys, notices, storage
from game.i18n import N_

FILE_NAME = "settings.json"
DAMAGED = N_("Your settings file was damaged; it was set aside and the defaults are used.")

# Each text size scales the reading face; "medium" is the designed size.
TEXT_SIZES: dict[str, float] = {
    "small": 0.86,
    "medium": 1.0,
    "large": 1.18,
    "largest": 1.4,
    "huge": 1.7,
    "double": 2.0,
}
# Characters revealed per second; 0 shows the whole page at once.
TEXT_SPEEDS: dict[str, float] = {"slow": 30.0, "normal": 60.0, "fast": 140.0, "instant": 0.0}
THEMES: tuple[str, ...] = ("default", "dark", "high_contrast")
READING_FONTS: tuple[str, ...] = ("serif", "sans")  # Noto Serif, or DejaVu Sans to read
# Line height as a multiple of the face's own (reading text only; controls keep theirs).
LINE_SPACINGS: dict[str, float] = {"normal": 1.0, "relaxed": 1.25, "wide": 1.5}
VOLUME_STEP = 10
_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{1,8}){0,2}")


# A named tuple, not a frozen dataclass: making the class costs 2 ms of every start.
class Settings(NamedTuple):
    """One immutable set of choices; change with _replace and save."""

    text_size: str = "medium"
    text_speed: str = "normal"
    theme: str = "default"
    fullscreen: bool = False
    volume: int = 80
    language: str = "en"
    window_size: tuple[int, int] | None = None  # the window as the player last left it
    content_warnings: bool = True  # a scene's content note is shown before it
    reduced_motion: bool = False  # no typewriter, no glide, no transitions
    read_aloud: bool = False  # the game speaks its screens (when a speech engine is there)
    reading_font: str = "serif"
    line_spacing: str = "normal"
    keys: tuple[tuple[str, str], ...] = ()  # (action, key name) where not the default
    illustrations: bool = True  # the drawn picture of each scene's place

    @property
    def text_scale(self) -> float:
        return TEXT_SIZES[self.text_size]

    @property
    def chars_per_second(self) -> float:
        return TEXT_SPEEDS[self.text_speed]


def _valid(name: str, value: Any) -> bool:
    allowed = {"text_size": TEXT_SIZES, "text_speed": TEXT_SPEEDS, "theme": THEMES,
               "reading_font": READING_FONTS, "line_spacing": LINE_SPACINGS}  # fmt: skip
    if name in allowed:
        return value in allowed[name]
    if name in ("fullscreen", "content_warnings", "reduced_motion", "read_aloud", "illustrations"):
        return isinstance(value, bool)
    if name == "keys":
        return keys.valid(value)
    if name == "volume":
        return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 100
    if name == "language":  # a code such as 'uz' or 'uz_Latn', never a path
        return isinstance(value, str) and _LANGUAGE_CODE.fullmatch(value) is not None
    if name == "window_size":
        return (value is None or (isinstance(value, (list, tuple)) and len(value) == 2
                and all(type(n) is int and 0 < n <= 100_000 for n in value)))  # fmt: skip
    return False


def from_dict(data: Any) -> Settings:
    """Settings from stored data, keeping each valid value and defaulting the rest."""
    if not isinstance(data, dict):
        return Settings()
    known = set(Settings._fields)
    good = {k: v for k, v in data.items() if k in known and _valid(k, v)}
    if good.get("window_size") is not None:
        good["window_size"] = tuple(good["window_size"])  # JSON keeps it as a list
    if "keys" in good:
        good["keys"] = tuple(tuple(pair) for pair in good["keys"])
    return Settings(**good)


def path(folder: Path | None = None) -> Path:
    return (folder or storage.data_dir()) / FILE_NAME


def load(folder: Path | None = None) -> Settings:
    """The saved settings; defaults when there are none or the data folder cannot be used. A
    damaged file is set aside (kept for a person to look at) and the player told once."""
    try:
        file = path(folder)
        data = storage.read_json(file)
    except FileNotFoundError:
        return Settings()
    except ValueError:
        storage.set_aside(file)
        notices.post(DAMAGED)
        return Settings()
    except OSError:
        return Settings()
    known = set(Settings._fields)
    if not isinstance(data, dict) or any(k in known and not _valid(k, v) for k, v in data.items()):
        # Not what the game writes: keep the file for a person, use what is valid in it.
        storage.set_aside(file)
        notices.post(DAMAGED)
    return from_dict(data)


def save(settings: Settings, folder: Path | None = None) -> bool:
    """Keep the settings; False (with one notice) when the data folder refuses them."""
    return storage.write_quietly(lambda: storage.write_json(path(folder), settings._asdict()))


def cycle(options: tuple[str, ...] | list[str], current: str, step: int) -> str:
    """The option `step` places after `current`, wrapping around."""
    items = list(options)
    index = items.index(current) if current in items else 0
    return items[(index + step) % len(items)]
