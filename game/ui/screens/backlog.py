"""The history: the text and choices so far, scrollable, with a way back to any earlier choice."""

from __future__ import annotations

import pygame

from game.i18n import _
from game.ui.screens.base import PageScreen
from game.ui.screens.dialog import confirm
from game.ui.textlayout import Page
from game.ui.widgets import Button


class BacklogScreen(PageScreen):
    """Each step taken: the scene as read, the choice made, and a button to go back before it."""

    def __init__(self, app) -> None:
        super().__init__(app)
        self.steps = list(app.session.pt.steps)
        self.back_to = [
            Button(_("Go back to this choice"), self._go_back(s.turn), quiet=True)
            for s in self.steps
        ]
        self.group.set([*self.back_to, self.back_button])
        self.items: list[tuple[int, Page | Button]] = []  # content y, item
        self.scroller.offset = 10**9  # open at the latest step; clamped on layout

    def title(self) -> str:
        return _("History")

    def empty_text(self) -> str:
        return _("Nothing chosen yet. Your choices are listed here as you make them.")

    def _step_page(self, step, width: int) -> Page:
        kit = self.kit
        blocks = [kit.block("strong", step.scene_title)]
        blocks += [kit.block("body", text) for text in step.paragraphs]
        blocks.append(
            kit.block("emphasis", _("You chose: {choice}").format(choice=step.choice_text))
        )
        return kit.layouter.page(blocks, width, kit.palette.paper, gap=0.5)

    def layout_content(self) -> None:
        kit = self.kit
        self.items = []
        y = 0
        for step, button in zip(self.steps, self.back_to, strict=True):
            page = self._step_page(step, self.view.width)
            self.items.append((y, page))
            y += page.height + kit.px(10)
            button.fit(kit, min(self.view.width, kit.px(300)))
            self.items.append((y, button))
            y += button.rect.height + kit.px(34)
        self.scroller.set(self._content_height(max(0, y - kit.px(34))), self.view.height)
        for top, item in self.items:
            if isinstance(item, Button):
                item.rect.topleft = (self.view.x, self.view.y + top - self.scroller.offset)
                item.clip = self.view

    def _content_height(self, height: int) -> int:
        """The height to scroll over, stretched so that the end position starts on a whole
        line: the page shows whole lines only, and a cut first line would leave a gap on top."""
        end = height - self.view.height
        if end <= 0:
            return height
        stops = [top + line.y for top, item in self.items if isinstance(item, Page)
                 for line in item.lines]  # fmt: skip
        stops += [top for top, item in self.items if isinstance(item, Button)]
        return min((s for s in stops if s >= end), default=end) + self.view.height

    def draw_content(self, surf: pygame.Surface) -> None:
        if not self.steps:
            super().draw_content(surf)
            return
        offset = self.scroller.offset
        for top, item in self.items:
            if (
                isinstance(item, Page)
                and top < offset + self.view.height
                and top + item.height > offset
            ):
                # Draw the visible slice of this step into the view.
                sub = self.view.clip(
                    pygame.Rect(self.view.x, self.view.y + top - offset, item.width, item.height)
                )
                item.draw(surf, sub, max(0, offset - top))

    def _go_back(self, turn: int):
        def go_back() -> None:
            title = self.steps[turn].scene_title
            confirm(
                self.app,
                _("Go back to “{scene}”?").format(scene=title),
                _("The choices you made after it will be undone."),
                _("Go back"),
                lambda: self._undo(turn),
            )

        return go_back

    def _undo(self, turn: int) -> None:
        assert self.app.session is not None  # the history is opened from a story in play
        self.app.session.undo(turn)
        self.dismiss("undone")
