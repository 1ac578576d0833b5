"""Statistics: written during a visit, two writers at once, aggregated, shown from 20 sessions."""

from __future__ import annotations

import csv
import sqlite3
import subprocess
import sys
import threading

import pytest

from game import i18n
from game.cli import main as cli_main
from game.kiosk import stats as stats_module
from game.kiosk.play import KioskEndingScreen, share_texts
from game.kiosk.stats import MIN_PER_CHOICE, PERCENT_FROM, Share, Stats, bucket, hour

HEADING = "How other visitors chose"


def play_to_ending(kiosk, first: str = "Go to the mosque where the elders meet",
                   second: str = "Run home with Dilnoza"):  # fmt: skip
    kiosk.start_reading()
    kiosk.tap(first)
    kiosk.past_note()
    kiosk.tap(kiosk.screen.view.center)
    kiosk.tap(second)
    kiosk.wait(30)
    kiosk.tap("Continue")
    assert isinstance(kiosk.screen, KioskEndingScreen)
    return kiosk.screen


def visit(stats: Stats, choices: list[tuple[str, str]], ending: str | None = "fled") -> int:
    sid = stats.start("en", "weaver", "museum")
    for scene, choice in choices:
        stats.choice(sid, scene, choice)
    if ending:
        stats.ending(sid, "weaver", ending)
    stats.end(sid, "ending" if ending else "idle", 200, "mosque")
    return sid


def test_a_visit_is_recorded_without_personal_data(kiosk, stats):
    play_to_ending(kiosk)
    columns, rows = stats.rows("sessions")
    session = dict(zip(columns, rows[0], strict=True))
    assert (
        session["started_hour"] == hour(1_700_000_000.0) and session["started_hour"][-3:] == ":00"
    )
    assert (session["language"], session["perspective"], session["path"]) == (
        "en",
        "weaver",
        "museum",
    )
    assert session["ended"] == "ending" and session["length_seconds"] in stats_module.LENGTH_BUCKETS
    scenes = [row[1:] for row in stats.rows("choices")[1]]
    assert [s for s, _ in scenes] == ["loom", "mosque"]
    assert stats.rows("endings")[1] == [(session["id"], "weaver", "fled")]
    assert stats.rows("walkaways")[1] == []  # finished, then left: not a walk-away
    assert set(columns) == {"id", "started_hour", "language", "perspective", "path",
                            "length_seconds", "ended"}  # fmt: skip


def test_length_buckets_and_hours():
    assert bucket(0) == 0 and bucket(59) == 30 and bucket(61) == 60 and bucket(99999) == 3600
    assert hour(1_700_000_000.5).endswith(":00")


