import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "articles" / "000_7c7b44c55d162a77.txt"
GOLD = ROOT.parent / "shared" / "gold" / "seed.yaml"
# the `kg` console script of the virtual environment the tests run in
KG_SCRIPT = Path(sys.executable).with_name("kg")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_page():
    from kg.read.sources import read_page

    return read_page(SEED)


@pytest.fixture(scope="session")
def lexicon():
    from kg.extract.lexicon import default_lexicon

    return default_lexicon()


@pytest.fixture(scope="session")
def seed_corpus(seed_page):
    from kg.pipeline import extract

    return extract({seed_page.source: seed_page})


@pytest.fixture(scope="session")
def seed_graph(tmp_path_factory, seed_path):
    """The bundled page built once through the CLI, as a user would."""
    from click.testing import CliRunner

    from kg.cli import cli

    folder = tmp_path_factory.mktemp("build")
    out = folder / "seed.trig"
    # `kg build` remembers the last build in ./build/; keep that out of the repository
    here = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(cli, ["build", str(seed_path), "-o", str(out)])
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.output
    _SEED_BUILD["stdout"] = result.stdout
    return out


_SEED_BUILD: dict[str, str] = {}


# ----------------------------------------------------------------------------- added helpers

def pytest_configure(config):
    # rdflib's own TriG parser still builds a ConjunctiveGraph
    config.addinivalue_line("filterwarnings", "ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


@pytest.fixture(scope="session")
def seed_build_stdout(seed_graph) -> str:
    """What `kg build` printed when it built ``seed_graph``."""
    return _SEED_BUILD["stdout"]


@pytest.fixture(scope="session")
def seed_dataset(seed_graph):
    """The seed graph parsed with rdflib directly (not through kg.store), named graphs kept."""
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(seed_graph, format="trig")
    return ds


@pytest.fixture(scope="session")
def entity_named(seed_corpus):
    """The seed corpus entity whose preferred name is ``name`` (exactly one must exist)."""

    def find(name: str, corpus=None):
        corpus = corpus or seed_corpus
        found = [e for e in corpus.resolution.entities.values() if e.name == name]
        assert len(found) == 1, f"{len(found)} entities named {name!r}"
        return found[0]

    return find


@pytest.fixture
def write_file(tmp_path):
    """Write ``text`` (or raw bytes) to a file in a fresh folder; returns its path."""

    def write(name: str, text: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
        return path

    return write


@pytest.fixture(scope="session")
def extract_text():
    """Run the extraction pipeline over one synthetic page given as text."""
    from kg.model import Page
    from kg.pipeline import extract

    def run(text: str, source: str = "synthetic.txt"):
        return extract({source: Page(source=source, text=text, encoding="utf-8", sha256="0" * 64)})

    return run


@pytest.fixture
def kg(monkeypatch, tmp_path):
    """Invoke the CLI in-process, from a scratch working folder; returns the click Result."""
    from click.testing import CliRunner

    from kg.cli import cli

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, [str(a) for a in args])

    return invoke
