"""Keeps the kiosk up: runs the game as a child, restarts it with back-off, tells systemd it lives."""

from __future__ import annotations

import logging
import logging.handlers
import os
import selectors
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

STAFF_EXIT = 10  # staff closed the kiosk on purpose: do not restart
CONFIG_EXIT = 2  # the config is wrong: restarting cannot help
HEARTBEAT_ENV = "VOT_HEARTBEAT_FD"  # the pipe the child writes a byte to every second
LOG_NAME = "kiosk.log"


def notify(message: str, env: Mapping[str, str] = os.environ) -> bool:
    """sd_notify(3) in a few lines: one datagram to $NOTIFY_SOCKET; False when not under systemd."""
    address = env.get("NOTIFY_SOCKET")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]  # an abstract socket
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.sendto(message.encode(), address)
    except OSError:
        return False  # systemd gone or socket unreachable: keep the game running regardless
    return True


def watchdog_interval(env: Mapping[str, str] = os.environ, default: float = 5.0) -> float:
    """Ping at half the watchdog period systemd asks for (WATCHDOG_USEC), as sd_watchdog_enabled says."""
    usec = env.get("WATCHDOG_USEC", "")
    return int(usec) / 2e6 if usec.isdigit() and int(usec) > 0 else default


def backoff(failures: int, base: float = 1.0, limit: float = 60.0) -> float:
    """1, 2, 4, 8 … seconds after each crash in a row, never more than `limit`."""
    return min(limit, base * 2 ** max(0, failures - 1))


def describe(code: int) -> str:
    if code < 0:
        try:
            return f"was killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"was killed by signal {-code}"
    return f"exited with status {code}"


