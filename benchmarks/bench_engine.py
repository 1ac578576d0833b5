"""Engine speed on the synthetic story at 1k, 10k and 50k scenes, against inkjs on the same story.

Run: python benchmarks/bench_engine.py [--sizes 1000 10000 50000] [--repeat 3] [--choices N]
Every figure is measured in a fresh process, so imports, caches and peak memory are honest.
inkjs plays the story's ink twin (benchmarks/ink_twin.py) in node, installed with npm into a
cache folder the first time; each engine measure and its ink counterpart run one after the other,
round after round, and the ratio of each pair is reported as the median of the rounds with its
spread (lowest–highest), since the machine is shared. Without node or inkjs the ratios use ink
figures recorded earlier on a plainer story, and say so. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from ink_twin import RECORDED, find_inkjs, ink_probe, write_ink  # noqa: E402
from synthetic import write_story  # noqa: E402

INK_CACHE = Path(os.environ.get("VOT_BENCH_CACHE", Path.home() / ".cache" / "vot-bench"))

# Each probe prints one JSON line: {"seconds": …, "peak_mb": …, …}
PROBE = r"""
import gc, json, resource, sys, time
sys.path.insert(0, {root!r})
what, story, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
import game.engine.load, game.engine.runtime  # imports are timed apart from loading
from game.engine import load_story
from game.engine.runtime import Playthrough
out = {{}}
t0 = time.perf_counter()
if what == "cold":
    load_story(story)  # reads, validates everything, raises on any error
else:
    s = load_story(story, use_cache=True)
    assert what == "warm" or type(s.scenes).__name__ == "LazyScenes", "the cache was not used"
    if what in ("cached_all", "choices_all"):
        for sid in s.scenes:
            s.scenes[sid]
out["seconds"] = time.perf_counter() - t0
if what.startswith("choices"):
    pauses, started = [], [0.0]
    def timed(phase, info):  # CPU time: a shared machine's preemption is not the collector's
        if phase == "start":
            started[0] = time.process_time()
        else:
            pauses.append(time.process_time() - started[0])
    gc.callbacks.append(timed)
    n, runs, t0 = 0, 0, time.perf_counter()
    pt = None
    while n < count:
        if pt is None or pt.is_over or pt.turn >= 200:
            pt = Playthrough.start(s, "bench", seed=runs)
            runs += 1
        options = pt.choices()
        pt.choose((n * 7919) % len(options))
        [p.text for p in pt.paragraphs()]
        n += 1
    out["seconds"] = time.perf_counter() - t0
    out["choices"] = n
    out["pause_ms"] = max(pauses, default=0.0) * 1000
out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""

# (engine measure, ink measure, what the ratio means, lower is better for the engine?)
PAIRS = [
    ("cold", "compile", "cold load + full validation / ink compile", True),
    ("cached", "load", "cached load, scenes built when reached / ink new Story(json)", True),
    ("cached_all", "load", "cached load, every scene built / ink new Story(json)", True),
    ("choices_lazy", "choices", "choices/s, scenes built as reached / ink choices/s", False),
    ("choices_all", "choices", "choices/s, every scene built / ink choices/s", False),
]


def probe(what: str, story: Path, cache: Path, count: int) -> dict:
    env = {**os.environ, "VOT_CACHE_DIR": str(cache)}
    args = [sys.executable, "-c", PROBE.format(root=str(ROOT)), what, str(story), str(count)]
    proc = subprocess.run(args, capture_output=True, text=True, env=env, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


class Ink:
    """inkjs in node on the ink twin, or the recorded figures when it cannot run here."""

    def __init__(self, cache: Path) -> None:
        self.node, self.module = find_inkjs(cache)
        self.note = "" if self.node else f"inkjs not run ({self.module}): recorded figures"

    def prepare(self, story: Path, folder: Path) -> None:
        self.ink, self.json = folder / "story.ink", folder / "story.json"
        if self.node:
            write_ink(story, self.ink)

    def run(self, what: str, count: int) -> dict:
        if not self.node:
            rate = RECORDED["choices_per_s"]
            seconds = {"compile": RECORDED["compile_s"], "load": RECORDED["load_s"]}
            return {"seconds": count / rate if what == "choices" else seconds[what],
                    "choices": count, "peak_mb": RECORDED["peak_mb"]}  # fmt: skip
        files = (self.ink, self.json) if what == "compile" else (self.json,)
        result = ink_probe(self.node, str(self.module), what, *files, str(count))
        result.setdefault("choices", count)
        return result


def measure(size: int, ink: Ink, repeat: int, count: int, tmp: Path) -> dict:
    """Each pair's engine and ink figures for every round (ink's compile runs first: the
    other ink measures need its output)."""
    story = write_story(tmp / f"story{size}", size)
    cache = tmp / f"cache{size}"
    ink.prepare(story, tmp)
    probe("warm", story, cache, count)  # writes the engine's cache once
    rounds: dict[str, list[tuple[dict, dict]]] = {name: [] for name, *_ in PAIRS}
    for _ in range(repeat):
        for name, ink_what, *_ in PAIRS:
            theirs = ink.run(ink_what, count)
            ours = probe(name, story, cache, count)
            rounds[name].append((ours, theirs))
    return rounds


def ratio(name: str, ours: dict, theirs: dict) -> float:
    if name.startswith("choices"):
        return (ours["choices"] / ours["seconds"]) / (theirs["choices"] / theirs["seconds"])
    return ours["seconds"] / theirs["seconds"]


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):6.2f}× ({min(values):.2f}–{max(values):.2f})"


