"""The errors the library raises. The CLI turns each into a one-line message and exit code 2."""


class KgError(Exception):
    """Base class: a problem the user can fix, with a message that says what and where."""


class SourceError(KgError):
    """An input file is missing, unreadable, empty or not text."""


class LexiconError(KgError):
    """A lexicon file is malformed."""


class StoreError(KgError):
    """A graph file is missing or cannot be parsed."""


class QueryError(KgError):
    """An unknown named query or a SPARQL syntax error."""


class GoldError(KgError):
    """A gold annotation file is missing or malformed."""
