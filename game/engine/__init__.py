"""The pure story engine: load, check and play stories; never imports pygame."""

from game.engine.errors import Problem, SaveError, StoryError
from game.engine.load import LoadResult, load_story, read_story
from game.engine.runtime import Option, Playthrough

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
