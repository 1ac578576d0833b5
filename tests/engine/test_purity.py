"""The engine and the authoring tools never import pygame."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

CODE = """
import sys

import pytest
import game.engine, game.engine.runtime, game.cli
import pkgutil, importlib, game.authoring
for mod in pkgutil.walk_packages(game.authoring.__path__, "game.authoring."):
    importlib.import_module(mod.name)
from game.authoring import check, tty
check.collect_problems(__import__('pathlib').Path('tests/fixtures/mini'))
print(sorted(m for m in sys.modules if m.split('.')[0] == 'pygame'))
"""


def test_engine_and_tools_leave_pygame_out():
    proc = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_the_engine_package_exports_every_name_it_lists_and_only_those():
    import game.engine as engine

    for name in engine.__all__:
        assert getattr(engine, name).__name__ == name
    assert sorted(engine.__all__) == sorted(engine._HOMES)
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        engine.nonsense  # noqa: B018
