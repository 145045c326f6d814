"""The reference lexicon: general knowledge, each entry citing the list it comes from.

data/lexicon/ holds regions (countries, Chinese divisions to county level, historic towns, major
foreign cities, macro regions) with their hierarchy; job titles; organisation-name endings;
international organisations; national government bodies with their short forms;
surnames; and the one-character short forms of countries (美 in 美军, 中美). No company or
person is listed: patterns and the tagger must find those.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import LexiconError
from kg.extract.cues import GENERIC_TITLE
from kg.extract.segment import dictionary_entry
from kg.resources import resource_path

REGION_LEVELS = {"country", "macro", "province", "city", "county", "town"}
SUFFIX_TYPES = {"Company", "Organization", "GovernmentBody", "CompanyIndustry", "Region"}  # Region: a venue
# what a short form drops from a full Chinese place name
PLACE_ENDINGS = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县",
                 "地区", "省", "市", "区", "县", "镇", "乡", "盟", "旗")


@dataclass(frozen=True, slots=True)
class Entry:
    """A lexicon entry: a region or an international organisation."""

    name: str
    type: str  # Region | Organization
    level: str  # a region level, "international", "national" (China's bodies) or "foreign" (bodies of other states)
    parent: str | None
    aliases: tuple[str, ...]
    english: str
    source: str


@dataclass(slots=True)
class Lexicon:
    entries: dict[str, Entry] = field(default_factory=dict)  # by name
    surfaces: dict[str, str] = field(default_factory=dict)  # surface form -> entry name
    # short place names that are also ordinary words to the segmenter (合肥, 大连): a place only
    # where the statistical tagger reads a place there too
    ambiguous_surfaces: dict[str, str] = field(default_factory=dict)
    titles: set[str] = field(default_factory=set)
    honorifics: set[str] = field(default_factory=set)  # 拿督, 丹斯里: styles of address, held by no office
    title_kinds: dict[str, str] = field(default_factory=dict)  # 董事长 -> corporate, 市长 -> government
    suffixes: dict[str, str] = field(default_factory=dict)  # name ending -> type
    surnames: set[str] = field(default_factory=set)
    country_abbreviations: dict[str, str] = field(default_factory=dict)  # 美 -> 美利坚合众国
    longest_surface: int = 0

    def lookup(self, surface: str) -> Entry | None:
        name = self.surfaces.get(surface)
        return self.entries[name] if name else None

    def ancestors(self, name: str) -> list[Entry]:
        """The chain of parents of an entry, nearest first."""
        out, seen = [], {name}
        parent = self.entries[name].parent if name in self.entries else None
        while parent and parent in self.entries and parent not in seen:
            seen.add(parent)
            out.append(self.entries[parent])
            parent = self.entries[parent].parent
        return out

    def ends_with_title(self, text: str) -> bool:
        """Whether a printed title (chain) ends with a known title (董事长) or a patterned one
        (首席技术安全官)."""
        return any(text.endswith(t) for t in self.titles) or any(
            m.end() == len(text) for m in GENERIC_TITLE.finditer(text))

    def title_kind(self, text: str) -> str | None:
        """The kind of the longest known title a printed title ends with (副总裁 -> corporate), or None."""
        return next((self.title_kinds[text[k:]] for k in range(len(text)) if text[k:] in self.title_kinds), None)

    def suffix_type(self, name: str) -> tuple[str, str] | None:
        """The longest organisation ending of a name and the type it implies."""
        for n in range(min(len(name) - 1, 12), 0, -1):
            t = self.suffixes.get(name[-n:])
            if t:
                return name[-n:], t
        return None


def _rows(path: Path, columns: list[str]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            if reader.fieldnames is None or [c for c in columns if c not in reader.fieldnames]:
                raise LexiconError(f"{path.name}: the header must name the columns {', '.join(columns)}")
            rows = []
            for n, row in enumerate(reader, start=2):
                if None in row or any(row.get(c) is None for c in columns):
                    raise LexiconError(f"{path.name} line {n}: expected {len(columns)} tab-separated columns")
                rows.append({k: (v or "").strip() for k, v in row.items() if k})
            return rows
    except FileNotFoundError:
        raise LexiconError(f"{path}: lexicon file missing") from None


# how often the dictionary must have seen a county's short form for it to be an everyday word too
COMMON_WORD_COUNT = 1000
# prepositions that open a county's short form (沿河, 向阳) as readily as a phrase
PREPOSITIONS = set("沿向在于从对自往朝")


def _short_form_ok(alias: str, full: str, level: str) -> bool:
    """A short place name is used only when it cannot be an ordinary word: jieba's dictionary
    does not know it, or knows it as a place name (和平 from 和平区 is left out). A city's short
    form may also be known as another proper name (嘉兴 as a person's): cities are named that way
    far more often than people are."""
    if len(alias) < 2:
        return False
    if alias == full:
        return True
    known = dictionary_entry(alias)
    if level == "country":
        return True  # 沙特, 哈萨克斯坦: a country's short form is that country (the segmenter must agree)
    if level == "county" and (alias[0] in PREPOSITIONS or known is not None and known[0] >= COMMON_WORD_COUNT):
        return False  # 沿河 reads "along the river", 新建 "newly build", as often as a county
    return known is None or known[1].startswith("ns") or (
        level == "city" and full.endswith("市") and known[1] in ("nr", "nrt", "nz")) or (
        level == "macro" and known[1] in ("nz", "j")) or (  # 拉美: a proper name to jieba, not an ordinary word
        level == "macro" and full == "中国" + alias)  # 大陆: China's mainland named as across the strait


def load_lexicon(folder: Path | None = None) -> Lexicon:
    """Read the lexicon from ``folder`` (default: the one shipped with the package).

    :raises LexiconError: a file is missing or malformed.
    """
    folder = folder or resource_path("data/lexicon")
    lex = Lexicon()
    for row in _rows(folder / "regions.tsv", ["name", "level", "parent", "aliases", "en", "source"]):
        if row["level"] not in REGION_LEVELS:
            raise LexiconError(f"regions.tsv: {row['name']}: unknown level {row['level']!r}")
        aliases = tuple(a for a in row["aliases"].split("|") if a)
        lex.entries.setdefault(row["name"], Entry(row["name"], "Region", row["level"], row["parent"] or None,
                                                  aliases, row["en"], row["source"]))
    for file, level in (("intl_orgs.tsv", "international"), ("gov_bodies.tsv", "national"),
                        ("foreign_gov_bodies.tsv", "foreign")):
        for row in _rows(folder / file, ["name", "type", "aliases", "en", "source"]):
            if row["type"] not in ("Organization", "GovernmentBody"):
                raise LexiconError(f"{file}: {row['name']}: unknown type {row['type']!r}")
            aliases = tuple(a for a in row["aliases"].split("|") if a)
            lex.entries.setdefault(row["name"], Entry(row["name"], row["type"], level, None, aliases, row["en"],
                                                      row["source"]))
    # surfaces: full names win over aliases; among aliases, the larger unit (country before city)
    rank = {"country": 0, "international": 0, "national": 0, "foreign": 0, "macro": 1, "province": 2, "city": 3, "county": 4, "town": 5}
    for entry in sorted(lex.entries.values(), key=lambda e: (rank.get(e.level, 9), e.name)):
        lex.surfaces.setdefault(entry.name, entry.name)
    for entry in sorted(lex.entries.values(), key=lambda e: (rank.get(e.level, 9), e.name)):
        for alias in entry.aliases:
            if entry.type != "Region" or _short_form_ok(alias, entry.name, entry.level):
                lex.surfaces.setdefault(alias, entry.name)
            elif entry.level in ("city", "county") and len(alias) >= 2:
                lex.ambiguous_surfaces.setdefault(alias, entry.name)
    lex.longest_surface = max((len(s) for s in lex.surfaces), default=0)
    title_rows = [r for r in _rows(folder / "titles.tsv", ["title", "kind", "source"]) if r["title"]]
    lex.titles = {r["title"] for r in title_rows}
    lex.honorifics = {r["title"] for r in title_rows if r["kind"] == "honorific"}
    lex.title_kinds = {r["title"]: r["kind"] for r in title_rows}
    for row in _rows(folder / "org_suffixes.tsv", ["suffix", "type", "source"]):
        if row["type"] not in SUFFIX_TYPES:
            raise LexiconError(f"org_suffixes.tsv: {row['suffix']}: unknown type {row['type']!r}")
        lex.suffixes.setdefault(row["suffix"], row["type"])
    lex.surnames = {r["surname"] for r in _rows(folder / "surnames.tsv", ["surname", "source"]) if r["surname"]}
    for row in _rows(folder / "country_abbreviations.tsv", ["abbreviation", "country", "source"]):
        if row["country"] not in lex.entries or len(row["abbreviation"]) != 1:
            raise LexiconError(f"country_abbreviations.tsv: {row['abbreviation']}: expected one character and a "
                               f"country of regions.tsv")
        lex.country_abbreviations[row["abbreviation"]] = row["country"]
    return lex


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()
