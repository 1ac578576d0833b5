"""Choosing a perspective: every offered one in view at once, compact cards and a detail area."""

from __future__ import annotations

import math
from typing import NamedTuple

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
from game.ui.widgets import page_content_width

# No-break spaces glued before "finished": room for the drawn check mark, which wraps with the
# word. The mark is drawn, not typed: the bundled faces have no ✓ (it would show as a box).
MARK_ROOM = "\u00a0" * 5
MIN_CARD = 190  # design pixels: no card is made narrower (a title needs a few words a line)


class Plan(NamedTuple):
    """One way to lay the cards out: what each card holds and what the detail area shows."""

    protagonist: bool  # "You are…" on the card (else in the detail area)
    picture: int  # the picture's height in design pixels; 0 for no picture
    blurb: bool  # the blurb of the card pointed at, in the detail area

    @property
    def detail(self) -> bool:
        """Whether a detail area shows under the cards."""
        return self.blurb or not self.protagonist


# From the richest to the leanest; the first that shows every card whole is used.
PLANS = (
    Plan(True, 110, True),
    Plan(False, 110, True),
    Plan(False, 80, True),
    Plan(False, 62, True),
    Plan(True, 62, False),
    Plan(False, 62, False),
    Plan(False, 0, True),
    Plan(True, 0, False),
    Plan(False, 0, False),
)
SCROLLING = Plan(True, 0, False)  # when nothing fits: whole cards in a scrolling grid


class PerspectiveCard(PictureCard):
    """A perspective's card with its picture; a check mark is drawn before its "finished" note."""

    def draw(self, surf: pygame.Surface, kit: Kit, *, hover: bool, focus: bool) -> None:
        super().draw(surf, kit, hover=hover, focus=focus)
        page = self._pages(kit, self.rect.width, hover or focus)[0]
        draw_marks(surf, page, self.text_origin(kit), kit)
        if focus:  # the keyboard's place, plain to see beside a merely hovered card
            ring = self.rect.inflate(kit.px(10), kit.px(10))
            pygame.draw.rect(surf, kit.palette.accent, ring, max(2, kit.px(2.5)), kit.px(8))

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


def column_choices(count: int) -> list[int]:
    """Columns to try for `count` cards, best looking first: one row of up to three, two rows
    of four to six (3 + 2 rather than 2 + 2 + 1), then one row, then fewer columns."""
    best = count if count <= 3 else math.ceil(count / 2)
    order = [best, count, *range(best - 1, 0, -1)]
    return list(dict.fromkeys(c for c in order if c >= 1))


