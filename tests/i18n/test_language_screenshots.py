"""Screenshots of the title and a scene in each language at 1920×1080 (docs/screenshots has
the current set: `python -m game screenshots docs/screenshots --languages`)."""

from __future__ import annotations

import pygame

from game.ui.screenshots import shoot_languages
from tests.conftest import STORY


def test_title_and_scene_in_each_language(tmp_path):
    written = shoot_languages(STORY, tmp_path)
    names = sorted(p.name for p in written)
    assert names == sorted(f"lang-{code}-{what}.png" for code in ("en", "ru", "uz")
                           for what in ("title", "scene"))  # fmt: skip
    images = {p.name: pygame.image.load(p) for p in written}
    assert all(image.get_size() == (1920, 1080) for image in images.values())
    titles = {
        pygame.image.tobytes(images[f"lang-{c}-title.png"], "RGB") for c in ("en", "ru", "uz")
    }
    assert len(titles) == 3  # each language really looks different
