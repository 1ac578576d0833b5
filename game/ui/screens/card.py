"""Overlay cards: a codex term, and "What really happened" for a documented event."""

from __future__ import annotations

import pygame

from game.engine.crossref import also_lived_by, find_person
from game.engine.model import Scene, Source
from game.i18n import _
from game.labels import also_lived_text, kind_label, when_text
from game.ui.ornament import draw_panel
from game.ui.screens.base import Overlay
from game.ui.textlayout import Block, Piece
from game.ui.widgets import Button, Scroller


def source_text(src: Source) -> str:
    year = str(src.year) if src.year else None
    return ", ".join(p for p in (src.author, src.title, src.kind, year) if p)


class CardScreen(Overlay):
    """A framed card of text over the dimmed screen; scrolls when it is taller than the window."""

    opening_sound = "card"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.scroller = Scroller()
        self.close = Button(_("Close"), self.dismiss)
        self.rect = self.view = pygame.Rect(0, 0, 0, 0)

    def blocks(self) -> list[Block]:
        raise NotImplementedError

    def links(self) -> list[Button]:
        """Extra buttons under the text (related terms)."""
        return []

    def panel_rect(self) -> pygame.Rect:
        return self.rect

    def layout(self) -> None:
        kit = self.kit
        w, h = kit.size
        pad = kit.px(32)
        width = min(kit.measure(chars=60) + 2 * pad, w - kit.px(80))
        inner = width - 2 * pad
        self.page = kit.layouter.page(self.blocks(), inner, kit.palette.paper, gap=0.5)
        links = self.links()
        self.group.set([*links, self.close])
        buttons_h = self._place_buttons(links, inner)
        height = min(h - kit.px(60), pad + self.page.height + kit.px(20) + buttons_h + pad)
        self.rect = pygame.Rect((w - width) // 2, (h - height) // 2, width, height)
        view_h = height - 2 * pad - buttons_h - kit.px(20)
        self.view = pygame.Rect(self.rect.x + pad, self.rect.y + pad, inner, view_h)
        self.scroller.set(self.page.height, view_h)
        self._move_buttons(self.rect.bottom - pad - buttons_h)

    def _place_buttons(self, links: list[Button], inner: int) -> int:
        """Flow the link buttons in rows above Close; returns the height they take."""
        kit = self.kit
        gap = kit.px(10)
        x = y = 0
        row_h = 0
        for button in links:
            width = min(inner, kit.font("button").size(button.label)[0] + kit.px(36))
            button.fit(kit, width)
            if x and x + width > inner:
                x, y = 0, y + row_h + gap
            button.rect.topleft = (x, y)
            x += width + gap
            row_h = max(row_h, button.rect.height)
        if links:
            y += row_h + gap
        self.close.fit(kit, kit.px(180))
        self.close.rect.topleft = ((inner - self.close.rect.width) // 2, y + kit.px(6))
        return self.close.rect.bottom

    def _move_buttons(self, top: int) -> None:
        for button in self.group.buttons:
            button.rect.move_ip(self.view.x, top)

    def scroll(self, dy: int) -> None:
        self.scroller.by(dy)

    def key(self, event: pygame.event.Event) -> None:
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            sign = 1 if event.key == pygame.K_PAGEDOWN else -1
            self.scroller.by(sign * self.view.height * 4 // 5)
        else:
            super().key(event)

    def draw(self, surf: pygame.Surface) -> None:
        self.shade(surf)
        draw_panel(surf, self.rect, self.kit)
        self.page.draw(surf, self.view, self.scroller.offset)
        self.scroller.draw_bar(surf, self.view, self.kit)
        super().draw(surf)


class TermCard(CardScreen):
    """One codex term: its title, text, related terms and sources."""

    def __init__(self, app, term_id: str) -> None:
        self.term = app.story.terms[term_id]
        super().__init__(app)

    def blocks(self) -> list[Block]:
        kit, story = self.kit, self.app.story
        out = [kit.block("ui_muted", _("Codex")), kit.block("heading", self.term.title),
               kit.block("body", self.term.text)]  # fmt: skip
        sources = [story.sources[s] for s in self.term.sources if s in story.sources]
        if sources:
            out.append(kit.block("strong", _("Sources")))
            out += [kit.block("small", source_text(s)) for s in sources]
        return out

    def links(self) -> list[Button]:
        terms = self.app.story.terms
        return [
            Button(terms[t].title, self._open(t), quiet=True) for t in self.term.see if t in terms
        ]

    def _open(self, term_id: str):
        return lambda: self.app.switch(TermCard(self.app, term_id))


class EventCard(CardScreen):
    """What really happened: date, place, summary, sources, and who in the scene is real."""

    def __init__(self, app, event_id: str, scene: Scene | None = None) -> None:
        self.event = app.story.events[event_id]
        self.scene = scene
        super().__init__(app)

    def blocks(self) -> list[Block]:
        kit, story, event = self.kit, self.app.story, self.event
        out = [kit.block("ui_muted", _("What really happened")), kit.block("heading", event.title)]
        out.append(
            kit.block("italic", " · ".join(p for p in (when_text(event), self._place()) if p))
        )
        out.append(kit.block("body", event.summary))
        if event.date_note:
            out.append(kit.block("italic", event.date_note))
        out += self._also_lived()  # beside the summary: the same events, from another side
        sources = [story.sources[s] for s in event.sources if s in story.sources]
        if sources:
            out.append(kit.block("strong", _("Sources")))
            out += [kit.block("small", source_text(s)) for s in sources]
        ids = self.scene.people if self.scene else event.people
        people = [p for p in (find_person(story, pid) for pid in ids) if p is not None]
        if people:
            head = _("People in this scene") if self.scene else _("People")
            out.append(kit.block("strong", head))
            out += [kit.block("body", self._person(p)) for p in people]
        return out

    def _also_lived(self) -> list[Block]:
        """'Also lived by: the Khivan refugee, in *Scene*' for each finished perspective."""
        here = self.scene.perspective if self.scene else ""
        witnesses = also_lived_by(
            self.app.story, self.event.id, here, self.app.profile.finished_perspectives()
        )
        if not witnesses:
            return []
        kit = self.kit
        out = [kit.block("strong", _("Also lived by"))]
        for w in witnesses:
            before, title, after = also_lived_text(w.perspective.title, w.scene.title)
            body, emphasis = kit.style("body"), kit.style("emphasis")
            out.append(tuple(Piece(t, st) for t, st in ((before, body), (title, emphasis),
                                                          (after, body)) if t))  # fmt: skip
        return out

    def _place(self) -> str:
        place = self.app.story.places.get(self.event.place) if self.event.place else None
        if place is None or not place.fictional:
            return place.name if place else ""
        # Outside the f-string: Babel finds _() inside one only on Python 3.12+ (PEP 701).
        invented = _("a place invented for this story")
        return f"{place.name} ({invented})"

    @staticmethod
    def _person(person) -> str:
        text = f"{person.name} — {kind_label(person.kind)}"
        return f"{text}. {person.role}" if person.role else text
