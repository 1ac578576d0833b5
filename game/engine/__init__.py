"""The pure story engine: load, check and play stories; never imports pygame."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.engine.errors import Problem, SaveError, StoryError
    from game.engine.load import LoadResult, load_story, read_story
    from game.engine.runtime import Option, Playthrough

# Names are imported when first used: the player draws its first frame before it needs the
# loader or the runtime, and `from game.engine import SaveError` should not cost them.
_HOMES = {
    "LoadResult": "load",
    "Option": "runtime",
    "Playthrough": "runtime",
    "Problem": "errors",
    "SaveError": "errors",
    "StoryError": "errors",
    "load_story": "load",
    "read_story": "load",
}
__all__ = [
    "LoadResult",
    "Option",
    "Playthrough",
    "Problem",
    "SaveError",
    "StoryError",
    "load_story",
    "read_story",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'game.engine' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"game.engine.{home}"), name)
    globals()[name] = value  # later lookups skip this function
    return value
