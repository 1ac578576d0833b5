"""What a kiosk shows when its game cannot start: a plain notice for staff instead of a black
screen or an endless restart loop. It keeps the supervisor's heartbeat and waits to be stopped."""

from __future__ import annotations

import os
import textwrap
import time
from collections.abc import Callable

TITLE = "This kiosk is out of order"
ADVICE = ("The game failed to start several times in a row and is not being restarted. "
          "Staff: the log (kiosk.log in the data folder's 'logs', or journalctl) says why. "
          "After fixing it, restart the kiosk service or the computer.")  # fmt: skip


def lines(error: str, width: int = 70) -> list[str]:
    """The notice as lines of text: title, advice, and the last error the game printed."""
    out = [TITLE, ""]
    out += textwrap.wrap(ADVICE, width)
    if error.strip():
        out += ["", "Last error:", *textwrap.wrap(error.strip()[:500], width)]
    return out


def show(error: str, size: tuple[int, int] = (1280, 720), frames: int | None = None,
         sleep: Callable[[float], None] = time.sleep) -> int:  # fmt: skip
    """Show the notice until stopped (or for `frames` frames, in tests); returns 0."""
    os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")
    import pygame

    from game.kiosk.app import Heartbeat

    pygame.display.init()
    pygame.font.init()
    window = pygame.Window(TITLE, size, borderless=True)
    if frames is None:  # on the kiosk: over the whole screen, as the game itself would be
        window.set_fullscreen(desktop=True)
    beat = Heartbeat.from_env()
    font = pygame.font.Font(None, max(18, size[1] // 24))
    shown = 0
    try:
        while frames is None or shown < frames:
            pygame.event.get()  # stay responsive; every input is ignored
            _draw(window.get_surface(), font, lines(error))
            window.flip()
            beat.beat(time.monotonic())
            shown += 1
            sleep(0.5)
    finally:
        window.destroy()
    return 0


def _draw(surf, font, text: list[str]) -> None:
    surf.fill((20, 20, 24))
    y = surf.get_height() // 8
    for line in text:
        label = font.render(line, True, (240, 236, 226))
        surf.blit(label, (surf.get_width() // 12, y))
        y += font.get_linesize()
