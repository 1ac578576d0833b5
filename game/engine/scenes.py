"""Build one perspective's variables and scenes, compiling every expression and checking links."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from game.engine import limits
from game.engine.errors import suggest
from game.engine.expr import (
    Compiled,
    Effects,
    Env,
    ExprError,
    compile_condition,
    compile_effects,
    type_of,
)
from game.engine.images import image_problem
from game.engine.model import Choice, Ending, Scene, TextItem, Variable
from game.engine.registry import check_ref
from game.engine.sourcedata import Pos, SourceFile, YMap, YSeq
from game.engine.strings import Strings
from game.engine.text import (
    Paragraph,
    Part,
    Plan,
    TermLink,
    compile_markup,
    prepare,
    render,
)
from game.engine.words import running_title

BUILTIN_VARIABLES = {"museum": "bool"}


def build_variables(src: SourceFile, data: YMap) -> dict[str, Variable]:
    variables: dict[str, Variable] = {}
    table: Any = data.get("variables") or {}
    for name, spec in table.items():
        pos = table.key_pos[name]
        typ = type_of(spec.get("value"))
        if name in BUILTIN_VARIABLES:
            src.problem(pos, f"'{name}' is a built-in variable", "choose another name", "E301")
            continue
        if typ is None:  # the schema reports the bad value itself
            continue
        value = spec["value"]
        if typ == "str" and _NUMBER.fullmatch(value.strip()):
            # Reported once, here; the variable is then taken as the number meant, so that
            # its uses do not each repeat the same mistake.
            where = spec.val_pos.get("value", pos)
            src.problem(where, f"'{name}' starts as the text \"{value}\", not a number",
                        f"write the number without quotes: 'value: {value.strip()}'",
                        "E303")  # fmt: skip
            value = float(value) if "." in value else int(value)
            typ = type_of(value)
        assert typ is not None  # a value of no known type was skipped above
        variables[name] = Variable(name, value, spec["description"], typ, (src.shown, *pos))
    return variables


_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def make_env(variables: dict[str, Variable]) -> Env:
    types = {name: v.type for name, v in variables.items()}
    types.update(BUILTIN_VARIABLES)
    return Env(types, frozenset(BUILTIN_VARIABLES))


def _expr_pos(pos: Pos, style: str | None, offset: int) -> Pos:
    """Where character `offset` of a scalar's text is, as far as the scalar's style allows."""
    if style in ('"', "'"):
        return (pos[0], pos[1] + 1 + offset)
    if style in ("|", ">"):
        return (pos[0] + 1, pos[1])  # block text starts on the next line
    return (pos[0], pos[1] + offset)


class SceneBuilder:
    """Compiles the scenes of one perspective; problems go to each scene's file."""

    def __init__(self, perspective: str, env: Env, terms: dict, people: dict, places: dict,
                 events: dict, strings: Strings | None = None):  # fmt: skip
        self.perspective, self.env = perspective, env
        self.strings = strings or Strings()
        self._paragraphs = 0  # numbers the paragraphs of the scene being built
        self.terms, self.people, self.places, self.events = terms, people, places, events
        self.scene_refs: list[tuple[SourceFile, Pos, str]] = []  # for goto/seen checks
        self.root: Path | None = None  # the story folder, when scenes' images are to be checked
        # The same condition ('not museum', 'debt > 0') recurs across scenes; compiled
        # expressions are immutable, so one compile can serve every place it is written.
        self._compiled: dict[tuple[Any, str], Any] = {}

    # -- expressions with positions
    def _compile(self, src: SourceFile, pos: Pos, style, text: str, fn) -> Any:
        key = (fn, text)
        if key in self._compiled:
            return self._compiled[key]
        try:
            result = fn(text, self.env)
            if fn is not compile_markup:  # paragraphs are unique: remembering them costs memory
                self._compiled[key] = result
            return result
        except ExprError as exc:
            src.problem(_expr_pos(pos, style, exc.offset), exc.message, exc.hint, "E401")
            return None

    def condition(self, src: SourceFile, owner: YMap, key: str = "if") -> Compiled | None:
        text = owner.get(key)
        if not isinstance(text, str):
            return None
        pos, style = owner.val_pos[key], owner.styles.get(key)
        compiled = self._compile(src, pos, style, text, compile_condition)
        if compiled:
            self._scene_refs(src, pos, style, compiled.scene_refs)
        return compiled

    def effects(self, src: SourceFile, choice: YMap) -> Effects | None:
        raw = choice.get("do")
        if raw is None:
            return None
        if isinstance(raw, YSeq):
            found = [self._effect_line(src, raw, i) for i in range(len(raw))]
            parts = [p for p in found if p is not None]
            if len(parts) < len(found):
                return None
            assignments = tuple(a for p in parts for a in p.assignments)
            return Effects("; ".join(raw), assignments, frozenset().union(*(p.writes for p in parts)),
                           frozenset().union(*(p.reads for p in parts)))  # fmt: skip
        if not isinstance(raw, str):
            return None
        effects = self._compile(
            src, choice.val_pos["do"], choice.styles.get("do"), raw, compile_effects
        )
        if effects:
            for a in effects.assignments:
                self._scene_refs(
                    src, choice.val_pos["do"], choice.styles.get("do"), a.value.scene_refs
                )
        return effects

    def _effect_line(self, src: SourceFile, seq: YSeq, i: int) -> Effects | None:
        if not isinstance(seq[i], str):
            return None
        return self._compile(src, seq.item_pos[i], seq.styles[i], seq[i], compile_effects)

    def markup(self, src: SourceFile, pos: Pos, style, text: str) -> tuple[Part, ...] | None:
        parts = self._compile(src, pos, style, text, compile_markup)
        if parts is None:
            return None
        for part in parts:
            if hasattr(part, "term") and part.term not in self.terms:
                hint = suggest(part.term, self.terms) or "add the term to history/ (terms:)"
                src.problem(_expr_pos(pos, style, part.offset), f"unknown codex term '{part.term}'",
                            hint, "E202")  # fmt: skip
            elif isinstance(part, Compiled):
                self._scene_refs(src, pos, style, part.scene_refs)
        return parts

    def translated_markup(self, src: SourceFile, pos: Pos, style, text: str, context: str):
        """Compile the English (reporting its mistakes), then the translation when there is one.

        A translation whose markup does not compile falls back to the English: a player never
        meets a broken page, and `check` reports the translation's mistake to the translator.
        """
        parts = self.markup(src, pos, style, text)
        translated = self.strings.text(context, text, src.shown, pos[0])
        if translated is text or parts is None:
            return parts
        try:
            own = compile_markup(translated, self.env)
        except ExprError:
            return parts
        links_ok = all(p.term in self.terms for p in own if isinstance(p, TermLink))
        return own if links_ok else parts

    def _rendered(self, parts: tuple[Part, ...]) -> tuple[Paragraph | None, Plan | None]:
        """Text without values is rendered here once, not on every visit; text with values
        gets its render plan (see text.prepare)."""
        static = True
        for part in parts:  # one pass: this runs for every paragraph of a cold load
            if type(part) is TermLink:
                if part.term not in self.terms:
                    return None, None  # an unknown term, reported already
            elif type(part) is not str:
                static = False
        if static:
            return render(parts, None, self._term_title), None  # type: ignore[arg-type]  # static: no values to read
        return None, prepare(parts, self._term_title)

    def _term_title(self, term: str) -> str:
        return running_title(self.terms[term].title, self.terms[term].text)

    def _scene_refs(self, src: SourceFile, pos: Pos, style, refs) -> None:
        for scene, offset in refs:
            self.scene_refs.append((src, _expr_pos(pos, style, offset), scene))

    # -- scenes
    def scene(self, src: SourceFile, sid: str, data: YMap, pos: Pos) -> Scene:
        self._links(src, data)
        self._paragraphs = 0
        text = self._text(src, sid, data.get("text"), data, "text", ())
        choices = self._choices(src, sid, data.get("choices"))
        ending = self._ending(src, sid, data.get("ending"))
        title = self.strings.field(src, data, "title", f"scene:{sid}")
        image = data.get("image")
        if self.root is not None and isinstance(image, str):
            self._check_image(src, self.root, data.val_pos["image"], image)
        return Scene(sid, self.perspective, title, tuple(text), tuple(choices), ending,
                     _date(data.get("date")), data.get("place"), data.get("event"),
                     tuple(data.get("people") or ()), tuple(data.get("warnings") or ()),
                     (src.shown, *pos), data.get("time"), data.get("weather"),
                     image if isinstance(image, str) else None)  # fmt: skip

    def _check_image(self, src: SourceFile, root: Path, pos: Pos, image: str) -> None:
        problem = image_problem(root, image)
        if problem:
            src.problem(pos, f"image '{image}': {problem}", "put a PNG, JPEG or WebP file inside "
                        "the story folder and give its path from there, such as "
                        "'images/bazaar.png'", "E205")  # fmt: skip

    def _links(self, src: SourceFile, data: YMap) -> None:
        for key, section, table in (("place", "places", self.places),
                                    ("event", "events", self.events)):  # fmt: skip
            if key in data:
                check_ref(src, data.val_pos[key], section, data[key], table)
        people = data.get("people")
        if isinstance(people, YSeq):
            for i, ref in enumerate(people):
                check_ref(src, people.item_pos[i], "people", ref, self.people)

    def _text(
        self, src, sid: str, value, owner, key, conds: tuple, depth: int = 0
    ) -> list[TextItem]:
        if isinstance(value, str):
            pos, style = _value_pos(owner, key)
            self._paragraphs += 1
            context = f"scene:{sid}:text:{self._paragraphs}"
            parts = self.translated_markup(src, pos, style, value, context)
            if parts is None:
                return []
            return [TextItem(parts, conds, (src.shown, *pos), *self._rendered(parts))]
        items: list[TextItem] = []
        if not isinstance(value, list):
            return items
        for i, item in enumerate(value):
            if isinstance(item, str):
                items += self._text(src, sid, item, value, i, conds)
            elif isinstance(item, YMap) and depth >= limits.MAX_CONDITIONAL_DEPTH:
                src.problem(value.item_pos[i] if isinstance(value, YSeq) else item.pos, "conditional paragraphs are nested too deeply "
                            f"(more than {limits.MAX_CONDITIONAL_DEPTH} levels)",
                            "combine the conditions with 'and'", "E007")  # fmt: skip
            elif isinstance(item, YMap):
                cond = self.condition(src, item)
                inner = conds + ((cond,) if cond else ())
                items += self._text(src, sid, item.get("text"), item, "text", inner, depth + 1)
        return items

    def _choices(self, src: SourceFile, sid: str, value) -> list[Choice]:
        choices: list[Choice] = []
        seen_ids: dict[str, Pos] = {}
        for i, data in enumerate(value or ()):
            if not isinstance(data, YMap):
                continue
            cid = data.get("id") or f"{sid}.{i + 1}"
            if cid in seen_ids:
                src.problem(data.val_pos.get("id", data.pos), f"duplicate choice id '{cid}'",
                            "give each choice of a scene its own id", "E302")  # fmt: skip
            seen_ids[cid] = data.pos
            choices.append(self._choice(src, sid, cid, data))
        return choices

    def _choice(self, src: SourceFile, sid: str, cid: str, data: YMap) -> Choice:
        pos, style = _value_pos(data, "text")
        context = f"scene:{sid}:choice:{cid}"
        parts = self.translated_markup(src, pos, style, data.get("text", ""), context) or ()
        goto = data.get("goto")
        if isinstance(goto, str) and goto:  # an empty goto was reported as missing already
            self.scene_refs.append((src, data.val_pos["goto"], goto))
        static, plan = self._rendered(parts)
        return Choice(cid, data.get("text", ""), parts, goto or "", self.condition(src, data),
                      self.effects(src, data), bool(data.get("once")), bool(data.get("fallback")),
                      (src.shown, *data.pos), static, data.get("key") is True, plan)  # fmt: skip

    def _ending(self, src: SourceFile, sid: str, data) -> Ending | None:
        if not isinstance(data, YMap):
            return None
        ctx, tr = f"scene:{sid}:ending", self.strings
        return Ending(data["id"], tr.field(src, data, "title", ctx),
                      tr.paragraphs(src, data, "epilogue", ctx),
                      tr.paragraphs(src, data, "history", ctx), (src.shown, *data.pos))  # fmt: skip


def _value_pos(owner, key) -> tuple[Pos, str | None]:
    if isinstance(owner, YMap):
        return owner.val_pos.get(key, owner.pos), owner.styles.get(key)
    return owner.item_pos[key], owner.styles[key]


def _date(value) -> str | None:
    return None if value is None else str(value)
