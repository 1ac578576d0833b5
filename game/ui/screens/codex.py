"""The codex: every term met so far, each opening its card."""

from __future__ import annotations

from game.i18n import _
from game.ui.kit import Kit
from game.ui.screens.base import PageScreen
from game.ui.screens.card import TermCard
from game.ui.widgets import Card

EXCERPT_CHARS = 110


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of a text, cut at a word, for a one-line preview."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


class CodexScreen(PageScreen):
    """Terms met in any playthrough, alphabetical, as cards."""

    def __init__(self, app) -> None:
        super().__init__(app)
        story = app.story
        met = dict.fromkeys(app.profile.terms)
        if app.session is not None:
            met.update(dict.fromkeys(app.session.pt.terms_met()))
        terms = sorted((story.terms[t] for t in met if t in story.terms), key=lambda t: t.title)
        self.cards = [Card(self._blocks(t), self._open(t.id)) for t in terms]
        self.group.set([*self.cards, self.back_button])

    def title(self) -> str:
        return _("Codex")

    def columns(self) -> int:
        return 2 if self.view.width >= self.kit.px(760) else 1

    def panel_width(self) -> int:
        return min(self.kit.size[0] - self.kit.px(120), self.kit.px(1000))

    def empty_text(self) -> str:
        return _("No terms yet. Words marked in the story are collected here as you meet them.")

    def _blocks(self, term):
        def blocks(kit: Kit):
            return [kit.block("strong", term.title), kit.block("small", excerpt(term.text))]

        return blocks

    def _open(self, term_id: str):
        return lambda: self.app.push(TermCard(self.app, term_id))
