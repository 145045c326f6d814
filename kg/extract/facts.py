"""Resolved mentions -> facts. Each fact names the rule that read it and the sentence it is from.

The rules follow how news states things:
- reporter: the byline's reporters;
- position: ORG TITLE PERSON, title chains joined by 、 (each with its own organisation, or
  the one before) and 兼 (one title as printed), a leading 前 marks a former title; 该局/该公司
  and a level's 市委 at the body named before;
- quote: a person with a quote verb, and the quotation next to it; an interview's answers
  ("答：…") for the one its headline says was interviewed (——访…X);
- conferment: "LIST获“X类”奖项", "SUBJECT…摘得“X类”奖项", "LIST获此殊荣", a paragraph that
  opens on a category ("“X类”奖项在…") for the subjects of its clauses, and the lines of a
  winners list under a headline that names the award ("X类：A　B");
- publishedBy / releasedAt: "《R》是ORG…的成果", "ORG…编写《R》", "在EVENT上…发布";
- basedIn: "NAME(国家)", "REGION有N家企业…分别是LIST", "REGION本土…龙头ORG", a government body's
  place prefix;
- locatedIn: "COUNTRY CITY" written together where the lexicon puts the city in the country, a
  village after its town, "REGION地处REGION", "位于REGION的VENUE", "A、B等REGION国家";
- heldIn: "EVENT亮相/落户REGION", "在REGION举行EVENT" (已, 首次 between), "REGION是EVENT的永久举办地";
- organizedBy: "由LIST主办"; "ORG发起INITIATIVE";
- participatedIn: "LIST…参与其中" (the initiative before), "ORG…参加EVENT";
- exhibitedAt: the products an exhibition report names;
- memberOf: an organisation whose name opens with its parent's (X委员会 of X).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cached_property

from kg.extract import cues
from kg.extract.lexicon import Lexicon
from kg.model import Article, Fact, Mention, Page, Resolution, Span
from kg.read.script import simplified_same_length

ORG_FAMILY = {"Organization", "Company", "GovernmentBody"}
AGENTS = ORG_FAMILY | {"Person"}


class _Context:
    """One article, its page and its resolved mentions, with look-ups the rules share."""

    def __init__(self, article: Article, page: Page, mentions: list[Mention], resolution: Resolution,
                 lexicon: Lexicon):
        self.article = article
        self.page = page
        self.written = page.text
        self.text = simplified_same_length(page.text)  # patterns are in simplified characters
        self.resolution = resolution
        self.lexicon = lexicon
        self.mentions = sorted((m for m in mentions if m in resolution.links), key=lambda m: (m.start, -m.end))
        self.top = [m for m in self.mentions if not m.nested]
        self.blocks = list(article.headlines) + list(article.paragraphs)

    @cached_property
    def persons_told(self) -> dict[int, Mention]:
        """The person each sentence of a bio tells of (see ``_persons_told``), read once per article."""
        return _persons_told(self)

    @cached_property
    def headline_person(self) -> Mention | None:
        """The person the article is about, its title naming that person alone (see ``_headline_person``)."""
        return _headline_person(self)

    def key(self, m: Mention) -> str:
        return self.resolution.links[m][0]

    def type(self, m: Mention) -> str:
        return self.resolution.entities[self.key(m)].type

    def between(self, a: int, b: int, written: bool = False) -> str:
        """Page text between two offsets (simplified, or ``written`` as printed), with the line
        breaks of page breaks removed."""
        text = self.written if written else self.text
        return re.sub(r"\s+", "", text[a:b]) if a <= b else ""

    def sentence(self, offset: int) -> Span:
        """The sentence around a page offset, as a span of its paragraph."""
        for block in self.blocks:
            if block.start <= offset < block.end:
                i = next((k for k in range(len(block.repaired)) if block.page_offset(k) >= offset), 0)
                t = block.repaired
                a = max(t.rfind(ch, 0, i) for ch in "。！？") + 1
                ends = [e for e in (t.find(ch, i) for ch in "。！？") if e >= 0]
                b = min(ends) + 1 if ends else len(t)
                # a sentence that closes a quotation keeps its closing mark
                while b < len(t) and t[b] in "”’":
                    b += 1
                return block.sub(a, b)
        return Span.of(self.text, offset, offset)

    def block_of(self, offset: int) -> Span | None:
        return next((b for b in self.blocks if b.start <= offset < b.end), None)

    def in_span(self, span: Span, types: set[str] | None = None, top_only: bool = True) -> list[Mention]:
        pool = self.top if top_only else self.mentions
        return [m for m in pool if span.start <= m.start and m.end <= span.end and
                (types is None or self.type(m) in types)]

    def fact(self, kind: str, roles: dict[str, str], evidence: list[Mention], at: int, rule: str) -> Fact:
        if kind == "position":  # 副会长丹斯里: the style of address printed with a title is no part of the post
            roles = {**roles, "title": _without_honorifics(roles["title"], self.lexicon)}
        return Fact(kind, tuple(sorted(roles.items())), self.article.article_id, tuple(evidence),
                    self.sentence(at), rule)


def _without_honorifics(title: str, lexicon: Lexicon) -> str:
    """A printed title without the style of address that follows it (副会长|丹斯里)."""
    simple = simplified_same_length(title)
    for honorific in sorted(lexicon.honorifics, key=len, reverse=True):
        if simple.endswith(honorific) and len(simple) > len(honorific):
            return title[:-len(honorific)]
    return title


def _simple(span: Span) -> str:
    """A span's text in simplified characters (same length, same offsets), for the patterns."""
    return simplified_same_length(span.repaired)


def extract_facts(articles: list[Article], pages: dict[str, Page], mentions: dict[str, list[Mention]],
                  resolution: Resolution, lexicon: Lexicon) -> list[Fact]:
    facts: list[Fact] = []
    for article in articles:
        ctx = _Context(article, pages[article.source], mentions.get(article.article_id, []), resolution, lexicon)
        for rule in RULES:
            facts.extend(rule(ctx))
    return _unique(facts)


def _unique(facts: list[Fact]) -> list[Fact]:
    seen, out = set(), []
    for f in facts:
        k = (f.kind, f.roles, f.article_id)
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out


# ============================================================================ reporter, position

def reporters(ctx: _Context) -> list[Fact]:
    byline = ctx.article.byline
    if byline is None:
        return []
    span = Span(byline.start, byline.end, ctx.written[byline.start:byline.end], ((byline.start, byline.end),))
    return [Fact("reporter", (("person", ctx.key(m)),), ctx.article.article_id, (m,), span, "byline")
            for m in ctx.mentions if m.method == "pattern:byline"]


TITLE_CHAIN_MAX = 24


def anaphoric_positions(ctx: _Context) -> list[Fact]:
    """该公司研究院院长蒋海波: the company is the one the article just named."""
    out = []
    declared = _declared_company(ctx)
    for p in (m for m in ctx.top if ctx.type(m) == "Person" and m.method != "pattern:byline"):
        before = ctx.between(max(0, p.start - 24), p.start)
        m = re.search(r"(?:该|这家|此)(?:公司|集团|企业|机构|单位|组织)([\u4e00-\u9fff、兼]{2,20})$", before)
        this_body = re.search(r"(?:该|此)(局|部|委|厅|署|办|所)([\u4e00-\u9fff兼]{2,10})$", before)
        if this_body and _is_title(this_body.group(2), ctx.lexicon):
            # "…广东省政务服务和数据管理局…。该局副局长黄丽娟说": the body of that kind named before
            anchor = p.start - len(this_body.group())
            found = _position_at_unit_named_before(ctx, p, this_body.group(1), this_body.group(2), anchor,
                                                   "该局 TITLE NAME (the body named before)")
            if found:
                out += found
                continue
        bare_firm = re.search(r"(?:^|[。；！？，、与和])(?:本)?公司([\u4e00-\u9fff、兼]{2,20})$", before)
        if declared is not None and bare_firm and _is_title(bare_firm.group(1), ctx.lexicon):
            # (以下简称“公司”) … 公司副总裁宓晓岚: the company the filing speaks for, not the last one named
            if _named_before_title(ctx, p, bare_firm.group(1)):
                continue  # 公司 read as the short name the filing gave: ORG TITLE NAME has it
            written = ctx.between(p.start - len(bare_firm.group(1)), p.start, written=True)
            out += _positions_held(ctx, p, declared, written, "公司 TITLE NAME (以下简称“公司”)")
            continue
        assembly = re.search(r"(?:^|[。；！？，、与和])大会([\u4e00-\u9fff、兼]{2,12})$", before)
        if assembly and _is_title(assembly.group(1), ctx.lexicon) and not _named_before_title(ctx, p, assembly.group(1)):
            # …世界互联网大会与…联合举办…，大会副秘书长聂思岐: the assembly the article named before
            named = [o for o in ctx.top if o.end <= p.start and ctx.type(o) in ORG_FAMILY
                     and simplified_same_length(o.text).endswith("大会")]
            if named:
                written = ctx.between(p.start - len(assembly.group(1)), p.start, written=True)
                out += _positions_held(ctx, p, named[-1], written, "大会 TITLE NAME (the assembly named before)")
                continue
        bare = re.search(rf"(?:^|[。；！？，])({'|'.join(cues.BARE_UNITS)})([\u4e00-\u9fff兼]{{2,10}})$", before)
        if bare and _is_title(bare.group(2), ctx.lexicon):
            # "…的世界互联网大会香港办事处…。办事处主任岑慧妍说": the office the article named before
            anchor = p.start - len(bare.group()) + (1 if bare.group()[0] in "。；！？，" else 0)
            out += _position_at_unit_named_before(ctx, p, bare.group(1), bare.group(2), anchor,
                                                  "办事处 TITLE NAME (the office named before)")
            continue
        if not m or not _is_title(m.group(1), ctx.lexicon):
            # 该实验室主任、浙江大学教授任之昂: the first title is at the unit the article just named
            # 。工作组组长、之江实验室研究员乔曼宁: likewise for a bare unit that opens the sentence
            unit = re.search(rf"(?:该|此|^|[。；！？])({'|'.join(cues.BARE_UNITS)})([\u4e00-\u9fff兼]{{2,10}}?)、"
                             rf"[^，。；]{{2,20}}$", ctx.between(max(0, p.start - 36), p.start))
            if unit and _is_title(unit.group(2), ctx.lexicon):
                anchor = p.start - len(unit.group()) + (1 if unit.group()[0] in "。；！？" else 0)
                out += _position_at_unit_named_before(ctx, p, unit.group(1), unit.group(2), anchor,
                                                      "该实验室 TITLE、… NAME")
            continue
        anchor = p.start - len(m.group())
        orgs = [o for o in ctx.top if o.end <= anchor and ctx.type(o) in ORG_FAMILY]
        firms = [o for o in orgs if ctx.type(o) == "Company"]
        if re.match(r"(?:该|这家|此)(?:公司|集团|企业)", m.group()) and firms:
            orgs = firms  # 中国电信嘉兴分公司与桐乡市人民政府签署…，据该公司副总经理: the firm, not the government
        if not orgs:
            continue
        org = orgs[-1]
        written = ctx.between(max(0, p.start - 24), p.start, written=True)[-len(m.group(1)):]
        out += _positions_held(ctx, p, org, written, "该公司 TITLE NAME")
    return out


# the kinds of title a firm's or an organisation's officer holds (not a mayor's, a party's or an envoy's)
OFFICER_KINDS = ("company", "corporate", "general", "organization")


def subject_positions(ctx: _Context) -> list[Fact]:
    """灵伴科技完成C轮融资，…跟投。联合创始人、副总裁晏梓航表示: a sentence that opens on titles alone
    and the name speaks of the organisation a sentence just before opened on, as its subject."""
    out = []
    for p in (m for m in ctx.top if ctx.type(m) == "Person" and m.method != "pattern:byline"):
        sentence = ctx.sentence(p.start)
        block = ctx.block_of(p.start)
        chain = ctx.between(sentence.start, p.start)
        # titles alone, each short (联合创始人、副总裁), not a unit of a body named before (该公司研究院院长)
        if block is None or not chain or not _is_title(chain, ctx.lexicon) or chain[0] in "该此这其本" \
                or not all(_is_title(t, ctx.lexicon) and len(t) <= 6 for t in re.split(r"[、兼]", chain)) \
                or ctx.lexicon.title_kind(chain) not in OFFICER_KINDS \
                or any(sentence.start <= m.start < p.start for m in ctx.top):
            continue
        subject = None
        for m in reversed([m for m in ctx.top if block.start <= m.start < sentence.start]):
            opening = ctx.sentence(m.start)
            if m.start == opening.start or ctx.between(opening.start, m.start) in ("", "“"):
                subject = m if ctx.type(m) in ORG_FAMILY else None
                break  # the nearest sentence that opens on a name: its subject, whatever it is
        if subject is not None:
            written = ctx.between(sentence.start, p.start, written=True)
            out += _positions_held(ctx, p, subject, written, "TITLE NAME after a sentence that opens on ORG")
    return out


def _named_before_title(ctx: _Context, p: Mention, title: str) -> bool:
    """Whether a name ends on the two characters before the title that stands before ``p`` (公司,
    大会 read as a name of their own), or lies inside the title."""
    return any(p.start - len(title) - 2 <= o.end and o.start < p.start for o in ctx.top)


def _positions_held(ctx: _Context, p: Mention, org: Mention, chain: str, rule: str) -> list[Fact]:
    """One position of ``p`` at ``org`` for each title of the printed chain."""
    return [ctx.fact("position", {"holder": ctx.key(p), "organization": ctx.key(org), "title": title,
                                  "former": "false"}, [p, org], p.start, rule) for title in _atomic_titles(chain)]


DECLARED_COMPANY = re.compile(r"[（(](?:以下|下文|下)?(?:简称|称)[“\"「]?(?:本公司|公司)[”\"」]")


def _declared_company(ctx: _Context) -> Mention | None:
    """The company a filing calls "公司" from where it says so: 中控技术股份有限公司（以下简称“公司”…）;
    else the company a page is about, its name the whole headline (a listed company's Q&A page:
    浙江大华技术股份有限公司 over the questions)."""
    for m in DECLARED_COMPANY.finditer(ctx.text):
        named = [o for o in ctx.top if o.end == m.start() and ctx.type(o) in ORG_FAMILY]
        if named:
            return named[0]
    for h in ctx.article.headlines:
        whole = [o for o in ctx.top if ctx.type(o) == "Company" and _simple(h).strip() == ctx.between(o.start, o.end)]
        if whole:
            return whole[0]
    return None


# a local body named by its level alone once the article has named it in full (桐乡市委 … 市委副书记),
# and the government whose head a level's title names (市长 at 桐乡市人民政府)
LEVEL_BODIES = ("省委", "市委", "县委", "区委")
LEVEL_HEADS = {"省长": "省人民政府", "市长": "市人民政府", "县长": "县人民政府", "区长": "区人民政府"}


