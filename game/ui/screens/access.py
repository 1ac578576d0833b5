"""Settings for reading and playing differently: read aloud, reading font, line spacing, keys."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game import keys
from game import settings as settings_store
from game.i18n import N_, _
from game.settings import LINE_SPACINGS, READING_FONTS
from game.ui.screens.base import PageScreen
from game.ui.screens.dialog import MessageDialog
from game.ui.widgets import Button

LABELS = {
    "serif": N_("Serif (Noto Serif)"),
    "sans": N_("Sans (DejaVu Sans)"),
    "normal": N_("Normal"),
    "relaxed": N_("Relaxed"),
    "wide": N_("Wide"),
}


def key_label(name: str) -> str:
    """A key as printed on it: "V", "F2", "Right Shift"."""
    return name.upper() if len(name) == 1 else name.title()


def access_rows(screen) -> list[Button]:
    """The rows the Settings screen adds for these options."""
    from game.ui.screens.settings import SettingRow  # the settings screen imports this module

    app = screen.app
    s = lambda: app.settings  # noqa: E731 - read fresh after every change

    def cycler(name: str, options: tuple[str, ...]) -> Callable[[int], None]:
        return lambda step: app.change_settings(
            **{name: settings_store.cycle(options, getattr(s(), name), step)}
        )

    def spoken_value() -> str:
        if not app.narrator.available:
            return _("No speech engine")
        return _("On") if s().read_aloud else _("Off")

    return [
        SettingRow(_("Read aloud"), spoken_value, lambda step: app.narrator.toggle()),
        SettingRow(_("Reading font"), lambda: _(LABELS[s().reading_font]),
                   cycler("reading_font", READING_FONTS)),
        SettingRow(_("Line spacing"), lambda: _(LABELS[s().line_spacing]),
                   cycler("line_spacing", tuple(LINE_SPACINGS))),
        KeysButton(app),
    ]  # fmt: skip


class KeysButton(Button):
    """Opens the Keys screen; its second line shows the keys bound now."""

    def __init__(self, app) -> None:
        super().__init__(_("Keys"), lambda: app.push(KeysScreen(app)), align="left", quiet=True)
        self.app = app

    @property
    def note(self) -> str:
        return ", ".join(key_label(k) for k in keys.bindings(self.app.settings.keys).values())

    @note.setter
    def note(self, _value: str | None) -> None:
        """The note always follows the settings."""


class KeysScreen(PageScreen):
    """One row per action; choosing a row waits for the key to give it (Escape cancels)."""

    def __init__(self, app) -> None:
        super().__init__(app)
        from game.ui.screens.settings import SettingRow

        self.capturing: str | None = None  # the action waiting for its new key
        self.cards = [
            SettingRow(_(what), self._shown(action), self._capture(action))
            for action, (_default, what) in keys.ACTIONS.items()
        ]
        self.reset = Button(_("Default keys"), self.defaults)
        self.group.set([*self.cards, self.reset, self.back_button])
        self.group.focus = 0

    @property
    def captures_keys(self) -> bool:
        return self.capturing is not None

    def title(self) -> str:
        return _("Keys")

    def empty_text(self) -> str:
        return ""

    def bottom_buttons(self) -> list[Button]:
        return [self.reset, self.back_button]

    def _shown(self, action: str) -> Callable[[], str]:
        def value() -> str:
            if self.capturing == action:
                return _("Press a key…")
            return key_label(keys.bindings(self.app.settings.keys)[action])

        return value

    def _capture(self, action: str) -> Callable[[int], None]:
        def capture(_step: int) -> None:
            self.capturing = action

        return capture

    def defaults(self) -> None:
        self.capturing = None
        self.app.change_settings(keys=())

    def key(self, event: pygame.event.Event) -> None:
        if self.capturing is None:
            if event.key not in (pygame.K_LEFT, pygame.K_RIGHT):  # a row has no values to step
                super().key(event)
            return
        action, self.capturing = self.capturing, None
        if event.key == pygame.K_ESCAPE:
            return
        self.bind(action, pygame.key.name(event.key))

    def bind(self, action: str, name: str) -> None:
        """Give `action` the key `name`, or say why not."""
        current = self.app.settings.keys
        taken = keys.refusal(current, action, name)
        if taken == "reserved":
            self.app.push(MessageDialog(self.app, _("That key cannot be changed"), _(
                "{key} moves, chooses or goes back on every screen. Choose another key."
            ).format(key=key_label(name))))  # fmt: skip
        elif taken:
            self.app.push(MessageDialog(self.app, _("That key is taken"), _(
                "{key} already does “{action}”. Choose another key, or give that one "
                "a new key first."
            ).format(key=key_label(name), action=_(keys.ACTIONS[taken][1]))))  # fmt: skip
        else:
            self.app.change_settings(keys=keys.rebind(current, action, name))
