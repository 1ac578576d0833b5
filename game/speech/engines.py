"""The speech engines behind one interface: espeak-ng, SAPI, `say`, a recorder for tests, none."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from game.speech.words import spoken


class Speaker:
    """Speaks one utterance at a time: a new one, or stop(), cuts the one being spoken."""

    name = "none"
    available = False
    reason = ""  # why not available, for the player

    def speak(self, text: str, language: str) -> None:
        """Start saying `text` in `language` (en, ru, uz) and return at once."""

    def stop(self) -> None:
        """Fall silent."""

    def close(self) -> None:
        """Fall silent and let go of the engine (the window is closing)."""
        self.stop()


class NullSpeaker(Speaker):
    """No engine on this machine: reading aloud stays off and says why."""

    def __init__(self, reason: str = "no speech engine was found") -> None:
        self.reason = reason


class RecordingSpeaker(Speaker):
    """Keeps what would have been said (tests read it instead of listening)."""

    name = "recording"
    available = True

    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []  # (text, language), in order
        self.stops = 0

    def speak(self, text: str, language: str) -> None:
        self.said.append((text, language))

    def stop(self) -> None:
        self.stops += 1

    @property
    def texts(self) -> list[str]:
        return [text for text, _ in self.said]

    @property
    def last(self) -> str:
        return self.said[-1][0] if self.said else ""


class CommandSpeaker(Speaker):
    """Runs the engine's command once per utterance from a worker thread, so the caller (the
    game's main loop) only hands over a string: starting a process takes milliseconds."""

    available = True
    voices: ClassVar[dict[str, str]] = {}

    def __init__(self, program: str) -> None:
        self.program = program
        self._lock = threading.Condition()
        self._pending: tuple[str, str] | None = None
        self._proc: subprocess.Popen | None = None
        self._generation = 0  # bumped by every speak/stop: a process started before is stale
        self._thread: threading.Thread | None = None
        self._closed = False

    def command(self, language: str) -> list[str]:
        """The engine's command line; the text arrives on its standard input."""
        raise NotImplementedError

    def encode(self, text: str) -> bytes:
        return text.encode("utf-8")

    def speak(self, text: str, language: str) -> None:
        with self._lock:
            self._generation += 1
            self._pending = (spoken(text, language), language)
            proc = self._proc
            self._ensure_thread()
            self._lock.notify()
        _end(proc)

    def stop(self) -> None:
        with self._lock:
            self._generation += 1
            self._pending = None
            proc = self._proc
        _end(proc)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._lock.notify()
        self.stop()

    def _ensure_thread(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._work, name="speech", daemon=True)
            self._thread.start()

    def _work(self) -> None:
        while True:
            with self._lock:
                while self._pending is None and not self._closed:
                    self._lock.wait()
                if self._closed:
                    return
                pending, self._pending = self._pending, None
                assert pending is not None  # the wait above ends only with work or closing
                text, language = pending
                generation = self._generation
            self._say(text, language, generation)

    def _say(self, text: str, language: str, generation: int) -> None:
        try:
            proc = subprocess.Popen(self.command(language), stdin=subprocess.PIPE,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        except OSError:
            return  # the engine vanished: stay silent rather than crash the game
        with self._lock:
            self._proc = proc
            stale = generation != self._generation
        if stale:
            _end(proc)
        with contextlib.suppress(OSError, ValueError):
            proc.communicate(self.encode(text))
        with self._lock:
            if self._proc is proc:
                self._proc = None


def _end(proc: subprocess.Popen | None) -> None:
    if proc is not None and proc.poll() is None:
        with contextlib.suppress(OSError):
            proc.kill()


class EspeakSpeaker(CommandSpeaker):
    """espeak-ng (Linux, also Windows and macOS): en, ru and uz voices of its own."""

    name = "espeak-ng"
    voices: ClassVar[dict[str, str]] = {"en": "en-gb", "ru": "ru", "uz": "uz"}

    def command(self, language: str) -> list[str]:
        return [self.program, "-b", "1", "-v", self.voices.get(language, "en-gb"), "--stdin"]

    def to_wav(self, text: str, language: str, path: Path, timeout: float = 60) -> None:
        """Render the utterance to a WAV file (for tests and for checking a page by ear)."""
        cmd = [*self.command(language), "-w", str(path)]
        subprocess.run(cmd, input=self.encode(spoken(text, language)), check=True,
                       timeout=timeout, capture_output=True)  # fmt: skip

    def phonemes(self, text: str, language: str, timeout: float = 60) -> str:
        """What the engine would say, as its phoneme mnemonics (nothing is played)."""
        cmd = [*self.command(language), "-q", "-x"]
        out = subprocess.run(cmd, input=self.encode(spoken(text, language)), check=True,
                             timeout=timeout, capture_output=True).stdout  # fmt: skip
        return out.decode("utf-8", "replace")


class SaySpeaker(CommandSpeaker):
    """macOS's `say`; Russian has a system voice, Uzbek falls back to the default one."""

    name = "say"
    voices: ClassVar[dict[str, str]] = {"ru": "Milena"}

    def command(self, language: str) -> list[str]:
        voice = self.voices.get(language)
        return [self.program, *(["-v", voice] if voice else []), "-f", "-"]


# SAPI through PowerShell: no extra Python package on Windows. The culture picks an installed
# voice of the language when there is one (Windows ships Russian; Uzbek falls back).
_SAPI_SCRIPT = (
    "[Console]::InputEncoding=[Text.Encoding]::UTF8;"
    "Add-Type -AssemblyName System.Speech;"
    "$s=New-Object System.Speech.Synthesis.SpeechSynthesizer;"
    "try{$s.SelectVoiceByHints(0,0,0,[Globalization.CultureInfo]'%s')}catch{};"
    "$s.Speak([Console]::In.ReadToEnd())"
)


class SapiSpeaker(CommandSpeaker):
    """Windows' SAPI voices, driven through PowerShell's System.Speech."""

    name = "SAPI"
    voices: ClassVar[dict[str, str]] = {"en": "en-GB", "ru": "ru-RU", "uz": "uz-Latn-UZ"}

    def command(self, language: str) -> list[str]:
        culture = self.voices.get(language, "en-GB")
        return [self.program, "-NoProfile", "-NonInteractive", "-Command", _SAPI_SCRIPT % culture]


def default_speaker(
    platform: str = sys.platform, which: Callable[[str], str | None] = shutil.which
) -> Speaker:
    """The engine this machine has, or a NullSpeaker saying what to install."""
    if platform.startswith("win") and (ps := which("powershell") or which("pwsh")):
        return SapiSpeaker(ps)
    if platform == "darwin" and (say := which("say")):
        return SaySpeaker(say)
    program = which("espeak-ng") or which("espeak")
    if program:
        return EspeakSpeaker(program)
    return NullSpeaker("no speech engine was found: install espeak-ng")