def local_positions(ctx: _Context) -> list[Fact]:
    """"桐乡市委书记陆建峰，市委副书记、市长顾晓梅": the titles that open with a level's committee, or
    name a level's head, are held at the body of that level the article named before."""
    out = []
    for p in (m for m in ctx.top if ctx.type(m) == "Person" and m.method != "pattern:byline"):
        chain = re.search(r"(?:^|[，。；！？,])([\u4e00-\u9fff、兼]{2,20})$", ctx.between(max(0, p.start - 24), p.start))
        if chain is None or not chain.group(1).startswith(LEVEL_BODIES + tuple(LEVEL_HEADS)) \
                or not _is_title(chain.group(1), ctx.lexicon):
            continue
        anchor = p.start - len(chain.group(1))
        for title in _atomic_titles(chain.group(1)):
            body = next((b for b in LEVEL_BODIES if title.startswith(b) and len(title) > len(b)), None)
            if body is not None:
                out += _position_at_unit_named_before(ctx, p, body, title[len(body):], anchor, "市委 TITLE NAME")
            elif (government := LEVEL_HEADS.get(title.removeprefix("副").removeprefix("常务副"))) is not None:
                out += _position_at_unit_named_before(ctx, p, government, title, anchor, "市长 NAME")
    return out + _heads_after_their_place(ctx)


def _heads_after_their_place(ctx: _Context) -> list[Fact]:
    """"嘉兴市副市长方立群": the place prints where the head serves; the post is held at that place's
    government, when the article names it (嘉兴市人民政府) — a place itself holds no staff."""
    out = []
    regions = [m for m in ctx.top if ctx.type(m) == "Region"]
    for p in (m for m in ctx.top if ctx.type(m) == "Person" and m.method != "pattern:byline"):
        place = next((r for r in regions if r.end < p.start and r.end + 6 >= p.start), None)
        title = ctx.between(place.end, p.start, written=True) if place else ""
        head = simplified_same_length(title).removeprefix("常务").removeprefix("副")
        if head not in LEVEL_HEADS:
            continue
        seat = ctx.between(place.start, place.end).removesuffix(head[0]) + LEVEL_HEADS[head]  # 嘉兴(市) + 市人民政府
        government = next((o for o in ctx.top if ctx.type(o) == "GovernmentBody"
                           and simplified_same_length(ctx.resolution.entities[ctx.key(o)].name).endswith(seat)), None)
        if government is not None:
            out.append(ctx.fact("position", {"holder": ctx.key(p), "organization": ctx.key(government),
                                             "title": title, "former": "false"},
                                [p, government], p.start, "PLACE 市长 NAME"))
    return out


def _position_at_unit_named_before(ctx: _Context, p: Mention, unit: str, title: str, anchor: int,
                                   rule: str) -> list[Fact]:
    """The position of ``p`` at the last organisation named before ``anchor`` whose name ends with
    ``unit`` (实验室, 办事处)."""
    named = [o for o in ctx.top if o.end <= anchor and ctx.type(o) in ORG_FAMILY
             and simplified_same_length(ctx.resolution.entities[ctx.key(o)].name).endswith(unit)]
    return [ctx.fact("position", {"holder": ctx.key(p), "organization": ctx.key(org), "title": title,
                                  "former": "false"}, [p, org], p.start, rule) for org in named[-1:]]


def _joined_to(ctx: _Context, org: Mention) -> list[Mention]:
    """The organisations listed right after ``org``, joined by 和, 、, 及 or 与, each perhaps with
    its short form in parentheses (A公司（OPPO）和B公司（vivo））."""
    out, joined = [], org
    for other in (o for o in _organisations(ctx) if o.start > org.end):
        gap = ctx.between(joined.end, other.start)
        if gap in ("（", "("):
            continue  # the short form of the one before
        if not re.fullmatch(r"(?:[（(][^（）()]{1,30}[)）])?[和、及与]", gap):
            break
        out.append(other)
        joined = other
    return out


def _categories_listed(ctx: _Context, s: Span, first: Mention, cats: list[Mention]) -> list[Mention]:
    """“成长潜力类”和“社会贡献类”: the categories listed from ``first`` on, joined by 和 or 、."""
    out = [first]
    for c in (c for c in cats if c.start > first.start):
        if not re.fullmatch(r"[”」』]?[、和及与][“「『]?", ctx.between(out[-1].end, c.start)):
            break
        out.append(c)
    return out


def _life_of_subject(ctx: _Context, s: Span, clause: int) -> Mention | None:
    """"林德伯格在爱立信工作了25年，…，2019年获得中国政府友谊奖": a clause with no actor of its
    own goes on telling of the person who opens the sentence — unless someone else speaks or
    acts in between."""
    subject = _subject(ctx, s)
    if not subject or ctx.type(subject[0]) != "Person" or clause == 0:
        return None
    told = _simple(s)[_index_in(s, subject[0].end):clause]
    if any(p is not subject[0] and p.start < s.page_offset(clause) for p in ctx.in_span(s, {"Person"})) \
            or re.search(r"(?:说|表示|称|指出|介绍|认为|告诉)", told):
        return None
    return subject[0]


def _described_by_award(ctx: _Context, s: Span, award: Mention) -> Mention | None:
    """"曾获…科技进步奖的澳门大学…实验室副主任黄子朗": the award describes the one named after
    的, at the end of a title chain with no break before it."""
    k = _index_in(s, award.end)
    text = _simple(s)
    if not text[k:].lstrip("”」』").startswith("的"):
        return None
    person = next((p for p in ctx.in_span(s, {"Person"}) if p.start > award.end), None)
    if person is None:
        return None
    chain = ctx.between(award.end, person.start).lstrip("”」』").removeprefix("的")
    for org in ctx.in_span(s, ORG_FAMILY):
        if award.end <= org.start and org.end <= person.start:
            chain = chain.replace(ctx.between(org.start, org.end), "", 1)
    return person if not chain or _is_title(chain, ctx.lexicon) else None


def _atomic_titles(chain: str) -> list[str]:
    """A chain of titles as separate titles: 、 and 暨 (Taiwan's "and") part them; 兼 stays, as
    one person's joint office is printed with it (副总裁兼首席技术安全官)."""
    return re.split(r"[、暨]", chain)


def _is_title(text: str, lexicon: Lexicon) -> bool:
    """A printed title: ends with a known title; 兼 joins titles; modifiers may precede."""
    text = _without_honorifics(text, lexicon)  # 副秘书长（数码发展）拿督: the style of address printed after
    text = re.sub(r"[（(][\u4e00-\u9fff、及和与]{2,12}[)）]$", "", text)  # 副校长（研究及发展）: its portfolio
    numbered = re.sub(r"第\d{1,3}", "第", text)  # 第17研究组副主席: a numbered unit
    if not text or len(text) > TITLE_CHAIN_MAX or not re.fullmatch(r"[\u4e00-\u9fffA-Z、]+", numbered) or "的" in text:
        return False
    text = text[1:] if text.startswith(("前", "原")) else text
    return lexicon.ends_with_title(text)


STUDIES_OR_SERVES = ("学生", "研究生", "本科生", "博士生", "硕士生", "留学生", "校友", "志愿者", "选手", "用户")


def positions(ctx: _Context) -> list[Fact]:
    out = []
    people = [m for m in ctx.top if ctx.type(m) == "Person" and m.method != "pattern:byline"]
    for p in people:
        cursor = p.start
        pending_titles: list[str] = []
        while True:
            left = [m for m in ctx.top if m.end <= cursor and ctx.type(m) in ORG_FAMILY]
            if not left:
                break
            org = left[-1]
            if ctx.block_of(org.start) is not ctx.block_of(p.start):
                break  # 世界互联网大会　副秘书长 | 林嘉禾: a title chain does not run across paragraphs
            between = ctx.between(org.end, cursor)
            if any(org.end <= m.start and m.end <= cursor and (
                    ctx.type(m) == "Person" or ctx.type(m) == "Region" and cues.GOVERNMENT_HEAD.match(ctx.between(m.end, cursor)))
                   for m in ctx.top):
                break  # …事业部总裁欧阳砚秋与秀洲区|副区长钮嘉树: another's title, or a place's office, between
            # an alias in parentheses (GSMA), or the comma of an apposition (慧眸科技，创办人暨执行长许哲维)
            alias = re.match(r"^[（(]?[^（）()]*[)）]|^[，,]", between)
            cut = alias.end() if alias else 0
            if not alias or alias.group().endswith(("）", ")")):
                cut += between[cut:].startswith("的")  # 数字政策办公室（数字办）的数字政策专员, …大学的副教授
            if not alias and cut and between.endswith(STUDIES_OR_SERVES):
                break  # 浙江传媒学院的大三学生: one who studies there holds no post
            served = re.search(rf"(?:{cues.HELD_POST})$", ctx.between(max(0, org.start - 2), org.start))
            trail = 1 if served and between.endswith("的") else 0  # 时任ORG副总经理的|NAME: the post describes the person
            titles = _atomic_titles(between[cut:len(between) - trail])
            if not all(_is_title(t, ctx.lexicon) for t in titles if t) or not titles[-1]:
                break
            titles = _atomic_titles(ctx.between(org.end, cursor - trail, written=True)[cut:])  # as printed
            before_org = ctx.between(max(0, org.start - 1), org.start)
            for title in [*titles, *pending_titles]:
                if not title or _nationality_and_profession(title, ctx.lexicon):
                    continue
                former = title.startswith(("前", "原")) or before_org in ("前", "原")
                out.append(ctx.fact("position", {"holder": ctx.key(p), "organization": ctx.key(org),
                                                 "title": title, "former": "true" if former else "false"},
                                    [p, org], p.start, "ORG TITLE NAME"))
            pending_titles = []
            # a chain: "ORG1 TITLE1、ORG2 TITLE2 NAME"
            before = ctx.between(max(0, org.start - 2), org.start)
            if before.endswith(("、", "兼")):  # …副总裁、首席数字官兼|吉利汽车研究院副院长: the titles before are another's
                cursor = max(ctx.text.rfind("、", 0, org.start), ctx.text.rfind("兼", 0, org.start))
                continue
            break
    return out


def _nationality_and_profession(title: str, lexicon: Lexicon) -> bool:
    """法国网络安全专家: where the person is from and what they know, not an office."""
    return title.endswith(cues.PROFESSIONS) and any(
        (e := lexicon.lookup(title[:n])) is not None and e.level == "country" for n in range(2, 5))


# ranks a scholar is addressed by after the name (浙江大学李明华教授): no post the organisation gives
ACADEMIC_RANKS = ("教授", "副教授", "研究员", "副研究员", "博士", "院士", "讲师")


def positions_title_after_name(ctx: _Context) -> list[Fact]:
    """"ORG NAME TITLE", the formal order of an address: 老挝技术与通信部占塔冯副部长."""
    out = []
    for p in (m for m in ctx.top if ctx.type(m) == "Person" and m.method != "pattern:byline"):
        org = next((m for m in ctx.top if m.end == p.start and ctx.type(m) in ORG_FAMILY), None)
        if org is None:
            continue
        after = re.split(r"[和与及、，,。；;：:！!？?（(“]", ctx.between(p.end, p.end + 8))[0]  # …副部长|和各位嘉宾
        title = next((after[:n] for n in range(len(after), 1, -1) if _is_title(after[:n], ctx.lexicon)), None)
        if title is None or title.endswith(ACADEMIC_RANKS):
            continue
        written = ctx.between(p.end, p.end + len(title), written=True)
        out.append(ctx.fact("position", {"holder": ctx.key(p), "organization": ctx.key(org), "title": written,
                                         "former": "false"}, [p, org], p.start, "ORG NAME TITLE"))
    return out


# the aside after a foreign name may open on the name in its own script: （Aisha Rahman，马来亚大学副教授）
ASIDE_OPENS = r"[（(](?:[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ .'\-]{1,40}[，,]\s*)?"
COPULA = re.compile(rf"(?:[（(][^（）()]{{1,40}}[)）])?(?:是|系|现任|担任|任)$|{ASIDE_OPENS}")


def positions_after_copula(ctx: _Context) -> list[Fact]:
    """"安娜·洛佩斯（Ana López）是智利大学计算机科学系教授": a person, then 是 / 现任, then the
    organisation and the title, up to the end of the clause; or the post in parentheses after the
    name (钟若岚（北京大学国际关系学院教授）), after the name's Latin form (阿伊莎·拉赫曼（Aisha Rahman，马来亚大学副教授）)."""
    out = []
    people = [m for m in ctx.top if ctx.type(m) == "Person" and m.method != "pattern:byline"]
    for p in people:
        org = next((m for m in ctx.top if m.start >= p.end and ctx.type(m) in ORG_FAMILY), None)
        if org is None or not COPULA.fullmatch(ctx.between(p.end, org.start)):
            continue
        rest = ctx.between(org.end, min(len(ctx.text), org.end + TITLE_CHAIN_MAX + 1))
        chain = re.match(r"[^，。；：,;:！？（(）)“”]+", rest)
        if chain is None or not _is_title(chain.group(), ctx.lexicon):
            continue
        if re.fullmatch(ASIDE_OPENS, ctx.between(p.end, org.start)) and not rest.startswith(("）", ")"), len(chain.group())):
            continue  # 钟若岚（北京大学国际关系学院教授）: the aside holds the post and nothing else
        if any(org.end < m.start < org.end + len(chain.group()) for m in ctx.top):
            continue  # 是浙江大学|与|之江实验室…: another name inside, not a title
        written = ctx.between(org.end, org.end + len(chain.group()), written=True)
        for title in _atomic_titles(written):
            out.append(ctx.fact("position", {"holder": ctx.key(p), "organization": ctx.key(org), "title": title,
                                             "former": "true" if title.startswith(("前", "原")) else "false"},
                                [p, org], p.start, "NAME是ORG TITLE"))
    return out


GLOSS = r"[（(][A-Za-zÀ-ÿ][^（）()]{0,40}[)）]"


def roster_positions(ctx: _Context) -> list[Fact]:
    """郑海涛　世界互联网大会　副秘书长: the person a roster line introduces holds the title at
    the organisation printed between them."""
    out = []
    for p in (m for m in ctx.top if m.method == "pattern:roster" and ctx.type(m) == "Person"):
        block = ctx.block_of(p.start)
        if block is None:
            continue
        # 苑一鸣　中国工程院院士，浙江大学…教授: each post after a comma is one more, with its own organisation;
        # 高级工业发展官员，联合国工业发展组织（UNIDO）: or the title first and the organisation after
        names = ctx.in_span(block, ORG_FAMILY)
        cuts = [p.end] + [k + 1 for k in range(p.end, block.end) if ctx.text[k] in "，、；"
                          and not any(o.start <= k < o.end for o in names)] + [block.end + 1]  # (not 数字发展、创新…部)
        parts = [(a, b - 1) for a, b in zip(cuts, cuts[1:])]
        pending, held_at = "", None
        for a, b in parts:
            org = next((o for o in names if a <= o.start < b), None)
            words = re.sub(rf"^[ \u3000]*{GLOSS}", "", ctx.between(a, b, written=True)).strip(" \u3000")
            if org is None and held_at is not None and _is_title(simplified_same_length(words), ctx.lexicon):
                org, title = held_at, words  # 中国信息通信研究院 副院长、总工程师: one more title there
            # 卡琳·米勒（Karin Müller）　思爱普（SAP）全球副总裁: the name's and the organisation's other forms between
            elif org is None or re.sub(GLOSS, "", ctx.between(a, org.start)).strip(" \u3000"):
                pending, held_at = (words if org is None else ""), None
                continue
            else:
                title = re.sub(r"[ \u3000]", "", re.sub(rf"^{GLOSS}", "", ctx.between(org.end, b, written=True))) \
                    or pending  # 东北亚区　企业业务副总裁: one title, as printed
            pending = ""
            if title and _is_title(simplified_same_length(title), ctx.lexicon):
                held_at = org
                out.append(ctx.fact("position", {"holder": ctx.key(p), "organization": ctx.key(org), "title": title,
                                                 "former": "false"}, [p, org], p.start, "NAME　ORG　TITLE (roster)"))
    return out


