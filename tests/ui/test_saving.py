"""Saving, quitting, starting again and continuing; damaged and outdated saves in the slot list."""

from __future__ import annotations

import json

import pygame

from game import saves
from game.ui.screens.backlog import BacklogScreen
from game.ui.screens.dialog import MessageDialog
from game.ui.screens.pause import PauseScreen
from game.ui.screens.saves import SavesScreen
from game.ui.screens.scene import SceneScreen
from game.ui.screens.title import TitleScreen


def start_weaver(ui):
    ui.begin_story()
    ui.key(pygame.K_SPACE)


def slot_card(ui, n: int):
    screen = ui.screen
    assert isinstance(screen, SavesScreen)
    slots = [i.slot for i in saves.list_slots(ui.app.story)]
    if screen.mode == "save":
        slots.remove(saves.AUTOSAVE)
    return screen.cards[slots.index(str(n) if n else saves.AUTOSAVE)]


def test_save_quit_restart_and_continue(start_app):
    ui = start_app()
    start_weaver(ui)
    ui.key(pygame.K_1)
    ui.past_note()
    ui.key(pygame.K_ESCAPE)
    assert isinstance(ui.screen, PauseScreen)
    ui.click("Save")
    ui.click(slot_card(ui, 1))
    assert isinstance(ui.screen, SceneScreen)  # saving returns to the scene
    info = saves.inspect("1", ui.app.story)
    assert info.usable and info.scene_title == "The Draft List"
    ui.key(pygame.K_ESCAPE)
    ui.click("Quit")
    assert not ui.app.running

    ui = start_app()  # a new game process, as far as the player can tell
    assert isinstance(ui.screen, TitleScreen)
    ui.click("Continue")
    ui.past_note()  # shown again before the scene a saved game goes on with
    assert isinstance(ui.screen, SceneScreen)
    assert ui.screen.pt.scene.id == "mosque" and ui.screen.pt.turn == 1
    ui.key(pygame.K_ESCAPE)
    ui.click("Load")
    ui.click(slot_card(ui, 1))
    ui.past_note()
    assert ui.screen.pt.scene.id == "mosque"


def test_saving_over_a_used_slot_asks_first(ui):
    start_weaver(ui)
    ui.app.session.save("1")
    before = saves.slot_path("1").read_bytes()
    ui.key(pygame.K_1)
    ui.past_note()
    ui.click("Save")
    ui.click(slot_card(ui, 1))
    assert isinstance(ui.screen, MessageDialog)
    ui.click("Cancel")
    assert saves.slot_path("1").read_bytes() == before
    ui.click(slot_card(ui, 1))
    ui.click("Replace")
    assert saves.inspect("1", ui.app.story).scene_title == "The Draft List"


def test_a_corrupt_save_is_shown_never_loaded_and_never_silently_overwritten(ui):
    path = saves.slot_path("2")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"header": {"format": 1', encoding="utf-8")
    ui.click("Load")
    card = slot_card(ui, 2)
    page = card._pages(ui.app.kit, card.rect.width, False)[0]
    shown = " ".join(r.text for line in page.lines for r in line.runs)
    assert "Damaged save" in shown
    ui.click(card)
    assert isinstance(ui.screen, MessageDialog)  # explained, not loaded, no crash
    ui.click("OK")
    ui.click("Back")
    start_weaver(ui)
    ui.click("Save")
    ui.click(slot_card(ui, 2))
    assert isinstance(ui.screen, MessageDialog)
    assert "damaged" in ui.screen.heading
    ui.click("Cancel")
    assert path.read_text(encoding="utf-8") == '{"header": {"format": 1'
    ui.click(slot_card(ui, 2))
    ui.click("Overwrite")
    assert saves.inspect("2", ui.app.story).usable


def test_a_save_from_an_older_story_says_why(ui, story):
    start_weaver(ui)
    ui.app.session.save("3")
    data = json.loads(saves.slot_path("3").read_text(encoding="utf-8"))
    data["header"]["scene"] = data["state"]["state"]["scene"] = "removed_scene"
    saves.slot_path("3").write_text(json.dumps(data), encoding="utf-8")
    info = saves.inspect("3", story)
    assert info.status == "incompatible" and "scene" in info.problem
    ui.key(pygame.K_ESCAPE)
    ui.click("Load")
    ui.click(slot_card(ui, 3))
    assert isinstance(ui.screen, MessageDialog)
    assert "scene" in ui.screen.message


def test_engine_refusal_on_load_is_shown(ui, story):
    """A header that looks fine but a state the engine rejects: SaveError becomes a dialog."""
    start_weaver(ui)
    ui.app.session.save("4")
    data = json.loads(saves.slot_path("4").read_text(encoding="utf-8"))
    data["state"]["seed"] = "not a number"
    saves.slot_path("4").write_text(json.dumps(data), encoding="utf-8")
    ui.key(pygame.K_ESCAPE)
    ui.click("Load")
    ui.click(slot_card(ui, 4))
    assert isinstance(ui.screen, MessageDialog)
    assert "seed" in ui.screen.message


def test_go_back_from_the_history(ui):
    start_weaver(ui)
    ui.key(pygame.K_1)
    ui.key(pygame.K_SPACE)
    assert ui.screen.pt.scene.id == "mosque"
    ui.click("History")
    assert isinstance(ui.screen, BacklogScreen)
    ui.click("Go back to this choice")
    ui.click("Go back")
    scene = ui.screen
    assert isinstance(scene, SceneScreen)
    assert scene.pt.scene.id == "loom" and scene.pt.turn == 0
    assert scene.done  # already read: shown whole
    assert saves.inspect(saves.AUTOSAVE, ui.app.story).scene_title == "The Silent Loom"
    ui.key(pygame.K_2)
    assert scene.pt.scene.id == "stay_end"


def test_the_history_opens_at_its_end_with_a_whole_line_on_top(start_app):
    ui = start_app((1024, 600))
    ui.app.change_settings(text_size="largest")
    start_weaver(ui)
    ui.key(pygame.K_1)
    ui.key(pygame.K_SPACE)
    ui.click("History")
    screen = ui.screen
    assert isinstance(screen, BacklogScreen) and screen.scroller.limit > 0  # it does scroll
    offset = screen.scroller.offset
    assert offset == screen.scroller.limit  # at the latest step
    tops = [top + line.y for top, item in screen.items if hasattr(item, "lines")
            for line in item.lines]  # fmt: skip
    tops += [top for top, item in screen.items if not hasattr(item, "lines")]
    assert offset in tops  # the view begins exactly on a line (or a button), never mid-line


def test_slot_lists_show_whole_cards_only(start_app, story):
    from game.engine.runtime import Playthrough

    pt = Playthrough.start(story, story.perspectives[0].id)
    for slot in saves.slots():
        saves.write(slot, pt, 60.0)  # full cards: taller than empty ones
    ui = start_app((1024, 600))
    ui.app.change_settings(text_size="largest")
    ui.click("Load")
    screen = ui.screen
    assert isinstance(screen, SavesScreen) and screen.scroller.limit > 0  # it does scroll
    shown = [card for card in screen.cards if card.clip.width]
    assert shown and len(shown) < len(screen.cards)
    assert all(screen.view.contains(card.rect) for card in shown)
    ui.key(pygame.K_PAGEDOWN)  # scrolling brings the rest in whole
    assert all(screen.view.contains(c.rect) for c in screen.cards if c.clip.width)
    assert screen.cards[-1].clip.width