def test_two_writers_at_once(tmp_path):
    path = tmp_path / "two.sqlite3"
    Stats(path).close()  # create the schema first

    def write(n: int) -> None:
        own = Stats(path)  # a connection of its own, as another process would have
        for _ in range(n):
            visit(own, [("loom", "loom.1"), ("mosque", "mosque.1")])
        own.close()

    threads = [threading.Thread(target=write, args=(40,)) for _ in range(2)]
    for t in threads:
        t.start()
    script = (
        "import sys; from pathlib import Path; from game.kiosk.stats import Stats\n"
        "s = Stats(Path(sys.argv[1]))\n"
        "for _ in range(40):\n"
        "    i = s.start('ru', 'teacher', 'full'); s.choice(i, 'classroom', 'c.1')\n"
        "    s.end(i, 'idle', 30, 'classroom')\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, str(path)], check=True, timeout=60)
    for t in threads:
        t.join()
    assert proc.returncode == 0
    check = Stats(path)
    assert check.sessions() == 120
    assert len(check.rows("choices")[1]) == 40 * 2 * 2 + 40
    assert len(check.rows("walkaways")[1]) == 40
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    check.close()


def test_shares_are_counted_per_moment(stats):
    for i in range(20):
        visit(stats, [("loom", "loom.1" if i < 15 else "loom.2"), ("mosque", "mosque.1")])
    mine = visit(stats, [("loom", "loom.1"), ("mosque", "mosque.2")])
    shares = stats.how_others_chose(
        [("loom", "loom.1", "Go"), ("mosque", "mosque.2", "Stand")], exclude=mine, min_sessions=20
    )
    assert [(s.same, s.reached, s.percent) for s in shares] == [(15, 20, 75), (0, 20, 0)]
    assert stats.how_others_chose([("loom", "loom.1", "Go")], mine, min_sessions=22) is None


def test_how_others_chose_hidden_below_threshold_and_shown_from_it(start_kiosk, stats, story):
    go, run = story.scenes["loom"].choices[0].id, story.scenes["mosque"].choices[0].id
    for i in range(18):
        visit(stats, [("loom", go), ("mosque", run if i % 3 else "other")])
    kiosk = start_kiosk()
    ending = play_to_ending(kiosk)  # the 19th session
    assert ending.shares is None
    assert HEADING not in page_text(ending)
    kiosk.tap("Finish")
    ending = play_to_ending(kiosk)  # the 20th: the figure may show now
    loom, mosque = ending.shares
    assert (loom.scene, loom.text) == ("loom", "Go to the mosque where the elders meet")
    # The other visitors: the 18 recorded and the 19th who played before; not this one.
    assert (loom.reached, loom.same, loom.percent) == (19, 19, 100)
    assert (mosque.reached, mosque.same, mosque.percent) == (19, 13, 68)
    assert ending.others.width > 300 and not ending.panel.colliderect(ending.others)
    surf = kiosk.pixels()
    # Each figure says what it is a share of; 19 others are too few for a percentage.
    drawn = ending.shares_drawn
    assert drawn[0] == HEADING and "19 of 19" in drawn and "13 of 19" in drawn
    assert "Of 19 other visitors who reached this choice, 13 chose as you did." in drawn
    assert not [text for text in drawn if text.endswith("%")]
    bar = ending.kit.palette.accent
    assert any(surf.get_at((x, y))[:3] == bar for x in range(ending.others.x, ending.others.right, 3)
               for y in range(ending.others.y, ending.others.bottom, 3))  # fmt: skip


@pytest.fixture
def language():
    """Switch the interface's language for a test; English again afterwards."""
    yield i18n.use_language
    i18n.use_language("en")


WORDED = {
    "en": ("13 of 19", "Of 19 other visitors who reached this choice, 13 chose as you did.",
           "Of 21 other visitors who reached this choice, 5 chose as you did."),
    "ru": ("13 из 19", "Из 19 других посетителей, дошедших до этого выбора, так же, как вы, "
           "выбрали: 13.", "Из 21 другого посетителя, дошедшего до этого выбора, так же, как вы, "
           "выбрали: 5."),
    "uz": ("19 tadan 13 tasi", "Bu tanlovga yetib kelgan 19 nafar boshqa tashrifchidan 13 nafari "
           "siz kabi tanladi.", "Bu tanlovga yetib kelgan 21 nafar boshqa tashrifchidan 5 nafari "
           "siz kabi tanladi."),
}  # fmt: skip


@pytest.mark.parametrize("code", WORDED)
def test_a_share_says_what_it_is_a_share_of(language, code):
    """ "67 %" alone left a visitor guessing: of whom? Now it says, in the kiosk's language,
    and below PERCENT_FROM others it gives the counts rather than a percentage."""
    language(code)
    few, few_line, many_line = WORDED[code]
    assert share_texts(Share("loom", "loom.1", "Go", 13, 19)) == (few, few_line)
    assert share_texts(Share("loom", "loom.1", "Go", 5, 21)) == ("24 %", many_line)
    assert MIN_PER_CHOICE < PERCENT_FROM


def page_text(screen) -> str:
    return "\n".join("".join(r.text for r in line.runs) for line in screen.page.lines)


def test_stats_command_exports_csv(stats, tmp_path, capsys):
    visit(stats, [("loom", "loom.1")])
    visit(stats, [("loom", "loom.2")], ending=None)
    db = tmp_path / "stats.sqlite3"
    out = tmp_path / "export" / "visits.csv"
    assert cli_main(["stats", "--db", str(db), "--csv", str(out)]) == 0
    with open(out, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["ended"] for r in rows] == ["ending", "idle"]
    with open(tmp_path / "export" / "visits-choices.csv", encoding="utf-8") as f:
        assert [r["choice"] for r in csv.DictReader(f)] == ["loom.1", "loom.2"]
    assert (tmp_path / "export" / "visits-walkaways.csv").exists()
    assert cli_main(["stats", "--db", str(db)]) == 0
    assert "Walked away at" in capsys.readouterr().out


def test_stats_command_imports_no_pygame(tmp_path):
    code = ("import sys; from game.cli import main; main(['stats', '--db', sys.argv[1]]); "
            "assert 'pygame' not in sys.modules")  # fmt: skip
    db = tmp_path / "s.sqlite3"
    Stats(db).close()
    subprocess.run([sys.executable, "-c", code, str(db)], check=True, timeout=60)


def test_how_others_chose_is_read_aloud_after_the_ending(start_kiosk, stats, story, monkeypatch):
    """A headphone station says the figures too, in words, after the ending's own text."""
    from game.speech import RecordingSpeaker

    speaker = RecordingSpeaker()
    monkeypatch.setattr("game.ui.app.default_speaker", lambda: speaker)
    go = story.scenes["loom"].choices[0].id
    for _ in range(19):
        visit(stats, [("loom", go), ("mosque", "other")])
    kiosk = start_kiosk()
    ending = play_to_ending(kiosk)
    assert ending.shares
    kiosk.app.narrator.toggle()  # reading aloud turned on at the ending: it reads the screen
    kiosk.pump()
    heard = speaker.last
    epilogue = ending.pt.ending.epilogue[0]
    assert HEADING in heard and epilogue[:40] in heard
    assert heard.index(HEADING) > heard.index(epilogue[:40])  # after the ending's own text
    assert "Of 19 other visitors who reached this choice, 19 chose as you did." in heard
