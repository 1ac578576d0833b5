"""Version numbers of the story format and of the engine's cache, importable at no cost."""

FORMAT_VERSION = 1  # the story format this engine reads (story.yaml's `format`)
CACHE_VERSION = 5  # 3: a preview of each cached story beside it; 5: the story stored as built
