"""Named queries (kg/queries/*.rq, first line "# title: …"), ad-hoc SPARQL, and the W3C
SPARQL 1.1 result formats (CSV, TSV, JSON) plus a table for people."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.plugins.sparql.parser import parseQuery

from kg.errors import QueryError

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"
SPARQL_START = re.compile(r"^\s*(?:#[^\n]*\n\s*)*(?:PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)


@dataclass(frozen=True, slots=True)
class NamedQuery:
    name: str
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class Table:
    """A SELECT result: variable names and rows of RDF terms (None where unbound)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]


def named_queries() -> dict[str, NamedQuery]:
    out = {}
    for path in sorted(QUERY_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else ""
        title = first.split("title:", 1)[1].strip() if "title:" in first else ""
        out[path.stem] = NamedQuery(path.stem, title, text)
    return out


def resolve_query(query: str) -> str:
    """The SPARQL text of a named query, a .rq file, or SPARQL given inline.

    :raises QueryError: an unknown name or an unreadable file.
    """
    named = named_queries()
    if query in named:
        return named[query].text
    if SPARQL_START.match(query):
        return query
    path = Path(query)
    if path.suffix == ".rq" or path.exists():
        try:
            return path.read_text(encoding="utf-8")
        except OSError:
            raise QueryError(f"{query}: no such query file") from None
    raise QueryError(f"unknown named query {query!r}; `kg query --list` shows them: {', '.join(named)}")


def run(ds: Dataset, sparql: str) -> Table:
    """Run a SELECT query over the union of the graph's named graphs.

    :raises QueryError: a syntax error, or a query that is not a SELECT.
    """
    try:
        parseQuery(sparql)
    except Exception as err:
        msg = " ".join(str(err).split())
        raise QueryError(f"SPARQL syntax error: {msg[:200]}") from None
    try:
        result = ds.query(sparql)
    except Exception as err:
        raise QueryError(f"the query failed: {' '.join(str(err).split())[:200]}") from None
    if result.type != "SELECT":
        raise QueryError("only SELECT queries give a table; use SELECT")
    variables = tuple(str(v) for v in result.vars)
    rows = tuple(tuple(row[v] if v in row.labels else None for v in variables) for row in result)  # type: ignore
    return Table(variables, rows)


# ----------------------------------------------------------------------------- result formats

def to_csv(table: Table) -> str:
    """W3C SPARQL 1.1 Query Results CSV: lexical forms only, CRLF line ends."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(table.variables)
    for row in table.rows:
        w.writerow(["" if t is None else (f"_:{t}" if isinstance(t, BNode) else str(t)) for t in row])
    return buf.getvalue()


def _tsv_term(t) -> str:
    if t is None:
        return ""
    if isinstance(t, URIRef):
        return f"<{t}>"
    if isinstance(t, BNode):
        return f"_:{t}"
    if isinstance(t, Literal):
        return t.n3()
    return str(t)


def to_tsv(table: Table) -> str:
    """W3C SPARQL 1.1 Query Results TSV: ?var header, terms in Turtle/N-Triples syntax."""
    lines = ["\t".join("?" + v for v in table.variables)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in table.rows]
    return "\n".join(lines) + "\n"


def _json_term(t) -> dict:
    if isinstance(t, URIRef):
        return {"type": "uri", "value": str(t)}
    if isinstance(t, BNode):
        return {"type": "bnode", "value": str(t)}
    out = {"type": "literal", "value": str(t)}
    if isinstance(t, Literal):
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype:
            out["datatype"] = str(t.datatype)
    return out


def to_json(table: Table) -> str:
    """W3C SPARQL 1.1 Query Results JSON."""
    bindings = [{v: _json_term(t) for v, t in zip(table.variables, row) if t is not None} for row in table.rows]
    return json.dumps({"head": {"vars": list(table.variables)}, "results": {"bindings": bindings}},
                      ensure_ascii=False, indent=1) + "\n"


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def to_table(table: Table, shorten=lambda t: str(t), max_width: int = 60) -> str:
    """Aligned columns for a terminal (CJK characters count double); IRIs shortened."""
    def cell(t) -> str:
        if t is None:
            return ""
        s = shorten(t) if isinstance(t, URIRef) else str(t)
        s = " ".join(s.split())
        if _width(s) > max_width:
            while _width(s) > max_width - 1:
                s = s[:-1]
            s += "…"
        return s

    cells = [[cell(t) for t in row] for row in table.rows]
    widths = [max([_width(v)] + [_width(r[i]) for r in cells]) for i, v in enumerate(table.variables)]

    def line(values) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    out = [line(table.variables), line("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out) + "\n"


FORMATS = {"csv": to_csv, "tsv": to_tsv, "json": to_json}
