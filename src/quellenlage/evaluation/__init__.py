"""`quellenlage eval`: reproduce the shared scorers' figures from the tool's own output."""
