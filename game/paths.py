"""Where the game finds its story and assets, whether run from a checkout or installed."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
# The wheel and the desktop build carry copies of the checkout's story/ and assets/ here
# (setup.py and game/authoring/desktop.py put them there); a checkout has no such folder.
BUNDLED_DIR = PACKAGE_DIR / "bundled"
BUNDLED = ("story", "assets")  # the top-level folders that travel with the package


def default_story_dir() -> Path:
    """The story to play: $VOT_STORY, else ./story, else the checkout's or the bundled story."""
    env = os.environ.get("VOT_STORY")
    if env:
        return Path(env)
    here = Path.cwd() / "story"
    if (here / "story.yaml").is_file():
        return here
    return home("story")


def assets_dir() -> Path:
    return home("assets")


def home(name: str) -> Path:
    """The top-level folder `name` of the checkout, or its copy bundled with an installed game."""
    bundled = BUNDLED_DIR / name
    return bundled if bundled.is_dir() else PROJECT_DIR / name


def kiosk_example() -> Path:
    """The kiosk's example config: docs/ in a checkout, bundled with an installed game."""
    bundled = BUNDLED_DIR / "kiosk.example.toml"
    return bundled if bundled.is_file() else PROJECT_DIR / "docs" / "kiosk.example.toml"


def is_checkout() -> bool:
    """True when the game runs from a source checkout (an author's), not from an installed copy."""
    return not BUNDLED_DIR.is_dir() and (PROJECT_DIR / "story" / "story.yaml").is_file()