def posts_under_a_heading(ctx: _Context) -> list[Fact]:
    """增选以下同志为中国互联网协会…副理事长、常务理事： / 副理事长： / 沃思凯　…: the people listed one
    to a line under a title's heading hold that title at the organisation the sentence announcing
    the list names before it."""
    out = []
    announced: Mention | None = None  # the organisation of the last sentence that announces a list
    announcement = ""  # and that sentence, whose titles the headings repeat
    for n, block in enumerate(ctx.blocks):
        t = _simple(block).strip()
        if t.endswith(("：", ":")) and "以下" in t:
            orgs = [o for o in ctx.in_span(block, ORG_FAMILY) if t.find("为", t.find("以下")) < _index_in(block, o.start)]
            announced, announcement = (orgs[0] if orgs else None), t
            continue
        heading = re.fullmatch(r"([\u4e00-\u9fff]{2,12})[：:]", t)
        if announced is None or heading is None or not _is_title(heading.group(1), ctx.lexicon) \
                or heading.group(1) not in announcement:
            continue
        title = ctx.between(block.start, block.end, written=True).rstrip("：:")
        for line in ctx.blocks[n + 1:]:
            first = next(iter(ctx.in_span(line, AGENTS)), None)
            if first is None or ctx.type(first) != "Person" or ctx.between(line.start, first.start):
                break  # the next heading, or the text again
            out.append(ctx.fact("position", {"holder": ctx.key(first), "organization": ctx.key(announced),
                                             "title": title, "former": "false"}, [first, announced], line.start,
                                "以下…为ORG TITLE： / TITLE： / NAME (list)"))
    return out


def _headline_person(ctx: _Context) -> Mention | None:
    """The person an article is about when its title is that person's name and nothing else (a
    citation or a profile page: 费舜卿, 阿依莎·巴洛贡（Aisha Balogun）)."""
    title = ctx.article.title
    if title is None:
        return None
    name = re.sub(rf"{GLOSS}\s*$", "", _simple(title).strip())
    return next((m for m in ctx.top if ctx.type(m) == "Person" and title.start <= m.start < title.end
                 and ctx.between(m.start, m.end) == name), None)


def subtitle_positions(ctx: _Context) -> list[Fact]:
    """费舜卿 / 清华大学网络科学与网络空间研究院教授: under a title that names a person alone, the line
    that names an organisation and a title is that person's post."""
    person = ctx.headline_person
    if person is None:
        return []
    out = []
    for line in ctx.article.subtitles:
        orgs = ctx.in_span(line, ORG_FAMILY)
        if not orgs or ctx.between(line.start, orgs[0].start).strip():
            continue
        org = orgs[-1] if all(ctx.between(a.end, b.start) == "" for a, b in zip(orgs, orgs[1:])) else orgs[0]
        title = ctx.between(org.end, line.end, written=True).strip()
        if title and _is_title(simplified_same_length(title), ctx.lexicon):
            out.append(ctx.fact("position", {"holder": ctx.key(person), "organization": ctx.key(org), "title": title,
                                             "former": "false"}, [person, org], line.start, "NAME / ORG TITLE (headline)"))
    return out


def _persons_told(ctx: _Context) -> dict[int, Mention]:
    """The person each sentence of a bio tells of, by the sentence's start: the person who opens a
    sentence ("覃亦凡，1978年生，…"), and after it each sentence with no actor of its own, in the same
    paragraph ("2006年加入科大讯飞，…现任…"); a bio under a name alone on its line tells of that name."""
    told_in: dict[int, Mention] = {}
    told: Mention | None = None
    named_over = {}
    for above, below in zip(ctx.article.paragraphs, ctx.article.paragraphs[1:]):
        alone = ctx.in_span(above, {"Person"})
        if len(alone) == 1 and re.fullmatch(r"\s*(?:[（(][^（）()]*[)）]\s*)?", ctx.between(alone[0].end, above.end)) \
                and not ctx.between(above.start, alone[0].start):
            named_over[below.start] = alone[0]
    for s in _all_sentences(ctx):
        subject = _subject(ctx, s)
        block = ctx.block_of(s.start)
        if subject and ctx.type(subject[0]) == "Person" and _simple(s)[_index_in(s, subject[0].end):].startswith("，"):
            told = subject[0]
        elif subject or ctx.in_span(s, {"Person"}):
            told = None
        elif told is None or ctx.block_of(told.start) is not block:
            told = named_over.get(block.start) if block is not None else None
        if told is not None:
            told_in[s.start] = told
    return told_in


def bio_positions(ctx: _Context) -> list[Fact]:
    """"覃亦凡，1978年生，…现任科大讯飞副总裁、讯飞研究院副院长，兼任中国人工智能学会理事": in a
    sentence about the person who opens it, each ORG TITLE after 现任, 兼任 or 担任 is a post of
    that person."""
    out = []
    told_in = ctx.persons_told
    for s in _all_sentences(ctx):
        told = told_in.get(s.start)
        if told is None:
            continue
        text = _simple(s)
        for verb in re.finditer(r"(?:现任|兼任|担任|历任)", text):
            k = verb.end()
            for org in (o for o in ctx.in_span(s, ORG_FAMILY) if _index_in(s, o.start) >= k):
                if _index_in(s, org.start) != k:
                    break
                # 新加坡网络安全局（Cyber Security Agency of Singapore）国际合作司助理司长: its name in English between
                aside = re.match(r"[（(][^（）()]{1,60}[)）]", text[_index_in(s, org.end):])
                at = _index_in(s, org.end) + (aside.end() if aside else 0)
                chain = re.match(r"[^，。；、,;（(]+", text[at:])
                if chain is None or not _is_title(chain.group(), ctx.lexicon):
                    break
                title = ctx.between(s.page_offset(at), s.page_offset(at) + len(chain.group()), written=True)
                out.append(ctx.fact("position", {"holder": ctx.key(told), "organization": ctx.key(org), "title": title,
                                                 "former": "false"}, [told, org], org.start, "NAME，…现任ORG TITLE"))
                k = at + len(chain.group())
                if not text.startswith("、", k):
                    break
                k += 1
    return out


# "宓晓岚加入阿里云，任算法工程师", "转入之江实验室，先后任高级研究专员、研究员": the person joins a body and
# takes its posts, named after a comma
JOINS_AND_SERVES = re.compile(r"(?:加入|转入|进入|入职|调入|加盟)$")
SERVES_AS = re.compile(r"[，,]?(?:先后|曾|后|并|历)?(?:任|担任|出任|任职)")


def joined_positions(ctx: _Context) -> list[Fact]:
    """A career sentence: the person who joins a body (加入, 转入) holds the posts the clause after it
    names (，任 TITLE、TITLE); the person is the sentence's own, else the one its bio tells of."""
    out = []
    for s in _all_sentences(ctx):
        text = _simple(s)
        for org in ctx.in_span(s, ORG_FAMILY):
            a, b = _index_in(s, org.start), _index_in(s, org.end)
            if not JOINS_AND_SERVES.search(text[max(0, a - 2):a]):
                continue
            serves = SERVES_AS.match(text, b)
            if serves is None:
                continue
            people = [p for p in ctx.in_span(s, {"Person"}) if p.end <= org.start]
            holder = people[-1] if people else ctx.persons_told.get(s.start)
            if holder is None:
                continue
            k = serves.end()
            while chain := re.match(r"[^，。；、,;（(]+", text[k:]):
                if not _is_title(chain.group(), ctx.lexicon):
                    break
                title = ctx.between(s.page_offset(k), s.page_offset(k) + len(chain.group()), written=True)
                out.append(ctx.fact("position", {"holder": ctx.key(holder), "organization": ctx.key(org),
                                                 "title": title, "former": "false"},
                                    [holder, org], org.start, "NAME加入ORG，任TITLE"))
                k += len(chain.group())
                if not text.startswith("、", k):
                    break
                k += 1
    return out


# ============================================================================ quotes

def quotes(ctx: _Context) -> list[Fact]:
    out = []
    people = [m for m in ctx.top if ctx.type(m) == "Person" and m.method != "pattern:byline"]
    # each speaker with the words that stand for it in the sentence: its name, or a pronoun
    for p, start, end in [(p, p.start, p.end) for p in people] + _pronoun_speakers(ctx, people):
        aside = re.match(r"[（(][^（）()]{1,40}[)）]", ctx.text[end:end + 42])  # 洛佩斯（Maria Fernanda Lopez）表示
        if aside:
            end += aside.end()
        after = ctx.between(end, end + 40)
        verb = cues.SPEECH.match(after) or cues.ADDRESSED_SPEECH.match(after)
        said = re.match(r"\s*[：:]\s*[“「]", ctx.text[end:end + 6])
        if said and not verb:
            # 浙江大学教授宗靖远：“…”: a speaker line, then the words in quotation marks
            block = ctx.block_of(start)
            if block is not None:
                open_ = _index_in(block, end + said.end() - 1)
                close = _matching_close(_simple(block), open_)
                if close is not None and close > open_ + 1:
                    out.append(Fact("quote", (("article", ctx.article.article_id), ("speaker", ctx.key(p)),
                                              ("text", block.repaired[open_ + 1:close])), ctx.article.article_id,
                                    (p,), block.sub(_index_in(block, start), close + 1), "NAME：“…”"))
            continue
        eyes = re.match(r"(?:眼中|看来|眼里)", after) and "在" in ctx.between(start - 20, start)
        if not verb and not eyes:
            continue
        block = ctx.block_of(start)
        if block is None:
            continue
        text = block.repaired
        i = next(k for k in range(len(text)) if block.page_offset(k) >= start)
        sentence = ctx.sentence(start)
        found = _quotation_near(_simple(block), i, i + (end - start))
        if found is not None:
            a, b = found
            quote = text[a + 1:b]
            # the evidence: the quotation and the sentence that says who said it
            s0, s1 = _index_in(block, sentence.start), _index_in(block, sentence.end)
            evidence = block.sub(min(a, s0), max(b + 1, s1))
        else:
            k = _index_in(sentence, end) + (verb.end() if verb else 0)
            quote = sentence.repaired[k:] if verb else ""
            evidence = sentence
        quote = quote.strip(" ，,：:")
        if not re.search(r"[\u4e00-\u9fffA-Za-z0-9]", quote):
            continue  # 沈一鸣说。: the verb ends the sentence, no words are quoted
        out.append(Fact("quote", (("article", ctx.article.article_id), ("speaker", ctx.key(p)), ("text", quote)),
                        ctx.article.article_id, (p,), evidence, "NAME + quote verb"))
    return out + _answers(ctx, people) + _sound_bites(ctx, people) + _speech_text(ctx, people) \
        + _said_in_a_later_clause(ctx, people)


# ，称… / ，并表示…: a later clause of the sentence says what its subject said (称为, 称之 name a thing)
LATER_CLAUSE_SPEECH = re.compile(r"[，,](?:并|还|同时|随后|并且)?(?:称(?![为作之])|表示|指出|强调|透露)[：:]?")


def _said_in_a_later_clause(ctx: _Context, people: list[Mention]) -> list[Fact]:
    """恒生电子副总裁范卓然在峰会期间发布光子2.0，称已有百余家机构接入: the person the sentence
    opens on (after the organisation and titles before the name) says the words after the verb of
    its later clause, up to the sentence's end."""
    out = []
    for s in _all_sentences(ctx):
        t = _simple(s)
        here = [p for p in people if s.start <= p.start and p.end <= s.end]
        if not here:
            continue
        p, k = here[0], _index_in(s, here[0].end)
        if re.search(r"[，,：:；;“]|据|对|向|与|和|同|为|给", t[:_index_in(s, p.start)]):
            continue  # 据范卓然介绍…, 与范卓然…, “…”范卓然: the person is not what the sentence is about
        verb = LATER_CLAUSE_SPEECH.search(t, k)
        if verb is None or any(k < _index_in(s, q.start) < verb.start() for q in here[1:]) \
                or cues.SPEECH.match(ctx.between(p.end, p.end + 40)) or t.count("“", k, verb.start()) != t.count("”", k, verb.start()):
            continue  # another person before the verb, the name's own verb, or the verb inside a quotation
        quote = s.repaired[verb.end():].rstrip("。！？!?").strip()
        if quote.startswith(("“", "「")) and _matching_close(_simple(s), verb.end()) == len(t.rstrip("。！？!?")) - 1:
            quote = quote[1:-1]  # ，并表示：“…”: the words in their quotation marks
        if re.search(r"[\u4e00-\u9fffA-Za-z0-9]", quote):
            out.append(Fact("quote", (("article", ctx.article.article_id), ("speaker", ctx.key(p)), ("text", quote)),
                            ctx.article.article_id, (p,), s, "NAME…，称…"))
    return out


def _sound_bites(ctx: _Context, people: list[Mention]) -> list[Fact]:
    """A broadcast's script: (同期声)卢思远 阿里云高级算法专家, then the words that person says on
    camera, as the next paragraph; a radio script's NAME说： then 【录音】 and the words."""
    out = []
    for n, block in enumerate(ctx.blocks[:-1]):
        if not cues.SOUND_BITE.match(_simple(block).lstrip()):
            continue
        speaker = next((p for p in people if p.method == "pattern:roster" and block.start <= p.start < block.end), None)
        said = ctx.blocks[n + 1]
        words = said.repaired.strip()
        if speaker is None or not words or cues.SOUND_BITE.match(_simple(said).lstrip()) or re.match(r"[【\[]", words):
            continue
        out.append(Fact("quote", (("article", ctx.article.article_id), ("speaker", ctx.key(speaker)), ("text", words)),
                        ctx.article.article_id, (speaker,), said, "(同期声) NAME ORG TITLE, then the words"))
    # 阿里云智能集团副总裁孟令川说： / 【录音】开源让…: a radio script names the speaker, then plays the tape
    for n, block in enumerate(ctx.blocks[:-1]):
        said = ctx.blocks[n + 1]
        tape = cues.TAPE.match(_simple(said))
        introduced = re.search(r"(?:说|表示|介绍|指出|认为|谈到|告诉记者)[：:]\s*$", _simple(block))
        speaker = [p for p in people if block.start <= p.start < block.end and p.end <= block.page_offset(
            introduced.start())] if tape and introduced else []
        words = said.repaired[tape.end():].strip() if tape else ""
        if speaker and words:
            out.append(Fact("quote", (("article", ctx.article.article_id), ("speaker", ctx.key(speaker[-1])),
                                      ("text", words)), ctx.article.article_id, (speaker[-1],), said,
                            "NAME说： then 【录音】 and the words"))
    return out


