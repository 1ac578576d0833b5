"""The kiosk config: the shipped example loads; every mistake names its line; a bad one stops the kiosk."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main as cli_main
from game.kiosk import config
from game.kiosk.config import ConfigError, KioskConfig
from game.kiosk.main import main as kiosk_main
from game.kiosk.supervisor import CONFIG_EXIT

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "kiosk.example.toml"


def problems(text: str) -> list[tuple[int, str]]:
    with pytest.raises(ConfigError) as caught:
        config.parse(text, Path("kiosk.toml"))
    return [(p.line, p.message) for p in caught.value.problems]


def test_the_documented_example_loads_with_every_setting():
    cfg = config.load(EXAMPLE)
    assert cfg.languages == ("en", "ru", "uz")
    assert cfg.perspectives == (
        "fergana_farmer",
        "khivan_refugee",
        "russian_settler",
        "soviet_volunteer",
        "eastern_bukhara",
    )
    assert (cfg.idle_seconds, cfg.warning_seconds, cfg.session_cap_seconds) == (90, 20, 1200)
    assert cfg.museum and cfg.statistics and cfg.min_sessions == 20 and cfg.fullscreen
    assert cfg.invitations["ru"] == "Коснитесь экрана, чтобы начать"
    assert cfg.where("idle.timeout") == f"kiosk.example.toml:{line_of(EXAMPLE, 'timeout = ')}"
    assert "pin =" not in EXAMPLE.read_text() and cfg.pin_hash is None  # no PIN is shipped


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(text))


def test_the_documented_example_is_the_kiosk_it_documents_docs():
    docs = (EXAMPLE.parent / "kiosk.md").read_text(encoding="utf-8")
    assert EXAMPLE.read_text(encoding="utf-8").strip() in docs  # docs/kiosk.md shows it whole


def test_no_file_means_the_defaults():
    assert config.load(None) == KioskConfig()
    assert config.parse("") == KioskConfig(lines={})


def test_a_wrong_value_names_its_line():
    text = '[idle]\ntimeout = 90\nwarning = "twenty"\n\n[staff]\npin = 1234\n'
    assert problems(text) == [
        (3, "idle.warning must be a number of seconds, not 'twenty'"),
        (
            6,
            "staff.pin is no longer read from the config, where anyone could read it: remove "
            "it and set the PIN with `python -m game kiosk --set-pin`",
        ),
    ]


def test_an_unknown_key_is_named_with_a_suggestion():
    [(line, message)] = problems("[idle]\ntimout = 90\n")
    assert line == 2 and message == "unknown setting idle.timout — did you mean idle.timeout?"


def test_syntax_errors_give_the_line():
    [(line, message)] = problems('[story]\nroute = "museum"\nlanguages = ["en", "ru"\n')
    assert line in (3, 4) and message.startswith("not valid TOML")


def test_values_are_checked_against_what_exists():
    text = (
        '[story]\nlanguages = ["en", "xx"]\nroute = "short"\n'
        '[display]\ntheme = "default"\ntext_size = "small"\n'
        "[idle]\ntimeout = 300\nsession_cap = 200\n"
    )
    found = dict(problems(text))
    assert "not translated: xx" in found[2]
    assert found[3].startswith('story.route must be one of "museum", "full"')
    assert "default" in found[5]  # the paper theme's grey is below AAA on its ground
    assert found[6].startswith("display.text_size must be one of")
    assert found[9].startswith("idle.session_cap must be longer")


def test_dotted_keys_and_inline_tables_find_their_lines():
    text = 'statistics.enabled = "yes"\n[attract]\ninvitations.zz = "Hi"\n'
    assert problems(text) == [
        (1, "statistics.enabled must be true or false, not 'yes'"),
        (3, "attract.invitations.zz: there is no language 'zz'"),
    ]


def test_a_bad_config_stops_the_kiosk_before_any_window(tmp_path, capsys):
    bad = tmp_path / "kiosk.toml"
    bad.write_text("[idle]\ntimeout = -5\n", encoding="utf-8")
    assert kiosk_main(["--config", str(bad)]) == CONFIG_EXIT  # supervised: refused up front
    assert kiosk_main(["--config", str(bad), "--no-supervise"]) == CONFIG_EXIT
    assert cli_main(["kiosk", "--config", str(bad)]) == CONFIG_EXIT  # options pass through
    err = capsys.readouterr().err
    assert f"{bad}:2: idle.timeout must be between 10 and 3600 seconds, not -5" in err
    assert "will not start" in err


def test_a_perspective_the_story_lacks_stops_the_kiosk(tmp_path, capsys):
    from tests.ui.conftest import FIXTURE_STORY

    bad = tmp_path / "kiosk.toml"
    bad.write_text(f'[story]\npath = "{FIXTURE_STORY}"\n\nperspectives = ["weaver", "tailor"]\n',
                   encoding="utf-8")  # fmt: skip
    assert kiosk_main(["--config", str(bad), "--no-supervise"]) == CONFIG_EXIT
    assert cli_main(["kiosk", "--config", str(bad)]) == CONFIG_EXIT  # options pass through
    err = capsys.readouterr().err
    assert "kiosk.toml:4: story.perspectives: the story has no perspective 'tailor'" in err


def test_folders_are_relative_to_the_config_file(tmp_path):
    (tmp_path / "kiosk.toml").write_text('[story]\npath = "story"\n[logs]\nfolder = "/var/log/k"\n')
    cfg = config.load(tmp_path / "kiosk.toml")
    assert cfg.story == tmp_path / "story" and cfg.log_dir == Path("/var/log/k")
