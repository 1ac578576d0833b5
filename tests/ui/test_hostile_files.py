"""The player's own files when they are damaged, hostile or cannot be written: the game starts,
sets a damaged file aside, says so once, and play goes on."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import notices, saves, storage
from game import profile as profile_store
from game import settings as settings_store
from game.engine.runtime import Playthrough
from game.settings import Settings

HOSTILE = {
    "wrong_types": b'{"volume": "loud", "text_size": 7, "language": ["en"]}',
    "deep": b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "nan": b'{"volume": NaN, "theme": "dark"}',
    "infinity": b'{"volume": Infinity}',
    "nul": b'{"language": "e\\u0000n"}',
    "raw_nul": b'{"language": "en"}\x00',
    "huge": b'{"language": "' + b"x" * 200_000 + b'"}',
    "not_json": b"\xff\xfe garbage",
    "a_list": b"[1, 2, 3]",
    "a_path_for_a_language": b'{"language": "../../../etc"}',
}


def _data() -> os.PathLike:
    return storage.data_dir()


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_settings_are_set_aside_once_with_defaults(name):
    file = _data() / settings_store.FILE_NAME
    file.write_bytes(HOSTILE[name])
    loaded = settings_store.load()
    assert loaded.volume == Settings().volume and loaded.language == "en"
    assert not file.exists() and (_data() / "settings.json.damaged").read_bytes() == HOSTILE[name]
    assert notices.take() == [settings_store.DAMAGED]
    file.write_bytes(HOSTILE[name])  # damaged again in the same run: kept, not said twice
    settings_store.load()
    assert (_data() / "settings.json.damaged-2").exists() and notices.take() == []


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_profile_is_set_aside(name):
    file = _data() / profile_store.FILE_NAME
    file.write_bytes(HOSTILE[name].replace(b'"language"', b'"terms"'))
    profile = profile_store.load()
    if name not in ("wrong_types", "a_path_for_a_language"):  # valid JSON the profile reads
        assert (_data() / "profile.json.damaged").exists()
        assert notices.take() == [profile_store.DAMAGED]
    assert profile.terms == [] or all(isinstance(t, str) for t in profile.terms)


@pytest.fixture
def pt():
    from game.engine import load_story
    from tests.ui.conftest import FIXTURE_STORY

    story = load_story(FIXTURE_STORY)
    return Playthrough.start(story, "weaver", seed=5)


@pytest.mark.parametrize("name", ["deep", "nan", "huge", "raw_nul", "not_json"])
def test_a_hostile_save_shows_as_damaged(pt, name):
    saves.write("2", pt, 1.0)
    path = saves.slot_path("2")
    good = json.loads(path.read_text())
    bad = HOSTILE[name].replace(b'{"', b'{"header": ' + json.dumps(good["header"]).encode()
                                + b', "state": {}, "', 1)  # fmt: skip
    path.write_bytes(bad if name in ("deep", "nan", "huge") else HOSTILE[name])
    info = saves.inspect("2", pt.story)
    assert info.status == "damaged" and info.problem


def test_a_data_folder_that_is_a_file_loses_nothing_and_says_so_once(tmp_path, monkeypatch, pt):
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    monkeypatch.setenv(storage.DATA_DIR_ENV, str(blocker))
    assert settings_store.load() == Settings()
    assert profile_store.load().terms == []
    assert [s.status for s in saves.list_slots(pt.story)] == ["empty"] * 7
    assert settings_store.save(Settings(theme="dark")) is False
    assert profile_store.load().save() is False
    assert notices.take() == [storage.CANNOT_WRITE]
    assert blocker.read_text() == "not a folder"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_data_folder(pt):
    folder = _data()
    settings_store.save(Settings(theme="dark"))
    folder.chmod(0o500)
    try:
        assert settings_store.save(Settings(theme="high_contrast")) is False
        assert notices.take() == [storage.CANNOT_WRITE]
        assert settings_store.load().theme == "dark"
    finally:
        folder.chmod(0o700)


def test_a_full_disk_keeps_the_old_file_whole(monkeypatch):
    settings_store.save(Settings(theme="dark"))

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert settings_store.save(Settings(theme="high_contrast")) is False
    assert settings_store.load().theme == "dark"
    assert [p.name for p in _data().iterdir()] == [settings_store.FILE_NAME]
    assert notices.take() == [storage.CANNOT_WRITE]


def test_left_over_temporary_files_are_cleaned_on_the_next_start():
    folder = _data()
    (folder / "saves").mkdir()
    old = [folder / ".settings.json.x1.tmp", folder / "saves" / ".slot-1.json.x2.tmp"]
    fresh = folder / ".profile.json.x3.tmp"  # another running copy may be writing it now
    for tmp in [*old, fresh]:
        tmp.write_text("{")
    for tmp in old:
        os.utime(tmp, (1000.0, 1000.0))
    assert storage.clean_temp_files(now=1000.0 + 1) == 0  # a second old: maybe in use
    assert storage.clean_temp_files() == 2
    assert not any(t.exists() for t in old) and fresh.exists()


def test_the_game_starts_over_a_damaged_settings_file_and_shows_the_notice(start_app, clock):
    (_data() / settings_store.FILE_NAME).write_bytes(HOSTILE["deep"])
    ui = start_app()
    ui.pump()
    assert ui.app.notice.current == settings_store.DAMAGED
    clock.now += 60
    ui.pump()
    assert ui.app.notice.current is None


def test_autosave_on_a_full_disk_lets_play_go_on(start_app, monkeypatch):
    ui = start_app()
    ui.begin_story()
    monkeypatch.setattr(storage, "write_json", _raise_full)
    before = ui.app.session.pt.turn
    ui.app.session.choose(0)
    assert ui.app.session.pt.turn == before + 1
    ui.pump()
    assert ui.app.notice.current == storage.CANNOT_WRITE


def _raise_full(*args, **kwargs):
    raise OSError(28, "No space left on device")


SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=20,
)
KEYS = st.sampled_from(["volume", "language", "window_size", "theme", "finished", "terms",
                        "events", "header", "state", "content_note_seen", "format"])  # fmt: skip
SHAPED = st.dictionaries(KEYS, JSON, max_size=6)


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=SHAPED | JSON, raw=st.none() | st.binary(max_size=60))
def test_random_files_go_through_the_real_loaders(pt, data, raw):
    """Whatever is in the files, the loaders return values of the right kinds and never raise."""
    folder = _data()
    text = raw if raw is not None else json.dumps(data).encode()
    for name in (settings_store.FILE_NAME, profile_store.FILE_NAME):
        (folder / name).write_bytes(text)
    (folder / "saves").mkdir(exist_ok=True)
    saves.slot_path("1").write_bytes(text)
    loaded = settings_store.load()
    assert isinstance(loaded.volume, int) and loaded.text_size in settings_store.TEXT_SIZES
    profile = profile_store.load()
    assert all(isinstance(t, str) for t in profile.terms)
    assert saves.inspect("1", pt.story).status in ("damaged", "incompatible", "ok")
    notices.take()
