"""Web app and REST API."""
