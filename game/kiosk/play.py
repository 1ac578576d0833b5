"""A visit's play: a session that is never saved, and the player's screens adapted for a kiosk."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine.model import Perspective
from game.engine.runtime import Playthrough
from game.i18n import N_, _, ngettext
from game.kiosk.stats import PERCENT_FROM, Share
from game.profile import Profile
from game.ui.ornament import draw_panel
from game.ui.screens.dialog import confirm
from game.ui.screens.ending import EndingScreen
from game.ui.screens.perspectives import PerspectivesScreen
from game.ui.screens.scene import SceneScreen
from game.ui.session import Session
from game.ui.widgets import Button, Group

if TYPE_CHECKING:
    from game.kiosk.app import KioskApp

KEY_CHOICES = 4  # at most this many "how other visitors chose" lines: the ending must stay short
TEXT_SIZE_NAMES = {"medium": N_("Medium"), "large": N_("Large"), "largest": N_("Largest")}
# Design pixels: a fingertip 64 px across at 1920×1080 that touches a link's word opens it, so
# every link answers over at least 64 px each way (its word and half a fingertip around it).
LINK_REACH = 32 / 1.5


class VisitProfile(Profile):
    """What one visitor met (the codex fills as they read); forgotten when the visit ends."""

    def save(self) -> bool:
        """Never written: the next visitor starts with an empty codex."""
        return True


class KioskSession(Session):
    """A playthrough that is never saved; each choice and the ending go to the statistics."""

    def __init__(self, pt: Playthrough, clock, stats, stats_id: int) -> None:
        self.stats, self.stats_id = stats, stats_id
        self.ended: str | None = None
        self.offered: dict[int, int] = {}  # turn -> how many choices were offered then
        super().__init__(pt, VisitProfile(), clock)

    @classmethod
    def begin(cls, app, perspective: str) -> KioskSession:
        pt = Playthrough.start(app.story, perspective, museum=app.config.museum)
        stats_id = app.stats.start(app.language, perspective, app.config.route)
        return cls(pt, app.clock, app.stats, stats_id)

    def save(self, slot: str) -> None:
        """No saves in kiosk mode: a visit lives only while the visitor stands there."""

    def choose(self, index: int, later=None) -> None:
        scene, choice = self.pt.scene.id, self.pt.choices()[index].choice.id
        self.offered[self.pt.turn] = len(self.pt.choices())
        super().choose(index, later)
        self.stats.choice(self.stats_id, scene, choice)
        if self.pt.ending is not None:
            self.stats.ending(self.stats_id, self.pt.perspective.id, self.pt.ending.id)
            self.finish("ending")

    def finish(self, how: str) -> None:
        """Record how the visit ended, once (an ending reached stays the reason)."""
        if self.ended is None:
            self.ended = how
            self.stats.end(self.stats_id, how, self.played, self.pt.scene.id)

    def key_choices(self) -> list[tuple[str, str, str]]:
        """(scene, choice id, text) of the real decisions taken: where two or more were offered."""
        steps = [s for s in self.pt.steps if self.offered.get(s.turn, 0) >= 2]
        return [(s.scene_id, s.choice_id, s.choice_text) for s in steps[:KEY_CHOICES]]


class KioskPerspectivesScreen(PerspectivesScreen):
    """Only the perspectives the museum offers; a card starts a visit that is never saved."""

    app: KioskApp  # typed for the checker: these screens run only in the kiosk

    def __init__(self, app) -> None:
        self.chosen: int | None = None  # the card touched: its detail shows, Begin starts it
        self.begin_button = Button(_("Begin"), self.begin, enabled=False)
        super().__init__(app)
        self.group.set([*self.cards, self.back_button, self.begin_button])

    def offered(self) -> list[Perspective]:
        return self.app.perspectives()

    def bottom_buttons(self) -> list[Button]:
        return [self.back_button, self.begin_button]

    def _start(self, pid: str):
        """A touch picks a card and shows who you are and what the story holds; Begin, or a
        second touch on the same card, starts it (a visitor reads before they commit)."""

        def pick() -> None:
            index = next(i for i, p in enumerate(self.perspectives) if p.id == pid)
            if self.chosen == index:
                self.begin()
                return
            self.chosen = self.group.focus = index
            self.begin_button.enabled = True
            self.app.redraw()

        return pick

    def begin(self) -> None:
        if self.chosen is not None:
            self.app.start_visit_session(self.perspectives[self.chosen].id)

    def shown(self) -> Perspective | None:
        if self.chosen is not None and self.group.focus in (None, self.chosen):
            return self.perspectives[self.chosen]
        return super().shown()

    def hint(self) -> str:
        return _("Touch a story to read who you will be, then touch Begin.")


class KioskSceneScreen(SceneScreen):
    """The scene without saving or the pause menu; a bigger-text button and a way to start over."""

    note_hint = False  # visitors have no settings: the museum chose whether notes are shown

    def __init__(self, app) -> None:
        super().__init__(app)
        self.size_button = Button(_("Text size"), self.next_text_size, quiet=True)
        self.tools = Group([
            Button(_("History"), self.history, quiet=True),
            Button(_("Codex"), self.codex, quiet=True),
            self.size_button,
            Button(_("Start again"), self.start_again, quiet=True),
        ])  # fmt: skip
        self._show_text_size()

    def _show_text_size(self) -> None:
        self.size_button.note = _(TEXT_SIZE_NAMES.get(self.app.settings.text_size, "Large"))
        self.layout()

    def next_text_size(self) -> None:
        sizes = list(TEXT_SIZE_NAMES)
        current = self.app.settings.text_size
        following = sizes[(sizes.index(current) + 1) % len(sizes)] if current in sizes else sizes[0]
        self.app.change_settings(text_size=following)
        self._show_text_size()

    def start_again(self) -> None:
        confirm(self.app, _("Start again from the beginning?"),
                _("The story so far will not be kept."), _("Start again"),
                self.app.home)  # fmt: skip

    def link_reach(self) -> int:
        """A link answers a fingertip that touches its word, not only one landing on it."""
        return self.kit.px(LINK_REACH)

    def save(self) -> None:
        """Nothing to save in a kiosk."""

    def pause(self) -> None:
        """No pause menu: it would offer Quit."""

    def to_ending(self) -> None:
        self.app.switch(KioskEndingScreen(self.app))


class KioskEndingScreen(EndingScreen):
    """The ending; beside it, once enough visits are recorded, how other visitors chose."""

    app: KioskApp  # typed for the checker: these screens run only in the kiosk

    def __init__(self, app) -> None:
        self.shares: list[Share] | None = None  # layout (run by the base) reads it
        self.shares_drawn: list[str] = []  # the panel's texts, as last drawn
        self.others = pygame.Rect(0, 0, 0, 0)
        super().__init__(app)
        self.back_button.label = _("Finish")
        self.group.focus = 0  # Finish ends the visit: Enter alone must not (another is safe)
        session = app.session
        self.shares = app.stats.how_others_chose(
            session.key_choices(), session.stats_id, app.config.min_sessions
        )
        self.layout()

    def panel_width(self) -> int:
        if not self.shares:
            return super().panel_width()
        return int(self.kit.size[0] * 0.56)

    def layout(self) -> None:
        super().layout()
        if not self.shares:
            return
        kit = self.kit
        shift = kit.px(40) - self.panel.x  # the story to the left, the figures to the right
        self.panel.move_ip(shift, 0)
        self.view.move_ip(shift, 0)
        x = self.panel.right + kit.px(30)
        self.others = pygame.Rect(x, self.panel.y, kit.size[0] - kit.px(40) - x, self.panel.height)

    def draw_content(self, surf: pygame.Surface) -> None:
        super().draw_content(surf)
        if self.shares:
            self.shares_drawn = draw_shares(surf, self.others, self.shares, self.kit)

    def choose_another(self) -> None:
        self.app.offer_perspectives()

    def aside_text(self) -> str:
        """How other visitors chose, as heard after the ending: each choice and what the
        others did (the line under each bar, which says it in words)."""
        if not self.shares:
            return ""
        lines = [_("How other visitors chose")]
        for share in self.shares:
            lines += [share.text, share_texts(share)[1]]
        return "\n".join(lines)


def share_texts(share: Share) -> tuple[str, str]:
    """The figure beside a share's bar, and the line under it that says what it is a share of.

    Fewer than PERCENT_FROM others: the counts themselves ("13 of 19"), since a percentage of
    a handful claims more than it knows.
    """
    if share.reached >= PERCENT_FROM:
        figure = _("{percent} %").format(percent=share.percent)
    else:
        figure = _("{same} of {reached}").format(same=share.same, reached=share.reached)
    line = ngettext(
        "Of {reached} other visitor who reached this choice, {same} chose as you did.",
        "Of {reached} other visitors who reached this choice, {same} chose as you did.",
        share.reached,
    ).format(reached=share.reached, same=share.same)
    return figure, line


def draw_shares(surf: pygame.Surface, rect: pygame.Rect, shares: list[Share], kit) -> list[str]:
    """A panel: each key choice taken, a bar for the share of the other visitors who reached it
    and chose the same, and a line saying so in words. Returns the texts drawn."""
    draw_panel(surf, rect, kit)
    pad = kit.px(24)
    inner = rect.width - 2 * pad
    clip = surf.get_clip()
    surf.set_clip(rect.inflate(-pad, -pad))
    y = rect.y + pad
    drawn = [_("How other visitors chose")]
    heading = kit.layouter.page([kit.block("strong", drawn[0])], inner, kit.palette.paper)
    heading.draw(surf, pygame.Rect(rect.x + pad, y, inner, heading.height))
    y += heading.height + kit.px(14)
    texts = [share_texts(share) for share in shares]
    widest = max(kit.font("heading").size(t)[0] for t in ["100 %", *(f for f, _l in texts)])
    bar_h = kit.font("heading").get_linesize()
    for share, (figure, line) in zip(shares, texts, strict=True):
        text = kit.layouter.page([kit.block("emphasis", share.text)], inner, kit.palette.paper)
        words = kit.layouter.page([kit.block("small", line)], inner, kit.palette.paper)
        if y + text.height + bar_h + words.height > rect.bottom - pad:
            break  # only whole entries: the panel shows as many as fit
        text.draw(surf, pygame.Rect(rect.x + pad, y, inner, text.height))
        y += text.height + kit.px(6)
        row = pygame.Rect(rect.x + pad, y, inner, 0)
        y = _bar(surf, row, share, kit, figure, widest) + kit.px(4)
        words.draw(surf, pygame.Rect(rect.x + pad, y, inner, words.height))
        y += words.height + kit.px(18)
        drawn += [share.text, figure, line]
    surf.set_clip(clip)
    return drawn


def _bar(surf: pygame.Surface, row: pygame.Rect, share: Share, kit, figure: str,
         widest: int) -> int:  # fmt: skip
    """The figure ('75 %', '13 of 19') and a bar filled as far; returns the row's bottom."""
    label = kit.label("heading", figure)
    height = kit.px(18)
    track = pygame.Rect(row.x, 0, row.width - widest - kit.px(16), height)  # all of one length
    track.centery = row.y + label.get_height() // 2
    fill = track.copy()
    fill.width = round(track.width * share.same / share.reached)
    pygame.draw.rect(surf, kit.palette.accent, fill, border_radius=height // 2)
    pygame.draw.rect(surf, kit.palette.muted, track, max(1, kit.px(1.5)), border_radius=height // 2)
    surf.blit(label, label.get_rect(topright=(row.right, row.y)))
    return row.y + label.get_height()
