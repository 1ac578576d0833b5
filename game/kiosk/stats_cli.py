"""`python -m game stats [--csv FILE]`: the kiosk's visit statistics, summed up or exported."""

from __future__ import annotations

import argparse
import csv
import logging
import sqlite3
import sys
from pathlib import Path

from game.kiosk.stats import TABLES, Stats, default_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--csv", type=Path, metavar="FILE",
                        help="export: sessions to FILE, and FILE-choices.csv, FILE-endings.csv, "
                             "FILE-walkaways.csv beside it")  # fmt: skip
    parser.add_argument("--db", type=Path, default=None, help="the statistics database "
                        "(default: kiosk-statistics.sqlite3 in the user data folder)")  # fmt: skip


def export_paths(target: Path) -> dict[str, Path]:
    """Where each table goes: sessions to FILE itself, the others beside it."""
    stem = target.with_suffix("") if target.suffix.lower() == ".csv" else target
    return {
        t: target if t == "sessions" else stem.with_name(f"{stem.name}-{t}.csv") for t in TABLES
    }


def export(stats: Stats, target: Path) -> list[Path]:
    written = []
    for table, path in export_paths(target).items():
        columns, rows = stats.rows(table)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(columns)
            writer.writerows(rows)
        written.append(path)
    return written


def summary_text(stats: Stats) -> str:
    out = [f"sessions recorded: {stats.sessions()}"]
    for heading, rows in stats.summary():
        out.append(heading)
        out += [f"  {label:<40} {count:>7}" for label, count in rows] or ["  —"]
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    path = args.db or default_path()
    if args.db is not None and not path.exists():
        print(f"{path}: no statistics database there", file=sys.stderr)
        return 1
    logging.getLogger("game.kiosk.stats").disabled = True  # this command says it in one line
    stats = Stats(path, busy_ms=10_000, repair=False)  # an export may wait for the kiosk
    try:
        if stats.conn is None:
            print(f"{path}: {stats.status()}", file=sys.stderr)
            return 1
        if args.csv:
            for written in export(stats, args.csv):
                print(f"wrote {written}")
        else:
            print(f"{path}\n{summary_text(stats)}")
    except sqlite3.Error as exc:
        print(f"{path}: the statistics cannot be read: {exc}", file=sys.stderr)
        return 1
    finally:
        stats.close()
    return 0
