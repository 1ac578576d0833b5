"""When a visit is over: the idle → warning → reset state machine, on an injected clock."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Phase(Enum):
    ATTRACT = "attract"  # no visit: the attract screen waits for a touch
    ACTIVE = "active"  # someone is reading
    WARNING = "warning"  # "Are you still there?" counting down
    CLOSING = "closing"  # the session cap was reached: counting down, a touch does not stop it


@dataclass
class IdleTimer:
    """Knows nothing of screens: the app feeds it touches and the time, and acts on what it says."""

    idle_after: float = 90.0
    warn_for: float = 20.0
    cap: float = 0.0  # the longest a visit may last; 0 = no limit
    phase: Phase = Phase.ATTRACT
    last_touch: float = 0.0
    visit_start: float = 0.0
    countdown_start: float = 0.0

    def begin(self, now: float) -> None:
        """A visitor touched the attract screen."""
        self.phase = Phase.ACTIVE
        self.visit_start = self.last_touch = now

    def touch(self, now: float) -> bool:
        """Any input; True when it cancelled the idle warning (the touch is then used up)."""
        self.last_touch = now
        if self.phase is Phase.WARNING:
            self.phase = Phase.ACTIVE
            return True
        return False

    def poll(self, now: float) -> Phase | None:
        """Move on as time has passed; the new phase when it changed, else None."""
        # Deadlines, not differences: (t + 20) - t need not be 20 in floating point.
        if self.phase is Phase.ACTIVE:
            if self.cap and now >= self.visit_start + self.cap:
                return self._count_down(Phase.CLOSING, now)
            if now >= self.last_touch + self.idle_after:
                return self._count_down(Phase.WARNING, now)
        elif self.counting_down and now >= self.countdown_start + self.warn_for:
            self.phase = Phase.ATTRACT
            return Phase.ATTRACT
        return None

    def _count_down(self, phase: Phase, now: float) -> Phase:
        self.phase = phase
        self.countdown_start = now
        return phase

    def left(self, now: float) -> float:
        """Seconds of the countdown still to go."""
        return max(0.0, self.countdown_start + self.warn_for - now)

    def end(self) -> None:
        """The visit ended some other way (the visitor finished, or staff reset it)."""
        self.phase = Phase.ATTRACT

    @property
    def counting_down(self) -> bool:
        return self.phase in (Phase.WARNING, Phase.CLOSING)
