"""Buttons that take focus, a group that routes pointer and keys to them, and a scroll position."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.kit import Kit
from game.ui.textlayout import Page, Piece, Style

ACTIVATE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
PREVIOUS_KEYS = (pygame.K_UP, pygame.K_LEFT)
NEXT_KEYS = (pygame.K_DOWN, pygame.K_RIGHT)


class Button:
    """A labelled target: wraps its label to its width and calls `action` when activated."""

    def __init__(
        self,
        label: str,
        action: Callable[[], None],
        *,
        number: int | None = None,
        enabled: bool = True,
        align: str = "center",
        quiet: bool = False,
        note: str | None = None,
    ) -> None:
        self.label = label
        self.action = action
        self.number = number  # shown as a badge: the key that picks it
        self.enabled = enabled
        self.align = align
        self.quiet = quiet  # a toolbar button: paper ground, ink text
        self.note = note  # a second, smaller line (e.g. a slot's details)
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.clip: pygame.Rect | None = None  # set for buttons in a scrolling view

    def hit(self, pos: tuple[int, int]) -> bool:
        visible = self.clip is None or self.clip.collidepoint(pos)
        return self.enabled and visible and self.rect.collidepoint(pos)

    def _colors(self, kit: Kit, lit: bool):
        pal = kit.palette
        if not self.enabled:
            return pal.paper, pal.muted, pal.muted
        if lit:
            return pal.button_hover, pal.button_hover_text, pal.accent
        if self.quiet:
            return pal.paper, pal.heading, pal.accent
        return pal.button, pal.button_text, pal.ornament

    def _pad(self, kit: Kit) -> tuple[int, int]:
        return kit.px(16), kit.px(9 if self.note is None else 8)

    def _badge(self, kit: Kit) -> int:
        return kit.px(34) if self.number is not None else 0

    def _pages(self, kit: Kit, width: int, lit: bool) -> list[Page]:
        bg, fg, _ = self._colors(kit, lit)
        pad_x, _ = self._pad(kit)
        inner = max(kit.px(40), width - 2 * pad_x - self._badge(kit))
        pages = [kit.layouter.page([(Piece(self.label, word_fit(kit, self.label, inner, fg)),)],
                                   inner, bg)]  # fmt: skip
        if self.note:
            pages.append(kit.layouter.page([kit.block("small", self.note, fg)], inner, bg))
        return pages

    def fit(self, kit: Kit, width: int) -> int:
        """The height this button needs at `width`; also sets the rect's size."""
        pad_y = self._pad(kit)[1]
        height = sum(p.height for p in self._pages(kit, width, False)) + 2 * pad_y
        self.rect.size = (width, max(kit.px(44), height))
        return self.rect.height

    def render_ahead(self, kit: Kit, width: int) -> None:
        """Lay out and render the label at `width`, plain and lit, before the button is shown."""
        for lit in (False, True):
            for page in self._pages(kit, width, lit):
                page.render()

    def draw(self, surf: pygame.Surface, kit: Kit, *, hover: bool, focus: bool) -> None:
        lit = self.enabled and (hover or focus)
        bg, fg, edge = self._colors(kit, lit)
        radius = kit.px(6)
        pygame.draw.rect(surf, bg, self.rect, border_radius=radius)
        pygame.draw.rect(surf, edge, self.rect, max(1, kit.px(1.5)), border_radius=radius)
        if focus:
            ring = self.rect.inflate(kit.px(8), kit.px(8))
            pygame.draw.rect(surf, kit.palette.accent, ring, max(2, kit.px(2.5)), radius + 3)
        self._draw_label(surf, kit, lit, fg)

    def _draw_label(self, surf: pygame.Surface, kit: Kit, lit: bool, fg) -> None:
        pad_x, _ = self._pad(kit)
        pages = self._pages(kit, self.rect.width, lit)
        text_h = sum(p.height for p in pages)
        y = self.rect.y + (self.rect.height - text_h) // 2
        badge = self._badge(kit)
        if self.number is not None:
            num = kit.label("button", str(self.number), fg)
            cx = self.rect.x + pad_x + badge // 2 - kit.px(6)
            surf.blit(num, num.get_rect(center=(cx, self.rect.centery)))
        for page in pages:
            x, width = self.rect.x + pad_x + badge, page.width
            if self.align == "center":
                width = page_content_width(page)
                x = self.rect.centerx - width // 2
            page.draw(surf, pygame.Rect(x, y, width, page.height))
            y += page.height


