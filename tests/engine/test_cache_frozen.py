"""A one-file desktop build unpacks its story into a new folder at every start: one cache for all."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from game.engine import cache

FIXTURE_STORY = Path(__file__).parents[1] / "fixtures" / "mini"


def _unpack(story, base, stamp_ns):
    """Copy the story as a build's loader would: a fresh folder, fresh modification times."""
    target = base / "game" / "bundled" / "story"
    shutil.copytree(story, target)
    for path in target.rglob("*"):
        os.utime(path, ns=(stamp_ns, stamp_ns))
    return target


@pytest.fixture
def frozen(monkeypatch, tmp_path):
    exe = tmp_path / "voices-of-turkestan"
    exe.write_bytes(b"a build")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.setenv("VOT_CACHE_DIR", str(tmp_path / "cache"))

    def start(n: int):
        base = tmp_path / f"_MEI{n}"
        monkeypatch.setattr(sys, "_MEIPASS", str(base), raising=False)
        return _unpack(FIXTURE_STORY, base, 1_700_000_000_000_000_000 + n * 10**9)

    return start


def test_every_start_of_a_one_file_build_uses_the_same_cache(frozen):
    first = frozen(1)
    name, stamp = cache._path_for(first, "en"), cache.fingerprint(first)
    second = frozen(2)
    assert cache._path_for(second, "en") == name
    assert cache.fingerprint(second) == stamp


def test_outside_a_build_the_cache_still_notices_an_edit(tmp_path, monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    story = tmp_path / "story"
    shutil.copytree(FIXTURE_STORY, story)
    before = cache.fingerprint(story)
    first = sorted(story.rglob("*.yaml"))[0]
    os.utime(first, ns=(1, 1))
    assert cache.fingerprint(story) != before
