"""The `kg` command line: exact error messages, exit codes, atomic output, validate, eval."""

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kg import __version__

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold" / "seed.yaml"
KG_SCRIPT = Path(sys.executable).with_name("kg")  # the console script of this virtual environment
SCORER = GOLD.parent / "score.py"


def _assert_clean_failure(result, message: str, code: int = 2):
    """Exit code, the exact one-line message on stderr, nothing on stdout, no traceback."""
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit)
    assert result.stderr == message
    assert result.stdout == ""
    assert "Traceback" not in result.output


# ----------------------------------------------------------------------------- error messages

def test_cli_build_missing_input(kg, tmp_path):
    missing = tmp_path / "missing.txt"
    result = kg("build", missing, "-o", tmp_path / "out.trig")
    _assert_clean_failure(result, f"Error: {missing}: no such file or folder\n")
    assert not (tmp_path / "out.trig").exists()


def test_cli_build_empty_input(kg, write_file, tmp_path):
    empty = write_file("empty.txt", "")
    result = kg("build", empty, "-o", tmp_path / "out.trig")
    _assert_clean_failure(result, f"Error: {empty}: the file is empty\n")


def test_cli_build_folder_without_text(kg, tmp_path):
    folder = tmp_path / "nothing"
    folder.mkdir()
    result = kg("build", folder, "-o", tmp_path / "out.trig")
    _assert_clean_failure(result, f"Error: {folder}: the folder holds no .txt file\n")


def test_cli_build_unknown_layer(kg, seed_path, tmp_path):
    result = kg("build", seed_path, "-o", tmp_path / "out.trig", "--layers", "lexicon,magic")
    _assert_clean_failure(result, "Error: --layers: unknown layer(s) magic; choose from lexicon, patterns, tagger\n")


def test_cli_query_unknown_name(kg, seed_graph):
    listed = [line.split()[0] for line in kg("query", "--list").stdout.splitlines() if line.strip()]
    result = kg("query", "nope", "--data", seed_graph)
    _assert_clean_failure(result, f"Error: unknown named query 'nope'; `kg query --list` shows them: "
                                  f"{', '.join(listed)}\n")


def test_cli_query_missing_rq_file(kg, seed_graph, tmp_path):
    result = kg("query", tmp_path / "nope.rq", "--data", seed_graph)
    _assert_clean_failure(result, f"Error: {tmp_path / 'nope.rq'}: no such query file\n")


def test_cli_query_sparql_syntax_error(kg, seed_graph):
    result = kg("query", "SELECT ?x WHERE { ?x ?y }", "--data", seed_graph)
    assert result.exit_code == 2
    assert result.stdout == ""
    # the parser's own words follow the prefix; the position must be there for the user
    assert result.stderr.startswith("Error: SPARQL syntax error: ")
    assert result.stderr.endswith("(line:1, col:19)\n")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_cli_query_data_missing(kg, tmp_path):
    missing = tmp_path / "missing.trig"
    result = kg("query", "entities", "--data", missing)
    _assert_clean_failure(result, f"Error: {missing}: no such graph file\n")


@pytest.mark.parametrize("content", ["this is not TriG {{{\n", "乌镇峰会开幕。\n"])
def test_cli_query_data_not_trig(kg, write_file, content):
    bad = write_file("bad.trig", content)
    result = kg("query", "entities", "--data", bad)
    assert result.exit_code == 2
    assert result.stdout == ""
    # rdflib's reason goes in the parentheses
    assert re.fullmatch(re.escape(f"Error: {bad}: not a readable TriG graph (") + r"[^\n]+\)\n", result.stderr), \
        result.stderr
    assert "Traceback" not in result.output


def test_cli_validate_data_missing(kg, tmp_path):
    missing = tmp_path / "missing.trig"
    _assert_clean_failure(kg("validate", "--data", missing), f"Error: {missing}: no such graph file\n")


def test_cli_error_in_a_real_process(tmp_path):
    missing = tmp_path / "missing.txt"
    p = subprocess.run([sys.executable, "-m", "kg", "build", str(missing), "-o", str(tmp_path / "o.trig")],
                       cwd=tmp_path, capture_output=True, text=True)
    assert (p.returncode, p.stdout, p.stderr) == (2, "", f"Error: {missing}: no such file or folder\n")


def test_cli_debug_shows_the_traceback(kg, tmp_path):
    from kg.errors import SourceError

    result = kg("--debug", "build", tmp_path / "missing.txt", "-o", tmp_path / "o.trig")
    assert isinstance(result.exception, SourceError)


# ----------------------------------------------------------------------------- atomic output

