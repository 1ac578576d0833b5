"""`python -m game map --html FILE`: the story as one self-contained page to look through.

This module gathers what the page shows (scenes, choices, problems, walk heat) and lays the
graph out; game.authoring.map_page writes the HTML around it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from game.authoring.check import collect_problems
from game.authoring.command import add_story_argument, story_root
from game.authoring.flow import analyse
from game.authoring.graph import edge_label, shown_part
from game.authoring.randomwalk import random_runs
from game.engine import StoryError, read_story
from game.engine.errors import Problem
from game.engine.load import LoadResult
from game.engine.model import Scene, Story

# How a click opens a scene's file. {path} is absolute, {line} and {col} start at 1.
EDITORS = {
    "vscode": "vscode://file/{path}:{line}:{col}",
    "vscodium": "vscodium://file/{path}:{line}:{col}",
    "idea": "idea://open?file={path}&line={line}",
    "sublime": "subl://open?url=file://{path}&line={line}",
    "file": "file://{path}",
}
EDITOR_ENV = "VOT_EDITOR_LINK"  # a name from EDITORS or a template of its own
DOT_LIMIT = 3000  # Graphviz takes minutes beyond this; the built-in layout takes a second
TEXT_CHARS = 320  # of a scene's text in the hover box
COL, ROW = 230, 120  # the built-in layout's grid, in page pixels
ROW_WIDTH = 40  # scenes in one row of a layer before the layer wraps


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_story_argument(parser)
    parser.add_argument("--html", type=Path, required=True, metavar="FILE",
                        help="write the map to this HTML file")  # fmt: skip
    parser.add_argument("--perspective", metavar="ID", help="only this perspective")
    parser.add_argument("--editor", default=None, metavar="NAME|TEMPLATE",
                        help=f"how a scene opens: {', '.join(EDITORS)}, or a template with "
                        "{path} and {line} (default: vscode, or $" + EDITOR_ENV + ")")  # fmt: skip
    parser.add_argument("--walk", type=int, default=300, metavar="N",
                        help="random runs for the coverage heat (0: none; default 300)")  # fmt: skip
    parser.add_argument("--layout", choices=["auto", "dot", "builtin"], default="auto",
                        help="Graphviz 'dot' when installed (auto), or the built-in one")  # fmt: skip


def run(args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    from game.authoring.map_page import write_page  # the page template, only when writing

    root = story_root(args)
    result = read_story(root)
    story = result.story
    if story is None:
        out.write(str(StoryError(result.problems)) + "\n")
        return 1
    pids = [p.id for p in story.perspectives]
    if args.perspective and args.perspective not in pids:
        out.write(f"unknown perspective '{args.perspective}'; the story has: {', '.join(pids)}\n")
        return 2
    data = gather(story, root, [args.perspective] if args.perspective else pids,
                  editor_template(args.editor), args.walk, result)  # fmt: skip
    data.layout = lay_out(data, args.layout)
    try:
        write_page(data, args.html)
    except OSError as exc:
        out.write(f"cannot write {args.html}: {exc.strerror or exc}\n")
        return 1
    out.write(f"wrote {args.html}: {len(data.nodes)} scenes, {len(data.edges)} choices, "
              f"{data.problem_count} problem(s), layout: {data.layout}\n")  # fmt: skip
    return 0


def editor_template(asked: str | None) -> str:
    chosen = asked or os.environ.get(EDITOR_ENV) or "vscode"
    return EDITORS.get(chosen, chosen)


@dataclass
class MapNode:
    id: str
    title: str
    perspective: int
    file: int
    line: int
    col: int
    kinds: list[str]
    text: str
    problems: list[str] = field(default_factory=list)
    heat: int = 0
    x: float = 0.0
    y: float = 0.0


@dataclass
class MapData:
    title: str
    perspectives: list[dict]  # {id, title, start}
    files: list[str]  # as shown in messages
    paths: list[str]  # absolute, for the editor link
    nodes: list[MapNode]
    edges: list[tuple[int, int, str]]
    editor: str
    story_problems: list[str] = field(default_factory=list)  # not inside any scene
    walk_runs: int = 0
    layout: str = ""

    @property
    def problem_count(self) -> int:
        return sum(len(n.problems) for n in self.nodes) + len(self.story_problems)


def gather(story: Story, root: Path, pids: list[str], editor: str, runs: int,
           result: LoadResult | None = None) -> MapData:  # fmt: skip
    files: dict[str, int] = {}
    nodes: list[MapNode] = []
    index: dict[str, int] = {}
    perspectives = []
    for n, pid in enumerate(pids):
        perspective = story.perspective(pid)
        perspectives.append({"id": pid, "title": perspective.title, "start": perspective.start})
        reachable = analyse(story, perspective).reachable
        for sid in perspective.scene_ids:
            scene = story.scenes[sid]
            index[sid] = len(nodes)
            nodes.append(_node(story, scene, n, files.setdefault(scene.file, len(files)),
                               sid in reachable, sid == perspective.start))  # fmt: skip
    edges = [(index[sid], index[c.goto], edge_label(story, c).replace("\n", " "))
             for sid in index for c in story.scenes[sid].choices if c.goto in index]  # fmt: skip
    base = root.resolve().parent  # a scene's file is shown from the story folder's parent
    data = MapData(story.title, perspectives, list(files), [str(base / f) for f in files],
                   nodes, edges, editor)  # fmt: skip
    _place_problems(data, index, story, collect_problems(root, result))
    if runs > 0:
        _heat(data, story, pids, index, runs)
    return data


def _node(story: Story, scene: Scene, perspective: int, file: int, reachable: bool,
          start: bool) -> MapNode:  # fmt: skip
    kinds = [k for k, on in (("start", start), ("ending", scene.ending is not None),
                             ("event", bool(scene.event)), ("unreachable", not reachable)) if on]  # fmt: skip
    text = " ".join("".join(shown_part(story, p) for p in item.parts) for item in scene.text)
    if len(text) > TEXT_CHARS:
        text = text[: TEXT_CHARS - 1].rsplit(" ", 1)[0] + "…"
    _, line, col = scene.where
    return MapNode(scene.id, scene.title, perspective, file, line, col, kinds, text)


def _place_problems(data: MapData, index: dict[str, int], story: Story,
                    problems: list[Problem]) -> None:  # fmt: skip
    """Each problem on the scene whose lines hold it; the others on the story as a whole."""
    starts: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for sid, i in index.items():
        starts[story.scenes[sid].file].append((story.scenes[sid].where[1], i))
    for lines in starts.values():
        lines.sort()
    for problem in problems:
        text = f"{problem.severity} {problem.code}: {problem.message}" + (
            f" (hint: {problem.hint})" if problem.hint else ""
        )
        owner = [i for line, i in starts.get(problem.file, ()) if line <= problem.line]
        if owner:
            data.nodes[owner[-1]].problems.append(f"line {problem.line}: {text}")
        else:
            data.story_problems.append(f"{problem.file}:{problem.line}: {text}")


def _heat(data: MapData, story: Story, pids: list[str], index: dict[str, int], runs: int) -> None:
    modes = [(pid, False) for pid in pids]
    report = random_runs(story, runs, 1, modes)
    for pr in report.perspectives.values():
        for sid, count in pr.visits.items():
            if sid in index:
                data.nodes[index[sid]].heat += count
    data.walk_runs = runs


# -- layout
def lay_out(data: MapData, how: str) -> str:
    """Set every node's x, y; returns which layout was used."""
    if how != "builtin" and shutil.which("dot") and len(data.nodes) <= DOT_LIMIT:
        try:
            _dot_layout(data)
            return "Graphviz dot"
        except (OSError, subprocess.SubprocessError, ValueError):
            pass  # the built-in layout always works
    _layered_layout(data)
    return "built-in layered"