class PerspectivesScreen(PageScreen):
    """Every offered perspective at once: a grid of compact cards, the detail of the one pointed
    at (or focused) below them; a card starts its story at a click, a tap or Enter."""

    def __init__(self, app) -> None:
        super().__init__(app)
        self.plan = PLANS[0]
        self.detail = pygame.Rect(0, 0, 0, 0)  # the detail area, empty when the plan has none
        self.perspectives = list(self.offered())
        self.cards = [self.card(p) for p in self.perspectives]
        self.group.set([*self.cards, self.back_button])

    def offered(self) -> list[Perspective]:
        """The perspectives to choose from (a kiosk offers the museum's subset)."""
        return list(self.app.story.perspectives)

    def card(self, p: Perspective) -> PerspectiveCard:
        return PerspectiveCard(self._blocks(p), self._start(p.id), picture_maker(self.app, p))

    def title(self) -> str:
        return _("Choose a perspective")

    def panel_width(self) -> int:
        kit = self.kit
        return min(kit.size[0] - kit.px(80), kit.px(1240))

    # -- layout: the richest plan and column count that shows every card whole
    def layout_content(self) -> None:
        offset = self.scroller.offset  # trying the plans must not lose a scrolled position
        for plan in PLANS:
            for columns in self._columns():
                if self._arrange(plan, columns) <= self.view.height:
                    return
        # Nothing fits (a tiny window at the largest text): the leanest plan, scrolling.
        self._arrange(SCROLLING, 1)
        self.scroller.offset = offset
        super().layout_content()

    def columns(self) -> int:
        """The scrolling list, when nothing fits: one card a row, each as short as it can be."""
        return 1

    def _columns(self) -> list[int]:
        gap = self.kit.px(16)
        fits = [
            c
            for c in column_choices(len(self.cards))
            if (self.view.width - gap * (c - 1)) // c >= self.kit.px(MIN_CARD)
        ]
        return fits or [1]

    def _arrange(self, plan: Plan, columns: int) -> int:
        """Place the cards (rows centred) and the detail area under `plan`; the height used."""
        kit = self.kit
        self.plan = plan
        gap = kit.px(16)
        width = (self.view.width - gap * (columns - 1)) // columns
        inner = width - 2 * self.cards[0]._pad(kit)[0] if self.cards else 1
        for card in self.cards:  # the same picture height whatever the columns
            assert isinstance(card, PictureCard)  # every card here is a perspective's
            card.band, card.banded = (
                min(0.6, kit.px(plan.picture) / max(1, inner)),
                plan.picture > 0,
            )
        heights = [card.fit(kit, width) for card in self.cards]
        y = 0
        for row in range(0, len(self.cards), columns):
            cards = self.cards[row : row + columns]
            row_h = max(heights[row : row + columns])
            x = self.view.x + (self.view.width - len(cards) * (width + gap) + gap) // 2
            for card in cards:
                card.rect.size = (width, row_h)
                card.rect.topleft = (x, self.view.y + y)
                x += width + gap
            y += row_h + gap
        y -= gap
        detail_h = self._detail_height() if plan.detail else 0
        self.detail = pygame.Rect(self.view.x, self.view.y + y + gap, self.view.width, detail_h)
        used = y + (gap + detail_h if plan.detail else 0)
        self.scroller.set(max(0, used), self.view.height)
        for card in self.cards:
            card.clip = self.view if self.view.contains(card.rect) else None
        return used

    # -- the detail area: who you are and what the story holds, for the card pointed at
    def shown(self) -> Perspective | None:
        """The perspective the detail area describes: the focused card's, else the hovered."""
        for index in (self.group.focus, self.group.hover):
            if index is not None and index < len(self.perspectives):
                return self.perspectives[index]
        return None

    def hint(self) -> str:
        """What the detail area says before a card is pointed at."""
        return _("Each card is one life, told from inside. Choose one to begin; the others wait "
                 "for another time.")  # fmt: skip

    def _detail_page(self, p: Perspective | None) -> Page:
        kit = self.kit
        if p is None:
            blocks = [kit.block("italic", self.hint())]
        else:
            blocks = []
            if not self.plan.protagonist:
                blocks.append(kit.block("emphasis", p.protagonist))
            if p.blurb and self.plan.blurb:
                blocks.append(kit.block("body", p.blurb))
        return kit.layouter.page(blocks, self.detail.width or self.view.width, kit.palette.paper,
                                 gap=0.35)  # fmt: skip

    def _detail_height(self) -> int:
        """Room for the longest detail, so the cards never jump as the pointer moves."""
        self.detail.width = self.view.width
        return max(self._detail_page(p).height for p in [None, *self.perspectives])

    def draw_content(self, surf: pygame.Surface) -> None:
        super().draw_content(surf)
        if not self.plan.detail or not self.detail.height:
            return
        kit = self.kit
        rule_y = self.detail.y - kit.px(9)
        pygame.draw.line(surf, kit.palette.ornament, (self.detail.x, rule_y),
                         (self.detail.right, rule_y), max(1, kit.px(1)))  # fmt: skip
        shown = self.shown()
        page = self._detail_page(shown)
        at = pygame.Rect(self.detail.topleft, (page.width, page.height))
        if shown is None:  # the hint sits in the middle of the room the details will take
            kit = self.kit
            hint = [kit.block("italic", self.hint())]
            page = kit.layouter.page(hint, page_content_width(page) + kit.px(2), kit.palette.paper)
            at = pygame.Rect(0, 0, page.width, page.height).move_to(center=self.detail.center)
        page.draw(surf, at)

    def _blocks(self, p: Perspective):
        finished = self.app.profile.has_finished(p.id)

        def blocks(kit: Kit):
            head = [Piece(p.title, kit.style("strong"))]
            if finished:
                note = "   " + MARK_ROOM + _("finished")
                head.append(Piece(note, kit.style("small", kit.palette.link)))
            out = [tuple(head)]
            if p.years:
                out.append(kit.block("small", p.years))
            if self.plan.protagonist:
                out.append(kit.block("emphasis", p.protagonist))
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
