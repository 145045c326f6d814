"""A traditional-character source gives the same graph as its simplified twin, up to labels."""

import csv
import io

import pytest

from kg.read.script import to_simplified, to_traditional


@pytest.fixture(scope="module")
def twin_graphs(tmp_path_factory, seed_path):
    from click.testing import CliRunner

    from kg.cli import cli

    folder = tmp_path_factory.mktemp("twins")
    simplified = folder / "page.txt"
    simplified.write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    traditional = folder / "trad" / "page.txt"
    traditional.parent.mkdir()
    traditional.write_text(to_traditional(simplified.read_text(encoding="utf-8")), encoding="utf-8")
    runner = CliRunner()
    outs = []
    for source, name in ((simplified, "s.trig"), (traditional, "t.trig")):
        out = folder / name
        result = runner.invoke(cli, ["build", str(source), "-o", str(out)])
        assert result.exit_code == 0, result.output
        outs.append(out)

    def rows(out, query):
        result = runner.invoke(cli, ["query", query, "--data", str(out), "--format", "csv"])
        assert result.exit_code == 0, result.output
        return list(csv.DictReader(io.StringIO(result.output)))

    return outs, rows


@pytest.mark.parametrize(
    ("query", "columns"),
    [
        ("positions", ("personLabel", "orgLabel", "title")),
        ("awards", ("recipientLabel", "awardLabel", "categoryLabel", "year")),
        ("locations", ("entityLabel", "regionLabel", "relation")),
        ("quotes", ("personLabel",)),
        ("articles", ("title", "date", "reporterLabel")),
    ],
)
def test_traditional_twin_states_the_same_facts(twin_graphs, query, columns):
    (simplified, traditional), rows = twin_graphs

    def facts(out):
        return {tuple(to_simplified(r[c]) for c in columns) for r in rows(out, query)}

    assert facts(simplified)
    assert facts(traditional) == facts(simplified)


def test_traditional_twin_has_the_same_entities_and_keeps_the_written_labels(twin_graphs):
    (simplified, traditional), rows = twin_graphs

    def entities(out):
        return {(to_simplified(r["entityLabel"]), r["type"]) for r in rows(out, "entities")}

    assert entities(traditional) == entities(simplified)
    labels = {r["entityLabel"] for r in rows(traditional, "entities")}
    assert "韋韜" in labels  # the name as written, not converted
    alt = {r["label"] for r in rows(traditional, "entities") if r["entityLabel"] == "韋韜"}
    assert "韦韬" in alt  # the simplified form as an alternative label
