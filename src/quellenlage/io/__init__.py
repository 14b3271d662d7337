"""Input readers: plain text, JSON articles, HTML pages -> `Article`, with validation."""

from quellenlage.io.readers import (
    DEFAULT_MAX_BYTES,
    article_from_dict,
    iter_input_files,
    parse_html,
    parse_text,
    read_bytes,
    read_path,
    validate,
)

__all__ = ["DEFAULT_MAX_BYTES", "article_from_dict", "iter_input_files", "parse_html", "parse_text",
           "read_bytes", "read_path", "validate"]
