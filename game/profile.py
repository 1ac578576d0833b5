"""What this player has met across all playthroughs: endings reached, terms, events, notes seen."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game import notices, storage
from game.i18n import N_

FILE_NAME = "profile.json"
DAMAGED = N_("Your progress file was damaged; it was set aside and progress starts afresh.")


@dataclass
class Profile:
    """Progress that outlives any one saved game."""

    finished: dict[str, list[str]] = field(default_factory=dict)  # perspective -> ending ids
    terms: list[str] = field(default_factory=list)  # in the order first met
    events: list[str] = field(default_factory=list)
    content_note_seen: bool = False
    folder: Path | None = field(default=None, repr=False, compare=False)

    def has_finished(self, perspective: str) -> bool:
        return bool(self.finished.get(perspective))

    def finished_perspectives(self) -> list[str]:
        """The perspectives with at least one ending reached."""
        return [pid for pid, endings in self.finished.items() if endings]

    def record(self, terms: list[str], events: list[str]) -> bool:
        """Add newly met terms and events; True when anything was new."""
        new_terms = [t for t in terms if t not in self.terms]
        new_events = [e for e in events if e not in self.events]
        self.terms.extend(new_terms)
        self.events.extend(new_events)
        return bool(new_terms or new_events)

    def finish(self, perspective: str, ending: str) -> None:
        endings = self.finished.setdefault(perspective, [])
        if ending not in endings:
            endings.append(ending)

    def to_json(self) -> dict[str, Any]:
        return {
            "finished": self.finished,
            "terms": self.terms,
            "events": self.events,
            "content_note_seen": self.content_note_seen,
        }

    def save(self) -> bool:
        """Keep the progress; False (with one notice) when the data folder refuses it."""
        return storage.write_quietly(self._write)

    def _write(self) -> None:
        storage.write_json((self.folder or storage.data_dir()) / FILE_NAME, self.to_json())


def _str_list(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def load(folder: Path | None = None) -> Profile:
    """The stored profile, or a fresh one when missing or unreadable (progress is not precious)."""
    try:
        file = (folder or storage.data_dir()) / FILE_NAME
        data = storage.read_json(file)
    except ValueError:
        storage.set_aside(file)
        notices.post(DAMAGED)
        data = {}
    except OSError:
        data = {}
    if not isinstance(data, dict):
        storage.set_aside(file)
        notices.post(DAMAGED)
        data = {}
    finished = data.get("finished")
    finished = finished if isinstance(finished, dict) else {}
    return Profile(
        finished={k: _str_list(v) for k, v in finished.items() if isinstance(k, str)},
        terms=_str_list(data.get("terms")),
        events=_str_list(data.get("events")),
        content_note_seen=data.get("content_note_seen") is True,
        folder=folder,
    )
