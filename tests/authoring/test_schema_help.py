"""Editor support: every field of the JSON Schema carries a description for hover help."""

from __future__ import annotations

import json
import re

from tests.conftest import ROOT

SCHEMA = json.loads((ROOT / "game" / "engine" / "schema.json").read_text("utf-8"))


def _properties(node, path: str):
    """(path, schema) of every property declared anywhere below `node`."""
    if isinstance(node, dict):
        for name, sub in (node.get("properties") or {}).items():
            yield f"{path}.{name}", sub
        for key, sub in node.items():
            if key != "properties":
                yield from _properties(sub, f"{path}/{key}")
            else:
                for name, prop in sub.items():
                    yield from _properties(prop, f"{path}.{name}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            yield from _properties(sub, f"{path}[{i}]")


def test_every_property_of_every_definition_has_a_description():
    missing = [path for name, d in SCHEMA["$defs"].items()
               for path, prop in _properties(d, name) if not prop.get("description")]  # fmt: skip
    assert not missing, f"properties without a description: {missing}"


def test_every_definition_has_a_description():
    assert [n for n, d in SCHEMA["$defs"].items() if not d.get("description")] == []


def test_the_docs_show_the_one_line_editor_setup():
    docs = (ROOT / "docs" / "authoring.md").read_text("utf-8")
    assert re.search(
        r"# yaml-language-server: \$schema=\.\./\.\./\.\./game/engine/schema\.json", docs
    )


def test_shipped_story_files_name_the_schema():
    files = sorted((ROOT / "story").glob("**/*.yaml"))
    lacking = [str(f.relative_to(ROOT)) for f in files if "plans" not in f.parts
               and "yaml-language-server: $schema=" not in f.read_text("utf-8").splitlines()[0]]  # fmt: skip
    assert not lacking, f"files without the schema line: {lacking}"