def _answers(ctx: _Context, people: list[Mention]) -> list[Fact]:
    """An interview printed as questions and answers: a paragraph that opens with a person's
    name and a colon is what that person said (穆塔里：我们的成员国……)."""
    out = []
    blocks = list(ctx.article.paragraphs)
    for i, block in enumerate(blocks):
        role = re.match(r"\s*(?:主持人|发布人|嘉宾|主讲人|主持)?\s*", _simple(block))  # 主持人 骆一苇：
        opening = [p for p in people if p.start == block.page_offset(role.end())]
        if not opening:
            continue
        p = opening[0]
        k = _index_in(block, p.end)
        colon = re.match(r"\s*[：:]\s*", block.repaired[k:])
        answer = block.repaired[k + colon.end():].strip() if colon else ""
        if colon and not answer and i + 1 < len(blocks) and not TURN.match(_simple(blocks[i + 1])):
            # 冼立民： on a line of its own, then what was said: a transcript's turn
            block, answer = blocks[i + 1], blocks[i + 1].repaired.strip()
        if answer:
            out.append(Fact("quote", (("article", ctx.article.article_id), ("speaker", ctx.key(p)), ("text", answer)),
                            ctx.article.article_id, (p,), block, "NAME：answer (interview)"))
    # 记者：…？ / 答：… (or 孟：…, the surname of the one interviewed): the answers are the words of
    # the one the headline says was interviewed
    answers = [b for b in ctx.article.paragraphs if re.match(r"\s*[\u4e00-\u9fff]{1,2}\s*[：:]", b.repaired)]
    guest = _interviewee(ctx, people) if answers else None
    speaker = re.compile(rf"\s*(?:答|{re.escape(guest.text[:1])}|{re.escape(guest.text[:2])})\s*[：:]\s*") if guest else None
    for block in [b for b in answers if speaker.match(b.repaired)] if guest is not None else []:
        answer = speaker.sub("", block.repaired, count=1).strip()
        if answer:
            out.append(Fact("quote", (("article", ctx.article.article_id), ("speaker", ctx.key(guest)),
                                      ("text", answer)), ctx.article.article_id, (guest,), block,
                            "答：answer (interview with NAME)"))
    return out


# an editor's note over a speech printed whole: 以下为演讲实录，经36氪编辑整理：
SPEECH_TEXT_NOTE = re.compile(r"以下(?:为|是)[\u4e00-\u9fff]{0,8}(?:演讲|讲话|致辞|发言)(?:实录|全文|内容|摘要|节选)")
# the sentence that introduces who gave the speech: …副总裁鲍子骞发表主题演讲
GAVE_SPEECH = re.compile(r"(?:发表|作|做)了?(?:[\u4e00-\u9fff]{0,4}(?:演讲|讲话|致辞|报告|发言))")


def _speech_text(ctx: _Context, people: list[Mention]) -> list[Fact]:
    """A speech printed whole under an editor's note (以下为演讲实录): the words after the note are
    the speaker's, the one the introduction says gave the speech."""
    blocks = list(ctx.article.paragraphs)
    note = next((i for i, b in enumerate(blocks) if SPEECH_TEXT_NOTE.search(_simple(b))), None)
    if note is None or note + 1 >= len(blocks):
        return []
    speaker = None
    for block in blocks[:note + 1]:
        text = _simple(block)
        for gave in GAVE_SPEECH.finditer(text):
            at = block.page_offset(gave.start())
            before = [p for p in people if block.start <= p.start and p.end <= at]
            if before:
                speaker = before[-1]
    if speaker is None:
        return []
    said = blocks[note + 1]
    return [Fact("quote", (("article", ctx.article.article_id), ("speaker", ctx.key(speaker)),
                           ("text", said.repaired.strip())), ctx.article.article_id, (speaker,), said,
                 "以下为演讲实录 then the speech (the speaker the introduction names)")]


# a line that opens a turn of a transcript: 冼立民：, 新华社记者：, 主持人 骆一苇：
TURN = re.compile(r"\s*[\u4e00-\u9fff·]{2,16}\s*[：:]\s*$")


def _interviewee(ctx: _Context, people: list[Mention]) -> Mention | None:
    """The person an interview is with: named after 访 or 专访 in its headline (——访…副总裁沈立衡),
    else in the sentence of the introduction that says the reporter interviewed them."""
    for span in list(ctx.article.headlines) + list(ctx.article.paragraphs):
        for m in re.finditer(r"专访了?|采访了?|访问了?|访|对话", _simple(span)):
            sentence_end = re.search(r"[。！？；]", _simple(span)[m.end():])
            end = span.page_offset(m.end() + sentence_end.start()) if sentence_end else span.end
            named = [p for p in people if span.page_offset(m.end()) <= p.start and p.end <= min(end, span.end)]
            if named:
                return named[0]
    return None


def _pronoun_speakers(ctx: _Context, people: list[Mention]) -> list[tuple[Mention, int, int]]:
    """"X出席论坛……他受访时说": 他/她 before a speech verb is the last person named before it in
    the same paragraph; (that person, the pronoun's page offsets)."""
    out = []
    for block in ctx.blocks:
        text = _simple(block)
        for m in re.finditer(r"(?<![其吉])[他她](?=[\u4e00-\u9fff])", text):
            at = block.page_offset(m.start())
            if not cues.SPEECH.match(text, m.end()):
                continue
            before = [p for p in people if block.page_offset(0) <= p.start and p.end <= at
                      and p.method != "tagger:bare"]  # a guessed name is no antecedent
            if before:
                out.append((before[-1], at, at + 1))
            elif (subject := ctx.headline_person) is not None:
                out.append((subject, at, at + 1))  # 费舜卿 / …他说：“…”: the person the page is about
    return out


def _quotation_near(text: str, name_start: int, name_end: int) -> tuple[int, int] | None:
    """The quotation a speaker says, as (opening mark, closing mark): the one closing just
    before the speaker (“…”X说, with the speaker's organisation and title between), else the
    first one after in the paragraph that is speech rather than a quoted term (“创新”)."""
    close = text.rfind("”", 0, name_start)
    if close >= 0 and not re.search(r"[。！？]", text[close + 1:name_start]) and name_start - close <= 40:
        open_ = _matching_open(text, close)
        # a quotation opened right after a speech verb ("X说：“…”") is that earlier speaker's
        owned = open_ is not None and re.search(rf"(?:{cues.QUOTE_VERB.pattern})[：:，,]?$",
                                                simplified_same_length(text[max(0, open_ - 8):open_]))
        if open_ is not None and not owned:
            return open_, close
    open_ = text.find("“", name_end)
    while open_ >= 0:
        close = _matching_close(text, open_)
        if close is None:
            return None
        inner = text[open_ + 1:close]
        # 在乌镇峰会“人工智能赋能产业发展论坛”上表示: the name of where the speaker spoke, not the words
        venue = "在" in text[name_end:open_] and text.startswith(("上", "期间", "会上", "开幕式"), close + 1)
        if (len(inner) >= 10 or re.search(r"[，,。！？]", inner)) and not venue:
            return open_, close
        open_ = text.find("“", close)
    return None


def _matching_open(text: str, close: int) -> int | None:
    depth = 0
    for k in range(close - 1, -1, -1):
        if text[k] == "”":
            depth += 1
        elif text[k] == "“":
            if depth == 0:
                return k
            depth -= 1
    return None


def _matching_close(text: str, open_: int) -> int | None:
    depth = 0
    for k in range(open_ + 1, len(text)):
        if text[k] == "“":
            depth += 1
        elif text[k] == "”":
            if depth == 0:
                return k
            depth -= 1
    return len(text) if depth == 0 and text.count("”", open_) == 0 else None


# ============================================================================ awards

def conferments(ctx: _Context) -> list[Fact]:
    awards = [m for m in ctx.mentions if ctx.type(m) == "Award"]
    if not awards:
        return []
    out = []
    recipients_of: dict[str, str | None] = {}

    def award_for(offset: int) -> Mention:
        before = [m for m in awards if m.start <= offset]
        return before[-1] if before else awards[0]

    def add(recipient: Mention, category: Mention | None, at: int, rule: str, verb_at: int) -> None:
        award = award_for(at)
        roles = {"recipient": ctx.key(recipient), "award": ctx.key(award)}
        if category is not None:
            roles["category"] = ctx.key(category)
        year = _award_year(ctx, award)
        if year:
            roles["year"] = year
        event = _event_of(ctx, award)
        if event is not None:
            roles["event"] = ctx.key(event)
        ev = [recipient, award] + ([category] if category else [])
        recipients_of[ctx.key(recipient)] = roles.get("category")
        out.append(ctx.fact("conferment", roles, ev, verb_at, rule))

    def category_for(block: Span, s: Span, k: int) -> Mention | None:
        """The category a list of winners falls under: the last one named before it in the
        sentence ("在“基础前沿类”中，A、B榜上有名"), else the paragraph's only one ("该类别")."""
        text = _simple(s)
        # …获“社会贡献类”奖项，Safaricom等企业也榜上有名: a class another winner's verb took is that winner's
        before = [c for c in ctx.in_span(s, {"AwardCategory"}) if _index_in(s, c.start) < k
                  and not verb_re.search(text, max(0, _index_in(s, c.start) - 3), _index_in(s, c.start))]
        if before:
            return before[-1]
        in_block = ctx.in_span(block, {"AwardCategory"})
        return in_block[0] if len({ctx.key(c) for c in in_block}) == 1 and in_block[0].start < s.start else None

    verb_re = re.compile("|".join(cues.AWARD_VERBS))
    told_in = ctx.persons_told
    for block in ctx.blocks:
        sentence_starts = _sentences(block)
        for n, s in enumerate(sentence_starts):
            sent_text = _simple(s)
            cats = ctx.in_span(s, {"AwardCategory"})
            # "LIST获“X类”奖项" and "SUBJECT…摘得“X类”奖项"
            for cat in cats:
                k = _index_in(s, cat.start)
                m = re.search(rf"(?:{verb_re.pattern})“?$", sent_text[:k])
                if not m:
                    continue
                # "获评“领军人才”的有2人，均来自…企业：A、B；": the winners are listed after the colon
                listed = WINNERS_LISTED.match(sent_text, _index_in(s, cat.end))
                if listed:
                    end = next((j for j in range(listed.end(), len(sent_text)) if sent_text[j] in "；;。"),
                               len(sent_text))
                    for r in _list_heads(ctx, s, listed.end(), end):
                        add(r, cat, cat.start, "获评“CATEGORY”的有N人：LIST", s.page_offset(m.start()))
                    continue
                verb_at = s.page_offset(m.start())
                clause_start = _clause_start(sent_text, m.start())
                # the last actor of each item: 嘉兴南湖学院学生邵可欣、返乡青年俞浩然获… gives the two persons
                items = _list_heads(ctx, s, clause_start, m.start())
                if not items:
                    items = _subject(ctx, s)
                listed = _categories_listed(ctx, s, cat, cats)
                if sent_text[:m.start()].endswith("分别") and len(items) < len(listed) and _subject(ctx, s):
                    # A和B…获得…，分别摘得“X类”和“Y类”: the winners open the sentence
                    items = _subject(ctx, s) + _joined_to(ctx, _subject(ctx, s)[0])
                if sent_text[:m.start()].endswith("分别") and len(items) == len(listed) > 1:
                    # A和B分别获得“X类”和“Y类”奖项: each winner its class, in order
                    for r, c in zip(items, listed):
                        add(r, c, c.start, "A和B分别获“X”和“Y”", verb_at)
                    continue
                for r in items:
                    add(r, cat, cat.start, "LIST 获 “CATEGORY” 奖项", verb_at)
            # "LIST获此殊荣" / "A、B等单位的成果获奖": the last actor of each list item
            for m in cues.AWARD_THIS.finditer(sent_text):
                start = _clause_start(sent_text, m.start())
                # 宇树科技、理想汽车入选成长潜力类: the class named right after the verb
                named = next((c for c in cats if _index_in(s, c.start) == m.end()), None)
                for r in _list_heads(ctx, s, start, m.start()):
                    add(r, named or category_for(block, s, start), s.page_offset(m.start()), "LIST 获此殊荣",
                        s.page_offset(m.start()))
                # "3项成果上榜,分别是A、B和C": the list follows
                after = cues.LIST_INTRO.search(sent_text, m.end())
                if after and not re.search(r"[。；]", sent_text[m.end():after.start()]):
                    # 15项成果获奖，包括百度的“文心一言”、…: the works listed won, each item's last name
                    for r in _list_heads(ctx, s, after.end(), len(sent_text), AGENTS | {"Product"}):
                        add(r, None, s.page_offset(m.start()), "上榜,分别是 LIST", s.page_offset(m.start()))
            # "科大讯飞凭借…获得2025年世界互联网大会领先科技奖": the clause's actor won the award named
            for award in ctx.in_span(s, {"Award"}):
                if re.search(r"(?:等奖|[金银铜]奖)$", simplified_same_length(award.text)):
                    continue  # 工业互联网赛道一等奖: a prize of a contest, not an award series
                k = _index_in(s, award.start)
                # 荣获由世界互联网大会颁发的2025年“…”: who gives it may stand between; 获得了今年的…: which year's
                m = re.search(rf"(?:{verb_re.pattern})了?(?:由[^，。；]{{2,20}}?(?:颁发|设立|授予|评选)的)?"
                              rf"(?:(?:今年|本届|首届|当年|去年|上届)的?)?(?:(?:19|20)\d\d年度?的?)?[“「]?$", sent_text[:k])
                if not m:
                    continue
                start = _clause_start(sent_text, m.start())
                items = _list_heads(ctx, s, start, m.start())
                if len(items) == 1:  # one winner: the clause's first actor (not one named in 凭借…)
                    items = [x for x in ctx.in_span(s.sub(start, m.start()), AGENTS) if x.method != "pattern:byline"][:1]
                # …杰出贡献奖”创新突破类奖项: the class printed right after the award
                cls = next((c for c in ctx.in_span(s, {"AwardCategory"}) if 0 <= c.start - award.end <= 2), None)
                for r in items:
                    # one named before without a class may be named again with it
                    if ctx.type(r) in ORG_FAMILY | {"Person"} and (ctx.key(r) not in recipients_of
                                                                   or cls and recipients_of[ctx.key(r)] is None):
                        add(r, cls, award.start, "ACTOR 获得 AWARD", s.page_offset(m.start()))
                if not items and (described := _described_by_award(ctx, s, cls or award)) is not None:
                    add(described, cls, award.start, "获AWARD的 ORG TITLE NAME", s.page_offset(m.start()))
                elif not items and (life := _life_of_subject(ctx, s, start)) is not None:
                    add(life, cls, award.start, "PERSON …，…获得 AWARD", s.page_offset(m.start()))
                elif not items and start == 0 and s.start in told_in:
                    # a bio's sentence with no actor: "2018年获国家科学技术进步奖二等奖" under 沈以宁
                    add(told_in[s.start], cls, award.start, "bio: 获 AWARD", s.page_offset(m.start()))
            # "在…揭晓的2024年“世界互联网大会杰出贡献奖”中，X获得个人奖项": the award framed, then its
            # winners; or the sentence before announces it (“…杰出贡献奖”在峰会开幕式上揭晓。X、Y获颁个人奖项。)
            framed = [(award, _index_in(s, award.end)) for award in ctx.in_span(s, {"Award"})
                      if re.match(r"[”」』]?(?:中|里|评选中)[，,]", sent_text[_index_in(s, award.end):])]
            if not framed and not ctx.in_span(s, {"Award"}) and n > 0:
                before = sentence_starts[n - 1]
                framed = [(award, 0) for award in ctx.in_span(before, {"Award"})[-1:]
                          if re.match(r"[”」』]?[^，。；]{0,16}?(?:揭晓|揭榜|公布|颁发|颁奖|出炉)",
                                      _simple(before)[_index_in(before, award.end):])]
            for award, k in framed:
                for m in re.finditer(rf"(?:{verb_re.pattern})了?(?:个人|企业|机构|团体|单位|组织)?奖项?(?=[，,。；]|$)",
                                     sent_text[k:]):
                    at = k + m.start()
                    for r in _list_heads(ctx, s, _clause_start(sent_text, at), at):
                        if ctx.type(r) in ORG_FAMILY | {"Person"} and ctx.key(r) not in recipients_of:
                            add(r, None, award.start, "在AWARD中，ACTOR获得奖项", s.page_offset(at))
            # "人工智能赛道“乌镇之星”由A、B和C获得": the passive names the winners after 由
            for m in re.finditer(r"由([^。；]{2,60}?)(?:获得|夺得|摘得|获颁|斩获|包揽)", sent_text):
                cats_before = [c for c in ctx.in_span(s, {"AwardCategory"}) if _index_in(s, c.start) < m.start()]
                for r in _list_heads(ctx, s, m.start(1), m.end(1)):
                    if ctx.type(r) in ORG_FAMILY | {"Person"}:
                        add(r, cats_before[-1] if cats_before else None, s.page_offset(m.start()),
                            "由LIST获得", s.page_offset(m.start()))
            # "获奖名单中,A的“…”、B的“…”均在列" / "获奖单位有A、B和C"
            for m in cues.AWARD_LIST.finditer(sent_text):
                end = next((k for k in range(m.end(), len(sent_text)) if sent_text[k] in "；。"), len(sent_text))
                # 获奖单位中，既有A、B等国内企业，也有C、D等高校: each clause lists its own
                cuts = [m.end()] + [k + 1 for k in range(m.end(), end) if sent_text[k] in "，,"] + [end + 1]
                heads = [h for a, b in zip(cuts, cuts[1:]) for h in _list_heads(ctx, s, a, b - 1)]
                if sent_text[m.end() - 1:m.end()] in "：:" and "；" in sent_text[m.end():]:
                    # "获奖个人分别是：A，他…；B，她…；C，…": one winner per part, named first in it
                    heads, start = [], m.end()
                    for part_end in [k for k in range(m.end(), len(sent_text)) if sent_text[k] in "；。"] + [len(sent_text)]:
                        comma = next((k for k in range(start, part_end) if sent_text[k] in "，,"), part_end)
                        heads += _list_heads(ctx, s, start, comma)[:1]
                        start = part_end + 1
                        if start >= len(sent_text):
                            break
                for r in heads:
                    if ctx.type(r) in ORG_FAMILY | {"Person"} and ctx.key(r) not in recipients_of:
                        add(r, category_for(block, s, m.start()), s.page_offset(m.end()), "获奖名单 LIST",
                            s.page_offset(m.start()))
        # a paragraph that opens on a category: the subjects of its later clauses
        lead = _simple(block).lstrip("“")
        cats = ctx.in_span(block.sub(0, min(len(_simple(block)), 12)), {"AwardCategory"})
        # a list of winners under its category: "基础研究类：A、B、C；", also further on in the paragraph
        # (获奖企业分为三类。“社会贡献类”：A、B；“创新突破类”：C、D。)
        head = _simple(block)
        listed = False
        for colon in re.finditer(r"(?:^|(?<=[；;。]))“?[^，。；：:“”]{2,12}?(?:类|奖)”?[：:]", head):
            cat = next(iter(ctx.in_span(block.sub(colon.start(), colon.end()), {"AwardCategory"})), None)
            if cat is None:
                continue
            end = next((k for k in range(colon.end(), len(head)) if head[k] in "；;。"), len(head))
            for r in _list_heads(ctx, block, colon.end(), end):
                add(r, cat, cat.start, "CATEGORY：LIST", block.page_offset(colon.end()))
            listed = True
        if listed:
            continue
        if cats and re.match(r"[^，。]{2,10}”?奖项?", lead):
            cat = cats[0]
            for clause in _clauses(block)[1:]:
                for r in _subject(ctx, clause):
                    if ctx.type(r) in ORG_FAMILY:
                        add(r, cat, cat.start, "paragraph on “CATEGORY”: clause subjects", clause.start)
    # a winners list under a headline that names the award ("2024年…杰出贡献奖获奖名单"): each line
    # of names is winners ("郑启航（中国工程院院士）"), under the class that opens it ("创新突破类：A　B")
    titled = [a for a in awards if any(h.start <= a.start < h.end and WINNERS_HEADLINE.search(_simple(h))
                                       for h in ctx.article.headlines)]
    # printed as a table (序号　成果名称　完成单位), only its rows list winners, in their last cell
    rows = [b for b in ctx.article.paragraphs if cues.table_cells(_simple(b))]
    for block in (rows or ctx.article.paragraphs) if titled else []:
        line = _simple(block)
        if len(line) > 60 or re.search(r"[，。；！？,;!?]", line):
            continue  # a sentence about the list, not a line of it
        heading = re.match(r"([^：:]{2,12})[：:]", line)
        start, end = (heading.end() if heading else 0), len(line)
        if rows:
            start, end = cues.table_cells(line)[-1]  # 9　宇树G1人形机器人　　|杭州宇树科技有限公司
        cat = next((c for c in ctx.in_span(block.sub(0, start), {"AwardCategory"})), None)
        for r in _list_heads(ctx, block, start, end):
            if ctx.key(r) not in recipients_of:
                add(r, cat, titled[0].start, "AWARD获奖名单: a line of winners", block.page_offset(start))
    # a winner given a class somewhere holds the award in that class, not also without one
    classed = {(f.role("recipient"), f.role("award")) for f in out if f.role("category")}
    return [f for f in out if f.role("category") or (f.role("recipient"), f.role("award")) not in classed]


