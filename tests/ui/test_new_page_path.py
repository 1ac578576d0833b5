"""The click to a new page: its picture painted ahead, its autosave after the frame, never lost."""

from __future__ import annotations

from game import saves
from game.ui.screens.scene import SceneScreen
from game.ui.session import Session


def _on_a_page(ui) -> SceneScreen:
    app = ui.app
    app.change_settings(text_speed="instant", content_warnings=False)
    app.start_session(
        Session.start(app.story, app.story.perspectives[0].id, app.profile, app.clock)
    )
    ui.pump()
    assert isinstance(ui.screen, SceneScreen) and ui.screen.pt.choices()
    return ui.screen


def _choice_button(screen: SceneScreen):
    return next(b for b in screen.group.buttons if b.number == 1)


def test_the_new_page_is_on_screen_before_the_autosave(ui, monkeypatch):
    screen = _on_a_page(ui)
    writes = []
    real = saves.write
    monkeypatch.setattr(saves, "write", lambda *a: writes.append(ui.app.frames) or real(*a))
    frames, turn = ui.app.frames, screen.pt.turn
    ui.click(_choice_button(screen))
    assert ui.screen.pt.turn == turn + 1
    assert writes == [frames + 1]  # written once, after the frame that shows the new page
    assert saves.read(saves.AUTOSAVE, ui.app.story)[0].turn == turn + 1


def test_an_autosave_still_owed_is_written_when_the_window_closes(ui):
    screen = _on_a_page(ui)
    turn = screen.pt.turn
    screen.choose(0)  # chosen, and the app closed before its next frame
    ui.app.close()
    assert saves.read(saves.AUTOSAVE, ui.app.story)[0].turn == turn + 1


def test_the_next_pages_pictures_are_painted_while_the_reader_reads(start_app):
    ui = start_app(size=(1920, 1080))
    screen = _on_a_page(ui)
    assert screen.picture.rect is not None  # the page has room for a picture
    for _ in range(len(screen.pt.choices()) + 1):
        ui.pump()  # one scene prepared after each frame
    painted = ui.app.pictures.painted
    ui.click(_choice_button(screen))
    assert ui.app.pictures.painted == painted  # the new page's picture was already there


def test_the_next_pages_are_laid_out_and_rendered_while_the_reader_reads(start_app):
    """The click finds its page ready: text, header and buttons laid out and rendered ahead
    (the playthrough peeked at, and left as it was), so the click only draws."""
    ui = start_app(size=(1920, 1080))
    screen = _on_a_page(ui)
    before = ui.screen.pt.to_json()
    for _ in range(len(screen.pt.choices()) + 1):
        ui.pump()  # one choice's page prepared after each frame
    assert ui.screen.pt.to_json() == before  # peeking took nothing
    layouter, app = ui.app.kit.layouter, ui.app
    layouts, at_frames = layouter.layouts, []
    draw = app.draw
    app.draw = lambda: draw() or at_frames.append(layouter.layouts)  # type: ignore[method-assign]
    ui.click(_choice_button(screen))
    new = ui.screen
    assert new.pt.turn == len(before["steps"]) + 1
    assert at_frames[0] == layouts  # no page laid out between the click and its frame
    assert new.page is not None and new.page._surface is not None  # its text rendered ahead
    assert layouter.layouts > layouts  # after the frame: the new page's next pages
