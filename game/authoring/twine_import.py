"""`python -m game import-twine STORY --perspective ID`: a Twine 2 story as a new perspective.

Passages become scenes, links choices, variables declared ones. A setting at the top of a
passage happens on arrival there, so it becomes the `do:` of every choice that leads there (of
the start passage: the variables' initial values). If-blocks become conditions on paragraphs
and choices. Whatever cannot be converted is listed by passage, to be finished by hand.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import yaml

from game.authoring.check import collect_problems
from game.authoring.lint_typography import typographic
from game.authoring.scaffold import ID, list_perspective
from game.authoring.twine import (
    If,
    Link,
    Macro,
    Set,
    Text,
    TwineError,
    TwineStory,
    parse_passage,
    read_twine,
)
from game.paths import default_story_dir

SKIPPED_TAGS = {"script", "stylesheet", "widget", "startup", "Twine.private"}
INIT_PASSAGES = {"StoryInit"}
SHOWN_TODO = (
    100  # on screen; the file lists them all  # SugarCube's: its settings are the initial values
)


class Unconvertible(ValueError):
    """A piece of Twine markup with no equivalent here."""


# -- expressions
_EXPR_TOKEN = re.compile(
    r"""\s*(?:(?P<str>"[^"]*"|'[^']*')|(?P<num>\d+(?:\.\d+)?)|(?P<var>[$_][A-Za-z_]\w*)
    |(?P<word>[A-Za-z_]\w*)|(?P<op>===|!==|==|!=|>=|<=|&&|\|\||[-+*/%<>=!()]))""",
    re.X,
)
_WORDS = {"is": "==", "eq": "==", "neq": "!=", "isnot": "!=", "gt": ">", "gte": ">=",
          "lt": "<", "lte": "<=", "and": "and", "or": "or", "not": "not", "true": "true",
          "false": "false"}  # fmt: skip
_OPS = {"===": "==", "!==": "!=", "&&": "and", "||": "or", "!": "not", "=": "=="}


def expression(source: str, reads: set[str] | None = None) -> str:
    """A Harlowe or SugarCube condition or value in this story's expression language."""
    out: list[str] = []
    pos = 0
    source = source.strip()
    while pos < len(source):
        match = _EXPR_TOKEN.match(source, pos)
        if not match or match.end() == pos:
            raise Unconvertible(f"cannot read '{source[pos:].strip()}' in '{source}'")
        pos = match.end()
        kind = match.lastgroup or ""  # every alternative is a named group
        text = match.group(kind)
        if kind == "var":
            if text.startswith("_"):
                raise Unconvertible(f"temporary variable {text} in '{source}'")
            out.append(text[1:])
            if reads is not None:
                reads.add(text[1:])
        elif kind == "word":
            word = text.lower()
            if word == "not" and out and out[-1] == "==":  # Harlowe's 'is not'
                out[-1] = "!="
            elif word in _WORDS:
                out.append(_WORDS[word])
            else:
                raise Unconvertible(f"'{text}' in '{source}'")
        elif kind == "op":
            out.append(_OPS.get(text, text))
        else:
            out.append(text)
    return " ".join(out).replace("( ", "(").replace(" )", ")")


_SETTING = re.compile(r"^\s*\$([A-Za-z_]\w*)\s*(to|=|\+=|-=)\s*(.+)$", re.S)


def setting(source: str) -> tuple[str, str, str]:
    """'$gold to $gold + 1' → ('gold', '=', 'gold + 1')."""
    match = _SETTING.match(source)
    if not match:
        raise Unconvertible(f"cannot read the setting '{source.strip()}'")
    op = "=" if match.group(2) == "to" else match.group(2)
    return match.group(1), op, expression(match.group(3))


def literal(value: str) -> Any:
    """The Python value of a constant expression, or raise: initial values must be constants."""
    value = value.strip()
    if value in ("true", "false"):
        return value == "true"
    if re.fullmatch(r"-?\d+", value):
        return int(value)
    if re.fullmatch(r"-?\d+\.\d+", value):
        return float(value)
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    raise Unconvertible(f"an initial value must be a constant, not '{value}'")


# -- the conversion
@dataclass
class Draft:
    """One passage on its way to being a scene."""

    id: str
    title: str
    paragraphs: list[tuple[str, str | None]] = field(default_factory=list)  # (text, condition)
    links: list[tuple[Link, str | None]] = field(default_factory=list)
    sets: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class Result:
    files: list[Path]
    todo: list[str]  # what the author must finish, each naming its passage


