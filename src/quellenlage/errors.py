"""Errors that reach the user as one line on stderr (exit code 2), never a traceback."""


class QuellenlageError(Exception):
    """Base class: its message is shown to the user as is."""


class InputError(QuellenlageError):
    """The input cannot be analysed: missing, empty, binary, not German, too large."""
