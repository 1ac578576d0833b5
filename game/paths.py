"""Where the game finds its story and assets, whether run from a checkout or installed."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent


def default_story_dir() -> Path:
    """The story to play: $VOT_STORY, else ./story, else the story beside the package."""
    env = os.environ.get("VOT_STORY")
    if env:
        return Path(env)
    here = Path.cwd() / "story"
    if (here / "story.yaml").is_file():
        return here
    return PROJECT_DIR / "story"


def assets_dir() -> Path:
    return PROJECT_DIR / "assets"
