"""Review marks on translations: a translator comment saying who has checked an entry.

An entry counts as reviewed only when a person has said so, with a translator comment that
starts with `reviewed` (`# reviewed: Dilnoza K.`). Machine drafts carry
`# unreviewed: machine draft` so a reviewer can find them in Poedit, Weblate or a text editor.
"""

from __future__ import annotations

from babel.messages.catalog import Catalog, Message

from game.po import usable

UNREVIEWED = "unreviewed"
REVIEWED = "reviewed"
MACHINE_DRAFT = "machine draft"


def _marks(message: Message) -> list[str]:
    return [c for c in message.user_comments if c.split(":")[0].strip() in (REVIEWED, UNREVIEWED)]


def is_reviewed(message: Message) -> bool:
    """A translation in use that a person has marked reviewed (and not marked otherwise since)."""
    marks = [c.split(":")[0].strip() for c in _marks(message)]
    return usable(message) and REVIEWED in marks and UNREVIEWED not in marks


def _set_mark(message: Message, mark: str) -> None:
    others = [c for c in message.user_comments if c not in _marks(message)]
    message.user_comments = [*others, mark]


def source_changed(message: Message) -> None:
    """A fuzzy entry's review no longer holds: its English changed under it."""
    if any(c.startswith(REVIEWED) for c in _marks(message)):
        _set_mark(message, f"{UNREVIEWED}: source changed")


def mark_unreviewed(catalog: Catalog, note: str = MACHINE_DRAFT) -> int:
    """Mark every translated entry that carries no review mark yet; returns how many."""
    count = 0
    for message in catalog:
        if message.id and message.string and not _marks(message):
            _set_mark(message, f"{UNREVIEWED}: {note}")
            count += 1
    return count


def mark_reviewed(catalog: Catalog, by: str) -> int:
    """Mark every translation in use reviewed by `by` (after a person read the whole file)."""
    count = 0
    for message in catalog:
        if usable(message) and not is_reviewed(message):
            _set_mark(message, f"{REVIEWED}: {by}")
            count += 1
    return count
