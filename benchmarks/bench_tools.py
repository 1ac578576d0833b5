"""Speed of the authors' tools: check and walk on the shipped story, exhaustive walk states/s.

Run: python benchmarks/bench_tools.py [--scenes N] [--cap N] [--repeat N]
Each figure is the best of a few runs, each a fresh `python -m game …` process (what an author
waits for, imports included), except the states/s probe, which times the walk itself.
Targets (docs/authoring.md, issue 4): check and walk --random 1000 each at most a few seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGET_S = 3.0

STATES = r"""
import json, sys, time
sys.path.insert(0, {root!r})
from game.engine import load_story
from game.authoring.exhaustive import exhaustive
story = load_story(sys.argv[1], use_cache=True)
t0 = time.perf_counter()
report = exhaustive(story, [("bench", False)], int(sys.argv[2]))
seconds = time.perf_counter() - t0
r = report.of("bench")
print(json.dumps({{"states": r.states, "seconds": seconds, "capped": r.capped}}))
"""


def command(*args: str, env: dict | None = None) -> float:
    """Seconds for one `python -m game …` in a fresh process (exit status 0 or 1 both count)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "game", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True)  # fmt: skip
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"python -m game {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return seconds


def best(repeat: int, *args: str, env: dict | None = None) -> float:
    return min(command(*args, env=env) for _ in range(repeat))


def states_per_second(story: Path, cap: int, env: dict) -> dict:
    code = STATES.format(root=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code, str(story), str(cap)], env=env,
                          capture_output=True, text=True, check=True)  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenes", type=int, default=10_000)
    parser.add_argument("--cap", type=int, default=20_000, help="states of the exhaustive walk")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from synthetic import write_story

    story = str(ROOT / "story")
    rows = [
        ("check story", best(args.repeat, "check", story)),
        ("walk story --random 1000", best(args.repeat, "walk", story, "--random", "1000")),
        ("plans story", best(args.repeat, "plans", story)),
        ("graph story", best(args.repeat, "graph", story)),
    ]
    print(f"{'shipped story':<34} {'seconds':>8}  (target ≤ {TARGET_S:.0f} s)")
    for name, seconds in rows:
        mark = "ok" if seconds <= TARGET_S else "SLOW"
        print(f"{name:<34} {seconds:8.2f}  {mark}")
    with tempfile.TemporaryDirectory() as tmp:
        synthetic = write_story(Path(tmp) / "story", args.scenes)
        env = {**os.environ, "VOT_CACHE_DIR": str(Path(tmp) / "cache")}
        check_big = best(1, "check", str(synthetic), env=env)
        walk = states_per_second(synthetic, args.cap, env)
    rate = walk["states"] / walk["seconds"]
    print(f"\nsynthetic story of {args.scenes} scenes")
    print(f"{'check':<34} {check_big:8.2f}")
    capped = " (stopped at the cap)" if walk["capped"] else ""
    print(f"{'walk --exhaustive':<34} {rate:8.0f} states/s, {walk['states']} states in "
          f"{walk['seconds']:.1f} s{capped}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
