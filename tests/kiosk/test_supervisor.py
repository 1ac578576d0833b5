"""The supervisor restarts a crashed or stuck game with back-off, logs why, and pings systemd."""

from __future__ import annotations

import logging
import logging.handlers
import os
import socket
import sys

import pytest

from game.kiosk import supervisor
from game.kiosk.supervisor import STAFF_EXIT, Supervisor, backoff, describe, notify

# A stand-in for the game: beats once, then crashes twice with a traceback, then staff exit.
CHILD = """
import os, sys
from pathlib import Path
runs = Path(sys.argv[1])
n = int(runs.read_text()) if runs.exists() else 0
runs.write_text(str(n + 1))
os.write(int(os.environ["VOT_HEARTBEAT_FD"]), b".")
if n < 2:
    print("Traceback (most recent call last):", file=sys.stderr)
    print(f"RuntimeError: boom {n}", file=sys.stderr)
    sys.exit(3)
sys.exit(10)
"""


class Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture
def log():
    logger = logging.getLogger("test.kiosk.supervisor")
    recorder = Recorder()
    logger.addHandler(recorder)
    logger.setLevel(logging.INFO)
    yield logger, recorder.lines
    logger.removeHandler(recorder)


@pytest.fixture
def systemd(tmp_path):
    """A socket standing in for systemd's notify socket."""
    path = tmp_path / "notify"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.setblocking(False)

    def received() -> list[str]:
        out = []
        while True:
            try:
                out.append(sock.recv(256).decode())
            except BlockingIOError:
                return out

    yield {"NOTIFY_SOCKET": str(path)}, received
    sock.close()


def test_backoff_doubles_to_a_limit():
    assert [backoff(n) for n in (1, 2, 3, 4, 8, 20)] == [1, 2, 4, 8, 60, 60]
    assert describe(3) == "exited with status 3" and describe(-9) == "was killed by SIGKILL"


def test_a_crash_is_restarted_with_backoff_and_logged(tmp_path, log, systemd):
    logger, lines = log
    env, received = systemd
    sleeps: list[float] = []
    runs = tmp_path / "runs"
    boss = Supervisor([sys.executable, "-c", CHILD, str(runs)], logger, sleep=sleeps.append,
                      clock=lambda: 0.0, env=env)  # fmt: skip
    assert boss.run() == STAFF_EXIT
    assert runs.read_text() == "3"
    assert sleeps == [1.0, 2.0]  # no real waiting: the sleep is injected
    text = "\n".join(lines)
    assert "the game exited with status 3 after 0 s; restart 1 in 1 s" in text
    assert "restart 2 in 2 s" in text
    assert "game: RuntimeError: boom 0" in text and "game: RuntimeError: boom 1" in text
    assert "staff closed the kiosk; not restarting" in text
    messages = received()
    assert messages.count("READY=1") == 3  # once per start, on its first heartbeat
    assert "WATCHDOG=1" in messages  # kept alive while waiting to restart
    assert any(m.startswith("STATUS=restarting the game") for m in messages)


def test_a_stuck_game_is_killed_and_restarted(tmp_path, log):
    logger, lines = log
    ticks = iter(range(0, 10_000, 100))
    boss = Supervisor([sys.executable, "-c", "import time; time.sleep(30)"], logger,
                      sleep=lambda s: None, clock=lambda: float(next(ticks)), hang_after=60,
                      max_restarts=0, env={"WATCHDOG_USEC": "100000"})  # fmt: skip
    code = boss.run()
    assert code < 0  # killed by a signal
    assert any("has not answered" in line for line in lines)


def test_notify_without_systemd_does_nothing():
    assert not notify("READY=1", env={})
    assert supervisor.watchdog_interval({"WATCHDOG_USEC": "20000000"}) == 10.0


def test_logs_rotate(tmp_path):
    logger = supervisor.setup_logging(tmp_path, echo=False)
    [handler] = logger.handlers
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert handler.maxBytes == 1_000_000 and handler.backupCount == 5
    for _ in range(1200):
        logger.info("x" * 1000)
    assert (tmp_path / "kiosk.log.1").exists()
    handler.close()
    logger.removeHandler(handler)


# A game that dies before its first frame, every time (a broken install, a missing display).
DIES_AT_START = """
import sys
print("ImportError: no module named 'pygame'", file=sys.stderr)
sys.exit(1)
"""
NOTICE = """
import os, sys
from pathlib import Path
Path(sys.argv[1]).write_text(sys.argv[2])
os.write(int(os.environ["VOT_HEARTBEAT_FD"]), b".")
"""


