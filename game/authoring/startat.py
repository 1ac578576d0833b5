"""Start anywhere: a playthrough at any scene with chosen values, for testing the middle."""

from __future__ import annotations

from typing import Any

from game.engine.errors import suggest
from game.engine.model import Perspective, Story
from game.engine.runtime import Playthrough

MAX_SETTINGS = 200  # --set given more often than this is a mistake, not a test


class StartError(ValueError):
    """Why a test run cannot start where it was asked to, said for the author."""


def start_at(story: Story, scene_id: str | None, settings: list[str], *,
             perspective: str | None = None, seed: int | None = None,
             museum: bool = False) -> Playthrough:  # fmt: skip
    """A playthrough standing in `scene_id` (or at its perspective's start) with `settings`
    ("name=value") applied over the initial values. Nothing else differs from a real run."""
    if len(settings) > MAX_SETTINGS:
        raise StartError(f"at most {MAX_SETTINGS} --set values")
    pid = _perspective_of(story, scene_id, perspective)
    pt = Playthrough.start(story, pid, seed=seed, museum=museum)
    values = dict(_setting(pt.perspective, text) for text in settings)
    first = scene_id or pt.scene.id
    visits = {first: 1}
    pt.restore_state(first, {**pt.vars, **values}, visits, pt.state_json()["rng"], set())
    return pt


def _perspective_of(story: Story, scene_id: str | None, asked: str | None) -> str:
    pids = [p.id for p in story.perspectives]
    if asked is not None and asked not in pids:
        raise StartError(f"unknown perspective '{asked}'; the story has: {', '.join(pids)}")
    if scene_id is None:
        if asked is None:
            raise StartError("name the scene (--scene ID) or the perspective (--perspective ID)")
        return asked
    scene = story.scenes.get(scene_id)
    if scene is None:
        hint = suggest(scene_id, story.scenes) or "see 'python -m game graph' for the scene ids"
        raise StartError(f"unknown scene '{scene_id}': {hint}")
    if asked is not None and scene.perspective != asked:
        raise StartError(f"scene '{scene_id}' belongs to '{scene.perspective}', not '{asked}'")
    return scene.perspective


def _setting(perspective: Perspective, text: str) -> tuple[str, Any]:
    name, eq, raw = text.partition("=")
    name, raw = name.strip(), raw.strip()
    if not eq or not name:
        raise StartError(f"--set '{text}': write it as name=value, e.g. --set grain=3")
    variable = perspective.variables.get(name)
    if variable is None:
        hint = suggest(name, perspective.variables) or (
            "the variables are: " + ", ".join(sorted(perspective.variables)) or "none"
        )
        raise StartError(f"--set '{text}': '{perspective.id}' has no variable '{name}' ({hint})")
    try:
        return name, _parse(variable.type, raw)
    except ValueError:
        raise StartError(f"--set '{text}': '{name}' holds {_KINDS[variable.type]}, and "
                         f"'{raw}' is not one") from None  # fmt: skip


_KINDS = {"bool": "true or false", "int": "a whole number", "float": "a number", "str": "text"}


def _parse(kind: str, raw: str) -> Any:
    if kind == "bool":
        if raw.lower() not in ("true", "false"):
            raise ValueError(raw)
        return raw.lower() == "true"
    if kind == "int":
        return int(raw)
    if kind == "float":
        return float(raw)
    return raw.strip("\"'")
