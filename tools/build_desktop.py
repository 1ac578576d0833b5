"""Build the desktop game for players without Python: `python tools/build_desktop.py`.

Makes a PyInstaller one-folder build, dist/voices-of-turkestan/, from this checkout (see
tools/voices-of-turkestan.spec). It needs the `desktop` extra: pip install -e ".[desktop]".
The folder runs on machines like the one that built it (same OS, same processor family).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "tools" / "voices-of-turkestan.spec"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/build_desktop.py", description=__doc__)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the build goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's working folder")  # fmt: skip
    args = parser.parse_args(argv)
    try:
        import PyInstaller.__main__
    except ImportError:
        print("PyInstaller is missing: pip install -e '.[desktop]'", file=sys.stderr)
        return 1
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # PyInstaller imports pygame to look
    PyInstaller.__main__.run([str(SPEC), "--noconfirm", "--clean", "--log-level", "WARN",
                              "--distpath", str(args.dist), "--workpath", str(args.work)])  # fmt: skip
    built = args.dist / "voices-of-turkestan"
    print(
        f"built {built} ({folder_size(built) / 1e6:.1f} MB); start it with {built / 'voices-of-turkestan'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