def test_a_game_that_never_starts_is_not_restarted_forever(tmp_path, log):
    logger, lines = log
    shown = tmp_path / "notice"
    boss = Supervisor([sys.executable, "-c", DIES_AT_START], logger, sleep=lambda s: None,
                      max_failed_starts=4,
                      fault_command=lambda error: [sys.executable, "-c", NOTICE, str(shown),
                                                   error])  # fmt: skip
    assert boss.run() == supervisor.CONFIG_EXIT
    assert sum("; restart " in line for line in lines) == 3  # three restarts, then no more
    assert any("failed to start 4 times" in line for line in lines)
    assert shown.read_text() == "ImportError: no module named 'pygame'"  # staff see why


def test_the_out_of_order_notice_draws_and_beats(monkeypatch):
    from game.kiosk import fault

    assert fault.blocks("boom")[-1] == ("text", "boom")
    assert fault.blocks("")[-1][1].endswith("computer.")
    assert fault.show("RuntimeError: boom", (640, 360), frames=2, sleep=lambda s: None) == 0


TITLES = {"en": "This kiosk is out of order", "ru": "Этот киоск не работает",
          "uz": "Bu kiosk ishlamayapti"}  # fmt: skip


@pytest.mark.parametrize("languages", [("ru",), ("uz",), ("uz", "ru", "en")])
def test_the_out_of_order_notice_is_in_the_kiosks_languages(languages):
    """It was English only, on a kiosk that may speak none: now every language the kiosk offers
    says it, in turn (nobody may be there to choose one), in letters the font has."""
    from game.kiosk import fault
    from game.ui.fonts import missing_glyphs

    text = fault.blocks("ImportError: no module named 'pygame'", languages)
    assert [line for kind, line in text if kind == "title"] == [TITLES[c] for c in languages]
    assert text[-1] == ("text", "ImportError: no module named 'pygame'")
    if "en" not in languages:
        assert "staff" not in " ".join(line for _kind, line in text[:-1]).lower()
    words = " ".join(line for _kind, line in text)
    assert missing_glyphs("sans", words) == []
    assert fault.show("boom", (640, 360), frames=1, sleep=lambda s: None, languages=languages) == 0


def test_the_whole_notice_fits_the_screen_in_three_languages():
    from game.kiosk import fault

    text = fault.blocks("Traceback: " + "x" * 400, ("en", "ru", "uz"))
    for width, height in [(1920, 1080), (1280, 720), (800, 480)]:
        font, rows = fault.laid_out(text, width * 10 // 12, height * 10 // 12)
        assert len(rows) * font.get_linesize() <= height * 10 // 12
        assert font.get_height() >= 10
        assert [line for kind, line in rows if kind == "title"] == list(TITLES.values())


def test_only_languages_the_game_has_and_not_too_many():
    from game.kiosk import fault

    assert fault.offered(["xx", "ru", "ru", "../../etc"]) == ("ru",)
    assert fault.offered([]) == ("en",)
    assert len(fault.offered(["en", "ru", "uz"] * 50)) == 3


def test_the_supervisor_asks_for_the_notice_in_the_configs_languages(monkeypatch):
    from game.kiosk import fault
    from game.kiosk.config import KioskConfig
    from game.kiosk.main import fault_command
    from game.kiosk.main import main as kiosk_main

    command = fault_command(KioskConfig(languages=("uz", "ru")), (1280, 720))("boom")
    shown = {}
    monkeypatch.setattr(fault, "show", lambda error, size, languages: shown.update(
        error=error, size=size, languages=languages) or 0)  # fmt: skip
    assert kiosk_main(command[command.index("kiosk") + 1 :]) == 0
    assert shown == {"error": "boom", "size": (1280, 720), "languages": ["uz", "ru"]}


def test_the_watch_works_with_descriptors_above_1024(tmp_path, log):
    """A long-lived process can hold many files: select() refused descriptors above 1024
    ("filedescriptor out of range"), so the supervisor's watch must not use it."""
    import resource

    logger, _lines = log
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if max(soft, hard) < 1200 and hard != resource.RLIM_INFINITY:
        pytest.skip("this machine allows too few open files to test it")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, 1400), hard))
    held = [os.open(os.devnull, os.O_RDONLY) for _ in range(1100)]
    try:
        boss = Supervisor([sys.executable, "-c", "import sys; sys.exit(2)"], logger,
                          sleep=lambda s: None, clock=lambda: 0.0, env={})  # fmt: skip
        assert boss.run() == 2  # the refusal status: not restarted
    finally:
        for fd in held:
            os.close(fd)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
