"""Generate a synthetic story of N scenes (about 80 words each, 3 choices, some conditions)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

WORDS = ["cotton", "canal", "mulberry", "bazaar", "river", "dust", "winter", "field", "market", "orchard", "village", "road", "mosque", "caravan", "desert", "bread", "water", "horse", "gate", "wall", "teacher", "brother", "mother", "debt", "harvest", "snow", "rain", "smoke", "sheep", "rope", "lamp", "door", "roof", "clay"]  # fmt: skip
SCENES_PER_FILE = 100


def _para(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    words[3] = "{debt}"
    words[7] = "[[cotton]]"
    return " ".join(words).capitalize() + "."


def _scene(rng: random.Random, i: int, n: int) -> str:
    targets = [(i + k * 7 + 1) % n for k in range(3)]
    lines = [
        f"  s{i}:",
        f"    title: Scene {i}",
        "    date: 1918",
        "    place: kokand",
        "    text:",
        f"      - >-\n        {_para(rng, 50)}",
        f"      - if: debt > {i % 5}\n        text: >-\n          {_para(rng, 30)}",
        "    choices:",
    ]
    for k, t in enumerate(targets):
        lines.append(f"      - text: Go on to scene {t} by the {rng.choice(WORDS)}")
        if k == 1:
            lines.append(f"        if: debt < {3 + i % 4} or seen(s{t})")
        if k == 2:
            lines.append("        do: debt += 1")
        lines.append(f"        goto: s{t}")
    return "\n".join(lines)


def write_story(root: Path, n: int = 10_000, seed: int = 1) -> Path:
    if root.exists():
        shutil.rmtree(root)
    (root / "history").mkdir(parents=True)
    folder = root / "perspectives" / "bench"
    folder.mkdir(parents=True)
    (root / "story.yaml").write_text(
        "format: 1\nid: bench\ntitle: Bench\nversion: '1'\nperspectives: [bench]\n"
    )
    (root / "history" / "h.yaml").write_text(
        "sources:\n  src:\n    title: A source\nplaces:\n  kokand:\n    name: Kokand\n"
        "    lat: 40.5\n    lon: 70.9\n    kind: city\nterms:\n  cotton:\n    title: Cotton\n    text: A crop.\n"
    )
    (folder / "perspective.yaml").write_text(
        "title: Bench\nprotagonist: You.\nstart: s0\nvariables:\n"
        "  debt:\n    value: 0\n    description: A counter.\n"
    )
    rng = random.Random(seed)
    for start in range(0, n, SCENES_PER_FILE):
        body = "\n".join(_scene(rng, i, n) for i in range(start, min(n, start + SCENES_PER_FILE)))
        (folder / f"{start // SCENES_PER_FILE:04d}.yaml").write_text("scenes:\n" + body + "\n")
    return root
