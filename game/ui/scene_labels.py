"""What a scene tells before its text: who in it is real, and the content note shown before it."""

from __future__ import annotations

from game.engine.crossref import people_by_kind, scene_people
from game.i18n import _
from game.labels import people_group, scene_warning_text
from game.ui.kit import Kit
from game.ui.screens.dialog import MessageDialog
from game.ui.textlayout import Block, Piece

SEPARATOR = "  ·  "


def people_block(kit: Kit, story, scene) -> Block | None:
    """'In this scene: Kurshirmat — documented · Zulfiya, Tohir — fictional', or None.

    Names in the text colour and each kind in the link colour, so the label reads at a glance
    without shouting over the scene's title."""
    groups = people_by_kind(scene_people(story, scene))
    if not groups:
        return None
    pal = kit.palette
    lead, names, kind = (
        kit.style("small"),
        kit.style("small", pal.text),
        kit.style("small", pal.link),
    )
    pieces = [Piece(_("In this scene:") + " ", lead)]
    for n, (k, people) in enumerate(groups):
        if n:
            pieces.append(Piece(SEPARATOR, lead))
        before, _mark, after = people_group(k, len(people)).partition("{names}")
        if before:
            pieces.append(Piece(before, kind))
        pieces.append(Piece(", ".join(p.name for p in people), names))
        # A no-break space before the dash: the kind never starts a line on its own.
        pieces.append(Piece(after.replace(" —", "\u00a0—", 1), kind))
    return tuple(pieces)


class ContentNoteDialog(MessageDialog):
    """The content note shown before a scene that has warnings; Continue (or Enter) reads on."""

    holds_time = True  # the time read is not counted while the note waits

    def __init__(self, app, tags: tuple[str, ...], hint: bool = True) -> None:
        super().__init__(app, _("Content note"), scene_warning_text(tags), [_("Continue")])
        self.hint = _("You can turn these notes off in Settings.") if hint else ""

    def _pages(self, width: int, small: bool = False):
        kit = self.kit
        blocks = [
            kit.block("strong", self.heading),
            kit.block("ui" if small else "body", self.message),
        ]
        if self.hint:
            blocks.append(kit.block("small", self.hint))
        return kit.layouter.page(blocks, width, kit.palette.paper)


def wants_note(app, scene) -> bool:
    """Whether the content note comes before `scene`: it has warnings and the player keeps them."""
    return bool(scene.warnings) and app.settings.content_warnings
