"""The speech engines for real: espeak-ng renders a page to a WAV in each language's voice;
utterances never wait and cut each other; the platform engines' commands; spoken text."""

from __future__ import annotations

import shutil
import statistics
import sys
import time
import wave
from pathlib import Path

import pytest

from game.speech import (
    EspeakSpeaker,
    NullSpeaker,
    SapiSpeaker,
    SaySpeaker,
    default_speaker,
    spoken,
)
from game.speech.engines import CommandSpeaker

ESPEAK = shutil.which("espeak-ng")
needs_espeak = pytest.mark.skipif(
    ESPEAK is None, reason="espeak-ng is not installed (.ci/ensure-espeak installs it)"
)
PAGE = {
    "en": "The Silent Loom. June 1916, Qoshariq. The shuttle lies still on the warp. "
    "Choices: 1. Go to the mosque. 2. Stay at the loom.",
    "ru": "Молчащий станок. Июнь 1916 г., Кошарык. Челнок лежит на основе. "
    "Выбор: 1. Пойти в мечеть. 2. Остаться у станка.",
    "uz": "Jim dastgoh. 1916-yil iyun, Qoʻshariq. Moki tanda ustida yotibdi. "
    "Tanlov: 1. Masjidga borish. 2. Dastgoh yonida qolish.",
}


def frames(path: Path) -> int:
    with wave.open(str(path)) as wav:
        assert wav.getnchannels() == 1 and wav.getframerate() > 8000
        return wav.getnframes()


@needs_espeak
@pytest.mark.parametrize("language", ["en", "ru", "uz"])
def test_a_page_renders_to_a_wav_with_speech_in_it(tmp_path, language):
    out = tmp_path / f"{language}.wav"
    EspeakSpeaker(ESPEAK).to_wav(PAGE[language], language, out)
    n = frames(out)
    assert n > 22050 * 3  # several seconds of speech, not a click
    with wave.open(str(out)) as wav:
        samples = wav.readframes(n)
    assert len(set(samples)) > 50  # a voice, not silence


@needs_espeak
def test_switching_language_switches_the_voice(tmp_path):
    speaker = EspeakSpeaker(ESPEAK)
    text = "1916"  # the same characters: only the voice differs
    sounds = {}
    for language in ("en", "ru", "uz"):
        out = tmp_path / f"{language}.wav"
        speaker.to_wav(text, language, out)
        sounds[language] = out.read_bytes()
    assert len(set(sounds.values())) == 3
    assert "n'aIn" in speaker.phonemes(text, "en")  # nineteen…
    assert "t'ys" in speaker.phonemes(text, "ru")  # тысяча…
    assert "b'y* m'yN" in speaker.phonemes(text, "uz")  # bir ming… (not "bir toʻqqiz bir olti")


@needs_espeak
def test_the_uzbek_letter_mark_is_never_spelled_out():
    speaker = EspeakSpeaker(ESPEAK)
    words = "Oʻzbekiston gʻalla oʻrik"
    assert "\u02bb" not in spoken(words, "uz")
    plain = speaker.phonemes("O'zbekiston g'alla o'rik", "uz")
    assert speaker.phonemes(words, "uz") == plain
    assert speaker.phonemes("Qoʻshariq", "uz") == speaker.phonemes("Qo‘shariq", "uz")


def test_numbers_dates_and_signs_are_written_for_the_ear():
    assert spoken("June 1916 · Kokand", "en") == "June 1916, Kokand"
    assert spoken("19 February 1918", "en") == "the 19th of February 1918"
    assert spoken("1916–1934", "en") == "1916 to 1934"
    assert spoken("40 %, 25 000 men", "en") == "40 percent, 25000 men"
    assert spoken("x" * 50_000, "en") == "x" * 20_000  # bounded


