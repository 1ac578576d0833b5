"""Saved games: six slots and an autosave, each a JSON file with a small header read without restoring."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from game import storage
from game.engine import SaveError
from game.i18n import _

if TYPE_CHECKING:
    from datetime import datetime

    from game.engine.runtime import Playthrough

SLOT_COUNT = 6
AUTOSAVE = "auto"
FILE_FORMAT = 1  # the wrapper around the engine's own save format


class SlotInfo(NamedTuple):  # not a frozen dataclass: the title screen reads one at start
    """What the save screen shows for one slot, read from the header only."""

    slot: str
    status: str  # "empty", "ok", "damaged" or "incompatible"
    problem: str | None = None
    perspective_title: str = ""
    scene_title: str = ""
    saved_at: datetime | None = None
    time_played: float = 0.0

    @property
    def usable(self) -> bool:
        return self.status == "ok"


def slots() -> list[str]:
    """Every slot name, the autosave first."""
    return [AUTOSAVE, *(str(n) for n in range(1, SLOT_COUNT + 1))]


def slot_path(slot: str, folder: Path | None = None) -> Path:
    return (folder or storage.data_dir()) / "saves" / f"slot-{slot}.json"


def write(slot: str, pt: Playthrough, time_played: float, folder: Path | None = None) -> None:
    """Save the playthrough atomically, with a header for the slot list."""
    header = {
        "format": FILE_FORMAT,
        "story_id": pt.story.id,
        "story_version": pt.story.version,
        "perspective": pt.perspective.id,
        "perspective_title": pt.perspective.title,
        "scene": pt.scene.id,
        "scene_title": pt.scene.title,
        "saved_at": _now().astimezone().isoformat(timespec="seconds"),
        "time_played": round(time_played, 1),
    }
    storage.write_json(slot_path(slot, folder), {"header": header, "state": pt.to_json()})


def _load_file(slot: str, folder: Path | None) -> dict[str, Any] | None:
    """The parsed file, None when the slot is empty; SaveError when it cannot be read."""
    try:
        file = slot_path(slot, folder)
    except OSError:  # no usable data folder: there can be no save in it
        return None
    try:
        data = storage.read_json(file)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise SaveError(_("The file is damaged and cannot be read.")) from exc
    if not isinstance(data, dict) or not isinstance(data.get("header"), dict):
        raise SaveError(_("The file is damaged: it has no header."))
    if not isinstance(data.get("state"), dict):
        raise SaveError(_("The file is damaged: the saved game is missing."))
    if data["header"].get("format") != FILE_FORMAT:
        raise SaveError(_("The file was written by another version of the game."))
    return data


def _check_story(header: dict[str, Any], story: Any) -> str | None:
    """Why the saved game no longer fits the story, without restoring it; None when it may."""
    if header.get("story_id") != story.id:
        return _("This game was saved from a different story.")
    if header.get("scene") not in story.scenes:
        return _("The story has changed since this save: its scene is gone.")
    return None


def inspect(slot: str, story: Any, folder: Path | None = None) -> SlotInfo:
    """The slot as the list shows it; never raises for a bad file."""
    try:
        data = _load_file(slot, folder)
    except SaveError as exc:
        return SlotInfo(slot, "damaged", exc.message)
    if data is None:
        return SlotInfo(slot, "empty")
    header = data["header"]
    problem = _check_story(header, story)
    return SlotInfo(
        slot,
        "incompatible" if problem else "ok",
        problem,
        **_titles(header, story),
        saved_at=_parse_time(header.get("saved_at")),
        time_played=_number(header.get("time_played")),
    )


def _titles(header: dict[str, Any], story: Any) -> dict[str, str]:
    """The perspective's and scene's titles as the story now words them (in the language the
    player reads now), else as they were written when the game was saved."""
    scenes = getattr(story, "scenes", None)
    scene = scenes.get(header.get("scene")) if isinstance(scenes, dict) else None
    perspectives = getattr(story, "perspectives", ())
    pid = header.get("perspective")
    perspective = next((p for p in perspectives if getattr(p, "id", None) == pid), None)
    return {
        "perspective_title": perspective.title
        if perspective
        else str(header.get("perspective_title", "")),
        "scene_title": scene.title if scene else str(header.get("scene_title", "")),
    }


def list_slots(story: Any, folder: Path | None = None) -> list[SlotInfo]:
    return [inspect(slot, story, folder) for slot in slots()]


def read(slot: str, story: Any, folder: Path | None = None) -> tuple[Playthrough, float]:
    """Restore a saved game and its time played; SaveError says why it cannot be."""
    data = _load_file(slot, folder)
    if data is None:
        raise SaveError(_("This slot is empty."))
    problem = _check_story(data["header"], story)
    if problem:
        raise SaveError(problem)
    from game.engine.expr import StoryRuntimeError
    from game.engine.runtime import Playthrough  # the title screen lists saves without it

    try:
        pt = Playthrough.from_json(story, data["state"])
    except StoryRuntimeError as exc:  # its page cannot be shown (a story error at that point)
        raise SaveError(str(exc)) from None
    return pt, _number(data["header"].get("time_played"))


def _now():
    from datetime import datetime  # saving is rare; start-up need not import it

    return datetime.now()


def _parse_time(value: Any) -> datetime | None:
    from datetime import datetime

    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _number(value: Any) -> float:
    ok = isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
    return float(value) if ok else 0.0
