"""The `kg` command line: the only module that prints or exits.

Library errors (KgError) become a one-line "Error: …" on standard error and exit code 2;
a check that ran and found problems (`kg validate`, `kg eval` below a threshold) exits 1.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import KgError

DEFAULT_INPUT = Path("data") / "articles"


def _fail_cleanly(fn):
    """Turn a KgError into a one-line message and exit code 2 (--debug shows the traceback)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except KgError as err:
            if click.get_current_context().find_root().params.get("debug"):
                raise
            click.echo(f"Error: {err}", err=True)
            sys.exit(2)

    return wrapper


def _data_option(fn):
    return click.option("--data", "data", type=click.Path(path_type=Path), default=None,
                        help="The graph file (TriG) to read; default: the last build.")(fn)


def _curation_option(fn):
    return click.option("--curation", type=click.Path(path_type=Path), default=None,
                        help="An editor's decisions to apply (default: data/curation.yaml, when present).")(fn)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
def cli(debug: bool) -> None:
    """summit-kg: a knowledge graph of the World Internet Conference, built from Chinese news."""


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="The TriG file to write (default: build/summit.trig).")
@click.option("--layers", default="lexicon,patterns,tagger", show_default=True,
              help="Recognition layers to use, comma-separated: lexicon, patterns, tagger.")
@_curation_option
@_fail_cleanly
def build(inputs: tuple[Path, ...], output: Path | None, layers: str, curation: Path | None) -> None:
    """Build the graph from article files or folders (default: data/articles/).

    Example: kg build data/articles -o build/summit.trig
    """
    from kg.errors import KgError as _KgError
    from kg.extract.mentions import ALL_LAYERS
    from kg.pipeline import build as run_build
    from kg.store import DEFAULT_OUTPUT

    chosen = {x.strip() for x in layers.split(",") if x.strip()}
    if not chosen or chosen - ALL_LAYERS:
        raise _KgError(f"--layers: unknown layer(s) {', '.join(sorted(chosen - ALL_LAYERS)) or '(none)'}; "
                       f"choose from {', '.join(sorted(ALL_LAYERS))}")
    summary = run_build(list(inputs) or [DEFAULT_INPUT], output or DEFAULT_OUTPUT, layers=chosen, curation=curation)
    for note in summary.notes:
        click.echo(f"note: {note}", err=True)
    for page in summary.pages:
        click.echo(f"read {page.source} ({page.encoding})")
    click.echo(f"articles: {summary.articles}")
    total = sum(summary.entities_by_type.values())
    click.echo(f"entities: {total}  " + "  ".join(f"{t} {n}" for t, n in sorted(summary.entities_by_type.items())))
    facts = sum(summary.facts_by_kind.values())
    click.echo(f"facts: {facts}  " + "  ".join(f"{k} {n}" for k, n in sorted(summary.facts_by_kind.items())))
    if summary.problems:
        click.echo(f"SHACL: {len(summary.problems)} violation(s); run `kg validate --data {summary.output}`")
    else:
        click.echo("SHACL: conforms")
    click.echo(f"wrote {summary.output}")


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@_data_option
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Where to write the grown graph (default: over --data, atomically).")
@_curation_option
@_fail_cleanly
def add(inputs: tuple[Path, ...], data: Path | None, output: Path | None, curation: Path | None) -> None:
    """Add article files to an existing graph without rebuilding it; a file added again with
    the same bytes changes nothing, with other bytes it replaces its own articles.

    Example: kg add new-article.txt --data build/summit.trig
    """
    from kg.pipeline import add as run_add
    from kg.store import last_build

    summary = run_add(list(inputs), data or last_build(), output, curation)
    for note in summary.notes:
        click.echo(f"note: {note}", err=True)
    for label, names in (("added", summary.added), ("replaced", summary.replaced),
                         ("unchanged", summary.unchanged)):
        if names:
            click.echo(f"{label}: {', '.join(names)}")
    verdict = "conforms" if not summary.problems else f"{len(summary.problems)} violation(s)"
    click.echo(f"SHACL: {verdict}")
    click.echo(f"wrote {summary.output}")


