"""The kiosk's TOML config: read with tomllib, checked key by key, every problem with its line."""

from __future__ import annotations

import dataclasses
import difflib
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.engine.safefile import BadFile, read_bounded
from game.i18n import available_languages
from game.settings import TEXT_SIZES
from game.ui.theme import PALETTES, TEXT_PAIRS, contrast

ROUTES = ("museum", "full")
MAX_CONFIG_BYTES = 1_000_000
KIOSK_TEXT_SIZES = ("medium", "large", "largest")  # smaller text is not readable at 3 m
AAA = 7.0
# The player's text pairs, and the attract map's names and routes drawn on the background.
KIOSK_PAIRS = (*TEXT_PAIRS, ("muted", "background"), ("ornament", "background"),
               ("link", "background"))  # fmt: skip


def aaa_themes() -> tuple[str, ...]:
    """The themes whose every text colour reaches WCAG AAA: only these may run a kiosk."""
    ok = [
        name
        for name, pal in PALETTES.items()
        if all(contrast(getattr(pal, a), getattr(pal, b)) >= AAA for a, b in KIOSK_PAIRS)
    ]
    return tuple(ok)


@dataclass(frozen=True)
class KioskConfig:
    """Everything a museum can set; the defaults run a sensible kiosk without any file."""

    story: Path | None = None
    route: str = "museum"
    perspectives: tuple[str, ...] = ()  # empty: every perspective, in the story's order
    languages: tuple[str, ...] = ("en",)
    invitations: dict[str, str] = field(default_factory=dict)  # language -> attract line
    text_size: str = "large"
    theme: str = "dark"
    fullscreen: bool = True
    content_warnings: bool = True  # a scene's content note before it
    read_aloud: bool = False  # narration from the start of every visit (a headphone station)
    idle_seconds: float = 90.0
    warning_seconds: float = 20.0
    session_cap_seconds: float = 1200.0  # 0: no cap
    pin_hash: str | None = None  # set with --set-pin, never in this file (see game.kiosk.pin)
    statistics: bool = True
    min_sessions: int = 20  # "How other visitors chose" waits for this many visits
    log_dir: Path | None = None
    source: Path | None = None  # the file read, for messages
    lines: dict[str, int] = field(default_factory=dict, compare=False)  # "idle.timeout" -> line

    @property
    def museum(self) -> bool:
        return self.route == "museum"

    def where(self, key: str) -> str:
        """'kiosk.toml:12' for a key, so later checks (against the story) can name the line."""
        name = self.source.name if self.source else "config"
        return f"{name}:{self.lines.get(key, 1)}"


@dataclass(frozen=True)
class Problem:
    line: int
    message: str