def word_fit(kit: Kit, label: str, width: int, color) -> Style:
    """The button style, made smaller when the label's longest word would not fit `width`:
    a word is never cut in two ("Стере-ть" on a narrow key)."""
    style = kit.style("button", color)
    px = style.px
    longest = max(label.split(), key=lambda w: kit.fonts.get(style.face, px).size(w)[0], default="")
    while px > 6 and kit.fonts.get(style.face, px).size(longest)[0] > width:
        px -= 1  # a few steps at most: a label is rarely more than a little too wide
    return style._replace(px=px)


def page_content_width(page: Page) -> int:
    """The width actually inked by the page's longest line."""
    ends = [line.runs[-1].x + line.runs[-1].width for line in page.lines if line.runs]
    return max(ends, default=0)


class Group:
    """Buttons sharing hover, focus and activation by pointer (mouse or touch) and keys."""

    def __init__(self, buttons: list[Button] | None = None) -> None:
        self.buttons: list[Button] = buttons or []
        self.focus: int | None = None
        self.hover: int | None = None
        self.pressed: int | None = None

    def set(self, buttons: list[Button]) -> None:
        self.buttons = buttons
        if self.focus is not None and self.focus >= len(buttons):
            self.focus = None
        self.hover = self.pressed = None

    def at(self, pos: tuple[int, int]) -> int | None:
        for i, button in enumerate(self.buttons):
            if button.hit(pos):
                return i
        return None

    def pointer_move(self, pos: tuple[int, int]) -> bool:
        """Track hover; True when what is lit changed (so the screen needs a redraw)."""
        hover = self.at(pos)
        changed = hover != self.hover
        self.hover = hover
        return changed

    def pointer_down(self, pos: tuple[int, int]) -> bool:
        self.pressed = self.at(pos)
        return self.pressed is not None

    def pointer_up(self, pos: tuple[int, int]) -> bool:
        """Activate when released over the button it was pressed on; True when one was."""
        pressed, self.pressed = self.pressed, None
        if pressed is not None and pressed == self.at(pos):
            self.buttons[pressed].action()
            return True
        return False

    def cancel(self) -> None:
        self.pressed = None

    def key(self, key: int) -> bool:
        """Arrows and Tab move focus; Enter or Space activates. True when the key was used."""
        if key == pygame.K_TAB or key in NEXT_KEYS:
            return self.move(1)
        if key in PREVIOUS_KEYS:
            return self.move(-1)
        if key in ACTIVATE_KEYS:
            if self.focus is None:
                return self.move(1)  # the first press shows where the focus is
            self.buttons[self.focus].action()
            return True
        return False

    def move(self, step: int) -> bool:
        enabled = [i for i, b in enumerate(self.buttons) if b.enabled]
        if not enabled:
            return False
        if self.focus not in enabled:
            self.focus = enabled[0] if step > 0 else enabled[-1]
        else:
            self.focus = enabled[(enabled.index(self.focus) + step) % len(enabled)]
        return True

    def focused(self) -> Button | None:
        return self.buttons[self.focus] if self.focus is not None else None

    def draw(self, surf: pygame.Surface, kit: Kit) -> None:
        old_clip = surf.get_clip()
        for i, button in enumerate(self.buttons):
            if button.clip is not None and not button.clip.colliderect(button.rect):
                continue
            surf.set_clip(button.clip.inflate(kit.px(12), kit.px(12)) if button.clip else old_clip)
            button.draw(surf, kit, hover=i == self.hover, focus=i == self.focus)
        surf.set_clip(old_clip)

    def find(self, label: str) -> Button | None:
        return next((b for b in self.buttons if b.label == label), None)