@cli.command()
@click.argument("query", required=False)
@_data_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="Output format; csv, tsv and json are the W3C SPARQL 1.1 result formats.")
@click.option("--list", "list_", is_flag=True, help="List the named queries.")
@_fail_cleanly
def query(query: str | None, data: Path | None, fmt: str, list_: bool) -> None:
    """Run a named query, a .rq file, or SPARQL text over the graph.

    Example: kg query awards --format csv
    """
    from kg.explore import queries

    if list_ or not query:
        for q in queries.named_queries().values():
            click.echo(f"{q.name:14} {q.title}")
        return
    from kg.store import load

    sparql = queries.resolve_query(query)
    ds = load(data)
    table = queries.run(ds, sparql)
    if fmt == "table":
        click.echo(queries.to_table(table, shorten=lambda t: ds.namespace_manager.normalizeUri(t)), nl=False)
    else:
        sys.stdout.buffer.write(queries.FORMATS[fmt](table).encode("utf-8"))


@cli.command()
@_data_option
@_fail_cleanly
def validate(data: Path | None) -> None:
    """Check the graph against the SHACL shapes (ontology/shapes.ttl); exit 1 on violations.

    Example: kg validate --data build/summit.trig
    """
    from kg.graph.shapes import validate as run_validate
    from kg.store import load

    problems = run_validate(load(data))
    if not problems:
        click.echo("SHACL: conforms (0 violations)")
        return
    for p in problems:
        path = f" {p.path}" if p.path else ""
        click.echo(f"{p.severity.split('#')[-1].split(':')[-1]}: {p.focus} [{p.shape}]{path}: {p.message}")
    click.echo(f"SHACL: {len(problems)} violation(s)")
    sys.exit(1)


@cli.command("eval")
@click.option("--gold", "gold", type=click.Path(path_type=Path), required=True, multiple=True,
              help="A gold annotation file (the schema of shared/gold/seed.yaml); repeatable.")
@_data_option
@click.option("--min-entity-f1", type=float, default=0.0, help="Exit 1 when entity F1 is lower.")
@click.option("--min-relation-f1", type=float, default=0.0, help="Exit 1 when relation F1 is lower.")
@_fail_cleanly
def eval_(gold: tuple[Path, ...], data: Path | None, min_entity_f1: float, min_relation_f1: float) -> None:
    """Precision, recall and F1 per entity type and relation against gold annotations.

    Example: kg eval --gold ../shared/gold/seed.yaml
    """
    from kg.explore.evaluate import evaluate, render
    from kg.store import load

    report = evaluate(load(data), list(gold))
    click.echo(render(report), nl=False)
    if report.entity.f1 < min_entity_f1 or report.relation.f1 < min_relation_f1:
        sys.exit(1)


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@_fail_cleanly
def mentions(file: Path) -> None:
    """List the mentions found in one file, with offsets and the layer that found them.

    Example: kg mentions data/articles/000_7c7b44c55d162a77.txt
    """
    from kg.pipeline import extract, read

    corpus = extract(read([file]))
    for article in corpus.articles:
        click.echo(f"# {article.article_id} {article.kind}: {article.title_text or ''}")
        for m in corpus.mentions[article.article_id]:
            link = corpus.resolution.links.get(m)
            if link is None:
                click.echo(f"{m.start:6}-{m.end:<6} {m.type:15} {m.text:24} {m.method:24} -> (not in the graph)")
                continue
            entity = corpus.resolution.entities[link[0]]
            click.echo(f"{m.start:6}-{m.end:<6} {entity.type:15} {m.text:24} {m.method:24} -> {entity.name} ({link[1]})")


# ----------------------------------------------------------------------------- explore the graph

DEFAULT_PAGE = Path("build") / "summit.html"


def _entity_graph(data: Path | None):
    from kg.explore.network import build_network
    from kg.store import load

    return build_network(load(data))


@cli.command("graph")
@_data_option
@click.option("-o", "--output", type=click.Path(path_type=Path), default=DEFAULT_PAGE, show_default=True,
              help="The HTML page to write.")
@click.option("--focus", metavar="NAME", default=None,
              help="Show only the neighbourhood of this entity (any of its labels, or its id).")
@click.option("--hops", type=click.IntRange(0, 10), default=None,
              help="With --focus: how many relations away to go (default 2).")
@click.option("--type", "types", metavar="TYPE", multiple=True,
              help="Show only entities of this type, e.g. Person (repeatable).")
@click.option("--max-nodes", type=click.IntRange(1), default=5000, show_default=True,
              help="Show at most this many entities (the most connected), so that a browser keeps up.")
