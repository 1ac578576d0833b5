"""Quiet sounds made in code (a plucked dutar string, a soft tone), played at the player's volume."""

from __future__ import annotations

import math
import operator
import random
from array import array
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate, pairwise, repeat
from typing import Any

import pygame

RATE = 44100
# A3 for a choice and D3 for a new page: a fourth apart, as a dutar's two strings often are.
CHOOSE_HZ = 220.0
PAGE_HZ = 146.83
CARD_HZ = 164.81  # E3: low, yet its second harmonic still reaches small laptop speakers
# Sample type and midpoint for each mixer size pygame reports; pygame opens 32-bit audio as float.
FORMATS: dict[int, tuple[str, float, float]] = {
    -8: ("b", 127.0, 0.0),
    8: ("B", 127.0, 128.0),
    -16: ("h", 32767.0, 0.0),
    16: ("H", 32767.0, 32768.0),
    -32: ("f", 1.0, 0.0),
    32: ("f", 1.0, 0.0),
}

Samples = list[float]
Player = Callable[["pygame.mixer.Sound", float], None]  # a string: the mixer may be missing


def pluck(freq: float, seconds: float, rate: int, peak: float, seed: int = 7) -> Samples:
    """A Karplus–Strong string: a burst of noise circulating through a damped delay line."""
    period = max(2, round(rate / freq))
    rng = random.Random(seed)  # the same sound every start
    line = [rng.uniform(-1.0, 1.0) for _ in range(period)]
    # Smoothing the burst takes the edge off, like a fingertip rather than a plectrum.
    for _ in range(3):
        line = [(a + b) * 0.5 for a, b in zip(line, line[1:] + line[:1], strict=True)]
    out = list(line)
    damping = 0.498  # a little under 0.5: the string loses a little at every pass
    while len(out) < seconds * rate:
        # One pass round the delay line at a time: y[n] = d * (y[n-N] + y[n-N+1]).
        line = [damping * (a + b) for a, b in pairwise(line)] + [0.0]
        line[-1] = damping * (out[-1] + line[0])
        out += line
    return shape(out[: int(seconds * rate)], rate, peak, attack=0.006)


def tone(freq: float, seconds: float, rate: int, peak: float) -> Samples:
    """A soft sine with a faint octave, swelling in slowly and fading out."""
    period = round(rate / freq)  # one cycle, repeated: far cheaper than a sine per sample
    step = 2 * math.pi / period
    cycle = [math.sin(step * i) + 0.3 * math.sin(2 * step * i) for i in range(period)]
    n = int(seconds * rate)
    return shape((cycle * (n // period + 1))[:n], rate, peak, attack=0.04)


def shape(samples: Samples, rate: int, peak: float, attack: float) -> Samples:
    """Scale to `peak`, ramp in over `attack` seconds and decay to silence (no clicks at the ends)."""
    n = len(samples)
    gain = peak / (max(map(abs, samples)) or 1.0)
    # An exponential decay, built by repeated multiplication in C rather than exp() per sample.
    env = list(accumulate(repeat(math.exp(-5.0 / n), n - 1), operator.mul, initial=gain))
    ramp = max(1, int(attack * rate))
    fade = min(n, int(0.02 * rate))  # the last 20 ms go to zero so the end does not click
    env[:ramp] = [e * i / ramp for i, e in enumerate(env[:ramp])]
    env[n - fade :] = [e * (fade - 1 - i) / fade for i, e in enumerate(env[n - fade :])]
    return list(map(operator.mul, samples, env))


# Each voice is made at its peak in sample units; the peaks are fractions of full scale, all quiet.
VOICES: dict[str, Callable[[int, float], Samples]] = {
    "choose": lambda rate, peak: pluck(CHOOSE_HZ, 0.35, rate, peak),
    "page": lambda rate, peak: pluck(PAGE_HZ, 0.3, rate, peak, seed=11),
    "card": lambda rate, peak: tone(CARD_HZ, 0.45, rate, peak),
}
PEAKS = {"choose": 0.35, "page": 0.2, "card": 0.2}


@lru_cache(maxsize=8)
def encode(name: str, rate: int, size: int, channels: int) -> bytes:
    """The voice `name` as raw samples in the mixer's format (kept: every app in a run shares it)."""
    code, scale, middle = FORMATS[size]
    samples = VOICES[name](rate, PEAKS[name] * scale)
    if middle:
        samples = [s + middle for s in samples]
    mono: array[Any] = array(code, samples if code == "f" else list(map(int, samples)))
    frames: array[Any] = array(code, [0]) * (len(mono) * channels)
    for channel in range(channels):
        frames[channel::channels] = mono
    return frames.tobytes()


def play_on_mixer(sound: pygame.mixer.Sound, level: float) -> None:
    sound.set_volume(level)
    sound.play()


class Sounds:
    """The game's few sounds: made on first use, silent at volume 0 or without an audio device."""

    def __init__(self, volume: int = 0, player: Player = play_on_mixer) -> None:
        self.volume = volume  # 0 – 100, as in the settings
        self.player = player
        self.loaded: dict[str, pygame.mixer.Sound] = {}
        self.off = False  # set for good once the mixer cannot be opened

    @property
    def level(self) -> float:
        """The mixer volume, squared: with a linear gain the lower half of the slider sounds loud."""
        return (max(0, min(100, self.volume)) / 100) ** 2

    def play(self, name: str) -> bool:
        """Play `name` at the current volume; False when it stays silent."""
        if self.level <= 0 or self.off:
            return False  # volume 0 never touches the mixer
        sound = self.loaded[name] if name in self.loaded else self._load(name)
        if sound is None:
            return False
        self.player(sound, self.level)
        return True

    def _load(self, name: str) -> pygame.mixer.Sound | None:
        spec = self._mixer()
        if spec is None or spec[1] not in FORMATS:
            self.off = True
            return None
        try:
            sound = pygame.mixer.Sound(buffer=encode(name, *spec))
        except (pygame.error, ValueError):
            self.off = True
            return None
        self.loaded[name] = sound
        return sound

    @staticmethod
    def _mixer() -> tuple[int, int, int] | None:
        """(frequency, size, channels) of the mixer, opening it first if need be; None if it won't."""
        try:
            if not pygame.mixer.get_init():
                # Small buffer: the pluck must answer the click, not follow it.
                pygame.mixer.init(frequency=RATE, size=-16, channels=2, buffer=512)
            return pygame.mixer.get_init()
        except (pygame.error, NotImplementedError, OSError):
            return None  # no audio device (or no mixer module): the game plays on in silence
