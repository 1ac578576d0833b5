"""A tiny seeded random generator whose whole state is one integer, so saves can hold it."""

from __future__ import annotations

_MASK = (1 << 64) - 1


class SplitMix64:
    """SplitMix64: fast, well-distributed, and identical on every Python version."""

    __slots__ = ("state",)

    def __init__(self, state: int):
        self.state = state & _MASK

    def restart(self, state: int) -> None:
        """Go on from `state`, as a new generator made with it would."""
        self.state = state & _MASK

    def next_u64(self) -> int:
        self.state = (self.state + 0x9E3779B97F4A7C15) & _MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        return z ^ (z >> 31)

    def random(self) -> float:
        """A float in [0, 1)."""
        return (self.next_u64() >> 11) / float(1 << 53)

    def below(self, n: int) -> int:
        """An integer in [0, n)."""
        return self.next_u64() % n
