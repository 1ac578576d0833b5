"""Short notices for the player about their own files (a damaged settings file set aside, a
disk that refuses saves): each is said once per run, then the game goes on."""

from __future__ import annotations

_said: set[str] = set()
_pending: list[str] = []


def post(message: str) -> None:
    """Queue `message` (an untranslated N_ string) unless it was already said in this run."""
    if message not in _said:
        _said.add(message)
        _pending.append(message)


def take() -> list[str]:
    """The notices not yet shown, oldest first; they are shown once."""
    out = list(_pending)
    _pending.clear()
    return out


def reset() -> None:
    """Forget what was said (a new run, or a test)."""
    _said.clear()
    _pending.clear()
