"""Engine speed on a synthetic 10,000-scene story, next to a plain json.loads of the same data.

Run: python benchmarks/bench_engine.py [--scenes N]
Each figure is measured in a fresh subprocess, so imports, caches and peak memory are honest.
Ink's tools are the anchor (2-core machine): its compiler takes ~6 s for a story this size,
its runtime ~0.65 s to load it and ~11,000 choices/s.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
INK = {"compile_s": 6.0, "load_s": 0.65, "choices_per_s": 11_000}

# Each probe prints one JSON line: {"seconds": …, "peak_mb": …, …}
PROBE = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
what, story = sys.argv[1], sys.argv[2]
import game.engine.load, game.engine.runtime  # imports are timed apart from loading
t0 = time.perf_counter()
out = {{}}
if what == "json":
    import yaml, glob
    data = open(sys.argv[3]).read()
    t0 = time.perf_counter()
    json.loads(data)
elif what == "cold":
    from game.engine import load_story
    load_story(story)  # reads, validates everything, raises on any error
elif what in ("cached", "cached_all"):
    from game.engine import load_story
    s = load_story(story, use_cache=True)
    assert type(s.scenes).__name__ == "LazyScenes", "the cache was not used"
    if what == "cached_all":
        for sid in s.scenes:
            s.scenes[sid]
elif what == "choices":
    from game.engine import load_story
    from game.engine.runtime import Playthrough
    s = load_story(story, use_cache=True)
    for sid in s.scenes:
        s.scenes[sid]
    n, runs, t0 = 0, 0, time.perf_counter()
    pt = None
    while n < 100_000:
        if pt is None or pt.is_over or pt.turn >= 200:
            pt = Playthrough.start(s, "bench", seed=runs)
            runs += 1
        options = pt.choices()
        pt.choose((n * 7919) % len(options))
        [p.text for p in pt.paragraphs()]
        n += 1
    out["choices"] = n
out["seconds"] = time.perf_counter() - t0
out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def probe(what: str, story: Path, cache: Path, extra: str = "") -> dict:
    env = {**os.environ, "VOT_CACHE_DIR": str(cache)}
    code = PROBE.format(root=str(ROOT))
    args = [sys.executable, "-c", code, what, str(story)] + ([extra] if extra else [])
    proc = subprocess.run(args, capture_output=True, text=True, env=env, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def best(what: str, story: Path, cache: Path, repeat: int, extra: str = "") -> dict:
    runs = [probe(what, story, cache, extra) for _ in range(repeat)]
    return min(runs, key=lambda r: r["seconds"])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenes", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from synthetic import write_story

    with tempfile.TemporaryDirectory() as tmp:
        story = write_story(Path(tmp) / "story", args.scenes)
        cache = Path(tmp) / "cache"
        blob = Path(tmp) / "same.json"
        import yaml

        data = [
            yaml.load(p.read_text(), Loader=yaml.CSafeLoader) for p in sorted(story.rglob("*.yaml"))
        ]
        blob.write_text(json.dumps(data))
        words = sum(len(str(d).split()) for d in data) // max(1, args.scenes)
        print(f"synthetic story: {args.scenes} scenes, ~{words} tokens of YAML each, "
              f"{sum(p.stat().st_size for p in story.rglob('*.yaml')) / 1e6:.1f} MB")  # fmt: skip
        base = best("json", story, cache, args.repeat, str(blob))
        cold = best("cold", story, cache, args.repeat)
        probe("choices", story, cache)  # writes the cache once
        cached = best("cached", story, cache, args.repeat)
        cached_all = best("cached_all", story, cache, args.repeat)
        play = best("choices", story, cache, args.repeat)
    rate = play["choices"] / play["seconds"]
    rows = [
        ("json.loads of the same data (baseline)", base["seconds"], "", base["peak_mb"]),
        ("cold load + full validation, no cache", cold["seconds"],
         f"{INK['compile_s'] / cold['seconds']:.1f}× faster than ink's compile (target ≥ 2×)",
         cold["peak_mb"]),
        ("cached load (scenes compiled when reached)", cached["seconds"],
         f"{INK['load_s'] / cached['seconds']:.1f}× faster than ink's load (target ≥ 5×)",
         cached["peak_mb"]),
        ("cached load + compile every scene", cached_all["seconds"],
         f"{INK['load_s'] / cached_all['seconds']:.1f}× ink's load", cached_all["peak_mb"]),
    ]  # fmt: skip
    print(f"{'measure':<46} {'seconds':>8} {'× json':>8} {'peak MB':>8}  vs ink")
    for name, seconds, note, peak in rows:
        print(f"{name:<46} {seconds:8.3f} {seconds / base['seconds']:8.2f} {peak:8.1f}  {note}")
    print(
        f"{'random playthroughs (with each page text)':<46} {rate:8.0f}/s {'':8} "
        f"{play['peak_mb']:8.1f}  {rate / INK['choices_per_s']:.1f}× ink's choices/s (target ≥ 5×)"
    )
    print(
        f"peak memory (largest of the runs): "
        f"{max(r['peak_mb'] for r in (cold, cached, cached_all, play)):.1f} MB (target < 100 MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
