"""The title screen: Continue, New story, Load, Settings, Codex, Timeline, Quit."""

from __future__ import annotations

import pygame

from game import saves
from game.engine import SaveError
from game.i18n import _
from game.ui.ornament import draw_rule, draw_star
from game.ui.screen import Screen
from game.ui.widgets import Button


class TitleScreen(Screen):
    """The first screen; everything else is opened from here and comes back here."""

    _pictured = False  # whether the perspectives' pictures were in the last frame

    def layout(self) -> None:
        self._build()
        kit = self.kit
        w, h = kit.size
        width = kit.px(330)
        heights = [b.fit(kit, width) for b in self.group.buttons]
        gap = kit.px(12)
        top = max(int(h * 0.42), h - kit.px(40) - sum(heights) - gap * len(heights))
        if top + sum(heights) + gap * len(heights) > h - kit.px(20):
            self._two_columns(width, max(heights), gap)  # large text: the column would not fit
            return
        for button in self.group.buttons:
            button.rect.topleft = ((w - width) // 2, top)
            top += button.rect.height + gap

    def _two_columns(self, width: int, height: int, gap: int) -> None:
        """The buttons in two columns, in reading order row by row, above the bottom edge."""
        w, h = self.kit.size
        rows = (len(self.group.buttons) + 1) // 2
        top = h - self.kit.px(40) - rows * (height + gap)
        left = (w - 2 * width - gap) // 2
        for i, button in enumerate(self.group.buttons):
            button.rect.size = (width, height)
            button.rect.topleft = (left + (i % 2) * (width + gap), top + (i // 2) * (height + gap))

    def on_show(self) -> None:
        self.layout()  # Continue appears once there is an autosave

    def _build(self) -> None:
        buttons = []
        if saves.inspect(saves.AUTOSAVE, self.app.story_outline).usable:
            buttons.append(Button(_("Continue"), self.continue_game))
        buttons += [
            Button(_("New story"), self.new_story),
            Button(_("Load"), self.load),
            Button(_("Settings"), self.settings),
            Button(_("Codex"), self.codex),
            Button(_("Timeline"), self.timeline),
            Button(_("Quit"), self.app.quit),
        ]
        focus = self.group.focus
        self.group.set(buttons)
        self.group.focus = focus if focus is not None and focus < len(buttons) else None

    def continue_game(self) -> None:
        from game.ui.session import Session

        try:
            self.app.start_session(
                Session.load(self.app.story, saves.AUTOSAVE, self.app.profile, self.app.clock)
            )
        except SaveError as exc:
            from game.ui.screens.dialog import MessageDialog

            self.app.push(MessageDialog(self.app, _("The autosave cannot be loaded."), exc.message))

    def new_story(self) -> None:
        from game.ui.screens.content_note import ContentNoteScreen
        from game.ui.screens.perspectives import PerspectivesScreen

        if self.app.profile.content_note_seen:
            self.app.push(PerspectivesScreen(self.app))
        else:
            self.app.push(ContentNoteScreen(self.app))

    def load(self) -> None:
        from game.ui.screens.saves import SavesScreen

        self.app.push(SavesScreen(self.app, mode="load"))

    def settings(self) -> None:
        from game.ui.screens.settings import SettingsScreen

        self.app.push(SettingsScreen(self.app))

    def codex(self) -> None:
        from game.ui.screens.codex import CodexScreen

        self.app.push(CodexScreen(self.app))

    def timeline(self) -> None:
        from game.ui.screens.timeline import TimelineScreen

        self.app.push(TimelineScreen(self.app))

    def back(self) -> None:
        """Escape on the title does nothing: quitting takes a deliberate choice."""

    def update(self, now: float) -> bool:
        # The story is read after the first frame; its pictures follow as soon as it is there.
        if not self._pictured and self.app.story_ready:
            self.app.redraw()
        return False

    def draw(self, surf: pygame.Surface) -> None:
        kit = self.kit
        surf.blit(self.app.backdrop(), (0, 0))
        w = kit.size[0]
        first = self.group.buttons[0].rect.top
        title = kit.label("title", self.app.story_outline.title)
        center_y = kit.px(40) + (first - kit.px(40)) // 2
        rect = title.get_rect(center=(w // 2, center_y - kit.px(10)))
        surf.blit(title, rect)
        star_r = kit.px(22)
        draw_star(surf, (w // 2, rect.top - star_r - kit.px(8)), star_r, kit.palette.ornament,
                  fill=kit.palette.ornament2, width=max(1, kit.px(2)))  # fmt: skip
        draw_rule(surf, (w // 2, rect.bottom + kit.px(14)), min(rect.width // 2, kit.px(260)), kit)
        self._pictured = self.app.story_ready
        if self._pictured:
            from game.ui.art.cards import draw_title_pictures  # the first frame does not wait

            buttons = [b.rect for b in self.group.buttons]  # one column or two
            draw_title_pictures(surf, self.app, buttons[0].unionall(buttons[1:]))
        super().draw(surf)
