"""The scene: header, typewriter text with codex links, choices, and the history card button."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Self

import pygame

from game.engine.expr import StoryRuntimeError
from game.engine.text import Paragraph
from game.i18n import _, current_language
from game.labels import format_date
from game.ui import focusring
from game.ui.art.scene_picture import ScenePicture
from game.ui.kit import Kit
from game.ui.ornament import draw_rule
from game.ui.scene_labels import ContentNoteDialog, people_block, wants_note
from game.ui.screen import Screen
from game.ui.screens.backlog import BacklogScreen
from game.ui.screens.card import EventCard, TermCard
from game.ui.screens.codex import CodexScreen
from game.ui.screens.ending import EndingScreen
from game.ui.screens.map import MapScreen
from game.ui.screens.pause import PauseScreen
from game.ui.screens.saves import SavesScreen
from game.ui.textlayout import Block, Page, Piece
from game.ui.widgets import Button, Group, Scroller

if TYPE_CHECKING:
    from game.engine.runtime import Option, Peek

NUMBER_KEYS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)} | {
    getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)
}
SKIP_KEYS = (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER)
GLIDE_SECONDS = 0.35  # the scroll that brings the choices into view when the text ends
FLOW_BELOW = 0.45  # the header scrolls with the text when it would leave the text less of the panel


def paragraph_blocks(paragraphs: list[Paragraph], kit: Kit) -> list[Block]:
    """Engine paragraphs as styled blocks; link spans carry their term id for hit-testing."""
    body, link = kit.style("body"), kit.style("link")
    return [
        tuple(Piece(s.text, link if s.term else body, s.term) for s in p.spans) for p in paragraphs
    ]


def place_line(app, scene) -> str:
    """'June 1916 · Kokand' for the scene header."""
    parts = [format_date(scene.date)]
    place = app.story.places.get(scene.place) if scene.place else None
    if place is not None:
        parts.append(place.name)
    return " · ".join(p for p in parts if p)


class SceneScreen(Screen):
    """Shows the playthrough's current page and offers its choices."""

    cache_layer = True  # False composes every frame afresh (tests compare the two)
    opening_sound = "page"  # a story begun, continued or loaded

    def __init__(self, app) -> None:
        super().__init__(app)
        self.session = app.session
        self.tools = Group(
            [
                Button(_("History"), self.history, quiet=True),
                Button(_("Codex"), self.codex, quiet=True),
                Button(_("Map"), self.map, quiet=True),
                Button(_("Save"), self.save, quiet=True),
                Button(_("Menu"), self.pause, quiet=True),
            ]
        )
        self.event_button = Button(_("What really happened"), self.open_event, quiet=True)
        self.scroller = Scroller()
        self.panel = self.view = pygame.Rect(0, 0, 0, 0)
        self.page: Page | None = None
        self.flowing = False  # the header scrolls with the text (see _lay_out)
        self.head_chars = 0  # the header's characters at the top of a flowing page
        self.revealed = 0.0
        self.started = app.clock()
        self.hover_link: str | None = None
        self.shown = (-1, "")
        self._layer: pygame.Surface | None = None  # the last frame composed, once text is whole
        self._layer_key: tuple | None = None  # the state the layer shows
        self._seen_key: tuple | None = None  # the state last drawn without a layer
        self.layer_builds = 0  # how often the layer was composed (tests check it is reused)
        self.people_page: Page | None = None  # "In this scene: … — documented" under the place
        self.focus_target: focusring.Target | None = None  # what Tab reached
        self._covered_at: float | None = None  # when a screen opened over this one
        self._note_due = False  # the content note still to show before this page
        self._glide: tuple[float, int, int] | None = None  # start time, from and to offsets
        self.picture = ScenePicture(self)
        self._ahead: list[int] = []  # the choices whose next page is still to prepare
        self.enter_page(animate=True)

    @property
    def pt(self):
        return self.session.pt

    def renewed(self) -> Self:
        """The same page in the new language, shown whole, scrolled where it was."""
        fresh = super().renewed()
        fresh.enter_page(animate=False)
        fresh.scroller.offset = self.scroller.offset
        fresh._covered_at = self._covered_at  # still under the settings that changed language
        return fresh

    # -- the page
    def enter_page(self, animate: bool) -> None:
        """Show the playthrough's current scene from the top, typing it out if `animate`."""
        self.shown = (self.pt.turn, self.pt.scene.id)
        self.started = self.app.clock()
        settings = self.app.settings
        # Reduced motion, and reading aloud (the voice reads the page), show it whole at once.
        typing = animate and settings.chars_per_second and not settings.reduced_motion
        typing = typing and not self.app.narrator.on
        self.revealed = 0.0 if typing else float("inf")
        self.scroller.offset = 0
        self.group.focus = self.tools.focus = None
        self.focus_target, self._glide = None, None
        self._note_due = animate and wants_note(self.app, self.pt.scene)
        self.layout()
        if typing:
            self.revealed = float(self.head_chars)  # a flowing header is not typed out
        self._ahead = list(range(len(self.pt.choices())))
        self.app.later(self._prepare_next)

    def _prepare_next(self) -> None:
        """After a frame, prepare the page one of the choices leads to, while the reader reads:
        its scene built, its picture painted, its text, header and buttons laid out and
        rendered. One choice a frame, so a typing page keeps its pace; the click that follows
        finds its page ready and only draws it."""
        while self._ahead:
            seen = self.pt.peek(self._ahead.pop(0))
            if seen is not None:
                self.picture.paint_ahead(seen.scene)
                self._render_ahead(seen)
                break
        if self._ahead:
            self.app.later(self._prepare_next)

    def _render_ahead(self, seen: Peek) -> None:
        """Lay out and render the pages `_lay_out` will ask for when `seen` is shown (the
        layouter keeps them, surfaces and all; a header that will scroll is not foreseen)."""
        kit, width = self.kit, self.view.width
        pages = [self._header_page("heading", seen.scene.title, width),
                 self._header_page("italic", place_line(self.app, seen.scene), width),
                 kit.layouter.page(paragraph_blocks(seen.paragraphs, kit), width,
                                   kit.palette.paper)]  # fmt: skip
        people = self._people_page(seen.scene, width)
        pages += [people] if people is not None else []
        for page in pages:
            page.render()
        for button in self._buttons_for(seen.scene.ending is not None, seen.options):
            button.render_ahead(kit, width)
        if seen.scene.event:
            self.event_button.render_ahead(kit, self._event_button_width(width))

    def _event_button_width(self, room: int) -> int:
        """The width of "What really happened": its label's, within `room`."""
        return min(self.kit.font("button").size(self.event_button.label)[0] + self.kit.px(40), room)

    @property
    def done(self) -> bool:
        return self.page is not None and self.revealed >= self.page.chars

    def complete(self) -> None:
        was_typing = not self.done
        self.revealed = float("inf")
        self.layout()
        if was_typing:
            self._bring_choices(self.app.clock())

    def _choice_buttons(self) -> list[Button]:
        return self._buttons_for(self.pt.is_over, self.pt.choices())

    def _buttons_for(self, over: bool, options: list[Option]) -> list[Button]:
        if over:
            return [Button(_("Continue"), self.to_ending, align="left")]
        if not options:
            return [Button(_("Back to the title"), self.app.home, align="left")]
        return [
            Button(opt.text, self._chooser(i), number=opt.number, align="left")
            for i, opt in enumerate(options)
        ]

    def _chooser(self, index: int):
        return lambda: self.choose(index)

    def choose(self, index: int) -> None:
        if not self.done:
            self.complete()  # the first press only finishes the text
            return
        self.app.sound.play("choose")  # before the autosave's disk write, to answer the press
        try:
            self.session.choose(index, self.app.later)  # its disk writes after the new frame
        except StoryRuntimeError as exc:  # the playthrough is back on this page, unchanged
            self.app.story_failed(exc)
            return
        self.enter_page(animate=True)

    # -- layout
    def layout(self) -> None:
        # Choices in view stay in view when the text size or the window changes.
        keep = self.done and bool(self.group.buttons) and self.view.colliderect(
            self.group.buttons[0].rect)  # fmt: skip
        self._lay_out()
        if keep:
            self._keep_choices_in_view()

    def _keep_choices_in_view(self) -> None:
        target = self._choices_target()
        if target is not None and target != self.scroller.offset:
            self.scroller.offset, self._glide = target, None
            self._place_choices()

    def _lay_out(self) -> None:
        kit = self.kit
        w, h = kit.size
        pad = kit.px(40)
        side = max(kit.px(190), self._tools_width() + kit.px(48))  # long labels widen the side
        width = min(kit.measure() + 2 * pad, w - 2 * side - kit.px(40))
        band = kit.px(14)
        self.panel = pygame.Rect((w - width) // 2, band + kit.px(18), width,
                                 h - 2 * band - kit.px(36))  # fmt: skip
        x, y = self.panel.x + pad, self.panel.y + kit.px(36)
        self.title_pos = (x, y)
        # A long title (Russian, Uzbek, the largest text) wraps inside the panel, as does the line.
        self.title_page = self._header_page("heading", self.pt.scene.title, width - 2 * pad)
        y += self.title_page.height
        self.line_pos = (x, y)
        self.line_page = self._header_page("italic", place_line(self.app, self.pt.scene),
                                           width - 2 * pad)  # fmt: skip
        y += max(self.line_page.height, kit.font("italic").get_linesize())
        y = self._layout_people(x, y, width - 2 * pad)
        if self.pt.scene.event:
            self.event_button.fit(kit, self._event_button_width(width - 2 * pad))
            self.event_button.rect.topleft = (x, y + kit.px(10))
            y = self.event_button.rect.bottom
        self.rule_y = y + kit.px(16)
        top = self.rule_y + kit.px(18)
        self.view = pygame.Rect(x, top, width - 2 * pad, self.panel.bottom - kit.px(28) - top)
        # A header that would leave the text too little room (long titles, many people, a small
        # window, Double text) scrolls away with the text instead of standing over it.
        self.flowing = self.view.height < self.panel.height * FLOW_BELOW
        head = self._head_blocks() if self.flowing else []
        if self.flowing:
            self.people_page = None
            top = self.panel.y + kit.px(28)
            self.view = pygame.Rect(x, top, width - 2 * pad, self.panel.bottom - kit.px(28) - top)
        blocks = head + paragraph_blocks(self.pt.paragraphs(), kit)
        self.page = kit.layouter.page(blocks, self.view.width, kit.palette.paper)
        heads = len(kit.layouter.page(head, self.view.width, kit.palette.paper).lines)
        self.head_chars = self.page.lines[heads - 1].end if head else 0
        self._layout_tools()
        self._layout_choices()
        self.picture.layout(
            self._side_page().height + self.panel.y + kit.px(24), self._header_room()
        )

    def _head_blocks(self) -> list[Block]:
        """The header as the first paragraphs of the page, for a header that scrolls."""
        kit = self.kit
        out = [kit.block("heading", self.pt.scene.title)]
        line = place_line(self.app, self.pt.scene)
        out += [kit.block("italic", line)] if line else []
        people = people_block(kit, self.app.story, self.pt.scene)
        return out + ([people] if people is not None else [])

    def _header_page(self, role: str, text: str, width: int) -> Page:
        return self.kit.layouter.page([self.kit.block(role, text)], width, self.kit.palette.paper)

    @property
    def title_rect(self) -> pygame.Rect:
        """Where the title's words are drawn, as wrapped (at the page's top when it scrolls)."""
        size = (_inked_width(self.title_page), self.title_page.height)
        if self.flowing:
            return pygame.Rect((self.view.x, self.view.y - self.scroller.offset), size)
        return pygame.Rect(self.title_pos, size)

    def _header_room(self) -> pygame.Rect:
        """The empty part of the header right of the title, date and button: the narrow picture."""
        kit = self.kit
        if self.flowing:
            return pygame.Rect(0, 0, 0, 0)  # no header beside which a picture could stand
        words = [_inked_width(self.title_page), _inked_width(self.line_page)]
        if self.pt.scene.event:
            words.append(self.event_button.rect.width)
        left = self.view.x + max(words) + kit.px(24)
        top = self.title_pos[1]
        return pygame.Rect(left, top, self.view.right - left, self.rule_y - kit.px(10) - top)

    def _layout_people(self, x: int, y: int, width: int) -> int:
        """Who in the scene is documented, composite or fictional, under its date and place."""
        self.people_page = self._people_page(self.pt.scene, width)
        if self.people_page is None:
            return y
        self.people_pos = (x, y + self.kit.px(4))
        return self.people_pos[1] + self.people_page.height

    def _people_page(self, scene, width: int) -> Page | None:
        block = people_block(self.kit, self.app.story, scene)
        return (
            None
            if block is None
            else self.kit.layouter.page([block], width, self.kit.palette.paper)
        )

    def _layout_tools(self) -> None:
        kit = self.kit
        x = self.panel.right + kit.px(24)
        width = min(self._tools_width(), kit.size[0] - x - kit.px(24))
        y = self.panel.y + kit.px(8)
        for button in self.tools.buttons:
            button.fit(kit, width)
            button.rect.topleft = (x, y)
            y += button.rect.height + kit.px(10)
        if self.flowing and self.pt.scene.event:  # under the tools while the header scrolls
            self.event_button.fit(kit, width)
            self.event_button.rect.topleft = (x, y + kit.px(8))

    def _tools_width(self) -> int:
        """Wide enough for every tool's label on one line (Справочник at the largest text)."""
        font = self.kit.font("button")
        widest = max(font.size(b.label)[0] for b in self.tools.buttons)
        return max(self.kit.px(170), widest + self.kit.px(40))

    @property
    def laid(self) -> Page:
        """The page as laid out (everything that draws or places runs after the layout)."""
        assert self.page is not None
        return self.page

    def _layout_choices(self) -> None:
        kit = self.kit
        buttons = self._choice_buttons() if self.done else []
        focus = self.group.focus
        self.group.set(buttons)
        self.group.focus = focus if focus is not None and focus < len(buttons) else None
        y = self.laid.height + kit.px(28)
        for button in buttons:
            button.fit(kit, self.view.width)
            button.rect.topleft = (self.view.x, self.view.y + y - self.scroller.offset)
            button.clip = self.view
            y += button.rect.height + kit.px(12)
        content = y - kit.px(12) + kit.px(8) if buttons else self.laid.height
        self.scroller.set(content, self.view.height)

    def _place_choices(self) -> None:
        """Move the choice buttons after a scroll without laying out again."""
        y = self.laid.height + self.kit.px(28)
        for button in self.group.buttons:
            button.rect.top = self.view.y + y - self.scroller.offset
            y += button.rect.height + self.kit.px(12)

    # -- time
    def update(self, now: float) -> bool:
        if self._covered_at is not None or self.page is None:
            return False  # behind a menu, a dialog or a card the page waits
        if self._note_due and self.app.screen is self:
            self._note_due = False
            self.app.push(ContentNoteDialog(self.app, self.pt.scene.warnings, self.note_hint))
            return False
        if self._glide is not None:
            return self._step_glide(now)
        if self.done:
            return False
        cps = self.app.settings.chars_per_second
        self.revealed = self.head_chars + (now - self.started) * cps if cps else float("inf")
        self.picture.phase = now - self.started  # the smoke moves while the text is typed
        if self.done:
            self._layout_choices()
            self._bring_choices(now)
        else:
            bottom = self.page.line_bottom(int(self.revealed))
            self.scroller.show(bottom - self.kit.font("body").get_linesize(), bottom)
        self.app.redraw()
        return not self.done

    note_hint = True  # the content note says where to turn such notes off (not in a kiosk)

    def _bring_choices(self, now: float) -> None:
        """Scroll so the choices (the first, at least) are in view now the text has ended:
        gliding there, or at once when the player asked for reduced motion."""
        target = self._choices_target()
        if target is None or target == self.scroller.offset:
            return
        if self.app.settings.reduced_motion:
            self.scroller.offset = target
            self._place_choices()
        else:
            self._glide = (now, self.scroller.offset, target)
        self.app.redraw()

    def _choices_target(self) -> int | None:
        """The least scroll that shows every choice (or the first, if they cannot all fit)."""
        buttons = self.group.buttons
        if not buttons:
            return None
        top = self.laid.height + self.kit.px(28)
        last = buttons[-1].rect.bottom - buttons[0].rect.top
        fits = last <= self.view.height
        bottom = top + (last if fits else buttons[0].rect.height)
        return min(self.scroller.limit, max(self.scroller.offset, bottom - self.view.height))

    def _step_glide(self, now: float) -> bool:
        assert self._glide is not None  # only called while gliding
        start, old, new = self._glide
        t = (now - start) / GLIDE_SECONDS
        self.scroller.offset = round(old + (new - old) * focusring.ease_out(t))
        self._place_choices()
        self.app.redraw()
        if t >= 1:
            self._glide = None
        return self._glide is not None

    def on_cover(self, above) -> None:
        """A screen opened over the page: the typewriter (and, behind a menu, the play time)
        stops until it closes."""
        if self._covered_at is None:
            self._covered_at = self.app.clock()
        if above.holds_time:
            self.session.hold()

    def _uncover(self) -> None:
        if self._covered_at is not None:
            away = self.app.clock() - self._covered_at
            self.started += away
            if self._glide is not None:
                self._glide = (self._glide[0] + away, *self._glide[1:])
            self._covered_at = None
        self.session.resume()

    def on_show(self) -> None:
        self._uncover()
        if self.shown != (self.pt.turn, self.pt.scene.id):
            self.enter_page(animate=False)  # came back from the history after going back
            self.app.sound.play("page")
        else:
            self.layout()

    # -- input
    def key(self, event: pygame.event.Event) -> None:
        key = event.key
        if key == pygame.K_ESCAPE:
            self.pause()
        elif not self.done and (key in SKIP_KEYS or key in NUMBER_KEYS):
            self.complete()
        elif key in NUMBER_KEYS:
            if NUMBER_KEYS[key] <= len(self.group.buttons):
                self.group.buttons[NUMBER_KEYS[key] - 1].action()
        elif key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.scroll(self.view.height * 4 // 5 * (1 if key == pygame.K_PAGEDOWN else -1))
        elif key == pygame.K_h:
            self.history()
        elif key == pygame.K_c:
            self.codex()
        elif key == pygame.K_m:
            self.map()
        elif key == pygame.K_SPACE:
            # Space reads on, and at the page's end does nothing: choosing is deliberate.
            self.scroll(self.view.height * 4 // 5)
        elif key == pygame.K_TAB:
            self.tab(-1 if event.mod & pygame.KMOD_SHIFT else 1)
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self._activate_target():
            return
        elif self.group.key(key):
            self.focus_target = (
                ("choice", self.group.focus) if self.group.focus is not None else None
            )
            self.tools.focus = None
            self._show_focus()

    # -- the keyboard's way through the page
    def targets(self) -> list[focusring.Target]:
        """What Tab reaches, in reading order: the history button, the codex links shown, the
        choices, then the tools beside the page."""
        out: list[focusring.Target] = [("event", 0)] if self.pt.scene.event else []
        shown = self.revealed if not self.done else float("inf")
        out += [("link", i) for i, (_r, _t, start) in enumerate(self.laid.links) if start < shown]
        out += [("choice", i) for i in range(len(self.group.buttons))]
        return out + [("tool", i) for i in range(len(self.tools.buttons))]

    def tab(self, direction: int) -> None:
        self.focus_target = focusring.step(self.targets(), self.focus_target, direction)
        kind, index = self.focus_target or ("", 0)
        self.group.focus = index if kind == "choice" else None
        self.tools.focus = index if kind == "tool" else None
        if kind == "link":
            rect = self.laid.links[index][0]
            if self.scroller.show(rect.top, rect.bottom):
                self._place_choices()
        self._show_focus()

    def _activate_target(self) -> bool:
        """Enter on a focused link, the history button or a tool; False for choices (the group
        activates those) and when nothing is focused."""
        kind, index = self.focus_target or ("", 0)
        if kind == "link":
            self.app.push(TermCard(self.app, self.laid.links[index][1]))
        elif kind == "event":
            self.open_event()
        elif kind == "tool":
            self.tools.buttons[index].action()
        return kind in ("link", "event", "tool")

    def _show_focus(self) -> None:
        button = self.group.focused()
        if button is not None:
            top = button.rect.top - self.view.y + self.scroller.offset
            if self.scroller.show(top, top + button.rect.height):
                self._place_choices()

    def scroll(self, dy: int) -> None:
        if self.scroller.by(dy):
            self._place_choices()

    def pointer_move(self, pos: tuple[int, int]) -> bool:
        changed = self.group.pointer_move(pos) | self.tools.pointer_move(pos)
        changed |= self.event_button_hover(pos)
        link = self._link_at(pos)
        if link != self.hover_link:
            self.hover_link = link
            _set_cursor(pygame.SYSTEM_CURSOR_HAND if link else pygame.SYSTEM_CURSOR_ARROW)
            changed = True
        return changed

    def event_button_hover(self, pos: tuple[int, int]) -> bool:
        lit = bool(self.pt.scene.event) and self.event_button.hit(pos)
        changed = lit != getattr(self, "_event_lit", False)
        self._event_lit = lit
        return changed

    def pointer_down(self, pos: tuple[int, int]) -> None:
        self.group.pointer_down(pos)
        self.tools.pointer_down(pos)
        self._down = pos

    def pointer_cancel(self) -> None:
        self.group.cancel()
        self.tools.cancel()

    def pointer_up(self, pos: tuple[int, int]) -> None:
        if self.group.pointer_up(pos) or self.tools.pointer_up(pos):
            return
        if self.pt.scene.event and self.event_button.hit(pos):
            self.open_event()
        elif self.view.collidepoint(pos) and not self.done:
            self.complete()
        elif (term := self._link_at(pos)) is not None:
            self.app.push(TermCard(self.app, term))

    def link_reach(self) -> int:
        """How far from a link's word a press still opens it: at a desk, only on the word."""
        return 0

    def _link_at(self, pos: tuple[int, int]) -> str | None:
        reach = self.link_reach()  # the margins beside the text are the page's too
        if self.page is None or not self.view.inflate(2 * reach, 0).collidepoint(pos):
            return None
        local = (pos[0] - self.view.x, pos[1] - self.view.y + self.scroller.offset)
        return self.page.link_at(local, int(min(self.revealed, self.page.chars)), reach)

    # -- actions
    def history(self) -> None:
        self.app.push(BacklogScreen(self.app))

    def codex(self) -> None:
        self.app.push(CodexScreen(self.app))

    def map(self) -> None:
        self.app.push(MapScreen(self.app))

    def save(self) -> None:
        self.app.push(SavesScreen(self.app, mode="save"))

    def pause(self) -> None:
        self.app.push(PauseScreen(self.app))

    def open_event(self) -> None:
        if self.pt.scene.event:
            self.app.push(EventCard(self.app, self.pt.scene.event, self.pt.scene))

    def to_ending(self) -> None:
        self.app.switch(EndingScreen(self.app))

    # -- drawing
    def draw(self, surf: pygame.Surface) -> None:
        """The scene; a state drawn again (its text whole) is a copy of its composed layer."""
        if not self._layer_fits(surf):
            self.compose(surf)  # while typing every frame differs: nothing to keep
            return
        key = self._layer_state(surf)
        if key != self._layer_key:
            if key != self._seen_key:
                # Many states are drawn once (a hover passing by): those go straight to the
                # window, as composing a layer first would cost one more full-screen blit.
                self._seen_key = key
                self.compose(surf)
                return
            self._build_layer(surf, key)
        if self._layer is not None:  # built just now, or kept from the frame before
            surf.blit(self._layer, (0, 0))

    def _build_layer(self, surf: pygame.Surface, key: tuple) -> None:
        """Compose the scene as `key` describes it into the kept layer."""
        self._layer = self._layer_for(surf)
        self.compose(self._layer)
        self._layer_key = key
        self.layer_builds += 1

    def _layer_fits(self, surf: pygame.Surface) -> bool:
        """Whether a composed layer can stand in for drawing onto `surf` directly."""
        # A clip on the target would not reach the buttons (Group.draw sets its own), and a
        # window not yet matched to the kit's size would keep stale pixels outside the backdrop.
        unclipped = surf.get_clip() == surf.get_rect()
        return self.cache_layer and self.done and unclipped and surf.get_size() == self.kit.size

    def _layer_for(self, surf: pygame.Surface) -> pygame.Surface:
        """A surface to compose on: the old one when it still has the target's size and format."""
        old = self._layer
        if old is not None and _format(old) == _format(surf):
            return old
        return pygame.Surface(surf.get_size(), 0, surf)

    def _layer_state(self, surf: pygame.Surface) -> tuple:
        """Everything compose() reads, as plain values; the layer is good while this is equal."""
        kit, pt, scroller = self.kit, self.pt, self.scroller
        return (
            _format(surf), kit.size, kit.scale, kit.text_scale, kit.min_px, kit.palette,
            current_language(), tuple(self.panel), tuple(self.view), self.title_pos, self.title_page,
            self.line_pos, self.rule_y, self.page, scroller.offset, scroller.content,
            scroller.view, self.hover_link, pt.scene.title, place_line(self.app, pt.scene),
            pt.scene.event, pt.perspective.title, pt.perspective.years,
            getattr(self, "_event_lit", False), button_state(self.event_button),
            group_state(self.group), group_state(self.tools), self.focus_target, self.people_page,
            self.picture.state(),
        )  # fmt: skip

    def compose(self, surf: pygame.Surface) -> None:
        """Draw the whole scene onto `surf`: the window, or the layer kept for a state."""
        kit = self.kit
        surf.blit(self.app.backdrop(self.panel), (0, 0))
        self._draw_header(surf)
        revealed = None if self.done else int(self.revealed)
        self.laid.draw(surf, self.view, self.scroller.offset, revealed)
        if self.hover_link:
            self._draw_link_hover(surf)
        self._draw_side(surf)
        self.picture.draw(surf)
        if self.done:  # while typing, the unwritten rest is not "more to scroll to"
            self.scroller.draw_bar(surf, self.view, kit)
        self.group.draw(surf, kit)
        self.tools.draw(surf, kit)
        if self.pt.scene.event:
            lit = getattr(self, "_event_lit", False)
            focus = self.focus_target == ("event", 0)
            self.event_button.draw(surf, kit, hover=lit, focus=focus)
        if self.focus_target and self.focus_target[0] == "link":
            self._draw_link_focus(surf, self.focus_target[1])

    def _draw_header(self, surf: pygame.Surface) -> None:
        kit = self.kit
        if self.flowing:
            return  # the header is the page's first lines
        for page, pos in ((self.title_page, self.title_pos), (self.line_page, self.line_pos)):
            page.draw(surf, pygame.Rect(pos, (page.width, page.height)))
        if self.people_page is not None:
            page = self.people_page
            page.draw(surf, pygame.Rect(*self.people_pos, page.width, page.height))
        draw_rule(surf, (self.view.centerx, self.rule_y), self.view.width // 2, kit)

    def _draw_link_focus(self, surf: pygame.Surface, index: int) -> None:
        """The focus ring around a codex link reached with Tab (while it is in view)."""
        kit = self.kit
        rect = self.laid.links[index][0].move(self.view.x, self.view.y - self.scroller.offset)
        if self.view.contains(rect):
            ring = rect.inflate(kit.px(8), kit.px(4))
            pygame.draw.rect(surf, kit.palette.accent, ring, max(2, kit.px(2.5)), kit.px(4))

    def _draw_link_hover(self, surf: pygame.Surface) -> None:
        kit = self.kit
        for rect, term, _start in self.laid.links:
            if term == self.hover_link:
                r = rect.move(self.view.x, self.view.y - self.scroller.offset)
                y = r.bottom - kit.px(3)
                if self.view.top <= y <= self.view.bottom:
                    pygame.draw.line(surf, kit.palette.accent, (r.x, y), (r.right, y),
                                     max(2, kit.px(2.5)))  # fmt: skip

    def _side_page(self) -> Page:
        """The perspective's title and years, for the column left of the page."""
        kit = self.kit
        width = max(1, self.panel.x - kit.px(48))
        p = self.pt.perspective
        blocks = [kit.block("ui", p.title)] + ([kit.block("small", p.years)] if p.years else [])
        if self.app.session is not None and self.app.session.test_run:
            # For the author only (English, like the live-reload panel): nothing is kept.
            blocks.append(kit.block("strong", "TEST RUN: not saved, not counted"))
        return kit.layouter.page(blocks, width, kit.palette.background, gap=0.2)

    def _draw_side(self, surf: pygame.Surface) -> None:
        kit = self.kit
        if self.panel.x - kit.px(48) < kit.px(80):
            return
        page = self._side_page()
        page.draw(surf, pygame.Rect(kit.px(24), self.panel.y + kit.px(8), page.width, page.height))


def button_state(button: Button) -> tuple:
    """Every attribute of a button as plain values (rects copied: they change in place)."""
    items = vars(button).items()
    return (type(button), *((k, tuple(v) if isinstance(v, pygame.Rect) else v) for k, v in items))


def group_state(group: Group) -> tuple:
    """What a group's drawing can show: each button, and which is hovered, focused, pressed."""
    return (group.hover, group.focus, group.pressed, *map(button_state, group.buttons))


def _format(surf: pygame.Surface) -> tuple:
    return surf.get_size(), surf.get_bitsize(), surf.get_masks()


def _set_cursor(cursor: int) -> None:
    with contextlib.suppress(pygame.error):  # no cursors under the headless driver
        pygame.mouse.set_cursor(cursor)


def _inked_width(page: Page) -> int:
    """The width a laid-out page's longest line takes (0 for an empty page)."""
    return max((run.x + run.width for line in page.lines for run in line.runs), default=0)