def test_russian_years_and_days_are_ordinals_in_their_case():
    assert spoken("Июнь 1918 г. · Коканд", "ru") == (
        "Июнь тысяча девятьсот восемнадцатого года, Коканд"
    )
    assert spoken("19 февраля 1918 г.", "ru") == (
        "девятнадцатого февраля тысяча девятьсот восемнадцатого года"
    )
    assert spoken("в 1923 г.", "ru") == "в тысяча девятьсот двадцать третьем году"
    assert spoken("в 1920 году", "ru") == "в тысяча девятьсот двадцатом году"
    assert spoken("1916–1934", "ru") == "с 1916 по 1934"
    assert spoken("1920-х гг.", "ru") == "1920-х годов"


def test_uzbek_numbers_are_words_since_espeak_reads_them_digit_by_digit():
    assert spoken("1916-yil", "uz") == "bir ming to'qqiz yuz o'n oltinchi yil"
    assert spoken("19-fevral", "uz") == "o'n to'qqizinchi fevral"
    assert spoken("1916–1934", "uz") == (
        "bir ming to'qqiz yuz o'n oltinchi yildan bir ming to'qqiz yuz o'ttiz to'rtinchi yilgacha"
    )
    assert spoken("25 000 kishi, 40 %", "uz") == "yigirma besh ming kishi, qirq foiz"
    assert spoken("2 ta", "uz") == "ikki ta" and spoken("0", "uz") == "nol"


class Slow(CommandSpeaker):
    """An engine that reads its text and then talks for a minute (until it is stopped)."""

    def command(self, language: str) -> list[str]:
        return [sys.executable, "-c", "import sys, time; sys.stdin.read(); time.sleep(60)"]


def started(speaker: CommandSpeaker, after=None, timeout: float = 20):
    """The process speaking now, once the worker has started one other than `after`."""
    with speaker._lock:
        ok = speaker._lock.wait_for(
            lambda: speaker._proc is not None and speaker._proc is not after, timeout
        )
        assert ok, "the engine never started"
        return speaker._proc


def test_a_new_utterance_cuts_the_last_and_stop_silences():
    speaker = Slow(sys.executable)
    try:
        speaker.speak("first page", "en")
        first = started(speaker)
        speaker.speak("second page", "en")  # the player moved on
        assert first.wait(timeout=20) != 0  # killed, not finished
        second = started(speaker, after=first)
        speaker.stop()
        assert second.wait(timeout=20) != 0
    finally:
        speaker.close()


def test_speaking_never_holds_up_a_frame():
    """Handing an utterance over costs microseconds, whatever the engine is doing: a frame
    stays well under 1.5 ms while speaking."""
    speaker = Slow(sys.executable)
    try:
        speaker.speak("a page", "en")
        started(speaker)
        costs = []
        for n in range(30):
            start = time.perf_counter()
            speaker.speak(f"focus {n}", "en")
            costs.append(time.perf_counter() - start)
        assert statistics.median(costs) < 0.0015
    finally:
        speaker.close()


def test_each_platform_gets_its_engine_or_a_reason():
    found = {"powershell": "C:/ps.exe", "say": "/usr/bin/say", "espeak-ng": "/usr/bin/espeak-ng"}
    which = found.get
    assert isinstance(default_speaker("win32", which), SapiSpeaker)
    assert isinstance(default_speaker("darwin", which), SaySpeaker)
    assert isinstance(default_speaker("linux", which), EspeakSpeaker)
    none = default_speaker("linux", lambda name: None)
    assert isinstance(none, NullSpeaker) and not none.available and "espeak-ng" in none.reason
    none.speak("nothing happens", "en")  # and nothing breaks


def test_the_platform_commands_name_each_languages_voice():
    assert EspeakSpeaker("espeak-ng").command("ru")[-2:] == ["ru", "--stdin"]
    assert EspeakSpeaker("espeak-ng").command("uz")[-2:] == ["uz", "--stdin"]
    assert SaySpeaker("say").command("ru") == ["say", "-v", "Milena", "-f", "-"]
    sapi = SapiSpeaker("powershell").command("ru")
    assert sapi[0] == "powershell" and "'ru-RU'" in sapi[-1] and "System.Speech" in sapi[-1]


def test_speech_needs_no_pygame():
    """The engines are usable by the terminal player and tools: no window library behind them."""
    import subprocess

    code = "import sys, game.speech; assert 'pygame' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
