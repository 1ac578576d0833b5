"""Live reload in the player: pick up story edits once a second (and on F5), keep the place.

The pure work — noticing changes, re-reading, carrying the playthrough over — is
game.authoring.watch; this module only applies the result to the running app.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from game.authoring.watch import Reload, Reloader, carry_over, restart
from game.engine.expr import StoryRuntimeError
from game.ui.screens.dialog import MessageDialog

if TYPE_CHECKING:
    from game.ui.app import App

SHOWN_PROBLEMS = 4  # more than this and the overlay says how many are left (it must fit)


class LiveReload:
    """Owned by the app: `tick()` from its update, `now()` on F5."""

    def __init__(self, app: App, root: Path, interval: float = 1.0) -> None:
        self.app = app
        self.reloader = Reloader(root, app.story, app.clock, interval)
        self.dialog: MessageDialog | None = None
        self.note = ""  # what the last reload did, for the curious (and for tests)

    def tick(self) -> None:
        result = self.reloader.poll()
        if result is not None:
            self.apply(result)

    def now(self) -> None:
        self.apply(self.reloader.reload())

    def apply(self, result: Reload) -> None:
        self._close_dialog()
        if result.story is None:
            self._show_problems(result)
            return
        self.app.story = result.story
        self._move_session(result)
        for screen in self.app.stack:
            if hasattr(screen, "enter_page"):  # the scene screen shows the (new) current page
                screen.enter_page(animate=False)
            else:
                screen.layout()
        self.app.redraw()

    def _move_session(self, result: Reload) -> None:
        assert result.story is not None  # called only after a load without errors
        session = self.app.session
        if session is None:
            self.note = "reloaded"
            return
        pt, self.note = carry_over(session.pt, result.story)
        if pt is None:
            try:
                pt = restart(session.pt, result.story)
            except StoryRuntimeError as exc:
                pt, self.note = None, f"{self.note}; the start fails too: {exc}"
        if pt is None:
            self.app.session = None
            self.app.home()
            return
        session.pt = pt

    def _show_problems(self, result: Reload) -> None:
        errors = result.errors
        # Each problem its own paragraph, its hint another: wrapped, never cut.
        lines = [line.strip() for p in errors[:SHOWN_PROBLEMS] for line in str(p).splitlines()]
        if len(errors) > SHOWN_PROBLEMS:
            lines.append(f"… and {len(errors) - SHOWN_PROBLEMS} more: run python -m game check")
        self.note = f"{len(errors)} error(s); kept the last good story"
        # For the author at work, like check's own output: English, not in the catalogues.
        heading = "The edited story has errors; the last good version is still playing."
        self.dialog = MessageDialog(self.app, heading, lines)
        self.app.push(self.dialog)

    def _close_dialog(self) -> None:
        if self.dialog is not None and self.dialog in self.app.stack:
            if self.app.stack[-1] is self.dialog:
                self.app.pop(self.dialog)
            else:
                self.app.stack.remove(self.dialog)
        self.dialog = None
