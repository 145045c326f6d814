"""Where the files that ship with the package live: the ontology, the shapes, the lexicon.

In a source checkout they sit at the top of the repository (ontology/, data/lexicon/); an
installed wheel carries copies under kg/_bundled/ (see pyproject.toml).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_path(relative: str) -> Path:
    """The path of a shipped resource such as "ontology/summit.ttl" or "data/lexicon"."""
    for base in (_PACKAGE / "_bundled", _PACKAGE.parent):
        candidate = base / relative
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"resource {relative} is missing from the installation")
