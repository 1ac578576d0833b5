"""Settings: language, text size and speed, theme, full screen, volume, content notes, motion,
and the reading and playing options of game.ui.screens.access; applied at once."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game import settings as settings_store
from game.i18n import N_, _, available_languages, language_name
from game.settings import TEXT_SIZES, TEXT_SPEEDS, THEMES, VOLUME_STEP
from game.ui.kit import Kit
from game.ui.screens.access import access_rows
from game.ui.screens.base import PageScreen
from game.ui.widgets import Button

VALUE_LABELS = {
    "small": N_("Small"),
    "medium": N_("Medium"),
    "large": N_("Large"),
    "largest": N_("Largest"),
    "slow": N_("Slow"),
    "normal": N_("Normal"),
    "fast": N_("Fast"),
    "instant": N_("Instant"),
    "default": N_("Paper"),
    "dark": N_("Night"),
    "high_contrast": N_("High contrast"),
    "huge": N_("Very large"),
    "double": N_("Double"),
}
# The preview of the reading face: a sentence in the player's language, with Uzbek words in
# both scripts the story uses.
SAMPLE = N_("“Oʻzbek,” she said — and the word was new: Ўзбек, қишлоқ, ғалла, ҳовли.")


class SettingRow(Button):
    """A setting's name on the left and its value, with arrows, on the right."""

    def __init__(self, name: str, value: Callable[[], str], step: Callable[[int], None]):
        super().__init__(name, lambda: step(1), align="left", quiet=True)
        self.value = value
        self.step = step

    def shown_value(self) -> str:
        return f"‹  {self.value()}  ›"

    def value_width(self, kit: Kit) -> int:
        """The room the value takes at the row's right, with a gap before it."""
        return kit.font("button").size(self.shown_value())[0] + kit.px(18) + kit.px(14)

    def needed_width(self, kit: Kit) -> int:
        """The width that holds the name and the value side by side on one line."""
        return (
            kit.font("button").size(self.label)[0] + self.value_width(kit) + 2 * self._pad(kit)[0]
        )

    def _pages(self, kit: Kit, width: int, lit: bool):
        # The name wraps left of the value, never under it ("Предупреждения" over "Показывать").
        return super()._pages(kit, width - self.value_width(kit), lit)

    def draw(self, surf: pygame.Surface, kit: Kit, *, hover: bool, focus: bool) -> None:
        super().draw(surf, kit, hover=hover, focus=focus)
        _, fg, _ = self._colors(kit, hover or focus)
        text = kit.label("button", self.shown_value(), fg)
        surf.blit(text, text.get_rect(midright=(self.rect.right - kit.px(18), self.rect.centery)))


class SettingsScreen(PageScreen):
    """One row per setting; Left and Right change the focused row, as does a click."""

    def __init__(self, app) -> None:
        super().__init__(app)
        s = lambda: self.app.settings  # noqa: E731 - read fresh after every change
        self.cards = [
            SettingRow(_("Language"), lambda: language_name(s().language),
                       self._cycler("language", tuple(available_languages()))),
            SettingRow(_("Text size"), lambda: _(VALUE_LABELS[s().text_size]),
                       self._cycler("text_size", tuple(TEXT_SIZES))),
            SettingRow(_("Text speed"), lambda: _(VALUE_LABELS[s().text_speed]),
                       self._cycler("text_speed", tuple(TEXT_SPEEDS))),
            SettingRow(_("Theme"), lambda: _(VALUE_LABELS[s().theme]), self._cycler("theme", THEMES)),
            SettingRow(_("Display"),
                       lambda: _("Full screen") if s().fullscreen else _("Window"),
                       lambda step: self.app.change_settings(fullscreen=not s().fullscreen)),
            SettingRow(_("Volume"), lambda: f"{s().volume} %", self._volume),
            SettingRow(_("Content notes"),
                       lambda: _("Shown") if s().content_warnings else _("Hidden"),
                       lambda step: self.app.change_settings(
                           content_warnings=not s().content_warnings)),
            SettingRow(_("Motion"),
                       lambda: _("Reduced") if s().reduced_motion else _("Full"),
                       lambda step: self.app.change_settings(
                           reduced_motion=not s().reduced_motion)),
            SettingRow(_("Pictures"), lambda: _("On") if s().illustrations else _("Off"),
                       lambda step: self.app.change_settings(illustrations=not s().illustrations)),
            *access_rows(self),
        ]  # fmt: skip
        self.group.set([*self.cards, self.back_button])
        self.group.focus = 0

    def title(self) -> str:
        return _("Settings")

    def panel_width(self) -> int:
        kit = self.kit  # wide enough for two columns of rows where the window allows
        return min(kit.size[0] - kit.px(120), kit.px(1100))

    def columns(self) -> int:
        # Two columns where every row still has room for its name and value side by side (not
        # at 1024×600 with Double text, nor with the longest Russian names).
        half = (self.view.width - self.kit.px(16)) // 2
        rows = [card for card in self.cards if isinstance(card, SettingRow)]
        return 2 if all(row.needed_width(self.kit) <= half for row in rows) else 1

    def _cycler(self, name: str, options: tuple[str, ...]):
        def step(direction: int) -> None:
            current = getattr(self.app.settings, name)
            self.app.change_settings(**{name: settings_store.cycle(options, current, direction)})

        return step

    def _volume(self, direction: int) -> None:
        volume = self.app.settings.volume + direction * VOLUME_STEP
        if direction > 0 and volume > 100:
            volume = 0  # a click past the top wraps, so a mouse alone can reach every value
        self.app.change_settings(volume=max(0, min(100, volume)))
        self.app.sound.play("choose")  # let the player hear the new level

    def key(self, event: pygame.event.Event) -> None:
        focused = self.group.focused()
        if isinstance(focused, SettingRow) and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            focused.step(1 if event.key == pygame.K_RIGHT else -1)
        elif event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            return
        else:
            super().key(event)

    def _preview(self):
        kit = self.kit
        return kit.layouter.page([kit.block("body", _(SAMPLE))], self.view.width, kit.palette.paper)

    def extra_height(self) -> int:
        return self.kit.px(28) + self._preview().height

    def draw_content(self, surf: pygame.Surface) -> None:
        if not self.cards:
            return
        page = self._preview()
        top = max(card.rect.bottom for card in self.cards) + self.kit.px(28)
        # Whole lines only, as on every page: a line cut by the panel's foot waits for the scroll.
        shown = pygame.Rect(self.view.x, max(top, self.view.y), page.width, 0)
        shown.height = self.view.bottom - shown.y
        if shown.height > 0:
            page.draw(surf, shown, max(0, self.view.y - top))
