"""`python -m game new`: start a perspective or a scene file from a template that passes check."""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path
from string import Template
from typing import TextIO

from game.authoring.command import errors
from game.engine import read_story
from game.paths import default_story_dir
from game.storage import write_text

ID = re.compile(r"[a-z][a-z0-9_]*\Z")
SCHEMA = "# yaml-language-server: $$schema=../../../game/engine/schema.json\n"

PERSPECTIVE = Template(
    SCHEMA
    + """\
title: $title
protagonist: >-
  One line on who the player is. The protagonist is fictional.
years: 1916–1924
blurb: >-
  Two lines that invite a player in.
start: ${id}_start
warnings: []                  # content warnings of the whole perspective, e.g. [violence]
# variables:                  # what the story remembers; see docs/story-format.md
#   debt:
#     value: 0
#     description: Sacks of cotton you owe.
"""
)

FIRST_SCENES = Template(
    SCHEMA
    + """\
scenes:
  ${id}_start:
    title: The First Scene
    # date: 1916-06           # a partial ISO date
    # place: kokand           # a place id from history/
    text:
      - >-
        Write the first page here. Keep each paragraph under about 100 words.
    choices:
      - text: Go on
        goto: ${id}_end

  ${id}_end:
    title: An Ending
    text:
      - The last page.
    ending:
      id: ${id}_end
      title: An Ending
      epilogue: What happened to you afterwards.
"""
)

SCENE = Template(
    SCHEMA
    + """\
scenes:
  $id:
    title: $title
    # date: 1916-06           # a partial ISO date
    # place: kokand           # a place id from history/
    # event: revolt_1916      # the documented event the scene shows, if any
    text:
      - >-
        Write the page here. Keep each paragraph under about 100 words.
    choices:
      - text: Go on
        goto: $goto
"""
)


class ScaffoldError(Exception):
    """Something the author asked for that cannot be made, with what to do instead."""


def new_perspective(root: Path, pid: str, title: str | None = None) -> list[Path]:
    """Make the perspective's folder and files and list it in story.yaml, all or nothing."""
    if not ID.match(pid):
        raise ScaffoldError(f"'{pid}' is not a valid id: use lower-case letters, digits and _")
    story_file = root / "story.yaml"
    if not story_file.is_file():
        raise ScaffoldError(f"{root} is not a story folder (it has no story.yaml)")
    folder = root / "perspectives" / pid
    if folder.exists():
        raise ScaffoldError(f"{folder} already exists")
    listed = _listed(story_file, pid)  # before anything is made: a refusal leaves no trace
    files = [folder / "perspective.yaml", folder / "01_start.yaml"]
    words = {"id": pid, "title": title or pid.replace("_", " ").title()}
    try:
        folder.mkdir(parents=True)
        files[0].write_text(PERSPECTIVE.substitute(words), "utf-8")
        files[1].write_text(FIRST_SCENES.substitute(words), "utf-8")
        write_text(story_file, listed)  # last, and atomically: the story never lists a half
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return files


def list_perspective(story_file: Path, pid: str) -> None:
    """Add `pid` to story.yaml's perspectives (atomically: the story never lists a half)."""
    write_text(story_file, _listed(story_file, pid))


def _listed(story_file: Path, pid: str) -> str:
    """story.yaml's text with `pid` added to its perspectives, in flow ([a, b]) or block
    (- a) style."""
    text = story_file.read_text("utf-8")
    flow = re.search(r"^(perspectives:\s*\[)([^\]]*)\]", text, re.M)
    if flow:
        items = [i.strip() for i in flow.group(2).split(",") if i.strip()]
        new = flow.group(1) + ", ".join([*items, pid]) + "]"
        return text[: flow.start()] + new + text[flow.end() :]
    block = re.search(r"^perspectives:\s*\n((?:[ \t]+-.*\n)+)", text, re.M)
    if not block:
        raise ScaffoldError(f"add '{pid}' to 'perspectives:' in {story_file} yourself")
    listed = block.group(1)
    indent = listed[: len(listed) - len(listed.lstrip(" \t"))]  # the list's own indentation
    at = block.end()
    return text[:at] + f"{indent}- {pid}\n" + text[at:]


def new_scene(path: Path, sid: str | None = None, title: str | None = None) -> Path:
    folder = path.parent
    if folder.parent.name != "perspectives" or not (folder / "perspective.yaml").is_file():
        raise ScaffoldError(f"{path} must be inside a perspective folder, such as "
                            "story/perspectives/fergana_farmer/")  # fmt: skip
    if path.suffix != ".yaml":
        raise ScaffoldError(f"{path}: a scene file's name ends in .yaml")
    if path.exists():
        raise ScaffoldError(f"{path} already exists")
    sid = sid or re.sub(r"^[0-9_]+", "", path.stem)
    if not ID.match(sid):
        raise ScaffoldError(f"'{sid}' is not a valid scene id: give one with --id")
    start = _start_and_check(folder.parent.parent, folder.name, sid)
    words = {"id": sid, "title": title or sid.replace("_", " ").capitalize(), "goto": start}
    path.write_text(SCENE.substitute(words), "utf-8")
    return path


def _start_and_check(root: Path, pid: str, sid: str) -> str:
    """The perspective's first scene (where the template's choice leads), once `sid` is free."""
    story = read_story(root).story
    if story is None:
        raise ScaffoldError(f"the story in {root} has errors: run 'python -m game check' first")
    if sid in story.scenes:
        where = story.scenes[sid].where
        raise ScaffoldError(f"a scene '{sid}' already exists ({where[0]}:{where[1]})")
    return story.perspective(pid).start


# -- the command
def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("perspective", help="a new perspective folder with two scenes")
    p.add_argument("id", help="the perspective's id, such as samarkand_student")
    p.add_argument("--story", type=Path, help="the story folder (default: story)")
    p.add_argument("--title", help="its title")
    s = sub.add_parser("scene", help="a new scene file in a perspective folder")
    s.add_argument("file", type=Path, help="such as story/perspectives/fergana_farmer/12_well.yaml")
    s.add_argument("--id", help="the scene's id (default: from the file name)")
    s.add_argument("--title", help="its title")


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout  # looked up when run, not bound when imported
    try:
        if args.what == "perspective":
            root = args.story or default_story_dir()
            made = new_perspective(root, args.id, args.title)
            out.write("".join(f"created {p}\n" for p in made))
            out.write(f"added '{args.id}' to {root / 'story.yaml'}\n")
        else:
            made = [new_scene(args.file, args.id, args.title)]
            out.write(f"created {made[0]}\n")
            out.write("next: link it from a scene with a choice 'goto: "
                      f"{_first_id(made[0])}', then run python -m game check\n")  # fmt: skip
    except ScaffoldError as exc:
        errors(out).write(f"new: {exc}\n")
        return 1
    return 0


def _first_id(path: Path) -> str:
    match = re.search(r"^  ([a-z][a-z0-9_]*):", path.read_text("utf-8"), re.M)
    return match.group(1) if match else "?"
