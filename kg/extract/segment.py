"""Word segmentation and part-of-speech tags: the only module that imports jieba.

jieba ships its dictionary and HMM model inside the package, so nothing is downloaded.
"""

from __future__ import annotations

import logging
from functools import lru_cache


@lru_cache(maxsize=1)
def _posseg():
    try:
        import jieba
        import jieba.posseg as posseg
    except ImportError:  # pragma: no cover - a dependency of the package
        raise ImportError("jieba is needed for segmentation: pip install jieba") from None
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return posseg


def tag(text: str) -> list[tuple[str, str, int]]:
    """(word, part-of-speech tag, start offset) for each word of the text."""
    out, pos = [], 0
    for pair in _posseg().cut(text):
        out.append((pair.word, pair.flag, pos))
        pos += len(pair.word)
    return out


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, tuple[int, str]]:
    import jieba

    _posseg()
    words: dict[str, tuple[int, str]] = {}
    with jieba.get_dict_file() as fh:  # type: ignore[attr-defined]
        for raw in fh:
            parts = raw.decode("utf-8").split()
            if len(parts) >= 3:
                words[parts[0]] = (int(parts[1]), parts[2])
    return words


def dictionary_entry(word: str) -> tuple[int, str] | None:
    """(frequency, tag) of a word in jieba's dictionary, or None."""
    return _dictionary().get(word)
