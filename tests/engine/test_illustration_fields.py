"""The illustration fields: place kind, scene time/weather/image, choice key, and their checks."""

from __future__ import annotations

import os
import shutil

import pytest

from game.engine.images import image_format, image_size
from game.engine.load import read_story
from game.engine.model import DEFAULT_KIND
from tests.conftest import FIXTURES, STORY

PNG = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + (64).to_bytes(4, "big") * 2 + b"\0" * 16
HUGE_PNG = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + (20000).to_bytes(4, "big") * 2 + b"\0" * 16
SCENE = "perspectives/farmer/01_field.yaml"


@pytest.fixture
def mini(tmp_path):
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    return root


def _add_to_first_scene(root, lines: str) -> int:
    """Insert `lines` under the first scene's id; returns the line number of the first one."""
    path = root / SCENE
    text = path.read_text("utf-8").splitlines()
    at = next(i for i, line in enumerate(text) if line.startswith("  ") and line.endswith(":")
              and not line.startswith("   "))  # fmt: skip
    text[at + 1 : at + 1] = lines.splitlines()
    path.write_text("\n".join(text) + "\n", "utf-8")
    return at + 2


def test_shipped_places_all_have_a_kind_and_scenes_carry_time_and_weather():
    result = read_story(STORY)
    assert not [p for p in result.problems if p.code == "W102"]
    kinds = {p.kind for p in result.story.places.values()}
    assert {"city", "village", "desert", "river", "fields"} <= kinds


def test_fields_reach_the_model(mini):
    _add_to_first_scene(mini, "    time: dusk\n    weather: snow")
    story = read_story(mini).story
    scene = next(s for s in story.scenes.values() if s.time)
    assert (scene.time, scene.weather, scene.image) == ("dusk", "snow", None)
    assert all(isinstance(c.key, bool) for s in story.scenes.values() for c in s.choices)


def test_a_place_without_kind_is_drawn_as_a_village_and_check_warns(mini):
    registry = mini / "history" / "registry.yaml"
    registry.write_text(registry.read_text("utf-8").replace("    kind: city\n", "", 1), "utf-8")
    result = read_story(mini)
    warned = [p for p in result.problems if p.code == "W102"]
    assert len(warned) == 1 and warned[0].severity == "warning" and "kind" in warned[0].hint
    assert warned[0].file.endswith("registry.yaml") and warned[0].line > 0
    assert DEFAULT_KIND in {p.kind for p in result.story.places.values()}


@pytest.mark.parametrize(
    ("image", "prepare", "words"),
    [
        ("images/none.png", None, "no such file"),
        ("../outside.png", "outside", "outside the story folder"),
        ("images/link.png", "symlink", "outside the story folder"),
        ("images/text.png", "text", "not a PNG, JPEG or WebP"),
        ("images/huge.png", "huge", "20000×20000 pixels"),
        ("/etc/passwd", None, "outside the story folder"),
    ],
)
def test_a_bad_image_is_reported_at_its_line(mini, image, prepare, words):
    (mini / "images").mkdir()
    outside = mini.parent / "outside.png"
    outside.write_bytes(PNG)
    if prepare == "symlink":
        os.symlink(outside, mini / "images" / "link.png")
    elif prepare == "huge":
        (mini / "images" / "huge.png").write_bytes(HUGE_PNG)
    elif prepare == "text":
        (mini / "images" / "text.png").write_text("hello", "utf-8")
    line = _add_to_first_scene(mini, f"    image: {image}")
    result = read_story(mini)
    found = [p for p in result.problems if p.code == "E205"]
    assert len(found) == 1, result.problems
    assert found[0].file.endswith("01_field.yaml") and found[0].line == line
    assert words in found[0].message and found[0].hint


def test_a_good_image_is_accepted(mini):
    (mini / "images").mkdir()
    (mini / "images" / "field.png").write_bytes(PNG)
    _add_to_first_scene(mini, "    image: images/field.png")
    result = read_story(mini)
    assert not result.errors
    assert any(s.image == "images/field.png" for s in result.story.scenes.values())


def test_image_formats_and_sizes_are_known_by_their_first_bytes():
    assert image_format(PNG) == "png" and image_size(PNG) == (64, 64)
    jpeg = (
        b"\xff\xd8\xff\xe0\0\x04ab\xff\xc0\0\x11\x08"
        + (45).to_bytes(2, "big")
        + (123).to_bytes(2, "big")
    )
    assert image_format(jpeg) == "jpeg" and image_size(jpeg + b"\0" * 8) == (123, 45)
    vp8x = (
        b"RIFF\0\0\0\0WEBPVP8X"
        + b"\0" * 8
        + (122).to_bytes(3, "little")
        + (44).to_bytes(3, "little")
    )
    assert image_format(vp8x) == "webp" and image_size(vp8x) == (123, 45)
    bits = 122 | (44 << 14)
    vp8l = b"RIFF\0\0\0\0WEBPVP8L\0\0\0\0\x2f" + bits.to_bytes(4, "little")
    assert image_size(vp8l) == (123, 45)
    assert image_format(b"GIF89a") is None and image_size(b"GIF89a") is None
