"""Voices of Turkestan: a historical interactive narrative game and the engine that plays it."""

__version__ = "0.1.0"