@_fail_cleanly
def graph(data: Path | None, output: Path, focus: str | None, hops: int | None, types: tuple[str, ...],
          max_nodes: int) -> None:
    """Write the graph as one HTML page to open in a browser; it works offline, from the file.

    Every entity is a node (coloured and shaped by type), every relation an edge; hover for the
    labels and the sentences, search by any label, filter by type and article.

    Example: kg graph --focus 蚂蚁集团 --hops 2 -o ant.html
    """
    from kg.errors import QueryError
    from kg.explore import network, viz

    if hops is not None and focus is None:
        raise click.UsageError("--hops goes with --focus NAME")
    G = _entity_graph(data)
    node = network.find(G, focus) if focus is not None else None
    title = "summit-kg"
    if types:
        kind = G.nodes[node]["type"] if node is not None else None
        G = network.of_types(G, types)
        title += " · " + ", ".join(types)
        if node is not None and node not in G:
            raise QueryError(f"--focus '{focus}' is a {kind}, which --type leaves out")
    if node is not None:
        G = network.ego(G, node, 2 if hops is None else hops)
        title = f"{G.nodes[node]['label']} · {2 if hops is None else hops} hops · summit-kg"
    page = viz.render(G, title=title, max_nodes=max_nodes)
    page.write(output)
    if page.capped:
        click.echo(f"showing the {page.nodes:,} most connected of {page.total_nodes:,} entities "
                   "(--focus NAME or --type TYPE shows a part in full)")
    click.echo(f"wrote {output}: {page.nodes:,} entities, {page.edges:,} relations; open it in a browser")


@cli.command()
@click.argument("source")
@click.argument("target")
@_data_option
@click.option("--max", "limit", type=click.IntRange(1), default=5, show_default=True,
              help="Show at most this many connections of the shortest length.")
@_fail_cleanly
def path(source: str, target: str, data: Path | None, limit: int) -> None:
    """The shortest connections between two entities, step by step in words; exit 1 if none.

    Example: kg path 韦韬 宇树科技
    """
    from kg.explore import network

    G = _entity_graph(data)
    a, b = network.find(G, source), network.find(G, target)
    paths = network.shortest_paths(G, a, b, limit=limit)
    la, lb = G.nodes[a]["label"], G.nodes[b]["label"]
    if not paths:
        click.echo(f"{la} and {lb} are not connected in the graph")
        sys.exit(1)
    steps = len(paths[0])
    click.echo(f"{la} → {lb}: {len(paths)} shortest connection{'s' if len(paths) != 1 else ''} "
               f"of {steps} step{'s' if steps != 1 else ''}")
    for i, p in enumerate(paths, 1):
        click.echo(f"{i}. " + " → ".join([p[0].source, *(s.target for s in p)]))
        for step in p:
            click.echo("   " + "; and ".join(step.relations))


@cli.command()
@click.argument("name")
@_data_option
@_fail_cleanly
def neighbors(name: str, data: Path | None) -> None:
    """The entities related to one entity, and how, in words.

    Example: kg neighbors 蚂蚁集团
    """
    from kg.explore import network

    G = _entity_graph(data)
    node = network.find(G, name)
    rows = network.neighbors(G, node)
    others = {other for other, _, _ in rows}
    click.echo(f"{G.nodes[node]['label']} ({G.nodes[node]['type']}): {len(rows)} relation{'s' if len(rows) != 1 else ''}"
               f" with {len(others)} entit{'ies' if len(others) != 1 else 'y'}")
    for _other, _relation, text in rows:
        click.echo("  " + text)


@cli.command()
@_data_option
@click.option("--by", type=click.Choice(["degree", "pagerank", "betweenness"]), default="degree", show_default=True,
              help="The centrality measure to sort by.")
@click.option("--top", type=click.IntRange(1), default=10, show_default=True, help="How many to list.")
@click.option("--type", "types", metavar="TYPE", multiple=True, help="List only entities of this type (repeatable).")
@_fail_cleanly
def rank(data: Path | None, by: str, top: int, types: tuple[str, ...]) -> None:
    """The most central actors: by degree (distinct neighbours), PageRank or betweenness.

    Example: kg rank --by betweenness --top 5 --type Person
    """
    from kg.explore import network
    from kg.explore.queries import Table, to_table

    G = _entity_graph(data)
    ranked = network.rank(G, by=by, top=top, types=types)
    table = Table(("rank", "entity", "type", "degree", "pagerank", "betweenness"),
                  tuple((str(i), r.label, r.type, str(r.degree), f"{r.pagerank:.4f}", f"{r.betweenness:.4f}")
                        for i, r in enumerate(ranked, 1)))
    click.echo(to_table(table), nl=False)


def main() -> None:  # the console script
    cli()
