"""The content note shown once before the first play: what the story contains."""

from __future__ import annotations

import pygame

from game.i18n import _
from game.ui.screens.base import PageScreen
from game.ui.screens.perspectives import PerspectivesScreen
from game.ui.widgets import Button


class ContentNoteScreen(PageScreen):
    """Says plainly what the story holds, and lets the player go on or go back."""

    def __init__(self, app) -> None:
        super().__init__(app)
        self.go_on = Button(_("I understand — continue"), self.proceed)
        self.group.set([self.go_on, self.back_button])
        self.group.focus = 0

    def title(self) -> str:
        return _("Before you begin")

    def panel_width(self) -> int:
        return min(self.kit.size[0] - self.kit.px(120), self.kit.measure() + self.kit.px(64))

    def _page(self):
        kit = self.kit
        note = self.app.story.content_note or ""
        blocks = [
            kit.block("body", note),
            kit.block(
                "body",
                _(
                    "The people, places and events of this story are drawn from history. "
                    "Some scenes describe violence and its aftermath. You can pause at any "
                    "time with Escape, and every scene tied to a documented event offers a "
                    "note on what really happened."
                ),
            ),
        ]
        return kit.layouter.page(blocks, self.view.width, kit.palette.paper)

    def bottom_buttons(self) -> list[Button]:
        return [self.back_button, self.go_on]

    def layout_content(self) -> None:
        self.scroller.set(self._page().height, self.view.height)

    def draw_content(self, surf: pygame.Surface) -> None:
        self._page().draw(surf, self.view, self.scroller.offset)

    def proceed(self) -> None:
        self.app.profile.content_note_seen = True
        self.app.profile.save()
        self.app.switch(PerspectivesScreen(self.app))
