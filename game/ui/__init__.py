"""The desktop player: a pygame client of the story engine."""
