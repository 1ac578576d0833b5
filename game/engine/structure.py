"""Structural checks of parsed files against the JSON Schema, reported with file positions."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.engine.errors import suggest
from game.engine.fastschema import compile_schema
from game.engine.sourcedata import Pos, SourceFile, YMap, YSeq

if TYPE_CHECKING:  # jsonschema is imported only when a file has mistakes to explain
    from jsonschema.exceptions import ValidationError

SCHEMA_FILE = "schema.json"


@cache
def schema() -> dict:
    """The format's JSON Schema, shipped inside the package."""
    # Shipped beside this module (package data); importlib.resources would cost 13 ms at start.
    return json.loads((Path(__file__).parent / SCHEMA_FILE).read_text("utf-8"))


@cache
def fast_check(kind: str):
    """The compiled yes/no check for a file of `kind`."""
    return compile_schema(schema(), kind)


@cache
def _validator(kind: str):
    import jsonschema

    whole = schema()
    sub = {"$ref": f"#/$defs/{kind}", "$defs": whole["$defs"]}
    cls = jsonschema.validators.validator_for(whole)
    return cls(sub)


def check_structure(src: SourceFile, kind: str) -> bool:
    """Validate `src.data` as a file of `kind` (storyFile, sceneFile…); True when it is sound.

    Every mistake is reported, then repaired in place with a harmless default of the right
    type, so that the rest of the load can go on and report the problems that follow.
    """
    if src.data is None:
        return False
    if fast_check(kind)(src.data):
        return True
    try:
        validator = _validator(kind)
    except ImportError:  # a player's install: the explanations are in the authoring extra
        src.problem((1, 1), "this file does not follow the story format",
                    "to see each mistake with its line, install the authors' tools: "
                    "pip install 'voices-of-turkestan[authoring]'", "E100")  # fmt: skip
        src.data = None  # unrepaired, the rest of the load would trip over it
        return False
    errors = [_deepest(e) for e in validator.iter_errors(src.data)]
    for error in errors:
        _report(src, error)
    for error in sorted(errors, key=lambda e: -len(e.absolute_path)):
        _repair(src.data, error)
    return not errors


def _default(sub: dict) -> Any:
    """A value that satisfies the shape of `sub` well enough for the loader to go on."""
    if "$ref" in sub:
        sub = schema()["$defs"][sub["$ref"].rsplit("/", 1)[1]]
    for key in ("oneOf", "anyOf"):
        if key in sub:
            return _default(sub[key][0])
    if "enum" in sub:
        return sub["enum"][0]
    typ = sub.get("type", "string")
    typ = typ[0] if isinstance(typ, list) else typ
    if typ == "object":
        filled = YMap((1, 1))
        for key in sub.get("required", ()):
            filled[key] = _default(sub["properties"].get(key, {}))
            filled.val_pos[key] = filled.pos
        return filled
    return {"string": "", "integer": 0, "number": 0, "boolean": False, "array": YSeq((1, 1)),
            "null": None}[typ]  # fmt: skip


def _repair(data: Any, error: ValidationError) -> None:
    path = list(error.absolute_path)
    node = data
    for step in path[:-1]:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return
    sub = error.schema if isinstance(error.schema, dict) else {}  # a schema may be `true`
    if error.validator == "required":
        target = node[path[-1]] if path else data
        if isinstance(target, YMap):
            for key in sub.get("required", ()):
                if key not in target:
                    target[key] = _default(sub["properties"].get(key, {}))
                    target.val_pos[key] = target.pos
        return
    if not path or error.validator in ("additionalProperties", "propertyNames", "pattern",
                                        "minLength", "minItems", "minProperties"):  # fmt: skip
        return
    try:
        node[path[-1]] = _default(sub)
    except (KeyError, IndexError, TypeError):
        return


def _deepest(error: ValidationError) -> ValidationError:
    """For oneOf/anyOf, the alternative that came closest explains the mistake best."""
    from jsonschema.exceptions import best_match

    while error.context:
        best = best_match(error.context)
        if best is None or len(best.absolute_path) < len(error.absolute_path):
            break
        error = best
    return error


