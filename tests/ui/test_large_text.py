"""Text at twice the designed size fits a 1280×720 window, and a text-size change keeps the
choices in view."""

from __future__ import annotations

import pygame
import pytest

from game import settings as settings_store
from game.ui.screens.access import KeysScreen
from game.ui.screens.pause import PauseScreen
from game.ui.screens.settings import SettingsScreen


def test_the_text_size_range_reaches_twice_the_default():
    sizes = settings_store.TEXT_SIZES
    assert max(sizes.values()) >= 2 * sizes["medium"]


def in_window(ui, rect: pygame.Rect) -> bool:
    return pygame.Rect((0, 0), ui.app.kit.size).contains(rect)


def test_every_title_button_is_in_the_window_at_double_size(ui):
    ui.app.change_settings(text_size="double")
    ui.pump()
    buttons = ui.screen.group.buttons
    assert all(in_window(ui, b.rect) for b in buttons), [tuple(b.rect) for b in buttons]
    rects = [b.rect for b in buttons]
    assert not any(a.colliderect(b) for i, a in enumerate(rects) for b in rects[i + 1 :])


@pytest.mark.parametrize("make", [PauseScreen, SettingsScreen, KeysScreen])
def test_menus_fit_at_double_size(ui, make):
    ui.begin_story()
    ui.app.change_settings(text_size="double")
    ui.app.push(make(ui.app))
    ui.pump()
    for button in ui.screen.group.buttons:
        if button.clip is None:  # rows of a scrolling panel may wait below for the scroll
            assert in_window(ui, button.rect), (button.label, tuple(button.rect))


def test_scene_text_and_choices_fit_the_panel_at_double_size(ui):
    scene = ui.begin_story()
    ui.app.change_settings(text_size="double")
    scene.complete()
    ui.pump()
    assert scene.view.width >= scene.page.lines[0].runs[0].style.px * 10  # still a column
    widest = max(run.x + run.width for line in scene.page.lines for run in line.runs)
    assert widest <= scene.view.width
    assert scene.title_rect.right <= scene.panel.right
    for button in scene.tools.buttons:
        assert in_window(ui, button.rect)


def test_a_larger_text_size_keeps_the_choices_in_view(ui):
    """The known bug: after changing the text size the page stayed scrolled where it was,
    and the choices dropped out of view below it."""
    scene = ui.begin_story()
    scene.complete()
    ui.wait(1)
    first = scene.group.buttons[0]
    assert scene.view.contains(first.rect)
    ui.key(pygame.K_ESCAPE)
    ui.click("Settings")
    ui.key(pygame.K_DOWN)
    ui.key(pygame.K_RIGHT, times=4)  # medium → large, largest, very large, double
    assert ui.app.settings.text_size == "double"
    ui.key(pygame.K_ESCAPE)
    ui.wait(1)
    assert ui.screen is scene
    first = scene.group.buttons[0]
    assert scene.view.contains(first.rect), (tuple(first.rect), tuple(scene.view))


@pytest.mark.parametrize("language", ["ru", "uz"])
def test_the_longest_scene_titles_wrap_inside_the_panel_at_1024x600(player, language):
    """An editor saw long Russian and Uzbek scene titles run out of their panel at 1024×600 with
    the largest text: a title wraps, and the date line starts below its last line."""
    from game.authoring.startat import start_at
    from game.i18n import _
    from game.ui.session import Session

    ui = player((1024, 600), language=language, text_size="double")
    story = ui.app.story
    longest = sorted(story.scenes.values(), key=lambda s: len(s.title))[-3:]
    for scene in longest:
        owner = next(p.id for p in story.perspectives if scene.id in p.scene_ids)
        pt = start_at(story, scene.id, [], perspective=owner)
        ui.app.start_session(Session(pt, ui.app.profile, ui.clock, test_run=True))
        ui.pump()
        if ui.screen is not ui.app.stack[1]:  # a content note first: read on
            ui.click(_("Continue"))
        shown = ui.screen
        inner = shown.panel.inflate(-2 * ui.app.kit.px(40), 0)
        assert inner.contains(shown.title_rect), (scene.title, shown.title_rect, inner)
        assert len(shown.title_page.lines) >= 2, scene.title  # long enough to need wrapping
        if not shown.flowing:  # else the date line is the page's next paragraph
            assert shown.line_pos[1] >= shown.title_rect.bottom


