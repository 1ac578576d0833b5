"""A fast yes/no check compiled from the format's JSON Schema.

jsonschema walks the schema for every value and takes seconds on a 10,000-scene story.
This compiles the same schema once into plain closures that answer "is this file valid?".
Only when the answer is no does the loader ask jsonschema for its detailed errors, so the
messages stay exactly jsonschema's while valid stories load fast. A property test checks that
both always agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

_TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: (
        (isinstance(v, int) and not isinstance(v, bool))
        or (isinstance(v, float) and v.is_integer())
    ),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


class Compiler:
    """Compiles schema nodes into checks; `$ref`s are compiled once and shared."""

    SUPPORTED = frozenset({"type", "required", "properties", "additionalProperties", "pattern", "enum",
                 "oneOf", "anyOf", "$ref", "items", "minItems", "minLength", "minProperties",
                 "minimum", "maximum", "propertyNames", "description", "title", "$schema",
                 "$id", "$defs"})  # fmt: skip

    def __init__(self, defs: dict):
        self.defs = defs
        self.refs: dict[str, Check] = {}

    def ref(self, name: str) -> Check:
        if name not in self.refs:
            self.refs[name] = lambda v: False  # placeholder, replaced below (recursion)
            real = self.compile(self.defs[name])
            self.refs[name] = real
        cell = self.refs
        return lambda v: cell[name](v)

    def compile(self, node: dict) -> Check:
        unknown = set(node) - self.SUPPORTED
        if unknown:
            raise ValueError(f"fastschema cannot compile keywords {sorted(unknown)}")
        checks = [c for c in (self._part(key, node) for key in node) if c is not None]
        return _every(checks)

    def _part(self, key: str, node: dict) -> Check | None:
        value = node[key]
        builder = getattr(self, "_k_" + key.strip("$"), None)
        return builder(value, node) if builder else None

    def _k_ref(self, value, node):
        return self.ref(value.rsplit("/", 1)[1])

    def _k_type(self, value, node):
        tests = [_TYPES[t] for t in (value if isinstance(value, list) else [value])]
        if len(tests) == 1:
            return tests[0]
        return lambda v: any(t(v) for t in tests)

    def _k_required(self, value, node):
        keys = tuple(value)
        return lambda v: not isinstance(v, dict) or all(k in v for k in keys)

    def _k_properties(self, value, node):
        props = {k: self.compile(s) for k, s in value.items()}
        extra = node.get("additionalProperties", True)
        other = self.compile(extra) if isinstance(extra, dict) else None

        def check(v):
            if not isinstance(v, dict):
                return True
            for k, item in v.items():
                c = props.get(k)
                if c is not None:
                    if not c(item):
                        return False
                elif extra is False or (other is not None and not other(item)):
                    return False
            return True

        return check

    def _k_additionalProperties(self, value, node):
        if "properties" in node or value is True:
            return None  # handled with properties
        if value is False:
            return lambda v: not isinstance(v, dict) or not v
        other = self.compile(value)
        return lambda v: not isinstance(v, dict) or all(other(i) for i in v.values())

    def _k_propertyNames(self, value, node):
        names = self.compile(value)
        return lambda v: not isinstance(v, dict) or all(names(k) for k in v)

    def _k_pattern(self, value, node):
        rx = re.compile(value)
        return lambda v: not isinstance(v, str) or rx.search(v) is not None

    def _k_enum(self, value, node):
        options = list(value)
        return lambda v: any(v == o and type(v) is type(o) for o in options)

    def _k_oneOf(self, value, node):
        alts = [self.compile(s) for s in value]
        return lambda v: sum(1 for a in alts if a(v)) == 1

    def _k_anyOf(self, value, node):
        alts = [self.compile(s) for s in value]
        return lambda v: any(a(v) for a in alts)

    def _k_items(self, value, node):
        item = self.compile(value)

        def check(v):
            if isinstance(v, list):
                for i in v:  # a loop, not all(…): this runs for every item of every list
                    if not item(i):
                        return False
            return True

        return check

    def _k_minItems(self, value, node):
        return lambda v: not isinstance(v, list) or len(v) >= value

    def _k_minLength(self, value, node):
        return lambda v: not isinstance(v, str) or len(v) >= value

    def _k_minProperties(self, value, node):
        return lambda v: not isinstance(v, dict) or len(v) >= value

    def _k_minimum(self, value, node):
        return lambda v: not _TYPES["number"](v) or v >= value

    def _k_maximum(self, value, node):
        return lambda v: not _TYPES["number"](v) or v <= value


def _every(checks: list[Check]) -> Check:
    """One check that all of `checks` pass, without a generator for the common small cases
    (these run for every value of every file)."""
    if not checks:
        return lambda v: True
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda v: first(v) and second(v)
    if len(checks) == 3:
        first, second, third = checks
        return lambda v: first(v) and second(v) and third(v)
    return lambda v: all(c(v) for c in checks)


def compile_schema(schema: dict, name: str) -> Check:
    """A check for the `$defs` entry `name` of `schema`."""
    return Compiler(schema["$defs"]).ref(name)
