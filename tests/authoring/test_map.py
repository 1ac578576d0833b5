"""`map --html`: one self-contained page, checked as data and in a real headless Chromium."""

from __future__ import annotations

import io
import json
import re
import shutil
import struct
import subprocess
import sys

import pytest

from game.authoring import storymap
from game.authoring.map_page import page
from game.cli import build_parser
from game.engine import load_story
from tests.authoring.browser import Browser, find_chromium
from tests.conftest import FIXTURES, ROOT


def _map(root, out, *args: str) -> tuple[int, str]:
    text = io.StringIO()
    parsed = build_parser().parse_args(["map", str(root), "--html", str(out), *args])
    return storymap.run(parsed, text), text.getvalue()


def _data(html: str) -> dict:
    raw = re.search(r'<script id="data" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(raw.group(1))


def test_page_holds_scenes_problems_heat_and_marks(tmp_path):
    code, said = _map(FIXTURES / "mini", tmp_path / "m.html", "--walk", "50")
    assert code == 0 and "5 scenes" in said
    html = (tmp_path / "m.html").read_text("utf-8")
    data = _data(html)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert "start" in nodes["field"]["k"] and "ending" in nodes["hills"]["k"]
    assert "event" in nodes["bazaar"]["k"] and "ending" in nodes["home"]["k"]
    assert any("W513" in p for p in nodes["bazaar"]["p"])  # check's finding, on its scene
    assert nodes["field"]["heat"] >= 50 and nodes["home"]["heat"] == 0
    assert data["editor"].startswith("vscode://file/{path}:{line}")
    assert data["paths"][nodes["field"]["f"]].endswith("mini/perspectives/farmer/01_field.yaml")
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"])  # no overlap


def test_page_needs_no_network_and_story_text_cannot_break_out(tmp_path):
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    field = root / "perspectives" / "farmer" / "01_field.yaml"
    field.write_text(field.read_text("utf-8").replace(
        "He speaks of schools.", "He speaks of </script><b>schools</b>."), "utf-8")  # fmt: skip
    _map(root, tmp_path / "m.html", "--editor", "idea", "--walk", "0")
    html = (tmp_path / "m.html").read_text("utf-8")
    assert not re.search(r"(src|href)=\"(https?:)?//", html) and "@import" not in html
    assert "default-src 'none'" in html  # the page itself refuses to fetch anything
    data = _data(html)
    assert any("</script><b>schools</b>" in n["s"] for n in data["nodes"])
    assert data["editor"] == storymap.EDITORS["idea"]


def test_editor_link_comes_from_the_option_or_the_environment(monkeypatch):
    monkeypatch.setenv(storymap.EDITOR_ENV, "subl://open?url=file://{path}&line={line}")
    assert storymap.editor_template(None).startswith("subl://")
    assert storymap.editor_template("vscode") == storymap.EDITORS["vscode"]


def test_unknown_perspective_and_broken_story_are_refused(tmp_path):
    assert _map(FIXTURES / "mini", tmp_path / "m.html", "--perspective", "x")[0] == 2
    code, said = _map(FIXTURES / "broken" / "unclosed_bracket", tmp_path / "m.html")
    assert code == 1 and "never closed" in said and not (tmp_path / "m.html").exists()


# -- in a real browser
CHROMIUM = find_chromium()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium (.ci/ensure-chromium installs Debian's package)"
)


@pytest.fixture
def browser(tmp_path):
    b = Browser(CHROMIUM, tmp_path / "profile")
    yield b
    b.close()


def _png_size(path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


@needs_chromium
def test_clicking_a_scene_shows_it_and_the_way_from_the_start(browser, tmp_path):
    _map(FIXTURES / "mini", tmp_path / "m.html", "--walk", "50")
    browser.open(tmp_path / "m.html")
    assert "5 scenes" in browser.evaluate("document.getElementById('summary').textContent")
    point = browser.evaluate("storyMap.centre('hills'); storyMap.screenPoint('hills')")
    browser.click(point["x"], point["y"])
    assert browser.evaluate("storyMap.selected") == "hills"
    details = browser.evaluate("document.getElementById('details').innerText")
    assert "The Hills" in details and "ending" in details
    way = browser.evaluate("[...document.querySelectorAll('#way li')].map(li => li.textContent)")
    assert [w.split(" — ")[0] for w in way] == ["field", "bazaar"] and way[-1].endswith("→ hills")
    link = browser.evaluate("document.getElementById('open').href")
    assert link.startswith("vscode://file/") and "/mini/perspectives/farmer/02_end.yaml:" in link
    assert browser.evaluate("storyMap.lastOpened") == link  # the click handed it to the editor
    browser.mouse("mouseMoved", point["x"] + 3, point["y"] + 3)  # hover: the text in a box
    assert "The Hills" in browser.evaluate("document.getElementById('tip').innerText")
    browser.screenshot(tmp_path / "map.png")
    assert _png_size(tmp_path / "map.png") == (1280, 800)
    # a problem from check is on its scene; search finds scenes by words of their text
    point = browser.evaluate("storyMap.centre('bazaar'); storyMap.screenPoint('bazaar')")
    browser.click(point["x"], point["y"])
    assert "W513" in browser.evaluate("document.querySelector('#details .problem').textContent")
    browser.evaluate("const s = document.getElementById('search'); s.value = 'schools';"
                     "s.dispatchEvent(new Event('input'))")  # fmt: skip
    found = browser.evaluate(
        "[...document.querySelectorAll('#results li')].map(li => li.textContent)"
    )
    assert found == ["teacher — The Teacher"]


@needs_chromium
def test_ten_thousand_scenes_stay_usable(browser, tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import write_story

    root = write_story(tmp_path / "big", 10_000)
    story = load_story(root)
    data = storymap.gather(story, root, ["bench"], storymap.EDITORS["vscode"], 0)
    storymap.lay_out(data, "builtin")
    (tmp_path / "big.html").write_text(page(data), "utf-8")
    browser.open(tmp_path / "big.html")
    assert browser.evaluate("storyMap.paintMs()") < 1500  # the whole map, zoomed out
    point = browser.evaluate("storyMap.centre('s7777'); storyMap.screenPoint('s7777')")
    browser.click(point["x"], point["y"])
    assert browser.evaluate("storyMap.selected") == "s7777"
    assert browser.evaluate("document.querySelectorAll('#way li').length") > 10
    assert browser.evaluate("storyMap.paintMs()") < 500  # zoomed in: only what is on screen


def test_graphviz_layout_is_read_from_dot_when_it_is_installed(monkeypatch):
    story = load_story(FIXTURES / "mini")
    data = storymap.gather(story, FIXTURES / "mini", ["farmer"], "x", 0)
    seen = {}

    def fake_dot(args, input, **kwargs):  # what `dot -Tplain` prints: inches, y upwards
        seen["graph"] = input
        nodes = "".join(f"node n{i} {i + 1}.0 {10 - i}.0 2.6 0.8 n{i} solid box black white\n"
                        for i in range(len(data.nodes)))  # fmt: skip
        return subprocess.CompletedProcess(args, 0, f"graph 1 20 10\n{nodes}stop\n", "")

    monkeypatch.setattr(storymap.shutil, "which", lambda name: "/usr/bin/dot")
    monkeypatch.setattr(storymap.subprocess, "run", fake_dot)
    assert storymap.lay_out(data, "auto") == "Graphviz dot"
    assert "n0 -> n" in seen["graph"]
    assert (data.nodes[0].x, data.nodes[0].y) == (72.0, 0.0)
    assert (data.nodes[2].x, data.nodes[2].y) == (216.0, 144.0)
    assert storymap.lay_out(data, "builtin") == "built-in layered"