class Converter:
    def __init__(self, story: TwineStory, pid: str) -> None:
        self.story, self.pid = story, pid
        self.todo: list[str] = []
        self.ids: dict[str, str] = {}
        self.reads: set[str] = set()
        self.values: dict[str, Any] = {}  # initial values, from the start passage or StoryInit
        self.types: dict[str, Any] = {}  # the first constant each variable is given

    def scene_id(self, name: str) -> str:
        if name not in self.ids:
            slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "passage"
            sid, n = f"{self.pid}_{slug}", 2
            while sid in self.ids.values():
                sid, n = f"{self.pid}_{slug}_{n}", n + 1
            self.ids[name] = sid
        return self.ids[name]

    def convert(self) -> tuple[dict, dict]:
        passages = [p for p in self.story.passages if not SKIPPED_TAGS & set(p.tags)]
        for p in self.story.passages:
            if SKIPPED_TAGS & set(p.tags) and p.name not in INIT_PASSAGES:
                self.todo.append(f"passage '{p.name}' ({', '.join(p.tags)}) was left out")
        names = {p.name for p in passages if p.name not in INIT_PASSAGES}
        if self.story.start not in names:
            raise TwineError(f"the start passage '{self.story.start}' is missing")
        drafts = {}
        for p in passages:
            draft = Draft(self.scene_id(p.name), p.name)
            self._segments(p.name, parse_passage(p.text, self.story.format), None, draft)
            drafts[p.name] = draft
        for name in INIT_PASSAGES & drafts.keys():
            self._initial(name, drafts.pop(name))
        self._initial(self.story.start, drafts[self.story.start])
        scenes = {d.id: self._scene(name, d, drafts) for name, d in drafts.items()}
        return self._perspective(), {"scenes": scenes}

    # passages → drafts
    def _segments(self, name: str, segments: list, cond: str | None, draft: Draft) -> None:
        """Text runs on across links, settings and prints (a line ends where a line ends);
        an if-block ends the text before it."""
        pending: list[str] = []
        for seg in segments:
            try:
                if isinstance(seg, Macro) and (shown := _printed(seg.source)):
                    pending.append("{" + expression(shown, self.reads) + "}")
                elif isinstance(seg, Text):
                    pending.append(_braces(seg.text))
                else:
                    if isinstance(seg, If):
                        self._text("".join(pending), cond, draft)
                        pending = []
                    self._segment(name, seg, cond, draft)
            except Unconvertible as exc:
                self.todo.append(f"passage '{name}': {exc}")
        self._text("".join(pending), cond, draft)

    def _segment(self, name: str, seg, cond: str | None, draft: Draft) -> None:
        if isinstance(seg, Link):
            if seg.setter:
                raise Unconvertible(f"the link '{seg.text}' sets [{seg.setter}]: put the "
                                    "setting in the passage it leads to")  # fmt: skip
            draft.links.append((seg, cond))
        elif isinstance(seg, Set):
            if cond is not None:
                raise Unconvertible(f"a setting inside an if-block ({seg.source.strip()}): "
                                    "settings happen on arrival here, whatever the condition")  # fmt: skip
            draft.sets.append(setting(seg.source))
        elif isinstance(seg, If):
            self._if(name, seg, cond, draft)
        elif isinstance(seg, Macro):
            raise Unconvertible(f"cannot convert {_short(seg.source)}")

    def _if(self, name: str, block: If, cond: str | None, draft: Draft) -> None:
        previous: list[str] = []
        for branch, body in block.branches:
            parts = [f"not ({p})" for p in previous]
            if branch is not None:
                parts.append(f"({expression(branch, self.reads)})")
                previous.append(expression(branch))
            here = " and ".join(([f"({cond})"] if cond else []) + parts)
            self._segments(name, body, _bare(here) if here else cond, draft)

    def _text(self, text: str, cond: str | None, draft: Draft) -> None:
        for line in text.splitlines():
            line = re.sub(r"\s+", " ", line).strip()
            if not line:
                continue
            line = re.sub(r"\$([A-Za-z_]\w*)", lambda m: self._shown(m.group(1)), line)
            draft.paragraphs.append((typographic(line), cond))

    def _shown(self, name: str) -> str:
        self.reads.add(name)
        return "{" + name + "}"

    def _initial(self, name: str, draft: Draft) -> None:
        for var, op, value in draft.sets:
            try:
                if op != "=":
                    raise Unconvertible(f"'{var} {op} {value}' before anything was set")
                self.values[var] = literal(value)
            except Unconvertible as exc:
                self.todo.append(f"passage '{name}': {exc}")
        draft.sets = (
            [] if name in INIT_PASSAGES else [s for s in draft.sets if s[0] not in self.values]
        )

    # drafts → YAML data
    def _scene(self, name: str, draft: Draft, drafts: dict[str, Draft]) -> dict:
        scene: dict[str, Any] = {"title": typographic(draft.title)}
        text = [p if c is None else {"if": c, "text": p} for p, c in draft.paragraphs]
        scene["text"] = text or ["…"]
        choices = []
        for link, cond in draft.links:
            if link.target not in drafts:
                self.todo.append(f"passage '{name}': the link '{link.text}' leads to "
                                 f"'{link.target}', which is not a passage")  # fmt: skip
                continue
            target = drafts[link.target]
            choice: dict[str, Any] = {"text": typographic(link.text)}
            if cond:
                choice["if"] = cond
            if target.sets:
                choice["do"] = "; ".join(f"{v} {op} {e}" for v, op, e in target.sets)
                for v, _, e in target.sets:
                    self._note_type(v, e)
            choice["goto"] = target.id
            choices.append(choice)
        if choices:
            scene["choices"] = choices
        else:
            scene["ending"] = {"id": draft.id, "title": typographic(draft.title),
                               "epilogue": "(Write what became of the protagonist.)"}  # fmt: skip
            self.todo.append(f"passage '{name}' has no links: it became an ending; write its "
                             "epilogue")  # fmt: skip
        return scene

    def _note_type(self, var: str, value: str) -> None:
        if var not in self.types:
            # an expression (not a constant) says nothing here: its type follows from what it reads
            with contextlib.suppress(Unconvertible):
                self.types[var] = literal(value)

    def _perspective(self) -> dict:
        variables = {}
        for var in sorted(set(self.values) | set(self.types) | self.reads):
            value = self.values.get(var, _zero(self.types.get(var, 0)))
            variables[var] = {"value": value, "description": f"${var} in the Twine story."}
            if var not in self.values and var not in self.types:
                self.todo.append(f"variable '{var}' is read but never set: it starts as {value}; "
                                 "give it the right initial value")  # fmt: skip
        data: dict[str, Any] = {
            "title": typographic(self.story.name),
            "protagonist": "(Who the player is; imported from Twine.)",
            "start": self.scene_id(self.story.start),
        }
        if variables:
            data["variables"] = variables
        return data


