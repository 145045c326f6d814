"""The plain data that flows between the pipeline's stages.

Page -> Article -> Mention -> Entity -> Fact. Frozen dataclasses only: no I/O and no rdflib here.
Every offset indexes the decoded source text (``Page.text``), which is never rewritten, so any
fact can be shown in its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Page:
    """One decoded input file."""

    source: str  # the file name, as given on the command line (its base name)
    text: str
    encoding: str  # "utf-8" or "gb18030"
    sha256: str  # of the raw bytes
    body_start: int = 0  # where the articles begin, after a metadata header
    url: str | None = None  # where the page was published, from its metadata
    outlet: str | None = None  # the paper or site
    published: date | None = None  # the publication date, from its metadata
    metadata_source: str | None = None  # "header" | "sidecar" | "url line"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the page. ``repaired`` is its text with page-break artefacts (a word split
    across blank lines) joined again; ``pieces`` are the page ranges that, concatenated, give
    ``repaired``. ``start``/``end`` bound the whole stretch as printed."""

    start: int
    end: int
    repaired: str
    pieces: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end], ((start, end),))

    def page_offset(self, i: int) -> int:
        """The page offset of character i of ``repaired`` (i == len(repaired) gives ``end``)."""
        for a, b in self.pieces:
            if i < b - a:
                return a + i
            i -= b - a
        return self.end

    def page_range(self, i: int, j: int) -> tuple[int, int]:
        """The page range [start, end) that holds repaired[i:j] as printed."""
        return self.page_offset(i), self.page_offset(j - 1) + 1

    def sub(self, i: int, j: int) -> Span:
        """The span of repaired[i:j]."""
        pieces, pos = [], 0
        for a, b in self.pieces:
            lo, hi = max(i, pos), min(j, pos + b - a)
            if lo < hi:
                pieces.append((a + lo - pos, a + hi - pos))
            pos += b - a
        if not pieces:
            at = self.page_offset(i)
            return Span(at, at, "", ((at, at),))
        return Span(pieces[0][0], pieces[-1][1], self.repaired[i:j], tuple(pieces))

    @staticmethod
    def join(spans: list[Span]) -> Span:
        return Span(spans[0].start, spans[-1].end, "".join(s.repaired for s in spans),
                    tuple(p for s in spans for p in s.pieces))


@dataclass(frozen=True, slots=True)
class Byline:
    place: str | None
    place_span: tuple[int, int] | None
    month_day: tuple[int, int] | None  # (0, day) when the byline gives the day only
    reporters: tuple[tuple[str, int, int], ...]  # (name, start, end) in page offsets
    year: int | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """One article of a page: its headline, kind, byline, sections and body paragraphs."""

    article_id: str  # stable within the corpus: "<source slug>/<n>"
    source: str
    index: int  # 1-based position on the page
    kind: str  # editorial | news | caption | continuation
    title: Span | None
    byline: Byline | None
    sections: tuple[str, ...]
    paragraphs: tuple[Span, ...]  # body paragraphs, page breaks repaired
    start: int
    end: int
    published: date | None = None
    date_source: str | None = None  # byline | text | metadata: where the year came from
    subtitles: tuple[Span, ...] = ()  # headline lines after the first (副题): "《…报告》同步发布"

    @property
    def title_text(self) -> str | None:
        return self.title.repaired if self.title else None

    @property
    def headlines(self) -> tuple[Span, ...]:
        """The headline's lines: the title, then its subtitles."""
        return ((self.title,) if self.title else ()) + self.subtitles


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in an article. ``surface`` is page.text[start:end] as printed (a page break stays
    in it); ``text`` is the repaired name. ``method`` says which layer found it."""

    article_id: str
    start: int
    end: int
    surface: str
    text: str
    type: str  # one of the eleven entity types
    method: str  # "lexicon" | "pattern:<name>" | "tagger"
    key: str = ""  # the lexicon entry the name is, whichever layer found it
    nested: bool = False  # inside a longer name (乌镇 in 乌镇峰会)


@dataclass(frozen=True, slots=True)
class Entity:
    """A resolved actor: ``key`` identifies it (the normalised canonical name); labels are the
    names it goes by in the text, the preferred one first."""

    key: str
    type: str
    name: str  # preferred label, as written
    aliases: tuple[str, ...] = ()
    english: tuple[str, ...] = ()
    lexicon_key: str = ""


@dataclass(frozen=True, slots=True)
class Fact:
    """An n-ary statement read from one sentence of one article.

    ``kind``: position | conferment | quote | reporter | publishedBy | releasedAt | locatedIn |
    basedIn | heldIn | organizedBy | participatedIn | exhibitedAt | memberOf.
    ``roles`` map a role name to an entity key, or to a literal for the literal roles
    (title, former, year, text)."""

    kind: str
    roles: tuple[tuple[str, str], ...]
    article_id: str
    evidence: tuple[Mention, ...]
    sentence: Span
    rule: str

    def role(self, name: str) -> str | None:
        for k, v in self.roles:
            if k == name:
                return v
        return None


@dataclass(slots=True)
class Resolution:
    """What resolution produced for a corpus: entities by key, and for each mention the entity
    key and why the mention was resolved to it."""

    entities: dict[str, Entity] = field(default_factory=dict)
    links: dict[Mention, tuple[str, str]] = field(default_factory=dict)  # mention -> (key, reason)
    # mentions that take their type from the full name they abbreviate (专委会, 科大), whatever
    # their own cue guessed: the type the graph states for them
    typed_by_full: dict[Mention, str] = field(default_factory=dict)