@pytest.mark.parametrize(("size", "language"), [((1024, 600), "ru"), ((1280, 720), "ru"),
                                                ((1024, 600), "uz"), ((1920, 1080), "en")])  # fmt: skip
def test_a_setting_s_name_never_runs_under_its_value(player, size, language):
    """At 1024×600 with Double text the two columns of settings kept their width, and
    "Предупреждения" was written over "‹ Показывать ›"."""
    from game.ui.screens.settings import SettingRow

    ui = player(size, language=language, text_size="double")
    ui.app.push(SettingsScreen(ui.app))
    ui.pump()
    kit = ui.app.kit
    rows = [card for card in ui.screen.cards if isinstance(card, SettingRow)]
    assert len(rows) >= 9
    for row in rows:
        pages = row._pages(kit, row.rect.width, False)
        inked = max(run.x + run.width for p in pages for ln in p.lines for run in ln.runs)
        name_right = row.rect.x + row._pad(kit)[0] + inked
        value_left = (
            row.rect.right - kit.px(18) - kit.font("button").size(f"‹  {row.value()}  ›")[0]
        )
        assert name_right < value_left, (row.label, name_right, value_left)
        assert max(run.style.px for p in pages for ln in p.lines for run in ln.runs) == kit.style(
            "button").px, f"{row.label!r} was shrunk to fit"  # fmt: skip


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720)])
@pytest.mark.parametrize("language", ["ru", "uz"])
def test_a_tall_header_scrolls_with_the_text_and_leaves_room_to_read(player, size, language):
    """With Double text the header of a scene with a long title, many people and an event took
    the whole panel: the text's view had no height at all (kh_deposed_desert, eb_call)."""
    from game.authoring.startat import start_at
    from game.i18n import _
    from game.ui.session import Session

    ui = player(size, language=language, text_size="double")
    story, kit = ui.app.story, ui.app.kit
    for sid in ("kh_deposed_desert", "eb_call", "eb_raid_south", "ff_call_up", "rs_armed_village"):
        owner = next(p.id for p in story.perspectives if sid in p.scene_ids)
        ui.app.start_session(Session(start_at(story, sid, [], perspective=owner),
                                     ui.app.profile, ui.clock))  # fmt: skip
        ui.pump()
        if ui.screen is not ui.app.stack[1]:
            ui.click(_("Continue"))
        scene = ui.screen
        assert scene.view.height >= 5 * kit.font("body").get_linesize(), (sid, scene.view)
        assert scene.panel.contains(scene.view)
        if scene.flowing:  # the title is the page's first line, and typing starts after it
            first = "".join(run.text for run in scene.page.lines[0].runs).strip()
            assert scene.pt.scene.title.startswith(first), (first, scene.pt.scene.title)
            assert scene.revealed >= scene.head_chars > 0
        if scene.pt.scene.event:
            ui.click(_("What really happened"))  # still there to press, in the window
            assert type(ui.screen).__name__ == "EventCard"
            ui.app.pop()


def test_a_long_message_fits_the_window_at_double_size(player):
    """A damaged-save message in Russian at 1024×600 with Double text ran off the window's top
    and bottom, its OK button half gone."""
    from game.ui.screens.dialog import MessageDialog

    ui = player((1024, 600), language="ru", text_size="double")
    text = "Файл не читается: он повреждён или записан не этой игрой. " * 3
    ui.app.push(MessageDialog(ui.app, "Ячейка 2 содержит повреждённое сохранение", text))
    ui.pump()
    dialog, window = ui.screen, pygame.Rect((0, 0), ui.app.kit.size)
    assert window.contains(dialog.rect)
    button = dialog.group.buttons[0]
    assert dialog.rect.contains(button.rect)
    page = dialog._pages(dialog.rect.width - 2 * ui.app.kit.px(32), dialog.small)
    assert dialog.rect.y + ui.app.kit.px(32) + page.height <= button.rect.top  # every line shown
    ui.click(button)  # the button is whole, and a press on it dismisses the dialog
    assert ui.screen is not dialog