@pytest.mark.parametrize("bad_input", ["missing", "empty", "binary"])
def test_cli_failed_build_keeps_the_earlier_output(kg, seed_graph, write_file, tmp_path, bad_input):
    out = tmp_path / "graph.trig"
    shutil.copyfile(seed_graph, out)  # the output of an earlier, successful build
    before = out.read_bytes()
    inputs = {"missing": tmp_path / "missing.txt", "empty": write_file("empty.txt", ""),
              "binary": write_file("binary.txt", b"\x00\x01\x02")}
    result = kg("build", ROOT / "data" / "articles", inputs[bad_input], "-o", out)
    assert result.exit_code == 2
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".graph.trig")] == []  # no temp file left


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_cli_build_output_is_readable_like_any_new_file(kg, write_file, tmp_path, umask_022):
    page = write_file("short.txt", "论坛举行\n\n本报杭州9月1日电（记者 王五）蚂蚁集团副总裁韦韬出席论坛并致辞。\n")
    out = tmp_path / "short.trig"
    assert kg("build", page, "-o", out).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_cli_build_reports_what_it_read(seed_build_stdout, seed_graph, seed_path):
    lines = seed_build_stdout.splitlines()
    assert lines[0] == f"read {seed_path.name} (utf-8)"
    assert lines[1] == "articles: 6"
    assert re.fullmatch(r"entities: \d+ .*Person \d+.*", lines[2])
    assert "SHACL: conforms" in lines
    assert lines[-1] == f"wrote {seed_graph}"


# ----------------------------------------------------------------------------- validate

def test_cli_validate_seed_graph_conforms(kg, seed_graph):
    result = kg("validate", "--data", seed_graph)
    assert result.exit_code == 0, result.output
    assert result.stdout == "SHACL: conforms (0 violations)\n"


PREFIXES = """@prefix skg: <https://w3id.org/summit-kg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
"""
ID = "https://w3id.org/summit-kg/id/"

BROKEN = {
    "position-without-holder": (f"""{PREFIXES}
<{ID}article/test/1> {{
    <{ID}position/broken> a skg:Position ;
        skg:title "董事长"@zh ;
        skg:organization <{ID}acme> ;
        prov:wasDerivedFrom <{ID}article/test/1/span/0-10> .
    <{ID}acme> a skg:Company ; skos:prefLabel "某公司"@zh .
}}
""", f"<{ID}position/broken>", "skg:holder"),
    "entity-with-two-types": (f"""{PREFIXES}
<{ID}article/test/1> {{
    <{ID}zhang-san> a skg:Person , skg:Company ; skos:prefLabel "张三"@zh .
}}
""", "zhang-san", "rdf:type"),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_cli_validate_reports_the_focus_node(kg, write_file, case):
    text, focus, path = BROKEN[case]
    result = kg("validate", "--data", write_file("broken.trig", text))
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert any(line.startswith("Violation: ") and focus in line and f" {path}: " in line for line in lines), lines
    assert re.fullmatch(r"SHACL: [1-9]\d* violation\(s\)", lines[-1])


# ----------------------------------------------------------------------------- version, eval

def test_cli_version(kg):
    result = kg("--version")
    assert result.exit_code == 0
    assert result.stdout == f"kg, version {__version__}\n"


def test_cli_version_of_the_console_script():
    if not KG_SCRIPT.exists():
        pytest.skip("the kg console script is not installed beside this Python")
    p = subprocess.run([str(KG_SCRIPT), "--version"], capture_output=True, text=True)
    assert (p.returncode, p.stdout) == (0, f"kg, version {__version__}\n")


def test_cli_eval_missing_gold(kg, seed_graph, tmp_path):
    missing = tmp_path / "gold.yaml"
    _assert_clean_failure(kg("eval", "--gold", missing, "--data", seed_graph), f"Error: {missing}: no such gold file\n")


@pytest.mark.skipif(not SCORER.exists() or not GOLD.exists(), reason="../shared/gold is not beside the repository")
def test_cli_eval_agrees_with_the_reference_scorer(kg, seed_path, tmp_path):
    if not KG_SCRIPT.exists():
        pytest.skip("the kg console script is not installed beside this Python")
    work = tmp_path / "score"
    ref = subprocess.run([sys.executable, str(SCORER), "--kg", str(KG_SCRIPT), "--gold", str(GOLD),
                          "--texts", str(seed_path), "--work", str(work)],
                         cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert ref.returncode == 0, ref.stdout + ref.stderr
    summary = ref.stdout.splitlines()[-1]
    assert re.fullmatch(r"entity F1 \d\.\d{3} \(P \d\.\d{3} R \d\.\d{3}\); "
                        r"relation F1 \d\.\d{3} \(P \d\.\d{3} R \d\.\d{3}\)", summary), summary
    # score the very graph the scorer built and read
    ours = kg("eval", "--gold", GOLD, "--data", work / "kg.trig")
    assert ours.exit_code == 0, ours.output
    assert ours.stdout.splitlines()[-1] == summary


def test_cli_eval_threshold_fails_with_exit_1(kg, seed_graph):
    if not GOLD.exists():
        pytest.skip("../shared/gold is not beside the repository")
    result = kg("eval", "--gold", GOLD, "--data", seed_graph, "--min-entity-f1", "1.01")
    assert result.exit_code == 1
    assert "relation F1" in result.stdout.splitlines()[-1]