def _locate(data: Any, path: list) -> tuple[Pos, Any, Any]:
    """Position of the value at `path`, plus its parent container and key."""
    node, pos, parent, key = data, getattr(data, "pos", (1, 1)), None, None
    for step in path:
        parent, key = node, step
        if isinstance(node, YMap) and step in node:
            pos = node.val_pos.get(step, pos)
            node = node[step]
        elif isinstance(node, YSeq) and isinstance(step, int) and step < len(node):
            pos = node.item_pos[step]
            node = node[step]
        else:
            break
    return pos, parent, key


def _path_text(path: list) -> str:
    text = ""
    for step in path:
        text += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text or "the file"


def _type_name(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if value is None:
        return "nothing"
    return "text"


_WANT = {
    "object": "a mapping of keys and values",
    "array": "a list (lines starting with '- ')",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "null",
}


def _report(src: SourceFile, error: ValidationError) -> None:
    path = list(error.absolute_path)
    pos, _, key = _locate(src.data, path)
    where = _path_text(path)
    handler = _HANDLERS.get(str(error.validator), _generic)
    handler(src, error, pos, where, key)


def _required(src, error, pos, where, key):
    missing = error.message.split("'")[1] if "'" in error.message else error.message
    src.problem(pos, f"{where}: '{missing}' is missing", f"add a line '{missing}: …'", "E101")


def _additional(src, error, pos, where, key):
    allowed = list(error.schema.get("properties", {}))
    for extra in error.instance:
        if extra in allowed:
            continue
        kpos = error.instance.key_pos.get(extra, pos) if isinstance(error.instance, YMap) else pos
        hint = suggest(extra, allowed) or ("allowed keys: " + ", ".join(allowed))
        src.problem(kpos, f"{where}: unknown key '{extra}'", hint, "E102")


def _type(src, error, pos, where, key):
    want = error.validator_value
    wants = " or ".join(_WANT.get(w, w) for w in (want if isinstance(want, list) else [want]))
    found = _type_name(error.instance)
    src.problem(pos, f"{where}: expected {wants}, found {found}", None, "E103")


def _pattern(src, error, pos, where, key):
    value = error.instance
    if "[0-9]{4}" in error.validator_value:
        message = f"{where}: '{value}' is not a date"
        hint = "write a partial ISO date: 1916, 1916-07 or 1916-07-13"
    else:
        message = f"{where}: '{value}' is not a valid id"
        hint = "use lower-case letters, digits and underscores, starting with a letter"
    src.problem(pos, message, hint, "E104")


def _property_names(src, error, pos, where, key):
    inner = error.context[0] if error.context else error
    bad = inner.instance
    kpos = error.instance.key_pos.get(bad, pos) if isinstance(error.instance, YMap) else pos
    src.problem(
        kpos,
        f"{where}: '{bad}' is not a valid id",
        "use lower-case letters, digits and underscores, starting with a letter",
        "E104",
    )


def _enum(src, error, pos, where, key):
    options = ", ".join(str(v) for v in error.validator_value)
    hint = suggest(str(error.instance), [str(v) for v in error.validator_value])
    src.problem(pos, f"{where}: '{error.instance}' must be one of: {options}", hint, "E105")


def _empty(src, error, pos, where, key):
    src.problem(pos, f"{where}: must not be empty", None, "E106")


def _range(src, error, pos, where, key):
    src.problem(pos, f"{where}: {error.instance} is out of range", None, "E107")


def _generic(src, error, pos, where, key):
    src.problem(pos, f"{where}: {error.message}", None, "E100")


_HANDLERS = {
    "required": _required,
    "additionalProperties": _additional,
    "type": _type,
    "pattern": _pattern,
    "propertyNames": _property_names,
    "enum": _enum,
    "minLength": _empty,
    "minItems": _empty,
    "minProperties": _empty,
    "minimum": _range,
    "maximum": _range,
}
