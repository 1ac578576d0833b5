"""Who is who and what was seen where: people of a scene, and events other perspectives share."""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

from game.engine.model import Person, Perspective, Scene, Story


class Witness(NamedTuple):
    """Another perspective that lives an event, and its first scene that shows it."""

    perspective: Perspective
    scene: Scene


def find_person(story: Story, pid: str) -> Person | None:
    """A registry person or any perspective's character."""
    if pid in story.people:
        return story.people[pid]
    return next((p.characters[pid] for p in story.perspectives if p.characters and pid in p.characters),
                None)  # fmt: skip


def scene_people(story: Story, scene: Scene) -> list[Person]:
    """The people a scene names, as registry or character entries (unknown ids left out)."""
    found = (find_person(story, pid) for pid in scene.people)
    return [p for p in found if p is not None]


KIND_ORDER = ("documented", "composite", "fictional")


def people_by_kind(people: list[Person]) -> list[tuple[str, list[Person]]]:
    """People grouped by kind, documented first (what a reader most needs to know), then
    composite, fictional and any other kind, each group in the order the scene names them."""
    kinds = list(KIND_ORDER) + [p.kind for p in people if p.kind not in KIND_ORDER]
    groups = [(kind, [p for p in people if p.kind == kind]) for kind in dict.fromkeys(kinds)]
    return [(kind, group) for kind, group in groups if group]


def also_lived_by(
    story: Story, event_id: str, here: str, finished: Collection[str]
) -> list[Witness]:
    """The finished perspectives other than `here` whose scenes show `event_id`, in the
    story's order, each with its first such scene (in the order of its files)."""
    out = []
    for perspective in story.perspectives:
        if perspective.id == here or perspective.id not in finished:
            continue
        scenes = (story.scenes.get(sid) for sid in perspective.scene_ids)
        first = next((s for s in scenes if s is not None and s.event == event_id), None)
        if first is not None:
            out.append(Witness(perspective, first))
    return out
