"""Reading YAML: positions are kept, and every kind of bad file gets a clear problem."""

from __future__ import annotations

from game.engine.yamlsrc import YMap, YSeq, read_yaml


def _read(tmp_path, text: str | bytes):
    path = tmp_path / "f.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return read_yaml(path, "f.yaml")


def test_positions_of_keys_values_and_items(tmp_path):
    src = _read(tmp_path, "a: 1\nlist:\n  - x\n  - y: 2\n")
    assert isinstance(src.data, YMap)
    assert src.data.key_pos["list"] == (2, 1)
    items = src.data["list"]
    assert isinstance(items, YSeq)
    assert items.item_pos == [(3, 5), (4, 5)]
    assert items[1].val_pos["y"] == (4, 8)


def test_dates_stay_as_written_and_yes_no_stay_text(tmp_path):
    src = _read(tmp_path, "d: 1918-02-19\nm: 1918-02\ny: 1916\nt: No\nb: true\n")
    assert src.data == {"d": "1918-02-19", "m": "1918-02", "y": 1916, "t": "No", "b": True}


def test_duplicate_key_is_an_error(tmp_path):
    src = _read(tmp_path, "a: 1\nb: 2\na: 3\n")
    assert [(p.line, p.col, p.code) for p in src.problems] == [(3, 1, "E006")]


def test_tab_indentation(tmp_path):
    src = _read(tmp_path, "a:\n\tb: 1\n")
    assert src.problems[0].message.startswith("tab character")
    assert (src.problems[0].line, src.problems[0].col) == (2, 1)


def test_unclosed_quote_points_at_the_opening_quote(tmp_path):
    src = _read(tmp_path, 'a: 1\nb: "open\nc: 2\n')
    assert "never closed" in src.problems[0].message
    assert (src.problems[0].line, src.problems[0].col) == (2, 4)


def test_non_utf8_names_the_line(tmp_path):
    src = _read(tmp_path, "a: 1\nb: caf\xe9\n".encode("latin-1"))
    assert "not UTF-8" in src.problems[0].message
    assert (src.problems[0].line, src.problems[0].col) == (2, 7)


def test_utf8_bom_is_accepted(tmp_path):
    assert _read(tmp_path, "\ufeffa: oʻ\n").data == {"a": "oʻ"}


def test_empty_and_comment_only_files(tmp_path):
    assert "empty" in _read(tmp_path, "").problems[0].message
    assert "empty" in _read(tmp_path, "# just a comment\n\n").problems[0].message


def test_unsupported_tag_and_merge_key(tmp_path):
    src = _read(tmp_path, "a: !!python/object x\n")
    assert "unsupported YAML tag" in src.problems[0].message
    src = _read(tmp_path, "base: &b {x: 1}\nother:\n  <<: *b\n")
    assert "merge keys" in src.problems[0].message
