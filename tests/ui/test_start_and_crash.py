"""Starting without a display says so; a crash is logged in the data folder and the player told
where."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from game import playerlog, storage
from game.ui import app as app_module
from tests.conftest import ROOT


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY is a Linux matter")
def test_with_no_display_the_game_says_so_and_exits_2(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}  # fmt: skip
    env["VOT_DATA_DIR"] = str(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "game"], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=60)  # fmt: skip
    assert proc.returncode == 2
    assert "No display" in proc.stderr and "python -m game tty" in proc.stderr


def test_a_display_or_a_chosen_driver_lets_the_game_start(monkeypatch):
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.delenv("DISPLAY", raising=False)
    assert playerlog.display_missing() is None
    monkeypatch.delenv("SDL_VIDEODRIVER")
    monkeypatch.setenv("DISPLAY", ":0")
    assert playerlog.display_missing() is None


def test_a_crash_is_logged_in_the_data_folder_and_the_player_told_where(monkeypatch, capsys):
    def broken(self):
        raise RuntimeError("a bug in the loop")

    monkeypatch.setattr(app_module.App, "run", broken)
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    assert app_module.main(["--size", "1280x720"]) == 1
    log = storage.data_dir() / "logs" / "player.log"
    said = capsys.readouterr().err
    assert str(log) in said and "RuntimeError: a bug in the loop" in said
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "a bug in the loop" in text and "def broken" not in said


def test_the_log_stays_small():
    log = playerlog.path()
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text("x" * (playerlog.MAX_BYTES + 1), encoding="utf-8")
    playerlog.write("started")
    assert log.stat().st_size < 100 and log.with_name("player.log.1").exists()