WINNERS_HEADLINE = re.compile(r"(?:获奖|获评|入选|表彰)?(?:名单|榜单|名录)")


WINNERS_LISTED = re.compile(r"[”」』]?的(?:有|共有|为|是)[^。；：:]{0,24}[：:]")


def _list_heads(ctx: _Context, s: Span, a: int, b: int, types: set[str] = AGENTS) -> list[Mention]:
    """In "X、Y以及Z等…" between a and b (indexes into the sentence): the last actor (of ``types``)
    named in each item ("智慧非洲联盟总干事拉蒂纳·科恩" gives the person, not the alliance)."""
    text = _simple(s)
    heads, start = [], a
    # a joint inside a name is none (泰国数字经济和社会部); 与 joins the makers of one work
    names = [(_index_in(s, x.start), _index_in(s, x.end)) for x in ctx.in_span(s)]
    starts, ends = {x0 for x0, _ in names}, {x1 for _, x1 in names}
    joints = [m for m in re.finditer(rf"、|以及|和|及|与|{cues.WIDE_SPACE}", text[a:b])
              if not any(x0 < a + m.start() < x1 for x0, x1 in names)
              and (m.group() != "与" or a + m.start() in ends and a + m.end() in starts)]  # 与 between two names
    for m in [*joints, None]:
        end = a + m.start() if m else b
        # what a parenthesis adds is no item: 郑启航（中国工程院院士） gives the person
        aside = re.search(r"[（(][^（）()]*[)）]\s*$", text[start:end])
        if aside:
            end = start + aside.start()
        item = [x for x in ctx.in_span(s.sub(start, end), types) if x.method != "pattern:byline"]
        if item:
            heads.append(item[-1])
        if m:
            start = a + m.end()
    return heads


HONOURS_HEADER = re.compile(r"^(?:年份|年度)[\u3000 ]+(?:荣誉|奖项|获奖)")
HONOURS_ROW = re.compile(r"^((?:19|20)\d\d)[\u3000 ]+")


def honours_table(ctx: _Context) -> list[Fact]:
    """A company's report lists its honours in a table (年份 荣誉名称 颁发机构, then 2023 世界互联网大会
    领先科技奖 世界互联网大会): each row's award went, that year, to the company the report is of, the
    first the article names."""
    firm = next((m for m in ctx.top if ctx.type(m) == "Company"), None)
    out: list[Fact] = []
    under_header = False
    for block in ctx.blocks:
        text = _simple(block)
        if HONOURS_HEADER.match(text):
            under_header = True
            continue
        row = HONOURS_ROW.match(text) if under_header else None
        if row is None:
            under_header = False
            continue
        awards = ctx.in_span(block, {"Award"})
        if firm is None or not awards:
            continue
        award = awards[0]
        roles = {"recipient": ctx.key(firm), "award": ctx.key(award), "year": row.group(1)}
        category = next((c for c in ctx.in_span(block, {"AwardCategory"}) if c.start >= award.end), None)
        if category is not None:
            roles["category"] = ctx.key(category)
        out.append(ctx.fact("conferment", roles, [firm, award] + ([category] if category else []), award.start,
                            "年份 荣誉名称: a row of the company's honours"))
    return out


def _award_year(ctx: _Context, award: Mention) -> str | None:
    before = ctx.between(max(0, award.start - 12), award.start)
    # 2024年“…”, 2019年获得…: the year written before the award or before the verb that gives it
    m = re.search(rf"((?:19|20)\d\d)年度?(?:{'|'.join(cues.AWARD_VERBS)})?“?$", before)
    if m:
        return m.group(1)
    if ctx.article.published:
        return str(ctx.article.published.year)
    # no date line: the year the article itself names first (2024年世界互联网大会…)
    for block in ctx.blocks:
        m = re.search(r"((?:19|20)\d\d)年", _simple(block))
        if m:
            return m.group(1)
    return None


def _event_of(ctx: _Context, award: Mention) -> Mention | None:
    """The event the award sentence names: "…在EVENT上揭晓"."""
    s = ctx.sentence(award.start)
    for m in ctx.in_span(s, {"Event"}):
        if re.match(r"上", ctx.between(m.end, m.end + 1)) and "在" in ctx.between(m.start - 2, m.start):
            return m
    return None


def _pieces(block: Span, ends: str) -> list[Span]:
    """The block cut after each of the ``ends`` marks (a closing quotation mark stays with it)."""
    out, start = [], 0
    t = _simple(block)
    for m in re.finditer(rf"[{ends}]”?", t):
        out.append(block.sub(start, m.end()))
        start = m.end()
    if start < len(t):
        out.append(block.sub(start, len(t)))
    return out


def _sentences(block: Span) -> list[Span]:
    return _pieces(block, "。！？")


def _clauses(block: Span) -> list[Span]:
    return _pieces(block, "。！？；;")


def _index_in(span: Span, offset: int) -> int:
    return next((k for k in range(len(span.repaired)) if span.page_offset(k) >= offset), len(span.repaired))


def _clause_start(text: str, end: int) -> int:
    # a parenthesis closed before the end is an aside: its commas part no clause
    # (中兴通讯股份有限公司（以下简称“中兴通讯”，0763.HK）荣获…)
    masked = re.sub(r"[（(][^（）()]*[)）]", lambda m: "　" * len(m.group()), text[:end])
    start = max(masked.rfind(ch, 0, end) for ch in "，,：:；;。") + 1
    while start > 1 and text[start - 1] in "，," and re.match(r"以及|还有|乃至", text[start:end]) \
            and "、" in text[_clause_start(text, start - 1):start]:
        start = _clause_start(text, start - 1)  # A、B，以及C同时入选: the list runs on past the comma
    return start


def _subject(ctx: _Context, span: Span) -> list[Mention]:
    """The actor that opens a sentence or clause, after a discourse marker (其中, 此外)."""
    t = _simple(span)
    m = re.match(r"\s*(?:其中|此外|另外|同时|而|但)?[，,]?", t)
    k = m.end() if m else 0
    first = [x for x in ctx.in_span(span, AGENTS) if _index_in(span, x.start) == k]
    return first[:1]


# ============================================================================ reports

# an article's event by its head noun alone, with the determiner that may precede it (本届峰会)
EVENT_BY_HEAD = r"(?:本届|本次|此次)?(论坛|峰会|大会|博览会|展会)"
OPENING_OF_THE_EVENT = re.compile(rf"(?:{EVENT_BY_HEAD}(?:开幕式|闭幕式|主论坛|全体会议)?|"
                                  r"开幕式|闭幕式)(?:上|期间|当日|当天)")  # 峰会当日发布


def _event_named_by_head(ctx: _Context, head: str, at: int | None = None) -> Mention | None:
    """The article's event that a bare head noun (峰会, 论坛) stands for: of its events with that
    head, the one it names most often; of those named as often, the one the paragraph named last
    before ``at`` (…完成2024年…乌镇峰会服务保障任务…在峰会上发布: the summit just named), else the first."""
    events = [m for m in ctx.top if ctx.type(m) == "Event"
              and simplified_same_length(ctx.resolution.entities[ctx.key(m)].name).endswith(head)]
    if not events:
        return None
    counts = Counter(ctx.key(m) for m in events)
    most = max(counts.values())
    tied = [k for k in counts if counts[k] == most]
    block = ctx.block_of(at) if at is not None else None
    if block is not None and len(tied) > 1:
        last_before = {k: max((m.start for m in events if ctx.key(m) == k and block.start <= m.start and m.end <= at),
                              default=-1) for k in tied}
        if max(last_before.values()) >= 0:
            tied = [max(tied, key=lambda k: last_before[k])]
    return next(m for m in events if ctx.key(m) == tied[0])


# "…还在论坛上发布了《R》": the article's event by its head noun, inside the sentence
AT_THE_EVENT = re.compile(r"在" + OPENING_OF_THE_EVENT.pattern)
# the words a sentence may open with before its time or place: 据悉，本届峰会期间…
# (an interview's turn may open it: 记者：峰会期间发布的…)
SENTENCE_LEAD = re.compile(r"(?:[\u4e00-\u9fff·]{2,8}[：:])?(?:(?:据悉|据了解|据介绍|此外|另外|同时|与此同时)[，,])?")


def _event_that_opened(ctx: _Context, verbs: str = "开幕|揭幕|启幕") -> Mention | None:
    """The event the article says opened (…峰会昨日在香港开幕), else the one it names most often."""
    events = [m for m in ctx.top if ctx.type(m) == "Event"]
    # the event nearest its verb: …乌镇峰会“…发布活动”在浙江乌镇举行 is the 发布活动
    distances = {ev: said.end() for ev in events
                 if (said := re.match(rf"[^。；，,]{{0,24}}?(?:{verbs})", ctx.between(ev.end, ev.end + 30)))}
    if distances:
        return min(distances, key=distances.get)
    if not events:
        return None
    counts = Counter(ctx.key(m) for m in events)
    return max(events, key=lambda m: counts[ctx.key(m)])


RELEASED_DURING = re.compile(EVENT_BY_HEAD + r"(?:期间|上|当天|当日)(?:正式|首次|同期|同步)?发布的?(?:年度)?(?:蓝皮书|白皮书|报告)?$")


