from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "articles" / "000_7c7b44c55d162a77.txt"
GOLD = ROOT.parent / "shared" / "gold" / "seed.yaml"


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

    out = tmp_path_factory.mktemp("build") / "seed.trig"
    result = CliRunner().invoke(cli, ["build", str(seed_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out
