"""Read a Twine 2 story: Twee 3 text or a published HTML file's <tw-storydata>, and its markup.

The passages' text is cut into segments the importer can convert: plain text, links, variable
settings, if/else blocks, and anything else kept whole as a macro it cannot convert. Harlowe
writes `(set: $x to 1)` and `(if: $x > 0)[…]`; SugarCube `<<set $x to 1>>` and `<<if …>>…<</if>>`.
"""

from __future__ import annotations

import bisect
import html
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

MAX_BYTES = 20_000_000  # a Twine story larger than this is not a story
MAX_DEPTH = 50  # nested if-blocks


class TwineError(ValueError):
    """The file is not a Twine story this importer can read, and why."""


@dataclass
class Passage:
    name: str
    tags: list[str]
    text: str
    line: int = 0  # in a Twee file, where its header is


@dataclass
class TwineStory:
    name: str
    format: str  # "harlowe" or "sugarcube" (anything else is read as Harlowe)
    start: str
    passages: list[Passage]


# -- files
def read_twine(raw: bytes, name: str) -> TwineStory:
    if len(raw) > MAX_BYTES:
        raise TwineError(f"{name} is larger than {MAX_BYTES // 1_000_000} MB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TwineError(f"{name} is not UTF-8 text (byte {exc.start})") from None
    if "<tw-storydata" in text:
        return _from_html(text, name)
    if re.search(r"^::", text, re.M):
        return _from_twee(text, name)
    raise TwineError(f"{name} is neither Twee (passages start with '::') nor a published "
                     "Twine HTML file (with <tw-storydata>)")  # fmt: skip


_HEADER = re.compile(
    r"^::\s*(?P<name>(?:\\.|[^\[{\\])*?)\s*(?:\[(?P<tags>[^\]]*)\])?\s*(?:\{.*\})?\s*$"
)


def _from_twee(text: str, name: str) -> TwineStory:
    passages: list[Passage] = []
    body: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line) if line.startswith("::") else None
        if header:
            if passages:
                passages[-1].text = "\n".join(body).strip("\n")
            title = re.sub(r"\\(.)", r"\1", header.group("name"))
            passages.append(Passage(title, (header.group("tags") or "").split(), "", number))
            body = []
        else:
            body.append(line)
    if not passages:
        raise TwineError(f"{name} has no passages")
    passages[-1].text = "\n".join(body).strip("\n")
    special = {p.name: p for p in passages if p.name in ("StoryTitle", "StoryData")}
    data = _story_data(special.get("StoryData"), name)
    story_name = special["StoryTitle"].text.strip() if "StoryTitle" in special else name
    rest = [p for p in passages if p.name not in special]
    start = data.get("start") or (rest[0].name if rest else "")
    return TwineStory(story_name, _format(data.get("format", "")), start, rest)


def _story_data(passage: Passage | None, name: str) -> dict:
    if passage is None:
        return {}
    try:
        data = json.loads(passage.text)
    except json.JSONDecodeError as exc:
        raise TwineError(f"{name}:{passage.line}: StoryData is not JSON ({exc.msg})") from None
    return data if isinstance(data, dict) else {}


def _format(name: str) -> str:
    return "sugarcube" if "sugarcube" in name.lower() else "harlowe"


