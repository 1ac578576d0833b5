"""The story map's page: the data as JSON inside one HTML file with its own script and style."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from game.authoring.storymap import MapData


def page(data: MapData) -> str:
    """The whole page: no network, nothing outside the file (the template forbids fetching)."""
    template = resources.files("game.authoring").joinpath("map_page.html").read_text("utf-8")
    payload = json.dumps(_json(data), ensure_ascii=False, separators=(",", ":"))
    # Inside <script>, '</' could end the element early: JSON allows writing it as '<\/'.
    return template.replace("__DATA__", payload.replace("</", "<\\/"))


def write_page(data: MapData, path: Path) -> None:
    path.write_text(page(data), "utf-8")


def _json(data: MapData) -> dict:
    nodes = [{"id": n.id, "t": n.title, "v": n.perspective, "f": n.file, "l": n.line,
              "c": n.col, "k": n.kinds, "s": n.text, "p": n.problems, "heat": n.heat,
              "x": round(n.x, 1), "y": round(n.y, 1)} for n in data.nodes]  # fmt: skip
    return {"title": data.title, "perspectives": data.perspectives, "files": data.files,
            "paths": [Path(p).as_posix() for p in data.paths], "nodes": nodes,
            "edges": [list(e) for e in data.edges], "editor": data.editor,
            "story_problems": data.story_problems, "walk": data.walk_runs,
            "layout": data.layout}  # fmt: skip