def reports(ctx: _Context) -> list[Fact]:
    out = []
    reps = [m for m in ctx.top if ctx.type(m) == "Report"]
    for r in reps:
        s = ctx.sentence(r.start)
        k = _index_in(s, r.end)
        after = _simple(s)[k:]
        # …关注到大会期间发布的《R》: released at the article's event its head noun names
        during = RELEASED_DURING.search(_simple(s)[:_index_in(s, r.start)])
        if during and (ev := _event_named_by_head(ctx, during.group(1), r.start)) is not None:
            out.append(ctx.fact("releasedAt", {"report": ctx.key(r), "event": ctx.key(ev)}, [r, ev], r.start,
                                "EVENT期间发布的《R》"))
        if after.startswith("是"):
            orgs = [m for m in ctx.in_span(s, ORG_FAMILY, top_only=False) if m.start >= r.end]
            if orgs and "成果" in after:
                outer = [o for o in orgs if not o.nested]
                org = outer[0] if outer else orgs[0]
                out.append(ctx.fact("publishedBy", {"report": ctx.key(r), "organization": ctx.key(org)},
                                    [r, org], r.start, "《R》是ORG…的成果"))
                continue
        credited = re.match(r"[（(]([^（）()]{2,60}?)(?:联合|共同)?(?:编制|编写|编撰|撰写|发布|出品)[)）]", after)
        if credited:  # 《…典型案例集（2023）》（中国信息通信研究院、浙江大学联合编制）: its makers in parentheses
            for org in [o for o in ctx.in_span(s, ORG_FAMILY) if k < _index_in(s, o.start) < k + credited.end()]:
                out.append(ctx.fact("publishedBy", {"report": ctx.key(r), "organization": ctx.key(org)},
                                    [r, org], r.start, "《R》（ORG编制）"))
            continue
        # 《R1》和《R2》两本蓝皮书，中国网络空间研究院编的: the maker named after, in a clause of its own
        maker = next((o for o in ctx.in_span(s, ORG_FAMILY) if o.start > r.end
                      and re.fullmatch(r"(?:[和与及、]《[^》]*》)*[^。；！？《]{0,16}?[，,]", ctx.between(r.end, o.start))
                      and re.match(r"(?:编|编写|编撰|编制|撰写|写|发布|出)的(?:[，。；！？,]|$)", ctx.between(o.end, o.end + 4))),
                     None)  # (not …，ORG编撰的《R2》: the maker of what follows)
        if maker is not None:
            out.append(ctx.fact("publishedBy", {"report": ctx.key(r), "organization": ctx.key(maker)},
                                [r, maker], r.start, "《R》…，ORG编的"))
            continue
        before = _simple(s)[:_index_in(s, r.start)]
        # …发布蓝皮书《R1》和《R2》: the kind of the publication may stand between the verb and the title
        if re.search(r"(?:编写|撰写|编制|编撰|发布|推出|出版|形成)(?:了|的)?(?:年度|研究)?(?:蓝皮书|白皮书|报告)?"
                     r"(?:《[^》]*》[^《，。]{0,4}[、和及与])*$", before):
            clause = _clause_start(before, len(before))
            orgs = [m for m in ctx.in_span(s, ORG_FAMILY) if m.end <= r.start and _index_in(s, m.start) >= clause] \
                or [m for m in ctx.in_span(s, ORG_FAMILY) if m.end <= r.start]
            orgs = [o for n, o in enumerate(orgs) if ctx.key(o) not in {ctx.key(p) for p in orgs[:n]}]  # not its alias
            joint = len(orgs) > 1 and re.search(r"[与和及、]", ctx.between(orgs[0].end, orgs[1].start)) \
                and re.search(r"(?:联合|共同)(?:编写|撰写|编制|编撰|发布|推出)", before)
            for org in orgs if joint else orgs[:1]:  # A与B联合编写的《R》: both are its authors
                out.append(ctx.fact("publishedBy", {"report": ctx.key(r), "organization": ctx.key(org)},
                                    [r, org], r.start, "ORG…编写《R》"))
    # "(两部蓝皮书|该报告)由ORG编撰": the reports of this sentence, or of the one before
    for block in ctx.blocks:
        sentences = _sentences(block)
        for n, s in enumerate(sentences):
            m = re.search(r"由([^，。；]{2,30}?)(?:编撰|编写|撰写|编制|发布|推出|组织编写|牵头编写)", _simple(s))
            if not m:
                continue
            orgs = [o for o in ctx.in_span(s, ORG_FAMILY) if m.start(1) <= _index_in(s, o.start) < m.end(1)]
            here = [r for r in ctx.in_span(s, {"Report"}) if _index_in(s, r.start) < m.start()
                    or m.end() < _index_in(s, r.start) <= m.end() + 2 and _simple(s)[m.end()] == "的"]  # 由ORG编写的《R》
            if not here and re.search(r"(?:报告|蓝皮书|白皮书|成果)", _simple(s)[:m.start()]):
                if n > 0:
                    here = ctx.in_span(sentences[n - 1], {"Report"})
                elif (k := ctx.blocks.index(block)) > len(ctx.article.headlines):
                    # 记者：…《R1》和《R2》蓝皮书…？ / 蒲霁川：两部蓝皮书由ORG编撰: the answer to the question before
                    here = ctx.in_span(_sentences(ctx.blocks[k - 1])[-1], {"Report"})
            authors = orgs if re.search(r"[与和及、]|联合|共同", m.group(1)) else orgs[:1]  # co-authors
            # …由中国网络空间研究院编撰，电子工业出版社出版: the publisher in the clause after
            press = re.match(r"[，,]([^，。；]{2,20}?)(?:出版|发行)", _simple(s)[m.end():])
            if press:
                a = m.end() + press.start(1)
                authors = authors + [o for o in ctx.in_span(s, ORG_FAMILY)
                                     if a <= _index_in(s, o.start) < m.end() + press.end(1)]
            for r in here:
                for o in authors:
                    out.append(ctx.fact("publishedBy", {"report": ctx.key(r), "organization": ctx.key(o)},
                                        [r, o], r.start, "《R》由ORG编撰"))
    # "在EVENT(上|期间)…发布": what the article releases is released there
    held_at, held_in = None, None  # the event the sentence before opened on, and its paragraph
    for s in _all_sentences(ctx):
        # "论坛开幕式上，…《R》正式发布": the article's event named by its head noun alone
        lead = SENTENCE_LEAD.match(_simple(s))  # always matches, if only the empty string
        opening = OPENING_OF_THE_EVENT.match(_simple(s), lead.end()) or AT_THE_EVENT.search(_simple(s))
        named = None
        if opening:  # 开幕式上 alone: the ceremony of the event that the article says opened
            named = _event_named_by_head(ctx, opening.group(1), s.start) if opening.group(1) else _event_that_opened(ctx)
        elif held_at is not None and held_in == ctx.block_of(s.start) and re.match(r"(?:随后|随即|接着|其后)[，,]?", _simple(s)):
            named = held_at  # 开幕式上，…致辞。随后，…发布了《R》: the ceremony goes on
        held_at, held_in = named, ctx.block_of(s.start)
        if "发布" not in _simple(s):
            continue
        if named is None and re.match(r"(?:在)?(?:会上|会议上|活动上|论坛现场|会议期间)[，,]?", _simple(s)):
            named = _event_that_opened(ctx, "开幕|揭幕|启幕|举行|举办|召开")  # 会上，…发布《R》: the meeting the article is about
        elif named is None and re.search(r"在(?:会上|会议上|活动上|发布会上)(?:首次|正式|首度|同时|还|也|共同)?发布", _simple(s)):
            # 蓝皮书发布会举行。研究院在会上发布《R》: the meeting the sentence before names
            block = ctx.block_of(s.start)
            before = [e for e in ctx.in_span(block, {"Event"}) if e.end <= s.start] if block else []
            named = before[-1] if before else None
        if named is not None:
            for r in ctx.in_span(s, {"Report"}):
                out.append(ctx.fact("releasedAt", {"report": ctx.key(r), "event": ctx.key(named)},
                                    [r, named], s.start, "(论坛)开幕式上…发布"))
        for ev in ctx.in_span(s, {"Event"}):
            k0, k1 = _index_in(s, ev.start), _index_in(s, ev.end)
            if _simple(s)[max(0, k1 - 3):k1] == "发布会" and re.match(r"(?:\d{1,2}日)?(?:在[^，。]{2,12})?举行", _simple(s)[k1:]):
                # "…蓝皮书发布会举行，《R1》和《R2》正式发布": what the launch releases
                for r in ctx.in_span(s, {"Report"}):
                    if r.start > ev.end:
                        out.append(ctx.fact("releasedAt", {"report": ctx.key(r), "event": ctx.key(ev)},
                                            [r, ev], ev.start, "EVENT发布会举行，《R》发布"))
                continue
            # 在2024年…乌镇峰会“世界互联网发展论坛”上: the forum of the edition named before it
            edition = next((e for e in ctx.in_span(s, {"Event"}) if e.end <= ev.start
                            and ctx.between(e.end, ev.start) in ("", "“", "「")), None)
            if edition is not None and _simple(s)[max(0, _index_in(s, edition.start) - 1):_index_in(s, edition.start)] == "在":
                k0 = _index_in(s, edition.start)
                k1 += _simple(s)[k1:k1 + 1] in ("”", "」")  # the forum's closing quotation mark, then 上
            if _simple(s)[max(0, k0 - 1):k0] == "在" and _simple(s)[k1:k1 + 2] in ("上,", "上，", "期间") or \
                    _simple(s)[k1:k1 + 1] == "上" and "在" in _simple(s)[max(0, k0 - 2):k0]:
                for r in reps:
                    out.append(ctx.fact("releasedAt", {"report": ctx.key(r), "event": ctx.key(ev)},
                                        [r, ev], ev.start, "在EVENT上…发布"))
    return out


# 编写单位：ORG / 发布单位：ORG、ORG / 出版单位：ORG: a field of a report's page naming who made it
REPORT_MAKER_FIELD = re.compile(r"\s*(?:联合)?(?:编写|编制|编撰|撰写|主编|研编|发布|出版|出品)(?:单位|机构|方)\s*[：:]")
# 发布活动：EVENT / 发布会议：EVENT: the field naming where it was released
REPORT_RELEASE_FIELD = re.compile(r"\s*发布(?:活动|场合|会议|平台)\s*[：:]")


def report_fields(ctx: _Context) -> list[Fact]:
    """The fields of a report's summary or copyright page (编写单位：…, 发布活动：…): what they name
    holds for the report the page named last above them."""
    out = []
    for block in ctx.blocks:
        t = _simple(block)
        maker, release = REPORT_MAKER_FIELD.match(t), REPORT_RELEASE_FIELD.match(t)
        field = maker or release
        if field is None:
            continue
        named = [r for r in ctx.top if ctx.type(r) == "Report" and r.end <= block.start]
        if not named:
            continue
        report = named[-1]
        value = block.sub(field.end(), len(t))
        if maker:
            for org in ctx.in_span(value, ORG_FAMILY):
                out.append(ctx.fact("publishedBy", {"report": ctx.key(report), "organization": ctx.key(org)},
                                    [report, org], org.start, "编写单位：ORG (report field)"))
        else:
            for ev in ctx.in_span(value, {"Event"})[:1]:
                out.append(ctx.fact("releasedAt", {"report": ctx.key(report), "event": ctx.key(ev)},
                                    [report, ev], ev.start, "发布活动：EVENT (report field)"))
    return out


# ============================================================================ places

def _all_sentences(ctx: _Context):
    for block in ctx.blocks:
        yield from _sentences(block)


CAPITAL = re.compile(r"(?:的)?(?:首都|首府|省会)")


def _written_together(regions: list[Mention], ctx: _Context) -> list[Mention]:
    """The first place and the places printed right after it (浙江桐乡乌镇); a capital named
    after its country stands for the chain (沙特阿拉伯首都利雅得: 利雅得)."""
    chain = regions[:1]
    for r in regions[1:]:
        if r.start == chain[-1].end:
            chain.append(r)
        elif CAPITAL.fullmatch(ctx.between(chain[-1].end, r.start)):
            chain = [r]
        else:
            break
    return chain


def _places_written_up_to(regions: list[Mention], end: int) -> list[Mention]:
    """The places printed one right after another that end at ``end`` (山东曲阜, 广东深圳), in order."""
    chain = [r for r in regions if r.end == end][:1]
    while chain and (prev := next((r for r in regions if r.end == chain[0].start), None)) is not None:
        chain.insert(0, prev)
    return chain


def _based_in(ctx: _Context, org: Mention, regions: list[Mention], rule: str) -> list[Fact]:
    return [ctx.fact("basedIn", {"organization": ctx.key(org), "region": ctx.key(r)}, [org, r], org.start, rule)
            for r in regions]


def _regions(ctx: _Context) -> list[Mention]:
    return [m for m in ctx.mentions if ctx.type(m) == "Region"]


def _organisations(ctx: _Context) -> list[Mention]:
    return [m for m in ctx.top if ctx.type(m) in ORG_FAMILY]


def place_in_parentheses(ctx: _Context) -> list[Fact]:
    """AgriPredict Solutions(赞比亚)."""
    out = []
    for org in _organisations(ctx):
        paren = re.match(r"\s*[（(]([^）)]{1,12})[)）]", ctx.text[org.end:org.end + 16])
        if paren:
            inside = [r for r in _regions(ctx) if org.end < r.start and r.end <= org.end + paren.end()]
            rest = paren.group(1)
            for r in inside:
                rest = rest.replace(ctx.between(r.start, r.end), "", 1)
            if not re.fullmatch(r"[、，,\s]*", rest):
                continue  # （亚太经社会）: an alias that opens with a place, not where the body is
            out += _based_in(ctx, org, inside, "NAME(REGION)")
    return out


# a row of a list, one body to a line, with where it is in the last column:
# "6. 哈萨克电信（Kazakhtelecom），哈萨克斯坦", "北京邮电大学　中国"
ROW_NUMBER = re.compile(r"(?:\d{1,3}[.．、]|[（(]\d{1,3}[)）]|[一二三四五六七八九十]{1,3}、)?[ \t　]*$")
ROW_GAP = re.compile(r"(?:[（(][^（）()\n]{1,60}[)）])?(?:[，,；;]|[ \t　]+)[ \t　]*")


def row_with_place(ctx: _Context) -> list[Fact]:
    """A list row that names a body and then, alone at the end of the line, its place."""
    out = []
    regions = _regions(ctx)
    for org in _organisations(ctx):
        line_start = ctx.text.rfind("\n", 0, org.start) + 1
        if not ROW_NUMBER.fullmatch(ctx.text, line_start, org.start):
            continue
        gap = ROW_GAP.match(ctx.text, org.end)
        if gap is None:
            continue
        place = next((r for r in regions if r.start == gap.end() and not r.nested), None)
        if place is not None and re.match(r"[ \t　。；;]*(?:\n|$)", ctx.text[place.end:]):
            out += _based_in(ctx, org, [place], "row: ORG, REGION")
    return out


def companies_counted_by_place(ctx: _Context) -> list[Fact]:
    """"浙江有4家企业跻身…,分别是A、B和C" / "4家浙江企业…包括A、B"."""
    out = []
    for s in _all_sentences(ctx):
        t = _simple(s)
        m = re.search(r"(\d+|[一二三四五六七八九十两]+)家([\u4e00-\u9fff]{0,6}?)(?:企业|公司)[^。；]*?(?:分别是|分别为|包括|即)", t)
        if not m:
            continue
        region = [r for r in ctx.in_span(s, {"Region"}) if _index_in(s, r.end) <= m.end()]
        region = [r for r in region if t[_index_in(s, r.end):_index_in(s, r.end) + 1] in ("有", "共", "的")
                  or m.start(2) <= _index_in(s, r.start) < m.end(2)]
        if region:
            for org in ctx.in_span(s.sub(m.end(), len(t)), ORG_FAMILY):
                out += _based_in(ctx, org, region[-1:], "REGION有N家企业…分别是LIST")
    return out