class _StoryData(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.story: dict[str, str] | None = None
        self.passages: list[tuple[dict[str, str], list[str]]] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "tw-storydata" and self.story is None:
            self.story = {k: v or "" for k, v in attrs}
        elif tag == "tw-passagedata":
            self.passages.append(({k: v or "" for k, v in attrs}, []))
            self._inside = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "tw-passagedata":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.passages[-1][1].append(data)


def _from_html(text: str, name: str) -> TwineStory:
    parser = _StoryData()
    parser.feed(text)
    if parser.story is None or not parser.passages:
        raise TwineError(f"{name}: <tw-storydata> holds no passages")
    by_pid = {}
    passages = []
    for attrs, parts in parser.passages:
        passage = Passage(
            attrs.get("name", ""), attrs.get("tags", "").split(), html.unescape("".join(parts))
        )
        by_pid[attrs.get("pid")] = passage
        passages.append(passage)
    start = by_pid.get(parser.story.get("startnode"), passages[0]).name
    return TwineStory(parser.story.get("name", name), _format(parser.story.get("format", "")),
                      start, passages)  # fmt: skip


# -- the markup of a passage
@dataclass
class Text:
    text: str


@dataclass
class Link:
    text: str
    target: str
    setter: str = ""  # SugarCube's [[text|target][$x to 1]]


@dataclass
class Set:
    source: str  # as written, e.g. "$gold to $gold + 1"


@dataclass
class If:
    branches: list[tuple[str | None, list]] = field(default_factory=list)  # (condition, body)


@dataclass
class Macro:
    source: str  # kept whole: what the importer could not convert


def parse_passage(text: str, story_format: str) -> list:
    """The segments of a passage, if-blocks holding their own segments."""
    reader = _SugarCube(text) if story_format == "sugarcube" else _Harlowe(text)
    return reader.segments()


def parse_link(inner: str) -> Link:
    if "->" in inner:
        text, target = inner.rsplit("->", 1)
    elif "<-" in inner:
        target, text = inner.split("<-", 1)
    elif "|" in inner:
        text, target = inner.split("|", 1)
    else:
        text = target = inner
    return Link(text.strip(), target.strip())


def _closing(text: str, start: int, open_: str, close: str) -> int:
    """The index of the `close` matching the `open_` at `start`, or -1."""
    depth = 0
    quote = ""
    for i in range(start, len(text)):
        c = text[i]
        if quote:
            quote = "" if c == quote else quote
        elif c in "\"'" and open_ == "(":
            quote = c
        elif c == open_:
            depth += 1
        elif c == close:
            depth -= 1
            if depth == 0:
                return i
    return -1


def _pairs(text: str, open_: str, close: str) -> dict[int, int]:
    """Where each `open_` is closed, for every one that is, in one pass."""
    pairs, stack = {}, []
    for i, c in enumerate(text):
        if c == open_:
            stack.append(i)
        elif c == close and stack:
            pairs[stack.pop()] = i
    return pairs


class _Harlowe:
    MACRO = re.compile(r"\(([a-z][a-z0-9-]*):", re.I)

    def __init__(self, text: str, depth: int = 0) -> None:
        if depth > MAX_DEPTH:
            raise TwineError(f"if-blocks nested more than {MAX_DEPTH} deep")
        self.text, self.depth = text, depth
        self.hooks = _pairs(text, "[", "]")  # once: searching per hook is quadratic when unclosed

    def segments(self) -> list:
        out: list = []
        text, i, plain = self.text, 0, 0
        while i < len(text):
            if text.startswith("[[", i):
                end = text.find("]]", i)
                if end < 0:
                    break
                self._plain(out, text[plain:i])
                out.append(parse_link(text[i + 2 : end]))
                i = plain = end + 2
                continue
            match = self.MACRO.match(text, i)
            if not match:
                i += 1
                continue
            end = _closing(text, i, "(", ")")
            if end < 0:
                break
            self._plain(out, text[plain:i])
            i = plain = self._macro(out, match.group(1).lower(), text[match.end() : end], end + 1)
        self._plain(out, text[plain:])
        return out

    def _plain(self, out: list, text: str) -> None:
        if text:
            out.append(Text(text))

    def _hook(self, at: int) -> tuple[str | None, int]:
        """The [hook] starting at `at` (spaces allowed before it), and where it ends."""
        j = at
        while j < len(self.text) and self.text[j] in " \t":
            j += 1
        if j < len(self.text) and self.text[j] == "[":
            end = self.hooks.get(j, -1)
            if end > 0:
                return self.text[j + 1 : end], end + 1
        return None, at

    def _macro(self, out: list, name: str, args: str, after: int) -> int:
        if name == "set":
            out.extend(Set(part) for part in split_top(args))
            return after
        if name == "put":
            value, _, var = args.rpartition(" into ")
            out.append(Set(f"{var.strip()} to {value.strip()}") if var else Macro(f"(put:{args})"))
            return after
        if name in ("if", "unless"):
            block = If()
            cond = args if name == "if" else f"not ({args})"
            hook, after = self._hook(after)
            if hook is None:
                out.append(Macro(f"({name}:{args})"))
                return after
            block.branches.append((cond, _Harlowe(hook, self.depth + 1).segments()))
            after = self._else(block, after)
            out.append(block)
            return after
        hook, end = self._hook(after)
        source = f"({name}:{args})" + (f"[{hook}]" if hook is not None else "")
        out.append(Macro(source))
        return end

    def _else(self, block: If, at: int) -> int:
        while True:
            match = re.compile(r"\s*\((else-?if|else):").match(self.text, at)
            if not match:
                return at
            start = match.start() + match.group(0).index("(")
            end = _closing(self.text, start, "(", ")")
            if end < 0:
                return at
            args = self.text[match.end() : end]
            hook, after = self._hook(end + 1)
            if hook is None:
                return at
            cond = None if match.group(1) == "else" else args
            block.branches.append((cond, _Harlowe(hook, self.depth + 1).segments()))
            at = after
            if cond is None:
                return at


def split_top(args: str) -> list[str]:
    """`$a to 1, $b to "x, y"` → the two settings (commas inside quotes or brackets stay)."""
    parts, depth, quote, start = [], 0, "", 0
    for i, c in enumerate(args):
        if quote:
            quote = "" if c == quote else quote
        elif c in "\"'":
            quote = c
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c in ",;" and depth == 0:
            parts.append(args[start:i])
            start = i + 1
    parts.append(args[start:])
    return [p.strip() for p in parts if p.strip()]


class _SugarCube:
    # A tag or link never holds the start of another: an unclosed one then costs one short
    # look, not a scan to the end of the passage for every one of them.
    TAG = re.compile(r"<<(/?)([A-Za-z][\w-]*)\s*((?:(?!<<).)*?)>>", re.S)

    def __init__(self, text: str) -> None:
        self.text = text
        # Where each <</name>> stands, found once: a search per tag is quadratic on junk.
        self.closers: dict[str, list[int]] = {}
        for m in re.finditer(r"<</([A-Za-z][\w-]*)>>", text):
            self.closers.setdefault(m.group(1).lower(), []).append(m.start())

    def _closer(self, name: str, pos: int) -> int:
        """The start of the first <</name>> at or after `pos`, or -1."""
        starts = self.closers.get(name, [])
        i = bisect.bisect_left(starts, pos)
        return starts[i] if i < len(starts) else -1

    def segments(self) -> list:
        root: list = []
        stack: list[tuple[If, list]] = []  # open if-blocks and the body being filled
        current = root
        pos = 0
        pattern = re.compile(
            r"\[\[((?:(?!\[\[).)*?)\]\](?:\[([^\[\]]*)\])?|" + self.TAG.pattern, re.S
        )
        while (match := pattern.search(self.text, pos)) is not None:
            self._plain(current, self.text[pos : match.start()])
            pos = match.end()
            if match.group(0).startswith("[["):
                link = parse_link(match.group(1))
                link.setter = match.group(2) or ""
                current.append(link)
                continue
            closing, name, args = match.group(3), match.group(4).lower(), match.group(5).strip()
            if name == "set" and not closing:
                current.extend(Set(part) for part in split_top(args))
            elif name == "if" and not closing:
                if len(stack) >= MAX_DEPTH:
                    raise TwineError(f"<<if>> nested more than {MAX_DEPTH} deep")
                block = If([(args, [])])
                current.append(block)
                stack.append((block, current))
                current = block.branches[-1][1]
            elif name in ("elseif", "else") and stack and not closing:
                block = stack[-1][0]
                block.branches.append((args if name == "elseif" else None, []))
                current = block.branches[-1][1]
            elif name == "if" and closing and stack:
                current = stack.pop()[1]
            else:
                # A container such as <<link>>…<</link>> is kept whole, with what it holds.
                end = self._closer(name, pos) if not closing else -1
                if end >= 0:
                    pos = self.text.index(">>", end) + 2
                current.append(Macro(self.text[match.start() : pos]))
        self._plain(current, self.text[pos:])
        return root

    def _plain(self, out: list, text: str) -> None:
        if text:
            out.append(Text(text))
