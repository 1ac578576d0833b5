"""`graph`: DOT and Mermaid maps tell endings, event scenes and unreachable scenes apart."""

from __future__ import annotations

import io
import os
import stat

from game.authoring import graph
from game.cli import build_parser
from game.engine import load_story
from tests.conftest import FIXTURES, ROOT


def _graph(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    return graph.run(build_parser().parse_args(["graph", *args]), out), out.getvalue()


def test_dot_marks_endings_events_unreachable_and_the_start(story_case):
    code, dot = _graph(str(story_case("W501_trips")))
    assert code == 0 and dot.startswith("digraph story {")
    assert 'cellar [label="The Cellar", color="#cc0000"' in dot
    assert 'bed [label="Bed\\nending: slept", shape=doubleoctagon' in dot
    assert 'start [label="Start", penwidth=3]' in dot
    _, mini = _graph(str(FIXTURES / "mini"))
    assert (
        'bazaar [label="The Bazaar\\n1916-07 · event: The revolt of 1916", fillcolor="#fce5cd"]'
        in mini
    )


def test_edges_carry_short_text_condition_and_marks():
    _, dot = _graph(str(FIXTURES / "mini"))
    assert 'field -> bazaar [label="Sell the seed cotton\\n[if debt > 0]"];' in dot
    assert 'field -> teacher [label="Ask the Jadid teacher\\n[once]"];' in dot  # links as shown
    assert 'field -> home [label="Go home\\n[fallback]", style=dashed];' in dot


def test_long_choice_text_is_shortened_on_a_word():
    story = load_story(ROOT / "story")
    longest = max((c for s in story.scenes.values() for c in s.choices), key=lambda c: len(c.text))
    label = graph.edge_label(story, longest).split("\n")[0]
    assert len(label) <= graph.LABEL_WIDTH and label.endswith("…")


def test_mermaid_has_classes_and_escapes_reserved_ids(tmp_path):
    code, text = _graph(str(FIXTURES / "mini"), "--format", "mermaid")
    assert code == 0 and text.startswith("flowchart TD")
    assert '  field -->|"Sell the seed cotton<br/>[if debt > 0]"| bazaar' in text
    assert "  class home,hills ending" in text and "  class bazaar event" in text
    assert graph._mid("end") == "end_"


def test_one_perspective_or_all_and_unknown():
    _, both = _graph(str(ROOT / "story"))
    assert "cluster_fergana_farmer" in both and "cluster_khivan_refugee" in both
    _, one = _graph(str(ROOT / "story"), "--perspective", "khivan_refugee")
    assert "cluster_fergana_farmer" not in one
    assert _graph(str(ROOT / "story"), "--perspective", "nobody")[0] == 2


def test_out_writes_a_file(tmp_path):
    code, _ = _graph(str(FIXTURES / "mini"), "--out", str(tmp_path / "map.dot"))
    assert code == 0 and (tmp_path / "map.dot").read_text().startswith("digraph")


def test_svg_without_graphviz_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no 'dot' here
    code, text = _graph(str(FIXTURES / "mini"), "--svg", str(tmp_path / "map.svg"))
    assert code == 2 and "not installed" in text and "apt install graphviz" in text
    assert not (tmp_path / "map.svg").exists()


def test_svg_runs_dot_when_installed(tmp_path, monkeypatch):
    fake = tmp_path / "dot"  # stands in for Graphviz: copies its input, tagged
    fake.write_text('#!/bin/sh\nout="$3"\n{ echo "<svg>"; cat; echo "</svg>"; } > "$out"\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(tmp_path) + os.pathsep + os.environ["PATH"])
    code, text = _graph(str(FIXTURES / "mini"), "--svg", str(tmp_path / "map.svg"))
    assert code == 0, text
    svg = (tmp_path / "map.svg").read_text()
    assert svg.startswith("<svg>") and "digraph story" in svg
