"""Files in, decoded pages out. The encoding is detected, never assumed; the text is never
rewritten, so that offsets into it stay valid for provenance."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kg.errors import SourceError
from kg.model import Page

TEXT_SUFFIXES = {".txt", ".text", ".md"}


def collect_files(inputs: list[Path]) -> list[Path]:
    """Expand folders into their text files (sorted, so that input order never matters).

    :raises SourceError: an input does not exist, or a folder holds no text file.
    """
    files: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
            if not found:
                raise SourceError(f"{path}: the folder holds no .txt file")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise SourceError(f"{path}: no such file or folder")
    return sorted(set(files), key=lambda p: (p.name, str(p)))


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """Decode UTF-8 (with or without a byte-order mark) or GB18030 (a superset of GBK/GB2312).

    >>> decode("乌镇".encode("gb18030"), "x.txt")
    ('乌镇', 'gb18030')

    :raises SourceError: the bytes are neither, or hold NUL bytes (a binary file).
    """
    if b"\x00" in raw:
        raise SourceError(f"{name}: not a text file (it holds NUL bytes)")
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        raise SourceError(f"{name}: neither UTF-8 nor GB18030/GBK text; convert it to UTF-8") from None
    # GB18030 decodes almost any byte string; accept it only when it yields mostly CJK or ASCII.
    plausible = sum(1 for ch in text if ch.isascii() or "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
    if plausible < 0.9 * len(text):
        raise SourceError(f"{name}: neither UTF-8 nor GB18030/GBK text; convert it to UTF-8")
    return text, "gb18030"


def read_page(path: Path) -> Page:
    """Read one file as a page.

    :raises SourceError: the file is missing, unreadable, empty or not text.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file") from None
    except OSError as err:
        raise SourceError(f"{path}: cannot be read ({err.strerror})") from None
    text, encoding = decode(raw, str(path))
    if not text.strip():
        raise SourceError(f"{path}: the file is empty")
    return Page(source=path.name, text=text, encoding=encoding, sha256=hashlib.sha256(raw).hexdigest())
