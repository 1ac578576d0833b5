"""Shared screen shapes: a framed page with a heading and a Back button, and a dimmed overlay."""

from __future__ import annotations

from typing import Self

import pygame

from game.i18n import _
from game.ui.ornament import draw_rule
from game.ui.screen import Screen
from game.ui.widgets import Button, Scroller


class PageScreen(Screen):
    """A full screen: backdrop, a heading with a rule, a paper panel, and Back at the bottom."""

    def __init__(self, app) -> None:
        super().__init__(app)
        self.cards: list[Button] = []  # the scrolling content, when it is a grid of cards
        self.scroller = Scroller()
        self.back_button = Button(_("Back"), self.back)
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.view = pygame.Rect(0, 0, 0, 0)  # the scrollable area inside the panel
        self.shift = 0  # how far a short page is moved down to sit mid-window

    def title(self) -> str:
        """The heading, already translated."""
        return ""

    def renewed(self) -> Self:
        """Built again, scrolled where this one was."""
        fresh = super().renewed()
        fresh.scroller.offset = self.scroller.offset
        return fresh

    def panel_width(self) -> int:
        kit = self.kit
        return min(kit.size[0] - kit.px(120), kit.measure() + kit.px(96))

    def layout(self) -> None:
        kit = self.kit
        w, h = kit.size
        width = self.panel_width()
        top = self._heading_top() + kit.font("heading").get_linesize() + kit.px(30)
        row_h = max(b.fit(kit, self._bottom_width(b)) for b in self.bottom_buttons())
        bottom = h - kit.px(30) - row_h - kit.px(20)
        pad = kit.px(28)
        self.panel = pygame.Rect((w - width) // 2, top, width, bottom - top)
        self.view = self.panel.inflate(-2 * pad, -2 * pad)
        self.layout_content()
        self.shift = 0
        if self.scroller.content < self.view.height:
            # Short content: the panel hugs it, the buttons follow right below, and the whole
            # (heading included) sits in the middle of the window rather than at its top.
            self.view.height = max(self.scroller.content, kit.px(40))
            self.panel.height = self.view.height + 2 * pad
            self.shift = max(0, bottom - self.panel.bottom) // 2
            self.panel.move_ip(0, self.shift)
            self.view.move_ip(0, self.shift)
            self.layout_content()
        self._place_bottom(self.panel.bottom + kit.px(20))

    def _heading_top(self) -> int:
        return self.kit.px(36)

    def bottom_buttons(self) -> list[Button]:
        """The row of buttons under the panel."""
        return [self.back_button]

    def _bottom_width(self, button: Button) -> int:
        label = self.kit.font("button").size(button.label)[0]
        return max(self.kit.px(200), label + self.kit.px(48))

    def _place_bottom(self, y: int) -> None:
        buttons = self.bottom_buttons()
        gap = self.kit.px(16)
        total = sum(b.rect.width for b in buttons) + gap * (len(buttons) - 1)
        x = (self.kit.size[0] - total) // 2
        for button in buttons:
            button.rect.topleft = (x, y)
            x += button.rect.width + gap

    def columns(self) -> int:
        return 1

    def empty_text(self) -> str:
        """What the panel says when it has no cards."""
        return ""

    def extra_height(self) -> int:
        """Content the panel shows below its cards (drawn by draw_content), in pixels."""
        return 0

    def layout_content(self) -> None:
        """Lay self.cards out in a scrolling grid inside self.view."""
        kit = self.kit
        gap = kit.px(16)
        columns = self.columns()
        width = (self.view.width - gap * (columns - 1)) // columns
        heights = [card.fit(kit, width) for card in self.cards]
        y = 0
        for row in range(0, len(self.cards), columns):
            row_h = max(heights[row : row + columns])
            for col, card in enumerate(self.cards[row : row + columns]):
                card.rect.size = (width, row_h)
                card.rect.topleft = (self.view.x + col * (width + gap), self.view.y + y)
            y += row_h + gap
        if not self.cards and self.empty_text():
            y = self._empty_page().height + gap
        self.scroller.set(max(0, y - gap) + self.extra_height(), self.view.height)
        hidden = pygame.Rect(self.view.topleft, (0, 0))
        for card in self.cards:
            card.rect.y -= self.scroller.offset
            # Whole cards only, like whole lines on a page: one cut by the view's edge waits
            # for the scroll (the bar and chevrons say there is more), unless it can never fit.
            cut = not self.view.contains(card.rect) and card.rect.height <= self.view.height
            card.clip = hidden if cut else self.view

    def key(self, event: pygame.event.Event) -> None:
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):  # every long page pages alike
            sign = 1 if event.key == pygame.K_PAGEDOWN else -1
            self.scroll(sign * self.view.height * 4 // 5)
            return
        super().key(event)
        focused = self.group.focused()
        if focused is not None and focused.clip is self.view:
            top = focused.rect.top - self.view.y + self.scroller.offset
            if self.scroller.show(top, top + focused.rect.height):
                self.layout_content()

    def scroll(self, dy: int) -> None:
        if self.scroller.by(dy):
            self.layout_content()

    def draw(self, surf: pygame.Surface) -> None:
        kit = self.kit
        surf.blit(self.app.backdrop(self.panel), (0, 0))
        title = kit.label("heading", self.title())
        top = self._heading_top() + self.shift
        surf.blit(title, title.get_rect(midtop=(kit.size[0] // 2, top)))
        rule_y = top + title.get_height() + kit.px(10)
        draw_rule(surf, (kit.size[0] // 2, rule_y), kit.px(120), kit)
        self.draw_content(surf)
        self.scroller.draw_bar(surf, self.view, kit)
        super().draw(surf)

    def draw_content(self, surf: pygame.Surface) -> None:
        """Draw what the panel shows besides its buttons (by default, the empty note)."""
        if not self.cards and self.empty_text():
            self._empty_page().draw(surf, self.view)

    def _empty_page(self):
        kit = self.kit
        return kit.layouter.page(
            [kit.block("emphasis", self.empty_text())], self.view.width, kit.palette.paper
        )


class Overlay(Screen):
    """A modal panel over the dimmed screen beneath it."""

    opaque = False
    _shade: tuple[tuple, pygame.Surface] | None = None

    def shade(self, surf: pygame.Surface) -> None:
        key = (surf.get_size(), self.kit.palette.shade)
        cached = Overlay._shade
        if cached is None or cached[0] != key:
            layer = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
            layer.fill(self.kit.palette.shade)
            cached = Overlay._shade = (key, layer)
        surf.blit(cached[1], (0, 0))

    def pointer_up(self, pos: tuple[int, int]) -> None:
        # A tap outside the panel closes it, as players expect of a card.
        if not self.group.pointer_up(pos) and not self.panel_rect().collidepoint(pos):
            self.back()

    def panel_rect(self) -> pygame.Rect:
        return pygame.Rect(0, 0, 0, 0)
