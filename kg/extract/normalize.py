"""Name normalisation: the form under which two spellings of a name are the same name."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

DOTS = "·・•‧․⋅∙"
QUOTES = "《》〈〉“”\"'‘’「」『』"


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t():
    from opencc import OpenCC

    return OpenCC("s2t")


@lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    return _t2s().convert(text)


def to_traditional(text: str) -> str:
    return _s2t().convert(text)


@lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """Full- and half-width folded (NFKC), the dots of foreign names and white space removed,
    surrounding quotes and 《》 removed, traditional characters mapped to simplified, lower case.

    >>> normalize("《羅伯特•卡恩》")
    '罗伯特卡恩'
    """
    s = unicodedata.normalize("NFKC", name)
    for d in DOTS:
        s = s.replace(d, "")
    s = re.sub(r"\s+", "", s).strip(QUOTES)
    return to_simplified(s).lower()
