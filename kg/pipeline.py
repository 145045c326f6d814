"""The pipeline: files -> pages -> articles -> mentions -> entities -> facts -> RDF -> store."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from kg.extract.facts import extract_facts
from kg.extract.lexicon import Lexicon, default_lexicon
from kg.extract.mentions import ALL_LAYERS, extract_mentions
from kg.extract.cues import CEREMONY_HEADS
from kg.extract.resolve import admit, fold_idle_ceremonies, resolve
from kg.graph.rdf import build_dataset
from kg.graph.shapes import Problem, validate
from kg.model import Article, Fact, Mention, Page, Resolution
from kg.read.articles import split_articles
from kg.read.sources import collect_files, read_page
from kg.store import save


@dataclass(slots=True)
class Corpus:
    """Everything one build read and extracted."""

    pages: dict[str, Page] = field(default_factory=dict)
    articles: list[Article] = field(default_factory=list)
    mentions: dict[str, list[Mention]] = field(default_factory=dict)
    resolution: Resolution = field(default_factory=Resolution)
    facts: list[Fact] = field(default_factory=list)


@dataclass(slots=True)
class BuildSummary:
    output: Path
    pages: list[Page]
    articles: int
    entities_by_type: Counter
    facts_by_kind: Counter
    problems: list[Problem]


def read(inputs: Iterable[Path]) -> dict[str, Page]:
    pages: dict[str, Page] = {}
    for path in collect_files(list(inputs)):
        page = read_page(path)
        pages[page.source] = page
    return pages


def extract(pages: dict[str, Page], lexicon: Lexicon | None = None,
            layers: Iterable[str] = ALL_LAYERS) -> Corpus:
    """Run the extraction stages over decoded pages."""
    lexicon = lexicon or default_lexicon()
    corpus = Corpus(pages=pages)
    for source in sorted(pages):
        corpus.articles.extend(split_articles(pages[source]))
    corpus.mentions = extract_mentions(corpus.articles, lexicon, layers, pages)
    sources = {a.article_id: a.source for a in corpus.articles}
    corpus.resolution = resolve(corpus.mentions, pages, lexicon, sources)
    corpus.facts = extract_facts(corpus.articles, pages, corpus.mentions, corpus.resolution, lexicon)
    corpus.resolution = fold_idle_ceremonies(corpus.resolution, corpus.facts, CEREMONY_HEADS)
    corpus.resolution = admit(corpus.resolution, corpus.facts)
    return corpus


def to_dataset(corpus: Corpus, lexicon: Lexicon | None = None) -> Dataset:
    return build_dataset(corpus.pages, corpus.articles, corpus.mentions, corpus.resolution, corpus.facts,
                         lexicon or default_lexicon())


def build(inputs: Iterable[Path], output: Path, layers: Iterable[str] = ALL_LAYERS) -> BuildSummary:
    """Build the graph of the inputs and write it to ``output`` (atomically).

    :raises SourceError: an input is missing, unreadable, empty or not text.
    """
    pages = read(inputs)
    corpus = extract(pages, layers=layers)
    ds = to_dataset(corpus)
    problems = validate(ds)
    save(ds, output)
    mentioned = {corpus.resolution.links[m][0] for ms in corpus.mentions.values() for m in ms
                 if m in corpus.resolution.links}
    by_type = Counter(corpus.resolution.entities[k].type for k in mentioned)
    return BuildSummary(output=output, pages=list(pages.values()), articles=len(corpus.articles),
                        entities_by_type=by_type, facts_by_kind=Counter(f.kind for f in corpus.facts),
                        problems=problems)
