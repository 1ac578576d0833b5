"""Lint rules about variables: set but never read, read but never set, never used."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from game.authoring.rules import Finding
from game.engine.expr import Compiled
from game.engine.model import Perspective, Story


@dataclass
class Uses:
    """Which variables a perspective's scenes read and write, and where."""

    decides: set[str] = field(default_factory=set)  # read by a condition or an effect
    shown: set[str] = field(default_factory=set)  # read by {…} in text
    written: set[str] = field(default_factory=set)


def uses(story: Story, perspective: Perspective) -> Uses:
    found = Uses()
    for sid in perspective.scene_ids:
        scene = story.scenes[sid]
        for item in scene.text:
            found.shown.update(_reads(item.parts))
            for cond in item.conditions:
                found.decides.update(cond.reads)
        for choice in scene.choices:
            found.shown.update(_reads(choice.parts))
            if choice.condition:
                found.decides.update(choice.condition.reads)
            if choice.effects:
                found.decides.update(choice.effects.reads)
                found.written.update(choice.effects.writes)
    return found


def _reads(parts) -> set[str]:
    return {name for part in parts if isinstance(part, Compiled) for name in part.reads}


def check(story: Story, perspective: Perspective) -> Iterator[Finding]:
    found = uses(story, perspective)
    read = found.decides | found.shown
    for name, var in perspective.variables.items():
        if name in found.written and name not in read:
            yield Finding("W504", var.where, f"variable '{name}' is set but never read",
                          "read it in a condition or in {…} text, or delete it and its "
                          "effects")  # fmt: skip
        elif name in found.decides and name not in found.written:
            yield Finding("W505", var.where, f"variable '{name}' is read by conditions but never "
                          f"set: it is always {var.value!r}",
                          "change it in a choice's 'do:', or write the value into the conditions "
                          "instead")  # fmt: skip
        elif name not in read and name not in found.written:
            yield Finding("W506", var.where, f"variable '{name}' is never used",
                          "use it, or delete it from 'variables:'")  # fmt: skip
