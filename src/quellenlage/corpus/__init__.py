"""Corpus engine: many articles through the same single-article pipeline, into DuckDB."""
