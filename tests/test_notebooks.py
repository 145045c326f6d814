"""The notebooks in notebooks/: each runs top to bottom on a fresh kernel (pytest --nbmake, in a
subprocess, so that every `make test` runs them), and each is committed clean: outputs
stripped, the question first, no logic of its own (functions and classes belong in kg)."""

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_notebooks_exist_one_per_question():
    assert [p.name for p in NOTEBOOKS] == ["01-who-won-what.ipynb", "02-who-is-connected.ipynb",
                                           "03-what-organizations-said.ipynb"]


def test_notebooks_run_on_a_fresh_kernel():
    pytest.importorskip("nbmake")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    result = subprocess.run([sys.executable, "-m", "pytest", "--nbmake", "-p", "no:cacheprovider", "-q",
                             *[str(p.relative_to(ROOT)) for p in NOTEBOOKS]],
                            cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert f"{len(NOTEBOOKS)} passed" in result.stdout


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_clean(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    first = nb["cells"][0]
    assert first["cell_type"] == "markdown"
    assert "".join(first["source"]).startswith("# ") and "?" in "".join(first["source"])
    assert "data/articles" in "".join(first["source"])
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        assert cell["outputs"] == [] and cell["execution_count"] is None, "strip the outputs before committing"
        tree = ast.parse("".join(cell["source"]))
        defined = [n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
        assert not defined, f"{path.name}: {defined} belong in kg, not in a notebook"
        imports = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imports |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert "rdflib" not in imports, "notebooks go through kg, not rdflib"
