"""`python -m game walk`: play a story automatically, at random or every state, and report."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import TextIO

from game.authoring.command import (
    add_story_argument,
    errors,
    load_or_explain,
    positive_int,
    story_root,
)
from game.authoring.coverage import (
    EndingStats,
    Issue,
    PerspectiveReport,
    Report,
    endings_missed,
    never_offered,
    never_reached,
)
from game.authoring.exhaustive import DEFAULT_CAP, exhaustive
from game.authoring.randomwalk import MAX_STEPS, random_runs
from game.engine.model import Story


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_story_argument(parser)
    how = parser.add_mutually_exclusive_group()
    how.add_argument("--random", type=positive_int, metavar="N", default=None,
                     help="play N random runs (the default, with N = 1000)")  # fmt: skip
    how.add_argument("--exhaustive", action="store_true", help="visit every reachable state")
    parser.add_argument("--seed", type=int, default=1, help="seed of the random runs")
    parser.add_argument("--cap", type=positive_int, default=DEFAULT_CAP,
                        help="at most this many states per perspective and mode")  # fmt: skip
    parser.add_argument("--max-steps", type=positive_int, default=MAX_STEPS,
                        help="a random run longer than this is reported as a loop")  # fmt: skip
    parser.add_argument("--perspective", help="only this perspective (default: all)")
    parser.add_argument("--museum", choices=["both", "yes", "no"], default="both",
                        help="play the museum path, the full one, or both (default)")  # fmt: skip
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--save-failures", type=Path, metavar="DIR",
                        help="write each failure's path as a plan file for 'tty --replay'")  # fmt: skip


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout  # looked up when run, not bound when imported
    root = story_root(args)
    story = load_or_explain(args, out)
    if story is None:
        return 1
    modes = _modes(story, args.perspective, args.museum)
    if modes is None:
        errors(out).write(f"unknown perspective '{args.perspective}'\n")
        return 2
    started = time.perf_counter()
    if args.exhaustive:
        report = exhaustive(story, modes, args.cap)
    else:
        report = random_runs(story, args.random or 1000, args.seed, modes, args.max_steps)
    report.seconds = time.perf_counter() - started
    saved = save_failures(report, args.save_failures) if args.save_failures else {}
    if args.format == "json":
        json.dump(to_json(report, saved), out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        write_text(report, saved, out, root)
    return 1 if report.issues else 0


def _modes(story: Story, only: str | None, museum: str) -> list[tuple[str, bool]] | None:
    pids = [p.id for p in story.perspectives]
    if only is not None:
        if only not in pids:
            return None
        pids = [only]
    flags = {"both": [False, True], "yes": [True], "no": [False]}[museum]
    return [(pid, flag) for pid in pids for flag in flags]


def save_failures(report: Report, folder: Path) -> dict[int, Path]:
    """Write each issue's path as a plan; returns the file written for each issue (by id)."""
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[int, Path] = {}
    for n, issue in enumerate(report.issues, 1):
        path = folder / f"{issue.path.perspective}_{n}.yaml"
        comment = f"walk found a {issue.kind}: {issue.message}"
        path.write_text(issue.path.plan().to_yaml(comment), "utf-8")
        written[id(issue)] = path
    return written


# -- text
def write_text(report: Report, saved: dict[int, Path], out: TextIO, root: Path) -> None:
    story = report.story
    out.write(f"walk: {_what(report)} of {root} in {report.seconds:.1f} s\n")
    for pid, pr in report.perspectives.items():
        out.write(f"\n== {pid}: reached {len(pr.reached)} of "
                  f"{len(pr.perspective.scene_ids)} scenes\n")  # fmt: skip
        if pr.capped:
            out.write("  stopped at the cap of states: the walk is incomplete (--cap)\n")
        out.write("  endings:\n")
        for eid, stats in sorted(pr.endings.items()):
            out.write(f"    {eid}: {_ending_line(report, stats)}\n")
        for eid in endings_missed(story, pr):
            out.write(f"    {eid}: NEVER REACHED\n")
        _list(out, "scenes never reached", [_scene_at(story, s) for s in never_reached(pr)])
        _list(out, "choices never offered",
              [f"'{t}' in {_scene_at(story, s)}" for s, _, t in never_offered(story, pr)])  # fmt: skip
        for issue in pr.issues.values():
            _issue(out, issue, saved.get(id(issue)), root)
    total = len(report.issues)
    out.write(f"\n{total} problem(s) found.\n" if total else "\nNo runtime problems found.\n")


