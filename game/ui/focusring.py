"""Tab order on a page: every target in reading order, one step at a time, wrapping around."""

from __future__ import annotations

Target = tuple[str, int]  # ("event", 0), ("link", n), ("choice", n), ("tool", n)


def step(targets: list[Target], current: Target | None, direction: int) -> Target | None:
    """The target after (direction 1) or before (-1) `current`; the first or last when
    `current` is gone or None; None when there is nothing to focus."""
    if not targets:
        return None
    if current not in targets:
        return targets[0] if direction > 0 else targets[-1]
    return targets[(targets.index(current) + direction) % len(targets)]


def ease_out(t: float) -> float:
    """0 → 1 quickly at first, settling gently: a glide that does not lurch at its end."""
    t = max(0.0, min(1.0, t))
    return 1 - (1 - t) ** 3
