"""A headphone station: the kiosk config turns reading aloud on for every visit."""

from __future__ import annotations

import pytest

from game.kiosk import config as kiosk_config
from game.speech import RecordingSpeaker


@pytest.fixture
def recorder(monkeypatch) -> RecordingSpeaker:
    speaker = RecordingSpeaker()
    monkeypatch.setattr("game.ui.app.default_speaker", lambda: speaker)
    return speaker


def test_the_config_turns_narration_on(tmp_path):
    file = tmp_path / "kiosk.toml"
    file.write_text("[audio]\nread_aloud = true\n", encoding="utf-8")
    assert kiosk_config.load(file).read_aloud is True
    assert kiosk_config.KioskConfig().read_aloud is False
    file.write_text('[audio]\nread_aloud = "yes"\n', encoding="utf-8")
    with pytest.raises(kiosk_config.ConfigError) as err:
        kiosk_config.load(file)
    assert ":2" in str(err.value) or "line 2" in str(err.value)


def test_every_visit_starts_reading_aloud(start_kiosk, recorder):
    kiosk = start_kiosk(read_aloud=True)
    assert kiosk.app.settings.read_aloud
    assert recorder.said, "the attract screen is announced"
    kiosk.start_reading()
    assert "The Silent Loom" in recorder.last and "" not in recorder.texts


def test_narration_stays_off_by_default(start_kiosk, recorder):
    kiosk = start_kiosk()
    kiosk.start_reading()
    assert not kiosk.app.settings.read_aloud and recorder.said == []
