"""Name normalisation: the form under which two spellings of a name are the same name."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.read.script import to_simplified

DOTS = "·・•‧․⋅∙"
QUOTES = "《》〈〉“”\"'‘’「」『』"


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


def chars_in_order(short: str, full: str, start: int = 0) -> bool:
    """Whether the characters of ``short`` appear in ``full`` in the same order, from ``start``:
    how a Chinese abbreviation is made (数字办 from 数字政策办公室, 中国联通 from 中国联合网络通信…)."""
    at = start
    for ch in short:
        at = full.find(ch, at) + 1
        if at == 0:
            return False
    return True
