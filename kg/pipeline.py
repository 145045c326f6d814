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
from kg.extract.rejoin import rejoin_split_words
from kg.extract.cues import CEREMONY_HEADS
from kg.extract.resolve import admit, fold_idle_ceremonies, resolve, split_namesakes
from kg.errors import SourceError
from kg.graph.consolidate import consolidate
from kg.graph.curate import CURATION_GRAPH, apply_curation, load_curation
from kg.graph.rdf import build_dataset
from kg.graph.shapes import Problem, validate
from kg.model import Article, Fact, Mention, Page, Resolution
from kg.read.articles import split_articles
from kg.read.sources import collect_files, read_page
from kg.store import documents, load, remove_document, save


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
    notes: list[str] = field(default_factory=list)


DEFAULT_CURATION = Path("data") / "curation.yaml"


def curate(ds: Dataset, curation: Path | None) -> list[str]:
    """Apply the curation file (default: data/curation.yaml, when there is one)."""
    path = curation or (DEFAULT_CURATION if DEFAULT_CURATION.exists() else None)
    if path is None:
        return []
    if not path.exists():
        raise SourceError(f"{path}: no such curation file")
    return apply_curation(ds, load_curation(path))


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
        corpus.articles.extend(rejoin_split_words(split_articles(pages[source])))
    corpus.mentions = extract_mentions(corpus.articles, lexicon, layers, pages)
    sources = {a.article_id: a.source for a in corpus.articles}
    corpus.resolution = resolve(corpus.mentions, pages, lexicon, sources)
    corpus.facts = extract_facts(corpus.articles, pages, corpus.mentions, corpus.resolution, lexicon)
    corpus.resolution, corpus.facts = split_namesakes(corpus.resolution, corpus.facts, sources)
    corpus.resolution = fold_idle_ceremonies(corpus.resolution, corpus.facts, CEREMONY_HEADS)
    corpus.resolution = admit(corpus.resolution, corpus.facts)
    return corpus


def to_dataset(corpus: Corpus, lexicon: Lexicon | None = None) -> Dataset:
    ds = build_dataset(corpus.pages, corpus.articles, corpus.mentions, corpus.resolution, corpus.facts,
                       lexicon or default_lexicon())
    consolidate(ds)
    return ds


def build(inputs: Iterable[Path], output: Path, layers: Iterable[str] = ALL_LAYERS,
          curation: Path | None = None) -> BuildSummary:
    """Build the graph of the inputs and write it to ``output`` (atomically).

    :raises SourceError: an input is missing, unreadable, empty or not text.
    """
    pages = read(inputs)
    corpus = extract(pages, layers=layers)
    ds = to_dataset(corpus)
    notes = curate(ds, curation)
    problems = validate(ds)
    save(ds, output)
    mentioned = {corpus.resolution.links[m][0] for ms in corpus.mentions.values() for m in ms
                 if m in corpus.resolution.links}
    by_type = Counter(corpus.resolution.entities[k].type for k in mentioned)
    return BuildSummary(output=output, pages=list(pages.values()), articles=len(corpus.articles),
                        entities_by_type=by_type, facts_by_kind=Counter(f.kind for f in corpus.facts),
                        problems=problems, notes=notes)


@dataclass(slots=True)
class AddSummary:
    output: Path
    added: list[str]
    replaced: list[str]
    unchanged: list[str]
    problems: list[Problem]
    notes: list[str]


def add(inputs: Iterable[Path], data: Path, output: Path | None = None, curation: Path | None = None) -> AddSummary:
    """Add article files to an existing graph without rebuilding it.

    Each new file is read and extracted on its own; its entities join the graph's by name (an
    entity's IRI depends on its name alone). A file already in the graph with the same bytes is
    left as it is; a file of the same name with other bytes replaces its articles' graphs. The
    types and preferred labels are then decided again over all article graphs, so the graph
    depends on the set of files, not on the order in which they were added.

    :raises SourceError: an input is missing, unreadable, empty or not text.
    :raises StoreError: the graph file is missing or unreadable.
    """
    ds = load(data)
    known = documents(ds)
    pages = read(inputs)
    summary = AddSummary(output=output or data, added=[], replaced=[], unchanged=[], problems=[], notes=[])
    fresh = {}
    for source, page in sorted(pages.items()):
        if known.get(source) == page.sha256:
            summary.unchanged.append(source)
            continue
        if source in known:
            remove_document(ds, source)
            summary.replaced.append(source)
        else:
            summary.added.append(source)
        fresh[source] = page
    if fresh:
        lexicon = default_lexicon()
        for source, page in fresh.items():
            part = to_dataset(extract({source: page}, lexicon), lexicon)
            for graph in part.graphs():
                target = ds.graph(graph.identifier)
                for triple in graph:
                    target.add(triple)
        consolidate(ds)
        ds.remove_graph(CURATION_GRAPH)  # decided again from the file, over the grown graph
        summary.notes = curate(ds, curation)
    summary.problems = validate(ds)
    save(ds, summary.output)
    return summary