def place_that_opens_the_name(ctx: _Context) -> list[Fact]:
    """A government body named after its place (its jurisdiction): the places that open its last
    unit (宁波市公安局鄞州公安分局 -> 鄞州). A company's place in its name may be a brand (长城汽车),
    so for companies only a foreign country counts."""
    out = []
    for org in (o for o in ctx.top if ctx.type(o) == "GovernmentBody"):
        inner = [r for r in _regions(ctx) if r.nested and org.start <= r.start and r.end <= org.end]
        if inner:
            chain = [inner[-1]]
            for r in reversed(inner[:-1]):
                if r.end == chain[0].start:
                    chain.insert(0, r)
            out += _based_in(ctx, org, chain, "place that opens the name")
    # a company or an institution named after a foreign country (马来西亚电讯公司, 德国弗劳恩霍夫协会) is that country's
    for org in (o for o in ctx.top if ctx.type(o) in ("Company", "Organization")):
        opening = [r for r in _regions(ctx) if r.nested and r.start == org.start and r.end < org.end
                   and _is_country(ctx, r) and ctx.resolution.entities[ctx.key(r)].lexicon_key != "中华人民共和国"]
        out += _based_in(ctx, org, opening[:1], "foreign country that opens a company's name")
    return out


def headquarters(ctx: _Context) -> list[Fact]:
    """"总部位于杭州的海康威视", "位于杭州的之江实验室" (the organisation right after, or after what describes it), else
    "ORG总部设在北京", "ORG…，秘书处设在北京" (the organisation right before, or else the first of the sentence)."""
    out = []
    for s in _all_sentences(ctx):
        t = _simple(s)
        # 秘书处设在北京: a body with a secretariat rather than a head office is based where it sits
        for m in re.finditer(r"(?:总部|秘书处)(?:设在|位于|设于|在)|(?P<rooted>扎根|植根|根植于?|立足|位于)", t):
            chain = _written_together([r for r in ctx.in_span(s, {"Region"}) if _index_in(s, r.start) >= m.end()], ctx)
            if not chain:
                continue
            after = _index_in(s, chain[-1].end)
            orgs, rule = [], "总部位于REGION的(descriptor)ORG"
            if t[after:after + 1] == "的":  # 总部位于杭州的海康威视, 总部位于新竹的台湾AI影像新创慧眸科技
                orgs = [o for o in ctx.in_span(s, ORG_FAMILY) if _index_in(s, o.start) > after
                        and DESCRIBED_AFTER_PLACE.fullmatch(t[after + 1:_index_in(s, o.start)])][:1]
            if m.group("rooted"):  # 扎根桐乡的桐昆集团, 位于杭州的之江实验室: only the organisation the place describes
                rule = "扎根REGION的(descriptor)ORG"
            elif not orgs:  # "海康威视是一家总部位于杭州的…企业", "ORG…总部设在北京"
                before = [o for o in ctx.in_span(s, ORG_FAMILY) if _index_in(s, o.start) < m.start()]
                right = [o for o in before if _index_in(s, o.end) == m.start()]  # 世界互联网大会总部设在北京
                orgs = right or before
                rule = "ORG总部设在REGION"
            if not orgs and re.search(r"(?:这家|该|这个)$", t[:m.start()]):
                # "这家总部位于杭州的…企业": the organisation the paragraph spoke of just before
                earlier = [o for o in ctx.top if ctx.type(o) in ORG_FAMILY and o.end <= s.start
                           and ctx.block_of(o.start) is ctx.block_of(s.start)]
                orgs, rule = earlier[-1:], "这家总部位于REGION的…(the organisation named before)"
            for org in orgs[:1]:
                out += _based_in(ctx, org, chain, rule)
    return out


# "其中，A、B为浙江企业": the list before is based there
LISTED_AS_PLACED = re.compile(r"(?:均为|都是|均是|为|是)([\u4e00-\u9fff]{2,8}?)(?:本土|本地)?(?:企业|公司|单位|机构|高校)")
# "5家浙江单位——A、B", "均来自桐乡本土企业：A、B"
COUNTED_THEN_LISTED = re.compile(r"(?:[一二三四五六七八九十\d]+家|来自)([\u4e00-\u9fff]{2,8}?)(?:本土|本地|当地)?"
                                 r"(?:企业|公司|单位|机构|厂商)(?:——|—|：|:)")


def listed_by_place(ctx: _Context) -> list[Fact]:
    """"阿里巴巴、华为、腾讯等中国企业", "广达电脑、纬创资通及阳明交大等台湾产学界代表", "5家浙江单位——之江实验室、网易",
    "均来自桐乡本土企业：A、B":
    the list's organisations are based there."""
    out = []
    for s in _all_sentences(ctx):
        t = _simple(s)
        for m in re.finditer(r"等(?:[一二三四五六七八九十\d]+[余多]?家|多家|数家)?([\u4e00-\u9fffA-Za-z]{2,10}?)"
                             r"(?:企业|公司|厂商|大厂|业者|单位|机构|高校|院校|产学界|产业界|业界|学界)", t):
            where = [r for r in ctx.in_span(s, {"Region"}) if m.start(1) <= _index_in(s, r.start) < m.end(1)]
            if where:
                start = _clause_start(t, m.start())
                for org in _list_heads(ctx, s, start, m.start()):
                    if ctx.type(org) in ORG_FAMILY:
                        out += _based_in(ctx, org, where[-1:], "LIST等REGION企业")
        for m in LISTED_AS_PLACED.finditer(t):
            where = [r for r in ctx.in_span(s, {"Region"}) if m.start(1) <= _index_in(s, r.start) < m.end(1)]
            if where and re.search(r"、|和|及", t[_clause_start(t, m.start()):m.start()]):
                for org in _list_heads(ctx, s, _clause_start(t, m.start()), m.start(), ORG_FAMILY):
                    out += _based_in(ctx, org, where[-1:], "LIST为REGION企业")
        # "5家浙江单位——之江实验室、深度求索……": the list after the count
        for m in COUNTED_THEN_LISTED.finditer(t):
            where = [r for r in ctx.in_span(s, {"Region"}) if m.start(1) <= _index_in(s, r.start) < m.end(1)]
            stop = re.search(r"[，,；;。]|均|都|分别|等", t[m.end():])
            end = m.end() + stop.start() if stop else len(t)
            for org in _list_heads(ctx, s, m.end(), end, ORG_FAMILY) if where else []:
                out += _based_in(ctx, org, where[-1:], "N家REGION企业——LIST")
    return out


# what may stand between a place and the company it describes: 台湾AI影像新创, 工业电脑厂
DESCRIBED_AFTER_PLACE = re.compile(rf"(?:[\u4e00-\u9fffA-Za-z]{{0,8}}(?:{'|'.join(cues.COMPANY_DESCRIPTORS)}))?")
DESCRIBED = re.compile(rf"(?:[\u4e00-\u9fff]{{0,4}}(?:{'|'.join(cues.COMPANY_DESCRIPTORS)}))?")


def _is_country(ctx: _Context, region: Mention) -> bool:
    entry = ctx.lexicon.entries.get(ctx.resolution.entities[ctx.key(region)].lexicon_key)
    return entry is not None and entry.level == "country"


LOCATED_TOGETHER = re.compile(r"(?:均|都|全部|全都|分别)?(?:位于|落户|总部位于|总部设在|坐落于|扎根)")


def listed_then_placed(ctx: _Context) -> list[Fact]:
    """"之江实验室、深度求索和网易均位于杭州": every organisation of the list is based there."""
    out = []
    for s in _all_sentences(ctx):
        t = _simple(s)
        for m in LOCATED_TOGETHER.finditer(t):
            chain = _written_together([r for r in ctx.in_span(s, {"Region"}) if _index_in(s, r.start) >= m.end()], ctx)
            if not chain or _index_in(s, chain[0].start) != m.end():
                continue
            start = max(t.rfind(ch, 0, m.start()) for ch in "，,；;。：:—") + 1
            orgs = [o for o in _list_heads(ctx, s, start, m.start()) if ctx.type(o) in ORG_FAMILY]
            if len(orgs) >= 2:
                for org in orgs:
                    out += _based_in(ctx, org, chain, "LIST均位于REGION")
    return out


def coming_from(ctx: _Context) -> list[Fact]:
    """"来自新加坡的Grab", "杭州企业宇树科技", "商汤科技同样来自香港", "肯尼亚电信运营商Safaricom"."""
    out = []
    regions = [r for r in _regions(ctx) if not r.nested]
    for org in _organisations(ctx):
        before = ctx.between(max(0, org.start - 14), org.start)
        if re.search(r"(?:来自|总部位于|总部设在)[\u4e00-\u9fff]{2,8}的$|[\u4e00-\u9fff]{2,4}(?:企业|公司|龙头)$", before):
            # 桐乡本土化纤龙头|桐昆集团: the place, what grew there and leads its trade, the firm
            near = [r for r in regions if r.end <= org.start
                    and re.fullmatch(r"的|(?:本土|本地|当地)?(?:企业|公司)|(?:本土|本地|当地)[\u4e00-\u9fff]{0,4}?(?:企业|龙头)",
                                     ctx.between(r.end, org.start))]
            if near:
                out += _based_in(ctx, org, near[-1:], "来自REGION的ORG")
                # 浙江企业海康威视和群核科技: the organisations joined to it share the place
                for other in _joined_to(ctx, org):
                    out += _based_in(ctx, other, near[-1:], "REGION企业 A和B")
                continue
        if ctx.between(org.start - 1, org.start) == "的":
            # ；广东深圳的大疆创新把…, 和哈萨克斯坦的Kaspi.kz: places that open the clause or a list item, 的,
            # the organisation
            chain = _places_written_up_to(regions, org.start - 1)
            if chain and (chain[0].start == 0 or ctx.between(chain[0].start - 1, chain[0].start) in cues.PUNCT | {"", "和"}):
                out += _based_in(ctx, org, chain[-1:], "REGION的ORG opening a clause")
                for other in _joined_to(ctx, org):  # 杭州的宇树科技和强脑科技
                    out += _based_in(ctx, other, chain[-1:], "REGION的A和B")
                continue
        # 肯尼亚电信运营商Safaricom, 俄罗斯卡巴斯基公司: a country, what the company is, the company
        country = [r for r in regions if r.end <= org.start and DESCRIBED.fullmatch(ctx.between(r.end, org.start))
                   and _is_country(ctx, r)]
        if country and (ctx.type(org) == "Company" or country[-1].end == org.start):
            # 肯尼亚电信运营商Safaricom; 德国弗劳恩霍夫协会 (any organisation right after its country)
            out += _based_in(ctx, org, country[-1:], "COUNTRY(descriptor)COMPANY")
        lead = re.match(r"(?:同样|也|均|都|则)?来自", ctx.between(org.end, org.end + 6))
        if lead:
            after = [r for r in regions if r.start >= org.end and ctx.between(org.end, r.start) == lead.group()]
            out += _based_in(ctx, org, after[:1], "ORG来自REGION")
    return out


# the verbs that say where a place lies (地处浙江省, 位于乌镇镇的会展中心)
LIES_IN = "地处|位于|坐落于|坐落在"


def regions_together(ctx: _Context) -> list[Fact]:
    """"阿联酋迪拜", "沙特阿拉伯首都利雅得": a place written right after the larger place the lexicon
    puts it in."""
    out = []
    regions = _regions(ctx)
    for a, b in zip(regions, regions[1:]):
        if a.end == b.start or CAPITAL.fullmatch(ctx.between(a.end, b.start)):
            ea = ctx.resolution.entities[ctx.key(a)].lexicon_key
            eb = ctx.resolution.entities[ctx.key(b)].lexicon_key
            if ea and eb and ea in {e.name for e in ctx.lexicon.ancestors(eb)}:
                out.append(ctx.fact("locatedIn", {"entity": ctx.key(b), "region": ctx.key(a)}, [a, b], a.start,
                                    "REGION REGION written together"))
                out += _listed_after_their_region(ctx, regions, a, b)
            elif ea and not eb and a.end == b.start and (b.method in ("pattern:town", "pattern:place-in-parentheses")
                                                         and re.search(r"(?:镇|乡|街道)$", b.text)
                                                         or b.method == "pattern:place-after-country"):
                # 桐乡市洲泉镇: a town printed after its county; 在德国安贝格: a town after its country
                rule = "COUNTRY TOWN written together" if b.method == "pattern:place-after-country" \
                    else "COUNTY TOWN written together"
                out.append(ctx.fact("locatedIn", {"entity": ctx.key(b), "region": ctx.key(a)}, [a, b], a.start, rule))
            elif not eb and a.end == b.start and re.search(r"(?:镇|乡|街道)$", a.text) \
                    and re.search(r"(?:村|社区)$", b.text) and len(b.text) >= 3:
                # 高桥街道越丰村: a village printed after its town
                out.append(ctx.fact("locatedIn", {"entity": ctx.key(b), "region": ctx.key(a)}, [a, b], a.start,
                                    "TOWN VILLAGE written together"))
            elif ea and not eb and a.end == b.start and not a.nested and not b.nested \
                    and b.method == "pattern:name-ending" and not re.search(rf"(?:{LIES_IN})$", ctx.between(
                        max(0, a.start - 4), a.start)):
                # 湾仔|香港会议展览中心: the district printed before a venue is where the venue is
                out.append(ctx.fact("locatedIn", {"entity": ctx.key(b), "region": ctx.key(a)}, [a, b], a.start,
                                    "REGION VENUE written together"))
    # 新加坡、印尼等东南亚国家: the places listed lie in the region that names their kind
    for s in _all_sentences(ctx):
        t = _simple(s)
        for m in re.finditer(r"等([\u4e00-\u9fff]{2,6}?)(?:国家|地区|城市|经济体)", t):
            region = next((r for r in ctx.in_span(s, {"Region"}) if _index_in(s, r.start) == m.start(1)
                           and _index_in(s, r.end) == m.end(1)), None)
            if region is None:
                continue
            for place in _list_heads(ctx, s, _clause_start(t, m.start()), m.start(), {"Region"}):
                if ctx.key(place) != ctx.key(region):
                    out.append(ctx.fact("locatedIn", {"entity": ctx.key(place), "region": ctx.key(region)},
                                        [place, region], s.start, "LIST等REGION国家"))
    # 乌镇镇地处浙江省嘉兴市桐乡市北部, 位于乌镇镇的乌镇互联网国际会展中心: where a place lies, said
    for a in (r for r in regions if not r.nested):
        said = re.match(LIES_IN, ctx.between(a.end, a.end + 4))
        if said:
            chain = _written_together([r for r in regions if r.start >= a.end + len(said.group())
                                       and not r.nested], ctx)
            if chain and ctx.between(a.end, chain[0].start) == said.group() and ctx.key(chain[-1]) != ctx.key(a):
                out.append(ctx.fact("locatedIn", {"entity": ctx.key(a), "region": ctx.key(chain[-1])},
                                    [a, chain[-1]], a.start, "REGION地处REGION"))
        placed = re.search(rf"(?:{LIES_IN})$", ctx.between(max(0, a.start - 4), a.start))
        venue = next((r for r in regions if r.start == a.end + 1 and not r.nested and r.method == "pattern:name-ending"),
                     None)
        if placed and venue is not None and ctx.between(a.end, venue.start) == "的":
            out.append(ctx.fact("locatedIn", {"entity": ctx.key(venue), "region": ctx.key(a)}, [venue, a], a.start,
                                "位于REGION的VENUE"))
    return out


