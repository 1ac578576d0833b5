"""`python -m game check`: print every problem of a story and exit 1 when there is an error."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from game.authoring import checkcache
from game.authoring.i18n_check import coverage_report, translation_problems
from game.authoring.lint import lint
from game.authoring.lint_typography import fix_quotes, straight_quotes
from game.engine import Problem, read_story
from game.engine.load import LoadResult
from game.paths import default_story_dir


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("story", nargs="?", type=Path, help="the story folder (default: story)")
    parser.add_argument("--format", choices=["text", "json"], default="text",
                        help="json prints one object for editors and CI")  # fmt: skip
    parser.add_argument("--strict", action="store_true", help="warnings fail the check too")
    parser.add_argument("--fix", action="store_true",
                        help="rewrite straight quotes in story text as typographic ones (W606)")  # fmt: skip
    parser.add_argument("--languages", action="store_true",
                        help="also print the translation coverage table")  # fmt: skip


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout  # looked up when run, not bound when imported
    root = args.story or default_story_dir()
    if getattr(args, "fix", False):
        write_fixes(root, out)
    languages = args.format == "text" and getattr(args, "languages", False)
    problems, coverage = findings(root, with_coverage=languages)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if args.format == "json":
        json.dump({"story": str(root), "errors": errors, "warnings": warnings,
                   "problems": [p.to_dict() for p in problems]}, out, indent=2)  # fmt: skip
        out.write("\n")
    else:
        print_problems(problems, out)
        out.write(coverage or "")  # the table only with --languages
        out.write(_summary(root, errors, warnings) + "\n")
    failed = errors > 0 or (args.strict and warnings > 0)
    return 1 if failed else 0


def write_fixes(root: Path, out: TextIO) -> None:
    """check --fix: rewrite what can be rewritten safely (W606), and say what changed."""
    result = read_story(root)
    if result.story is None:
        out.write("--fix: the story has errors that stop it loading; nothing was changed\n")
        return
    changes = sorted(fix_quotes(result.strings, result.files), key=lambda c: (c.file, c.line))
    for c in changes:
        if c.done:
            out.write(f"{c.file}:{c.line}: fixed {c.old} → {c.new}\n")
        else:
            out.write(f"{c.file}:{c.line}: not fixed {c.old} (written with YAML escapes: "
                      f"write {c.new} yourself)\n")  # fmt: skip
    done = sum(c.done for c in changes)
    out.write(f"--fix: {done} word(s) fixed" + (f", {len(changes) - done} left for you" if
              done < len(changes) else "") + "\n\n")  # fmt: skip


def findings(root: Path, with_coverage: bool) -> tuple[list[Problem], str | None]:
    """The problems and (when asked) the coverage table; from the last check when neither the
    story nor the game has changed since (an author's second run, a CI step after a build)."""
    stamp = checkcache.key(root) if root.is_dir() else None
    found = checkcache.read(root, stamp) if stamp else None
    if found is not None and (found[1] is not None or not with_coverage):
        return found
    problems, strings = _collect(root) if found is None else (found[0], None)
    coverage = coverage_report(root, strings) if with_coverage else None
    if stamp:
        checkcache.write(root, stamp, problems, coverage)
    return problems, coverage


def collect_problems(root: Path, result: LoadResult | None = None) -> list[Problem]:
    """Everything the loader finds and, once the story loads, every lint rule's findings
    (`result`: the story already read from `root`, so that it is not read twice)."""
    return _collect(root, result)[0]


def _collect(root: Path, result: LoadResult | None = None) -> tuple[list[Problem], list | None]:
    """The problems, and the story's strings (for the coverage table) when it loads."""
    result = result or read_story(root)
    if result.story is None:  # lint rules need a whole story; fix the loader's errors first
        return result.problems, None
    typography = [f.problem() for f in straight_quotes(result.strings, result.files)]
    problems = result.problems + lint(result.story) + typography + translation_problems(root)
    return sorted(problems, key=lambda p: (p.file, p.line, p.col, p.code)), result.strings


def print_problems(problems: list[Problem], out: TextIO) -> None:
    current = None
    for problem in problems:
        if problem.file != current:  # group by file, as Ren'Py's lint does
            if current is not None:
                out.write("\n")
            current = problem.file
        out.write(str(problem) + "\n")
    if problems:
        out.write("\n")


def _summary(root: Path, errors: int, warnings: int) -> str:
    if not errors and not warnings:
        return f"{root}: no problems found."
    return f"{root}: {errors} error(s), {warnings} warning(s)."
