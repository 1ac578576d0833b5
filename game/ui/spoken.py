"""What the game says aloud for a screen when it opens, and for the item the focus is on."""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from typing import Any

from game.i18n import _
from game.ui.screen import Screen
from game.ui.textlayout import Block, Page
from game.ui.widgets import Button, Card

PAUSE = "\n"  # engines pause at a line break: between title, text and each choice


def blocks_text(blocks: Iterable[Block]) -> str:
    return PAUSE.join("".join(piece.text for piece in block) for block in blocks)


def page_text(page: Page) -> str:
    """The words of a laid-out page, its lines joined again."""
    return " ".join("".join(run.text for run in line.runs).strip() for line in page.lines)


def button_text(button: Button, kit) -> str:
    """A button as heard: its number, label and value, or a card's whole text."""
    if isinstance(button, Card):
        return blocks_text(button.blocks_for(kit))
    text = button.label
    if button.number is not None:
        text = f"{button.number}. {text}"
    value = getattr(button, "value", None)
    if callable(value):
        text = f"{text}: {value()}"
    if button.note:
        text = f"{text}, {button.note}"
    return text


def _card_heading(button: Button, kit) -> str:
    """The first line of a card (a perspective's title, a slot's name): enough for a list."""
    if isinstance(button, Card):
        blocks = button.blocks_for(kit)
        return blocks_text(blocks[:1]) if blocks else ""
    return button_text(button, kit)


def screen_text(screen: Screen) -> str:
    """Everything a screen says when it opens: its heading, its text, what it offers."""
    if _is_scene(screen):
        return scene_text(screen)
    kit = screen.kit
    parts = [heading(screen)]
    parts.append(body_text(screen))
    aside = getattr(screen, "aside_text", None)  # a panel beside the text (the kiosk's figures)
    if callable(aside):
        parts.append(aside())
    buttons = [b for b in screen.group.buttons if b not in getattr(screen, "back_to", ())]
    offered = [_card_heading(b, kit) for b in buttons]
    if offered:
        parts.append(PAUSE.join(offered))
    return PAUSE.join(p for p in parts if p)


def heading(screen: Any) -> str:  # duck-typed: any screen
    """The screen's title as shown (a page's heading, a dialog's, the game's on the title)."""
    title = getattr(screen, "title", None)
    if callable(title):
        return title()
    if isinstance(getattr(screen, "heading", None), str):
        return screen.heading
    if type(screen).__name__ == "PauseScreen":
        return _("Paused")
    return screen.app.story_outline.title if screen is screen.app.stack[0] else ""


def _step_text(step) -> str:
    """A History entry as heard: the scene, and what was chosen there."""
    return f"{step.scene_title}: " + _("You chose: {choice}").format(choice=step.choice_text)


def body_text(screen: Any) -> str:  # duck-typed: any screen
    """The text a screen shows besides its buttons (a card's, a dialog's, an ending's)."""
    steps = getattr(screen, "steps", None)
    if steps is not None:  # the History: each step in a line, not every page again
        return PAUSE.join(map(_step_text, steps)) or screen.empty_text()
    blocks = _method(screen, "blocks", 0) or _method(screen, "_blocks", 0)
    if blocks is not None:  # a card, the ending
        return blocks_text(blocks())
    page = _method(screen, "_page", 0)  # the content note
    if page is not None:
        return page_text(page())
    pages = _method(screen, "_pages", 1)  # a dialog: its heading is said already
    if pages is not None:
        text = page_text(pages(max(1, screen.kit.px(560))))
        return text.removeprefix(getattr(screen, "heading", "")).strip()
    if getattr(screen, "cards", None) == [] and hasattr(screen, "empty_text"):
        return screen.empty_text()  # an empty list says so
    return ""


def _method(screen: Screen, name: str, arity: int):
    """The screen's method `name` when it takes exactly `arity` arguments (list pages have a
    `_blocks(item)` for each card, which is not the page's own text)."""
    method = getattr(screen, name, None)
    if not callable(method):
        return None
    params = inspect.signature(method).parameters.values()
    return method if len([p for p in params if p.default is p.empty]) == arity else None


def _is_scene(screen: Screen) -> bool:
    return hasattr(screen, "pt") and hasattr(screen, "tools") and hasattr(screen, "shown")


def scene_text(screen) -> str:
    """A scene page: title, date and place, who is in it, the text, then each choice."""
    from game.ui.scene_labels import people_block
    from game.ui.screens.scene import place_line

    pt = screen.pt
    people = people_block(screen.kit, screen.app.story, pt.scene)
    parts = [pt.scene.title, place_line(screen.app, pt.scene), blocks_text([people or ()])]
    parts += ["".join(span.text for span in p.spans) for p in pt.paragraphs()]
    if pt.scene.event:
        parts.append(screen.event_button.label)
    parts.append(choices_text(screen))
    return PAUSE.join(p for p in parts if p)


def choices_text(screen) -> str:
    pt = screen.pt
    if pt.is_over:
        return _("Continue")
    if not pt.choices():
        return _("Back to the title")
    lines = [f"{opt.number}. {opt.text}" for opt in pt.choices()]
    return PAUSE.join([_("Choices:"), *lines])


def focus_text(screen: Any) -> str:  # duck-typed: any screen
    """The focused item as heard, or "" when nothing has the focus."""
    kit = screen.kit
    if _is_scene(screen) and screen.focus_target is not None:
        kind, index = screen.focus_target
        if kind == "link" and index < len(screen.page.links):
            term = screen.app.story.terms.get(screen.page.links[index][1])
            return _("{term}, codex").format(term=term.title) if term else ""
        if kind == "event":
            return screen.event_button.label
        if kind == "tool":
            return screen.tools.buttons[index].label
    button = screen.group.focused()
    back_to = getattr(screen, "back_to", None)
    if back_to and button in back_to:  # which choice this button undoes
        return f"{button.label}: {_step_text(screen.steps[back_to.index(button)])}"
    if button is None and hasattr(screen, "tools"):
        button = screen.tools.focused()
    return button_text(button, kit) if button is not None else ""


def return_text(screen: Any) -> str:  # duck-typed: any screen
    """Coming back to a screen already read: only where the player is."""
    if _is_scene(screen):
        return screen.pt.scene.title
    return heading(screen)
