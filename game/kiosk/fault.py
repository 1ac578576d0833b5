"""What a kiosk shows when its game cannot start: a plain notice for staff instead of a black
screen or an endless restart loop. It keeps the supervisor's heartbeat and waits to be stopped.

Nobody may be there to choose a language, so the notice is written in every language the kiosk
offers, one after another (its catalogues are read as the game reads them; a language whose
catalogue cannot be read is English)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from game.i18n import N_, SOURCE_LANGUAGE, available_languages, in_each, in_language

if TYPE_CHECKING:
    import pygame

TITLE = N_("This kiosk is out of order")
ADVICE = N_("The game failed to start several times in a row and is not being restarted. "
            "Staff: the log (kiosk.log in the data folder's 'logs', or journalctl) says why. "
            "After fixing it, restart the kiosk service or the computer.")  # fmt: skip
LAST_ERROR = N_("Last error:")
MAX_LANGUAGES = 6  # more would not fit a screen; the supervisor passes the config's (few)

Block = tuple[str, str]  # ("title", "heading", "text" or "gap"; a paragraph or a line)


def offered(codes: Iterable[str]) -> tuple[str, ...]:
    """The languages to write the notice in: those asked for that the game has, in order, at
    most MAX_LANGUAGES (English when none is left)."""
    known = set(available_languages())
    wanted = [code for code in dict.fromkeys(codes) if code in known]
    return tuple(wanted[:MAX_LANGUAGES]) or (SOURCE_LANGUAGE,)


def blocks(error: str, languages: Iterable[str] = (SOURCE_LANGUAGE,)) -> list[Block]:
    """The notice's paragraphs: title and advice in each language, then the last error."""
    codes = offered(languages)
    out: list[Block] = []
    for code in codes:
        out += [("title", in_language(code, TITLE)), ("text", in_language(code, ADVICE))]
    if error.strip():
        out += [("heading", " · ".join(in_each(codes, LAST_ERROR))), ("text", error.strip()[:500])]
    return out


def show(error: str, size: tuple[int, int] = (1280, 720), frames: int | None = None,
         sleep: Callable[[float], None] = time.sleep,
         languages: Iterable[str] = (SOURCE_LANGUAGE,)) -> int:  # fmt: skip
    """Show the notice until stopped (or for `frames` frames, in tests); returns 0."""
    os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")
    import pygame

    from game.kiosk.app import Heartbeat

    pygame.display.init()
    pygame.font.init()
    window = pygame.Window(in_language(offered(languages)[0], TITLE), size, borderless=True)
    if frames is None:  # on the kiosk: over the whole screen, as the game itself would be
        window.set_fullscreen(desktop=True)
    beat = Heartbeat.from_env()
    text = blocks(error, languages)
    shown = 0
    try:
        while frames is None or shown < frames:
            pygame.event.get()  # stay responsive; every input is ignored
            _draw(window.get_surface(), text)
            window.flip()
            beat.beat(time.monotonic())
            shown += 1
            sleep(0.5)
    finally:
        window.destroy()
    return 0


def _font(px: int) -> pygame.font.Font:
    """The game's own sans face (Cyrillic and Uzbek letters), else pygame's built-in one: an
    install broken enough to need this notice may lack the font files too."""
    import pygame

    from game.ui.fonts import path

    try:
        return pygame.font.Font(path("sans"), px)
    except (OSError, pygame.error):
        return pygame.font.Font(None, px)


def laid_out(text: list[Block], width: int, height: int) -> tuple[pygame.font.Font, list[Block]]:
    """The largest font (at most a 24th of the height) at which every paragraph, wrapped to
    `width` pixels, fits `height`; and the lines as (kind, line), a gap before each title and
    before the last error."""
    for px in range(max(12, height // 24), 9, -1):
        font = _font(px)
        out: list[Block] = []
        for kind, paragraph in text:
            if kind in ("title", "heading") and out:
                out.append(("gap", ""))
            out += [(kind, line) for line in _wrap(paragraph, font, width)]
        if len(out) * font.get_linesize() <= height:
            break
    return font, out


def _wrap(paragraph: str, font: pygame.font.Font, width: int) -> list[str]:
    lines: list[str] = []
    for word in paragraph.split():
        if lines and font.size(f"{lines[-1]} {word}")[0] <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _draw(surf: pygame.Surface, text: list[Block]) -> None:
    surf.fill((20, 20, 24))
    left, top = surf.get_width() // 12, surf.get_height() // 12
    font, rows = laid_out(text, surf.get_width() - 2 * left, surf.get_height() - 2 * top)
    y = top
    for kind, line in rows:
        color = {"title": (250, 214, 140), "heading": (170, 168, 160)}.get(kind, (240, 236, 226))
        surf.blit(font.render(line, True, color), (left, y))
        y += font.get_linesize()