def report(size: int, rounds: dict) -> dict:
    print(
        f"\n== {size:,} scenes ({len(rounds['cold'])} interleaved rounds; median, lowest–highest)"
    )
    print(f"{'pair':<62} {'ours':>9} {'ink':>9}  ratio")
    summary = {}
    for name, _, label, _lower in PAIRS:
        pairs = rounds[name]
        ratios = [ratio(name, a, b) for a, b in pairs]
        if name.startswith("choices"):
            ours = statistics.median(a["choices"] / a["seconds"] for a, _ in pairs)
            theirs = statistics.median(b["choices"] / b["seconds"] for _, b in pairs)
            figures = f"{ours:7.0f}/s {theirs:7.0f}/s"
        else:
            ours = statistics.median(a["seconds"] for a, _ in pairs)
            theirs = statistics.median(b["seconds"] for _, b in pairs)
            figures = f"{ours:8.3f}s {theirs:8.3f}s"
        print(f"{label:<62} {figures}  {spread(ratios)}")
        summary[name] = (statistics.median(ratios), ours)
    ours_mb = max(a["peak_mb"] for a, _ in rounds["choices_all"])
    ink_mb = max(b["peak_mb"] for _, b in rounds["choices_all"])
    pause = max(a["pause_ms"] for name in ("choices_lazy", "choices_all") for a, _ in rounds[name])
    print(f"{'peak memory while playing, every scene built (MB)':<62} {ours_mb:8.1f}  {ink_mb:8.1f}"
          f"  {ours_mb / ink_mb:6.2f}×")  # fmt: skip
    print(f"longest garbage collection while playing: {pause:.2f} ms of CPU (target ≤ 5 ms)")
    summary["memory"] = (ours_mb / ink_mb, ours_mb)
    summary["pause"] = (pause, pause)
    return summary


def linearity(tmp: Path, repeat: int) -> list[float]:
    """The cold load of 50k scenes over that of 10k, each round's two loads one straight after
    the other with nothing between them (in the rounds above, ink's 5 GB compile of the 50k
    story runs just before ours and leaves the machine's memory churned)."""
    growths = []
    for _ in range(repeat):
        small = probe("cold", tmp / "story10000", tmp / "cache10000", 0)["seconds"]
        large = probe("cold", tmp / "story50000", tmp / "cache50000", 0)["seconds"]
        growths.append(large / small)
    print(f"\n== linearity: cold load of 50,000 scenes / 10,000, back to back: "
          f"{spread(growths)}")  # fmt: skip
    return growths


def goals(by_size: dict[int, dict], growths: list[float]) -> None:
    print("\n== goals (issue 20)")
    if 10_000 in by_size:
        s = by_size[10_000]
        checks = [
            ("choices/s with scenes built as reached ≥ 5× ink", s["choices_lazy"][0] >= 5),
            ("choices/s with every scene built ≥ 8× ink", s["choices_all"][0] >= 8),
            ("cold load + validation ≤ 0.35× ink compile", s["cold"][0] <= 0.35),
            ("cached load, every scene built ≤ 1× ink load", s["cached_all"][0] <= 1),
            ("peak memory ≤ 0.5× ink", s["memory"][0] <= 0.5),
        ]
        for text, met in checks:
            print(f"  10k: {text}: {'met' if met else 'NOT met'}")
        if growths:
            growth = statistics.median(growths)
            print(f"  cold load at 50k is {growth:.2f}× the 10k time (target ≤ 5.5×): "
                  f"{'met' if growth <= 5.5 else 'NOT met'}")  # fmt: skip
    worst = max(s["pause"][0] for s in by_size.values())
    print(f"  no collection pause over 5 ms while playing: {'met' if worst <= 5 else 'NOT met'} "
          f"(longest {worst:.2f} ms)")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 50_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--choices", type=int, default=50_000, help="choices per play probe")
    args = parser.parse_args()
    ink = Ink(INK_CACHE)
    print(f"inkjs: {ink.module if ink.node else ink.note}")
    by_size = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            rounds = measure(size, ink, args.repeat, args.choices, Path(tmp))
            by_size[size] = report(size, rounds)
        both = {10_000, 50_000} <= set(by_size)
        growths = linearity(Path(tmp), args.repeat) if both else []
    if ink.note:
        print(f"\nnote: {ink.note} — ratios are against another story shape and another run")
    goals(by_size, growths)
    return 0


if __name__ == "__main__":
    sys.exit(main())
