"""Files in, decoded pages out. The encoding is detected, never assumed; the text is never
rewritten, so that offsets into it stay valid for provenance."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from kg.errors import SourceError
from kg.model import Page

TEXT_SUFFIXES = {".txt"}


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
    files = sorted(set(files), key=lambda p: (p.name, str(p)))
    for a, b in zip(files, files[1:]):
        if a.name == b.name and a.resolve() != b.resolve():
            raise SourceError(f"{b}: another input file has the same name ({a}); an article is known by its "
                              f"file name, so rename one of them")
    return files


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
    plausible = sum(1 for ch in text if ch.isascii() or "\u2000" <= ch <= "\u206f" or "\u2e80" <= ch <= "\u9fff"
                    or "\uf900" <= ch <= "\ufaff" or "\ufe30" <= ch <= "\uffef")
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
    meta, body_start, how = read_header(text, str(path))
    sidecar = next((p for p in (path.with_suffix(".meta.yaml"), path.with_suffix(".meta.json")) if p.exists()), None)
    if sidecar is not None:
        meta = {**_read_sidecar(sidecar), **meta}
        how = how or "sidecar"
    if not text[body_start:].strip():
        raise SourceError(f"{path}: the file holds a metadata header but no article text")
    return Page(source=path.name, text=text, encoding=encoding, sha256=hashlib.sha256(raw).hexdigest(),
                body_start=body_start, url=meta.get("url"), outlet=meta.get("outlet"),
                published=_date(meta.get("date"), str(path)), metadata_source=how)


HEADER_KEYS = {"url", "outlet", "date"}


def read_header(text: str, name: str) -> tuple[dict[str, str], int, str | None]:
    """Metadata at the top of a file, which is then not article text:

    - a front-matter block between two "---" lines, with "key: value" lines (url, outlet, date);
    - or a first line "# https://…" giving the source URL.

    >>> read_header("---\nurl: https://example.org/a\ndate: 2025-11-07\n---\n正文", "x")[0]["date"]
    '2025-11-07'
    """
    lines = text.splitlines(keepends=True)
    if lines and lines[0].strip() == "---":
        meta, pos = {}, len(lines[0])
        for line in lines[1:]:
            pos += len(line)
            if line.strip() == "---":
                return meta, pos, "header"
            key, sep, value = line.partition(":")
            if not sep:
                raise SourceError(f"{name}: metadata header line {line.strip()!r} is not 'key: value'")
            if key.strip().lower() in HEADER_KEYS:
                meta[key.strip().lower()] = value.strip().strip("'\"")
        raise SourceError(f"{name}: the metadata header opened with '---' is never closed")
    first = lines[0] if lines else ""
    if first.startswith("# http"):
        return {"url": first[2:].strip()}, len(first), "url line"
    return {}, 0, None


def _read_sidecar(path: Path) -> dict[str, str]:
    import json

    import yaml

    try:
        raw = path.read_text(encoding="utf-8")
        data = json.loads(raw) if path.suffix == ".json" else yaml.safe_load(raw)
    except (OSError, ValueError, yaml.YAMLError) as err:
        raise SourceError(f"{path}: unreadable metadata sidecar ({str(err).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise SourceError(f"{path}: the metadata sidecar must map keys (url, outlet, date) to values")
    return {str(k).lower(): str(v) for k, v in data.items() if str(k).lower() in HEADER_KEYS and v is not None}


def _date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise SourceError(f"{name}: metadata date {value!r} is not YYYY-MM-DD") from None
