"""Lint rules about history and reading: dates, deaths, content warnings, long paragraphs."""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.dates import earliest, surely_before
from game.authoring.rules import Finding
from game.engine.model import Person, Perspective, Scene, Story
from game.engine.text import plain_words

READING_LIMIT = 100  # words: a museum visitor reads standing up


def check(story: Story, perspective: Perspective) -> Iterator[Finding]:
    scenes = {sid: story.scenes[sid] for sid in perspective.scene_ids}
    yield from backwards(scenes)
    for scene in scenes.values():
        yield from outside_event(story, scene)
        yield from after_death(story, perspective, scene)
        yield from missing_warning(story, scene)
        yield from too_long(scene)


def check_registries(story: Story) -> Iterator[Finding]:
    """Rules about history/ itself, checked once for the whole story."""
    for event in story.events.values():
        for pid in event.people:
            person = story.people.get(pid)
            if person and _dead_by(person, event.date):
                yield Finding("E603", event.where, f"event '{event.id}' ({event.date}) names "
                              f"{person.name}, who died in {person.died}",
                              "check the event's date and people against the sources")  # fmt: skip


def backwards(scenes: dict[str, Scene]) -> Iterator[Finding]:
    frontier: dict[str, set[str]] = {}
    for scene in scenes.values():
        if not scene.date:
            continue
        for choice in scene.choices:
            for later in _dated_from(choice.goto, scenes, frontier):
                target = scenes[later]
                if target.date and surely_before(target.date, scene.date):
                    via = "" if later == choice.goto else f" (through undated '{choice.goto}')"
                    yield Finding("W601", choice.where, f"the choice goes back in time: "
                                  f"'{scene.id}' is dated {scene.date}, but it leads to "
                                  f"'{later}', dated {target.date}{via}",
                                  "fix one of the dates, or say in the text that this is a "
                                  "memory")  # fmt: skip


def _dated_from(sid: str, scenes: dict[str, Scene], memo: dict[str, set[str]]) -> set[str]:
    """The first dated scenes met from `sid` on, passing through undated ones."""
    if sid not in memo:
        found: set[str] = set()
        seen, todo = {sid}, [sid]
        while todo:
            scene = scenes.get(todo.pop())
            if scene is None:
                continue
            if scene.date:
                found.add(scene.id)
                continue
            for choice in scene.choices:
                if choice.goto not in seen:
                    seen.add(choice.goto)
                    todo.append(choice.goto)
        memo[sid] = found
    return memo[sid]


def outside_event(story: Story, scene: Scene) -> Iterator[Finding]:
    event = story.events.get(scene.event) if scene.event else None
    if event is None or not scene.date:
        return
    until = event.until or event.date
    if surely_before(scene.date, event.date) or surely_before(until, scene.date):
        span = event.date if until == event.date else f"{event.date} to {until}"
        yield Finding("W602", scene.where, f"scene '{scene.id}' is dated {scene.date}, outside "
                      f"its event '{event.id}' ({span})",
                      "fix the scene's date, or tie it to another event")  # fmt: skip


def after_death(story: Story, perspective: Perspective, scene: Scene) -> Iterator[Finding]:
    if not scene.date:
        return
    for pid in scene.people:
        person = story.people.get(pid) or (perspective.characters or {}).get(pid)
        if person and _dead_by(person, scene.date):
            yield Finding("E603", scene.where, f"{person.name} ('{pid}') appears in scene "
                          f"'{scene.id}', dated {scene.date}, but died in {person.died}",
                          "remove them from 'people:', or check the dates against the "
                          "sources")  # fmt: skip


def _dead_by(person: Person, date: str) -> bool:
    return (
        person.kind == "documented"
        and person.died is not None
        and (earliest(date)[0] > person.died)
    )


def missing_warning(story: Story, scene: Scene) -> Iterator[Finding]:
    event = story.events.get(scene.event) if scene.event else None
    if event is not None and event.violent and not scene.warnings:
        yield Finding("E604", scene.where, f"scene '{scene.id}' is tied to the violent event "
                      f"'{event.id}' but carries no content warning",
                      "add 'warnings: [violence]' (or the tags that fit) to the scene")  # fmt: skip


def too_long(scene: Scene) -> Iterator[Finding]:
    for item in scene.text:
        count = len(plain_words(item.parts).split())
        if count > READING_LIMIT:
            yield _long(item.where, count)
    if scene.ending:
        for paragraph in scene.ending.epilogue + scene.ending.history:
            count = len(paragraph.split())
            if count > READING_LIMIT:
                yield _long(scene.ending.where, count)


def _long(where, count: int) -> Finding:
    return Finding("W605", where, f"a paragraph of {count} words: over the kiosk's reading "
                   f"limit of {READING_LIMIT}", "split it into two paragraphs, or cut it")  # fmt: skip
