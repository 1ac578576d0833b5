"""Anonymous visit statistics in SQLite (WAL): no personal data, no time finer than the hour."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from game import storage
from game.i18n import N_, _

FILE_NAME = "kiosk-statistics.sqlite3"
SCHEMA_VERSION = 1
# Session lengths are kept only as the bucket they fall in (lower bound, seconds).
LENGTH_BUCKETS = (0, 30, 60, 120, 180, 300, 420, 600, 900, 1200, 1800, 3600)
ENDED = ("ending", "idle", "cap", "restart")
MIN_PER_CHOICE = 5  # fewer visitors than this at a moment: no share shown (too few to mean much)
PERCENT_FROM = 20  # fewer than this: the counts ("13 of 19") are shown, not a percentage

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


BUSY_MS = 50  # the longest a locked database may hold a frame (a frame is ~16–50 ms)
RETRY_SECONDS = 30.0  # how often a database that failed is tried again
MAX_QUEUED = 5_000  # writes kept in memory while the database is away (some hours of visits)
log = logging.getLogger("game.kiosk.stats")

# What staff see when the statistics are not being written (StatsScreen).
LOCKED = N_("Statistics are waiting: another program holds the database. {queued} recorded "
            "steps are kept and will be written when it is free.")  # fmt: skip
READ_ONLY = N_("Statistics are waiting: the database cannot be written to (a read-only "
               "disk or folder). {queued} recorded steps are kept until it can be.")  # fmt: skip
DAMAGED = N_("The statistics database was damaged. It was set aside as {name}; counting "
             "started afresh.")  # fmt: skip
UNUSABLE = N_("Statistics are off: the database cannot be used ({reason}). {queued} recorded "
              "steps are kept; it is tried again every half minute.")  # fmt: skip


def connect(path: Path | None = None, busy_ms: int = 10_000) -> sqlite3.Connection:
    """Open (creating) the database: WAL so the game writes while staff export; waits when busy."""
    conn = sqlite3.connect(path or default_path(), timeout=busy_ms / 1000, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute(
            "PRAGMA synchronous=NORMAL"
        )  # in WAL, a power cut loses at most the last visit
        conn.execute("PRAGMA foreign_keys=ON")
        conn.executescript(SCHEMA)  # idempotent; executescript manages its own transaction
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT: takes the write lock at once, so two writers queue, not fail."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


class Stats:
    """Writes one visit's facts as they happen and answers the questions the screens ask.

    The database may fail at any time on a machine left running for months: locked by an
    export, on a disk gone read-only, damaged, or deleted. A visit never waits more than
    BUSY_MS for it and never sees an error: writes are queued in memory and written when the
    database works again (tried every RETRY_SECONDS), a damaged file is set aside and a new
    one started, and `problem` says to staff what is wrong.
    """

    enabled = True

    def __init__(self, path: Path | None = None, wall: Callable[[], float] = time.time,
                 clock: Callable[[], float] = time.monotonic, busy_ms: int = BUSY_MS,
                 repair: bool = True) -> None:  # fmt: skip
        self.path = path or default_path()
        self.repair = repair  # set a damaged file aside (the kiosk); the export tool only reads
        self.wall, self.clock, self.busy_ms = wall, clock, busy_ms
        self.conn: sqlite3.Connection | None = None
        self.problem: tuple[str, dict[str, str]] | None = None  # (N_ message, its values)
        self.queue: list[tuple[str, tuple]] = []
        self._ids: dict[int, int] = {}  # visits started while away: local id -> database id
        self._local = 0
        self._retry_at = float("-inf")
        self._inode: int | None = None
        self._reopen()

    def close(self) -> None:
        self._flush_quietly()
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def status(self) -> str | None:
        """What staff are told about the statistics (translated), None when all is well."""
        if self.problem is None:
            return None
        message, values = self.problem
        return _(message).format(queued=len(self.queue), **values)

    # -- the database coming and going
    def _reopen(self) -> None:
        self._retry_at = self.clock() + RETRY_SECONDS
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        try:
            self.conn = connect(self.path, self.busy_ms)
            self._inode = self.path.stat().st_ino
        except sqlite3.DatabaseError as exc:
            if _damaged(exc) and self.repair and self._set_aside():
                return self._reopen()
            self._fail(exc)
            return
        except (sqlite3.Error, OSError) as exc:
            self._fail(exc)
            return
        if self.problem and self.problem[0] != DAMAGED:
            log.info("the statistics database works again")
            self.problem = None

    def _set_aside(self) -> bool:
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        moved = storage.set_aside(self.path)
        if moved is None:
            return False
        for extra in ("-wal", "-shm"):  # the journal of the damaged file is no use to a new one
            Path(f"{self.path}{extra}").unlink(missing_ok=True)
        log.error("the statistics database was damaged; set aside as %s", moved.name)
        self.problem = (DAMAGED, {"name": moved.name})
        return True

    def _fail(self, exc: BaseException) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            problem: tuple[str, dict[str, str]] = (LOCKED, {})
        elif "readonly" in text or "read-only" in text or "read only" in text:
            problem = (READ_ONLY, {})
        else:
            problem = (UNUSABLE, {"reason": str(exc)[:120]})
        if problem != self.problem:
            log.error("statistics paused: %s", exc)
        self.problem = problem
        self._retry_at = self.clock() + RETRY_SECONDS

    def _usable(self) -> bool:
        """An open connection to the file at the path (reopened when the file was deleted or
        replaced, and retried when it failed and its time has come)."""
        if self.conn is not None:
            try:
                if self.path.stat().st_ino == self._inode:
                    return True
            except OSError:
                pass
            log.warning("the statistics database was removed or replaced; opening it again")
            self._reopen()
            return self.conn is not None
        if self.clock() >= self._retry_at:
            self._reopen()
        return self.conn is not None

    def _do(self, name: str, *args: Any) -> Any:
        """Run one write now when the database works (after what waits), else queue it."""
        if self._usable():
            try:
                self._flush()
                return self._run(name, args)
            except (sqlite3.Error, OSError) as exc:
                self._fail(exc)
        if len(self.queue) < MAX_QUEUED:
            self.queue.append((name, args))
        return None

    def _real(self, args: tuple) -> tuple:
        """Arguments with a visit's local id (from while the database was away) made real."""
        return (self._ids.get(args[0], args[0]), *args[1:]) if args else args

    def _run(self, name: str, args: tuple) -> Any:
        """One write; a write that can never succeed (its visit was in a database that has
        since been deleted or set aside) is dropped, so that it cannot block the rest."""
        try:
            return getattr(self, "_" + name)(*self._real(args))
        except sqlite3.IntegrityError as exc:
            log.warning("statistics: dropped a %s of a visit no longer in the database (%s)",
                        name, exc)  # fmt: skip
            return None

    def _flush(self) -> None:
        while self.queue:
            name, args = self.queue[0]
            result = self._run(name, args)
            if name == "start" and result is not None:
                self._ids[args[-1]] = result
            self.queue.pop(0)

    def _flush_quietly(self) -> None:
        if self.queue and self._usable():
            try:
                self._flush()
            except (sqlite3.Error, OSError) as exc:
                self._fail(exc)

    def _read(self, fallback: Any, query: Callable[[sqlite3.Connection], Any]) -> Any:
        if not self._usable():
            return fallback
        try:
            return query(self._open())
        except (sqlite3.Error, OSError) as exc:
            self._fail(exc)
            return fallback

    def _open(self) -> sqlite3.Connection:
        """The connection, where the caller has just checked that the database is usable."""
        assert self.conn is not None  # every caller asks _usable() (or _do does) first
        return self.conn

    # -- writing
    def start(self, language: str, perspective: str, path: str) -> int:
        self._local -= 1
        real = self._do("start", language, perspective, path, self._local)
        return real if real is not None else self._local

    def choice(self, session: int, scene: str, choice: str) -> None:
        self._do("choice", session, scene, choice)

    def ending(self, session: int, perspective: str, ending: str) -> None:
        self._do("ending", session, perspective, ending)

    def end(self, session: int, how: str, seconds: float, scene: str | None = None) -> None:
        """Close a session once: how it ended, its length bucket, and where an idle visitor left."""
        self._do("end", session, how, seconds, scene)

    def reset(self) -> None:
        """Delete every visit (staff, after asking); what waits in memory goes too."""
        self.queue.clear()
        if self._usable():
            try:
                with transaction(self._open()) as c:
                    for table in reversed(TABLES):
                        c.execute(f"DELETE FROM {table}")
            except (sqlite3.Error, OSError) as exc:
                self._fail(exc)

    def _start(self, language: str, perspective: str, path: str, local: int) -> int:
        with transaction(self._open()) as c:
            cur = c.execute(
                "INSERT INTO sessions (started_hour, language, perspective, path) "
                "VALUES (?, ?, ?, ?)",
                (hour(self.wall()), language, perspective, path),
            )
        assert cur.lastrowid is not None  # set by every INSERT
        return cur.lastrowid

    def _choice(self, session: int, scene: str, choice: str) -> None:
        with transaction(self._open()) as c:
            c.execute("INSERT INTO choices VALUES (?, ?, ?)", (session, scene, choice))

    def _ending(self, session: int, perspective: str, ending: str) -> None:
        with transaction(self._open()) as c:
            c.execute("INSERT INTO endings VALUES (?, ?, ?)", (session, perspective, ending))

    def _end(self, session: int, how: str, seconds: float, scene: str | None) -> None:
        with transaction(self._open()) as c:
            done = c.execute(
                "UPDATE sessions SET ended = ?, length_seconds = ? WHERE id = ? AND ended IS NULL",
                (how, bucket(seconds), session),
            ).rowcount
            if done and how == "idle" and scene:
                c.execute("INSERT INTO walkaways VALUES (?, ?)", (session, scene))

    # -- reading
    def sessions(self) -> int:
        return self._read(0, lambda c: c.execute("SELECT COUNT(*) FROM sessions").fetchone()[0])

    def how_others_chose(
        self, steps: Iterable[tuple[str, str, str]], exclude: int | None, min_sessions: int
    ) -> list[Share] | None:
        """For each (scene, choice id, text) taken: the share of other visitors who chose the same.

        None until at least `min_sessions` visits exist (or while the database is away);
        moments too few others reached are left out, so a share never stands for a handful.
        """
        return self._read(None, lambda c: self._shares(c, list(steps), exclude, min_sessions))

    def _shares(self, conn, steps, exclude, min_sessions) -> list[Share] | None:
        if conn.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] < min_sessions:
            return None
        out = []
        for scene, choice, text in steps:
            reached, same = conn.execute(
                "SELECT COUNT(DISTINCT session_id), "
                "COUNT(DISTINCT CASE WHEN choice = ? THEN session_id END) "
                "FROM choices WHERE scene = ? AND session_id IS NOT ?",
                (choice, scene, self._ids.get(exclude, exclude)),
            ).fetchone()
            if reached >= MIN_PER_CHOICE:
                out.append(Share(scene, choice, text, same, reached))
        return out

    def summary(self) -> list[tuple[str, list[tuple[str, int]]]]:
        """The figures staff see: (heading, [(label, count)]) groups ([] while away)."""
        return self._read([], _summary)

    def rows(self, table: str) -> tuple[list[str], list[tuple]]:
        """A whole table for export: column names and rows (sqlite3.Error when unreadable)."""
        if table not in TABLES:
            raise ValueError(table)
        if self.conn is None:
            raise sqlite3.OperationalError(self.status() or "the database cannot be opened")
        cur = self.conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
        return [d[0] for d in cur.description], cur.fetchall()


def _damaged(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text or "corrupt" in text


def _summary(conn: sqlite3.Connection) -> list[tuple[str, list[tuple[str, int]]]]:
    groups = []
    for heading, sql in SUMMARY.items():
        rows = conn.execute(sql).fetchall()
        groups.append((heading, [(str(label), int(count)) for label, count in rows]))
    return groups


class NoStats:
    """Statistics switched off in the config: the same calls, nothing kept."""

    enabled = False

    def status(self) -> str | None:
        return None

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
