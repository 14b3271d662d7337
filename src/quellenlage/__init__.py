"""Quellenlage: the claim map of German news articles — who says what, through whom, how sure."""

__version__ = "0.1.0"
