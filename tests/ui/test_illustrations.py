"""Scene illustrations: different places and hours look different, and the picture keeps its place."""

from __future__ import annotations

import pygame
import pytest

from game.ui.art.look import Look, look_of, month_of
from game.ui.art.picture import Pictures, paint
from game.ui.screens.scene import SceneScreen
from game.ui.theme import PALETTES
from tests.ui.conftest import Driver

SIZE = (240, 320)
THEMES = tuple(PALETTES)


def _differing(a: pygame.Surface, b: pygame.Surface) -> float:
    """The share of pixels that differ between two surfaces of one size."""
    assert a.get_size() == b.get_size()
    w, h = a.get_size()
    step = 4
    points = [(x, y) for x in range(0, w, step) for y in range(0, h, step)]
    return sum(a.get_at(p)[:3] != b.get_at(p)[:3] for p in points) / len(points)


def _show_scene(ui: Driver, scene_id: str) -> SceneScreen:
    """The scene on screen, its text whole, as a player arriving there would see it."""
    pt = ui.app.session.pt
    pt.restore_state(scene_id, pt.vars, pt.visits, 1, set())
    screen = ui.screen
    screen.enter_page(animate=False)
    ui.pump()
    return screen


def _scenes_of_three_kinds(story) -> list[str]:
    found: dict[str, str] = {}
    for sid, scene in story.scenes.items():
        place = story.places.get(scene.place) if scene.place else None
        if place is not None and place.kind not in found and not scene.ending:
            found[place.kind] = sid
    assert len(found) >= 3, found
    return list(found.values())[:3]


@pytest.mark.parametrize("theme", THEMES)
def test_places_differ_and_the_hour_changes_the_light(theme):
    pal = PALETTES[theme]
    village = paint(Look("village", "beshtut", 4, "day"), SIZE, pal)
    desert = paint(Look("desert", "karakum", 4, "day"), SIZE, pal)
    night = paint(Look("village", "beshtut", 4, "night"), SIZE, pal)
    dawn = paint(Look("village", "beshtut", 4, "dawn"), SIZE, pal)
    # High contrast draws outlines on black: fewer pixels carry the difference.
    places, hours = (0.05, 0.005) if theme == "high_contrast" else (0.3, 0.3)
    assert _differing(village, desert) > places
    assert _differing(dawn, night) > hours
    assert _differing(village, paint(Look("village", "beshtut", 4, "day"), SIZE, pal)) == 0


def test_the_same_place_is_recognisable_and_other_villages_are_not_the_same():
    # Outlines (the high-contrast drawing) show the shapes alone: a season recolours the land,
    # but the houses, trees and hills of one place stay where they were.
    pal = PALETTES["high_contrast"]
    spring = paint(Look("village", "beshtut", 4, "day"), SIZE, pal)
    summer = paint(Look("village", "beshtut", 7, "dusk"), SIZE, pal)
    other = paint(Look("village", "somewhere_else", 4, "day"), SIZE, pal)
    assert _differing(spring, summer) < _differing(spring, other) / 3


def test_seasons_come_from_the_date_and_the_scene_sets_hour_and_weather(shipped):
    assert (month_of("1918-02"), month_of("1918-11-03"), month_of("1918"), month_of(None)) == (
        2, 11, 5, 5)  # fmt: skip
    scene = next(s for s in shipped.scenes.values() if s.place == "karakum")
    look = look_of(shipped, scene._replace(time="night", weather="dust"))
    assert (look.kind, look.time, look.weather) == ("desert", "night", "dust")
    snow = paint(Look("fields", "x", 1, "day", "snow"), SIZE, PALETTES["default"])
    clear = paint(Look("fields", "x", 1, "day", "clear"), SIZE, PALETTES["default"])
    assert _differing(snow, clear) > 0.3


def test_pictures_are_painted_once_per_look_size_and_theme():
    pictures = Pictures()
    look = Look("river", "amu_darya", 6, "dusk")
    first = pictures.get(look, SIZE, PALETTES["default"])
    assert pictures.get(look, SIZE, PALETTES["default"]) is first
    pictures.get(look, SIZE, PALETTES["dark"])
    pictures.get(look, (200, 260), PALETTES["default"])
    assert pictures.painted == 3


