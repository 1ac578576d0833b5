"""Saving and loading: six slots and the autosave, with damaged or outdated saves shown as such."""

from __future__ import annotations

from game import saves
from game.engine import SaveError
from game.i18n import _
from game.saves import SlotInfo
from game.ui.kit import Kit
from game.ui.screens.base import PageScreen
from game.ui.screens.dialog import MessageDialog, confirm
from game.ui.session import Session
from game.ui.textlayout import Piece
from game.ui.widgets import Card


def played_text(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 60:
        return _("{minutes} min played").format(minutes=max(1, minutes))
    return _("{hours} h {minutes} min played").format(hours=minutes // 60, minutes=minutes % 60)


def slot_name(slot: str) -> str:
    return _("Autosave") if slot == saves.AUTOSAVE else _("Slot {n}").format(n=slot)


class SavesScreen(PageScreen):
    """mode="save" writes into a slot (asking before replacing one); mode="load" restores."""

    def __init__(self, app, mode: str) -> None:
        super().__init__(app)
        self.mode = mode
        self.refresh()

    def title(self) -> str:
        return _("Save the game") if self.mode == "save" else _("Load a game")

    def columns(self) -> int:
        return 2 if self.view.width >= self.kit.px(760) else 1

    def panel_width(self) -> int:
        return min(self.kit.size[0] - self.kit.px(120), self.kit.px(1000))

    def refresh(self) -> None:
        infos = saves.list_slots(self.app.story)
        if self.mode == "save":
            infos = [i for i in infos if i.slot != saves.AUTOSAVE]
        self.cards = [Card(self._blocks(i), self._pick(i), enabled=self._enabled(i)) for i in infos]
        self.group.set([*self.cards, self.back_button])
        if self.view.width:
            self.layout()

    def _enabled(self, info: SlotInfo) -> bool:
        return self.mode == "save" or info.status != "empty"

    def _blocks(self, info: SlotInfo):
        def blocks(kit: Kit):
            pal = kit.palette
            name = Piece(slot_name(info.slot) + "   ", kit.style("strong"))
            if info.status == "empty":
                return [(name, Piece(_("Empty"), kit.style("italic")))]
            if info.status in ("damaged", "incompatible"):
                label = _("Damaged save") if info.status == "damaged" else _("Older story")
                out: list[tuple[Piece, ...]] = [(name, Piece(label, kit.style("ui", pal.danger)))]
                out.append(kit.block("small", info.problem or "", pal.danger))
            else:
                when = info.saved_at.strftime("%Y-%m-%d %H:%M") if info.saved_at else ""
                out = [(name, Piece(when, kit.style("small")))]
            if info.perspective_title:
                out.append(kit.block("ui", f"{info.perspective_title} — {info.scene_title}"))
            if info.usable:
                out.append(kit.block("small", played_text(info.time_played)))
            return out

        return blocks

    def _pick(self, info: SlotInfo):
        return lambda: self.save_to(info) if self.mode == "save" else self.load_from(info)

    # -- saving
    def save_to(self, info: SlotInfo) -> None:
        if info.status == "empty":
            self._write(info.slot)
        elif info.status == "ok":
            confirm(self.app, _("Replace {slot}?").format(slot=slot_name(info.slot)),
                    _("The game saved there will be lost."), _("Replace"),
                    lambda: self._write(info.slot))  # fmt: skip
        else:
            confirm(self.app, _("{slot} holds a damaged save").format(slot=slot_name(info.slot)),
                    _("It cannot be loaded: {problem} Saving here deletes it for good.").format(
                        problem=info.problem or ""),
                    _("Overwrite"), lambda: self._write(info.slot))  # fmt: skip

    def _write(self, slot: str) -> None:
        assert self.app.session is not None  # saving is offered only while a story is in play
        try:
            self.app.session.save(slot)
        except OSError as exc:
            self.app.push(MessageDialog(self.app, _("The game could not be saved."), str(exc)))
            return
        self.dismiss("saved")

    # -- loading
    def load_from(self, info: SlotInfo) -> None:
        app = self.app
        if info.status in ("damaged", "incompatible"):
            app.push(MessageDialog(app, _("This save cannot be loaded."), info.problem or ""))
            return
        try:
            session = Session.load(app.story, info.slot, app.profile, app.clock)
        except SaveError as exc:
            app.push(MessageDialog(app, _("This save cannot be loaded."), exc.message))
            self.refresh()
            return
        app.start_session(session)
