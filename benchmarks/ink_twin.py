"""The synthetic story in ink, scene for scene, and inkjs timed on it in node (when present).

The ink is translated from the very YAML files the engine reads, so both sides play the same
scenes: the same paragraphs, the same conditional paragraph, the same interpolated value, the
same three choices with the same conditions (`seen(s8)` is ink's visit count `s8`) and effects.
A codex link [[cotton]] becomes its word: ink has no codex, and the engine's link costs more.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import yaml

_SEEN = re.compile(r"seen\((\w+)\)")

INKJS_VERSION = "2.4.0"
# Ink's figures measured before on a 10,000-scene story of a plainer shape (2-core machine):
# used, with a note, when node or inkjs is not at hand.
RECORDED = {"compile_s": 6.0, "load_s": 0.65, "choices_per_s": 11_000, "peak_mb": 200.0}

PROBE_JS = r"""
const fs = require('fs');
const [module, what, file, ...rest] = process.argv.slice(1);  // node -e CODE -- ARGS
const target = rest[0], count = Number(rest[rest.length - 1]);
const ink = require(module);
const secs = (a) => Number(process.hrtime.bigint() - a) / 1e9;
const out = {};
if (what === 'compile') {
  const source = fs.readFileSync(file, 'utf8');
  const start = process.hrtime.bigint();
  const story = new ink.Compiler(source).Compile();
  out.seconds = secs(start);
  fs.writeFileSync(target, story.ToJson());
} else {
  const json = fs.readFileSync(file, 'utf8');
  const start = process.hrtime.bigint();
  const story = new ink.Story(json);
  out.seconds = secs(start);
  if (what === 'choices') {
    let n = 0, runs = 0, turn = 0, t = process.hrtime.bigint(), words = 0;
    while (n < count) {
      if (turn >= 200 || (!story.canContinue && story.currentChoices.length === 0)) {
        story.ResetState(); turn = 0; runs += 1;
      }
      words += story.ContinueMaximally().length;  // the page text, as the engine's probe reads it
      const options = story.currentChoices;
      story.ChooseChoiceIndex((n * 7919) % options.length);
      n += 1; turn += 1;
    }
    out.seconds = secs(t);
    out.choices = n;
  }
}
out.peak_mb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify(out));
"""


def scene_ink(sid: str, scene: dict) -> str:
    lines = [f"=== {sid} ==="]
    for item in scene["text"]:
        if isinstance(item, str):
            lines.append(_words(item))
        else:
            lines.append("{" + item["if"] + ": " + _words(item["text"]) + "}")
    for choice in scene["choices"]:
        cond = choice.get("if")
        head = "+ " + ("{" + _condition(cond) + "} " if cond else "")
        lines.append(head + "[" + choice["text"] + "]")
        if choice.get("do"):
            lines.append("  ~ " + choice["do"])
        lines.append("  -> " + choice["goto"])
    return "\n".join(lines)


def _words(text: str) -> str:
    return text.replace("[[", "").replace("]]", "")


def _condition(text: str) -> str:
    return _SEEN.sub(r"\1", text)  # seen(s8) → s8 ('(s8)' would be an ink list)


def write_ink(story: Path, target: Path) -> Path:
    """The ink twin of a synthetic story folder."""
    head = yaml.safe_load((story / "perspectives" / "bench" / "perspective.yaml").read_text())
    parts = [f"VAR {name} = {spec['value']}" for name, spec in head["variables"].items()]
    parts.append(f"-> {head['start']}")
    for path in sorted((story / "perspectives" / "bench").glob("[0-9]*.yaml")):
        scenes = yaml.load(path.read_text(), Loader=yaml.CSafeLoader)["scenes"]
        parts += [scene_ink(sid, scene) for sid, scene in scenes.items()]
    target.write_text("\n".join(parts) + "\n")
    return target


def find_inkjs(cache: Path) -> tuple[str, str] | tuple[None, str]:
    """(node, path of inkjs's full build), installing inkjs with npm into `cache` when needed;
    or (None, why not)."""
    node = shutil.which("node")
    if node is None:
        return None, "node is not installed"
    module = cache / "node_modules" / "inkjs" / "dist" / "ink-full.js"
    if not module.is_file():
        npm = shutil.which("npm")
        if npm is None:
            return None, "npm is not installed to fetch inkjs"
        cache.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run([npm, "install", "--prefix", str(cache), "--no-audit", "--no-fund",
                               f"inkjs@{INKJS_VERSION}"], capture_output=True, text=True)  # fmt: skip
        if proc.returncode != 0 or not module.is_file():
            return None, f"npm could not install inkjs ({proc.stderr.strip()[-200:]})"
    return node, str(module)


def ink_probe(node: str, module: str, what: str, *files: Path) -> dict:
    proc = subprocess.run([node, "--max-old-space-size=12288", "-e", PROBE_JS, "--", module,
                           what, *map(str, files)], capture_output=True, text=True,
                          check=False)  # fmt: skip
    if proc.returncode != 0:
        raise RuntimeError(f"inkjs {what} failed: {proc.stderr.strip()[-400:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])
