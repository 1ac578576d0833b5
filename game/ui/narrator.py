"""Reading aloud: speaks each screen as it opens and each focus move, through a Speaker."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from game.i18n import _, current_language
from game.ui import spoken
from game.ui.screen import Screen

if TYPE_CHECKING:
    from game.speech import Speaker


class Narrator:
    """Watches the top screen once per update and says what changed; the newest utterance
    always cuts the last, so speech stops as soon as the player moves on."""

    def __init__(self, app, make_speaker: Callable[[], Speaker]) -> None:
        self.app = app
        # The engine is looked for when first needed (Read aloud on, or its setting shown):
        # finding it and importing the engines would otherwise delay the first frame.
        self._make_speaker = make_speaker
        self._speaker: Speaker | None = None
        self._page: tuple | None = None  # (screen, page shown) last announced
        self._focus = ""
        self._prefix = ""  # said before the next announcement ("Read aloud on")
        self._read: weakref.WeakKeyDictionary[Screen, object] = weakref.WeakKeyDictionary()

    @property
    def speaker(self) -> Speaker:
        if self._speaker is None:
            self._speaker = self._make_speaker()
        return self._speaker

    @speaker.setter
    def speaker(self, speaker: Speaker) -> None:
        self._speaker = speaker

    @property
    def available(self) -> bool:
        return self.speaker.available

    @property
    def on(self) -> bool:
        return self.app.settings.read_aloud and self.speaker.available

    def tick(self) -> None:
        """Announce a new screen or page, then the focused item if it changed."""
        if not self.on or not self.app.stack:
            return
        screen = self.app.screen
        if getattr(screen, "_note_due", False):
            return  # the content note comes first; the page is read once it is dismissed
        page = (screen, getattr(screen, "shown", None))
        parts, self._prefix = [self._prefix], ""
        if page != self._page:
            self._page, self._focus = page, ""
            seen = self._read.get(screen, None) == page[1] and screen in self._read
            parts.append(spoken.return_text(screen) if seen else spoken.screen_text(screen))
            self._read[screen] = page[1]
        focus = spoken.focus_text(screen)
        if focus and focus != self._focus:
            parts.append(focus)
        self._focus = focus
        text = spoken.PAUSE.join(p for p in parts if p)
        if text:
            self.say(text)

    def say(self, text: str) -> None:
        self.speaker.speak(text, current_language())

    def repeat(self) -> None:
        """Read the whole screen again (the R key, a gamepad's Y)."""
        if self.on:
            self._read.pop(self.app.screen, None)
            self._page = None

    def toggle(self) -> None:
        """Reading aloud on or off (the V key); says why not when there is no engine."""
        if not self.available:
            self.explain_missing()
            return
        on = not self.app.settings.read_aloud
        self.app.change_settings(read_aloud=on)
        self._page, self._focus = None, ""
        if on:
            self._read.pop(self.app.screen, None)
            self._prefix = _("Read aloud on")
        else:
            self.say(_("Read aloud off"))

    def explain_missing(self) -> None:
        from game.ui.screens.dialog import MessageDialog

        self.app.push(MessageDialog(self.app, _("Read aloud is not available"), _(
            "No speech engine was found on this computer. On Linux, install espeak-ng "
            "(sudo apt install espeak-ng); Windows and macOS have one built in.")))  # fmt: skip

    def close(self) -> None:
        if self._speaker is not None:
            self._speaker.close()