def _dot_layout(data: MapData) -> None:
    lines = ["digraph m {", "node [shape=box, width=3, height=1, fixedsize=true];"]  # > W, H
    lines += [f"n{i};" for i in range(len(data.nodes))]
    lines += [f"n{a} -> n{b};" for a, b, _ in data.edges]
    lines.append("}")
    done = subprocess.run(["dot", "-Tplain"], input="\n".join(lines), capture_output=True,
                          text=True, timeout=120, check=True)  # fmt: skip
    scale = 72.0  # dot's plain output is in inches
    height = 0.0
    for row in done.stdout.splitlines():
        cells = row.split()
        if cells[:1] == ["graph"]:
            height = float(cells[3])
        elif cells[:1] == ["node"]:
            node = data.nodes[int(cells[1][1:])]
            node.x, node.y = float(cells[2]) * scale, (height - float(cells[3])) * scale


def _layered_layout(data: MapData) -> None:
    """Layers by distance from the start, ordered by where their predecessors stand;
    perspectives side by side, scenes no path reaches in rows below their perspective."""
    succ: dict[int, list[int]] = defaultdict(list)
    pred: dict[int, list[int]] = defaultdict(list)
    for a, b, _ in data.edges:
        succ[a].append(b)
        pred[b].append(a)
    left = 0.0
    for n, perspective in enumerate(data.perspectives):
        members = [i for i, node in enumerate(data.nodes) if node.perspective == n]
        start = next((i for i in members if data.nodes[i].id == perspective["start"]), None)
        layers = _layers(members, start, succ)
        width = _place_layers(data, layers, pred, left)
        left += width + 2 * COL


def _layers(members: list[int], start: int | None, succ: dict[int, list[int]]) -> list[list[int]]:
    depth: dict[int, int] = {}
    frontier = [start] if start is not None else []
    for i in frontier:
        depth[i] = 0
    while frontier:
        nxt = []
        for i in frontier:
            for j in succ[i]:
                if j not in depth:
                    depth[j] = depth[i] + 1
                    nxt.append(j)
        frontier = nxt
    layers: list[list[int]] = [[] for _ in range(max(depth.values(), default=-1) + 1)]
    for i in members:
        if i in depth:
            layers[depth[i]].append(i)
    rest = [i for i in members if i not in depth]
    layers += [rest[k : k + ROW_WIDTH] for k in range(0, len(rest), ROW_WIDTH)]
    return layers


def _place_layers(data: MapData, layers: list[list[int]], pred: dict[int, list[int]],
                  left: float) -> float:  # fmt: skip
    column: dict[int, float] = {}
    row = 0
    widest = 0.0
    for layer in layers:

        def weight(i: int) -> float:
            placed = [column[p] for p in pred[i] if p in column]
            return sum(placed) / len(placed) if placed else float(i)

        ordered = sorted(layer, key=weight)
        for k in range(0, len(ordered), ROW_WIDTH):
            chunk = ordered[k : k + ROW_WIDTH]
            for c, i in enumerate(chunk):
                column[i] = c
                data.nodes[i].x, data.nodes[i].y = left + c * COL, row * ROW
            widest = max(widest, (len(chunk) - 1) * COL)
            row += 1
    return widest
