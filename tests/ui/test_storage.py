"""Atomic files, settings, saves and the translation function, without a window."""

from __future__ import annotations

import json

import pytest

from game import i18n, saves, storage
from game import profile as profile_store
from game import settings as settings_store
from game.engine import SaveError
from game.engine.runtime import Playthrough
from game.settings import Settings


def test_write_json_replaces_atomically_and_leaves_no_temp_files(tmp_path):
    path = tmp_path / "a.json"
    storage.write_json(path, {"n": 1})
    storage.write_json(path, {"n": 2, "word": "oʻzbek"})
    assert storage.read_json(path) == {"n": 2, "word": "oʻzbek"}
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_a_failed_write_keeps_the_old_file(tmp_path):
    path = tmp_path / "a.json"
    storage.write_json(path, {"n": 1})
    with pytest.raises(TypeError):
        storage.write_json(path, {"n": object()})
    assert storage.read_json(path) == {"n": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_data_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(storage.DATA_DIR_ENV, str(tmp_path / "x"))
    assert storage.data_dir() == tmp_path / "x" and (tmp_path / "x").is_dir()


def test_settings_round_trip_and_bad_values_fall_back():
    wanted = Settings(text_size="largest", text_speed="instant", theme="dark", fullscreen=True,
                      volume=30)  # fmt: skip
    settings_store.save(wanted)
    assert settings_store.load() == wanted
    assert settings_store.from_dict({"theme": "neon", "volume": 300, "text_size": "large"}) == (
        Settings(text_size="large")
    )
    assert wanted.chars_per_second == 0 and len(settings_store.TEXT_SIZES) >= 3


def test_a_damaged_settings_file_is_kept_aside():
    path = settings_store.path()
    path.write_text("{oops", encoding="utf-8")
    assert settings_store.load() == Settings()
    assert path.with_name("settings.json.damaged").read_text(encoding="utf-8") == "{oops"


def test_profile_records_progress_once():
    prof = profile_store.load()
    assert prof.record(["jadid"], ["revolt_1916"]) is True
    assert prof.record(["jadid"], []) is False
    prof.finish("weaver", "fled")
    prof.save()
    again = profile_store.load()
    assert again.terms == ["jadid"] and again.has_finished("weaver")


def test_save_slots_header_and_restore(story):
    pt = Playthrough.start(story, "weaver", seed=5)
    pt.choose(0)
    saves.write("2", pt, time_played=90.0)
    infos = {i.slot: i for i in saves.list_slots(story)}
    assert len(infos) == saves.SLOT_COUNT + 1 and infos["auto"].status == "empty"
    assert infos["2"].usable and infos["2"].scene_title == "The Draft List"
    assert infos["2"].perspective_title == "The Weaver of Qoʻshariq"
    restored, played = saves.read("2", story)
    assert restored.scene.id == "mosque" and restored.turn == 1 and played == 90.0


@pytest.mark.parametrize(
    "content, words",
    [("not json", "damaged"), ("[1, 2]", "no header"), ('{"header": {}, "state": {}}', "version")],
)
def test_damaged_save_files_are_reported_not_raised(story, content, words):
    saves.slot_path("1").parent.mkdir(parents=True, exist_ok=True)
    saves.slot_path("1").write_text(content, encoding="utf-8")
    info = saves.inspect("1", story)
    assert info.status == "damaged" and words in info.problem
    with pytest.raises(SaveError):
        saves.read("1", story)


def test_a_save_of_another_story_is_incompatible(story):
    pt = Playthrough.start(story, "weaver", seed=5)
    saves.write("1", pt, 1.0)
    data = json.loads(saves.slot_path("1").read_text(encoding="utf-8"))
    data["header"]["story_id"] = "other"
    saves.slot_path("1").write_text(json.dumps(data), encoding="utf-8")
    assert saves.inspect("1", story).status == "incompatible"


def test_every_ui_string_passes_through_the_translation_function(ui, monkeypatch):
    class Shouting:
        def gettext(self, message):
            return message.upper()

    monkeypatch.setattr(i18n, "_translation", Shouting())
    ui.app.home()
    ui.app.screen.layout()
    labels = [b.label for b in ui.screen.group.buttons]
    assert labels == [label.upper() for label in labels] and "NEW STORY" in labels
    ui.click("SETTINGS")
    assert ui.screen.title() == "SETTINGS"


def test_set_language_without_a_catalogue_falls_back_to_english():
    i18n.set_language("xx")
    assert i18n._("New story") == "New story"
    i18n.set_language("en")
