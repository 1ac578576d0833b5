"""A short column of large buttons in the middle of the screen (the language and staff menus)."""

from __future__ import annotations

from game.ui.screens.base import PageScreen
from game.ui.widgets import Button


class TallButton(Button):
    """A tall target: the first things a visitor or a technician touches are the easiest to hit."""

    def _pad(self, kit) -> tuple[int, int]:
        return kit.px(24), kit.px(20)


class MenuScreen(PageScreen):
    """A heading, a narrow panel of buttons and Back, sitting mid-screen rather than at the top."""

    def panel_width(self) -> int:
        return min(self.kit.size[0] - self.kit.px(120), self.kit.px(560))

    def _heading_top(self) -> int:
        return max(self.kit.px(36), self.kit.size[1] // 6)
