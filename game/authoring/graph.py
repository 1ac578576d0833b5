"""`python -m game graph`: the story map as Graphviz DOT or Mermaid, one perspective or all."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from game.authoring.command import add_story_argument, errors, load_or_explain
from game.authoring.flow import analyse
from game.engine.model import Choice, Scene, Story
from game.engine.text import Part, TermLink

LABEL_WIDTH = 28  # characters of choice text on an edge
COLOURS = {"ending": "#d9ead3", "event": "#fce5cd", "unreachable": "#cc0000"}


@dataclass
class Node:
    id: str
    title: str
    kinds: set[str]  # any of: start, ending, event, unreachable
    note: str = ""  # date, event and ending, under the title


@dataclass
class Edge:
    source: str
    target: str
    label: str
    fallback: bool = False


@dataclass
class Map:
    """What is drawn: per perspective, its scenes and choices."""

    groups: dict[str, tuple[str, list[Node]]] = field(default_factory=dict)  # pid -> title, nodes
    edges: list[Edge] = field(default_factory=list)


def build(story: Story, pids: list[str]) -> Map:
    drawn = Map()
    for pid in pids:
        perspective = story.perspective(pid)
        reachable = analyse(story, perspective).reachable
        nodes = [_node(story, story.scenes[s], s in reachable, s == perspective.start)
                 for s in perspective.scene_ids]  # fmt: skip
        drawn.groups[pid] = (perspective.title, nodes)
        for sid in perspective.scene_ids:
            for choice in story.scenes[sid].choices:
                label = edge_label(story, choice)
                drawn.edges.append(Edge(sid, choice.goto, label, choice.fallback))
    return drawn


def _node(story: Story, scene: Scene, reachable: bool, start: bool) -> Node:
    kinds = {k for k, on in (("start", start), ("ending", scene.ending is not None),
                             ("event", bool(scene.event)), ("unreachable", not reachable)) if on}  # fmt: skip
    notes = [scene.date or ""]
    if scene.event:
        notes.append("event: " + story.events[scene.event].title)
    if scene.ending:
        notes.append("ending: " + scene.ending.id)
    return Node(scene.id, scene.title, kinds, " · ".join(n for n in notes if n))


def edge_label(story: Story, choice: Choice) -> str:
    """The choice text cut to a few words, then its condition and marks."""
    text = "".join(shown_part(story, part) for part in choice.parts)
    if len(text) > LABEL_WIDTH:
        text = text[: LABEL_WIDTH - 1].rsplit(" ", 1)[0] + "…"
    marks = [f"if {choice.condition.source}"] if choice.condition else []
    marks += [m for m, on in (("once", choice.once), ("fallback", choice.fallback)) if on]
    return text + "".join(f"\n[{m}]" for m in marks)


def shown_part(story: Story, part: Part) -> str:
    """A part of text as a reader sees it, with each {value} as its expression."""
    if isinstance(part, str):
        return part
    if isinstance(part, TermLink):
        return part.label or story.term_title(part.term)
    return "{" + part.source + "}"


# -- Graphviz
def to_dot(drawn: Map) -> str:
    lines = ["digraph story {", "  rankdir=TB;",
             '  node [shape=box, style="rounded,filled", fillcolor=white, fontname="Helvetica"];',
             '  edge [fontname="Helvetica", fontsize=10];']  # fmt: skip
    for pid, (title, nodes) in drawn.groups.items():
        lines.append(f"  subgraph cluster_{pid} {{")
        lines.append(f"    label={_dot_text(title)};")
        lines += [f"    {n.id} [{_dot_style(n)}];" for n in nodes]
        lines.append("  }")
    for e in drawn.edges:
        style = ", style=dashed" if e.fallback else ""
        lines.append(f"  {e.source} -> {e.target} [label={_dot_text(e.label)}{style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_style(node: Node) -> str:
    attrs = [f"label={_dot_text(node.title + (chr(10) + node.note if node.note else ''))}"]
    if "ending" in node.kinds:
        attrs += ["shape=doubleoctagon", f'fillcolor="{COLOURS["ending"]}"']
    elif "event" in node.kinds:
        attrs.append(f'fillcolor="{COLOURS["event"]}"')
    if "unreachable" in node.kinds:
        attrs += [f'color="{COLOURS["unreachable"]}"', 'style="rounded,filled,dashed"',
                  f'fontcolor="{COLOURS["unreachable"]}"']  # fmt: skip
    if "start" in node.kinds:
        attrs.append("penwidth=3")
    return ", ".join(attrs)


def _dot_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


# -- Mermaid
_MERMAID_WORDS = {"end", "graph", "subgraph", "flowchart", "style", "class", "classDef", "click"}


def to_mermaid(drawn: Map) -> str:
    lines = ["flowchart TD"]
    for pid, (title, nodes) in drawn.groups.items():
        lines.append(f"  subgraph {_mid(pid)}_map [{_mermaid_text(title)}]")
        for n in nodes:
            text = _mermaid_text(n.title + (f"<br/>{n.note}" if n.note else ""))
            shape = f"([{text}])" if "ending" in n.kinds else f"[{text}]"
            lines.append(f"    {_mid(n.id)}{shape}")
        lines.append("  end")
    for e in drawn.edges:
        arrow = "-.->" if e.fallback else "-->"
        label = _mermaid_text(e.label.replace("\n", "<br/>"))
        lines.append(f"  {_mid(e.source)} {arrow}|{label}| {_mid(e.target)}")
    lines += [f"  classDef ending fill:{COLOURS['ending']},stroke:#38761d",
              f"  classDef event fill:{COLOURS['event']},stroke:#b45f06",
              f"  classDef unreachable stroke:{COLOURS['unreachable']},stroke-dasharray:5 5,"
              f"color:{COLOURS['unreachable']}",
              "  classDef start stroke-width:3px"]  # fmt: skip
    for kind in ("ending", "event", "unreachable", "start"):
        ids = [_mid(n.id) for _, nodes in drawn.groups.values() for n in nodes if kind in n.kinds]
        if ids:
            lines.append(f"  class {','.join(ids)} {kind}")
    return "\n".join(lines) + "\n"


def _mid(sid: str) -> str:
    return sid + "_" if sid in _MERMAID_WORDS else sid


def _mermaid_text(text: str) -> str:
    return '"' + text.replace('"', "#quot;") + '"'


# -- the command
def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_story_argument(parser)
    parser.add_argument("--perspective", help="only this perspective (default: all)")
    parser.add_argument("--format", choices=["dot", "mermaid"], default="dot")
    parser.add_argument("--out", type=Path, metavar="FILE", help="write here, not to the screen")
    parser.add_argument("--svg", type=Path, metavar="FILE",
                        help="draw an SVG picture with Graphviz's 'dot'")  # fmt: skip


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout  # looked up when run, not bound when imported
    story = load_or_explain(args, out)
    if story is None:
        return 1
    pids = [p.id for p in story.perspectives]
    if args.perspective and args.perspective not in pids:
        errors(out).write(
            f"unknown perspective '{args.perspective}'; the story has: {', '.join(pids)}\n"
        )
        return 2
    drawn = build(story, [args.perspective] if args.perspective else pids)
    if args.svg:
        return write_svg(to_dot(drawn), args.svg, out)
    text = to_mermaid(drawn) if args.format == "mermaid" else to_dot(drawn)
    if args.out:
        args.out.write_text(text, "utf-8")
        out.write(f"wrote {args.out}\n")
    else:
        out.write(text)
    return 0


def write_svg(dot: str, target: Path, out: TextIO) -> int:
    program = shutil.which("dot")
    if program is None:
        out.write("Graphviz's 'dot' program is not installed, so no SVG can be drawn.\n"
                  "Install Graphviz (Debian/Ubuntu: sudo apt install graphviz; macOS: brew "
                  "install graphviz), or write the map with --out map.dot and paste it into an "
                  "online Graphviz viewer; --format mermaid shows in GitHub and many editors.\n")  # fmt: skip
        return 2
    done = subprocess.run([program, "-Tsvg", "-o", str(target)], input=dot, text=True,
                          capture_output=True, check=False)  # fmt: skip
    if done.returncode != 0:
        out.write(f"dot failed: {done.stderr.strip()}\n")
        return 1
    out.write(f"wrote {target}\n")
    return 0
