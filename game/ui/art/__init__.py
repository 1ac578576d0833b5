"""Scene illustrations drawn in code: landscapes of the story's places, by season, hour and weather."""
