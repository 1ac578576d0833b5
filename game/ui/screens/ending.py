"""The ending: its title, the epilogue, what happened to people like you, and the way back."""

from __future__ import annotations

import pygame

from game.i18n import _
from game.ui.screens.base import PageScreen
from game.ui.screens.perspectives import PerspectivesScreen
from game.ui.screens.recap import Stack, recap_blocks, route_map
from game.ui.textlayout import Page
from game.ui.widgets import Button


class EndingScreen(PageScreen):
    """Closes a perspective; the player returns to the title or picks another perspective."""

    def __init__(self, app) -> None:
        super().__init__(app)
        self.pt = app.session.pt
        self.ending = self.pt.ending
        self.back_button = Button(_("Back to the title"), self.back)
        self.another = Button(_("Choose another perspective"), self.choose_another)
        self.group.set([self.another, self.back_button])
        self.group.focus = 1
        self.page: Page | None = None
        self.stack: Stack | None = None  # the story's words, then the look back at the path

    def title(self) -> str:
        return self.ending.title

    def _blocks(self):
        kit = self.kit
        blocks = [kit.block("body", p) for p in self.ending.epilogue]
        if self.ending.history:
            blocks.append(kit.block("strong", _("What happened to people like you")))
            blocks += [kit.block("body", p) for p in self.ending.history]
        afterword = self.pt.perspective.afterword
        if afterword:
            blocks.append(kit.block("strong", _("Afterword")))
            blocks.append(kit.block("emphasis", afterword))
        return blocks

    def bottom_buttons(self) -> list[Button]:
        return [self.another, self.back_button]

    def layout_content(self) -> None:
        kit, width = self.kit, self.view.width
        self.page = kit.layouter.page(self._blocks(), width, kit.palette.paper)
        looking_back = [kit.block("heading", _("Looking back"))]
        items: list = [self.page, kit.layouter.page(looking_back, width, kit.palette.paper)]
        picture = route_map(self.app, kit, width)
        if picture is not None:
            items.append(picture)
        items.append(kit.layouter.page(recap_blocks(self.app, kit), width, kit.palette.paper))
        self.stack = Stack(items, kit.px(24))
        self.scroller.set(self.stack.height, self.view.height)

    def draw_content(self, surf: pygame.Surface) -> None:
        if self.stack is not None:  # laid out before the first draw
            self.stack.draw(surf, self.view, self.scroller.offset)

    def back(self) -> None:
        self.app.home()

    def choose_another(self) -> None:
        self.app.home()
        self.app.push(PerspectivesScreen(self.app))
