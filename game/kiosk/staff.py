"""For museum staff only: the PIN pad after the hidden gesture, the staff menu, the statistics."""

from __future__ import annotations

from math import ceil
from typing import TYPE_CHECKING

import pygame

from game.i18n import _
from game.kiosk import pin
from game.kiosk.pages import MenuScreen, TallButton
from game.ui.ornament import draw_panel
from game.ui.screens.base import Overlay, PageScreen
from game.ui.screens.dialog import confirm
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.kiosk.app import KioskApp

MAX_TRIES = 3  # then the pad closes, so a curious visitor cannot try PINs for long
DIGIT_KEYS = {getattr(pygame, f"K_{n}"): str(n) for n in range(10)} | {
    getattr(pygame, f"K_KP{n}"): str(n) for n in range(10)
}


class StaffScreen:
    """Marks the staff screens (the gesture does not open a second PIN pad over them)."""


class PinScreen(StaffScreen, Overlay):
    """A numeric pad; the right PIN opens the staff menu, a wrong one is refused."""

    app: KioskApp  # typed for the checker: these screens run only in the kiosk

    def __init__(self, app) -> None:
        super().__init__(app)
        self.entered = ""
        self.tries = 0
        self.message = _("Staff PIN")
        digits = [Button(str(n), self._digit(str(n))) for n in (1, 2, 3, 4, 5, 6, 7, 8, 9)]
        self.keys = [*digits, Button(_("Clear"), self.clear), Button("0", self._digit("0")),
                     Button(_("OK"), self.submit)]  # fmt: skip
        self.cancel = Button(_("Cancel"), self.dismiss, quiet=True)
        self.group.set([*self.keys, self.cancel])
        self.rect = pygame.Rect(0, 0, 0, 0)

    def panel_rect(self) -> pygame.Rect:
        return self.rect

    def _digit(self, digit: str):
        def press() -> None:
            if len(self.entered) < 8:
                self.entered += digit

        return press

    def clear(self) -> None:
        self.entered = ""

    def submit(self) -> None:
        guard, now = self.app.pin_guard, self.app.clock()
        wait = guard.wait(now)
        if wait > 0:  # guessing is slowed down: the try is not even looked at
            self.entered = ""
            self.message = _("Wait {seconds} s").format(seconds=ceil(wait))
            return
        stored = self.app.config.pin_hash
        if stored is None:
            self.entered = ""
            self.message = _("No staff PIN is set")
            return
        if pin.matches(self.entered, stored):
            guard.success()
            self.dismiss()
            self.app.push(StaffMenuScreen(self.app))
            return
        guard.failure(now)
        self.tries += 1
        self.entered = ""
        self.message = _("Wrong PIN")
        if self.tries >= MAX_TRIES:
            self.dismiss()

    def key(self, event: pygame.event.Event) -> None:
        if event.key in DIGIT_KEYS:
            self._digit(DIGIT_KEYS[event.key])()
        elif event.key == pygame.K_BACKSPACE:
            self.entered = self.entered[:-1]
        elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.submit()
        else:
            super().key(event)

    def layout(self) -> None:
        kit = self.kit
        cell_w, cell, gap, pad = kit.px(104), kit.px(76), kit.px(14), kit.px(30)
        head = 2 * kit.font("heading").get_linesize()
        grid_w = 3 * cell_w + 2 * gap
        height = pad + head + 4 * (cell + gap) + self.cancel.fit(kit, grid_w) + pad
        w, h = kit.size
        self.rect = pygame.Rect(
            (w - grid_w) // 2 - pad, (h - height) // 2, grid_w + 2 * pad, height
        )
        top = self.rect.y + pad + head
        for i, button in enumerate(self.keys):
            button.fit(kit, cell_w)
            button.rect.size = (cell_w, cell)
            button.rect.topleft = (self.rect.x + pad + (i % 3) * (cell_w + gap),
                                   top + (i // 3) * (cell + gap))  # fmt: skip
        self.cancel.rect.topleft = (self.rect.x + pad, top + 4 * (cell + gap))

    def draw(self, surf: pygame.Surface) -> None:
        kit = self.kit
        self.shade(surf)
        draw_panel(surf, self.rect, kit)
        line = kit.font("heading").get_linesize()
        label = kit.label("heading", self.message)
        surf.blit(label, label.get_rect(midtop=(self.rect.centerx, self.rect.y + kit.px(30))))
        self._draw_dots(surf, self.rect.y + kit.px(30) + line + line // 2)
        super().draw(surf)

    def _draw_dots(self, surf: pygame.Surface, y: int) -> None:
        """One dot per digit typed, never the digits themselves."""
        kit = self.kit
        r, step = kit.px(8), kit.px(26)
        count = max(1, len(self.entered))
        x = self.rect.centerx - step * (count - 1) // 2
        for i in range(count):
            width = 0 if self.entered else max(1, kit.px(2))  # an empty ring: nothing typed yet
            pygame.draw.circle(surf, self.kit.palette.text, (x + i * step, y), r, width)


class StaffMenuScreen(StaffScreen, MenuScreen):
    """Exit, statistics, reset statistics, and the test screen."""

    app: KioskApp  # typed for the checker: these screens run only in the kiosk

    def __init__(self, app) -> None:
        super().__init__(app)
        self.back_button = Button(_("Close"), self.dismiss)
        self.cards = [
            TallButton(self._stats_label(), lambda: app.push(StatsScreen(app))),
            TallButton(_("Test screen"), self.test_screen),
            TallButton(_("Reset statistics"), self.reset_stats),
            TallButton(_("Exit the kiosk"), self.exit),
        ]
        self.group.set([*self.cards, self.back_button])

    def title(self) -> str:
        return _("Staff menu")

    def _stats_label(self) -> str:
        """The statistics card says so when they are not being written."""
        if self.app.stats.status() is None:
            return _("Statistics")
        return _("Statistics: needs attention")

    def test_screen(self) -> None:
        from game.kiosk.testscreen import TestScreen

        self.app.push(TestScreen(self.app))

    def reset_stats(self) -> None:
        confirm(self.app, _("Reset the statistics?"),
                _("Every recorded visit is deleted. Export them first if they are wanted."),
                _("Delete them"), self.app.stats.reset)  # fmt: skip

    def exit(self) -> None:
        confirm(self.app, _("Exit the kiosk?"),
                _("The game closes and stays closed until the computer or the service restarts."),
                _("Exit"), self.app.staff_exit)  # fmt: skip


class StatsScreen(StaffScreen, PageScreen):
    """The figures so far, as `python -m game stats` prints them."""

    app: KioskApp  # typed for the checker: these screens run only in the kiosk

    def __init__(self, app) -> None:
        super().__init__(app)
        self.group.set([self.back_button])

    def title(self) -> str:
        return _("Statistics")

    def _page(self):
        kit, stats = self.kit, self.app.stats
        if not stats.enabled:
            blocks = [kit.block("body", _("Statistics are switched off in the kiosk config."))]
        else:
            status = stats.status()  # what is wrong comes first, then whatever can be read
            blocks = [kit.block("strong", status)] if status else []
            blocks += self._figures(stats.summary())
        return kit.layouter.page(blocks, self.view.width, kit.palette.paper, gap=0.2)

    def _figures(self, summary) -> list:
        kit = self.kit
        if not summary:
            return []
        count = self.app.stats.sessions()
        blocks = [kit.block("strong", _("Sessions recorded: {count}").format(count=count))]
        for heading, rows in summary:
            blocks.append(kit.block("strong", _(heading)))
            lines = [f"{label} — {count}" for label, count in rows] or ["—"]
            blocks += [kit.block("body", line) for line in lines]
        blocks.append(kit.block("emphasis", _("Export: python -m game stats --csv FILE")))
        return blocks

    def layout_content(self) -> None:
        self.scroller.set(self._page().height, self.view.height)

    def draw_content(self, surf: pygame.Surface) -> None:
        self._page().draw(surf, self.view, self.scroller.offset)
