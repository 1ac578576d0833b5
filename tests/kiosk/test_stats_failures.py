"""The statistics database failing while a kiosk runs: locked, damaged, read-only or deleted.
A visit never waits longer than a frame, nothing is lost that can be kept, staff are told, and
the database is used again when it comes back."""

from __future__ import annotations

import sqlite3
import time

import pytest

from game.kiosk import stats as stats_module
from game.kiosk.stats import RETRY_SECONDS, Stats
from tests.ui.conftest import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def _open(tmp_path, clock) -> Stats:
    return Stats(tmp_path / "s.sqlite3", wall=lambda: 1_700_000_000.0, clock=clock)


def test_a_damaged_file_is_set_aside_and_counting_starts_afresh(tmp_path, clock):
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"this is not a database, it is a rotten file" * 100)
    stats = _open(tmp_path, clock)
    assert stats.start("en", "weaver", "museum") > 0 and stats.sessions() == 1
    assert (tmp_path / "s.sqlite3.damaged").read_bytes().startswith(b"this is not")
    assert "s.sqlite3.damaged" in stats.status()
    stats.close()


def test_a_locked_database_costs_no_more_than_a_frame_and_catches_up(tmp_path, clock):
    stats = _open(tmp_path, clock)
    other = sqlite3.connect(tmp_path / "s.sqlite3", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program (an export, a backup) holds it
    began = time.perf_counter()
    visit = stats.start("en", "weaver", "museum")
    stats.choice(visit, "loom", "stay")
    stats.end(visit, "ending", 200)
    assert time.perf_counter() - began < 0.5  # three writes, each waiting at most BUSY_MS
    assert visit < 0 and len(stats.queue) == 3
    assert "another program" in stats.status() and "3 recorded steps" in stats.status()
    assert stats.sessions() == 0  # nothing can be read either, and nothing raises
    other.execute("ROLLBACK")
    other.close()
    stats.choice(visit, "loom", "again")  # too early: the retry waits its turn
    assert len(stats.queue) == 4
    clock.now += RETRY_SECONDS
    stats.choice(visit, "river", "cross")
    assert stats.queue == [] and stats.status() is None
    assert stats.sessions() == 1
    _, rows = stats.rows("choices")
    assert [r[2] for r in rows] == ["stay", "again", "cross"] and len({r[0] for r in rows}) == 1
    _, sessions = stats.rows("sessions")
    assert sessions[0][-1] == "ending"
    stats.close()


def test_a_read_only_database_is_named_as_such(tmp_path, clock, monkeypatch):
    stats = _open(tmp_path, clock)

    def refuse(*args):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(stats, "_start", refuse)
    stats.start("en", "weaver", "museum")
    assert "cannot be written to" in stats.status() and len(stats.queue) == 1
    monkeypatch.undo()
    clock.now += RETRY_SECONDS
    stats.start("en", "weaver", "museum")
    assert stats.sessions() == 2 and stats.status() is None
    stats.close()


def test_a_database_deleted_while_running_is_made_again(tmp_path, clock):
    stats = _open(tmp_path, clock)
    stats.start("en", "weaver", "museum")
    for name in ("s.sqlite3", "s.sqlite3-wal", "s.sqlite3-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    stats.start("en", "weaver", "museum")
    assert (tmp_path / "s.sqlite3").exists() and stats.sessions() == 1
    stats.close()


def test_a_database_that_cannot_be_opened_at_all(tmp_path, clock):
    (tmp_path / "folder.sqlite3").mkdir()  # a folder where the file should be
    stats = Stats(tmp_path / "folder.sqlite3", clock=clock)
    assert stats.start("en", "weaver", "museum") < 0
    assert stats.summary() == [] and stats.how_others_chose([], None, 1) is None
    assert "off" in stats.status()
    stats.close()


def test_staff_see_what_is_wrong(start_kiosk, tmp_path):
    from game.kiosk.staff import StatsScreen
    from tests.kiosk.conftest import PIN

    broken = Stats(tmp_path / "nothing-here" / "x" / "s.sqlite3")  # its folder does not exist
    kiosk = start_kiosk()
    kiosk.app.stats = broken
    kiosk.start_reading()  # a visit goes on without statistics
    kiosk.corner_taps()
    kiosk.enter_pin(PIN)
    kiosk.tap("Statistics: needs attention")
    assert isinstance(kiosk.screen, StatsScreen)
    kiosk.pixels()
    page = kiosk.screen._page()
    shown = " ".join(run.text for line in page.lines for run in line.runs)
    assert shown.startswith("Statistics are off") and "tried again" in shown


def test_the_export_tool_reports_a_damaged_database_in_one_line(tmp_path, capsys):
    import argparse

    from game.kiosk.stats_cli import run

    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"rotten" * 100)
    assert run(argparse.Namespace(db=path, csv=None)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "s.sqlite3" in err
    assert path.read_bytes() == b"rotten" * 100  # the export tool never moves the file


def test_busy_wait_is_within_a_frame_budget():
    assert stats_module.BUSY_MS <= 50