class Scroller:
    """A vertical scroll position over content taller than its view."""

    def __init__(self) -> None:
        self.offset = 0
        self.content = 0
        self.view = 0

    @property
    def limit(self) -> int:
        return max(0, self.content - self.view)

    def set(self, content: int, view: int) -> None:
        self.content, self.view = content, view
        self.offset = min(self.offset, self.limit)

    def by(self, dy: int) -> bool:
        """Scroll by dy pixels; True when the position changed."""
        old = self.offset
        self.offset = max(0, min(self.limit, self.offset + dy))
        return self.offset != old

    def to_end(self) -> None:
        self.offset = self.limit

    def show(self, top: int, bottom: int) -> bool:
        """Scroll the least needed so content from `top` to `bottom` is in view."""
        if bottom > self.offset + self.view:
            return self.by(bottom - (self.offset + self.view))
        if top < self.offset:
            return self.by(top - self.offset)
        return False

    def draw_bar(self, surf: pygame.Surface, view: pygame.Rect, kit: Kit) -> None:
        if self.limit <= 0:
            return
        width = max(3, kit.px(4))
        track = pygame.Rect(view.right + kit.px(10), view.y, width, view.height)
        thumb_h = max(kit.px(30), view.height * self.view // max(1, self.content))
        thumb_y = view.y + (view.height - thumb_h) * self.offset // self.limit
        pygame.draw.rect(surf, kit.palette.muted, track, 1, border_radius=width // 2)
        thumb = pygame.Rect(track.x, thumb_y, width, thumb_h)
        pygame.draw.rect(surf, kit.palette.accent, thumb, border_radius=width // 2)
        # Chevrons at the ends of the track say there is more above or below; there they never
        # meet a heading's rule or ornament, which sit over the middle of the text.
        r = kit.px(7)
        cx = track.centerx
        if self.offset < self.limit:
            y = track.bottom + kit.px(4)
            pygame.draw.polygon(surf, kit.palette.accent, [(cx - r, y), (cx + r, y), (cx, y + r)])
        if self.offset > 0:
            y = track.top - kit.px(4)
            pygame.draw.polygon(surf, kit.palette.accent, [(cx - r, y), (cx + r, y), (cx, y - r)])


class Card(Button):
    """A larger target on paper whose content is several styled paragraphs."""

    def __init__(self, blocks_for: Callable[[Kit], list], action: Callable[[], None], **kw):
        super().__init__("", action, align="left", **kw)
        self.blocks_for = blocks_for  # kit -> list of Blocks, so text follows theme and size

    def _colors(self, kit: Kit, lit: bool):
        pal = kit.palette
        return pal.paper, pal.text, pal.accent if lit else pal.ornament

    def _pad(self, kit: Kit) -> tuple[int, int]:
        return kit.px(22), kit.px(13)

    def _pages(self, kit: Kit, width: int, lit: bool) -> list[Page]:
        pad_x, _ = self._pad(kit)
        inner = max(kit.px(40), width - 2 * pad_x)
        return [kit.layouter.page(self.blocks_for(kit), inner, kit.palette.paper, gap=0.35)]

    def draw(self, surf: pygame.Surface, kit: Kit, *, hover: bool, focus: bool) -> None:
        lit = hover or focus
        bg, _, edge = self._colors(kit, lit)
        pygame.draw.rect(surf, bg, self.rect, border_radius=kit.px(4))
        width = max(1, kit.px(3 if lit else 1.5))
        pygame.draw.rect(surf, edge, self.rect, width, border_radius=kit.px(4))
        pad_x, pad_y = self._pad(kit)
        page = self._pages(kit, self.rect.width, lit)[0]
        page.draw(
            surf, pygame.Rect(self.rect.x + pad_x, self.rect.y + pad_y, page.width, page.height)
        )
