"""Anonymous visit statistics in SQLite (WAL): no personal data, no time finer than the hour."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from game import storage
from game.i18n import N_

FILE_NAME = "kiosk-statistics.sqlite3"
SCHEMA_VERSION = 1
# Session lengths are kept only as the bucket they fall in (lower bound, seconds).
LENGTH_BUCKETS = (0, 30, 60, 120, 180, 300, 420, 600, 900, 1200, 1800, 3600)
ENDED = ("ending", "idle", "cap", "restart")
MIN_PER_CHOICE = 5  # fewer visitors than this at a moment: no share shown (too few to mean much)

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,
    started_hour TEXT NOT NULL,      -- local time, 'YYYY-MM-DD HH:00'
    language TEXT NOT NULL,
    perspective TEXT NOT NULL,
    path TEXT NOT NULL,              -- museum or full
    length_seconds INTEGER,          -- the lower bound of its LENGTH_BUCKET
    ended TEXT                       -- ending, idle, cap, restart; NULL while playing or after a crash
);
CREATE TABLE IF NOT EXISTS choices (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    scene TEXT NOT NULL,
    choice TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS endings (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    perspective TEXT NOT NULL,
    ending TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS walkaways (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    scene TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS choices_by_scene ON choices (scene, choice, session_id);
CREATE INDEX IF NOT EXISTS choices_by_session ON choices (session_id);
"""
TABLES = ("sessions", "choices", "endings", "walkaways")
# What staff see besides the number of sessions: heading -> (label, count) rows, largest first.
BY_COUNT = "GROUP BY 1 ORDER BY 2 DESC"
SUMMARY = {
    N_("Ended"): f"SELECT COALESCE(ended, 'unfinished'), COUNT(*) FROM sessions {BY_COUNT}",
    N_("Language"): f"SELECT language, COUNT(*) FROM sessions {BY_COUNT}",
    N_("Perspective"): f"SELECT perspective, COUNT(*) FROM sessions {BY_COUNT}",
    N_("Ending"): f"SELECT perspective || ' / ' || ending, COUNT(*) FROM endings {BY_COUNT}",
    N_("Walked away at"): f"SELECT scene, COUNT(*) FROM walkaways {BY_COUNT} LIMIT 8",
    N_("Length (from seconds)"): "SELECT length_seconds, COUNT(*) FROM sessions "
    "WHERE length_seconds IS NOT NULL GROUP BY 1 ORDER BY 1",
}


def default_path() -> Path:
    return storage.data_dir() / FILE_NAME


def bucket(seconds: float) -> int:
    """The length bucket a visit of `seconds` falls in."""
    return max(b for b in LENGTH_BUCKETS if b <= max(0.0, seconds))


def hour(wall: float) -> str:
    """The local hour of a wall-clock time: the finest time the statistics keep."""
    return datetime.fromtimestamp(wall).strftime("%Y-%m-%d %H:00")


@dataclass(frozen=True)
class Share:
    """How many of the visitors who reached a choice took the same one."""

    scene: str
    choice: str
    text: str
    same: int
    reached: int

    @property
    def percent(self) -> int:
        return round(100 * self.same / self.reached) if self.reached else 0


def connect(path: Path | None = None) -> sqlite3.Connection:
    """Open (creating) the database: WAL so the game writes while staff export; waits when busy."""
    conn = sqlite3.connect(path or default_path(), timeout=10.0, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")  # in WAL, a power cut loses at most the last visit
    conn.execute("PRAGMA foreign_keys=ON")
    conn.executescript(SCHEMA)  # idempotent; executescript manages its own transaction
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT: takes the write lock at once, so two writers queue, not fail."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


class Stats:
    """Writes one visit's facts as they happen and answers the questions the screens ask."""

    enabled = True

    def __init__(self, path: Path | None = None, wall: Callable[[], float] = time.time) -> None:
        self.conn = connect(path)
        self.wall = wall

    def close(self) -> None:
        self.conn.close()

    # -- writing
    def start(self, language: str, perspective: str, path: str) -> int:
        with transaction(self.conn) as c:
            cur = c.execute(
                "INSERT INTO sessions (started_hour, language, perspective, path) "
                "VALUES (?, ?, ?, ?)",
                (hour(self.wall()), language, perspective, path),
            )
        assert cur.lastrowid is not None  # set by every INSERT
        return cur.lastrowid

    def choice(self, session: int, scene: str, choice: str) -> None:
        with transaction(self.conn) as c:
            c.execute("INSERT INTO choices VALUES (?, ?, ?)", (session, scene, choice))

    def ending(self, session: int, perspective: str, ending: str) -> None:
        with transaction(self.conn) as c:
            c.execute("INSERT INTO endings VALUES (?, ?, ?)", (session, perspective, ending))

    def end(self, session: int, how: str, seconds: float, scene: str | None = None) -> None:
        """Close a session once: how it ended, its length bucket, and where an idle visitor left."""
        with transaction(self.conn) as c:
            done = c.execute(
                "UPDATE sessions SET ended = ?, length_seconds = ? WHERE id = ? AND ended IS NULL",
                (how, bucket(seconds), session),
            ).rowcount
            if done and how == "idle" and scene:
                c.execute("INSERT INTO walkaways VALUES (?, ?)", (session, scene))

    def reset(self) -> None:
        with transaction(self.conn) as c:
            for table in reversed(TABLES):
                c.execute(f"DELETE FROM {table}")

    # -- reading
    def sessions(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM sessions").fetchone()[0]

    def how_others_chose(
        self, steps: Iterable[tuple[str, str, str]], exclude: int | None, min_sessions: int
    ) -> list[Share] | None:
        """For each (scene, choice id, text) taken: the share of other visitors who chose the same.

        None until at least `min_sessions` visits exist; moments too few others reached are left
        out, so a share never stands for a handful of people.
        """
        if self.sessions() < min_sessions:
            return None
        out = []
        for scene, choice, text in steps:
            reached, same = self.conn.execute(
                "SELECT COUNT(DISTINCT session_id), "
                "COUNT(DISTINCT CASE WHEN choice = ? THEN session_id END) "
                "FROM choices WHERE scene = ? AND session_id IS NOT ?",
                (choice, scene, exclude),
            ).fetchone()
            if reached >= MIN_PER_CHOICE:
                out.append(Share(scene, choice, text, same, reached))
        return out

    def summary(self) -> list[tuple[str, list[tuple[str, int]]]]:
        """The figures staff see: (heading, [(label, count)]) groups."""
        groups = []
        for heading, sql in SUMMARY.items():
            rows = self.conn.execute(sql).fetchall()
            groups.append((heading, [(str(label), int(count)) for label, count in rows]))
        return groups

    def rows(self, table: str) -> tuple[list[str], list[tuple]]:
        """A whole table for export: column names and rows."""
        if table not in TABLES:
            raise ValueError(table)
        cur = self.conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
        return [d[0] for d in cur.description], cur.fetchall()


class NoStats:
    """Statistics switched off in the config: the same calls, nothing kept."""

    enabled = False

    def start(self, language: str, perspective: str, path: str) -> int:
        return 0

    def choice(self, session: int, scene: str, choice: str) -> None: ...

    def ending(self, session: int, perspective: str, ending: str) -> None: ...

    def end(self, session: int, how: str, seconds: float, scene: str | None = None) -> None: ...

    def reset(self) -> None: ...

    def close(self) -> None: ...

    def sessions(self) -> int:
        return 0

    def how_others_chose(self, steps, exclude, min_sessions) -> None:
        return None

    def summary(self) -> list[tuple[str, list[tuple[str, int]]]]:
        return []
