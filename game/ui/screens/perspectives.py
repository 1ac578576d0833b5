"""Choosing a perspective: each one's title, protagonist, years, blurb, warnings and progress."""

from __future__ import annotations

import pygame

from game.engine.expr import StoryRuntimeError
from game.engine.model import Perspective
from game.i18n import _
from game.labels import warnings_text
from game.ui.art.cards import PictureCard, picture_maker
from game.ui.kit import Kit
from game.ui.screens.base import PageScreen
from game.ui.session import Session
from game.ui.textlayout import Page, Piece

# No-break spaces glued before "finished": room for the drawn check mark, which wraps with the
# word. The mark is drawn, not typed: the bundled faces have no ✓ (it would show as a box).
MARK_ROOM = "\u00a0" * 5


class PerspectiveCard(PictureCard):
    """A perspective's card with its picture; a check mark is drawn before its "finished" note."""

    def draw(self, surf: pygame.Surface, kit: Kit, *, hover: bool, focus: bool) -> None:
        super().draw(surf, kit, hover=hover, focus=focus)
        page = self._pages(kit, self.rect.width, hover or focus)[0]
        draw_marks(surf, page, self.text_origin(kit), kit)

    def text_origin(self, kit: Kit) -> tuple[int, int]:
        """Where the card's text begins: below its picture when it shows one."""
        pad_x, pad_y = self._pad(kit)
        band = self._band(kit, self.rect.width)
        top = self.rect.y + pad_y
        if self._picture(kit, band) is not None:
            top += band[1] + pad_y
        return self.rect.x + pad_x, top


def draw_marks(surf: pygame.Surface, page: Page, origin: tuple[int, int], kit: Kit) -> None:
    """A check mark in the room left before each "finished" note of a laid-out page."""
    for line in page.lines:
        for run in line.runs:
            if not run.text.startswith(MARK_ROOM):
                continue
            font = kit.fonts.get(run.style.face, run.style.px)
            room = font.size(MARK_ROOM)[0]
            size = min(room - kit.px(8), run.style.px * 3 // 4)
            x = origin[0] + run.x + room - size - kit.px(6)  # a clear gap before the word
            mid = origin[1] + line.y + line.ascent - font.get_ascent() + font.get_height() // 2
            points = [(x, mid), (x + size * 0.38, mid + size * 0.4), (x + size, mid - size * 0.5)]
            pygame.draw.lines(surf, run.style.color, False, points, max(2, run.style.px // 8))


class PerspectivesScreen(PageScreen):
    """A grid of cards, one per perspective, scrolling when the window is short."""

    def __init__(self, app) -> None:
        super().__init__(app)
        self.blurbs = True  # False leaves each blurb out, so every card fits the panel whole
        self.cards = [self.card(p) for p in app.story.perspectives]
        self.group.set([*self.cards, self.back_button])

    def card(self, p: Perspective) -> PerspectiveCard:
        return PerspectiveCard(self._blocks(p), self._start(p.id), picture_maker(self.app, p))

    def title(self) -> str:
        return _("Choose a perspective")

    def columns(self) -> int:
        return 2 if self.view.width >= self.kit.px(820) else 1

    def panel_width(self) -> int:
        kit = self.kit
        return min(kit.size[0] - kit.px(120), kit.px(1100))

    def layout_content(self) -> None:
        """The cards with their pictures, unless the pictures alone would make the page scroll."""
        self._band(False)
        scrolls = self.scroller.content > self.view.height
        self._band(True)
        if not scrolls and self.scroller.content > self.view.height:
            self._band(False)

    def _band(self, on: bool) -> None:
        for card in self.cards:
            if isinstance(card, PictureCard):
                card.banded = on
        super().layout_content()

    def _blocks(self, p: Perspective):
        finished = self.app.profile.has_finished(p.id)

        def blocks(kit: Kit):
            head = [Piece(p.title, kit.style("strong"))]
            if finished:
                note = "   " + MARK_ROOM + _("finished")
                head.append(Piece(note, kit.style("small", kit.palette.link)))
            out = [tuple(head), kit.block("emphasis", p.protagonist)]
            if p.years:
                out.append(kit.block("small", p.years))
            if p.warnings:  # before the blurb: never the part a short window cuts off
                out.append(kit.block("small", warnings_text(p.warnings)))
            if p.blurb and self.blurbs:
                out.append(kit.block("body", p.blurb))
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
