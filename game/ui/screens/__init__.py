"""The player's screens, one module each."""
