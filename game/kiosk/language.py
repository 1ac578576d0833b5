"""Choosing a language: each one offered, written in its own name and script, without flags."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.i18n import N_, in_each, in_language, language_name
from game.kiosk.pages import MenuScreen, TallButton

if TYPE_CHECKING:
    from game.kiosk.app import KioskApp

CHOOSE = N_("Choose a language")


class LanguageScreen(MenuScreen):
    """One large button per language; the choice sets the interface and the story's language."""

    app: KioskApp  # typed for the checker: these screens run only in the kiosk

    def __init__(self, app) -> None:
        super().__init__(app)
        self.cards = [TallButton(language_name(code), self._choose(code))
                      for code in app.config.languages]  # fmt: skip
        self.group.set([*self.cards, self.back_button])
        self.heading = " · ".join(in_each(app.config.languages, CHOOSE))

    def title(self) -> str:
        kit = self.kit
        if kit.font("heading").size(self.heading)[0] <= kit.size[0] - kit.px(80):
            return self.heading
        return in_language(self.app.language, CHOOSE)  # too many languages for one line

    def _choose(self, code: str):
        def choose() -> None:
            self.app.choose_language(code)
            from game.kiosk.play import KioskPerspectivesScreen

            self.app.push(KioskPerspectivesScreen(self.app))

        return choose
