"""Errors a user can act on. Each maps to one CLI exit code (see ``summarize.cli``)."""


class SummarizeError(Exception):
    """Base class: the message is one line that names the problem, shown without a traceback."""

    exit_code = 1


class InputError(SummarizeError):
    """The input cannot be read as Indonesian text (missing, binary, wrong encoding, empty)."""

    exit_code = 3


class ModelError(SummarizeError):
    """An encoder or ranker model cannot be loaded (not cached offline, bad directory)."""

    exit_code = 4


class OutputError(SummarizeError):
    """The output cannot be written (full disk, no permission, a missing directory)."""

    exit_code = 3


class UsageError(SummarizeError):
    """A request this command line or this install cannot serve: conflicting options, or an
    optional feature whose extra is not installed (the message names the extra)."""

    exit_code = 2


class LengthWarning(UserWarning):
    """A length option could not be met exactly (e.g. ``max_words`` below the best sentence's
    length: that sentence is returned anyway, because a summary is never empty)."""
