"""Test set-up shared by every test: headless SDL, and isolated user data folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before anything imports pygame: no window, no sound device.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
STORY = ROOT / "story"


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path_factory, monkeypatch):
    """Saves, settings, statistics and story caches of a test never touch the real user folders."""
    monkeypatch.setenv("VOT_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))
    monkeypatch.setenv("VOT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    from game import notices

    notices.reset()  # "said once" is per run of the game: each test is a fresh run


@pytest.fixture(autouse=True)
def _silent_speech(monkeypatch):
    """No test speaks out loud: the player's speech engine is a recorder unless a test (the
    espeak-ng ones) sets a real one."""
    from game.speech import RecordingSpeaker

    monkeypatch.setattr("game.ui.app.default_speaker", RecordingSpeaker)


@pytest.fixture(autouse=True)
def _collector_unfrozen():
    """A loaded story is frozen out of the cyclic collector for the rest of a program's life;
    in the test run, each test's stories (and any cyclic garbage frozen with them) go back to
    the collector when the test ends, so thousands of loads do not pile up."""
    import gc

    yield
    gc.unfreeze()