def test_an_authors_image_replaces_the_drawing_and_a_bad_one_falls_back(tmp_path):
    (tmp_path / "images").mkdir()
    red = pygame.Surface((30, 20))
    red.fill((200, 0, 0))
    pygame.image.save(red, str(tmp_path / "images" / "red.png"))
    (tmp_path / "images" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    pictures = Pictures(tmp_path)
    look = Look("city", "khiva", 5, "day")
    shown = pictures.get(look, SIZE, PALETTES["default"], "images/red.png")
    assert shown.get_at((SIZE[0] // 2, SIZE[1] // 2))[:3] == (200, 0, 0)
    broken = pictures.get(look, SIZE, PALETTES["default"], "images/broken.png")
    outside = pictures.get(look, SIZE, PALETTES["default"], "../red.png")
    drawn = pictures.get(look, SIZE, PALETTES["default"])
    assert _differing(broken, drawn) == 0 and _differing(outside, drawn) == 0


@pytest.mark.parametrize("theme", THEMES)
def test_three_illustrated_scenes_keep_their_picture_in_the_empty_column(player, shipped, theme):
    ui = player(theme=theme)
    ui.begin_story()
    shots = []
    for sid in _scenes_of_three_kinds(shipped):
        screen = _show_scene(ui, sid)
        rect = screen.picture.rect
        assert rect is not None and rect.right <= screen.panel.left, "beside the page, not on it"
        assert screen.picture.surface() is not None
        for button in [*screen.group.buttons, *screen.tools.buttons]:
            assert not rect.colliderect(button.rect), f"the picture covers {button.label!r}"
        shots.append(ui.pixels().subsurface(rect).copy())
    least = 0.03 if theme == "high_contrast" else 0.2
    assert _differing(shots[0], shots[1]) > least and _differing(shots[1], shots[2]) > least


def test_the_picture_draws_only_inside_its_rect_and_the_setting_removes_it(player, shipped):
    ui = player()
    ui.begin_story()
    sid = _scenes_of_three_kinds(shipped)[0]
    screen = _show_scene(ui, sid)
    rect = screen.picture.rect
    with_picture = ui.pixels().copy()
    ui.app.change_settings(illustrations=False)
    screen = _show_scene(ui, sid)
    assert screen.picture.rect is None
    without = ui.pixels().copy()
    w, h = without.get_size()
    changed = [(x, y) for x in range(0, w, 3) for y in range(0, h, 3)
               if with_picture.get_at((x, y)) != without.get_at((x, y))]  # fmt: skip
    assert changed, "the picture was drawn"
    assert all(rect.collidepoint(p) for p in changed), "nothing drawn outside the picture's rect"


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720), (1920, 1080)])
@pytest.mark.parametrize("text_size", ["medium", "largest"])
def test_the_picture_never_covers_the_page_or_the_tools(player, size, text_size):
    ui = player(size=size, text_size=text_size)
    screen = ui.begin_story()
    screen.complete()
    ui.pump()
    rect = screen.picture.rect
    assert rect is not None
    assert not rect.colliderect(screen.view), "never over the words"
    assert screen.app.kit.size[0] >= rect.right and rect.bottom <= screen.panel.bottom
    for button in [*screen.group.buttons, *screen.tools.buttons]:
        assert not rect.colliderect(button.rect)


def test_a_narrow_column_moves_the_picture_into_the_header_beside_the_title(player):
    ui = player()
    screen = ui.begin_story()
    choices_before = [tuple(b.rect) for b in screen.group.buttons]
    screen.panel.x = screen.kit.px(100)  # as a layout with no room beside the page would leave
    screen.picture.layout(screen.panel.y, screen._header_room())
    rect = screen.picture.rect
    assert rect is not None and rect.bottom <= screen.rule_y and rect.left > screen.title_pos[0]
    assert [tuple(b.rect) for b in screen.group.buttons] == choices_before  # nothing moves down


def test_smoke_and_water_move_while_the_text_is_typed_and_rest_once_it_is_read(player, shipped):
    ui = player()
    screen = ui.begin_story()  # Beshtut: a village, its tandoor smoking
    assert not screen.done and screen.picture.rect is not None
    rect = screen.picture.rect
    ui.wait(0.5)
    early = ui.pixels().subsurface(rect).copy()
    ui.wait(1.5)
    later = ui.pixels().subsurface(rect).copy()
    assert _differing(early, later) > 0, "the living details move while the page is typed"
    ui.key(pygame.K_SPACE)  # the page whole: the reader reads, nothing moves
    ui.wait(1)  # once the page has glided to its choices
    still = ui.pixels().subsurface(rect).copy()
    frames = ui.app.frames
    ui.wait(3)
    assert ui.app.frames == frames, "no frame is drawn while nothing changes"
    assert _differing(still, ui.pixels().subsurface(rect).copy()) == 0
