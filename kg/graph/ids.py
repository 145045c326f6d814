"""The only place IRIs are minted.

An entity's IRI is a readable pinyin slug of its canonical name plus a short hash of that name
(``id/wei-tao-5d1c2e``): it depends on the name alone, never on input order or on what else was
read, and two names never share one. Articles are named by their source file and their place on
the page; spans by their offsets; facts by their content.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from pypinyin import lazy_pinyin
from rdflib import URIRef

from kg.graph.vocab import BASE, ID
from kg.read.articles import source_slug

REFERENCE_GRAPH = URIRef(BASE + "graph/reference")


def _hash(text: str, n: int = 6) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def slug(name: str, limit: int = 48) -> str:
    """A lower-case ASCII slug: pinyin for Chinese, letters and digits kept.

    >>> slug("韦韬")
    'wei-tao'
    >>> slug("AgriPredict Solutions")
    'agripredict-solutions'
    """
    text = unicodedata.normalize("NFKC", name)
    parts = lazy_pinyin(text, errors=lambda chars: [chars])
    joined = "-".join(p for p in parts if p)
    joined = re.sub(r"[^0-9A-Za-z]+", "-", joined).strip("-").lower()
    return joined[:limit].strip("-") or "x"


def entity_iri(key: str) -> URIRef:
    """The IRI of an entity from its resolution key (a normalised canonical name)."""
    name = key[4:] if key.startswith("lex:") else key.split("#", 1)[0]  # "#" keeps a namesake apart
    return URIRef(f"{ID}{slug(name)}-{_hash(key)}")


def document_iri(source: str) -> URIRef:
    return URIRef(f"{ID}doc/{source_slug(source)}")


def article_iri(article_id: str) -> URIRef:
    return URIRef(f"{ID}article/{article_id}")


def span_iri(article_id: str, start: int, end: int) -> URIRef:
    return URIRef(f"{ID}article/{article_id}/span/{start}-{end}")


def mention_iri(article_id: str, start: int, end: int) -> URIRef:
    return URIRef(f"{ID}article/{article_id}/mention/{start}-{end}")


def fact_iri(kind: str, content: tuple) -> URIRef:
    """A fact node, named by its kind and a hash of what it states."""
    return URIRef(f"{ID}{kind.lower()}/{_hash(repr(content), 12)}")
