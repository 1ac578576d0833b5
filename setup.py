"""Puts the checkout's story/ and assets/ inside the wheel (game/bundled/), so it runs anywhere.

The metadata is in pyproject.toml; this file only extends the build step. An editable install
gets no copy: it runs from the checkout's own top-level folders, as game/paths.py expects.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
BUNDLED = ("story", "assets")  # game/paths.py BUNDLED; setup.py cannot import the package
EXAMPLE = "docs/kiosk.example.toml"  # the kiosk's example config, for installs without docs/


class BuildWithStory(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "game" / "bundled"
        for name in BUNDLED:
            shutil.rmtree(target / name, ignore_errors=True)
            shutil.copytree(HERE / name, target / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))  # fmt: skip
        shutil.copy2(HERE / EXAMPLE, target / Path(EXAMPLE).name)


setup(cmdclass={"build_py": BuildWithStory})
