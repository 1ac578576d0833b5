"""The timeline: documented events witnessed so far, in date order, each opening its card."""

from __future__ import annotations

from game.i18n import _
from game.labels import when_text
from game.ui.kit import Kit
from game.ui.screens.base import PageScreen
from game.ui.screens.card import EventCard
from game.ui.widgets import Card


class TimelineScreen(PageScreen):
    """One card per event, oldest first."""

    def __init__(self, app) -> None:
        super().__init__(app)
        story = app.story
        seen = dict.fromkeys(app.profile.events)
        if app.session is not None:
            seen.update(dict.fromkeys(app.session.pt.events_witnessed()))
        events = sorted((story.events[e] for e in seen if e in story.events), key=lambda e: e.date)
        self.cards = [Card(self._blocks(e), self._open(e.id)) for e in events]
        self.group.set([*self.cards, self.back_button])

    def title(self) -> str:
        return _("Timeline")

    def empty_text(self) -> str:
        return _("No events yet. Documented events appear here as your story passes through them.")

    def _blocks(self, event):
        place = self.app.story.places.get(event.place) if event.place else None

        def blocks(kit: Kit):
            line = " · ".join(p for p in (when_text(event), place.name if place else "") if p)
            return [kit.block("italic", line), kit.block("strong", event.title)]

        return blocks

    def _open(self, event_id: str):
        return lambda: self.app.push(EventCard(self.app, event_id))
