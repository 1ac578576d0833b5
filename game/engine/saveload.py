"""Turn saved JSON back into a playthrough, or say exactly why it no longer fits the story."""

from __future__ import annotations

from typing import Any

from game.engine.errors import SaveError
from game.engine.expr import type_of
from game.engine.state import Snapshot, Step

SAVE_FORMAT = 1
MIN_SAVE_FORMAT = 1


def restore(cls, story, data: Any):
    """Build a Playthrough of `cls` from `data`, raising SaveError for anything that doesn't fit."""
    _check_header(story, data)
    perspective = _perspective(story, data["perspective"])
    state = _snapshot(story, perspective, data.get("state"), "the current scene", Snapshot)
    pt = cls(story, perspective, _int(data.get("seed"), "seed"), bool(data.get("museum")))
    steps = data.get("steps", [])
    if not isinstance(steps, list):
        raise SaveError("the save is damaged: 'steps' is not a list")
    pt.steps = [_step(story, perspective, i, raw, Snapshot, Step) for i, raw in enumerate(steps)]
    pt._restore(state)
    return pt


def _check_header(story, data: Any) -> None:
    if not isinstance(data, dict):
        raise SaveError("the save is damaged: it is not a saved game")
    fmt = data.get("save_format")
    if not isinstance(fmt, int) or isinstance(fmt, bool):
        raise SaveError("the save is damaged: it has no save format version")
    if fmt > SAVE_FORMAT:
        raise SaveError(
            f"the save was written by a newer game (save format {fmt}); update the game"
        )
    if fmt < MIN_SAVE_FORMAT:
        raise SaveError(f"the save format {fmt} is too old for this game")
    if data.get("story_id") != story.id:
        raise SaveError(f"the save belongs to another story ('{data.get('story_id')}')")
    if not isinstance(data.get("perspective"), str):
        raise SaveError("the save is damaged: it names no perspective")


def _perspective(story, pid: str):
    try:
        return story.perspective(pid)
    except KeyError:
        raise SaveError(f"the story no longer has the perspective '{pid}'") from None


def _int(value: Any, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise SaveError(f"the save is damaged: '{what}' is not a whole number")
    return value


def _snapshot(story, perspective, raw: Any, where: str, snapshot_cls):
    if not isinstance(raw, dict):
        raise SaveError(f"the save is damaged: {where} is missing")
    scene = raw.get("scene")
    if scene not in story.scenes or story.scenes[scene].perspective != perspective.id:
        raise SaveError(f"the story no longer has the scene '{scene}' ({where})")
    variables = _variables(perspective, raw.get("vars"), where)
    visits = raw.get("visits")
    if not isinstance(visits, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
        for k, v in visits.items()
    ):
        raise SaveError(f"the save is damaged: visit counts of {where} are not numbers")
    used = raw.get("used_once", [])
    if not isinstance(used, list) or not all(isinstance(u, str) for u in used):
        raise SaveError(f"the save is damaged: used choices of {where} are not a list of names")
    return snapshot_cls(
        scene, variables, dict(visits), _int(raw.get("rng"), "rng"), frozenset(used)
    )


def _variables(perspective, saved: Any, where: str) -> dict:
    if not isinstance(saved, dict):
        raise SaveError(f"the save is damaged: the variables of {where} are missing")
    values = {name: var.value for name, var in perspective.variables.items()}
    missing = [name for name in saved if name not in values and name != "museum"]
    if missing:
        names = ", ".join(f"'{n}'" for n in sorted(missing))
        raise SaveError(f"the story no longer has the variable(s) {names} that the save uses")
    for name, value in saved.items():
        if name == "museum":
            continue
        want, got = perspective.variables[name].type, type_of(value)
        if got != want and not (want == "float" and got == "int"):
            raise SaveError(f"the variable '{name}' in the save has the wrong type for this story")
        values[name] = value
    values["museum"] = bool(saved.get("museum", False))
    return values


def _step(story, perspective, i: int, raw: Any, snapshot_cls, step_cls):
    if not isinstance(raw, dict):
        raise SaveError(f"the save is damaged: step {i + 1} is not a record")
    before = _snapshot(story, perspective, raw.get("before"), f"step {i + 1}", snapshot_cls)
    try:
        return step_cls(i, str(raw["scene"]), str(raw["title"]),
                        tuple(str(p) for p in raw["paragraphs"]),
                        tuple(str(t) for t in raw.get("terms", ())), str(raw["choice"]),
                        str(raw["choice_text"]), before)  # fmt: skip
    except (KeyError, TypeError):
        raise SaveError(f"the save is damaged: step {i + 1} is incomplete") from None
