"""Traditional and simplified characters.

Patterns are written in simplified characters. To read a traditional-character source with the
same patterns, its text is mapped to simplified one character at a time, which keeps every
offset valid; names are still taken from the text as written.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _converter(config: str):
    from opencc import OpenCC

    return OpenCC(config)


@lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    """Traditional -> simplified, phrase by phrase (OpenCC t2s)."""
    return _converter("t2s").convert(text)


def to_traditional(text: str) -> str:
    """Simplified -> traditional (OpenCC s2t)."""
    return _converter("s2t").convert(text)


# Hong Kong and Taiwan print quotations in corner brackets; the patterns expect curly quotes.
QUOTE_MARKS = {"「": "“", "」": "”", "『": "‘", "』": "’"}


@lru_cache(maxsize=8192)
def _char(ch: str) -> str:
    if ch.isascii():
        return ch
    if ch in QUOTE_MARKS:
        return QUOTE_MARKS[ch]
    out = _converter("t2s").convert(ch)
    return out if len(out) == 1 else ch


def simplified_same_length(text: str) -> str:
    """The text with each character mapped to simplified (and corner quotes to curly ones);
    same length, same offsets.

    >>> simplified_same_length("記者張三烏鎮報導")
    '记者张三乌镇报导'
    """
    return "".join(_char(ch) for ch in text)
