"""The story as immutable data: what the loader builds and the runtime and tools read."""

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from game.engine.versions import FORMAT_VERSION
from game.engine.words import running_title

# Annotations are evaluated here, not postponed: a named tuple turns each postponed one into a
# compiled forward reference, a hundred of them, at every start. Only the names below, which
# the player does not import before it needs them, are written as strings.
if TYPE_CHECKING:  # the player reads a story from its cache before it compiles any of it
    from game.engine.expr import Compiled, Effects
    from game.engine.text import Paragraph, Part, Plan

Where = tuple[str, int, int]  # file as shown, line, column

PLACE_KINDS = ("fields", "village", "city", "bazaar", "desert", "river", "foothills", "railway",
               "camp")  # fmt: skip
DEFAULT_KIND = "village"  # a place whose author gave no kind still gets a picture


def format_date(date: str | None) -> str:
    """A partial ISO date as a reader sees it: '1918-02' → 'February 1918'."""
    if not date:
        return ""
    parts = date.split("-")
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]  # fmt: skip
    if len(parts) == 1:
        return parts[0]
    month = months[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


class Source(NamedTuple):
    id: str
    title: str
    author: str | None = None
    kind: str | None = None
    year: int | None = None
    url: str | None = None
    note: str | None = None


class Place(NamedTuple):
    id: str
    name: str
    lat: float
    lon: float
    fictional: bool = False
    note: str | None = None
    kind: str = DEFAULT_KIND  # what its illustration shows (the default when the author gave none)


class Person(NamedTuple):
    id: str
    name: str
    kind: str = "documented"  # documented, composite or fictional
    role: str | None = None
    born: int | None = None
    died: int | None = None
    sources: tuple[str, ...] = ()
    perspective: str | None = None  # set for a perspective's own characters


class Term(NamedTuple):
    id: str
    title: str
    text: str
    see: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


class Event(NamedTuple):
    id: str
    title: str
    date: str
    summary: str
    place: str | None = None
    until: str | None = None
    when: str | None = None
    people: tuple[str, ...] = ()
    violent: bool = False
    sources: tuple[str, ...] = ()
    date_note: str | None = None
    where: Where = ("", 0, 0)

    @property
    def when_text(self) -> str:
        if self.when:
            return self.when
        if self.until and self.until != self.date:
            return f"{format_date(self.date)} – {format_date(self.until)}"
        return format_date(self.date)


class Variable(NamedTuple):
    name: str
    value: Any
    description: str
    type: str
    where: Where = ("", 0, 0)


class TextItem(NamedTuple):
    """One paragraph, shown when every condition holds."""

    parts: tuple["Part", ...]
    conditions: tuple["Compiled", ...] = ()
    where: Where = ("", 0, 0)
    static: "Paragraph | None" = None  # rendered once at load when it shows no values
    plan: "Plan | None" = None  # else how to render it quickly, when its links' words are known


class Choice(NamedTuple):
    id: str
    text: str
    parts: tuple["Part", ...]
    goto: str
    condition: "Compiled | None" = None
    effects: "Effects | None" = None
    once: bool = False
    fallback: bool = False
    where: Where = ("", 0, 0)
    static: "Paragraph | None" = None  # the button text, rendered once when it shows no values
    key: bool = False  # a decision that matters: the ending lists it
    plan: "Plan | None" = None  # the button text's render plan when it shows values


class Ending(NamedTuple):
    id: str
    title: str
    epilogue: tuple[str, ...]
    history: tuple[str, ...] = ()
    where: Where = ("", 0, 0)


class Scene(NamedTuple):
    id: str
    perspective: str
    title: str
    text: tuple[TextItem, ...]
    choices: tuple[Choice, ...] = ()
    ending: Ending | None = None
    date: str | None = None
    place: str | None = None
    event: str | None = None
    people: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    where: Where = ("", 0, 0)
    time: str | None = None  # dawn, day, dusk or night: the light of the illustration
    weather: str | None = None  # clear, cloud, rain, snow, dust or heat
    image: str | None = None  # a picture in the story folder drawn instead of the illustration

    @property
    def file(self) -> str:
        return self.where[0]

    @property
    def line(self) -> int:
        return self.where[1]


class Perspective(NamedTuple):
    id: str
    title: str
    protagonist: str
    start: str
    variables: dict[str, Variable]
    scene_ids: tuple[str, ...]
    years: str | None = None
    blurb: str | None = None
    museum_start: str | None = None
    warnings: tuple[str, ...] = ()
    characters: dict[str, Person] | None = None  # the loader always passes a dict
    afterword: str | None = None
    where: Where = ("", 0, 0)


class Story(NamedTuple):
    id: str
    title: str
    version: str
    root: Path
    perspectives: tuple[Perspective, ...]
    scenes: Mapping[str, Scene]  # a dict, or LazyScenes compiling each from the cache
    events: dict[str, Event]
    places: dict[str, Place]
    people: dict[str, Person]
    terms: dict[str, Term]
    sources: dict[str, Source]
    language: str = "en"
    content_note: str | None = None
    credits: str | None = None
    format: int = FORMAT_VERSION

    def perspective(self, pid: str) -> Perspective:
        for p in self.perspectives:
            if p.id == pid:
                return p
        raise KeyError(pid)

    def term_title(self, term_id: str) -> str:
        """The term's title as it reads inside a sentence of the story's text."""
        term = self.terms.get(term_id)
        return running_title(term.title, term.text) if term else term_id