def _listed_after_their_region(ctx: _Context, regions: list[Mention], a: Mention, b: Mention) -> list[Fact]:
    """浙江省宁波市、衢州市: the places listed after the first, of its level, lie in the same larger place."""
    out, prev = [], b
    level = ctx.lexicon.entries[ctx.resolution.entities[ctx.key(b)].lexicon_key].level
    ea = ctx.resolution.entities[ctx.key(a)].lexicon_key
    for c in (r for r in regions if r.start > b.start and not r.nested):
        ec = ctx.resolution.entities[ctx.key(c)].lexicon_key
        if ctx.between(prev.end, c.start) not in ("、", "和", "及", "与") or not ec \
                or ctx.lexicon.entries[ec].level != level or ea not in {e.name for e in ctx.lexicon.ancestors(ec)}:
            break
        out.append(ctx.fact("locatedIn", {"entity": ctx.key(c), "region": ctx.key(a)}, [a, c], a.start,
                            "REGION REGION、REGION written together"))
        prev = c
    return out


WHEN = re.compile(r"(?:决赛|总决赛|复赛|开幕式|闭幕式|颁奖典礼|颁奖仪式|(?:19|20)\d\d年(?:\d{1,2}月)?|\d{1,2}月(?!\d)|[一二三四五六七八九十廿卅]{1,3}日|(?:\d{1,2}月)?\d{1,2}日(?:[至到—-](?:\d{1,2}月)?\d{1,2}日)|"
                  r"\d{1,2}月\d{1,2}日|\d{1,2}日|(?:周|星期)[一二三四五六日天](?:[（(](?:\d{1,2}月)?\d{1,2}日[)）])?|[（(](?:\d{1,2}月)?\d{1,2}日[)）]|[上下]午|晚间|当天|当日|同日|同期|今天|昨天|今日|昨日|日前|近日|"
                  r"将|已|已经|曾|首次|首度|正式|再次|隆重|于|继续|仍将|仍|也|还)*")
VENUE = re.compile(r"[\u4e00-\u9fff]{1,10}?(?:中心|馆|会场|酒店|宾馆|广场|大厦|园区|小镇|剧院)")


def held_in(ctx: _Context) -> list[Fact]:
    """"EVENT亮相REGION", "EVENT(20日)在REGION(REGION…)(VENUE)开幕/举行"."""
    out = []
    at_verb = re.compile(f"(?:成功|顺利|隆重|盛大)?(?:{'|'.join(cues.EVENT_AT_VERBS)})")  # 在北京成功举行
    regions = [r for r in _regions(ctx) if not r.nested]
    for ev in (m for m in ctx.top if ctx.type(m) == "Event"):
        lead = ctx.between(ev.end, ev.end + 40)
        # 「2025世界互联网大会亚太峰会」日前在香港落幕; …亚太峰会（以下简称「亚太峰会」）昨日在…
        closing = re.match(r"[”」』\"]*(?:[（(](?:[^（）()]{1,24}|[A-Za-z0-9][A-Za-z0-9&.,' \-]{1,80})[)）])?",
                           ctx.between(ev.end, ev.end + 120)).end()
        lead = ctx.between(ev.end, ev.end + closing + 40)
        when = WHEN.match(lead, closing)
        lead = lead[when.end():]
        verb_first = re.match(r"亮相|落户|落地|走进|设在", lead)  # 亮相乌镇: the verbs that take the place after them
        if not verb_first and not lead.startswith("在"):
            continue
        cursor = _offset_after(ctx, ev.end, when.end() + (verb_first.end() if verb_first else 1))
        chain = _written_together([r for r in regions if r.start >= cursor], ctx)
        if not chain or ctx.between(cursor, chain[0].start):
            continue
        rest = ctx.between(chain[-1].end, chain[-1].end + 24)
        venue = VENUE.match(rest)
        after_venue = re.sub(r"^[（(][A-Za-z]{2,10}[)）]", "", rest[venue.end() if venue else 0:])  # （HKCEC）
        after_venue = re.sub(r"^以[^，。；]{1,16}?(?:方式|形式)", "", after_venue)  # 以线上线下相结合的方式|举行
        if verb_first or at_verb.match(after_venue):
            # a venue named after its city (香港会议展览中心) puts the event in that city too
            if len(chain) > 1 and ctx.resolution.entities[ctx.key(chain[-1])].lexicon_key == "":
                chain = chain[-1:]  # 在湾仔|香港会议展览中心: held in the venue, which is in the district
            cities = [r for r in _regions(ctx) if r.nested and r.start == chain[0].start and r.end < chain[0].end
                      and ctx.resolution.entities[ctx.key(chain[0])].lexicon_key == ""]
            out += [ctx.fact("heldIn", {"event": ctx.key(ev), "region": ctx.key(r)}, [ev, r], ev.start,
                             "EVENT 亮相/在 REGION 举行") for r in chain + cities[:1]]
    # "乌镇是世界互联网大会乌镇峰会的永久举办地": the place the sentence opens with, the event it hosts
    for ev in (m for m in ctx.top if ctx.type(m) == "Event"):
        if not re.match(r"的?(?:永久|固定|主)?(?:举办地|会址|所在地|举办城市)", ctx.between(ev.end, ev.end + 8)) \
                or not re.search(r"是$", ctx.between(max(0, ev.start - 2), ev.start)):
            continue
        sentence = ctx.sentence(ev.start)
        subject = next((r for r in regions if sentence.start <= r.start < ev.start
                        and re.fullmatch(r"[^。；]*?是", ctx.between(r.end, ev.start))), None)
        if subject is not None:
            out.append(ctx.fact("heldIn", {"event": ctx.key(ev), "region": ctx.key(subject)}, [ev, subject],
                                subject.start, "REGION是EVENT的举办地"))
    # "在山东曲阜举办的EVENT": the place before the verb, the event after 的 (or right after it)
    for ev in (m for m in ctx.top if ctx.type(m) == "Event"):
        # 在法国巴黎联合举办|数字包容高级别研讨会: the event right after the verb, too
        verb = re.search(rf"(?:联合|共同)?(?:{at_verb.pattern})的?$", ctx.between(max(0, ev.start - 8), ev.start))
        if verb is None:
            continue
        last = next((r for r in regions if r.end <= ev.start and ctx.between(r.end, ev.start) == verb.group()), None)
        chain = _places_written_up_to(regions, last.end) if last is not None else []  # 山东|曲阜
        if chain and ctx.between(max(0, chain[0].start - 1), chain[0].start) == "在":
            out += [ctx.fact("heldIn", {"event": ctx.key(ev), "region": ctx.key(r)}, [ev, r], chain[0].start,
                             "在 REGION 举办的 EVENT") for r in chain]
    # "论坛由…主办，在基加利会议中心举行": a later clause of a sentence about the event by its head noun;
    # "本届博览会设在…": the sentence opens with it
    for s in _all_sentences(ctx):
        t = _simple(s)
        subject = HEAD_SUBJECT.match(t)
        ev = _event_named_by_head(ctx, subject.group(1)) if subject else None
        if ev is None:
            continue
        for m in re.finditer(r"(?:[，,]|^" + EVENT_BY_HEAD + r")(?:主会场|主场|会场)?(?P<verb>设在|在)", t):
            chain = _written_together([r for r in regions if _index_in(s, r.start) >= m.end()], ctx)
            if not chain or _index_in(s, chain[0].start) != m.end():
                continue
            if m.group("verb") == "设在" or at_verb.match(t, _index_in(s, chain[-1].end)):
                out += [ctx.fact("heldIn", {"event": ctx.key(ev), "region": ctx.key(r)}, [ev, r], s.start,
                                 "(论坛)…，在 REGION 举行") for r in chain]
    return out


HEAD_SUBJECT = re.compile(EVENT_BY_HEAD + r"(?:由|将|于|共|吸引|为期|以|设在)")


# ============================================================================ organisers, participants, exhibits, members

def _offset_after(ctx: _Context, start: int, n: int) -> int:
    """The page offset n non-space characters after ``start``."""
    pos = start
    while n > 0 and pos < len(ctx.text):
        if not ctx.text[pos].isspace():
            n -= 1
        pos += 1
    return pos


def _principal_event(ctx: _Context) -> Mention | None:
    events = [m for m in ctx.top if ctx.type(m) == "Event"]
    if not events:
        return None
    quoted = [m for m in events if m.method == "pattern:quoted-event"]
    return (quoted or events)[0]


def organisers(ctx: _Context) -> list[Fact]:
    out = []
    for s in _all_sentences(ctx):
        t = _simple(s)
        for m in cues.ORGANIZE_VERBS.finditer(t):
            by = t.rfind("由", 0, m.start())
            if by < 0:
                continue
            orgs = ctx.in_span(s.sub(by, m.start()), ORG_FAMILY)
            principal = _principal_event(ctx)
            subject = ctx.in_span(s.sub(0, by), {"Event"}) or ([principal] if principal else [])
            for ev in subject[:1]:
                for o in orgs:
                    out.append(ctx.fact("organizedBy", {"event": ctx.key(ev), "organization": ctx.key(o)},
                                        [ev, o], o.start, "由ORG主办"))
        # "ORG发起INITIATIVE"
        for ini in ctx.in_span(s, {"Initiative"}):
            k = _index_in(s, ini.start)
            if re.search(r"(?:发起|推出|启动|牵头)$", t[:k]):
                orgs = [o for o in ctx.in_span(s, ORG_FAMILY) if o.end <= ini.start]
                if orgs and re.match(r"等[^，。；]{0,16}(?:共同|联合)?(?:发起|推出|启动|牵头)$", t[_index_in(s, orgs[-1].end):k]):
                    # A、B等20余家机构共同发起…: every body of the list
                    last = _index_in(s, orgs[-1].end)
                    orgs = _list_heads(ctx, s, _clause_start(t, last), last, ORG_FAMILY) or orgs[-1:]
                else:
                    orgs = orgs[-1:]
                for org in orgs:
                    out.append(ctx.fact("organizedBy", {"event": ctx.key(ini), "organization": ctx.key(org)},
                                        [ini, org], ini.start, "ORG发起INITIATIVE"))
    return out


def participants(ctx: _Context) -> list[Fact]:
    out = []
    for block in ctx.blocks:
        sentences = _sentences(block)
        for n, s in enumerate(sentences):
            t = _simple(s)
            if "参与其中" in t or "加入其中" in t:
                k = t.find("其中")
                targets = [m for m in ctx.in_span(s.sub(0, k), {"Initiative", "Event"})]
                if targets:
                    target = targets[-1]
                    for a in ctx.in_span(s.sub(_index_in(s, target.end), k), AGENTS):
                        out.append(ctx.fact("participatedIn", {"participant": ctx.key(a), "event": ctx.key(target)},
                                            [a, target], a.start, "LIST…参与其中"))
            for m in re.finditer(r"参加|参会|出席|亮相", t):
                evs = [e for e in ctx.in_span(s, {"Event"}) if _index_in(s, e.start) >= m.end()
                       and _index_in(s, e.start) - m.end() <= 2]
                subj = [a for a in ctx.in_span(s.sub(0, m.start()), AGENTS)]
                if evs and subj:
                    out.append(ctx.fact("participatedIn", {"participant": ctx.key(subj[0]), "event": ctx.key(evs[0])},
                                        [subj[0], evs[0]], subj[0].start, "ORG…参加EVENT"))
    return out


def exhibits(ctx: _Context) -> list[Fact]:
    ev = _principal_event(ctx)
    if ev is None or not simplified_same_length(ctx.resolution.entities[ctx.key(ev)].name).endswith(
            ("展", "展览", "博览会", "展览会")):
        return []
    return [ctx.fact("exhibitedAt", {"product": ctx.key(p), "event": ctx.key(ev)}, [p, ev], p.start,
                     "products of an exhibition report")
            for p in ctx.top if ctx.type(p) == "Product"]


JOINS = re.compile(r"(?:正式|首批|新)?(?:加入|成为)")
JOINED_TOO = re.compile(r"同批加入的?[，,]?(?:还有|包括)|(?:一同|同时|同批)加入的还有")


def joined(ctx: _Context) -> list[Fact]:
    """"DCO正式成为世界互联网大会会员", "A、B加入世界互联网大会", and "与A同批加入的，还有B和C"
    (the body they joined is the one named before)."""
    out = []
    parent = None
    for s in _all_sentences(ctx):
        t = _simple(s)
        bare = re.sub(r"[（(][^（）()]*[)）]", lambda p: "　" * len(p.group()), t)  # commas inside (…) end no clause
        for m in JOINS.finditer(t):
            bodies = [o for o in ctx.in_span(s, ORG_FAMILY) if _index_in(s, o.start) == m.end()]
            if not bodies or not re.match(r"(?:的)?(?:会员|成员|会员单位|成员单位)|[，,。；]|$", t[_index_in(s, bodies[0].end):]):
                continue
            parent = bodies[0]
            start = _clause_start(bare, m.start())
            joiners = _list_heads(ctx, s, start, m.start())
            if not joiners and start > 0:  # "A与B签署协议，正式成为B的会员": the subject of the clause before
                before = _clause_start(bare, start - 1)
                joiners = [o for o in ctx.in_span(s, ORG_FAMILY) if _index_in(s, o.start) == before]
            for org in joiners:
                if ctx.type(org) in ORG_FAMILY and ctx.key(org) != ctx.key(parent):
                    out.append(ctx.fact("memberOf", {"member": ctx.key(org), "parent": ctx.key(parent)},
                                        [org, parent], org.start, "ORG加入/成为ORG会员"))
        too = JOINED_TOO.search(t)
        if too and parent is not None:
            end = next((k for k in range(too.end(), len(t)) if t[k] in "。；;"), len(t))
            for org in _list_heads(ctx, s, too.end(), end):
                if ctx.type(org) in ORG_FAMILY:
                    out.append(ctx.fact("memberOf", {"member": ctx.key(org), "parent": ctx.key(parent)},
                                        [org, parent], org.start, "同批加入的还有LIST"))
    return out


def members(ctx: _Context) -> list[Fact]:
    out = []
    standalone = {ctx.key(m) for m in ctx.mentions if not m.nested}
    for outer in ctx.top:
        if ctx.type(outer) not in ORG_FAMILY:
            continue
        for inner in ctx.mentions:
            if not (inner.nested and inner.start == outer.start and inner.end < outer.end
                    and ctx.type(inner) in ORG_FAMILY) or ctx.key(inner) == ctx.key(outer):
                continue
            if inner.method == "pattern:same-name" and ctx.key(inner) not in standalone:
                continue  # 中控 in 中控技术: a piece of the company's own short name, not a parent named on its own
            out.append(ctx.fact("memberOf", {"member": ctx.key(outer), "parent": ctx.key(inner)},
                                [outer, inner], outer.start, "name opens with the parent's"))
    # 香港特区政府|创新科技及工业局: a government, then one of its bureaus written right after it
    for government, unit in zip(ctx.top, ctx.top[1:]):
        if ctx.type(government) == "GovernmentBody" and ctx.type(unit) == "GovernmentBody" \
                and government.end == unit.start and ctx.between(government.start, government.end).endswith("政府"):
            out.append(ctx.fact("memberOf", {"member": ctx.key(unit), "parent": ctx.key(government)},
                                [unit, government], unit.start, "GOVERNMENT|UNIT"))
    return out


RULES: list[Callable[[_Context], list[Fact]]] = [
    reporters, positions, positions_title_after_name, positions_after_copula, anaphoric_positions, subject_positions,
    local_positions,
    roster_positions, bio_positions, joined_positions, subtitle_positions, posts_under_a_heading,
    quotes, conferments, honours_table, reports, report_fields,
    place_in_parentheses, row_with_place, companies_counted_by_place, place_that_opens_the_name, headquarters, listed_by_place,
    listed_then_placed,
    coming_from, regions_together, held_in,
    organisers, participants, exhibits, members, joined,
]
