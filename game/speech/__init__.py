"""Self-voicing: one small Speaker interface, the platform engines behind it, and spoken text."""

from game.speech.engines import (
    EspeakSpeaker,
    NullSpeaker,
    RecordingSpeaker,
    SapiSpeaker,
    SaySpeaker,
    Speaker,
    default_speaker,
)
from game.speech.words import spoken

__all__ = [
    "EspeakSpeaker",
    "NullSpeaker",
    "RecordingSpeaker",
    "SapiSpeaker",
    "SaySpeaker",
    "Speaker",
    "default_speaker",
    "spoken",
]