class ConfigError(Exception):
    """A config the kiosk refuses to start with; str() lists every problem as file:line: text."""

    def __init__(self, path: Path | None, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        name = str(path) if path else "config"
        super().__init__("\n".join(f"{name}:{p.line}: {p.message}" for p in problems))


# -- value checks: each returns the value to keep, or raises ValueError with what is wrong
def _number(low: float, high: float) -> Callable[[Any], float]:
    def check(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"must be a number of seconds, not {value!r}")
        if not low <= value <= high:
            # A huge whole number cannot be formatted as :g; its size is the problem anyway.
            shown = f", not {value:g}" if isinstance(value, float) or abs(value) < 10**15 else ""
            raise ValueError(f"must be between {low:g} and {high:g} seconds{shown}")
        return float(value)

    return check


def _cap(value: Any) -> float:
    return 0.0 if value == 0 and not isinstance(value, bool) else _number(60, 24 * 3600)(value)


def _choice(options: tuple[str, ...]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in options:
            listed = ", ".join(f'"{o}"' for o in options)
            raise ValueError(f"must be one of {listed}, not {value!r}")
        return value

    return check


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"must be true or false, not {value!r}")
    return value


def _pin(value: Any) -> str:
    raise ValueError(
        "is no longer read from the config, where anyone could read it: remove it "
        "and set the PIN with `python -m game kiosk --set-pin`"
    )


def _ids(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError('must be a list of ids in quotes, e.g. ["fergana_farmer"]')
    if len(set(value)) != len(value):
        raise ValueError("lists an id twice")
    return tuple(value)


def _languages(value: Any) -> tuple[str, ...]:
    """Languages with an interface translation (game/locales): a new one needs no kiosk change."""
    ids = _ids(value)
    known = available_languages()
    unknown = [v for v in ids if v not in known]
    if not ids or unknown:
        listed = ", ".join(f'"{k}"' for k in known)
        raise ValueError(f"must list one or more of {listed}; not translated: {', '.join(unknown)}")
    return ids


def _path(value: Any) -> Path:
    if not isinstance(value, str) or not value:
        raise ValueError("must be a folder path in quotes")
    return Path(value).expanduser()


def _min_sessions(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 100_000:
        raise ValueError(f"must be a whole number from 1 to 100000, not {value!r}")
    return value


# "table.key" -> (KioskConfig field, check)
FIELDS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "story.path": ("story", _path),
    "story.route": ("route", _choice(ROUTES)),
    "story.perspectives": ("perspectives", _ids),
    "story.languages": ("languages", _languages),
    "display.text_size": ("text_size", _choice(KIOSK_TEXT_SIZES)),
    "display.theme": ("theme", _choice(aaa_themes())),
    "display.fullscreen": ("fullscreen", _bool),
    "display.content_warnings": ("content_warnings", _bool),
    "audio.read_aloud": ("read_aloud", _bool),
    "idle.timeout": ("idle_seconds", _number(10, 3600)),
    "idle.warning": ("warning_seconds", _number(5, 300)),
    "idle.session_cap": ("session_cap_seconds", _cap),
    "staff.pin": ("pin_hash", _pin),
    "statistics.enabled": ("statistics", _bool),
    "statistics.min_sessions": ("min_sessions", _min_sessions),
    "logs.folder": ("log_dir", _path),
}
INVITATIONS = "attract.invitations"
assert set(TEXT_SIZES) >= set(KIOSK_TEXT_SIZES)


def load(path: Path | None) -> KioskConfig:
    """The config in `path` (defaults when None); ConfigError lists every problem with its line."""
    if path is None:
        return KioskConfig()
    try:
        text = read_bounded(Path(path), MAX_CONFIG_BYTES).decode("utf-8")
    except BadFile as exc:
        raise ConfigError(path, [Problem(1, exc.message)]) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(path, [Problem(1, f"the file is not UTF-8 text: {exc}")]) from None
    config = parse(text, path)
    # Folders written relative are relative to the config file, wherever the kiosk starts.
    here = Path(path).parent
    return dataclasses.replace(
        config,
        story=here / config.story if config.story else None,
        log_dir=here / config.log_dir if config.log_dir else None,
    )


def parse(text: str, path: Path | None = None) -> KioskConfig:
    if "\0" in text:
        line = text.count("\n", 0, text.index("\0")) + 1
        raise ConfigError(path, [Problem(line, "the file holds a NUL byte: it is damaged")])
    try:
        data = tomllib.loads(text)
        flat = _flatten(data)
    except RecursionError:
        raise ConfigError(path, [Problem(1, "tables or lists are nested too deeply")]) from None
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_in_message(str(exc), text)
        message = str(exc).split(" (at ")[0]
        raise ConfigError(path, [Problem(line, f"not valid TOML: {message}")]) from None
    lines = key_lines(text)
    values, problems = _check(flat, lines)
    if problems:
        raise ConfigError(path, sorted(problems, key=lambda p: p.line))
    return dataclasses.replace(KioskConfig(), **values, source=path, lines=lines)


def _check(
    flat: list[tuple[str, Any]], lines: dict[str, int]
) -> tuple[dict[str, Any], list[Problem]]:
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in flat:
        line = lines.get(key, 1)
        if key.startswith(INVITATIONS + "."):
            problem = _invitation(key, value, values)
        elif key in FIELDS:
            name, check = FIELDS[key]
            try:
                values[name] = check(value)
                problem = None
            except ValueError as exc:
                problem = f"{key} {exc}"
        else:
            problem = _unknown(key)
        if problem:
            problems.append(Problem(line, problem))
    problems += _cross_checks(values, lines)
    return values, problems


def _invitation(key: str, value: Any, values: dict[str, Any]) -> str | None:
    language = key.rsplit(".", 1)[1]
    if language not in available_languages():
        return f"{key}: there is no language {language!r}"
    if not isinstance(value, str) or not value.strip():
        return f"{key} must be a line of text in quotes"
    values.setdefault("invitations", {})[language] = value.strip()
    return None


def _unknown(key: str) -> str:
    known = [*FIELDS, *(f"{INVITATIONS}.{code}" for code in available_languages())]
    close = difflib.get_close_matches(key, known, n=1)
    hint = f" — did you mean {close[0]}?" if close else ""
    return f"unknown setting {key}{hint}"


def _cross_checks(values: dict[str, Any], lines: dict[str, int]) -> list[Problem]:
    problems = []
    idle, warn = values.get("idle_seconds", 90.0), values.get("warning_seconds", 20.0)
    cap = values.get("session_cap_seconds", 1200.0)
    if cap and cap < idle + warn:
        message = "idle.session_cap must be longer than idle.timeout plus idle.warning (or 0)"
        problems.append(Problem(lines.get("idle.session_cap", 1), message))
    return problems


def _flatten(data: dict, prefix: str = "") -> list[tuple[str, Any]]:
    out = []
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out += _flatten(value, name + ".")
        else:
            out.append((name, value))
    return out


_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\s\"-]+?)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_.\s\"-]+?)\s*=")


def key_lines(text: str) -> dict[str, int]:
    """Where each dotted key is written: tomllib gives values, not positions, so scan the text."""
    lines: dict[str, int] = {}
    table = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(raw)
        if header and not raw.lstrip().startswith("[["):
            table = _dotted(header.group(1))
            lines.setdefault(table, number)
            continue
        key = _KEY.match(raw)
        if key:
            name = _dotted(key.group(1))
            lines.setdefault(f"{table}.{name}" if table else name, number)
    return lines


def _dotted(raw: str) -> str:
    return ".".join(part.strip().strip('"') for part in raw.split("."))


def _line_in_message(message: str, text: str) -> int:
    """tomllib (before 3.14) puts the place in the message: 'at line 3' or 'at end of document'."""
    found = re.search(r"at line (\d+)", message)
    if found:
        return int(found.group(1))
    return max(1, len(text.splitlines())) if "end of document" in message else 1