def _what(report: Report) -> str:
    if report.mode == "exhaustive":
        states = sum(pr.states for pr in report.perspectives.values())
        return f"{states} states, exhaustively"
    runs = sum(pr.runs for pr in report.perspectives.values())
    return f"{runs} random runs"


def _ending_line(report: Report, stats: EndingStats) -> str:
    unit = "state(s)" if report.mode == "exhaustive" else "run(s)"
    short = stats.shortest
    line = f"{stats.count} {unit}; shortest {_measure(short)}"
    if stats.unbounded:
        return line + "; longest unbounded (a loop on the way can repeat)"
    return line + f"; longest {_measure(stats.longest)}"


def _measure(path) -> str:
    n = len(path.choices)
    return f"{n} choice{'' if n == 1 else 's'}, {path.words} words, {path.minutes:.1f} min"


def _scene_at(story: Story, sid: str) -> str:
    scene = story.scenes[sid]
    return f"'{sid}' ({scene.file}:{scene.line})"


def _list(out: TextIO, title: str, items: list[str]) -> None:
    if items:
        out.write(f"  {title}:\n")
        for item in items:
            out.write(f"    {item}\n")


def _issue(out: TextIO, issue: Issue, saved: Path | None, root: Path) -> None:
    times = f" ({issue.count}×)" if issue.count > 1 else ""
    out.write(f"  {issue.kind.upper()}{times}: {issue.message}\n")
    mode = " (museum)" if issue.path.museum else ""
    out.write(f"    path{mode}: " + (" → ".join(f"'{c}'" for c in issue.path.choices) or
                                     "(at the start)") + "\n")  # fmt: skip
    if saved:
        out.write(f"    replay: python -m game tty {root} --replay {saved}\n")


# -- json
def to_json(report: Report, saved: dict[int, Path]) -> dict:
    perspectives = {
        pid: _perspective_json(report.story, pr, saved) for pid, pr in report.perspectives.items()
    }
    return {
        "mode": report.mode,
        "seconds": round(report.seconds, 3),
        "perspectives": perspectives,
        "problems": len(report.issues),
    }


def _perspective_json(story: Story, pr: PerspectiveReport, saved: dict[int, Path]) -> dict:
    return {
        "runs": pr.runs,
        "states": pr.states,
        "capped": pr.capped,
        "scenes": len(pr.perspective.scene_ids),
        "reached": len(pr.reached),
        "never_reached": never_reached(pr),
        "never_offered": [
            {"scene": s, "choice": c, "text": t} for s, c, t in never_offered(story, pr)
        ],
        "endings": {eid: _ending_json(st) for eid, st in sorted(pr.endings.items())},
        "endings_never_reached": endings_missed(story, pr),
        "issues": [_issue_json(i, saved.get(id(i))) for i in pr.issues.values()],
    }


def _ending_json(stats: EndingStats) -> dict:
    assert stats.shortest is not None  # an ending is listed once a path has reached it
    longest = None if stats.unbounded or stats.longest is None else stats.longest.to_json()
    return {"count": stats.count, "shortest": stats.shortest.to_json(), "longest": longest,
            "unbounded": stats.unbounded}  # fmt: skip


def _issue_json(issue: Issue, plan: Path | None) -> dict:
    return {"kind": issue.kind, "message": issue.message, "count": issue.count,
            "path": issue.path.to_json(), "chance": list(issue.path.chance),
            "plan": str(plan) if plan else None}  # fmt: skip
