"""Query results as plain Python rows, and as pandas DataFrames for notebooks.

pandas is not a dependency of kg: it is imported only when a DataFrame is asked for, and the
notebooks' set-up (``pip install -e ".[notebooks]"``) installs it.
"""

from __future__ import annotations

from rdflib import BNode, Literal, URIRef

from kg.errors import QueryError
from kg.explore.queries import Table


def value(term) -> object:
    """A term as a plain Python value: IRIs and blank nodes as strings, literals as Python
    values where rdflib has one (numbers, booleans, dates), else as their text.

    >>> from rdflib import XSD
    >>> [value(Literal("2025", datatype=XSD.gYear)), value(Literal(3)), value(URIRef("https://x.org/a")), value(None)]
    ['2025', 3, 'https://x.org/a', None]
    """
    if term is None:
        return None
    if isinstance(term, (URIRef, BNode)):
        return str(term)
    if isinstance(term, Literal):
        python = term.toPython()
        return str(term) if isinstance(python, Literal) else python
    return term


def records(table: Table) -> list[dict[str, object]]:
    """The rows of a SELECT result as dictionaries of plain values."""
    return [{v: value(t) for v, t in zip(table.variables, row)} for row in table.rows]


def to_dataframe(table: Table):
    """The rows of a SELECT result as a pandas DataFrame (one column per variable).

    :raises QueryError: pandas is not installed.
    """
    try:
        import pandas as pd
    except ImportError:
        raise QueryError('pandas is not installed; pip install -e ".[notebooks]"') from None
    return pd.DataFrame(records(table), columns=list(table.variables))


def query(ds, query: str):
    """A named query (``kg query --list``), a .rq file or SPARQL text, run over ``ds``, as a
    pandas DataFrame of plain values.

    :raises QueryError: an unknown query, bad SPARQL, or pandas is not installed.
    """
    from kg.explore.queries import resolve_query, run

    return to_dataframe(run(ds, resolve_query(query)))