def setup_logging(folder: Path, echo: bool = True) -> logging.Logger:
    """Log to folder/kiosk.log, rotated at 1 MB with 5 old files kept, and to stderr (the journal)."""
    folder.mkdir(parents=True, exist_ok=True)
    log = logging.getLogger("game.kiosk")
    log.setLevel(logging.INFO)
    for handler in list(log.handlers):
        log.removeHandler(handler)
        handler.close()
    form = logging.Formatter("%(asctime)s %(levelname)s %(message)s")
    rotating = logging.handlers.RotatingFileHandler(
        folder / LOG_NAME, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handlers: list[logging.Handler] = [rotating]
    if echo:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.setFormatter(form)
        log.addHandler(handler)
    return log


@dataclass
class Supervisor:
    """Runs `command` until staff stop it; every other exit is a crash and is restarted."""

    command: list[str]
    log: logging.Logger
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    hang_after: float = 60.0  # no heartbeat for this long: the game is stuck, restart it
    stable_after: float = 120.0  # a run this long resets the back-off
    max_delay: float = 60.0
    max_restarts: int | None = None  # tests stop after this many; a kiosk never does
    env: Mapping[str, str] = field(default_factory=lambda: os.environ)
    # A game that dies before its first frame this many times in a row will not start by
    # restarting: show `fault_command` (a screen telling staff) instead of trying forever.
    max_failed_starts: int = 5
    fault_command: Callable[[str], list[str]] | None = None
    last_error: str = ""
    became_ready: bool = False

    def run(self) -> int:
        failures = restarts = failed_starts = 0
        while True:
            started = self.clock()
            code = self.run_once()
            if code in (STAFF_EXIT, CONFIG_EXIT):
                why = "staff closed the kiosk" if code == STAFF_EXIT else "the config is wrong"
                self.log.info("the game %s: %s; not restarting", describe(code), why)
                return code
            failed_starts = 0 if self.became_ready else failed_starts + 1
            if failed_starts >= self.max_failed_starts:
                return self._give_up(code, failed_starts)
            ran = self.clock() - started
            failures = 1 if ran >= self.stable_after else failures + 1
            delay = backoff(failures, limit=self.max_delay)
            self.log.error("the game %s after %.0f s; restart %d in %.0f s",
                           describe(code), ran, restarts + 1, delay)  # fmt: skip
            notify(f"STATUS=restarting the game after it {describe(code)}", self.env)
            if self.max_restarts is not None and restarts >= self.max_restarts:
                return code
            restarts += 1
            self._pause(delay)

    def _give_up(self, code: int, failed_starts: int) -> int:
        """Stop restarting a game that cannot start; staff see why on the screen."""
        self.log.critical("the game failed to start %d times in a row (last: %s); not "
                          "restarting it. Last error: %s", failed_starts, describe(code),
                          self.last_error or "none")  # fmt: skip
        notify(f"STATUS=the game cannot start: {self.last_error[:200]}", self.env)
        if self.fault_command is None:
            return CONFIG_EXIT
        self.command = self.fault_command(self.last_error)
        self.run_once()
        return CONFIG_EXIT  # whatever became of the notice, restarting cannot help

    def run_once(self) -> int:
        """Start the game once and watch it until it exits (or hangs and is killed)."""
        self.became_ready = False
        beat_r, beat_w = os.pipe()
        env = dict(self.env, **{HEARTBEAT_ENV: str(beat_w)})
        self.log.info("starting the game: %s", " ".join(self.command))
        child = subprocess.Popen(self.command, env=env, pass_fds=(beat_w,),
                                 stderr=subprocess.PIPE)  # fmt: skip
        os.close(beat_w)  # only the child holds it now, so its exit reads as end-of-file
        try:
            self._watch(child, beat_r)
        finally:
            os.close(beat_r)
            _stop(child)
        return child.returncode

    def _watch(self, child: subprocess.Popen, beat: int) -> None:
        assert child.stderr is not None  # started with stderr=PIPE
        err = child.stderr.fileno()
        open_fds = {beat, err}
        interval = watchdog_interval(self.env)
        # A selector, not select(): select() refuses descriptors above 1024, which a long-lived
        # process (or a long test run) can reach.
        with selectors.DefaultSelector() as watching:
            for fd in open_fds:
                watching.register(fd, selectors.EVENT_READ)
            pending = self._pump(child, watching, open_fds, beat, interval)
        self._log_lines(pending + b"\n")

    def _pump(self, child: subprocess.Popen, watching: selectors.BaseSelector, open_fds: set[int],
              beat: int, interval: float) -> bytes:  # fmt: skip
        """Read the heartbeat and stderr until both close or the game hangs; the unfinished
        last stderr line is returned."""
        pending = b""
        last_beat = last_ping = self.clock()
        ready = False
        while open_fds:
            readable = [key.fd for key, _events in watching.select(interval)]
            now = self.clock()
            for fd in readable:
                data = os.read(fd, 4096)
                if not data:
                    open_fds.discard(fd)
                    watching.unregister(fd)
                elif fd == beat:
                    last_beat = now
                    if not ready:  # the first heartbeat: the window is up and drawing
                        ready = self.became_ready = True
                        notify("READY=1", self.env)
                else:
                    pending = self._log_lines(pending + data)
            if now - last_beat > self.hang_after:
                self.log.error("the game has not answered for %.0f s; stopping it", now - last_beat)
                child.kill()
                return pending
            if ready and now - last_ping >= interval:
                last_ping = now
                notify("WATCHDOG=1", self.env)
        return pending

    def _log_lines(self, data: bytes) -> bytes:
        """Pass the game's complete stderr lines (tracebacks included) into the log."""
        *lines, rest = data.split(b"\n")
        for line in lines:
            if line.strip():
                self.last_error = line.decode("utf-8", "replace").rstrip()[:500]
                self.log.warning("game: %s", self.last_error)
        return rest

    def _pause(self, seconds: float) -> None:
        """Wait before a restart, still telling the watchdog the supervisor itself is alive."""
        step = watchdog_interval(self.env)
        while seconds > 0:
            self.sleep(min(step, seconds))
            seconds -= step
            notify("WATCHDOG=1", self.env)


def _stop(child: subprocess.Popen) -> None:
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(5)
        except subprocess.TimeoutExpired:
            child.kill()
    child.wait()
    if child.stderr:
        child.stderr.close()


def stop_on_sigterm() -> None:
    """systemctl stop sends SIGTERM: leave through `finally`, so the game is stopped too."""

    def leave(signum, _frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, leave)
