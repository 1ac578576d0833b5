"""Choosing a perspective: each one's title, protagonist, years, blurb, warnings and progress."""

from __future__ import annotations

from game.engine.expr import StoryRuntimeError
from game.engine.model import Perspective
from game.i18n import _
from game.labels import warnings_text
from game.ui.kit import Kit
from game.ui.screens.base import PageScreen
from game.ui.session import Session
from game.ui.textlayout import Piece
from game.ui.widgets import Card


class PerspectivesScreen(PageScreen):
    """A grid of cards, one per perspective, scrolling when the window is short."""

    def __init__(self, app) -> None:
        super().__init__(app)
        self.cards = [Card(self._blocks(p), self._start(p.id)) for p in app.story.perspectives]
        self.group.set([*self.cards, self.back_button])

    def title(self) -> str:
        return _("Choose a perspective")

    def columns(self) -> int:
        return 2 if self.view.width >= self.kit.px(820) else 1

    def panel_width(self) -> int:
        kit = self.kit
        return min(kit.size[0] - kit.px(120), kit.px(1100))

    def _blocks(self, p: Perspective):
        finished = self.app.profile.has_finished(p.id)

        def blocks(kit: Kit):
            head = [Piece(p.title, kit.style("strong"))]
            if finished:
                head.append(Piece("   ✓ " + _("finished"), kit.style("small", kit.palette.link)))
            out = [tuple(head), kit.block("emphasis", p.protagonist)]
            if p.years:
                out.append(kit.block("small", p.years))
            if p.blurb:
                out.append(kit.block("body", p.blurb))
            if p.warnings:
                out.append(kit.block("small", warnings_text(p.warnings)))
            return out

        return blocks

    def _start(self, pid: str):
        def start() -> None:
            app = self.app
            try:
                session = Session.start(app.story, pid, app.profile, app.clock)
            except StoryRuntimeError as exc:  # its first page cannot be shown
                app.story_failed(exc)
                return
            app.start_session(session)

        return start
