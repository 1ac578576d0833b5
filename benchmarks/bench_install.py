"""Size and start-up of the installed package next to the desktop build's (issue 17).

Run: python benchmarks/bench_install.py --installed VENV/bin/voices-of-turkestan
                                        [--desktop dist/voices-of-turkestan/voices-of-turkestan]
.ci/run runs it after building both. Sizes: the desktop build's folder; for the installed
package, the game alone and everything a player's venv holds for it (pip excluded). Start-up is
the best of a few fresh processes, from a folder without a story: `--version` (interpreter and
command line) and `tty` until its first page (the story loaded, from its cache after the first).
It prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LEFT_OUT = ("pip", "_distutils_hack", "setuptools", "pkg_resources", "__pycache__")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def site_packages(command: Path) -> Path:
    """The site-packages of the venv whose bin/ holds `command`."""
    return next((command.parent.parent / "lib").glob("python3*/site-packages"))


def installed_sizes(command: Path) -> tuple[int, int]:
    site = site_packages(command)
    kept = [p for p in site.iterdir() if not p.name.startswith(LEFT_OUT)]
    total = sum(folder_size(p) if p.is_dir() else p.stat().st_size for p in kept)
    return folder_size(site / "game"), total


def best_of(argv: list[str], runs: int, folder: Path) -> float:
    """Seconds for the fastest of `runs` fresh processes (the first warms the story cache)."""
    times = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        subprocess.run(argv, cwd=folder, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)  # fmt: skip
        times.append(time.perf_counter() - started)
    return min(times[1:])


def start_up(command: Path, runs: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        version = best_of([str(command), "--version"], runs, Path(folder))
        page = best_of([str(command), "tty"], runs, Path(folder))
    return version, page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--installed", type=Path, required=True,
                        help="the voices-of-turkestan command of a venv with the wheel")  # fmt: skip
    parser.add_argument("--desktop", type=Path, help="the desktop build's program")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    game, total = installed_sizes(args.installed)
    rows = [("installed package", f"{game / 1e6:.1f} MB game, {total / 1e6:.1f} MB with deps",
             *start_up(args.installed, args.runs))]  # fmt: skip
    if args.desktop:
        size = folder_size(args.desktop.parent)
        rows.append(
            ("desktop build", f"{size / 1e6:.1f} MB folder", *start_up(args.desktop, args.runs))
        )
    print(f"{'':<18} {'size':<32} {'--version':>10} {'first page':>11}")
    for name, size_text, version, page in rows:
        print(f"{name:<18} {size_text:<32} {version * 1000:>8.0f} ms {page * 1000:>8.0f} ms")
    print(f"(best of {args.runs} fresh processes each, after one that warms the story cache;"
          f" {sys.platform})")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