_PRINT = re.compile(r"^(?:\(print:(.*)\)|<<(?:print|=)\s(.*)>>)$", re.S)


def _printed(source: str) -> str | None:
    """What (print: …) or <<print …>> shows, or None for any other macro."""
    match = _PRINT.match(source.strip())
    return (match.group(1) or match.group(2)) if match else None


def _braces(text: str) -> str:
    """Braces in Twine text are text; here they open an expression unless doubled."""
    return text.replace("{", "{{").replace("}", "}}")


def _zero(example: Any) -> Any:
    return type(example)() if not isinstance(example, bool) else False


def _bare(cond: str) -> str:
    """'(x > 1)' → 'x > 1' when the brackets hold the whole condition."""
    if cond.startswith("(") and cond.endswith(")") and cond.count("(") == 1:
        return cond[1:-1]
    return cond


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# -- files
def import_twine(source: Path, root: Path, pid: str) -> Result:
    if not ID.match(pid):
        raise TwineError(f"'{pid}' is not a valid id: use lower-case letters, digits and _")
    folder = root / "perspectives" / pid
    if folder.exists():
        raise TwineError(f"{folder} already exists: choose another --perspective id")
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise TwineError(f"cannot read {source}: {exc.strerror or exc}") from None
    converter = Converter(read_twine(raw, source.name), pid)
    perspective, scenes = converter.convert()
    folder.mkdir(parents=True)
    files = [folder / "perspective.yaml", folder / "01_twine.yaml"]
    header = f"# Imported from {source.name} by python -m game import-twine.\n"
    todo = "".join(f"# TO FINISH: {t}\n" for t in converter.todo)
    files[0].write_text(header + _yaml(perspective), "utf-8")
    files[1].write_text(header + todo + _yaml(scenes), "utf-8")
    list_perspective(root / "story.yaml", pid)
    return Result(files, converter.todo)


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, as the story's own files are written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


def _yaml(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=96)


# -- the command
def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", type=Path, help="a Twee 3 file (.twee, .tw) or a published .html")
    parser.add_argument(
        "--perspective", required=True, metavar="ID", help="the new perspective's id"
    )
    parser.add_argument("--story", type=Path, help="the story folder (default: story)")


def run(args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    root = args.story or default_story_dir()
    try:
        result = import_twine(args.source, root, args.perspective)
    except TwineError as exc:
        out.write(f"import-twine: {exc}\n")
        return 1
    out.write("".join(f"created {p}\n" for p in result.files))
    out.write(f"added '{args.perspective}' to {root / 'story.yaml'}\n")
    if result.todo:
        out.write(
            f"\nTo finish by hand ({len(result.todo)}; also at the top of {result.files[1].name}):\n"
        )
        out.write("".join(f"  - {t}\n" for t in result.todo[:SHOWN_TODO]))
        if len(result.todo) > SHOWN_TODO:
            out.write(f"  … and {len(result.todo) - SHOWN_TODO} more in the file\n")
    folder = str(Path("perspectives") / args.perspective)
    problems = [p for p in collect_problems(root) if folder in p.file]
    errors = [p for p in problems if p.severity == "error"]
    if problems:
        out.write("\ncheck finds in the new perspective:\n" + "".join(f"{p}\n" for p in problems))
    out.write(f"\n{len(errors)} error(s), {len(problems) - len(errors)} warning(s) in "
              f"{args.perspective}; run python -m game check to see the whole story.\n")  # fmt: skip
    return 1 if errors else 0
