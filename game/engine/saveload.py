"""Turn saved JSON back into a playthrough, or say exactly why it no longer fits the story."""

from __future__ import annotations

from typing import Any

from game.engine.errors import SaveError
from game.engine.expr import type_of
from game.engine.state import Step, Undo, page_of

SAVE_FORMAT = 1
MIN_SAVE_FORMAT = 1


def restore(cls, story, data: Any):
    """Build a Playthrough of `cls` from `data`, raising SaveError for anything that doesn't fit.

    The current scene and variables must still exist. Earlier steps that name scenes or
    variables the story no longer has are dropped: the reader can go back only as far as the
    story still allows.
    """
    _check_header(story, data)
    perspective = _perspective(story, data["perspective"])
    state = data.get("state")
    if not isinstance(state, dict):
        raise SaveError("the save is damaged: the current state is missing")
    scene = _scene(story, perspective, state.get("scene"), "the current scene")
    variables = _variables(perspective, state.get("vars"))
    pt = cls(story, perspective, _int(data.get("seed"), "seed"), bool(data.get("museum")))
    pt.steps = _steps(story, perspective, data.get("steps", []))
    pt.restore_state(scene, variables, _visits(state.get("visits")),
                     _int(state.get("rng"), "rng"), _names(state.get("used_once", [])))  # fmt: skip
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


def _scene(story, perspective, scene: Any, where: str) -> str:
    if not isinstance(scene, str) or scene not in story.scenes:
        raise SaveError(f"the story no longer has the scene '{scene}' ({where})")
    if story.scenes[scene].perspective != perspective.id:
        raise SaveError(f"the scene '{scene}' now belongs to another perspective ({where})")
    return scene


def _visits(visits: Any) -> dict:
    if not isinstance(visits, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
        for k, v in visits.items()
    ):
        raise SaveError("the save is damaged: the visit counts are not numbers")
    return dict(visits)


def _names(used: Any) -> set[str]:
    if not isinstance(used, list) or not all(isinstance(u, str) for u in used):
        raise SaveError("the save is damaged: the used choices are not a list of names")
    return set(used)


def _variables(perspective, saved: Any) -> dict:
    if not isinstance(saved, dict):
        raise SaveError("the save is damaged: the variables are missing")
    values = {name: var.value for name, var in perspective.variables.items()}
    missing = [name for name in saved if name not in values and name != "museum"]
    if missing:
        names = ", ".join(f"'{n}'" for n in sorted(missing))
        raise SaveError(f"the story no longer has the variable(s) {names} that the save uses")
    for name, value in saved.items():
        if name != "museum":
            _check_type(perspective, name, value)
            values[name] = value
    values["museum"] = bool(saved.get("museum", False))
    return values


def _check_type(perspective, name: str, value: Any) -> None:
    want, got = perspective.variables[name].type, type_of(value)
    if got != want and not (want == "float" and got == "int"):
        raise SaveError(f"the variable '{name}' in the save has the wrong type for this story")


def _steps(story, perspective, raw: Any) -> list[Step]:
    if not isinstance(raw, list):
        raise SaveError("the save is damaged: 'steps' is not a list")
    steps: list[Step] = []
    for i, item in enumerate(raw):
        step = _step(i, item)
        if _still_fits(story, perspective, step.undo):
            steps.append(step)
        else:
            steps = []  # cannot go back past a step the story no longer has
    return [_renumber(s, n) for n, s in enumerate(steps)]


def _renumber(step: Step, turn: int) -> Step:
    if step.turn == turn:
        return step
    return step._replace(turn=turn)


def _still_fits(story, perspective, undo: Undo) -> bool:
    scenes_fit = all(
        s in story.scenes and story.scenes[s].perspective == perspective.id
        for s in (undo.scene, undo.visited)
    )
    variables = perspective.variables
    vars_fit = all(n in variables and type_of(v) == variables[n].type for n, v in undo.vars.items())
    return scenes_fit and vars_fit


def _step(i: int, raw: Any) -> Step:
    try:
        u = raw["undo"]
        undo = Undo(str(u["scene"]), _int(u["rng"], "rng"), dict(u["vars"]), str(u["visited"]),
                    _optional_int(u["visits_before"]), _optional_str(u["once_added"]))  # fmt: skip
        page = page_of(tuple(str(p) for p in raw["paragraphs"]),
                       tuple(str(t) for t in raw.get("terms", ())))  # fmt: skip
        return Step(i, str(raw["scene"]), str(raw["title"]), page, str(raw["choice"]),
                    str(raw["choice_text"]), undo)  # fmt: skip
    except (KeyError, TypeError, ValueError):
        raise SaveError(f"the save is damaged: step {i + 1} is incomplete") from None


def _optional_int(value: Any) -> int | None:
    return None if value is None else _int(value, "visit count")


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)
