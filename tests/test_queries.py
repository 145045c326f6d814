"""The named queries and the W3C SPARQL result formats, run through `kg query` on the seed graph."""

import csv
import io
import json

import pytest

from kg.graph.vocab import ENTITY_TYPES

# the columns each named query documents (shared/gold/README.md and the scorer rely on them);
# extra columns may follow
DOCUMENTED = {
    "entities": ["entity", "entityLabel", "type", "label"],
    "mentions": ["entity", "entityLabel", "article", "start", "end", "text"],
    "positions": ["person", "personLabel", "org", "orgLabel", "title"],
    "awards": ["recipient", "recipientLabel", "award", "awardLabel", "category", "categoryLabel", "year"],
    "reports": ["report", "reportLabel", "org", "orgLabel", "event", "eventLabel"],
    "locations": ["entity", "entityLabel", "region", "regionLabel"],
    "quotes": ["person", "personLabel", "article", "quote"],
    "articles": ["article", "title", "date", "place", "reporter", "reporterLabel"],
}


def _listed(kg):
    result = kg("query", "--list")
    assert result.exit_code == 0, result.output
    return [line.split()[0] for line in result.stdout.splitlines() if line.strip()]


def _header(text):
    return next(csv.reader(io.StringIO(text)))


def _rows(text):
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="module")
def csv_of(seed_graph):
    """`kg query NAME --format csv` on the seed graph, cached per query."""
    from click.testing import CliRunner

    from kg.cli import cli

    cache = {}

    def run(name):
        if name not in cache:
            result = CliRunner().invoke(cli, ["query", name, "--data", str(seed_graph), "--format", "csv"])
            assert result.exit_code == 0, result.output
            cache[name] = result.stdout_bytes.decode("utf-8")  # .stdout would turn CRLF into LF
        return cache[name]

    return run


def test_queries_list_names_the_documented_queries(kg):
    listed = _listed(kg)
    assert set(DOCUMENTED) <= set(listed)
    assert listed == sorted(listed)


def test_queries_every_listed_query_runs(kg, csv_of):
    for name in _listed(kg):
        header = _header(csv_of(name))
        assert header and all(header), name


@pytest.mark.parametrize(
    "name",
    list(DOCUMENTED),
)
def test_queries_header_starts_with_the_documented_columns(csv_of, name):
    columns = DOCUMENTED[name]
    assert _header(csv_of(name))[:len(columns)] == columns


@pytest.mark.parametrize("name", list(DOCUMENTED))
def test_queries_header_holds_the_documented_columns(csv_of, name):
    assert set(DOCUMENTED[name]) <= set(_header(csv_of(name)))


@pytest.mark.parametrize("name", list(DOCUMENTED))
def test_queries_answer_on_the_seed_graph(csv_of, name):
    assert len(_rows(csv_of(name))) > 0


def test_queries_csv_is_w3c_csv(csv_of):
    text = csv_of("awards")
    raw = text.encode("utf-8")
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert len(lines) == 20  # header and the 19 conferments
    assert all(b"\n" not in line for line in lines)
    for row in _rows(text):
        for column in ("recipient", "award"):
            assert row[column].startswith("https://w3id.org/summit-kg/id/"), row[column]


def test_queries_csv_through_a_real_process_has_no_bom(seed_graph, tmp_path):
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "kg", "query", "quotes", "--data", str(seed_graph),
                          "--format", "csv"], cwd=tmp_path, capture_output=True, check=True)
    assert out.stdout.startswith(b"person,personLabel,article,quote\r\n")
    assert out.stderr == b""


def test_queries_tsv_header_is_question_mark_variables(kg, seed_graph):
    result = kg("query", "positions", "--data", seed_graph, "--format", "tsv")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[:5] == ["?person", "?personLabel", "?org", "?orgLabel", "?title"]
    first = lines[1].split("\t")
    assert first[0].startswith("<https://w3id.org/summit-kg/id/") and first[0].endswith(">")
    assert first[1].endswith("@zh") and first[1].startswith('"')


def test_queries_json_has_head_vars_and_bindings(kg, seed_graph):
    result = kg("query", "reports", "--data", seed_graph, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["head"]["vars"][:6] == DOCUMENTED["reports"]
    bindings = data["results"]["bindings"]
    assert len({b["report"]["value"] for b in bindings}) == 3  # the three research results of article 2
    for b in bindings:
        assert b["report"]["type"] == "uri"
        assert b["reportLabel"]["type"] == "literal" and b["reportLabel"]["xml:lang"] == "zh"


def test_queries_rq_file_and_inline_sparql(kg, seed_graph, tmp_path):
    sparql = ("PREFIX skg: <https://w3id.org/summit-kg/ontology#>\n"
              "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a skg:AwardConferment }\n")
    rq = tmp_path / "count.rq"
    rq.write_text("# title: how many conferments\n" + sparql, encoding="utf-8")
    from_file = kg("query", rq, "--data", seed_graph, "--format", "csv")
    inline = kg("query", sparql, "--data", seed_graph, "--format", "csv")
    assert from_file.exit_code == inline.exit_code == 0, (from_file.output, inline.output)
    assert from_file.stdout_bytes == inline.stdout_bytes == b"n\r\n19\r\n"


def test_queries_table_format_is_for_people(kg, seed_graph):
    result = kg("query", "positions", "--data", seed_graph)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:5] == DOCUMENTED["positions"]
    assert set(lines[1]) <= {"-", " "}
    assert lines[-1] == f"({len(lines) - 3} rows)"
    assert any("韦韬" in line and "蚂蚁密算" in line for line in lines)


def test_queries_type_column_holds_one_of_eleven_types_per_entity(csv_of):
    types: dict[str, set] = {}
    for row in _rows(csv_of("entities")):
        types.setdefault(row["entity"], set()).add(row["type"])
    assert len(types) > 50
    assert {t for ts in types.values() for t in ts} <= set(ENTITY_TYPES)
    assert {e: ts for e, ts in types.items() if len(ts) != 1} == {}


def test_queries_mentions_point_into_the_source(csv_of, seed_page):
    rows = _rows(csv_of("mentions"))
    assert len(rows) > 100
    for row in rows:
        assert seed_page.text[int(row["start"]):int(row["end"])] == row["text"]


def test_queries_positions_answer_the_question(csv_of):
    rows = {(r["personLabel"], r["orgLabel"], r["title"]) for r in _rows(csv_of("positions"))}
    assert ("韦韬", "蚂蚁集团", "副总裁兼首席技术安全官") in rows
    assert ("韦韬", "蚂蚁密算", "董事长") in rows
