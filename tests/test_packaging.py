"""What an installed game or a desktop build relies on: names, paths, restarts, optional tools."""

from __future__ import annotations

import subprocess
import sys

import pytest

import game
from game import cli, paths, progname
from game.engine import StoryError, load_story, structure
from tests.conftest import FIXTURES, ROOT


def test_the_kiosk_restarts_a_desktop_build_as_itself(monkeypatch):
    monkeypatch.setattr(sys, "executable", "/opt/vot/voices-of-turkestan")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert progname.relaunch("kiosk", "--no-supervise") == [
        "/opt/vot/voices-of-turkestan", "kiosk", "--no-supervise"]  # fmt: skip
    monkeypatch.delattr(sys, "frozen")
    assert progname.relaunch("kiosk")[1:] == ["-m", "game", "kiosk"]


@pytest.mark.parametrize(("argv0", "name"), [
    ("/usr/local/bin/voices-of-turkestan", "voices-of-turkestan"),
    ("C:\\venv\\Scripts\\voices-of-turkestan.exe".replace("\\", "/"), "voices-of-turkestan"),
    ("/src/game/__main__.py", "python -m game"),
])  # fmt: skip
def test_help_names_the_command_the_player_typed(argv0, name):
    assert progname.program(argv0) == name


def test_every_subcommand_help_names_the_installed_command(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["/venv/bin/voices-of-turkestan"])
    for command in cli.COMMANDS:
        with pytest.raises(SystemExit) as done:
            cli.main([command, "--help"])
        assert done.value.code == 0
        usage = capsys.readouterr().out
        assert usage.startswith(f"usage: voices-of-turkestan {command}"), (command, usage[:80])


def test_version(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert capsys.readouterr().out.strip() == f"python -m game {game.__version__}"


def test_play_help_prints_no_pygame_banner():
    env = {"PATH": "/usr/bin:/bin", "SDL_VIDEODRIVER": "dummy"}
    done = subprocess.run([sys.executable, "-m", "game", "play", "--help"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0
    assert done.stdout.startswith("usage: python -m game play")
    assert "pygame" not in done.stdout + done.stderr


def test_an_installed_game_reads_its_bundled_story_and_fonts(tmp_path, monkeypatch):
    package = tmp_path / "site-packages" / "game"
    (package / "bundled" / "story").mkdir(parents=True)
    (package / "bundled" / "assets").mkdir()
    monkeypatch.setattr(paths, "PACKAGE_DIR", package)
    monkeypatch.setattr(paths, "PROJECT_DIR", package.parent)
    monkeypatch.setattr(paths, "BUNDLED_DIR", package / "bundled")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VOT_STORY", raising=False)
    assert paths.default_story_dir() == package / "bundled" / "story"
    assert paths.assets_dir() == package / "bundled" / "assets"
    (package / "bundled" / "kiosk.example.toml").write_text("", "utf-8")
    assert paths.kiosk_example() == package / "bundled" / "kiosk.example.toml"
    assert not paths.is_checkout()


def test_a_checkout_reads_its_own_top_level_folders(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no ./story here
    monkeypatch.delenv("VOT_STORY", raising=False)
    assert paths.default_story_dir() == ROOT / "story"
    assert paths.assets_dir() == ROOT / "assets"
    assert paths.kiosk_example() == ROOT / "docs" / "kiosk.example.toml"
    assert paths.is_checkout()


def test_live_reload_is_for_authors(monkeypatch):
    from game.ui import app

    monkeypatch.setattr(app, "is_checkout", lambda: False)
    assert not app.should_watch(None)  # an installed game does not watch its files
    assert app.should_watch(True)  # unless asked: play --watch
    monkeypatch.setattr(app, "is_checkout", lambda: True)
    assert app.should_watch(None) and not app.should_watch(False)


def test_without_the_authoring_extra_a_broken_file_is_still_reported(monkeypatch):
    monkeypatch.setitem(sys.modules, "jsonschema", None)  # import jsonschema → ImportError
    structure._validator.cache_clear()
    try:
        with pytest.raises(StoryError) as failed:
            load_story(FIXTURES / "broken" / "unknown_key")
    finally:
        structure._validator.cache_clear()
    text = str(failed.value)
    assert "does not follow the story format" in text
    assert "voices-of-turkestan[authoring]" in text
