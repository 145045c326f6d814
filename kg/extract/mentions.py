"""Articles -> mentions: the names in each article, typed, with their page offsets.

Three layers, each usable alone (``layers``):
- ``lexicon``: regions and international organisations from the reference lexicon;
- ``patterns``: how news names its actors (bylines, title chains ORG+TITLE+NAME, quote verbs,
  appositions, lists, 《》 titles, quoted names with a head noun, name endings, "X(国家)");
- ``tagger``: jieba's part-of-speech tags, for person names no pattern saw.
A last pass, ``same-name``, finds again in every article the names that any layer found
somewhere in the corpus (a name found once is that name everywhere).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.extract import cues
from kg.extract.lexicon import Lexicon
from kg.extract.normalize import chars_in_order
from kg.extract.segment import dictionary_entry, name_tags, tag
from kg.model import Article, Mention, Page, Span
from kg.read.articles import AUTHOR, AUTHOR_LINE, CLOSING_PHOTO_CREDIT, CREDIT, NAME_LINE
from kg.read.script import simplified_same_length

ALL_LAYERS = frozenset({"lexicon", "patterns", "tagger"})
ORG_TYPES = {"Organization", "Company", "GovernmentBody"}
HYPHENS = ("-", "－", "—", "–")


@dataclass(slots=True)
class Candidate:
    """A name found in a block of text (offsets into the block's repaired text)."""

    start: int
    end: int
    type: str  # an entity type, or "Title" (a job title: blocks names inside it, is no entity)
    method: str
    strength: int  # 1 weak (a guess), 2 a pattern, 3 a pattern that leaves no doubt
    key: str = ""  # lexicon entry name
    text: str = ""
    nested: bool = False  # kept inside a longer name

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end

    def inside(self, other: Candidate) -> bool:
        return other.start <= self.start and self.end <= other.end and (self.start, self.end) != (
            other.start, other.end)


@dataclass(slots=True)
class Block:
    """A headline or a body paragraph, with the candidates found in it."""

    span: Span
    is_title: bool
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.span.repaired


# the units of a police bureau, named before their head's title (刑侦大队副大队长)
POLICE_UNITS = ("大队", "支队", "中队")
# a police force, and the endings of its units, which are written into the title of their officers
# (宁波市公安局鄞州公安分局|刑侦大队副大队长, 香港警务处|网络安全及科技罪案调查科高级警司)
POLICE_FORCE = re.compile(r"公安分局|公安局|警务处|警察局|警察厅|警政署")
POLICE_UNIT_ENDINGS = ("队", "科", "组", "课", "股")

# ============================================================================ entry points

def extract_mentions(articles: list[Article], lexicon: Lexicon, layers: Iterable[str] = ALL_LAYERS,
                     pages: dict[str, Page] | None = None) -> dict[str, list[Mention]]:
    """All mentions of every article, keyed by article id, in text order.

    Two passes: the first finds names; the names it is sure of are then known everywhere, so
    the second pass finds them again in every article (method ``pattern:same-name``) and lets a
    longer name that contains one count as a proper name."""
    layers = frozenset(layers)
    blocks = {a.article_id: _blocks(a) for a in articles}
    known: dict[str, str] = {}
    for bl in blocks.values():
        for block in bl:
            for c in _select(find_candidates(block.text, lexicon, layers, is_title=block.is_title), block.text):
                if c.strength >= 2 and not c.nested and len(c.text) >= 2 and not c.key:
                    known.setdefault(simplified_same_length(c.text), c.type)
    for name in [n for n in known if _field_of_known_office(n, known)]:
        del known[name]  # 数字政策, read before a title, is the field of 数字政策办公室 named elsewhere
    for name in [n for n, typ in known.items() if typ == "GovernmentBody" and n.endswith("部") and _unit_of_known_company(n, known)]:
        del known[name]  # 科大讯飞品牌公关部: a department of a firm named elsewhere, read by its ending alone
    # short forms found again too: 中国巨石 once 中国巨石股份有限公司 is named (the firm without its legal
    # form), 占塔冯副部长 once 本哈·占塔冯 is (a transliterated name by its last part)
    short_forms = {trade: typ for name, typ in known.items()
                   if typ == "Company" and (trade := _trade_name(name)) != name and len(trade) >= 3
                   and trade not in known}
    short_forms |= {last: "Person" for name, typ in known.items() if typ == "Person"
                    and len(last := re.split(f"[{cues.DOTS}]", name)[-1]) >= 3 and last != name and last not in known}
    result: dict[str, list[Mention]] = {}
    for article in articles:
        mentions: list[Mention] = []
        series_named = False  # an award the article named before (for the categories that follow)
        for block in blocks[article.article_id]:
            found = find_candidates(block.text, lexicon, layers, is_title=block.is_title, known=known)
            found += _same_name(block.text, known) + _same_name(block.text, short_forms)
            page_text = pages[article.source].text if pages else None
            for c in _select(found, block.text, known):
                if c.type == "Award":
                    if series_named and (_category_of_series(block.text, c) or c.method == "pattern:award-heading"):
                        c.type, c.method = "AwardCategory", "pattern:category-of-series"
                    else:
                        series_named = True
                a, b = block.span.page_range(c.start, c.end)
                surface = page_text[a:b] if page_text is not None else c.text
                mentions.append(Mention(article.article_id, a, b, surface, c.text, c.type, c.method, c.key,
                                        nested=c.nested))
        mentions.extend(_byline_mentions(article, lexicon))
        result[article.article_id] = _dedupe(mentions)
    return result


def find_candidates(text: str, lexicon: Lexicon, layers: frozenset[str] = ALL_LAYERS,
                    is_title: bool = False, known: dict[str, str] | None = None) -> list[Candidate]:
    """Every candidate name in one block of text, from the chosen layers (overlaps kept).
    ``known``: names found elsewhere in the corpus, which make a longer name distinctive."""
    original = text
    text = simplified_same_length(text)  # patterns are written in simplified characters
    # 🌐乌镇峰会, 2️⃣ 华为: a picture or a keycap is no part of a name; a space keeps the offsets
    text = "".join(" " if unicodedata.category(ch) in ("So", "Me") or ch in "\ufe0f\u200d" else ch for ch in text)
    found: list[Candidate] = []
    known = known or {}
    words = tag(text)
    if "lexicon" in layers:
        found += _lexicon(text, lexicon, words)
    tagged = _tagger(text, lexicon, words, found) if "tagger" in layers else []
    if "lexicon" in layers:
        found += _places_both_layers_read(text, tagged, lexicon)
        found += _places_listed_with_places(text, found, lexicon, words)
    hints = {c.end: c.start for c in tagged if c.type in ORG_TYPES}  # where the tagger starts an organisation
    if "patterns" in layers:
        found += _titles_and_names(text, lexicon, words, hints, {c.start: c.end for c in tagged if c.type in ORG_TYPES},
                                   known)
        found += _foreign_names(text, lexicon)
        found += _credits(text, lexicon)
        found += _speakers(text, lexicon, found)
        found += _quoted_names(text, found, [c for c in tagged if c.type in ORG_TYPES])
        found += _book_titles(text)
        found += _suffix_names(text, lexicon, words, found, known, hints)
        found += _roster(text, lexicon, found + [c for c in tagged if c.type in ORG_TYPES])
        found += _name_alone(text, lexicon, is_title)
        found += _authors(text)
        found += _table_row(text, lexicon, found)
        found += _events(text, lexicon, words, found, known)
        found += _programmes(text, words, found)
        found += _awards(text, words, found, known)
        found += _categories(text, words, found)
        found += _lists(text, lexicon, found)
        found += _parentheses(text, lexicon, words, found)
        found += _placed_list_items(text, lexicon, found, tagged)
        found += _products(text, found, words, tagged, known)
        found += _towns(text, lexicon, found)
        found += _places_after_country(text, lexicon, found)
        found += _signing_partners(text, words, found, lexicon)
        found += _from_place(text, lexicon, found)
        found += _latin_makers(text, found)
        found += _described_names(text, found, lexicon, words)
        found += _stands(text, lexicon, found, tagged, known)
        found += _placed_exhibitors(text, words, found, tagged, known)
        found += _bureaus_after_their_government(text, found, lexicon)
    # 华为与|卢旺达信息社会管理局: an organisation joined by 与 to one the patterns found
    orgs_after = {o.start - 1 for o in found if o.type in ORG_TYPES}  # where the 与 before them stands
    orgs_before = {o.end for o in found if o.type in ORG_TYPES}  # where the 与 after them stands
    titles_end = {c.end for c in found if c.type == "Title"}
    _raise_where_layers_agree(text, found, tagged, lexicon)
    for c in tagged:
        if c.method == "tagger:bare" and c.type == "Person" and c.start in titles_end:
            c.method = "tagger"  # 美国总统|特朗普: a name the title pattern could not read, after a title
        if c.method == "tagger:bare" and c.type in ORG_TYPES and (
                text[c.end:c.end + 1] == "与" and c.end in orgs_after
                or text[c.start - 1:c.start] == "与" and c.start - 1 in orgs_before):
            c.method = "tagger"
    found += tagged
    for c in found:
        post = POST_VERB.match(text, c.start) if c.type in ORG_TYPES else None
        if post and c.end - post.end() >= 2:
            c.start = post.end()  # 现任|清华大学…, 曾任|微软亚洲研究院: the verb of a bio, not the name
        if c.type == "Organization":
            c.start = _past_country_of_named_body(text, c.start, c.end, lexicon)
        c.text = original[c.start:c.end]  # the name as written
    return [c for c in found if c.end > c.start]


# the verbs a bio puts before a post, never the first words of an organisation's name
POST_VERB = re.compile(r"(?:现任|曾任|兼任|历任|担任|出任|(?<=[曾现兼历])任)")


def _past_country_of_named_body(text: str, start: int, end: int, lexicon: Lexicon) -> int:
    """英国|剑桥大学, 肯尼亚|内罗毕大学, 德国|弗劳恩霍夫协会: the country printed before a university or
    a society named for a place or a person says where it is and is no part of its name; 新加坡国立大学
    and 中国互联网协会 keep it (国立, 互联网 name nothing)."""
    name = simplified_same_length(text[start:end])
    ending = next((e for e in ("大学", "学院", "协会", "学会") if name.endswith(e)), None)
    if ending is None:
        return start
    n = next((n for n in range(min(5, len(name)), 1, -1)
              if (e := lexicon.lookup(name[:n])) is not None and e.level == "country"), 0)  # 印度尼西亚, not 印度
    proper = name[n:len(name) - len(ending)]
    if n == 0 or len(proper) < 2:
        return start
    place = lexicon.lookup(proper)
    if place is not None and place.type == "Region" or all(t.startswith(("nr", "ns")) for _, t, _ in tag(proper)):
        return start + n
    return start


def recognize(text: str, lexicon: Lexicon, layers: Iterable[str] = ALL_LAYERS,
              keep_titles: bool = False) -> list[Candidate]:
    """The names in one piece of text, as the build would choose them (no corpus context).
    With ``keep_titles`` the job titles found are returned too (type "Title"), for
    benchmarks that label positions."""
    found = find_candidates(text, lexicon, frozenset(layers))
    chosen = _select(found, text)
    if keep_titles:
        titles = {(c.start, c.end): c for c in found if c.type == "Title" and not any(o.overlaps(c) for o in chosen)}
        chosen += list(titles.values())
    return sorted(chosen, key=lambda c: (c.start, c.end))


def _category_of_series(text: str, c: Candidate) -> bool:
    """获评“领军人才”的有2人, after the article named its award: a conferred title that sorts the
    winners of that award is one of its categories."""
    return (c.method == "pattern:quoted-award" and not c.text.endswith(cues.AWARD_ENDINGS)
            and bool(cues.AWARD_CONFERRED.search(text[:max(0, c.start - 1)]))
            and bool(cues.CATEGORY_OF_SERIES.match(text, c.end)))


def _blocks(article: Article) -> list[Block]:
    out = [Block(line, True) for line in article.headlines]
    out += [Block(p, False) for p in article.paragraphs]
    return out


def _byline_mentions(article: Article, lexicon: Lexicon) -> list[Mention]:
    """The reporters of the byline, and its dateline place (本报乌镇…电: 乌镇; 浙江乌镇: 浙江, 乌镇)."""
    byline = article.byline
    if byline is None:
        return []
    out = [Mention(article.article_id, a, b, name, name, "Person", "pattern:byline")
           for name, a, b in byline.reporters]
    if byline.place_span and byline.place and byline.place not in cues.AGENCIES:
        a, b = byline.place_span
        for i, j in _places_in_a_row(byline.place, lexicon) or [(0, b - a)]:
            place = byline.place[i:j]
            out.append(Mention(article.article_id, a + i, a + j, place, place, "Region", "pattern:dateline"))
    return out


def _places_in_a_row(text: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """浙江乌镇 as 浙江 + 乌镇: the places of the lexicon that, one after another, make up the text."""
    out, i = [], 0
    simple = simplified_same_length(text)
    while i < len(simple):
        j = next((j for j in range(len(simple), i + 1, -1)
                  if (e := lexicon.lookup(simple[i:j])) is not None and e.type == "Region"), None)
        if j is None:
            return []
        out.append((i, j))
        i = j
    return out if len(out) >= 2 else []


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen, out = set(), []
    # a reporter credited inside a paragraph ("…开幕。(本报记者 周航)") is the byline's mention
    for m in sorted(mentions, key=lambda m: (m.start, -m.end, m.type, m.method != "pattern:byline")):
        if (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            out.append(m)
    return out


# ============================================================================ selection

def _select(candidates: list[Candidate], text: str, known: dict[str, str] | None = None) -> list[Candidate]:
    """Keep the best non-overlapping names. Nested names are kept inside a longer one only
    where the longer name is built on them: the places that open an organisation's name or one
    of its units (阿联酋迪拜…管理局, 宁波市公安局鄞州公安分局), an edition inside a sub-event
    (2025年…峰会 in 2025年…峰会主论坛), and a parent known on its own elsewhere."""
    known = known or {}
    # at equal strength and span the lexicon's reading wins (世界经济论坛 is an organisation, not an event)
    ranked = sorted(candidates, key=lambda c: (-c.strength, -(c.end - c.start), c.start, not c.method.startswith("lexicon"),
                                               c.type))
    chosen: list[Candidate] = []
    for c in ranked:
        clash = [o for o in chosen if o.overlaps(c)]
        if not clash:
            chosen.append(c)
            continue
        if c.type == "Title":
            continue
        outer = [o for o in clash if c.inside(o) and not o.nested]
        inner_ok = [o for o in clash if o.nested and not o.overlaps(c)]
        if outer and len(outer) + len(inner_ok) == len(clash) and all(_may_nest(c, o, text, chosen, known) for o in outer):
            c.nested = True
            chosen.append(c)
    return sorted((c for c in chosen if c.type != "Title"), key=lambda c: (c.start, c.end))


UNIT_ENDINGS = ("局", "厅", "委", "办", "部", "院", "会", "处", "所", "署")


def _may_nest(inner: Candidate, outer: Candidate, text: str, chosen: list[Candidate], known: dict[str, str]) -> bool:
    if outer.type == "Title" or inner.start == outer.start and inner.end == outer.end:
        return False
    head = simplified_same_length(text[outer.start:inner.start])  # 首屆, 市政府辦 as well
    if outer.method == "pattern:listed-with-place" and not inner.method.startswith("lexicon"):
        return False  # 黑湖|智造: a name read whole from its list has no parts the tagger guessed
    if inner.type == "Region":
        venue = outer.type == "Region" and outer.method == "pattern:name-ending" and inner.method == "lexicon"  # 香港|会议展览中心
        if outer.type not in ORG_TYPES | {"Event"} and not venue:
            return False
        chained = any(o.nested and o.type == "Region" and o.end == inner.start and outer.start <= o.start
                      for o in chosen)
        return head == "" or chained or head.endswith(UNIT_ENDINGS)
    if inner.type in ORG_TYPES | {"Event"} and outer.type in ORG_TYPES | {"Event", "Initiative", "Report"}:
        name = simplified_same_length(inner.text)
        edition = inner.type == "Event" and re.match(r"(?:(?:19|20)\d\d年?|首届|第.{1,3}届)", name)
        parent = known.get(name) in ORG_TYPES | {"Event"}
        # 2025年|世界互联网大会|乌镇峰会: an organisation of the lexicon that holds the event opens its name
        holder = inner.type in ORG_TYPES and inner.method.startswith("lexicon") and outer.type == "Event" \
            and EDITION.fullmatch(head) is not None
        return head == "" and (bool(edition) or parent) or holder
    if inner.type == "Award" and outer.type == "Event" and EDITION.fullmatch(head) is not None \
            and AWARD_CEREMONY.fullmatch(simplified_same_length(text[inner.end:outer.end])):  # 發布活動 too
        return True  # 2024年|世界互联网大会领先科技奖|发布活动: the award the ceremony gives is named in it
    return False


AWARD_CEREMONY = re.compile(r"(?:发布|颁奖|揭晓)(?:活动|典礼|仪式|会|礼)")


EDITION = re.compile(r"(?:(?:19|20)\d\d年?度?|首届|第.{1,3}届)?")


# ============================================================================ lexicon layer

MEASURE_WORDS = "项座个家条所批位名次种届"


def _lexicon(text: str, lexicon: Lexicon, words) -> list[Candidate]:
    """Longest lexicon names. A short form of a city, county or town (浙江, 鄞州), and a
    country's short form the dictionary knows as another word (海地, 加纳), must also be a whole
    word for the segmenter, so that 云安 (a county) is not read inside 云安全联盟."""
    bounds = {s for _, _, s in words} | {s + len(w) for w, _, s in words}
    out = []
    i, n = 0, len(text)
    while i < n:
        for length in range(min(lexicon.longest_surface, n - i), 1, -1):
            surface = text[i:i + length]
            entry = lexicon.lookup(surface)
            if entry is None:
                continue
            a, b = i, i + length
            if _inside_latin_word(text, a, b):
                continue
            if out and out[-1].start < a < out[-1].end < b:
                continue  # 肯尼|亚信|息: a name that starts inside the last one read and runs past it
            if text[a] in MEASURE_WORDS and re.match(r"[一二两三四五六七八九十几数每多\d]", text[a - 1:a]):
                continue  # 一项|城市 (项城市): the measure word after a number opens no place's name
            short = surface != entry.name and (entry.level in ("city", "county", "town")
                                               or entry.level == "country" and not _place_word(surface))
            if short and (a not in bounds or b not in bounds):
                continue  # 海地 in 沿海地区, 加纳 in 增加纳税
            if surface != entry.name and entry.level == "country" and _country_pair(surface, lexicon):
                continue  # 中非合作: China and Africa, not the Central African Republic
            if short and entry.level in ("county", "town") and (_common_verb(surface) or re.match(
                    r"[了着过]|[一两几][座个家条所批项]", text[b:b + 2])):
                continue  # 新建|一座 (新建区): a district's short form used as the everyday verb
            # "中东" + "地区" reads as one place name
            if text.startswith("地区", b) and entry.type == "Region" and entry.level in ("macro", "country"):
                b += 2
            if entry.level == "macro" and surface != entry.name and (
                    re.search(r"[洲亚新旧]$", text[:a]) or re.match(r"[架性漂]", text[b:b + 1])):
                break  # 非洲大陆, 新大陆, 大陆架: a continent, not China's mainland
            if entry.type == "GovernmentBody" and text.startswith("门", b):
                break  # 公安部门: the police in general, not the Ministry of Public Security
            if _language(text, b, entry):
                break
            out.append(Candidate(a, b, entry.type, "lexicon", 2, key=entry.name))
            break
        i += 1
    return out + _place_bodies(out, lexicon) + _armed_forces(text, lexicon, words)


def _raise_where_layers_agree(text: str, found: list[Candidate], tagged: list[Candidate], lexicon: Lexicon) -> None:
    """A company name that may open with a place is as sure as a pattern where both layers read
    it: a brand and industry word the tagger reads as one name too (杭州宇树科技, not 巴西|科技), and
    a company the tagger reads in a list that opens with a place (美团、中国联通和…)."""
    place_ends = {c.start: c.end for c in found if c.type == "Region" and c.method == "lexicon"}

    def named_after_place(c: Candidate) -> bool:
        rest = text[place_ends.get(c.start, c.start):c.end]
        return len(rest) >= 2 and not _industry_words_only(rest, lexicon) and rest not in cues.GENERIC_WORDS

    tagged_orgs = {(c.start, c.end) for c in tagged if c.type in ORG_TYPES}
    read_by_pattern = {(c.start, c.end) for c in found if c.strength >= 2}  # (下称“大华股份”): an alias already
    for c in found:
        if c.method == "pattern:name-ending" and c.strength == 1 and (c.start, c.end) in tagged_orgs \
                and (c.start, c.end) not in read_by_pattern and named_after_place(c):
            c.strength = 2
    for c in tagged:
        if c.method == "tagger" and c.type == "Company" and c.start in place_ends and named_after_place(c) \
                and not text[c.start:c.end].endswith(cues.DESCRIPTOR_NOUNS) \
                and not text.startswith(cues.DESCRIPTOR_NOUNS, c.end):
            c.strength = 2
    # 宇树科技和|强脑科技: a brand listed right beside a sure company with the same industry word
    sure = [d for d in found if d.type == "Company" and d.strength >= 2]
    for c in found:
        if c.method == "pattern:name-ending" and c.type == "Company" and c.strength == 1 and any(
                (d.end + 1 == c.start and text[d.end] in "、和及" or c.end + 1 == d.start and text[c.end] in "、和及")
                and text[d.end - 2:d.end] == text[c.end - 2:c.end] for d in sure):
            c.strength = 2


def _industry_words_only(text: str, lexicon: Lexicon) -> bool:
    """医疗科技, 通信: industry words and nothing else, what a company does and not its name."""
    while text:
        ending = next((text[k:] for k in range(len(text)) if lexicon.suffixes.get(text[k:]) == "CompanyIndustry"), None)
        if ending is None:
            return False
        text = text[:-len(ending)]
    return True


def _places_both_layers_read(text: str, tagged: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """安徽|合肥, 在大连: a city's short form that is also an ordinary word to the segmenter is the
    lexicon's place where the statistical tagger reads a place too."""
    out = []
    for c in tagged:
        surface = text[c.start:c.end]
        name = lexicon.ambiguous_surfaces.get(surface) if c.type == "Region" else None
        if name is None or lexicon.lookup(surface) is not None:
            continue
        common = dictionary_entry(surface)
        placed = PLACE_BEFORE.search(text[:c.start]) or re.search(r"[省州国]$", text[:c.start]) \
            or text.startswith(("市", "区", "县", "的"), c.end) or (c.start == 0 or text[c.start - 1] in cues.PUNCT)
        if common is not None and common[1] == "n" and common[0] >= 100 and not placed:
            continue  # 向来宾介绍: guests, an everyday noun, though the tagger reads the city 来宾
        out.append(Candidate(c.start, c.end, "Region", "lexicon", 2, key=name))
    return out


LIST_JOINS = ("、", "和", "及", "与")


def _places_listed_with_places(text: str, found: list[Candidate], lexicon: Lexicon, words) -> list[Candidate]:
    """台北、新竹和|台中: a city's short form that is also an ordinary word is a place where it is
    listed with other places."""
    places = [c for c in found if c.type == "Region" and c.method == "lexicon"]
    ends, starts = {c.end for c in places}, {c.start for c in places}
    taken = {(c.start, c.end) for c in found}
    out = []
    for w, _, s in words:
        name = lexicon.ambiguous_surfaces.get(w)
        if name is None or (s, s + len(w)) in taken:
            continue
        e = s + len(w)
        if re.match(r"[\u4e00-\u9fffA-Za-z]", text[e:e + 1]) and not re.match(r"[、和及与的等市县区两三四五六七八九十]", text[e:e + 1]):
            continue  # 桐乡与阿里|云: the word runs on into a name
        if text[s - 1:s] in LIST_JOINS and s - 1 in ends or text[e:e + 1] in LIST_JOINS and e + 1 in starts:
            out.append(Candidate(s, e, "Region", "lexicon", 2, key=name))
    return out


def _language(text: str, end: int, entry) -> bool:
    """西班牙语, 阿拉伯文版: a country's name before 语 names a language, not the country."""
    return entry is not None and entry.level == "country" and text.startswith(("语", "文版"), end)


CHINA = "中华人民共和国"
MAINLAND = "中国大陆"  # 大陆, 内地: how Hong Kong and Taiwan papers name the rest of China
# a country's forces by its one-character short form: 美军, 日军, 俄海军; not 美军舰 (a US warship)
FORCES = re.compile(r"(海军|空军|陆军|军方|军)(?!舰|机|费|工|售|演|事|团|区|人|官|衔|营|种|备|械|火|需|民|政|医|校|港|用|队)")


# what the second character of a pair with China may stand for: a country's one-character form, or
# a continent's (非 for 非洲 in 中非合作, 欧 for 欧洲 in 中欧)
CONTINENT_CHARACTERS = set("非欧亚拉")


def _country_pair(word: str, lexicon: Lexicon) -> bool:
    """美中, 中非, 中美: two one-character short forms naming a pair of countries (or a country
    and a continent), not one place."""
    return len(word) == 2 and all(ch in lexicon.country_abbreviations or ch in CONTINENT_CHARACTERS for ch in word) \
        and any(ch in lexicon.country_abbreviations for ch in word)


def _armed_forces(text: str, lexicon: Lexicon, words) -> list[Candidate]:
    """美军, 俄海军: a country's one-character short form, opening a word, before its forces."""
    starts = {s for _, _, s in words}
    out = []
    for i, ch in enumerate(text):
        if ch not in lexicon.country_abbreviations or i not in starts:
            continue  # 完美军团: the character ends a word before it
        m = FORCES.match(text, i + 1)
        if m:
            out.append(Candidate(i, m.end(), "GovernmentBody", "lexicon:armed-forces", 2))
    return out


def _place_bodies(found: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """A place written right before a government body of the lexicon names that place's own
    body: 俄罗斯国防部, 香港证监会 are not China's 国防部 and 证监会. Written after 中国, it is
    the lexicon's body (中国外交部 is 外交部)."""
    places = {c.end: c for c in found if c.type == "Region"}
    out = []
    for body in found:
        place = places.get(body.start)
        if body.type != "GovernmentBody" or place is None:
            continue
        key = body.key if place.key == CHINA else ""
        out.append(Candidate(place.start, body.end, "GovernmentBody", "lexicon:place-body", 2, key=key))
    return out


def _place_word(word: str) -> bool:
    known = dictionary_entry(word)
    return known is None or known[1].startswith("ns")


def _common_verb(word: str) -> bool:
    known = dictionary_entry(word)
    return known is not None and known[1] in ("v", "vn", "vd", "ad", "d", "a") and known[0] >= 1000


def _inside_latin_word(text: str, a: int, b: int) -> bool:
    return (a > 0 and text[a - 1].isascii() and text[a - 1].isalnum() and text[a].isascii()) or (
        b < len(text) and text[b].isascii() and text[b].isalnum() and text[b - 1].isascii())


# ============================================================================ patterns: people

GENERIC_TITLE = cues.GENERIC_TITLE


def _title_at(text: str, i: int, lexicon: Lexicon) -> int:
    """The end of the longest job title starting at i, or -1. A title word that continues
    into an organisation ending (委员 in 委员会) is not a title."""
    end = -1
    m = GENERIC_TITLE.match(text, i)
    if m:
        end = m.end()
    for length in range(min(12, len(text) - i), 1, -1):
        if text[i:i + length] in lexicon.titles:
            end = max(end, i + length)
            break
    if end > 0 and any(text[i:end + k] in lexicon.suffixes or text[i:end + k] in cues.PRODUCT_NOUNS
                       for k in range(1, 4) if end + k <= len(text)):
        return -1  # 委员|会, 翻译|机: the word goes on into a body's ending or a kind of product
    if end > 0 and text.startswith("助理", end):
        end += 2  # 秘书长助理, 总裁助理: the assistant to the office
    return end


def _titles_ending_at(text: str, end: int, lexicon: Lexicon) -> int:
    """The start of the longest job title ending at ``end``, or -1."""
    for length in range(min(12, end), 1, -1):
        if text[end - length:end] in lexicon.titles or GENERIC_TITLE.fullmatch(text, end - length, end):
            return end - length
    return -1


TITLE_JOINERS = ("兼", "暨")  # 暨 joins titles in Taiwan and Hong Kong papers


def _title_chain_at(text: str, i: int, lexicon: Lexicon) -> int:
    """The end of a chain of titles joined by 兼 or 暨 (副总裁兼首席技术安全官, 创办人暨执行长), or -1."""
    end = _title_at(text, i, lexicon)
    if end > 0 and (e := dictionary_entry(text[end - 2:end + 1])) is not None and e[0] >= 20:
        return -1  # 老师傅|用眼睛: the title runs on into a longer word
    while end > 0 and text[end:end + 1] in TITLE_JOINERS:
        nxt = _title_at(text, end + 1, lexicon)
        if nxt < 0:  # 副总裁兼香港区总经理: the second title may open with its region or domain
            scope = re.match(rf"(?:[\u4e00-\u9fff]{{1,4}}?大?区|{'|'.join(MODIFIER_WORDS)})", text[end + 1:])
            nxt = _title_at(text, end + 1 + scope.end(), lexicon) if scope else -1
        if nxt < 0:
            break
        end = nxt
    return end


PHOTO_CREDIT = re.compile(r"[（(](?:本报|新华社|中新社|[\u4e00-\u9fff]{2,6}?(?:日报|晚报|新闻|报))?(?:特约)?记者\s*"
                          r"([\u4e00-\u9fff]{2,4})\s*(?:摄|摄影|供图)[)）]")


# the source a picture is credited to: 图片来源：视觉中国 (an agency; a paper or a wire is an organisation)
PICTURE_SOURCE = re.compile(r"^(?:图片来源|图源|图片提供)\s*[：:]\s*([\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z ]{1,11})\s*$")
SLASH_CREDIT = re.compile(r"(?:^|[\s\u3000（(])(?:文|图|摄影|视频)\s*[/／]\s*([\u4e00-\u9fff]{2,4})(?=[\s\u3000)）]|$)")


def _credits(text: str, lexicon: Lexicon) -> list[Candidate]:
    """The staff a story credits at its end: 责任编辑：郑思源, （编辑：萧雅娟）; and the photographer
    of a picture: （记者 沈嘉木 摄）."""
    out = []
    for m in CREDIT.finditer(text):
        end = _chinese_name_at(text, m.end(), lexicon)
        if end > 0:
            out.append(Candidate(m.end(), end, "Person", "pattern:credit", 2))
    for m in PHOTO_CREDIT.finditer(text):
        out.append(Candidate(m.start(1), m.end(1), "Person", "pattern:credit", 2))
    for m in SLASH_CREDIT.finditer(text):  # 文/林思彤　图/孔德民
        out.append(Candidate(m.start(1), m.end(1), "Person", "pattern:credit", 2))
    source = PICTURE_SOURCE.match(text)
    if source:
        typ = "Organization" if source.group(1).endswith(("社", "网", "台", "报")) else "Company"
        out.append(Candidate(source.start(1), source.end(1), typ, "pattern:credit", 2))
    closing = CLOSING_PHOTO_CREDIT.search(text)  # …体验智能座舱。　记者 姚逸舟 摄
    if closing:
        out.append(Candidate(closing.start("photographer"), closing.end("photographer"), "Person", "pattern:credit", 2))
    return out


def _chinese_name_at(text: str, i: int, lexicon: Lexicon, need_surname: bool = True) -> int:
    """The end of a Chinese personal name starting at i, or -1.

    The name is a surname and one or two given characters. Its length is read from what
    follows: a word that starts right after two characters (毕李|深感, 范渊|眼中) ends a two-character
    name; a character that ends names (说, 在, 等 …) cannot be the third one."""
    if i >= len(text) or not "\u4e00" <= text[i] <= "\u9fff" or text[i] in "兼暨、":
        return -1
    if text[i] in cues.FUNCTION_SURNAMES and not (dictionary_entry(text[i:i + 3]) or ("", ""))[1].startswith("nr"):
        return -1  # 和游客, 向记者: a function word that is also a surname
    surname_len = 2 if text[i:i + 2] in lexicon.surnames else 1
    if need_surname and surname_len == 1 and text[i] not in lexicon.surnames:
        return -1
    if surname_len == 1 and text[i + 1:i + 2] == "氏" and re.fullmatch(r"[\u4e00-\u9fff]{2}", text[i + 2:i + 4]) \
            and _name_may_end(text, i + 4) and (dictionary_entry(text[i + 2:i + 4]) or ("", "nr"))[1].startswith("nr"):
        return i + 4  # 阮氏清娥: a Vietnamese woman's name, 氏 between the surname and the given name
    for total in (surname_len + 2, surname_len + 1):
        end = i + total
        if end > len(text) or not all("\u4e00" <= ch <= "\u9fff" for ch in text[i:end]):
            continue
        if total == surname_len + 2:
            third = text[end - 1]
            clear_end = end >= len(text) or text[end] in cues.PUNCT or bool(cues.SPEECH.match(text, end)) \
                or text[end] in "等则"
            if third in cues.NAME_END_CHARS and not (third in "和为" and clear_end) \
                    or (_word_starts(text, end - 1) and not clear_end and not _overlapped(text, end)):
                continue  # 郁清和|则说, 林可为|等: 和, 为 end a given name only where the clause goes on
            opening = dictionary_entry(text[i:i + 2])
            if third in "后前时中" and opening and opening[0] >= 1000 and not opening[1].startswith(("nr", "ns")):
                return -1  # 博士|毕业后: a word and a time after it, not a name
        if end < len(text) and not _name_may_end(text, end):
            continue
        name = text[i:end]
        entry = dictionary_entry(name)
        if entry and not entry[1].startswith("nr") and entry[0] > 2:
            return -1  # an ordinary word (公司, 观众), not a name
        given = dictionary_entry(name[surname_len:])
        if given and given[1] == "m":
            continue  # 占|四成: a share, not a given name
        if given and given[1] == "v" and given[0] >= 1000 and len(name) - surname_len == 2:
            return -1  # 须|参加: a verb after a modal, not a given name
        return end
    return -1


def _overlapped(text: str, end: int) -> bool:
    """仲启元|代表公司: the word the name's third character would open (元代) overlaps a word after the
    name (代表), so the third character may close the name; 副 and 总 open a title (副|总裁)."""
    return text[end - 1] not in "副总" and _word_starts(text, end) and not _word_starts(text, end - 1, lengths=(3,))


def _word_starts(text: str, i: int, lengths: tuple[int, ...] = (3, 2)) -> bool:
    """Whether a two- or three-character dictionary word (not a name) starts at i."""
    for length in lengths:
        entry = dictionary_entry(text[i:i + length])
        if entry and not entry[1].startswith("nr") and entry[0] >= 20:
            return True
    return False


def _name_may_end(text: str, end: int) -> bool:
    ch = text[end]
    if ch in cues.PUNCT or ch.isdigit() or ch.isascii() or ch in cues.NAME_END_CHARS:
        return True
    return _word_starts(text, end) or bool(cues.QUOTE_VERB.match(text, end))


def _foreign_name_at(text: str, i: int) -> int:
    """The end of a transliterated name with a middle dot starting at i (罗伯特·卡恩), or -1.
    Each part is one to six characters; a list word or a verb after the last part ends it."""
    m = cues.FOREIGN_NAME.match(text, i)
    if not m:
        return -1
    end = m.end()
    last = max(text.rfind(d, i, end) for d in cues.DOTS) + 1
    if re.match(r"[（(][A-Z][A-Za-zÀ-ÿ'\-]+(?: [A-Za-zÀ-ÿ'\-]+)+[)）]", text[end:]):
        return end if end - last >= 2 else -1  # 艾伦·麦克米兰(Alan McMillan): the Latin form closes the name (米兰 is no word here)
    for k in range(last + 1, end):
        # 叶尔梅科夫|副部长: 副 opens a title, never a transliterated name's last character; a place's
        # name the characters spell (麦克|米兰) is a sound of the name, not a word after it
        # 阿莫斯·基普罗诺|获颁: a verb of receiving an award ends the name, as a title's 副 does
        if text.startswith(("以及", "和", "与", "及", "等", "、"), k) or (_name_may_end(text, k) and not _place_word_at(text, k)
                                                                        or text[k] == "副"
                                                                        or text.startswith(cues.AWARD_VERBS[:-1], k)) \
                and k - last >= 2:
            end = k
            break
    return end if end - last >= 2 else -1


def _place_word_at(text: str, k: int) -> bool:
    """米兰 in 艾伦·麦克米兰: only a place's name of the dictionary starts at k, and nothing else ends
    a name there (no punctuation, no character that ends names, no speech verb)."""
    if text[k] in cues.PUNCT or text[k] in cues.NAME_END_CHARS or cues.QUOTE_VERB.match(text, k):
        return False
    entries = [e for n in (2, 3) if (e := dictionary_entry(text[k:k + n])) is not None and e[0] >= 20]
    return bool(entries) and all(t == "ns" for _, t in entries)


def _person_after(text: str, i: int, lexicon: Lexicon, need_surname: bool = True) -> int:
    """The end of a person's name right after a title or an epithet, or -1."""
    if i >= len(text):
        return -1
    end = _foreign_name_at(text, i)
    if end > 0:
        return end
    m = re.match(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,3}", text[i:])
    if m:
        return i + m.end()
    # 执行委员飞历奇（Ricardo Ferreira）: a transliterated name, its Latin form in parentheses after it
    m = re.match(r"([\u4e00-\u9fff]{2,4})[（(][A-Z][a-z]+(?: [A-Z][a-z]+){1,3}[)）]", text[i:])
    if m:
        return i + m.end(1)
    return _chinese_name_at(text, i, lexicon, need_surname=need_surname)


def _titles_and_names(text: str, lexicon: Lexicon, words, hints: dict[int, int] | None = None,
                      heads: dict[int, int] | None = None, known: dict[str, str] | None = None) -> list[Candidate]:
    """ORG TITLE NAME ("蚂蚁集团首席执行官韩歆毅", chains joined by 、) and NAME TITLE
    ("习近平主席"). The title is kept as a blocking span so that places inside it (大中华区,
    中国区) are not taken for names; the organisation is what stands before the title."""
    out: list[Candidate] = []
    i = 0
    while i < len(text):
        end = _title_chain_at(text, i, lexicon)
        if end < 0:
            i += 1
            continue
        i = _past_bodies(text, i, end, lexicon)
        # 国家重点实验室|主任: a designated laboratory keeps its name whole, the title is what follows
        unit = next((u for u in UNITS_OPENING_A_TITLE if text.startswith(u, i)), "")
        if unit and text[:i + len(unit)].endswith(DESIGNATED_UNITS) \
                and _title_chain_at(text, i + len(unit), lexicon) == end:
            i += len(unit)
            start = i
        else:
            start = _known_name_end(text, _title_modifiers_start(text, i, lexicon, words), i, known or {})
            after_known = _field_after_known_name(text, start, known or {})
            if after_known == start:
                after_known = _field_after_known_firm(text, start, known or {}, words)
            if after_known == start:
                # 百度智能云|事业群总裁: a name the tagger reads whole is not cut by the title's unit
                after_known = next((b for a, b in (heads or {}).items() if a < start < b <= min(i, start + 2)
                                    and not text[start:b].endswith(UNIT_ENDS)), start)
            start = after_known
        name_end = _person_after(text, end, lexicon)
        name_start = end
        if name_end <= 0 and text.startswith("的", end) and re.search(rf"(?:{cues.HELD_POST})[^，。；！？]{{2,30}}$", text[:end]):
            # 时任乌镇旅游股份有限公司副总经理的|籍晓岚: the person the post describes, after 的
            name_start, name_end = end + 1, _person_after(text, end + 1, lexicon)
        spaced = re.match(r"[ \u3000]+", text[end:])
        if name_end <= 0 and spaced and not any(ch in cues.PUNCT for ch in text[:end]) \
                and _person_after(text, end + spaced.end(), lexicon) == len(text.rstrip()):
            # 市长　阙明远: a speech's or a report's line under its heading, the speaker after the post
            name_start = end + spaced.end()
            name_end = _person_after(text, name_start, lexicon)
        portfolio = re.match(r"[（(][\u4e00-\u9fff、及和与]{2,12}[)）]", text[end:])
        if name_end <= 0 and portfolio and _person_after(text, end + portfolio.end(), lexicon) > 0:
            end += portfolio.end()  # 科大副校長（研究及發展）|顧誠峰: the title's portfolio in parentheses
            name_start, name_end = end, _person_after(text, end, lexicon)
        if name_end <= 0:
            # 副秘书长（数码发展）拿督|莫哈末阿兹哈鲁丁（Datuk Mohd Azharuddin）: a transliterated name the
            # English form after it confirms, after the portfolio and a style of address
            k = end + (portfolio.end() if portfolio else 0)
            styled = _title_chain_at(text, k, lexicon)
            glossed = GLOSSED_NAME.match(text, max(k, styled))
            if glossed:
                end, name_end = max(k, styled), glossed.end(1)
                name_start = end
                latin = glossed.end(1) + 1
                honorific = HONORIFIC_LATIN.match(text, latin)
                out.append(Candidate(honorific.end() if honorific else latin, glossed.end() - 1, "Person",
                                     "pattern:alias", 2))
        if name_end > 0 and re.search(r"[\d一二三四五六七八九十百千万两几多余]+(?:名|位|个)$", text[:start]):
            name_end = -1  # 1600余名嘉宾|齐聚: a count of people, not one titled person
        if any(c.type == "Person" and c.end == i for c in out):
            # 副院长周怀瑾|教授|应邀作: the title after a name is that person's, and opens nothing
            out.append(Candidate(i, end, "Title", "pattern:title", 2))
            i = end
            continue
        if name_end > 0 and any((e := lexicon.lookup(text[end:end + n])) is not None and e.type == "Region"
                                for n in (2, 3) if end + n <= name_end):
            name_end = -1  # 外国嘉宾|乌镇谈: a place, not a name, after the word
        if name_end > 0:
            out.append(Candidate(start, end, "Title", "pattern:title", 2))
            out.append(Candidate(name_start, name_end, "Person", "pattern:title-name", 3))
            out += _organisations_before(text, start, lexicon, words, out, hints, heads, known)
            i = name_end
        elif text[end:end + 1] in ("）", ")") and _opens_aside(text, start):
            # 钟若岚（北京大学国际关系学院教授）: the post of the person named before the parentheses
            out.append(Candidate(start, end, "Title", "pattern:title", 2))
            out += _organisations_before(text, start, lexicon, words, out, hints, heads, known)
            i = end
        else:
            out.append(Candidate(start, end, "Title", "pattern:title", 1))
            i = end
    # NAME TITLE: 习近平主席, 习近平总书记
    for j in range(len(text)):
        if j > 0 and text[j - 1] not in cues.PUNCT and not text[j - 1].isdigit():
            continue
        name_end = _chinese_name_at(text, j, lexicon)
        if name_end > 0 and text[j] == "任" and (w := dictionary_entry(text[j + 1:name_end])) and w[0] >= 100 \
                and not w[1].startswith("nr"):
            continue  # ，任|算法工程师: the verb "serve as" before the post, no surname
        if name_end > 0 and _title_at(text, name_end, lexicon) > 0 \
                and not any(c.type == "Title" and j < c.end and c.start < name_end for c in out):
            out.append(Candidate(j, name_end, "Person", "pattern:name-title", 2))  # (not 东盟|副秘书长)
    return out


def _body_into_title(text: str, i: int, end: int, lexicon: Lexicon) -> int:
    """Where the title starts when the words before it and its first words name a body of the
    lexicon, and what is left is still a title: 中共|中央政治局委员 → 中共中央政治局|委员."""
    for k in range(end - 2, i, -1):  # the longest body first
        if _title_chain_at(text, k, lexicon) != end:
            continue
        for j in range(max(0, i - 8), i):
            entry = lexicon.lookup(text[j:k])
            if entry is not None and entry.type in ORG_TYPES and (j == 0 or text[j - 1] in cues.PUNCT
                                                                     or lexicon.lookup(text[j:i]) is not None):
                return k
    return i


def _past_hyphen(text: str, start: int, words, lexicon: Lexicon) -> int:
    """阿里-|法拉比国立大学: a hyphen joins the parts of a transliterated name; the part before it,
    and a country written before that, open the name."""
    if not (start >= 3 and text[start - 1] in HYPHENS and "\u4e00" <= text[start - 2] <= "\u9fff"):
        return start
    part = next((s for w, _, s in words if s + len(w) == start - 1), None)
    if part is None or start - 1 - part > 4:
        return start
    for k in range(max(0, part - 8), part - 1):
        entry = lexicon.lookup(text[k:part])
        if entry is not None and entry.type == "Region" and entry.level == "country":
            return k
    return part


def _opens_aside(text: str, start: int) -> bool:
    """Whether the words before ``start`` open with a parenthesis after a name: 钟若岚（北京大学…."""
    k = max(text.rfind("（", 0, start), text.rfind("(", 0, start))
    return k >= 2 and "\u4e00" <= text[k - 1] <= "\u9fff" and not re.search(r"[，,。；;：:、（）()“”]", text[k + 1:start])


def _field_after_known_name(text: str, start: int, known: dict[str, str]) -> int:
    """緯創資通|智慧醫療事業群總經理: where the title opens with a unit of a company, the words
    between a name known from the article and the unit name the unit; the title starts there."""
    units = "|".join(u for u in UNIT_WORDS if len(u) >= 3)
    if not re.match(rf"[\u4e00-\u9fffA-Za-z]{{0,8}}(?:{units})", simplified_same_length(text[start:start + 12])):
        return start
    for k in range(max(0, start - 4), start + 1):  # the shortest known name: 緯創資通, not 緯創資通智慧
        for length in range(2, 13):
            if k - length >= 0 and known.get(simplified_same_length(text[k - length:k])) in ORG_TYPES \
                    and not any(ch in cues.PUNCT for ch in text[k:start]):
                return k
    return start


def _field_after_known_firm(text: str, start: int, known: dict[str, str], words) -> int:
    """强脑科技|硬件研发总监: a common noun or two between a company known from the article and a
    title is the field of the title, not more of the company's name."""
    for k in range(start - 2, max(0, start - 11), -1):  # 香港科技园公司|创新科技生态系统副总裁
        if text[k:start].endswith(cues.NAME_HEADS + ("控股", "股份")):
            return start  # 阿里巴巴|集团: the firm's own name goes on
        if not any(known.get(simplified_same_length(text[k - n:k])) == "Company" for n in range(3, min(k, 12) + 1)):
            continue
        # 创新科技生态系统: a field may hold a verb or an idiom where the words fill the span exactly
        whole = sum(len(w) for w, _, s in words if k <= s and s + len(w) <= start) == start - k
        if _common_words(words, k, start) or whole and start - k >= 4 and _common_words(words, k, start, ("v", "l")):
            return k
    return start


def _known_name_end(text: str, start: int, i: int, known: dict[str, str]) -> int:
    """中控技术|副董事长: a title's modifiers do not start inside a name known from the article
    (中控技术, introduced by 下称); where such a name ends, the title starts."""
    for k in range(i, start, -1):
        for length in range(3, 13):
            if k - length < start and k - length >= 0 and known.get(text[k - length:k]) in ORG_TYPES:
                return k
    return start


def _start_of_known_name(text: str, start: int, end: int, known: dict[str, str]) -> int:
    """新华|三集团技术战略部: where the scan stopped inside an organisation's name known from the
    article (the tagger cut 新华三 before its numeral), the name's own start."""
    for k in range(max(0, start - 10), start):
        if any(known.get(simplified_same_length(text[k:j])) in ORG_TYPES for j in range(start + 1, min(end, k + 13) + 1)):
            return k
    return start


def _organisations_before(text: str, title_start: int, lexicon: Lexicon, words,
                          found: list[Candidate], hints: dict[int, int] | None = None,
                          heads: dict[int, int] | None = None, known: dict[str, str] | None = None) -> list[Candidate]:
    """The organisations of "ORG1 TITLE1、ORG2 TITLE2 NAME" and "ORG TITLE1、TITLE2 NAME", right
    to left. Where the tagger starts an organisation that ends here, its start is taken."""
    out = []
    cursor = title_start
    while cursor > 0:
        # "思爱普全球执行副总裁、大中华区总裁…": titles before, joined by 、, share the organisation
        while (title := _title_before(text, cursor, lexicon, words, known)) is not None:
            out.append(title)
            cursor = title.start
        end = cursor
        alias = re.search(ALIAS_BEFORE_TITLE, text[:end])
        if alias:
            end = alias.start()
        ending = lexicon.suffix_type(text[max(0, end - 8):end])
        scan_from = end
        if ending and ending[1] == "Company":
            head = _before_registered_parens(text, end - len(ending[0]), lexicon)
            scan_from = head if head < end - len(ending[0]) else end
        start = _np_start(text, scan_from, words, [], stop_verbs=True, opening_verb=True)
        start = _start_of_known_name(text, start, end, known or {})
        if end - start == 1 and text[start] in "局署办":
            start = _np_start(text, start, words, [], max_len=6)  # 投资推广|署: a body named by its task
        hinted = (hints or {}).get(end)
        if hinted is not None and end - 16 <= hinted < start and _one_name(words, hinted, start):
            start = hinted  # the tagger reads a longer name
        start = _unit_chain_start(text, start, lexicon, hints)
        named = [c.end for c in found if c.type == "Person" and start < c.end < end]
        if named:  # 副研究员韩语桐|和|印度尼西亚万隆理工学院讲师: a person named before ends the scan
            start = max(named)
            while start < end and text[start] in "和与及、":
                start += 1
        start = _past_hyphen(text, start, words, lexicon)
        if text[start - 1:start] in ("及", "与") and text[start:end].endswith(POLICE_UNIT_ENDINGS):
            # 香港警务处网络安全及|科技罪案调查科: a police unit named by two fields, after its force
            left = _np_start(text, start - 1, words, [], stop_verbs=True)
            force = list(POLICE_FORCE.finditer(text, left, start - 1))
            field = [t for w, t, s_ in words if force and force[-1].end() <= s_ < start - 1]
            if field and all(t in ("n", "nz", "vn", "an") for t in field):
                start = left
        joiner = max(text.rfind(j, start, end) for j in TITLE_JOINERS)
        if joiner > start and _titles_ending_at(text, joiner, lexicon) >= 0:
            start = joiner + 1  # 海康威视副总裁兼|海康威视研究院院长: the tagger read 总裁兼 as one word
        # 联合国亚洲及|太平洋经济社会委员会: a body of the lexicon whose name the scan cut is taken whole
        start = next((j for j in range(max(0, end - 24), start)
                      if (e := lexicon.lookup(text[j:end])) is not None and e.type in ORG_TYPES), start)
        party = PARTY_COMMITTEE_BEFORE.search(text, max(0, start - 14), start)
        if party and _org_type(text[start:end], lexicon) == "GovernmentBody":
            start = party.start()  # 中共上海市委|网络安全和信息化委员会办公室: the party's committee opens its office's name
        if _org_type(text[start:end], lexicon) == "GovernmentBody" or end - start <= 2:
            start = _country_ministry_start(text, start, end - 1, words, [], lexicon)
            start = _portfolio_start(text, start, lexicon)
        if re.search(r"(?:该|这家|此|本)$", text[:start]) and re.match(r"(?:公司|集团|企业|机构|单位|组织)", text[start:]):
            break  # 该公司研究院院长: the organisation is the one named before (a fact rule reads it)
        interview = re.match(r"(?:专访|访|记)", text[start:end])
        if interview and (start == 0 or text[start - 1] in "—－-―｜|：: "):
            start += interview.end()  # ——访|阿里云智能集团副总裁…, ——记|之江实验室研究员…: a feature's subtitle
        split = (heads or {}).get(start)
        if alias or known and known.get(simplified_same_length(text[start:end])) in ORG_TYPES:
            split = None  # 中控技术, 香港电讯（HKT）: a name the article introduced, or gave an alias, stays whole
        if split is not None and start < split < end and end - split <= 6 and _common_words(words, split, end, ("b",)) \
                and not _named_organisation(text[split:end], lexicon) \
                and simplified_same_length(text[split:end]) not in OWN_BODIES \
                and not (lexicon.suffixes.get(text[split:end]) == "CompanyIndustry"
                         and not lexicon.suffix_type(text[start:split])):  # 云深处|科技 is one name, Nubank公司|数据 two
            out.append(Candidate(split, end, "Title", "pattern:title", 2))  # 阿里云|开源生态负责人
            end = split
        if text.startswith(("前", "原"), start) and end - start >= 3:
            start += 1  # 前谷歌中国区总裁: 前 marks the title as former, it is not part of the name
        if _org_type(text[start:end], lexicon) == "Company":
            start = _past_apposition(text, start, end, lexicon, words, [], {})
        latin_brand = re.fullmatch(r"[A-Za-z][A-Za-z0-9&.\-]*([\u4e00-\u9fff]{2,14})", text[start:end])
        qualifier = latin_brand.group(1) if latin_brand else ""
        first = next((w for w, _, s_ in words if s_ == end - len(qualifier)), "") if qualifier else ""
        # Grab|区域公共政策主管: a brand in Latin letters, then common words that qualify the title;
        # GSMA|亚太区政策与监管事务总监: a region of the organisation opens the title
        if qualifier and (len(qualifier) <= 8 and _common_words(words, end - len(qualifier), end)
                          or REGION_UNIT.match(qualifier)) \
                and first not in lexicon.suffixes:  # Nubank|公司: the word for company ends the name
            out.append(Candidate(start + latin_brand.start(1), end, "Title", "pattern:title", 2))
            end = start + latin_brand.start(1)
        legal = LEGAL_FORM.search(simplified_same_length(text[start:end - 1]))
        rest_ending = lexicon.suffix_type(text[start + legal.end():end]) if legal else None
        if legal and (not rest_ending or rest_ending[0] in BUSINESS_UNITS):
            # 緯創資通股份有限公司|智慧醫療事業群總經理: a name ends with its legal form; what follows is the title's
            out.append(Candidate(start + legal.end(), end, "Title", "pattern:title", 2))
            end = start + legal.end()
        unit = _unit_of(text[start:end], text[end:end + 6]) or _domain_repeated(text[start:end], lexicon) \
            or _office_of_listed_body(text[start:end], lexicon) or _unit_of_known_company(text[start:end], known)
        if unit:  # 浙江大学|信息与电子工程学院教授: the unit belongs to the title, the university is the organisation
            out.append(Candidate(end - unit, end, "Title", "pattern:title", 2))
            end -= unit
        chief = re.search(r"首席[\u4e00-\u9fff]{0,4}$", text[start:end])
        if chief and chief.start() >= 2:  # 卡巴斯基|首席安全研究员: 首席 opens the title, whatever field follows
            out.append(Candidate(start + chief.start(), end, "Title", "pattern:title", 2))
            end = start + chief.start()
        while (adjective := next((a for a in TITLE_ADJECTIVES if text.endswith(a, start, end)), None)) is not None:
            end -= len(adjective)  # 韩国|著名导演: what describes the person is no part of a name
        name = text[start:end]
        if len(name) < 2 or _title_ending_inside(name, lexicon) or not _can_hold_office(name, lexicon) \
                or simplified_same_length(name) in GROUPS:
            break  # 代表团|团长: a group that travels, not an organisation
        nationality = any((e := lexicon.lookup(text[start - n:start])) is not None and e.level == "country"
                          for n in range(2, 5) if start >= n)
        # 英国|计算机科学家: the country may open the words read as the name
        country = next((n for n in range(4, 1, -1) if (e := lexicon.lookup(text[start:start + n])) is not None
                        and e.level == "country" and end - start > n), 0)
        if text.startswith(cues.PROFESSIONS, end) and (lexicon.suffix_type(name) or ("", "CompanyIndustry"))[1] == "CompanyIndustry" \
                and (nationality or _field_words(words, start + country, end)):
            out.append(Candidate(start + country, end, "Title", "pattern:title", 2))
            break  # 法国|网络安全专家: a field of expertise, what the person is, with no organisation
        opening = _title_opening(text, start, end, lexicon, words, known or {})
        if opening is not None:  # words of the title, not a name: the organisation stands before them
            out.append(Candidate(start, end, "Title", "pattern:title", 2))
            cursor = opening
            continue
        posted = re.fullmatch(r"(.{2,8}?)驻(.{1,8})", simplified_same_length(name))
        if posted and (e := lexicon.lookup(posted.group(1))) is not None and e.type == "Region":
            break  # 中国驻卢旺达|大使: where a diplomat is posted, not an organisation's name
        entry = lexicon.lookup(name)
        within = next((k for k in range(2, 5) if (p := lexicon.lookup(simplified_same_length(name[:k]))) is not None
                       and p.name in (CHINA, MAINLAND)), 0) if entry is None else 0
        body = lexicon.lookup(simplified_same_length(name[within:])) if within else None
        if body is not None and body.type in ORG_TYPES and body.level == "national":
            # 大陆|国家互联网信息办公室: China before one of its own national bodies (老挝外交部 is Laos's)
            start, entry = start + within, body
        if entry is not None and entry.type in ORG_TYPES:
            out.append(Candidate(start, end, entry.type, "pattern:title-org", 3, key=entry.name))
        else:
            out.append(Candidate(start, end, _org_type(name, lexicon), "pattern:title-org", 3))
        # another organisation's title before, after 、: "蚂蚁集团副总裁兼首席技术安全官、蚂蚁密算董事长"
        title = _title_before(text, start, lexicon, words, known)
        if title is None:
            break
        out.append(title)
        cursor = title.start
    return out


# the legal form that closes a company's registered name; nothing of the name comes after it
BUSINESS_UNITS = ("集团", "事业群", "事业部")  # 西门子股份公司|数字化工业集团副总裁: a group inside the firm
LEGAL_FORM = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|股份公司)(?:[（(][^（）()]{1,8}[)）])?")
# the legal form a registered name ends with, a group's included (新凤鸣|集团股份有限公司)
REGISTERED = re.compile(r"(?:集团)?(?:股份有限公司|有限责任公司|有限公司)")
REGISTERED_END = re.compile(r"(?:股份有限公司|有限责任公司|有限公司)(?:[（(][^（）()]{1,8}[)）])?$")
BRANCHES = ("分公司", "子公司", "分行", "支行", "分所", "代表处", "办事处")  # …有限公司浙江分公司, …有限公司北京代表处: registered in their own names


def _registered_start(text: str, start: int, end: int, lexicon: Lexicon, found: list[Candidate]) -> int:
    """杭州|深度求索人工智能基础技术研究有限公司, 中国|联合网络通信集团有限公司: a registered name is the
    place, the trade name, the trade and the legal form, so where the scan stopped at a word that reads
    as a verb (求索, 联合) and a Chinese place opens the clause, the name starts at the place."""
    if not REGISTERED_END.search(simplified_same_length(text[start:end])):
        return start
    place = next((c for c in found if c.type == "Region" and c.method == "lexicon" and start - 8 <= c.end < start
                  and (e := lexicon.lookup(text[c.start:c.end])) is not None
                  and (e.level != "country" or e.name == CHINA)), None)  # China's places, never another country
    gap = text[place.end:start] if place is not None else ""
    if place is None or not re.fullmatch(r"[\u4e00-\u9fff]{1,4}", gap) or re.search(BRAND_DESCRIPTOR, gap) \
            or re.search(r"[与和及同跟的、]", gap):
        # 台湾边缘运算厂商|凌耀智能科技股份有限公司: what the firm is stays out of its name; 澳门电讯与|中国移动…:
        # another name, joined by a conjunction
        return start
    opening = place.start == 0 or text[place.start - 1] in cues.PUNCT or text[place.start - 1].isspace() \
        or text[place.start - 1] in ".．、"
    return place.start if opening else start


def _unit_after_registered(name: str) -> bool:
    """浙江大华技术股份有限公司智慧城市研发中心: a firm's registered name, then one of its units (not a
    branch, which is registered in its own name)."""
    simple = simplified_same_length(name)
    legal = REGISTERED.search(simple)
    return legal is not None and legal.end() <= len(simple) - 2 and not simple.endswith(BRANCHES) \
        and not re.match(r"[（(][^（）()]{1,8}[)）]$", simple[legal.end():])


def _trade_name(name: str) -> str:
    """中国巨石 for 中国巨石股份有限公司, 新华三 for 新华三集团: the firm's name without its legal
    form, or without the 集团 that makes it a group."""
    legal = REGISTERED.search(name)
    if legal and legal.end() == len(name):
        return name[:legal.start()]
    return name.removesuffix("集团")


# an alias in parentheses right before a title: a short form, or an English name, which may be long
# (香港科技大學（The Hong Kong University of Science and Technology）|工學院院長)
ALIAS_BEFORE_TITLE = re.compile(r"[（(](?:[^（）()]{1,20}|[A-Za-z][A-Za-z&.,' \-]{1,80})[)）]$")


def _title_opening(text: str, start: int, end: int, lexicon: Lexicon, words, known: dict[str, str]) -> int | None:
    """When the words start..end before a title are part of it rather than an organisation's
    name, where the scan for the organisation goes on (the cursor); else None."""
    name = text[start:end]
    paren = re.search(ALIAS_BEFORE_TITLE, text[:start])
    office = re.match(rf"[\u4e00-\u9fff]{{1,8}}?(?:{'|'.join(OFFICE_ENDINGS)}|局)", simplified_same_length(name))
    # …（ITU）电信发展局|高级政策顾问: the office, then words that qualify the title
    office_then_words = office is not None and (office.end() == len(name) or all(
        t in ("n", "vn", "an", "a", "b") for w, t, s_ in words if start + office.end() <= s_ < end))
    if paren and (office_then_words and _international_body_ends(text, paren.start(), lexicon) or _bare_unit(name)):
        return start  # 国际电信联盟（ITU）|亚太区域办事处主任, 香港科技大学（科大）|电子及计算机工程学系讲座教授
    if paren and end - start <= 4 and _common_words(words, start, end) and not lexicon.suffix_type(name) \
            and dictionary_entry(name) is not None:
        return start  # 亚太互联网络信息中心（APNIC）|政策顾问: a common word after the body's alias is the title's field
    field = name[len(TITLE_RANK.match(name).group()):]  # 副|数字政策专员: the rank opens the title, then the field
    if paren and field and field in text[max(0, paren.start() - 20):paren.start()] and not lexicon.suffix_type(name):
        return start  # 数字政策办公室（数字办）|数字政策专员: the field the body is named for opens the title
    if field and not lexicon.suffix_type(name) and (
            re.search(re.escape(field) + f"(?:{'|'.join(OFFICE_WORDS)})", text[:start])
            or _field_of_known_office(simplified_same_length(field), known)):
        return start  # …数字政策办公室…。|数字政策专员: the field of a body the article named opens the title
    if paren and _field_words(words, start, end) and _international_body_ends(text, paren.start(), lexicon) \
            and (lexicon.suffix_type(name) or ("", "CompanyIndustry"))[1] == "CompanyIndustry":
        return start  # 非洲联盟（非盟）|基础设施和能源委员: the portfolio after the body's alias opens the title
    if text[start - 1:start] == "的" and _common_words(words, start, end) and not lexicon.suffix_type(name) \
            and lexicon.lookup(name) is None:  # (尊敬的|世界互联网大会副秘书长: a body of the lexicon is named)
        return start - 1  # 数字政策办公室（数字办）的|数字政策专员: what stands after 的 belongs to the title
    joined = re.search(r"、([\u4e00-\u9fff]{1,4}[与和及][\u4e00-\u9fff]{0,4})$", text[:start])  # 、云与|智慧, 、云与计算|存储产品线
    if joined and (_field_words(words, joined.start(1), end) or _bare_unit(name)
                   or re.match(r"[\u4e00-\u9fff]{0,4}(?:事业群|事业部)", text[end:end + 8])) \
            and not lexicon.suffix_type(text[joined.start(1):end]) and _title_before(text, joined.start(1), lexicon, words):
        return joined.start(1)
    if (_bare_unit(name) or _function_unit(name) or _field_words(words, start, end) and (
            not lexicon.suffix_type(name) or simplified_same_length(name).endswith(FIELD_UNIT_ENDINGS + GOVERNMENT_KINDS))) \
            and text[start - 1:start] == "、" and _title_before(text, start, lexicon, words):
        # 科大协理副校长、电子及计算机工程学系|讲座教授, 腾讯集团高级执行副总裁、云与智慧|产业事业群CEO,
        # 清华大学教授、人工智能研究院|副院长, …高级副总裁、数字政府|事业部总裁: a department or a field of
        # the organisation named before
        return start
    return None


OFFICE_WORDS = ("办公室", "局", "署", "处")
# a region of an organisation, named before a title: GSMA|亚太区…总监, 思爱普|大中华区总裁
REGION_UNIT = re.compile(r"(?:亚太|大中华|中国|全球|欧洲|北美|东南亚|亚洲|中东|非洲|拉美)区")
TITLE_RANK = re.compile(r"(?:常务副|副|署理|代理)?")
FIELD_RANK = re.compile(r"(?:助理|首席|高级|常务副|副|署理|代理)?")  # 助理|数字政策专员


def _field_of_known_office(name: str, known: dict[str, str]) -> bool:
    """数字政策 when 数字政策办公室 is a body named elsewhere: the field it is named for."""
    return any(known.get(name + w) in ORG_TYPES for w in OFFICE_WORDS)


# words describing the holder of a title, not the organisation before it: 韩国|著名导演
# and the role held for the occasion (带队老师, 随队医生)
TITLE_ADJECTIVES = ("著名", "知名", "资深", "年轻", "青年", "新任", "现任", "时任", "首任", "前任", "优秀", "杰出",
                    "带队", "领队", "随队")
OWN_OUTLET = {"本报", "本刊", "该报", "本台", "本网", "本社"}


def _can_hold_office(name: str, lexicon: Lexicon) -> bool:
    """Whether the words before a title can name the body that gives it: a place does not (日本|首相,
    浙江省|副省长 name no body; the lexicon layer reads the place), nor the paper's own 本报, nor a
    field of activity (电影界|导演)."""
    entry = lexicon.lookup(name)
    if entry is not None and entry.type == "Region":
        return False
    if name in OWN_OUTLET or name in cues.EVENT_HEADS or name in cues.BARE_UNITS or name.startswith("驻"):
        return False  # 本报|记者, 大赛|评委, 办事处|主任 (the office named before: a fact rule reads it), 驻泰国|大使
    if re.search(r"(?:记者|通讯员|实习生|编辑)[\u4e00-\u9fff]{2,3}$", name):
        return False  # 记者杨莉|通讯员王媛: a credit line names people, each after their own title
    if simplified_same_length(name).endswith("专业"):
        return False  # …播音与主持艺术专业|学生: a course of study, not a body
    if re.fullmatch(r"[\u4e00-\u9fff]{1,3}[人方者]|新?会员|成员", name) and entry is None:
        return False  # 采购人|代表, 主办方|代表, 新会员|代表: a party to the business, not a body
    word = dictionary_entry(name)
    if word is not None and word[1] == "v" and word[0] >= 1000:
        return False  # 入选|志愿者: a verb, not a body
    return not (name.endswith("界") and not name.endswith("世界") and len(name) <= 4)


# an organisation that units belong to, and the units named before a title (学院, 实验室, 事业部)
PARENT_ENDINGS = ("大学", "集团", "公司", "银行", "证券", "科学院", "工程院")
UNIT_ENDINGS_BEFORE_TITLE = ("学院", "学系", "系", "研究所", "实验室", "事业部", "中心", "部", "处", "室", "行业")
UNITS_OPENING_A_TITLE = ("学院", "实验室", "研究室", "事业部", "中心")  # 实验室主任, 中心主任
PARTY_COMMITTEES = ("党委", "团委", "纪委", "工会")  # a town's 党委 is a body of its own (乌镇镇党委)
DESIGNATED_UNITS = ("重点实验室", "国家实验室")  # designated by the state, named in full
GOVERNING_BOARDS = ("行政委员会", "管理委员会", "董事会", "理事会", "监事会")
BOARD_PARENTS = ("基金", "基金会", "协会", "学会", "联合会", "研究院", "联盟")


# units named by a field alone (人工智能研究院); after a title and 、 they belong to its organisation
FIELD_UNIT_ENDINGS = ("研究院", "研究中心")
BARE_UNIT_ENDINGS = ("学系", "系", "学院", "研究所", "实验室", "事业部", "研究室", "事业群", "产品线", "业务线",
                     *POLICE_UNITS)  # 公安局副局长、交警支队|支队长


def _bare_unit(name: str) -> bool:
    """电子及计算机工程学系: a department named by its field alone, with no parent in its name."""
    simple = simplified_same_length(name)
    # (认知智能全国重点实验室: a laboratory the state designates is a body in its own right)
    return simple.endswith(BARE_UNIT_ENDINGS) and not any(p in simple for p in PARENT_ENDINGS) \
        and not simple.endswith(DESIGNATED_UNITS)


# a firm's unit named by what it does: 研发中心, 运营中心, 市场部
FUNCTION_UNIT_ENDINGS = ("中心", "部")


def _function_unit(name: str) -> bool:
    """研发中心, 技术中心: a unit named by one everyday word for its work and nothing else, which
    after a title and 、 belongs to the organisation named before."""
    simple = simplified_same_length(name)
    head = next((h for h in FUNCTION_UNIT_ENDINGS if simple.endswith(h)), None)
    if head is None or not 2 <= len(simple) - len(head) <= 3:
        return False
    work = dictionary_entry(simple[:-len(head)])
    return work is not None and work[0] >= 1000 and work[1] in ("n", "vn", "v", "j")


def _unit_of(name: str, after: str) -> int:
    """The length of the unit that closes an organisation's name before a title: 信息与电子工程学院
    in 浙江大学信息与电子工程学院; also the words before a unit the title opens with (FPT集团
    人工智能|实验室主任); 0 when there is none."""
    simple = simplified_same_length(name)
    force = POLICE_FORCE.search(simple)
    if force and len(simple) - force.end() >= 2 and simple.endswith(POLICE_UNIT_ENDINGS):
        return len(simple) - force.end()
    committee = next((c for c in PARTY_COMMITTEES if simple.endswith(c)), None)
    if committee and simple[:-len(committee)].endswith(PARENT_ENDINGS + ("学院",)):
        return len(committee)  # 浙江传媒学院|团委副书记: the committee of a school or a firm is a unit of it
    board = next((b for b in GOVERNING_BOARDS if simple.endswith(b)), None)
    if board and simple[:-len(board)].endswith(PARENT_ENDINGS + BOARD_PARENTS):
        return len(board)  # 澳门科学技术发展基金|行政委员会委员: the board that governs a body sits in the title
    if not simple.endswith(UNIT_ENDINGS_BEFORE_TITLE) and not simplified_same_length(after).startswith(
            UNITS_OPENING_A_TITLE):
        return 0
    if simple.endswith(DESIGNATED_UNITS):
        return 0  # 澳门大学智慧城市物联网国家重点实验室: a designated laboratory is named as a whole
    heads = next((h for u, h in UNIT_HEADS if simple.endswith(u)), ())
    if heads and re.match(rf"(?:常务|执行)?副?(?:{'|'.join(heads)})", simplified_same_length(after)):
        return 0  # 内罗毕大学计算机学院|院长: the head of the unit holds office in the unit itself
    if re.fullmatch(r"[\u4e00-\u9fff]大", simple[:2]) and len(simple) >= 5 and simple.endswith(("学院", "学系", "系")):
        return len(simple) - 2  # 理大|电子计算学系教授: a university's short form, then its school
    for i in range(len(simple) - 2, 2, -1):
        if simple[:i].endswith(PARENT_ENDINGS) and not simple[i:].startswith(("分", "子")):
            if simple.endswith("研究所") and not simple[:i].endswith("大学"):
                return 0  # 中国科学院|计算技术研究所: an academy's institute is a body of its own
            return len(simple) - i
    return 0


def _unit_of_known_company(name: str, known: dict[str, str] | None) -> int:
    """The length of a department after a company the article names elsewhere without a legal
    ending: 斯达半导|市场部经理 once 斯达半导 stands alone; 0 when there is none."""
    simple = simplified_same_length(name)
    if not known or not simple.endswith(UNIT_ENDINGS_BEFORE_TITLE):
        return 0
    for i in range(len(simple) - 2, 1, -1):
        # a Latin abbreviation inside does not count: 华为|终端BG软件部 is a unit as long as 终端软件部
        if known.get(simple[:i]) == "Company" and 2 <= len(simple) - i and len(re.sub(r"[A-Za-z]+", "", simple[i:])) <= 5:
            return len(simple) - i
    return 0


# the academic units whose own head a title names: 学院 and 院长, 研究所 and 所长, 学系 and 系主任 (a
# company's 信息中心主任 stays a title of the company)
UNIT_HEADS = (("研究院", ("院长",)), ("学院", ("院长",)), ("研究所", ("所长",)), ("学系", ("系主任", "主任")),
              ("系", ("系主任", "主任")))
# offices of an organisation: after an international organisation of the lexicon, the office or
# bureau belongs to the title, whether written on (国际电信联盟|电信发展局主任) or after the alias
# (国际电信联盟（ITU）|电信发展局副主任; see _title_opening), as a police station's unit does
# a body an organisation's name opens, named whole as 联合国秘书处 is (东盟秘书处|副秘书长), not a unit of the title
OWN_BODIES = ("秘书处",)
OFFICE_ENDINGS = ("代表处", "办事处", "办公室")
WORKING_BODIES = ("工作组", "专业委员会", "委员会", "专委会", "秘书处")


def _office_of_listed_body(name: str, lexicon: Lexicon) -> int:
    """国际电信联盟|亚太区域代表处主任, 国际电信联盟|电信发展局主任, 非洲联盟委员会|基础设施和能源专员: an
    office, a bureau or a portfolio after an international organisation of the lexicon belongs to
    the title; its length, or 0. A body named on after it (世界互联网大会|人工智能专业委员会) is a name."""
    simple = simplified_same_length(name)
    for k in range(len(simple) - 1, 1, -1):
        entry = lexicon.lookup(simple[:k])
        if entry is not None and entry.type == "Organization" and entry.level == "international":
            rest = simple[k:]
            if rest in OWN_BODIES:
                return 0
            field_ = (lexicon.suffix_type(rest) or ("", "CompanyIndustry"))[1] == "CompanyIndustry"  # 能源
            if rest.endswith(OFFICE_ENDINGS + ("局",)) or field_ and re.fullmatch(
                    r"[\u4e00-\u9fff和与及]{2,12}", rest):
                return len(rest)
            return 0
    return 0


def _international_body_ends(text: str, at: int, lexicon: Lexicon) -> bool:
    """Whether an international organisation of the lexicon ends at ``at`` (国际电信联盟|（ITU）)."""
    return any((e := lexicon.lookup(simplified_same_length(text[j:at]))) is not None and e.type == "Organization"
               and e.level == "international" for j in range(max(0, at - 14), at - 1))


def _before_registered_parens(text: str, i: int, lexicon: Lexicon) -> int:
    """Where the words before a registered name's parentheses end, the name's ending starting at
    ``i``: 西门子|（中国）有限公司, 陕西广电网络传媒|（集团）股份有限公司; else ``i``."""
    paren = re.search(r"[（(]([\u4e00-\u9fff]{2,6})[)）]$", text[:i])
    if paren is None:
        return i
    inner = lexicon.lookup(paren.group(1))
    return paren.start() if paren.group(1) in ("集团", "控股") or inner is not None and inner.type == "Region" else i


def _country_ministry_start(text: str, start: int, head: int, words, found: list[Candidate], lexicon: Lexicon) -> int:
    """卢旺达信息通信技术与创新部: a foreign ministry is named by its portfolios, verbs (创新, 发展)
    and 与 among them; when the scan stopped at such a verb, read on to the country that opens it."""
    if head - start >= 3 or not lexicon.suffix_type(text[head:head + 3]) and text[head] not in "部署局厅":
        return start
    alt = _np_start(text, head, words, found, max_len=16, chain_after_names=True)
    return alt if _country_end(text[:head], alt, lexicon) else start


def _portfolio_start(text: str, start: int, lexicon: Lexicon) -> int:
    """哈萨克斯坦数字发展、创新和航空航天工业部, 卢旺达信息通信技术与创新部: a ministry's portfolios,
    listed with 、 or joined by 和/与, are one name when a country opens it and no title or
    organisation ends a part of it. The parts are read leftwards until one opens with a country
    (世界互联网大会和|肯尼亚信息、通信和数字经济部)."""
    if any((e := lexicon.lookup(text[start:start + n])) is not None and e.type == "Region" for n in range(2, 8)):
        return start  # 中国电信与|嘉兴市人民政府: a place opens the body's own name, no portfolio does
    end = start
    while start - end < 16 and end > 0 and text[end - 1] in "、和与及":
        sep = end - 1
        begin = max(text.rfind(ch, 0, sep) for ch in "，。；：（）“”《》\n 、和与及") + 1
        part = text[begin:sep]
        if not 2 <= len(part) <= 14:
            return start
        ending = lexicon.suffix_type(part)
        if _titles_ending_at(text, sep, lexicon) >= 0 or ending and ending[1] in ORG_TYPES \
                and ending[1] != "Company":
            return start  # 古巴正规武装部队、内政部: a body of its own; 信息 (an industry word) is a portfolio here
        for i in range(len(part) - 1):  # the country that opens the name
            country_end = _country_end(part, i, lexicon)
            if country_end == len(part):
                return start  # 美国与德国外交部: two countries, not a portfolio
            if country_end:
                return begin + i
        end = begin
    return start


def _country_end(text: str, i: int, lexicon: Lexicon) -> int:
    """The end of the longest country name of the lexicon that starts at ``i``, or 0."""
    for n in range(min(8, len(text) - i), 1, -1):
        entry = lexicon.lookup(text[i:i + n])
        if entry is not None and entry.type == "Region" and entry.level == "country":
            return i + n
    return 0


def _domain_repeated(name: str, lexicon: Lexicon) -> int:
    """数字政策办公室|数字政策专员, 数字政策办公室|助理数字政策专员: words after an organisation's
    ending that repeat its own name, after a rank, open the title; their length, or 0."""
    simple = simplified_same_length(name)
    for k in range(len(simple) - 2, 3, -1):
        found = lexicon.suffix_type(simple[:k])
        rest = simple[k:]
        field = rest[len(FIELD_RANK.match(rest).group()):]
        if found and found[1] in ORG_TYPES and len(found[0]) >= 2 and len(field) >= 2 and field in simple[:k]:
            return len(rest)
    return 0


def _title_before(text: str, end: int, lexicon: Lexicon, words, known: dict[str, str] | None = None) -> Candidate | None:
    """The title chain, with its modifiers, that ends at a 、 (or at the 兼 before another
    organisation: 首席数字官兼|吉利汽车研究院副院长) right before ``end``."""
    if end < 2 or text[end - 1] not in "、兼":
        return None
    start = _title_chain_start(text, end - 1, lexicon)
    if start < 0:
        return None
    modifiers = _known_name_end(text, _title_modifiers_start(text, start, lexicon, words), start, known or {})
    modifiers = _field_after_known_name(text, modifiers, known or {})
    return Candidate(modifiers, end - 1, "Title", "pattern:title", 2)


def _title_chain_start(text: str, end: int, lexicon: Lexicon) -> int:
    """The start of a 兼- or 暨-joined chain of titles that ends at ``end``, or -1."""
    start = _titles_ending_at(text, end, lexicon)
    while start > 1 and text[start - 1] in TITLE_JOINERS:
        prev = _titles_ending_at(text, start - 1, lexicon)
        if prev < 0:
            break
        start = prev
    return _past_bodies(text, start, end, lexicon) if start >= 0 else start


def _past_bodies(text: str, i: int, end: int, lexicon: Lexicon) -> int:
    """Where a title chain found at i..end really starts, past the words of a body that open it:
    桐乡市|委书记 (市委 closes the organisation, 书记 is the title), and 中共|中央政治局委员 (a body
    the lexicon knows reaches into the title: 中共中央政治局|委员)."""
    for k in (2, 3):
        if i > 0 and text[i - 1] not in cues.PUNCT and _closing_body(text[:i], text[i:i + k], lexicon) \
                and _title_chain_at(text, i + k, lexicon) == end:
            return i + k
    return _body_into_title(text, i, end, lexicon)


# a body's own Party organs: their secretary's title is 党组书记 of the body (…信息化厅|党组书记)
PARTY_ORGANS = ("党组", "党委", "党工委", "党总支", "党支部")


def _closing_body(before: str, word: str, lexicon: Lexicon) -> bool:
    """市委, 县委 before 书记 close the organisation's name, and so does a place's Party committee
    (乌镇镇|党委); a body's own Party organ opens the title (…信息化厅|党组书记). A firm's or an
    organisation's ending closes a name that has none yet (之江|实验室主任, 阿里巴巴|集团总裁) or a
    branch's place (中国银行浙江省|分行行长); after a name with its ending it names a unit of it
    (FPT集团人工智能实验室主任)."""
    typ = lexicon.suffixes.get(word)
    if typ == "GovernmentBody":
        return word not in PARTY_ORGANS or before.endswith(PLACE_ENDS)
    if typ not in ("Company", "Organization"):
        return False
    run = re.split(r"[\s" + re.escape("".join(cues.PUNCT)) + r"]", before)[-1]
    if len(run) < 2 or run[-1] in DEMONSTRATIVES:
        return False  # 该|实验室主任: the unit named before, not a new name
    if run.endswith(PLACE_ENDS) or any((e := lexicon.lookup(run[-n:])) is not None and e.type == "Region"
                                       for n in (2, 3) if len(run) > n):
        return True
    return not any(run[a:a + n] in lexicon.suffixes and lexicon.suffixes[run[a:a + n]] in ORG_TYPES
                   for n in range(2, 6) for a in range(len(run) - n + 1))


PLACE_ENDS = ("省", "市", "县", "区", "镇", "乡", "村", "州", "盟", "旗", "街道")
DEMONSTRATIVES = "该本此这其各"  # 该实验室, 本集团: the body named before


def _title_ending_inside(name: str, lexicon: Lexicon) -> bool:
    return _titles_ending_at(name, len(name), lexicon) == 0


def _org_type(name: str, lexicon: Lexicon) -> str:
    """The type a name's ending gives it; a conference series with officers (…大会, …论坛) is an
    organisation; a bare brand is a company (organisations and government bodies carry an ending)."""
    if len(name) >= 4 and lexicon.suffixes.get(name) == "GovernmentBody":
        return "GovernmentBody"  # 中央银行, 人民政府 on their own: the body, not a company's 银行
    found = lexicon.suffix_type(name)
    if found and found[1] == "Region":
        return "Region"  # a venue: 乌镇互联网国际会展中心
    if found and found[1] in ORG_TYPES:
        typ = found[1]
        if typ == "Organization" and re.search(r"(?:委员会|委)$", name) and _government_prefix(name, lexicon):
            typ = "GovernmentBody"
        return typ
    if simplified_same_length(name).endswith(("大会", "论坛", "峰会", "联合会")):
        return "Organization"
    if len(name) <= 3 and simplified_same_length(name).endswith("大"):
        return "Organization"  # 科大, 浙大, 港大: a university by its short name
    if re.search(r"(?:社|电视台|电台|日报|晚报|时报|早报|商报|周刊)$", simplified_same_length(name)):
        return "Organization"  # 中央社, 韩联社: a news agency or a paper
    if _opens_with_body(name, lexicon):
        return "GovernmentBody"  # a unit of a government body
    return "Company"


MODIFIER_WORDS = {"合作", "商务", "技术", "业务", "市场", "战略", "研发", "运营", "产品", "销售", "政务", "营销", "艺术", "创意",
                  "公共事务", "对外", "首席", "执行", "常务", "高级", "资深", "区域", "全球", "国际", "国务", "行政",
                  "展区", "项目", "助理", "协理", "企划", "综合", "办公", "海外", "国内", "亚太", "中国区", "副",
                  "法律", "人事", "财务", "设计", "策划", "实习", "见习", "公关", "客户", "医务", "品牌", "产业", "行业", "经济"}
UNIT_ENDS = ("处", "室", "组", "办")
UNIT_WORDS = ("区", "大区", *POLICE_UNITS, "分部", "部门", "事业部", "事业群", "团队", "小组", "办公室")


def _named_organisation(word: str, lexicon: Lexicon) -> bool:
    """华为公司, 通信部: a word that ends with an organisation's ending of two or more characters,
    or is one, names an organisation, not a unit inside one (企划处, 大中华区)."""
    found = lexicon.suffix_type(word)
    return bool(found) and found[1] in ORG_TYPES and (len(found[0]) >= 2 or found[0] == word)


def _title_modifiers_start(text: str, i: int, lexicon: Lexicon, words=None) -> int:
    """Where the modifiers of a title begin: 大中华区合作|负责人, 刑侦大队|副大队长, 中国区商务|代表.
    Whole words only: a unit word (区, 大队), a word right before a unit word, or a modifier
    (合作, 商务); an organisation's ending (联盟, 分局) stops the scan."""
    words = words if words is not None else tag(text[:i])
    inside = next(((w, s) for w, t, s in words if s < i < s + len(w)), None)
    before_unit = False
    if inside and (text[inside[1]:i] in MODIFIER_WORDS or text[inside[1]:i] in ("副", "总", "常务副")):
        i = inside[1]  # 国务|部长 written as one word: the modifier belongs to the title
    elif inside and text[inside[1]:i] in UNIT_ENDS:
        i, before_unit = inside[1], True  # 企划|处处长: the unit's last character sits in the title's word
    toks = [(w, t, s) for w, t, s in words if s + len(w) <= i]
    split_unit = next((u for u in UNIT_WORDS if len(u) >= 3 and text.endswith(u, 0, i)), None)
    if split_unit and not any(w == split_unit and s == i - len(w) for w, _, s in toks):
        toks = [x for x in toks if x[2] < i - len(split_unit)] + [(split_unit, "n", i - len(split_unit))]  # 事业|群
    start, k = i, len(toks) - 1
    while k >= 0 and i - toks[k][2] <= 10:
        w, t, s = toks[k]
        if s + len(w) != start:
            break
        if lexicon.suffixes.get(w) in ORG_TYPES or any(ch in cues.PUNCT for ch in w):
            break
        if (e := lexicon.lookup(w)) is not None and e.type == "Region" and e.level in ("county", "city", "province") \
                and cues.GOVERNMENT_HEAD.match(text, i):
            break  # 秀洲区|副区长: a district whose government the title heads, not a company's sales region
        if w in UNIT_WORDS:
            before_unit = True  # 中国|区, 刑侦|大队: the word before a bare unit belongs to it
        elif (w.endswith(UNIT_WORDS[:2]) or w.endswith(UNIT_ENDS)) and 2 <= len(w) <= 4 \
                and not _named_organisation(w, lexicon):
            before_unit = False  # 亚太区, 大中华区, 企划处: a unit word of its own
        elif w.endswith(POLICE_UNITS) and 2 < len(w) <= 4 and k > 0 and toks[k - 1][0].endswith(("公安局", "公安分局")):
            before_unit = False  # 公安局|交警支队支队长: a police unit written as one word, as 刑侦|大队
        elif w in MODIFIER_WORDS:
            before_unit = False
        elif before_unit and t not in FUNCTION_TAGS:
            before_unit = False
        else:
            break
        start = s
        k -= 1
    ordinal = re.search(r"第[\d一二三四五六七八九十]{1,3}$", text[max(0, start - 4):start]) if start < i else None
    return start - len(ordinal.group()) if ordinal else start  # 第17|研究组副主席: the unit's number is part of its name


def _foreign_names(text: str, lexicon: Lexicon) -> list[Candidate]:
    """Transliterated names with a middle dot: 罗伯特·卡恩. Titles glued on the left are cut off."""
    out = []
    for m in cues.FOREIGN_NAME.finditer(text):
        a = m.start()
        b = _foreign_name_at(text, a)
        if b < 0:
            continue
        first_end = a + len(re.split(f"[{cues.DOTS}]", m.group())[0])
        first = text[a:first_end]
        for k in range(len(first) - 1, 0, -1):  # cut a title, an organisation or a particle glued on the left
            if _titles_ending_at(text, a + k, lexicon) >= 0 or lexicon.suffix_type(first[:k]) \
                    or first[k - 1] in "的了和与及对向在为是被把将由从等":
                a += k
                break
        # 另一位得主|安娜·洛佩斯, 来自阿联酋|穆罕默德·本·扎耶德, 在达喀尔|谢赫·安塔·迪奥普: common words
        # or a place glued on the left end where the name's sounds begin
        first = text[a:first_end]
        cuts = [s_ + len(w) for w, t, s_ in tag(first) if len(w) >= 2 and not t.startswith(("nr", "ns", "nz"))
                and dictionary_entry(w) is not None and s_ + len(w) <= len(first) - 2]
        cuts += [k for k in range(2, len(first) - 1) if any(lexicon.lookup(first[j:k]) for j in range(k - 1))]
        if cuts:
            a += max(cuts)
        parts = re.split(f"[{cues.DOTS}]", text[a:b])
        if any(p.endswith(cues.EVENT_HEADS + cues.NAME_HEADS) for p in parts):
            continue  # 世界互联网大会·互联网发展论坛 names an event, not a person
        if all((e := lexicon.lookup(p)) is not None and e.type == "Region" for p in parts):
            continue  # 中国·乌镇: a place and a place in it, as a press release's dateline writes them
        named_after = _body_named_after(text, b, lexicon)
        if named_after:  # 穆罕默德·本·扎耶德|人工智能大学: a body named after the person
            out.append(Candidate(a, named_after[0], named_after[1], "pattern:name-ending", 2))
        elif b - a >= 4 and not cues.PRODUCT_AFTER.match(text, b) \
                and not (a > 0 and text[a - 1] in "“「" and (text[b:b + 1] in ("”", "」") or text.startswith("——", b))):
            # “鹏城·脑海”: a quoted brand; “互联互通·共享共治——构建…”: a theme
            out.append(Candidate(a, b, "Person", "pattern:foreign-name", 3))
    return out


NAMED_AFTER_A_PERSON = ("大学", "学院", "基金会", "医院")


def _body_named_after(text: str, b: int, lexicon: Lexicon) -> tuple[int, str] | None:
    """The end and type of an organisation's ending that follows a name at b within a few
    characters (人工智能大学), if any."""
    for n in range(2, 9):
        if b + n > len(text) or not "\u4e00" <= text[b + n - 1] <= "\u9fff":
            return None
        found = lexicon.suffix_type(text[b - 1:b + n])
        if found and len(found[0]) >= 2 and found[1] in ("Organization", "Company") \
                and not any(text[b + n - len(found[0]):b + n + k] in lexicon.suffixes for k in range(1, 3)):
            field_ = text[b:b + n - len(found[0])]  # 人工智能: what the body is about, between name and ending
            if not field_ and found[0] in NAMED_AFTER_A_PERSON:
                return b + n, found[1]  # 谢赫·安塔·迪奥普|大学, 约翰·霍普金斯|大学
            if len(field_) < 2 or re.search(r"[的等和与及]|旗下|创办|所在|领导", field_):
                return None  # 马斯克旗下公司: the person's company, not a name
            return b + n, found[1]
    return None


def _roster_line(text: str, lexicon: Lexicon, orgs: list[tuple[int, int]]) -> tuple[tuple[int, int], tuple[int, int], str] | None:
    """A line that introduces someone by name, organisation and title (cues.ROSTER): the name's
    span, the organisation's span and the title; the organisation is the words before the last
    space, or, when the organisation and title are written together, a name read at that place
    (``orgs``: spans of organisations found in the line)."""
    m = cues.ROSTER.fullmatch(text.rstrip())
    if m is None:
        # 苑一鸣　中国工程院院士，浙江大学…教授: the first of the posts a guest holds
        m = cues.ROSTER.fullmatch(re.split(r"[，、]", text.rstrip(), maxsplit=1)[0])
    if m is None:
        return None
    name = m.group("name")
    if len(name) == 4 and name[0] not in lexicon.surnames and name[:2] not in lexicon.surnames:
        return None  # four characters that open on no surname (那仁图雅 does): no name
    a, rest = m.start("rest"), m.group("rest").rstrip()
    cut = max(rest.rfind(" "), rest.rfind("\u3000"))
    if cut > 0:
        org = (a, a + len(rest[:cut].rstrip()))
        title = rest[cut + 1:]
        gloss = re.search(r"[（(][A-Za-z][^（）()]*[)）]", text[org[0]:org[1]])
        if gloss and org[0] + gloss.end() < org[1]:
            # 爱立信（Ericsson）东北亚区　企业业务副总裁: the unit after the alias belongs to the title
            title = text[org[0] + gloss.end():org[1]] + title
            org = (org[0], org[0] + gloss.start())
    else:
        org = next(((s_, e_) for s_, e_ in orgs if s_ == a and e_ < a + len(rest)), None)
        glossed = re.match(r"([^（(]{2,20})[（(][A-Za-z][^（）()]{0,20}[)）]", rest)
        after = a + len(rest) + 1  # 高级工业发展官员，|联合国工业发展组织（UNIDO）: the title, then its organisation
        behind = next(((s_, e_) for s_, e_ in orgs if s_ == after), None) if text[after - 1:after] in "，、" else None
        if glossed:  # 思爱普（SAP）全球副总裁: the organisation is named with its alias before the title
            org = (a, a + glossed.end(1))
            title = rest[glossed.end():]
        elif org is None and behind is not None and lexicon.ends_with_title(rest):
            org, title = behind, rest
        elif org is None:
            return None
        else:
            title = text[org[1]:a + len(rest)]
    if org[1] - org[0] < 2 or " " in title or not (title in lexicon.titles or lexicon.ends_with_title(title)) \
            or len(title) > 12 or re.search(r"[\u3000 ]", text[org[0]:org[1]]):
        return None
    return m.span("name"), org, title


def _table_row(text: str, lexicon: Lexicon, found: list[Candidate]) -> list[Candidate]:
    """1　宇树G1人形机器人　　杭州宇树科技有限公司: in a row of a list of results, the last cell
    names who made it (each a name with an organisation's ending, listed with 、), and a cell that
    ends with a kind of product names the product."""
    cells = cues.table_cells(text)
    if cells is None:
        return []
    out = []
    a, b = cells[-1]
    items = [(a + x, a + y) for x, y in list_items(text[a:b])]
    if not items or not all(lexicon.suffix_type(text[x:y]) for x, y in items):
        return []
    for x, y in items:
        if not any(c.start == x and c.end == y and c.type in ORG_TYPES for c in found):
            out.append(Candidate(x, y, _org_type(text[x:y], lexicon), "pattern:table-row", 3))
    for x, y in cells[:-1]:
        name = text[x:y].strip("“”「」")
        if name.endswith(cues.PRODUCT_NOUNS + ("移动平台",)) and not re.search(r"[“”「」]", text[x:y]) \
                and not any(c.start <= x and y <= c.end and c.type == "Product" for c in found):
            out.append(Candidate(x, y, "Product", "pattern:table-row", 3))
    return out


def _authors(text: str) -> list[Candidate]:
    """邬亦舟1，萨仁高娃2，何塞·门德斯3: a paper's authors, each marked with the number of its affiliation."""
    line = text.strip()
    if not AUTHOR_LINE.fullmatch(line):
        return []
    a = text.index(line)
    return [Candidate(a + m.start(), a + m.end(), "Person", "pattern:authors", 3)
            for m in re.finditer(rf"{AUTHOR}(?=\d)", line)]


def _name_alone(text: str, lexicon: Lexicon, is_title: bool) -> list[Candidate]:
    """沈以宁 on a line of its own, over the paragraph of a speaker's bio: a person's name and nothing
    else (a surname, one or two given characters), or a transliterated name with its Latin form."""
    name = text.strip()
    line = NAME_LINE.fullmatch(name)
    if line is None:
        return []
    a = text.index(name)
    if line.group("latin"):  # 亚历山大·科瓦连科（Alexander Kovalenko）
        return [Candidate(a, a + line.start("latin"), "Person", "pattern:name-line", 3)]
    if not is_title and "·" not in name and "・" not in name and _chinese_name_at(text, a, lexicon) == a + len(name) \
            and dictionary_entry(name) is None and lexicon.lookup(name) is None:
        return [Candidate(a, a + len(name), "Person", "pattern:name-line", 3)]
    return []


CONTACT_LINE = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,20}(?:部|中心|办公室|处)[\u3000 ]+(?P<name>[\u4e00-\u9fff]{2,3})")


def _roster(text: str, lexicon: Lexicon, found: list[Candidate]) -> list[Candidate]:
    """郑海涛　世界互联网大会　副秘书长: the person a roster line introduces, and its organisation."""
    orgs = [(c.start, c.end) for c in found if c.type in ORG_TYPES]
    line = _roster_line(text, lexicon, orgs)
    if line is None:
        # 科大讯飞品牌公关部 邵映秋: a press contact, the unit then the name on a line of their own
        contact = CONTACT_LINE.fullmatch(text.strip())
        a = len(text) - len(text.lstrip()) + contact.start("name") if contact else -1
        if contact and _chinese_name_at(text, a, lexicon) == a + len(contact.group("name")):
            return [Candidate(a, a + len(contact.group("name")), "Person", "pattern:roster", 3)]
        return []
    (a, b), (o1, o2), _ = line
    out = [Candidate(a, b, "Person", "pattern:roster", 4)]  # the line says who: over a dotted name's own reading
    if not any(c.start == o1 and c.end == o2 and c.type in ORG_TYPES for c in found):
        out.append(Candidate(o1, o2, _org_type(text[o1:o2], lexicon), "pattern:roster", 3))
    return out


def _speakers(text: str, lexicon: Lexicon, found: list[Candidate]) -> list[Candidate]:
    """NAME + quote verb after a boundary: ”吴云坤说, 。韩歆毅认为 …"""
    out = []
    for m in cues.SPEECH.finditer(text):
        v = m.start()
        if len(m.group()) == 1 and _word_starts(text, v):
            continue  # 说到底, 说明: 说 opens another word
        if len(m.group()) == 1 and v > 0 and (e := dictionary_entry(text[v - 1:v + 1])) is not None and e[0] >= 100:
            continue  # 成果名|称: 称 closes another word
        for length in (3, 2, 4):
            a = v - length
            if a < 0:
                continue
            if not (a == 0 or text[a - 1] in cues.PUNCT):
                continue
            if text[a - 1:a] in "“「" and text.find("”", v) >= 0 and not re.search(r"[：:，,]", text[v:v + 3]):
                continue  # 把“能听会说、…”变成…: words quoted inside the sentence, no speaker
            if _chinese_name_at(text, a, lexicon) == v:
                out.append(Candidate(a, v, "Person", "pattern:speaker", 3))
                break
    # an epithet in quotes right before a name: “日本互联网之父”村井纯
    for m in re.finditer(r"“([^”]{2,14})”", text):
        if m.group(1).endswith(cues.EPITHET_ENDINGS):
            at = m.end() + (1 if text.startswith("的", m.end()) else 0)  # 被誉为“…之父”的X
            end = _person_after(text, at, lexicon, need_surname=False)
            if end > 0:
                out.append(Candidate(at, end, "Person", "pattern:epithet", 3))
    return out


# ============================================================================ patterns: quoted names

def _quote_pairs(text: str) -> list[tuple[int, int]]:
    """(open, close) of each “…” pair; a closing mark pairs with the nearest opening mark
    before it, so “智涌·浙”里,创见未来——…展” yields both the short and the whole title."""
    pairs, opens, inner_opens = [], [], []
    for i, ch in enumerate(text):
        if ch == "“":
            opens.append(i)
        elif ch == "”" and opens:
            pairs.append((opens.pop(), i))
        elif ch == "‘":  # 共建‘一带一路’国家, quoted inside a quotation
            inner_opens.append(i)
        elif ch == "’" and inner_opens:
            pairs.append((inner_opens.pop(), i))
    # a stray closing mark inside a title: also pair the last close with an earlier open
    extra = []
    for i, ch in enumerate(text):
        if ch == "”":
            prev_open = text.rfind("“", 0, i)
            if prev_open >= 0 and (prev_open, i) not in pairs and text.count("”", prev_open + 1, i) == 1:
                extra.append((prev_open, i))
    return pairs + extra


def _edition_start(text: str, o: int, found: list[Candidate]) -> int:
    """Where a quoted event's full name starts: the year of an edition opens it, with the
    organiser between (2026年世界互联网大会“互联网之光”博览会, 2025年“互联网之光”博览会); without a
    year the organiser stays a name of its own (世界互联网大会|“互联网之光”博览会)."""
    owners = [c for c in found if c.end == o and c.type in ORG_TYPES | {"Event"}]
    start = min((c.start for c in owners), default=o)
    year = re.search(r"(?:19|20)\d\d年(?:度)?$", text[:start])
    return year.start() if year else o


# groups that come together for a visit or a task, whose heads carry titles (代表团团长)
GROUPS = {"代表团", "考察团", "访问团", "代表队", "团队", "工作组", "专家组", "课题组", "小组", "评审组"}
# a count of a kind before its ending: 五所|大学, 3家|企业
COUNTED = re.compile(r"(?:\d+|[一二三四五六七八九十两几数多]+)(?:所|家|座|间|批|个)")
GENERATION = re.compile(r"(?:\d0|[零〇一二三四五六七八九]〇?[零〇])后")


def _quoted_names(text: str, found: list[Candidate], makers: list[Candidate] = ()) -> list[Candidate]:
    """Names in quotation marks, typed by their endings or the words around them (``makers``: the
    organisations the tagger reads, which may have shown a quoted product)."""
    out = []
    for o, c in _quote_pairs(text):
        inner = text[o + 1:c]
        if not 2 <= len(inner) <= 40 or any(p in inner for p in "。！？；"):
            continue
        if GENERATION.fullmatch(inner):
            continue  # “90后”: those born in a decade, no name
        after = text[c + 1:c + 12]
        sentence = _sentence_around(text, o)
        a, b = o + 1, c
        head = next((h for h in sorted(cues.EVENT_HEADS, key=len, reverse=True) if text.startswith(h, c + 1)), None)
        # “直通乌镇”全球互联网|大赛: a few words of what the event is may stand between the brand and the head
        worded = None if head else re.match(rf"([\u4e00-\u9fff]{{2,8}}?)({'|'.join(sorted(cues.EVENT_HEADS, key=len, reverse=True))})",
                                            text[c + 1:c + 14])
        # (“一带一路”国家|加入|大会, “智慧光伏”|亮相…博览会: a verb before the head makes it the object of
        # a clause, no name)
        if worded and not re.search(r"[的在是于和与及对为将把被了]", worded.group(1)) and worded.group(2) not in cues.CEREMONY_HEADS \
                and not any(v in worded.group(1) for v in cues.LEFT_STOPS if len(v) >= 2) \
                and not any(v in worded.group(1) for v in cues.VERBS_BEFORE_EVENTS) \
                and not any(p in inner for p in "，,、") and len(inner) <= 12:
            if not re.match(r"(?:总决赛|半决赛|决赛|复赛)", text[c + 1 + worded.end():]):  # (…大赛总决赛: the final's own rule)
                out.append(Candidate(_edition_start(text, o, found), c + 1 + worded.end(), "Event", "pattern:quoted-event", 3))
        elif head and head not in cues.CEREMONY_HEADS and not any(p in inner for p in "，,、"):
            out.append(Candidate(_edition_start(text, o, found), c + 1 + len(head), "Event", "pattern:quoted-event", 3))
        elif (inner.endswith(cues.AWARD_ENDINGS) or cues.AWARD_SELECTION.match(after)
              or cues.AWARD_CONFERRED.search(text[:o]) and "，" not in inner
              and "," not in inner and not inner.endswith(cues.CATEGORY_ENDINGS)) \
                and not inner.endswith(cues.NOT_AWARD) and len(inner) >= 4:
            y = re.match(r"((?:19|20)\d\d)年度?", inner)
            if y:
                a += y.end()
            out.append(Candidate(a, b, "Award", "pattern:quoted-award", 3))
        elif inner.endswith("类") and len(inner) >= 3 and "奖" in sentence:
            out.append(Candidate(a, b, "AwardCategory", "pattern:award-category", 3))
        elif inner.endswith(cues.QUOTED_EVENT_ENDINGS) and not inner.endswith(NOT_SHOWS) \
                and (len(inner) >= 8 or len(inner) >= 4 and "”" not in inner):
            # a long title may hold a quotation of its own (“智涌·浙”里,…展)
            out.append(Candidate(a, b, "Event", "pattern:quoted-event", 3))
        elif inner.endswith(cues.BARE_UNITS) and len(inner) >= 6 and not any(ch in inner for ch in "，,、"):
            typ = "Company" if inner.endswith(("公司", "集团")) else "Organization"
            out.append(Candidate(a, b, typ, "pattern:quoted-body", 2))  # 共建“智能网联安全联合实验室”
        elif (re.match(rf"[\u4e00-\u9fff]{{0,2}}(?:{'|'.join(cues.INITIATIVE_AFTER)})", after)
              and not after.startswith("的") or text[max(0, o - 2):o] == "共建") and \
                not any(ch in inner for ch in "，,、") and len(inner) <= 12:
            # “一带一路”合作, 共建“一带一路”; not “小而美”的合作项目, which describes the projects
            out.append(Candidate(a, b, "Initiative", "pattern:quoted-initiative", 2))
        elif re.match(rf"[\u4e00-\u9fffA-Za-z]{{0,8}}(?:{'|'.join(cues.PRODUCT_NOUNS)})", after) and _short_name(inner) \
                and not any(ch in inner for ch in "，,、"):
            m = re.match(rf"[\u4e00-\u9fffA-Za-z]{{0,8}}?(?:{'|'.join(cues.PRODUCT_NOUNS)})", after)
            if m and not any(p in m.group() for p in cues.PUNCT) and not _clause_between(m.group()):
                out.append(Candidate(a, b, "Product", "pattern:quoted-product", 2))
        elif QUOTED_PRODUCT.fullmatch(inner) and _short_name(inner) and not any(ch in inner for ch in "，,、的"):
            out.append(Candidate(a, b, "Product", "pattern:quoted-product", 2))  # “观澜大模型”, “濮院针织产业大脑”
        elif text[:o].endswith(PRODUCT_KINDS) and _short_name(inner) \
                and not any(ch in inner for ch in "，,、的") and not _ordinary_words(inner) \
                and not tag(inner)[0][1].startswith("v"):  # 借助峰会平台“牵手”: a verb in quotes
            out.append(Candidate(a, b, "Product", "pattern:quoted-product", 2))  # 类脑计算机“悟空”: the kind, then the name
        elif LAUNCHED_BY.search(text[:o]) and _short_name(inner) and not any(ch in inner for ch in "，,、的") \
                and not re.search(r"(?:计划|规划|工程|行动|倡议)$", inner):
            out.append(Candidate(a, b, "Product", "pattern:quoted-product", 2))  # 警方推出的「防骗视伏器」
        elif (shown := SHOWN_BY.search(text[:o])) and any(c.end == shown.start() and c.type in ORG_TYPES
                                                          for c in [*found, *makers]) \
                and _short_name(inner) and not any(ch in inner for ch in "，,、的") and not _ordinary_words(inner):
            out.append(Candidate(a, b, "Product", "pattern:quoted-product", 2))  # 阿里巴巴展出「通义千问」
        elif DEFINED_AS_PRODUCT.match(text, c + 1) and _short_name(inner) and not any(ch in inner for ch in "，,、的"):
            out.append(Candidate(a, b, "Product", "pattern:quoted-product", 2))  # “天府通办”是…政务服务平台
    return out


# words ending in 展 that name no show: “…与可持续发展” is a topic
NOT_SHOWS = ("发展", "进展", "拓展", "开展", "扩展")
PRODUCT_KINDS = tuple(n for n in cues.PRODUCT_NOUNS if len(n) >= 2)  # 类脑计算机“悟空”
# a made thing named in quotes right after the verb that brought it out
LAUNCHED_BY = re.compile(r"(?:推出|研发|开发|上线)的$")
# or the firm named right before the verb that shows it: 阿里巴巴展出「通义千问」
SHOWN_BY = re.compile(rf"(?:{'|'.join(cues.SHOWING_VERBS)})了?$")
# a quoted name the sentence then says is a made thing: “天府通办”是四川省一体化政务服务平台
DEFINED_AS_PRODUCT = re.compile(rf"(?:是|为)[\u4e00-\u9fffA-Za-z0-9]{{0,16}}?(?:{'|'.join(PRODUCT_KINDS)})(?=[，。；,;])")
# a quoted name that says itself what it is: a name of two characters or more, then a noun for a
# made thing (not 应用 or 产品, which also name a field: “浙江应用”展区)
SELF_NAMED_PRODUCTS = tuple(n for n in cues.PRODUCT_NOUNS if n not in ("应用", "产品", "软件")) + ("大脑", "搜索")
QUOTED_PRODUCT = re.compile(rf"[\u4e00-\u9fffA-Za-z0-9]{{2,}}(?:{'|'.join(SELF_NAMED_PRODUCTS)})")


def _clause_between(gap: str) -> bool:
    """“主角”已从去年的通用|大模型: a clause, not a description, between a quoted word and a product noun."""
    return any(ch in gap for ch in "的已从在是将把被向对与和及或也都")


STAND = re.compile(r"(在|走进|来到|^|(?<=[，。；：！？,;:!?])|(?<=博览会|展览会))([\u4e00-\u9fffA-Za-z0-9]{2,10}?)(?:的)?展(台|位|区)(?!于)")
# 广东深圳的大疆创新把…, 上海的米哈游则展示…: at a fair, a clause opened by a place, 的, and what
# the exhibitor shows
PLACED_EXHIBITOR = re.compile(r"的([\u4e00-\u9fffA-Za-z0-9]{2,8}?)(?:则|也|还|同样|更是|更)?"
                              r"(?:展出|展示|带来|发布|推出|亮相|携|首发|演示|把|将)")


def _stands(text: str, lexicon: Lexicon, found: list[Candidate], tagged: list[Candidate],
            known: dict[str, str]) -> list[Candidate]:
    """在中国电信展台: whose stand it is, at a fair, is a company's name."""
    out = []
    for m in STAND.finditer(text):
        a, b = m.span(2)
        # 在…博览会|华为展台, 观众在|百度展区: the fair or the verb of going there, then whose stand it is
        went = re.match(r".*(?:博览会|展览会|在|走进|来到)", m.group(2))
        if went:
            a += went.end()
        name = text[a:b]
        if len(name) < 2:
            continue
        if name[0] in "本该这此各" or lexicon.lookup(name) is not None or any(c.start == a and c.end == b for c in found):
            continue
        if not (m.group(1) or went) and not any(c.start == a and c.end == b and c.type in ORG_TYPES for c in tagged):
            continue  # 。主题展位于…, 刘建国在展台前: with no verb before it, only the tagger's organisation
        last, last_tag = tag(name)[-1][:2]
        if last_tag == "v" and len(last) >= 2 or re.search(r"峰会|论坛|大会|博览会|现场|会场", name):
            continue  # 在峰会设置展台: a verb before the stand, not whose stand it is
        brand = any(c.start == a and c.end == b and c.type in ORG_TYPES for c in tagged) \
            or known.get(name) == "Company" or (dictionary_entry(name) or ("", ""))[1] in ("nr", "nrt")
        if m.group(3) == "区" and (len(name) > 4 or not brand):
            continue  # 在数据库展区, 在5G展区: an area of a kind of product or a field, unless a firm's name says whose
        out.append(Candidate(a, b, "Company", "pattern:stand", 2))
    return out


def _placed_exhibitors(text: str, words, found: list[Candidate], tagged: list[Candidate],
                       known: dict[str, str]) -> list[Candidate]:
    """安徽合肥的科大讯飞带来…, 上海的米哈游则展示…: the places that open a clause, 的, then the
    exhibitor and what it shows. The name must be one to the tagger or a proper word."""
    places = [c for c in found if c.type == "Region" and c.method == "lexicon"]
    tagger_starts = {c.start for c in tagged if c.type in ORG_TYPES | {"Person"}}
    out = []
    for m in PLACED_EXHIBITOR.finditer(text):
        a, b = m.span(1)
        start = m.start()
        while (place := next((p for p in places if p.end == start), None)) is not None:
            start = place.start
        if start == m.start() or not (start == 0 or text[start - 1] in cues.PUNCT or text.endswith("来自", 0, start)
                                      and (start < 3 or text[start - 3] in cues.PUNCT)):
            continue
        if any(c.start < b and a < c.end for c in found if c.type != "Title" and c.strength >= 2):
            continue
        if a in tagger_starts or _distinctive(m.group(1), words, a, b, found, known):
            out.append(Candidate(a, b, "Company", "pattern:placed-exhibitor", 2))
    return out


def _short_name(name: str) -> bool:
    """At most twelve characters, a run of Latin letters and digits counting as one (日日新SenseNova V6)."""
    return len(re.sub(r"[A-Za-z0-9][A-Za-z0-9.\-]*", "A", name)) <= 12


def _sentence_around(text: str, i: int) -> str:
    a = max(text.rfind(ch, 0, i) for ch in "。！？") + 1
    ends = [e for e in (text.find(ch, i) for ch in "。！？") if e >= 0]
    return text[a:min(ends) + 1 if ends else len(text)]


# what follows the name of a paper in 《》: its site, what it printed (a magazine alone, 《读书》杂志, may
# name the publication rather than the body behind it)
OUTLET_AFTER = re.compile(r"(?:网站|网络版|刊发|援引|发表文章|发表社论|社论|评论文章|专栏)")


def _book_titles(text: str) -> list[Candidate]:
    """《…》: a report or an initiative, by its last words or, failing that, by the sentence."""
    out = []
    for m in re.finditer(r"《([^《》]{2,60})》", text):
        # 战略（2020—2030）, 策略2.0, 白皮书2024: the period, the version or the year printed after
        inner = re.sub(r"[（(][^（）()]{1,20}[)）]$|\s*(?:(?:19|20)\d\d(?:年版?|年度)?|(?<!\d)\d{1,2}(?:\.\d{1,2})?)$", "",
                       m.group(1))
        if cues.NOT_OUR_WORKS.search(inner):
            continue
        if re.search(r"题为$", text[:m.start()]) and re.match(r"的?(?:主旨|主题|专题)?(?:报告|演讲|发言|讲座|致辞)", text[m.end():]):
            continue  # 作题为《…》的主旨报告: the title of a talk, not a published work
        if re.search(r"(?:游戏|手游|软件|应用|App|APP)$", text[:m.start()]):
            out.append(Candidate(m.start(), m.end(), "Product", "pattern:book-title", 3))  # 游戏《原神》
        elif OUTLET_AFTER.match(text, m.end()):
            out.append(Candidate(m.start(), m.end(), "Organization", "pattern:book-title", 3))  # 《纽约时报》网站
        elif inner.endswith(cues.INITIATIVE_HEADS):
            out.append(Candidate(m.start(), m.end(), "Initiative", "pattern:book-title", 3))
        elif inner.endswith(cues.REPORT_HEADS) or cues.REPORT_CONTEXT.search(_sentence_around(text, m.start())):
            out.append(Candidate(m.start(), m.end(), "Report", "pattern:book-title", 3))
    return out


# ============================================================================ patterns: name endings

ERA_WORDS = {"未来", "现代", "当代", "近代", "古代", "青年", "少年"}
FUNCTION_TAGS = {"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "r", "y", "e", "o", "q", "f", "m", "t", "mq"}


def _np_start(text: str, end: int, words, found: list[Candidate], max_len: int = 18,
              stop_verbs: bool = False, opening_verb: bool = False, openers: tuple[str, ...] = ("Region",),
              verb_chains: bool = False, chain_after_names: bool = False) -> int:
    """Where the noun phrase that ends at ``end`` begins: scanning left over words, stop at
    punctuation, a function word or number, the end of an earlier name (not of ``openers``,
    the types that may open a longer name), max_len characters,
    and (``stop_verbs``) a verb, unless (``opening_verb``) the verb opens the clause: an
    organisation before a title may start with one (创新科技及工业局局长), or (``verb_chains``)
    it stands between nouns and the name's ending (应急技术处理协调中心), even after another
    name's head where ``chain_after_names`` (数字政府与人工智能治理分论坛). 和/与 between two
    common words stays inside (安全与治理)."""
    limit = max(0, end - max_len)
    for c in found:
        if c.type not in openers and limit < c.end < end:  # places may open a name; other names end it
            limit = c.end
    toks = [(w, t, s) for w, t, s in words if s < end]
    start = end
    for k in range(len(toks) - 1, -1, -1):
        w, t, s = toks[k]
        if s < limit:
            break
        if s + len(w) > end:  # the word runs past the head: the head splits it
            start = s
            continue
        if any(ch in cues.PUNCT for ch in w):
            break
        conj = w in ("与", "和", "及") and _conj_inside(toks, k, after_names=chain_after_names) \
            and not (len(toks[k - 1][0]) >= 2 and text.startswith(toks[k - 1][0], end))  # 宇树科技和|强脑科技: two names, one head
        linking = w == "之" and k > 0 and toks[k - 1][1] in ("n", "nz", "ns", "vn", "j", "nr", "eng")  # 互联网之光
        # 与流通|利用|论坛: a second field joined by 与 may end in a verb that elsewhere opens a phrase
        joined_field = verb_chains and k == len(toks) - 1 and k >= 2 and len(w) == 2 and t in ("v", "vn", "n") \
            and toks[k - 1][1] in ("n", "vn") and toks[k - 2][0] in ("与", "和", "及")
        # 小鹏汇|天: a one-character "measure word" with no number before it is a name's last character
        glued = t == "q" and len(w) == 1 and k > 0 and toks[k - 1][1] not in ("m", "mq", "x") \
            and "\u4e00" <= toks[k - 1][0][-1] <= "\u9fff" and k == len(toks) - 1
        # 元|璟|资本: the "measure word" before a bound morpheme the segmenter could not place opens the name
        glued = glued or t == "q" and len(w) == 1 and (k == 0 or toks[k - 1][1] not in ("m", "mq")) \
            and k + 1 < len(toks) and toks[k + 1][1] in ("yg", "ng", "ag", "rg", "vg", "dg", "tg")
        era = t == "t" and w in ERA_WORDS  # 联合国|未来|峰会, 现代|汽车: an age, not a date, names things
        if (w in cues.LEFT_STOPS or t in FUNCTION_TAGS) and not conj and not linking and not joined_field and not glued \
                and not era:
            break
        opens_clause = opening_verb and (k == 0 or any(ch in cues.PUNCT for ch in toks[k - 1][0]))
        # 应急技术|处理|协调|中心, 数据治理|与流通利用论坛: a verb between nouns and before the head, another
    # verb or a conjunction names a task
        # 人工智能|赋能|产业发展|论坛: a verb with its object, common nouns up to the head
        takes_object = k + 1 < len(toks) <= k + 4 and all(tt in ("n", "vn") for _, tt, _ in toks[k + 1:]) \
            and not any(c.start == toks[k + 1][2] for c in found)  # 入选|世界经济论坛: a name is no task
        in_chain = verb_chains and k > 0 and toks[k - 1][1] in ("n", "vn", "nz", "an", "j", "v") and (
            k == len(toks) - 1 or toks[k + 1][1] in ("v", "vn") or toks[k + 1][0] in ("与", "和", "及")
            or takes_object and toks[k - 1][1] in ("n", "nz", "j")) and (
            chain_after_names or not any(
            toks[j][0].endswith(cues.NAME_HEADS) for j in range(max(0, k - 4), k)))  # …有限公司|科技|创新|部: a unit
        stationed = re.fullmatch(r"驻[\u4e00-\u9fff]", w) is not None  # 巴基斯坦|驻华|大使馆: where a mission is, in its name
        # 乌镇镇|开通|峰会…专线: a place, then a verb, is a clause with its subject, not a task in a name
        in_chain = in_chain and not any(c.end == s and c.type == "Region" for c in found)
        if stop_verbs and t == "v" and len(w) >= 2 and not opens_clause and not in_chain and not stationed \
                and (not toks[k - 1][0].endswith(cues.NAME_HEADS) or w in cues.ANNOUNCING_VERBS):
            break  # a verb ends the name, unless it opens the clause or a unit after a parent (…政府|创新科技及工业局)
        if stop_verbs and t == "vn" and len(w) >= 2 and k + 1 < len(toks) and toks[k + 1][1] == "ns" \
                and not opens_clause:
            break  # 企业调用|杭州智算中心: a verb taking a place as its object ends the name
        if stop_verbs and (w in cues.VERBS_BEFORE_EVENTS or len(w) >= 2 and w in cues.AWARD_VERBS):
            break  # 组团|亮相|乌镇峰会, 荣获|…赛道: whatever the tagger reads it as, the verb before the name
        if stop_verbs and t == "v" and len(w) == 1 and k > 0 and toks[k - 1][1] == "v":
            break  # 是去听|网络安全…论坛: a verb after a verb, what the speaker went to do
        if t == "a" and len(w) == 1 and k > 0 and toks[k - 1][1] in ("v", "p") and len(toks[k - 1][0]) == 1:
            break  # 用好|横琴粤澳深度合作区, 办好|…: the result of the verb before, no part of the name
        start = s
    while start < end and text[start] in "和与及":
        start += 1  # the scan stopped right before a conjunction it had crossed: the name starts after it
    return start


PROPER_TAGS = ("nr", "nrt", "nrfg", "ns", "nz", "eng")


# (a people's government names its own offices with it: 浙江省人民政府新闻办公室)
GOVERNMENT_THEN_BUREAU = re.compile(r"([\u4e00-\u9fff]{2,10}?(?<!人民)政府)([\u4e00-\u9fff]{3,16})")


def _bureaus_after_their_government(text: str, found: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """香港特区政府|创新科技及工业局: a bureau written right after the government it serves is named
    without it; the government is a name of its own. A bare office (特区政府|办公室) stays whole."""
    out = []
    for c in found:
        if c.type != "GovernmentBody" or not c.method.startswith("pattern:"):
            continue
        m = GOVERNMENT_THEN_BUREAU.fullmatch(simplified_same_length(text[c.start:c.end]))
        ending = lexicon.suffix_type(m.group(2)) if m else None
        if ending is None or ending[1] != "GovernmentBody" or len(ending[0]) == len(m.group(2)):
            continue
        split = c.start + m.end(1)
        if not any(o.start == c.start and o.end == split for o in found + out):
            out.append(Candidate(c.start, split, "GovernmentBody", "pattern:name-ending", 2))
        c.start = split
    return out


def _unit_chain_start(text: str, start: int, lexicon: Lexicon, hints: dict[int, int] | None) -> int:
    """An organisation written right before this one is its parent: 香港特区政府|创新科技及工业局."""
    while hints and start in hints and hints[start] < start:
        parent = text[hints[start]:start]
        found = lexicon.suffix_type(parent)
        if not found or found[1] not in ("GovernmentBody", "Organization"):
            break
        start = hints[start]
    return start


# development zones and parks (GB/T 18521-2001 classes them as places): a scenic area or a venue
# keeps its town (乌镇西栅景区), a zone named for itself does not (东莞|松山湖高新区)
ZONE_ENDINGS = ("开发区", "高新区", "园区", "科技园", "科学园", "产业园", "软件园", "科学城", "科技城", "新区")


def _beside_a_field(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """An everyday word and an industry word (金融科技) joined right before or after a field of
    the digital economy (人工智能): a field too, not a brand (商汤科技)."""
    ending = lexicon.suffix_type(text[start:end])
    trade = dictionary_entry(simplified_same_length(text[start:end - len(ending[0])])) if ending else None
    if trade is None or trade[0] < 1000 or trade[1] not in ("n", "vn") or ending[1] != "CompanyIndustry":
        return False
    after = simplified_same_length(text[end + 1:end + 6]) if text[end:end + 1] in LIST_JOINS else ""
    before = simplified_same_length(text[max(0, start - 6):start - 1]) if text[start - 1:start] in LIST_JOINS else ""
    return any(after.startswith(f) or before.endswith(f) for f in cues.FIELD_WORDS)


def _proper_word_in(words, a: int, b: int) -> bool:
    """A place's or other proper word that starts between a and b (松山湖, 东湖新技术开发区): the
    zone after a city has a name of its own, not the city's (桐乡|经济开发区)."""
    return any(a <= s < b and t in PROPER_TAGS + ("nt",) for w, t, s in words)


def _common_words(words, a: int, b: int, extra: tuple[str, ...] = ()) -> bool:
    """Only common nouns between a and b (开源生态): a department, not part of a name; ``extra``
    tags count as common too (研发, an abbreviation to the segmenter)."""
    parts = [(w, t) for w, t, s in words if a <= s and s + len(w) <= b]
    return bool(parts) and all(t in ("n", "vn", "an", *extra) for _, t in parts)


def _everyday_words(words, a: int, b: int) -> bool:
    """Only words the dictionary has seen a thousand times or more between a and b (智慧|城市):
    what the words say, not a brand."""
    parts = [w for w, t, s in words if a <= s and s + len(w) <= b]
    return bool(parts) and all((e := dictionary_entry(w)) is not None and e[0] >= 1000 for w in parts)


def _field_words(words, a: int, b: int) -> bool:
    """Common nouns between a and b, joined by 和 or 与 (基础设施和能源): a field, not a name."""
    parts = [(w, t) for w, t, s in words if a <= s and s + len(w) <= b]
    return bool(parts) and all(t in ("n", "vn", "an") or w in ("和", "与", "及")
                               or (e := dictionary_entry(w)) is not None and e[1] in ("n", "vn", "an") and e[0] >= 1000
                               for w, t in parts) \
        and parts[0][0] not in ("和", "与", "及") and parts[-1][0] not in ("和", "与", "及")


def _one_name(words, a: int, b: int) -> bool:
    """No coordination of two names between a and b (腾讯|和|之江实验室)."""
    toks = list(words)
    for k, (w, t, s) in enumerate(toks):
        if a <= s < b and (w in ("、", "，", ",") or w in ("和", "与", "及", "以及") and not _conj_inside(toks, k)):
            return False
    return True


# the Party, or one of its committees, written before a body: the name's first words, however long
PARTY_COMMITTEE_BEFORE = re.compile(rf"(?:中共|中国共产党)(?:[{cues.CJK}]{{1,8}}?委)?$")

# the heads of a government body named by the fields it governs (住房和城乡建设局, 经济和信息化委员会)
FIELD_BODY_HEADS = ("委员会", "办公室", "局", "厅")


def _conj_inside(toks, k: int, after_names: bool = False) -> bool:
    """和/与/及 joins two common words inside one name (安全与治理, 发展和改革, 技术与通信部), not two
    names (腾讯和之江实验室) nor two programmes (…倡议和全球发展倡议)."""
    if k == 0 or k + 1 >= len(toks):
        return False
    left, right = toks[k - 1], toks[k + 1]
    common = ("n", "ng", "vn", "v", "an", "a", "j") + (("nz",) if after_names else ())  # 网络安全(nz)与数据治理
    # 网络安全(nz)和|信息化委员会办公室: a body named by two fields, where only common words lead to
    # its head after 和, keeps the first field even where the segmenter reads it as a proper word
    if left[1] == "nz" and len(toks) - k >= 3 and all(t in ("n", "vn", "l") for _, t, _ in toks[k + 1:]) \
            and toks[-1][0].endswith(FIELD_BODY_HEADS):
        common += ("nz",)
    # a body's name may close the phrase (技术和|通信部), but one before 和 is a name of its own (中国移动与华为公司)
    if left[1] not in common or right[1] not in common + ("nt",):
        return False  # punctuation, a name or a place on either side: two names, not one
    if after_names:  # 数字政府与人工智能治理: a body's word may open a topic, but not two events (峰会及专题论坛)
        return not left[0].endswith(cues.EVENT_HEADS + cues.PROGRAMME_HEADS + cues.INITIATIVE_HEADS)
    return not left[0].endswith(cues.PROGRAMME_HEADS + cues.INITIATIVE_HEADS + cues.NAME_HEADS)


def _distinctive(name: str, words, a: int, b: int, found: list[Candidate], known: dict[str, str]) -> bool:
    """A proper name holds something besides common words: a place, a person-like or foreign
    word, a word the dictionary does not know, or a name known from elsewhere."""
    if any(k.start >= a and k.end <= b and k.type != "Title" for k in found):
        return True
    if any(len(n) >= 3 and n in name[: b - a] for n in known):
        return True
    parts = [(w, t) for w, t, s in words if s >= a and s + len(w) <= b]
    if not parts:
        return False
    if _coined(name[: b - a], parts):
        return True
    content = [w for w, t in parts if w not in cues.GENERIC_WORDS and t not in FUNCTION_TAGS]
    if name.startswith(("国家", "中国", "全国", "中央")) and (len(content) >= 3 or len(content) == 2 and len(name) >= 10):
        return True  # 国家计算机网络应急技术处理协调中心: a national body is named by what it does
    for w, t in parts:
        if w in cues.GENERIC_WORDS:
            continue
        if t in ("ns", "nr", "nrt", "nrfg", "nz", "nt", "j", "eng") or dictionary_entry(w) is None:
            return True
    return False


def _regions_tile(found: list[Candidate], a: int, b: int) -> bool:
    """Whether places of the lexicon, written one after another, fill a..b (杭州市余杭区)."""
    pos = a
    while pos < b:
        nxt = max((c.end for c in found if c.start == pos and c.type == "Region" and c.method == "lexicon" and c.end <= b),
                  default=None)
        if nxt is None:
            return False
        pos = nxt
    return pos == b > a


def _suffix_names(text: str, lexicon: Lexicon, words, found: list[Candidate],
                  known: dict[str, str], hints: dict[int, int] | None = None) -> list[Candidate]:
    """Names by their endings: …公司/集团 (Company), …协会/联盟 (Organization), …局/厅/人民政府
    (GovernmentBody), and brand + industry word (…科技, …信息) for companies."""
    out: list[Candidate] = []
    ends = []
    named_ends = {s + len(w) for w, t, s in words if t == "nt"}  # 国土|安全部: the segmenter reads a body
    for i in range(len(text)):
        for length in range(min(8, len(text) - i), 0, -1):
            suffix = text[i:i + length]
            typ = lexicon.suffixes.get(suffix)
            if typ is None:
                continue
            end = i + length
            # the longest ending only, and not when a longer ending continues it (公安局 → 公安分局)
            if end < len(text) and any(text[i:end + k] in lexicon.suffixes for k in range(1, 4)):
                break
            if length == 1 and text[end:end + 1] in ("了", "过", "着", "好", "成"):
                break  # 在乌镇办|了十三届: the character is a verb here
            if any(text[i:end + k] in lexicon.titles for k in (1, 2)):
                break  # 算法工程|师: the ending opens a title
            if suffix.isascii() and (text[end:end + 1].isascii() and text[end:end + 1].isalnum()
                                     or i > 0 and text[i - 1].isascii() and text[i - 1].isalnum()):
                continue  # LP in LPDDR5X, NV in NVIDIA: a legal form is a word of its own
            if suffix.isascii() and suffix.isupper() and i > 0 and "\u4e00" <= text[i - 1] <= "\u9fff":
                continue  # 产线要懂|PLC: a Latin legal form closes a Latin name, not Chinese words
            if length == 1 and i > 0 and end not in named_ends:
                # 局 in 布局, 部 in 全部: a one-character ending must not close an ordinary word
                entry = dictionary_entry(text[i - 1:end])
                if entry and entry[1] not in ("nt", "ns", "nz"):
                    break
                following = dictionary_entry(text[i:end + 1]) if end < len(text) else None
                title_after = any(text[end:end + k] in lexicon.titles for k in range(2, 6))  # …创新部|副部长
                if following and following[0] >= 20 and not title_after:  # 部 in 部分, 局 in 局面
                    break
            if not any(e == end for _, e, _ in ends):  # 人民银行, not its 银行
                ends.append((i, end, typ))
            break
    for i, end, typ in ends:
        head = _before_registered_parens(text, i, lexicon)  # 陕西广电网络传媒（集团）股份有限公司
        # a brand guessed from an industry word (巴基斯坦信息技术) does not cut a longer name
        start = _np_start(text, head, words, found + [c for c in out if c.strength >= 2], stop_verbs=True,
                          verb_chains=True)
        hinted = (hints or {}).get(end)
        if hinted is not None and start - 12 <= hinted < start and _one_name(words, hinted, start) \
                and not any(w in cues.LEFT_STOPS and len(w) >= 2 for w, _, s in words if hinted <= s < start):
            start = hinted  # the tagger reads a longer name: 香港特区政府创新科技及工业局 (not 浙江大学|共建…实验室)
        start = _unit_chain_start(text, start, lexicon, hints)
        cut = next((c for c in found if c.start < start < c.end and c.type == "Region" and c.method == "lexicon"), None)
        if cut is not None:
            start = cut.start  # 本|澳数字政府: a name does not open inside a place the lexicon read
        national = re.search(r"国家[\u4e00-\u9fff]{0,8}$", text[:start])
        if national and typ in ("Organization", "GovernmentBody") and all(
                t in ("n", "vn", "v", "b", "j", "nz") for w, t, s_ in words if national.start() <= s_ < start):
            start = national.start()  # 国家|并行计算机工程技术研究中心: a national body is named by what it does
        if text[:end].endswith(DESIGNATED_UNITS) and text[start - 1:start] in ("与", "和", "及"):
            # 计算机辅助设计与|图形系统全国重点实验室: a designated laboratory named by two fields
            first = _np_start(text, start - 1, words, found, stop_verbs=True)
            if first < start - 2 and not lexicon.suffix_type(text[first:start - 1]):
                start = _unit_chain_start(text, first, lexicon, hints)
        if typ == "GovernmentBody" and i - start < 2:
            # 技术与创新|部: a portfolio the segmenter reads as a verb still names the ministry; not a
            # department of a company written before it (巨石集团有限公司|智能制造部)
            wider = _np_start(text, head, words, found + [c for c in out if c.strength >= 2], verb_chains=True)
            if re.search("[与和及、]", text[wider:i]) and not _ending_inside(text[wider:i], lexicon, ORG_TYPES) \
                    and not any(c.end == wider and c.type in ORG_TYPES for c in found + out):
                start = wider
        chained_unit = False
        if typ == "GovernmentBody" and i - start < 2:
            # 经济部|投资审议|司: a department of a ministry, named by its task, a verb included
            chained = _np_start(text, head, words, found + [c for c in out if c.strength >= 2], stop_verbs=True,
                                verb_chains=True, chain_after_names=True)
            ministry = next((c for c in found if c.end == chained and c.type == "GovernmentBody"
                             and c.method.startswith("lexicon")), None)
            if any(chained <= s_ and s_ + len(w) <= i and len(w) >= 3 and lexicon.suffixes.get(w[-1]) == "GovernmentBody"
                   for w, _, s_ in words):
                start, chained_unit = chained, True
            elif ministry is not None and i - chained >= 2:
                start, chained_unit = ministry.start, True  # 经济部|投资审议司: a ministry of the lexicon, then its department
        if typ == "GovernmentBody":
            start = _country_ministry_start(text, start, i, words, found, lexicon)
            start = _portfolio_start(text, start, lexicon)
        # a chain of units: 宁波市公安局鄞州公安分局 is one name
        parent_start = min((prev.start for prev in out if prev.end == start), default=start)
        if _unit_after_registered(text[parent_start:end]):
            continue  # 浙江大华技术股份有限公司|智慧城市研发中心: a unit of the firm, the registered name ends the name
        for prev in out:
            if prev.end == start and prev.type in ORG_TYPES and typ != "CompanyIndustry":
                start = prev.start
        if typ in ("Company", "CompanyIndustry"):
            if re.match(r"[A-Za-z]", text[end:end + 1]) and text[start:end].endswith(cues.DESCRIPTOR_NOUNS):
                continue  # 网络安全公司|Group-IB: the noun describes the name that follows
            start = _past_apposition(text, start, i, lexicon, words, found, known)
            start = _registered_start(text, start, end, lexicon, found)
        described = chained_unit
        if typ == "CompanyIndustry" and not _brand(text, words, start, i, end):
            said = list(re.finditer(BRAND_DESCRIPTOR, text[start:i]))  # 台湾AI影像新创|慧眸科技, 工业电脑厂|宏联资讯
            if said and _brand(text, words, start + said[-1].end(), i, end):
                start += said[-1].end()
            elif said and said[-1].group() in cues.DESCRIPTOR_NOUNS and 2 <= i - start - said[-1].end() <= 4 \
                    and not text.startswith(cues.PRODUCT_NOUNS, end) and _nouns_only(words, start + said[-1].end(), i):
                start += said[-1].end()  # 人工智能企业|商汤科技: after the word for a company, its name
                described = True
        placed = re.search(r"[（(]([\u4e00-\u9fff]{2,4})[)）]$", text[:start]) if typ in ("Company", "CompanyIndustry") else None
        if placed and (e := lexicon.lookup(placed.group(1))) is not None and e.type == "Region":
            brand = _np_start(text, placed.start(), words, [c for c in found if c.type != "Region"], stop_verbs=True)
            if 2 <= placed.start() - brand <= 8:
                start = brand  # 爱立信（中国）通信有限公司: a firm's national company names its country inside
        if text[i:end] in WORKING_BODIES and (parent := next(
                (c for c in found if c.end == start and c.type in ORG_TYPES and c.method == "lexicon"), None)):
            start = parent.start  # 世界互联网大会|人工智能工作组: a working body is named with the body it works for
        if text.startswith("系", start) and (text[:start].endswith("作者") or any(
                c.end == start and c.type == "Person" for c in found)):
            start += 1  # 作者系|中国人民大学…教授: 系 is the verb "is", no part of the name
        if text[start:start + 1] in HYPHENS or text[start - 1:start] in HYPHENS and text[start - 2:start - 1] not in HYPHENS:
            # 东盟-|新加坡网络安全卓越中心, 中国—|东盟信息港: one hyphen joins two names into one, and the
            # name before it opens the name (a doubled dash —— is punctuation)
            joint = start if text[start:start + 1] in HYPHENS else start - 1
            before = next((c for c in found if c.end == joint and c.type in (*ORG_TYPES, "Region")), None)
            start = before.start if before is not None else max(start, joint + 1)
        name = text[start:end]
        if len(name) - (end - i) < 2 or name in lexicon.titles:
            continue
        if name.startswith("各") or re.match(r"发\s*[〔\[［(（]", text[end:end + 3]):
            continue  # 各镇人民政府: each of a kind, no name; 桐政办|发〔2024〕12号: a document's number
        goal = re.search(r"(?:建设|打造|建成|成为|发展成|迈向)", simplified_same_length(text[start:i]))
        if goal and typ in ("Organization", "CompanyIndustry") and i - start - goal.end() >= 2 and goal.start() >= 2 \
                and any(s_ == start + goal.start() and w == goal.group() and t in ("v", "vn") for w, t, s_ in words):
            continue  # 香港建设|国际创新科技中心: a goal the place works towards, not a body
        if typ == "Organization" and re.search(r"(?:共建|共同建设|建设|打造|建成|筹建|新建)(?:[^，。；！？]{0,12}的)?$", text[:start]) \
                and _field_words(words, start, i):
            continue  # 共建面向长三角的|智能算力中心: what is to be built, a kind of body, not yet a name
        if typ == "GovernmentBody" and text[start:end].endswith(GOVERNMENT_KINDS):
            continue  # 本澳|数字政府: a way of governing, not a body
        if text[i:end] == "组织" and (text.startswith("的", end) and re.search(r"由$", text[:start])
                                     or (o := lexicon.suffix_type(text[start:i])) and o[1] in ORG_TYPES
                                     or _regions_tile(found, start, i)
                                     or text.startswith(("方案", "工作", "实施", "管理", "开展"), end)):
            continue  # 由…管理委员会|组织的北京展团, 匈牙利驻华大使馆|组织了…, 杭州市余杭区|组织…参展,
            # 交通组织|方案: 组织 is the verb, no body
        if typ == "CompanyIndustry" and any(s_ == i and t == "vn" for w, t, s_ in words) \
                and (PROMOTES.search(text[:start]) or text.startswith(WORK_RESULTS, end)
                     or _everyday_words(words, start, i) and not any(start <= c.start < i for c in found)):
            continue  # 推动|智慧城市建设, 智慧城市建设|成果: the work done, not a company
        if typ == "Organization" and re.search(r"下设的?$", text[:start]):
            described = True  # 专委会下设的|智能体安全工作组: a unit set up under a body is named by its task
        if typ == "CompanyIndustry" and re.search(r"旗下的?$", text[:start]) and i - start >= 2:
            described = True  # 海康威视旗下|萤石网络: what a group owns is a firm, whatever words its brand is
        if any(c.type == "Title" and c.start <= start and end <= c.end for c in found):
            continue  # 国际电信联盟|亚太区域代表处主任: a unit read into a title is no name of its own
        joint = re.search(r"[和与及]([\u4e00-\u9fff]{1,4})$", text[start:i])
        if joint and joint.group(1) in cues.GENERIC_WORDS and text[i:end] in ("组织", "机构", "单位", "部门", "团体"):
            continue  # 外国政要和|国际组织: kinds of guests listed, the last one a kind of body
        if typ == "CompanyIndustry" and ORG_SHOWS.match(text, end) and any(
                simplified_same_length(text[start:i]).endswith(f) and 2 <= i - start - len(f) <= 4 for f in cues.FIELD_WORDS):
            described = True  # 合众|新能源|汽车展出了…: a brand, the field it makes for, its trade, and what firms do at a fair
        # 市经济和信息化局, 县农业农村局: a local government's bureau, named by its level and its task
        local_body = typ == "GovernmentBody" and re.match(r"[省市县区](?!场)", name) is not None and len(name) >= 5 \
            and (start == 0 or text[start - 1] in cues.PUNCT or text[start - 1] in "和与及")
        if not described and not local_body and not _distinctive(name, words, start, i, found + out, known):
            continue
        kind = COUNTRY_AND_KIND.fullmatch(text, start, end)
        if kind and (e := lexicon.lookup(kind.group(1))) is not None and e.level == "country" \
                and _described_name_at(text, end, words):
            continue  # 中国网路公司深度求索的…: what the company is, before its name
        if simplified_same_length(text[start:i]) in cues.FIELD_WORDS and text[i:end] == "中心":
            continue  # 智算中心, 大数据中心: a kind of facility named by its field
        if typ == "Region" and any(c.start == start and c.end < i and c.type == "Company" for c in found + out):
            continue  # 闻泰科技|嘉兴产业园: a company's own park is no place of its own name
        if typ == "Region" and text.startswith(("公司", "有限", "集团", "管理"), end):
            continue  # 香港科技园|公司: the park opens the name of the firm that runs it
        if typ == "Region":
            # 湾仔|香港会议展览中心: a place printed before a venue named after another place is its district
            # (浙江|桐乡|乌镇互联网国际会展中心: each place of a chain, down to the one that opens the venue's name)
            first = next((c for c in found if c.start == start and c.type == "Region" and c.method == "lexicon"), None)
            while first is not None and any(c.start == first.end and c.type == "Region" and c.method == "lexicon"
                                            and c.end < i for c in found):
                start = first.end
                name = text[start:end]
                first = next((c for c in found if c.start == start and c.type == "Region" and c.method == "lexicon"), None)
            if (city := max((c for c in found if c.start == start and c.type == "Region" and c.end < i),
                              key=lambda c: c.end, default=None)) is not None and _proper_word_in(words, city.end, i) \
                    and simplified_same_length(name).endswith(ZONE_ENDINGS):
                start = city.end  # 东莞|松山湖高新区: a zone with a name of its own, printed after its city
                name = text[start:end]
            # a venue's name holds no verb: 博览会设在|乌镇互联网国际会展中心
            verbs = [s_ + len(w) for w, t, s_ in words if start <= s_ and s_ + len(w) <= i and t == "v"]
            if verbs:
                start = max(verbs)
                name = text[start:end]
                if len(name) - (end - i) < 2:
                    continue
        parent = next((c for c in found if c.end == start and c.type in ORG_TYPES and c.method == "lexicon"), None)
        if text[i:end] in OFFICE_ENDINGS and parent is not None:
            start = parent.start  # 世界互联网大会|香港办事处: an office is named with its organisation
            name = text[start:end]
        if re.search(r"(?:\d+|[一二三四五六七八九十两几数多])(?:座|家|所|间|批)$", text[:start]) \
                and not any(t in ("nt", "nz", "j", "eng") for w, t, s_ in words if start <= s_ < i):
            continue  # 新增3座|智慧工厂: counted, a kind of plant, not a name
        if text.startswith("之一", end):
            continue  # 最重要的研发基地之一: one of a kind, not a name
        if name.endswith(FACTORY_KINDS) or typ == "CompanyIndustry" and text.startswith(("工厂", "制造工厂"), end):
            continue  # 巨石集团展示了|玻纤智能工厂: a kind of plant, not a company
        if re.search(r"[子母分总]公司$", text[start:end]) and _place_and_locality(text[start:end - 3], lexicon):
            continue  # 大陆子公司, 台湾母公司: a kind of company by where it is, not a name
        site = re.search(r"(?:(?:生产|研发|制造|智能制造|物流|数据)(?:[与和及](?:生产|研发|制造|物流|数据))?)?基地$",
                         simplified_same_length(text[start:end]))
        if site and (site.start() == 0 or _place_and_locality(text[start:start + site.start()], lexicon)):
            continue  # 桐乡生产基地: a firm's site by where it is, not a body
        if text[i:end] in VAGUE_ENDINGS and (text[:i].endswith(("相关", "有关", "其他", "其它", "各类"))
                                             or text.startswith(("新型", "新兴", "各类", "各级"), start)):
            continue  # 横琴粤澳深度合作区相关|机构, 新型研发机构: the bodies concerned, a kind, not a name
        if text[i:end] in VAGUE_ENDINGS and _common_words(words, start, i, extra=("j",)) \
                and not any(start <= c.start < i for c in found):
            continue  # 研发机构, 金融机构: a kind of body named by its field
        if COUNTED.match(text, start, i):
            continue  # 五所大学: counted, a kind, not a name
        if text[i:end] in VAGUE_ENDINGS and not _more_than_a_place(start, i, found):
            continue  # 中东机构, 外资机构: a kind of body, not a name
        if text[i:end] in KINDS_IN_QUOTES and (0 < start and end < len(text) and text[start - 1] in "“「"
                                                and text[end] in "”」" or re.search(r"[0-9A-Za-z]", text[start:i])):
            continue  # “灯塔工厂”, 5G全连接工厂: a kind of factory, not a company's name
        if typ == "CompanyIndustry" and any(c.start == start and c.end == i and c.method == "lexicon"
                                            and c.type in ("Organization", "GovernmentBody") for c in found):
            continue  # 联合国|互联网治理论坛: the field of an organisation's work, not a firm of that trade
        if typ == "CompanyIndustry":
            # 群核科技、云深处科技: listed beside another name with the same industry word, a brand too
            ending = re.escape(text[i:end])
            paired = re.search(rf"[\u4e00-\u9fff]{{2,4}}{ending}[、和及]$", text[:start]) \
                or re.match(rf"[、和及][\u4e00-\u9fff]{{2,4}}{ending}(?![\u4e00-\u9fff])", text[end:])
            described = described or bool(paired) and 2 <= i - start <= 4
            if not (described or _brand(text, words, start, i, end)) or text.startswith(cues.PRODUCT_NOUNS, end) \
                    or any(s < end < s + len(w) for w, _, s in words) \
                    or any(text.startswith(n, i) and len(n) > end - i for n in cues.PRODUCT_NOUNS):
                continue  # 光电智能|芯片: the industry word describes a product; 腾讯云智能|体: it cuts a word
            if LAB_AFTER.match(text, end):
                continue  # 具身智能|联合实验室: the field of a laboratory, not a company
            if any(w in ("来", "去", "到") and t == "v" for w, t, s_ in words if start <= s_ < i):
                continue  # 港企来浙|投资: firms coming somewhere to invest, a clause and not a brand
            if text[i:end] == "智能" and re.match(rf"[\u4e00-\u9fff]{{0,4}}(?:{'|'.join(cues.PRODUCT_NOUNS)})", text[end:]):
                continue  # 光电智能|计算芯片: what the product does, not a company
            if simplified_same_length(text[start:i]) in cues.FIELD_WORDS:
                continue  # 算力|网络: a field of the digital economy, not a company
            if _beside_a_field(text, start, end, lexicon):
                continue  # 金融科技及人工智能应用: listed with a field, a field too
            if _country_pair(text[start:i], lexicon):
                continue  # 美中|科技竞争: two countries and a field, not a company
            if COUNTED_KINDS.match(text, end) or FIELDS_LISTED.match(text, end) \
                    or text.startswith(cues.CATEGORY_ENDINGS, end):
                continue  # 设人工智能、智联出行、数智医疗三个赛道, 智联出行赛道: kinds, not companies
            typ, strength = "Company", 1
        else:
            strength = 2
        if typ == "Organization" and re.search(r"(?:委员会|委)$", name) and _government_prefix(name, lexicon):
            typ = "GovernmentBody"
        if name.endswith(BRANCH_ENDINGS) and _opens_with_body(name, lexicon):
            typ = "GovernmentBody"  # 中国人民银行广州分行: a branch of the central bank
        if typ == "GovernmentBody" and simplified_same_length(name).endswith("部") and _unit_of_known_company(name, known):
            continue  # 科大讯飞|品牌公关部 邵映秋: a department of a firm the article names, no body of government
        unit = _unit_of(name, text[end:end + 6]) if any(c.type == "Title" and c.start == end for c in found) else 0
        parent_ending = lexicon.suffix_type(name[:-unit]) if 2 <= unit <= len(name) - 2 else None
        if parent_ending and parent_ending[1] in ("Company", "CompanyIndustry"):
            # 曾任阿里巴巴集团|安全部资深专家: a firm's department before a title is part of the title, with
            # no holder named after it as the title chain pattern would need (a university's school stays a body)
            out.append(Candidate(end - unit, end, "Title", "pattern:title", 2))
            end -= unit
            typ = _org_type(text[start:end], lexicon)
        out.append(Candidate(start, end, typ, "pattern:name-ending", strength))
    return out


DESCRIPTOR = "|".join(cues.DESCRIPTOR_NOUNS)
DESCRIBED_LATIN = re.compile(rf"(?:{DESCRIPTOR})([A-Za-z][A-Za-z0-9&+\-]*(?: [A-Z][A-Za-z0-9&+\-]*)*)"
                             r"(?![A-Za-z0-9])(?![\u4e00-\u9fff](?<![等和与及]))")  # 运营商Safaricom|等企业
DESCRIPTOR_BEFORE_LATIN = re.compile(rf"(?:{DESCRIPTOR})(?=[A-Za-z])")


def _described_names(text: str, found: list[Candidate], lexicon: Lexicon, words) -> list[Candidate]:
    """A Latin-script name after the noun that describes it: 移动运营商Safaricom, 初创企业Cognitiv;
    and a Chinese one after its country and kind (中国网路公司|深度求索的…), a description the
    name-ending pattern must not take for a name."""
    out = []
    for m in DESCRIBED_LATIN.finditer(text):
        a, b = m.span(1)
        if not any(c.start < b and a < c.end for c in found):
            out.append(Candidate(a, b, "Company", "pattern:described", 2))
    for m in COUNTRY_AND_KIND.finditer(text):
        country = lexicon.lookup(m.group(1))
        if country is None or country.level != "country":
            continue
        end = _described_name_at(text, m.end(), words)
        if end:
            out.append(Candidate(m.end(), end, "Company", "pattern:described", 2))
    return out


def _described_name_at(text: str, i: int, words) -> int:
    """The end of a Chinese name that starts at ``i`` right after what describes it, or 0: a word
    that is no verb, up to 的, a list mark or a conjunction (深度求索的, 深度求索、)."""
    token = next(((w, t) for w, t, s in words if s == i), None)
    name = re.match(r"[\u4e00-\u9fff]{2,6}?(?=的|、|，|,|与|和|等|在|也|则|还|已|获|荣获|将|宣布|发布|推出)", text[i:])
    if name is None or token is None or token[1] in FUNCTION_TAGS | {"v"}:
        return 0
    return i + name.end()


# 中国网路公司|深度求索: a country, an industry, the word for company, then the company's name
COUNTRY_AND_KIND = re.compile(r"([\u4e00-\u9fff]{2,6}?)(?:网路|网络|互联网|科技|芯片|电信|通信|人工智能|AI|软件|电商)"
                              r"(?:设备)?(?:公司|企业|巨头|厂商|设备商|运营商|制造商|开发商|服务商|供应商)")


def _past_apposition(text: str, start: int, i: int, lexicon: Lexicon, words, found: list[Candidate],
                     known: dict[str, str]) -> int:
    """Where a foreign company's own name starts after what describes it: 俄罗斯|卡巴斯基公司,
    印度尼西亚数字企业|GoTo集团. A country stays in the name when what follows it is made of
    common words (美国国际集团), and China's places always stay (杭州云深处科技); a university or
    an institute keeps its country (泰国朱拉隆功大学), as Chinese writes their names."""
    latin = DESCRIPTOR_BEFORE_LATIN.search(text[start:i + 1])
    if latin:
        return start + latin.end()  # 网络安全公司|Group-IB
    said = [m for m in re.finditer(KIND_OF_COMPANY, text[start:i]) if m.start() >= 2 and (
        i - start - m.end() >= 4 or i - start - m.end() >= 2 and (
            _place_and_locality(text[start:start + m.start()], lexicon) or m.group() in ("龙头", "巨头")))]
    if said:
        start += said[-1].end()  # 电信运营商|马来西亚电讯公司: the kind of company is not its name
    after = next((start + n for n in range(min(12, i - start - 1), 1, -1)
                  if (e := lexicon.lookup(text[start:start + n])) and e.level == "country" and e.name != CHINA), None)
    if after is None:
        return start
    if any(s < after < s + len(w) for w, _, s in words):  # 德国西门子公司 is one word to jieba: read the rest alone
        words = [(w, t, s + after) for w, t, s in tag(text[after:i])]
    # 日本电气（中国）有限公司: the market a firm's branch serves, in parentheses, makes no name distinctive
    served = [range(after + m.start(), after + m.end()) for m in re.finditer(r"[（(][^（）()]{1,8}[)）]", text[after:i])]
    words = [x for x in words if not any(x[2] in r for r in served)]
    found = [c for c in found if not any(c.start in r for r in served)]
    if _distinctive(text[after:i], words, after, i, [c for c in found if c.start >= after], known):
        return after
    return start


def _place_and_locality(words: str, lexicon: Lexicon) -> bool:
    """桐乡本土, 嘉兴本地, 杭州: a place of the lexicon, and what says the firm grew there."""
    place = re.sub(r"(?:本土|本地|当地)$", "", words)
    return (e := lexicon.lookup(place)) is not None and e.type == "Region"


BRAND_DESCRIPTOR = "|".join(cues.COMPANY_DESCRIPTORS)
KIND_OF_COMPANY = "|".join(d for d in cues.DESCRIPTOR_NOUNS if d not in ("公司", "银行", "平台"))


def _coined(name: str, parts) -> bool:
    """英|矽, 慧|眸: single characters that make no word together are a coined name."""
    return len(parts) >= 2 and all(len(w) == 1 for w, _ in parts) and dictionary_entry(name) is None


PROMOTES = re.compile(r"(?:推动|推进|加快|加强|促进|助力|深化|开展|统筹|服务)$")
# ways of governing that read like a government's name (建设数字政府)
GOVERNMENT_KINDS = ("数字政府", "智慧政府", "电子政府", "法治政府", "整体政府", "服务型政府", "阳光政府", "掌上政府")
# what a piece of work yields or how it stands, after the work's name (建设|成果, 建设|进展)
WORK_RESULTS = ("成果", "成效", "进展", "经验", "情况", "水平", "工作")


def _brand(text: str, words, start: int, i: int, end: int) -> bool:
    """安恒|信息, 宇树|科技: a two-to-four character brand of proper or unknown words, and the
    industry word ending a word of its own (not 智能 in 智能体)."""
    brand = text[start:i]
    if not 2 <= len(brand) <= 4 or not all("\u4e00" <= ch <= "\u9fff" for ch in brand):
        return False
    if brand[0] in "一二三四五六七八九十两几各该这那本此每多全":
        return False  # 两国|信息: a numeral or determiner opens no brand
    if brand.endswith(("级", "型", "式", "性", "类")) or text.startswith(("企业", "厂商", "行业", "产业"), end):
        return False  # 车规级|芯片|企业: a grade and a kind of company, not a brand
    if end < len(text) and end not in {s for _, _, s in words}:
        return False
    parts = [(w, t) for w, t, s in words if start <= s and s + len(w) <= i]
    return bool(parts) and all(t in ("nr", "nrt", "nrfg", "ns", "nz", "nt", "j") or dictionary_entry(w) is None
                               or len(w) == 1 for w, t in parts) and (_coined(brand, parts) or any(
                                   len(w) > 1 or dictionary_entry(w) is None for w, _ in parts))


def _nouns_only(words, a: int, b: int) -> bool:
    """商汤: the words a..b are nouns or names (not 开展, 合作开发), whole words of the segmentation."""
    parts = [(w, t) for w, t, s in words if a <= s and s + len(w) <= b]
    return sum(len(w) for w, _ in parts) == b - a and all(
        t in ("n", "nr", "nrt", "nrfg", "nz", "ns", "nt", "j", "eng") and w not in cues.GENERIC_WORDS for w, t in parts)


BRANCH_ENDINGS = ("分行", "支行")
VAGUE_ENDINGS = ("机构", "代表处", "办事处")
KINDS_IN_QUOTES = ("工厂", "厂")
# a kind of plant, whatever names its product: 玻纤智能工厂, 5G全连接工厂
FACTORY_KINDS = ("智能工厂", "数字工厂", "智慧工厂", "未来工厂", "灯塔工厂", "黑灯工厂", "无人工厂", "数字化工厂", "全连接工厂",
                 "制造工厂", "小工厂", "中小工厂", "超级工厂")
COUNTED_KINDS = re.compile(r"(?:[、和及与][^，。；、,;]{2,8}?)*等?[一二三四五六七八九十两几\d]+(?:个|大|项|类|条)")
FIELD_NOUN = re.compile(r"(?:领域|方面|行业|产业|赛道|业态)")
FIELDS_LISTED = re.compile(r"(?:[、和及与][^，。；、,;]{2,8}?)*等(?:领域|方面|行业|产业|技术|赛道|场景|方向|业态|范畴)")
LAB_AFTER = re.compile(r"(?:联合|创新|工程|技术)?(?:实验室|研究院|研究所|研究中心|中心|联盟)")


def _more_than_a_place(start: int, i: int, found: list[Candidate]) -> bool:
    """马来西亚|数字经济|机构: words of its own between the place that opens a name and its ending."""
    place_end = max((c.end for c in found if c.type == "Region" and c.start == start and c.end <= i), default=start)
    return i - place_end >= 2


def _opens_with_body(name: str, lexicon: Lexicon) -> bool:
    """教育部国际合作与交流司, 中国人民银行广州分行: the name opens with a government body."""
    return any((e := lexicon.lookup(name[:n])) and e.type == "GovernmentBody" for n in range(2, len(name)))


def _ending_inside(text: str, lexicon: Lexicon, types) -> bool:
    """Whether an organisation's ending of two or more characters, of one of ``types``, closes a
    word inside ``text`` (…协会 in 中国网络空间安全协会数据安全专业, …有限公司 in …有限公司智能制造)."""
    return any(lexicon.suffixes.get(text[j:k]) in types for k in range(2, len(text) + 1)
               for j in range(max(0, k - 8), k - 1))


def _government_prefix(name: str, lexicon: Lexicon) -> bool:
    """国家…委员会, 浙江省…委员会: a committee of a state or of a place is a government body; not
    one of an association (中国网络空间安全协会数据安全专业委员会)."""
    if _ending_inside(name[:-3], lexicon, {"Organization"}):
        return False
    if name.startswith(("国家", "国务院", "中央", "全国人大", "省", "市", "县", "区")):
        return True
    for n in range(min(8, len(name)), 1, -1):
        entry = lexicon.lookup(name[:n])
        if entry and entry.type == "Region":
            return True
    return False


def _opens_an_ending(text: str, i: int, end: int, lexicon: Lexicon) -> bool:
    """Whether an organisation's or a venue's ending of the lexicon covers text[i:end] and runs on
    past it: 会议 in 会议展览中心, 大会 in 大会堂."""
    return any(text[j:j + n] in lexicon.suffixes for j in range(max(0, i - 3), i + 1)
               for n in range(end - j + 1, 7))


COUNTERS = "场个项家届次批位名类"
DIALOGUE = "对话"  # 世界互联网大会数字文明尼山对话: a head only after its organiser or an edition


def _events(text: str, lexicon: Lexicon, words, found: list[Candidate], known: dict[str, str]) -> list[Candidate]:
    """Events by their head: (year|ordinal) + name + 峰会/论坛/大会/开幕式 … A head that the
    name runs on from (大会 in 世界互联网大会乌镇峰会) is part of the longer name; before a ceremony
    (开幕式, 主论坛) the edition stays an event of its own, nested in the ceremony's name."""
    out = []
    heads = sorted(cues.EVENT_HEADS + (DIALOGUE,), key=len, reverse=True)
    at = []
    i = 0
    while i < len(text):
        head = next((h for h in heads if text.startswith(h, i)), None)
        if head and _opens_an_ending(text, i, i + len(head), lexicon):
            i += len(head)  # 香港会议|展览中心, 人民大|会堂: the head is part of a venue's ending
        elif head:
            at.append((i, head))
            i += len(head)
        else:
            i += 1
    for n, (i, head) in enumerate(at):
        end = i + len(head)
        if any(s < i < s + len(w) < end for w, _, s in words):
            continue  # 今年|会: the head starts inside a word that ends before it does
        if n + 1 < len(at):
            j, nxt = at[n + 1]
            gap = re.sub(r"^[“「]([^“”「」]+)[”」]", r"\1", text[end:j])  # 大会|“互联网之光”|博览会: a quoted brand runs on
            # 乌镇峰会及|亚太峰会: two events joined, each with its own head
            joined = re.match(r"以及|及|和|与", gap) is not None and head != "大会"
            if len(gap) <= 8 and not any(ch in cues.PUNCT for ch in gap) and nxt not in cues.CEREMONY_HEADS \
                    and not re.search(r"[在于]", gap) and not joined:  # 峰会昨日在|湾仔…: a place after 在 is no longer name
                continue
        if re.match(r"[\u4e00-\u9fff]{2,8}?(?:奖(?![项金励学品状])|科技成果(?!发布))", text[end:]):
            continue  # 2024年世界互联网大会|领先科技奖, …|领先科技成果: the head opens an award's name
        if text.startswith("之一", end) and head in ("分论坛", "平行论坛", "专题论坛", "论坛", "活动"):
            continue  # 作为乌镇峰会分论坛之一: one of a kind, not a name
        # an organisation may open an event's name: 世界互联网大会|乌镇峰会
        start = _np_start(text, i, words, found, stop_verbs=True, openers=("Region", "Organization"),
                          verb_chains=True, chain_after_names=True)  # 人工智能|治理|分论坛: a task before the head
        inside = next((c for c in found if c.start < start < c.end and c.type in ORG_TYPES), None)
        if inside is not None:
            start = inside.start  # 2026年世界|互联网大会乌镇峰会…论坛: the name starts with the organisation it cut
        if start > 1 and text[start - 1] in cues.DOTS and text[:start - 1].endswith(cues.EVENT_HEADS + cues.NAME_HEADS):
            start = _np_start(text, start - 1, words, found)  # 世界互联网大会·互联网发展论坛: a series and its event
        edition = next((e for e in out if e.start <= start < e.end <= i), None)
        if edition is not None:
            # 2024年世界互联网大会乌|镇峰会网络安全…论坛: the forum of that edition; but 第六届世界互联网大会|
            # 世界互联网领先科技成果发布活动 is an event named in its own right, held at the edition
            own = text[edition.end:end]
            start = edition.end if own.startswith(("世界", "全球", "中国", "国际")) and _event_name(own, head) \
                else edition.start
        venue = next((c for c in found if c.start < start < c.end <= i and c.type == "Region"), None)
        if venue is not None:
            start = venue.end  # 乌镇互联网国际会展中心|互联网之光博览会: the venue is where, not the name
        quoted = re.search(r"[“「『]([^“”「」『』，。、]{2,12})[”」』]$", text[:start])
        if quoted and start < i:
            start = quoted.start()  # 2025「直通乌镇」全球互联网大赛总决赛: the quoted brand opens the name
        year = re.search(r"(?:(?<!\d)(?:19|20)\d\d(?:年度?)?|首届|第[一二三四五六七八九十\d]+届)$", text[:start])
        if year:
            start -= len(year.group())
            holder = next((c for c in found if c.end == start and c.type in ORG_TYPES | {"Region"}), None)
            if holder is not None:
                # 世界互联网大会人工智能专业委员会|2026年度全体会议: the body's meeting of the year;
                # 杭州|第19届亚运会: the host city before the edition
                start = holder.start
        if any(s_ == start and len(w) == 1 and t in ("a", "d", "v") for w, t, s_ in words) \
                and any(c.start == start + 1 and c.type == "Region" for c in found):
            start += 1  # 用好|乌镇峰会: a one-character word before a place is the verb's, not the name's
        bare = next((h for h in cues.EVENT_HEADS if text.startswith(h, start) and start + len(h) < i
                     and not any(c.end == start and c.type in ORG_TYPES | {"Region"} for c in found)), None)
        if bare and (start == 0 or not "\u4e00" <= text[start - 1] <= "\u9fff" or text[start - 1] in "在于的届"):
            start += len(bare)  # 在峰会|网络安全技术发展和国际合作论坛上: the summit's forum, named after it
        if re.match(r"下届|上届|本届|历届|每届|该届", text[start:i]):
            start += 2  # 下届亚太峰会: which edition, not part of the name
        contest = next((c for c in out if c.end == i), None) if head == "总决赛" else None
        if contest is not None:
            start = contest.start  # 2025年桐乡市工业互联网创新应用大赛|总决赛: the final of a contest is an event
        name = text[start:end]
        if len(name) - len(head) < 2 and not year:
            continue
        if head == "论坛" and text[start:i].endswith(("峰会", "大会")):
            continue  # 乌镇峰会|论坛: a forum of the summit, named for none of its own

        if head == DIALOGUE and not year and not any(c.start == start and c.type in ORG_TYPES for c in found):
            continue  # 与企业对话: a dialogue is an event when its organiser or edition names it
        if not year and all(t in ("v", "vn") for w, t, s_ in words if start <= s_ and s_ + len(w) <= i):
            continue  # 以服务保障|峰会为契机: what is done for the event names none
        if re.search(r"[\d一二三四五六七八九十两几多]$", text[:start]) and name[0] in COUNTERS:
            continue  # 6场平行论坛: a count of events, not a name
        if contest is None and head in cues.CEREMONY_HEADS:
            if i - start < 4:  # the parent event opens the name: 世界互联网大会乌镇峰会 + 开幕式
                continue
        elif contest is None and not year and not _distinctive(name, words, start, i, found, known) \
                and not _event_name(name, head):
            continue
        ordinal = bool(year) and not year.group()[0].isdigit()
        strength = 3 if year or contest and contest.strength == 3 or edition is not None and edition.strength == 3 else 2
        method = "pattern:event" + (":ordinal" if ordinal else "")
        held_by_named = any(c.start == start and c.end + 2 <= i and c.type in ORG_TYPES
                            and not re.search(r"[与和及同跟愿将在于对向把的]", text[c.end:i])
                            and not any(c.end <= d.start < i for d in found) for c in found)
        # 在中国互联网大会上发布: where something took place is the meeting, not a body (unless the lexicon
        # knows the name as one)
        venue_of_act = text[start - 1:start] == "在" and text.startswith(("上", "期间"), end) \
            and lexicon.lookup(name) is None
        if head == "大会" and not year and not held_by_named and not venue_of_act:
            # a bare "…大会" may be the organisation behind it; one that a named body opens is that
            # body's meeting (世界互联网大会|数字经济产业合作|大会)
            strength, method = 1, "pattern:event:bare"
        out.append(Candidate(start, end, "Event", method, strength))
    return out


AWARD_GRADE = re.compile(r"[特一二三四五]等奖|[金银铜]奖(?!励|金)")
CONFERRED = re.compile(r"(?:(?:曾获|荣获|获得|摘得|斩获|获评|获颁|(?<![捕截俘收查破缴斩抓])获)(?:(?:19|20)\d\d年度?)?"
                       r"|^(?:19|20)\d\d[\u3000 ]+)$")  # …, and a row of honours that opens on its year


def _awards(text: str, words, found: list[Candidate], known: dict[str, str]) -> list[Candidate]:
    """Unquoted award names: a proper noun phrase headed by 奖 (世界互联网大会领先科技奖); the year
    in front (2024年度) belongs to the conferment, not to the award."""
    out = []
    for m in re.finditer("奖", text):
        i = m.start()
        if text[i + 1:i + 2] in ("项", "金", "励", "学", "杯", "赛", "品", "状") or text[i - 1:i] in "获大嘉颁得评夺领中等":
            continue  # 一等奖, 特等奖: a prize level, not an award's name
        if any(c.start <= i < c.end and not (c.type == "Event" and AWARD_CEREMONY.fullmatch(text, i + 1, c.end))
               for c in found if c.type in ("Award", "Initiative", "Report", "Event")):
            continue  # (an award's ceremony, 领先科技奖|发布活动, names the award)
        start = _np_start(text, i, words, found, max_len=20, stop_verbs=True,
                          openers=("Region", "Organization", "GovernmentBody"))  # 中国政府|友谊奖: the giver opens it
        if start > 0 and text[start - 1].isdigit() and text[start] in "项个家名位批":
            start += 1  # 15|项|世界互联网大会领先科技奖成果: the measure word of a count
        year_rest = re.match(r"年度?", text[start:i]) if start > 0 and text[start - 1].isdigit() else None
        if year_rest:
            start += year_rest.end()  # 2019|年度国家科学技术进步奖: the year's word belongs to the conferment
        division = next((text[a:b] for a, b in _divisions(text) if text.startswith(text[a:b], start)
                         and i + 1 - (start + b - a) >= 3), None)
        if division:  # 产业发展组|金点子奖: the division the award is given in, then the award
            out.append(Candidate(start, start + len(division), "AwardCategory", "pattern:category-name", 2))
            start += len(division)
        programme = text.rfind("奖励", start, i - 2)
        if programme - start >= 2:  # 澳门科学技术奖励|科技进步奖: the programme, then the award of it given
            out.append(Candidate(start, programme + 2, "Award", "pattern:award-name", 2))
            out.append(Candidate(programme + 2, i + 1, "AwardCategory", "pattern:category-name", 2))
            continue
        name = text[start:i + 1]
        if re.search(r"峰会|论坛", name) and any(c.type == "Event" and c.start <= i < c.end for c in found):
            continue  # …乌镇峰会领先科技奖|发布活动: the summit's ceremony, no award read across the summit's name
        # 曾获|中国青年科技奖, 2018年获|国家科学技术进步奖, 曾获2019年度|国家…: what a person was given is named
        conferred = CONFERRED.search(text[:start]) and len(name) >= 5
        if len(name) < 4 or not conferred and not _distinctive(name, words, start, i, found, known) and not any(
                n in name for n in known if len(n) >= 3):
            continue
        out.append(Candidate(start, i + 1, "Award", "pattern:award-name", 2))
        grade = AWARD_GRADE.match(text, i + 1)
        if grade:  # 国家科学技术进步奖|二等奖: the grade given is a category of the award
            out.append(Candidate(i + 1, grade.end(), "AwardCategory", "pattern:category-name", 2))
        elif kind := re.match(r"[（(]([\u4e00-\u9fff]{2,8}类)[)）]", text[i + 1:]):
            # 世界互联网大会杰出贡献奖（创新突破类）: the class in parentheses after the award
            out.append(Candidate(i + 1 + kind.start(1), i + 1 + kind.end(1), "AwardCategory", "pattern:category-name", 2))
    # a yearly list of selected results, named by what selects them or by its yearly release:
    # 入选2025年世界互联网大会领先科技成果, 2023年世界互联网领先科技成果|发布活动
    for m in SELECTED_RESULTS.finditer(text):
        a, b = m.span("name")
        if any(c.start < b and a < c.end for c in found if c.type in ("Award", "Report", "Initiative")):
            continue
        if _np_start(text, b, words, [], max_len=24, stop_verbs=True) != a:
            continue  # 2016年起每年…发布|领先科技成果: a clause, not a name
        if b - a >= 8 or _distinctive(text[a:b], words, a, b - 2, found, known):  # not 重大科技成果
            out.append(Candidate(a, b, "Award", "pattern:award-name", 2))
    return out


SELECTED_RESULTS = re.compile(r"(?:(?:入选|获评|被评为|评为|入围)(?:(?:19|20)\d\d年度?)?|(?:19|20)\d\d年度?)"
                              r"(?P<name>[\u4e00-\u9fff]{4,20}?科技成果)(?=[，。；、]|$|发布|在)")


def _event_name(name: str, head: str) -> bool:
    """An event named by common words (互联网之光博览会): at least three characters before a
    conference or fair head, and no determiner in front (本届峰会, 这次大会 are no names)."""
    body = name[: -len(head)]
    generic = len(body) <= 4 and body.endswith(("性", "型", "级", "式"))  # 区域性峰会, 大型博览会
    # 中国互联网大会, 世界人工智能大会, 世界互联网领先科技成果发布活动: a conference, a contest or a launch
    # named for the world or the country it gathers (not a body's own 会员大会 or 代表大会)
    gathering = head in ("大会", "大赛", "发布活动") and len(body) >= 4 \
        and body.startswith(("世界", "全球", "中国", "国际", "亚洲", "亚太")) and "代表" not in body
    return (head in ("博览会", "展览会", "交易会", "论坛", "峰会", "研讨会") or gathering) and len(body) >= 3 \
        and not generic and body[0] not in "本该此这那其各每全今去明两" and not any(ch in cues.PUNCT for ch in body)


DIVIDED_INTO = re.compile(r"分(?:为|设)?([^，。；：“”]{4,40}?)(?:[两三四五六七八九十]|\d+)个(?:组别|类别|赛道|组)")


def _divisions(text: str) -> list[tuple[int, int]]:
    """分产业发展组和乡村治理组两个组别: the divisions a competition or an award names, as spans."""
    out = []
    for m in DIVIDED_INTO.finditer(text):
        for a, b in list_items(m.group(1)):
            if 2 <= b - a <= 10:
                out.append((m.start(1) + a, m.start(1) + b))
    return out


AWARD_CLASS = re.compile(rf"(?:{'|'.join(v for v in cues.AWARD_VERBS if len(v) == 2)})([\u4e00-\u9fff]{{2,6}}类)"
                         r"(?![\u4e00-\u9fff]{0,2}(?:产品|项目|技术)$)")


def _categories(text: str, words, found: list[Candidate]) -> list[Candidate]:
    """Unquoted award categories in a sentence about an award: 人工智能赛道 (…由A、B获得), and
    the divisions an award is named with (分产业发展组和乡村治理组两个组别)."""
    out = [Candidate(a, b, "AwardCategory", "pattern:category-name", 2) for a, b in _divisions(text)]
    # 荣获社会贡献类奖项, 获评成长潜力类先锋企业: a class of the award, named right after the verb
    for m in AWARD_CLASS.finditer(text):
        if not any(c.start < m.end(1) and m.start(1) < c.end for c in found if c.type != "Region"):
            out.append(Candidate(m.start(1), m.end(1), "AwardCategory", "pattern:category-name", 2))
    # 领军企业奖：巨石集团（桐乡市）、晶科能源（海宁市）；: a heading over its winners (a category
    # once the article has named the award; the mention pass decides)
    for m in re.finditer(r"(?:^|(?<=[；;。\n]))“?([\u4e00-\u9fff]{2,10}奖)”?[：:]([^；;。]*)", text):
        if "、" in m.group(2) or re.search(r"[（(][^（）()]{2,8}[)）]", m.group(2)):
            if not re.search(r"[一二三四五六七八九十特]等奖$|[金银铜]奖$", m.group(1)):
                out.append(Candidate(m.start(1), m.end(1), "Award", "pattern:award-heading", 3))
    # 创新突破类：华为　商汤科技, “社会贡献类”：A、B；: a class heading a list of names (a category once
    # the article has named the award)
    for m in re.finditer(r"(?:^|(?<=[；;。\n]))[“「]?([\u4e00-\u9fff]{2,8}类)[”」]?[：:]"
                         r"(?=(?:[^，,。；;（(]|[（(][^（）()]*[)）]){2,80}(?:[；;。\n]|$))", text):  # (Safaricom，肯尼亚)
        out.append(Candidate(m.start(1), m.end(1), "AwardCategory", "pattern:category-name", 2))
    # 获颁2027年“世界互联网大会杰出贡献奖”创新突破类奖项: the class printed after the quoted award
    awards_closing = {c.end for c in found if c.type == "Award"}
    for m in re.finditer(r"[”」]([\u4e00-\u9fff]{2,6}类)(?=奖项|奖|[，。；]|$)", text):
        if m.start() + 1 in awards_closing or m.start() in awards_closing:
            out.append(Candidate(m.start(1), m.end(1), "AwardCategory", "pattern:category-name", 2))
    for m in re.finditer(r"赛道|组别", text):
        sentence = _sentence_around(text, m.start())
        heading = re.match(r"[：:][^；;。]*、", text[m.end():])  # 数字医疗赛道：A、B、C: a heading over its winners
        if not heading and not re.search(r"奖|之星|获得|夺得|摘得|获颁|由", sentence):
            continue
        start = _np_start(text, m.start(), words, found, max_len=8, stop_verbs=True, verb_chains=True,
                          chain_after_names=True)
        earlier = re.search(r"(?:赛道|组别)[和与及、]?", text[start:m.start()])
        if earlier:
            start += earlier.end()  # 智能制造赛道和|数字健康赛道: the track before is another
        if m.start() - start >= 2 and not any(c.start <= start < c.end for c in found if c.type != "Region"):
            out.append(Candidate(start, m.end(), "AwardCategory", "pattern:category-name", 2))
    return out


TAKES_UP = re.compile(r"落实|践行|响应|推进|推动|实施|深化|共建|参与|加入|支持|发起|提出|启动")


def _programmes(text: str, words, found: list[Candidate]) -> list[Candidate]:
    """Unquoted programme names: 智库合作计划, 全球AI安全计划 (left edge: a verb such as 依托/发起,
    or the organisation that owns it)."""
    out = []
    for head in cues.PROGRAMME_HEADS:
        for m in re.finditer(head, text):
            if m.start() > 0 and text[m.start() - 1] in "《“":
                continue
            if any(c.start <= m.start() < c.end for c in found if c.type in ("Initiative", "Report")
                   or c.type in ORG_TYPES and c.end > m.end()):
                continue  # …工程|技术研究中心: the head is inside an organisation's name
            if text[m.end():m.end() + 1] in ("“", "「", "《"):
                continue  # 人工智能初创培育计划「AI启航计划」: the quoted name follows what it is
            if any(c.type == "Title" and c.start < m.end() < c.end for c in found) or text.startswith("师", m.end()):
                continue  # 算法工程|师: the head opens a title
            start = _np_start(text, m.start(), words, found, max_len=12)
            verb = next(reversed(list(TAKES_UP.finditer(text, start, m.start()))), None)
            if verb and m.start() - verb.end() >= 3:
                start = verb.end()  # 落实|全球发展倡议: the verb that takes the initiative up is no part of it
            name = text[start:m.end()]
            if len(name) - len(head) < 3 or name[0] in "该此这本其" or re.match(r"[\d一二三四五六七八九十]", name):
                continue
            out.append(Candidate(start, m.end(), "Initiative", "pattern:programme", 2))
    return out


# ============================================================================ patterns: lists, parentheses

ADVERB_AFTER_SUBJECT = re.compile(r"正在|正|目前|已经|已|也|还|将|仍|均|都|则|又|曾|亦|就|继续")


def _lists(text: str, lexicon: Lexicon, found: list[Candidate]) -> list[Candidate]:
    """Names in enumerations typed by their context: "4家企业…分别是A、B和C", "A、B等机构",
    "A、B获“…类”奖项", "由A、B主办"."""
    out = []
    for sent_start, sentence in _clauses(text):
        for typ, items in _typed_lists(sentence, lexicon):
            for a, b in items:
                a, b = a + sent_start, b + sent_start
                if any(c.start <= a and b <= c.end and c.type == "Title" for c in found):
                    continue
                if re.search(r"等[^、，。]{0,10}(?:企业|公司|机构|单位|高校|组织|厂商)$", text[a:b]):
                    continue  # A、B、C等中国企业|与D: the kind a list closes with is no item of another list
                if re.fullmatch(r"[该本此这其][\u4e00-\u9fff]{1,3}", text[a:b]):
                    continue  # 由该组织主办: the body named before, referred to, no name of its own
                if typ == "Product" and (text[a:b].endswith(cues.PRODUCT_NOUNS) and len(tag(text[a:b])) == 1
                                         or (dictionary_entry(text[a:b]) or ("", "nz"))[1] not in ("nz", "nr", "nt")):
                    continue  # 手机、电脑等产品: kinds of product, not names
                if any(c.type in ORG_TYPES and c.strength >= 2 and (c.start < b < c.end or c.start < a < c.end)
                       for c in found):
                    continue  # 泰国国家电子和计算机技术中心: the 和 is inside a name read by its ending
                # 世界互联网大会宣布|萨法利通信公司（肯尼亚）、…: a name read by its ending starts the item
                inner = [c for c in found if a < c.start and c.end == b and c.type in ORG_TYPES and c.strength >= 2]
                if inner and any(a <= o.start and o.end <= min(c.start for c in inner) and o.type in ORG_TYPES
                                 | {"Person"} for o in found):
                    head = min(c.start for c in inner)
                    # 緯創資通及|國立陽明交通大學: a name before the joint is an item of its own
                    joined = next((o for o in found if o.start == a and o.type in ORG_TYPES
                                   and text[o.end:head] in ("和", "及", "与", "以及")), None)
                    if joined is not None:
                        out.append(Candidate(a, joined.end, joined.type, "pattern:list", 2))
                    a = head  # another name before it: the item holds a clause
                known = next((c for c in found if c.start == a and c.end < b and c.type in ORG_TYPES and c.method == "lexicon"
                              and ADVERB_AFTER_SUBJECT.fullmatch(text, c.end, b)), None)
                if known is not None:
                    b = known.end  # 国际电信联盟|正与世界互联网大会等机构: the adverb after the subject is no part of it
                elif ADVERB_AFTER_SUBJECT.search(text, a, b) \
                        and any(t == "d" and ADVERB_AFTER_SUBJECT.fullmatch(w) for w, t, _ in tag(text[a:b])):
                    continue  # 团队将继续|与中国科学技术大学等高校: a clause, its subject and verb, not a name
                own = lexicon.suffix_type(text[a:b])
                # the item's own ending wins over the list's word (清华大学 in a list of 企业 stays a university)
                item_type = own[1] if own and own[1] in ORG_TYPES and typ in ORG_TYPES and (
                    own[1] != "Organization" or len(own[0]) >= 2) or own and own[1] == "GovernmentBody" else typ
                out.append(Candidate(a, b, item_type, "pattern:list", 2))
    return out


def _clauses(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in re.finditer(r"[。！？；;]", text):
        out.append((start, text[start:m.end()]))
        start = m.end()
    if start < len(text):
        out.append((start, text[start:]))
    return out


# 、和碩聯合: after 、 the 和 opens a name; a list printed one name after another, set apart by wide
# spaces (华为　商汤科技), is split there too
LIST_SPLIT = re.compile(rf"、|以及|(?<![、\n])(?:和|及|与)|{cues.WIDE_SPACE}")


def list_items(segment: str) -> list[tuple[int, int]]:
    """Split "A、B、C和D" into item ranges; a parenthesis after an item stays outside it."""
    items, pos = [], 0
    parts = LIST_SPLIT.split(segment)
    merged: list[str] = []
    for part, sep in zip(parts, LIST_SPLIT.findall(segment) + [""]):
        # "工业和信息化部": a short word joined to a name that has an ending is one name; so is
        # a designated laboratory named by two fields (计算机辅助设计与图形系统全国重点实验室)
        if merged and merged[-1][1] in ("和", "与", "及") and (
                len(merged[-1][0]) <= 4 and _common_word_phrase(merged[-1][0])
                or merged[-1][1] == "与" and part.endswith(DESIGNATED_UNITS)) \
                and not merged[-1][0].endswith(cues.NAME_HEADS) and part.endswith(cues.NAME_HEADS):
            prev, joint = merged.pop()
            merged.append((prev + joint + part, sep))
        else:
            merged.append((part, sep))
    parts = [p for p, _ in merged]
    for part in parts:
        at = segment.index(part, pos)
        pos = at + len(part)
        core = re.sub(r"[（(][^）)]*[)）]$", "", part)
        lead = len(core) - len(core.lstrip(" “"))
        core = core.strip(" “”")
        if not items and len(core) >= 3 and core[0] in "在于从向对把被":
            lead, core = lead + 1, core[1:]  # 在|腾讯、华为等企业: the preposition opens the clause, not the name
        taken = max((core.rfind(v) + len(v) for v in cues.VERBS_BEFORE_LISTS if v in core), default=0) if not items else 0
        if not items and not taken:  # 配合|世界互联网大会秘书处、桐乡市公安局等单位: the verb of the duty
            taken = next((len(v) for v in cues.LEFT_STOPS if len(v) >= 2 and core.startswith(v)), 0)
        if taken and len(core) - taken >= 2:
            lead, core = lead + taken, core[taken:]  # 博览会吸引|华为、阿里巴巴等企业参展: the verb takes the list
        if core:
            items.append((at + lead, at + lead + len(core)))
    return items


# what may stand between 等 and the kind of the listed names besides a place: 等580余家中外企业
LIST_KIND_MODIFIERS = {"中外", "国内外", "海内外", "境内外", "知名", "头部", "龙头", "本地", "当地", "科技", "互联网",
                       "民营", "国有", "外资", "重点", "领军", "骨干"}


def _kind_modifier(words: str, lexicon: Lexicon) -> bool:
    """What may stand between 等 and the kind of the listed names: a place, a modifier of
    LIST_KIND_MODIFIERS, or a place and then a modifier (台湾科技)."""
    if words in LIST_KIND_MODIFIERS:
        return True
    for k in range(len(words), 1, -1):
        if (e := lexicon.lookup(words[:k])) is not None and e.type == "Region":
            # 台湾科技大厂, 台湾半导体与AI业者: a place, then what its members do
            return k == len(words) or words[k:] in LIST_KIND_MODIFIERS or not re.search(r"[的了在是]", words[k:])
    return False


def _common_word_phrase(part: str) -> bool:
    """工业, 数字经济: ordinary words, which 和 joins to a body's name (工业和信息化部); not a
    brand (緯創資通及|…大學, 和碩聯合)."""
    return all(t in ("n", "vn", "v", "a", "an", "j", "b") and (e := dictionary_entry(w)) is not None and e[0] >= 100
               for w, t, _ in tag(simplified_same_length(part)))


def _typed_lists(sentence: str, lexicon: Lexicon) -> list[tuple[str, list[tuple[int, int]]]]:
    results = []
    # "N家企业 … 分别是 LIST"
    m = re.search(r"(\d+|[一二三四五六七八九十两]+)(?:家|个|位|名)([\u4e00-\u9fff]{0,4}?)(企业|公司|机构|单位|组织|国家|城市|地区|个人|人士|专家)"
                  r"(?:[^。；]*?(?:分别是|分别为|包括|即|为)[:：]?|——|—|[:：])", sentence)
    if m:
        rest = sentence[m.end():]
        seg = re.match(r"[^。；，,：:]+?(?=均|都|分别|[。；，,：:]|$)", rest)
        if seg:
            items = _name_like_items(seg.group(), m.end())
            if len(items) >= 2:
                results.append((cues.LIST_NOUNS.get(m.group(3), "Organization"), items))
    # "LIST等机构/等企业"
    for m in re.finditer(r"等(?:(?:\d+|[一二三四五六七八九十两百千]+)[余多]?(?:家|个|位|名)|多家|数家|多个|多位)?"
                         r"([\u4e00-\u9fffA-Za-z]{2,10}?)??(" + "|".join(sorted(cues.LIST_NOUNS, key=len, reverse=True))
                         + ")", sentence):
        # A、B等机构, A、B等16家机构, A、B等中国企业, A及B等台湾产学界代表, A、B等多家台湾科技大厂
        if m.group(1) and not _kind_modifier(simplified_same_length(m.group(1)), lexicon):
            continue
        head = _list_before(sentence, m.start())
        if head:
            results.append((cues.LIST_NOUNS[simplified_same_length(m.group(2))], head))
    # "获奖企业为A、B、C" (the winners listed after the kind of winner)
    for m in re.finditer(r"(?:获奖|入选|上榜)(?:企业|公司|单位|机构)(?:为|是|有|包括)[:：]?", sentence):
        seg = re.match(r"[^。；;：:，,]+?(?=等|[。；;：:，,]|$)", sentence[m.end():])
        items = _name_like_items(seg.group(), m.end()) if seg else []
        if items:  # a bare name among winners is a company; a university keeps its own ending
            results.append(("Company", items))
    # "LIST获“X类”奖项" (recipients of an award category are organisations)
    for m in re.finditer(r"(?:" + "|".join(cues.AWARD_VERBS) + r")“[^”]{2,10}类”", sentence):
        head = _list_before(sentence, m.start(), allow_single=False)
        if head:
            results.append(("Company", head))
    # "LIST的成果也获得该类别奖项", "奖项则由LIST获得": the winners of a category named before
    for m in re.finditer(r"(?:的(?:成果|产品|项目|技术))?(?:也|同|均|亦|都)?(?:获得|获)该类别?奖项", sentence):
        head = _list_before(sentence, m.start(), allow_single=False)
        if head:
            results.append(("Company", head))
    for m in re.finditer(r"奖项?(?:则|均|都)?由([^。；，,]{2,40}?)(?:获得|摘得|夺得|包揽|斩获)", sentence):
        items = _name_like_items(m.group(1), m.start(1))
        if len(items) >= 2:
            results.append(("Company", items))
    # "基础研究类：LIST；" (the winners of an award category, listed under it)
    m = re.match(r"“?[\u4e00-\u9fff]{2,10}(?:类|奖)”?[：:]", sentence)
    if m:
        seg = re.match(r"[^。；;：:]+", sentence[m.end():])
        items = _name_like_items(seg.group(), m.end()) if seg else []
        if items:
            results.append(("Company", items))
    # "由LIST主办"
    for m in cues.ORGANIZE_VERBS.finditer(sentence):
        by = sentence.rfind("由", 0, m.start())
        if by >= 0:
            if sentence.startswith("由此", by):
                continue  # 乌镇由此成为…举办地: "thereby", no organiser
            seg_start = by + 1
            for earlier in cues.ORGANIZE_VERBS.finditer(sentence, seg_start, m.start()):
                seg_start = earlier.end() + (sentence[earlier.end():earlier.end() + 1] in "、，,和")  # 由A主办、B承办
            seg = sentence[seg_start:m.start()]
            if sentence[seg_start - 1:seg_start] in "，," and not re.match(r"[\u4e00-\u9fff]{2,20}(?:承办|协办)", seg +
                                                                            sentence[m.start():m.end()]):
                continue  # 由A主办，是…首次在香港举办: a later clause's verb has no 由 of its own
            items = _name_like_items(seg, seg_start)
            if items:
                results.append(("Organization", items))
    return results


def _list_before(sentence: str, end: int, allow_single: bool = False) -> list[tuple[int, int]] | None:
    """The enumeration that ends at ``end``, back to the clause start."""
    start = max(sentence.rfind(ch, 0, end) for ch in "，,：:“”") + 1
    aside = re.match(r"\s*[（(][^（）()]*[)）]", sentence[start:end])
    if aside:
        start += aside.end()  # （中央社記者王明台北14日電）|華碩電腦、…: a byline before the list
    seg = sentence[start:end]
    for marker in ("此外", "其中", "另外", "同时", "来自", "包括", "以及", "既有", "也有", "还有", "又有"):
        if seg.startswith(marker):
            seg, start = seg[len(marker):], start + len(marker)
    first = re.split(r"、|和|及|与", seg, maxsplit=1)[0]
    said = re.search(rf"(?:来自|包括|包含|涵盖|分别是|分别为|(?:{'|'.join(cues.SHOWING_VERBS)})了?)", simplified_same_length(first))
    if said and len(first) - said.end() >= 2:  # 代表团成员来自|数字政策办公室、投资推廣署…, …上展示了|讯飞AI学习机、…
        seg, start = seg[said.end():], start + said.end()
    seg_stripped = re.sub(r"(?:则|也|均|都|还|分别|共同|一同|同时|先后)+$", "", seg)
    seg_stripped = re.sub(r"的(?:成果|产品|项目|技术|方案|作品|案例)$", "", seg_stripped)  # A、B的成果|获…奖项
    subject = re.match(r"[\u4e00-\u9fff]{2,}?(?:在|于|向|到|从|对)(?=[^、和及与]{2,}(?:、|和|及|与))", seg_stripped)
    if subject:  # 该公司在|东南亚、中亚等地区: the list starts after the preposition
        seg_stripped, start = seg_stripped[subject.end():], start + subject.end()
    items = _name_like_items(seg_stripped, start)
    if len(items) >= 2 or (allow_single and len(items) == 1):
        return items
    return None


def _name_like_items(seg: str, offset: int) -> list[tuple[int, int]]:
    items = []
    for a, b in list_items(seg):
        said = re.match(rf"[\u4e00-\u9fff]{{0,8}}?(?:{KIND_OF_COMPANY})(?=[\u4e00-\u9fffA-Za-z]{{2}})", seg[a:b])
        if said:
            a += said.end()  # 浙江企业|海康威视: what the company is, before its name
        item = seg[a:b]
        if not 2 <= len(item) <= 24 or re.search(r"[，,。：:；;“”]", item):
            return []
        if re.search(r"[的了着过]", item) or cues.ORGANIZE_VERBS.search(item) or item.startswith("本届"):
            return []  # a clause (本届大赛由世界互联网大会主办、…), not a name
        items.append((a + offset, b + offset))
    return items


SHORT_FORM_INTRO = re.compile(
    r"[（(]\s*(?:(?P<english>[A-Za-z][A-Za-z0-9&+\-. ]*[A-Za-z0-9.])\s*[,，、;；]\s*)?"
    r"(?:以下简称|以下称|下称|简称)\s*[:：]?\s*[“\"「]?(?P<short>[^（）()“”\"「」，,]{1,20}?)[”\"」]?\s*[)）]")


# "马来西亚数字经济机构（MDEC）": an acronym in parentheses also marks the name before it
ACRONYM = re.compile(r"[（(](?P<short>[A-Z][A-Za-z]{1,7})[)）]")


PLACE_IN_PARENS = re.compile(r"[\u4e00-\u9fff]{1,6}(?:街道|镇|乡|村|区|县|市)")


def _parentheses(text: str, lexicon: Lexicon, words, found: list[Candidate]) -> list[Candidate]:
    """NAME(ALIAS): a Latin or short alias (GSMA, IFZA, Jazz) or a country (赞比亚); and a short
    form introduced for the rest of the article: 数字合作组织（Digital Cooperation Organization，
    以下简称DCO）, 中国信息通信研究院（以下简称“中国信通院”）. Such a name is a proper name even
    when it is made of common words."""
    out = []
    for m in re.finditer(r"[（(]([^（）()]{1,60})[)）]", text):
        inner = m.group(1).strip()
        if SHORT_FORM_INTRO.match(text, m.start()):
            continue  # （以下简称华硕）: the short form alone is the alias, read below
        entry = lexicon.lookup(inner)
        university = next((c for c in found if c.end == m.start() and c.type == "Organization"
                           and text[c.start:c.end].endswith(("大学", "学院"))), None) if entry is not None else None
        if university is not None and entry.level in ("city", "county"):
            # 香港科技大学(广州), 中国石油大学（北京）: a university's campus in a city is named so
            out.append(Candidate(university.start, m.end(), "Organization", "pattern:campus", 2))
            continue
        if entry is not None:
            continue  # a place: read as based-in by the fact patterns
        if PLACE_IN_PARENS.fullmatch(inner) and any(c.end == m.start() and c.type in ORG_TYPES for c in found):
            # 巨石集团有限公司（梧桐街道）: a town or a district the lexicon does not list, where the company is;
            # 桐乡市洲泉镇: the lexicon's county, then the town
            county = next((k for k in range(len(inner) - 2, 1, -1) if lexicon.lookup(inner[:k]) is not None), 0)
            out.append(Candidate(m.start(1) + county, m.start(1) + len(inner), "Region", "pattern:place-in-parentheses", 2))
            continue
        if cues.LATIN_NAME.fullmatch(inner) or (len(inner) <= 6 and re.fullmatch(r"[\u4e00-\u9fff]+", inner)):
            before = [c for c in found if c.end == m.start() and c.type in ORG_TYPES | {"Event", "Initiative"}]
            if before:
                out.append(Candidate(m.start(1), m.start(1) + len(inner), before[0].type, "pattern:alias", 2))
            elif AGREEMENT_ENDING.search(text, max(0, m.start() - 3), m.start()) and re.fullmatch(r"[A-Z]{2,8}", inner):
                # 东盟数码经济框架协议（DEFA）: an agreement named in full with its acronym after it
                start = _np_start(text, m.start(), words, [c for c in found if c.type != "Organization"],
                                  stop_verbs=True)
                if m.start() - start >= 6:
                    out.append(Candidate(start, m.start(), "Initiative", "pattern:english-name", 2))
                    out.append(Candidate(m.start(1), m.start(1) + len(inner), "Initiative", "pattern:alias", 2))
            elif (kind := FIRM_BEFORE_NAME.search(text, max(0, m.start() - 12), m.start())) \
                    and cues.LATIN_NAME.fullmatch(inner) and re.fullmatch(r"[\u4e00-\u9fff]{2,6}", kind.group("name")):
                # 本地电信公司|新电信（Singtel）: the kind of firm, then its name and its English name
                out.append(Candidate(kind.start("name"), m.start(), "Company", "pattern:english-name", 2))
                out.append(Candidate(m.start(1), m.start(1) + len(inner), "Company", "pattern:alias", 2))
            elif (place := PLACE_WITH_LATIN.search(text, max(0, m.start() - 8), m.start())) \
                    and re.fullmatch(r"[A-Z][a-z]+", inner) and not any(c.end == m.start() for c in found) \
                    and text[m.end():m.end() + 1] not in "、和与及":
                # 在赛城（Cyberjaya）: a place the lexicon does not know, with its name in its own script
                out.append(Candidate(place.start("name"), m.start(), "Region", "pattern:english-name", 2))
                out.append(Candidate(m.start(1), m.start(1) + len(inner), "Region", "pattern:alias", 2))
            elif re.fullmatch(r"[\u4e00-\u9fff]{2,5}", inner):
                # 数字政策办公室（数字办）: a name its own abbreviation follows is a proper name
                start = _np_start(text, m.start(), words, found, stop_verbs=True, verb_chains=True)
                name = text[start:m.start()]
                ending = lexicon.suffix_type(name)
                if ending and ending[1] in ORG_TYPES and len(name) > len(inner) and name[0] == inner[0] \
                        and chars_in_order(inner, name):
                    typ = _org_type(name, lexicon)
                    out.append(Candidate(start, m.start(), typ, "pattern:short-form-intro", 2))
                    out.append(Candidate(m.start(1), m.start(1) + len(inner), typ, "pattern:alias", 2))
    intros = list(SHORT_FORM_INTRO.finditer(text)) + list(ACRONYM.finditer(text))
    for m in intros:
        before = [c for c in found if c.end == m.start() and c.type in ORG_TYPES | {"Event", "Initiative", "Report"}]
        if before and m.re is ACRONYM:
            continue  # GSMA after a name found: the first loop has read it
        if before:
            typ = before[0].type
        else:
            start = _np_start(text, m.start(), words, found, stop_verbs=True, verb_chains=True)
            ending = lexicon.suffix_type(text[start:m.start()])
            if m.start() - start < 3 or not ending or ending[1] not in ORG_TYPES:
                continue
            typ = _org_type(text[start:m.start()], lexicon)
            out.append(Candidate(start, m.start(), typ, "pattern:short-form-intro", 2))
        for group in ("english", "short"):
            if m.re.groupindex.get(group) and m.group(group):
                out.append(Candidate(m.start(group), m.end(group), typ, "pattern:alias", 2))
    # a name given with its English name, none of whose parts was found: 埃塞俄比亚电信（Ethio Telecom）
    for m in ENGLISH_NAME.finditer(text):
        if any(c.end == m.start() and c.type != "Region" for c in found) or \
                any(c.start < m.start() < c.end for c in found):
            continue
        start = max(text.rfind(ch, 0, m.start()) for ch in "，。；：、（）“”《》,;:\n ") + 1
        start = max(start, _np_start(text, m.start(), words, [], stop_verbs=True))
        lead = re.search(r"(?:^|[的，。、；：“《\s])([A-Z][A-Za-z0-9\-]{1,10}[\u4e00-\u9fff]{0,4})$", text[:start])
        if lead:
            start = lead.start(1)  # 的|UCS通用控制系统（Universal Control System）: a Latin code opens the name
        titled = max((c.end for c in found if c.type == "Title" and start < c.end <= m.start() - 2), default=-1)
        start = max(start, titled)  # 执行副总裁|拿督|卡米尔依斯迈（Kamil Ismail）: the titles are no part of it
        located = text[start:start + 1] in "在于" and PLACE_BEFORE.search(text[:start + 1])
        start += 1 if located else 0  # 在|赛城（Cyberjaya）: the preposition opens no name
        if not 2 <= m.start() - start <= 12 or any(ch in text[start:m.start()] for ch in cues.DOTS):
            continue  # persons are read by their dotted names
        english = m.group(1)
        if _english_kind(english) is None and not lexicon.suffix_type(text[start:m.start()]):
            if _chinese_name_at(text, start, lexicon) == m.start():
                continue  # 顧誠峰（Kenneth Koo）: a person and the English name they go by
            if titled == start and PERSONAL_ENGLISH.fullmatch(english):
                continue  # 拿督|卡米尔依斯迈（Datuk Kamil Ismail）: a person, read with its title (GLOSSED_NAME)
            if located and " " not in english:
                out.append(Candidate(start, m.start(), "Region", "pattern:english-name", 2))
                out.append(Candidate(m.start(1), m.end(1), "Region", "pattern:alias", 2))
                continue  # 在赛城（Cyberjaya）: a place, by the preposition before it
        typ = _english_kind(english) or _org_type(text[start:m.start()], lexicon)
        if typ == "Company" and text[start:m.start()].endswith(cues.PRODUCT_NOUNS) \
                and not lexicon.suffix_type(text[start:m.start()]):
            typ = "Product"  # 控制系统（… Control System）: a product, by what it is
        out.append(Candidate(start, m.start(), typ, "pattern:english-name", 2))
        out.append(Candidate(m.start(1), m.end(1), typ, "pattern:alias", 2))
    # a Latin name right before a place in parentheses: "AgriPredict Solutions(赞比亚)"
    for m in re.finditer(r"([A-Za-z][A-Za-z0-9&\- .]*[A-Za-z0-9.])\s*[（(]([^（）()]{1,12})[)）]", text):
        if lexicon.lookup(m.group(2).strip()) is not None:
            out.append(Candidate(m.start(1), m.end(1), "Company", "pattern:name-place", 1))
    return out


# an item of a list that gives each its place: "…：驭势科技（北京）、希迪智驾（湖南）、Foretellix（以色列）"
LIST_JOINER = re.compile(r"(?:以及|及|和|与|还有|包括)?")
PLACED_ITEM = re.compile(r"(?:(?<=[：:、，,；;\n])|^)([^\s、，,。；;：:（）()“”《》]{2,14})[（(]([\u4e00-\u9fff]{2,8})[)）]"
                         r"(?=[、，,；;。\n]|$)")


def _placed_list_items(text: str, lexicon: Lexicon, found: list[Candidate], tagged: list[Candidate]) -> list[Candidate]:
    """The items of a list of organisations with their places, where other items are
    organisations by their endings: an item with no ending of its own (希迪智驾, 黑湖智造) is
    one too. Items with a person in them (个人开发者陈屿) and short ones that may be names are not."""
    out = []
    items = [m for m in PLACED_ITEM.finditer(text) if (e := lexicon.lookup(m.group(2))) is not None and e.type == "Region"]
    orgs_ending = {c.end: c for c in found if c.type in ORG_TYPES}
    for m in items:
        a, b = m.span(1)
        a += len(LIST_JOINER.match(text, a).group())  # ，以及|微软(美国)
        if (own := orgs_ending.get(b)) is not None and own.start <= a:
            continue
        stop = max(text.rfind(ch, 0, a) for ch in "；;。\n") + 1
        end = min((k for k in (text.find(ch, b) for ch in "；;。\n") if k >= 0), default=len(text))
        siblings = [o for o in items if o is not m and stop <= o.start(1) and o.end() <= end]
        if not any(o.end(1) in orgs_ending and orgs_ending[o.end(1)].start >= o.start(1) for o in siblings):
            continue
        name = text[a:b]
        if re.fullmatch(r"[\u4e00-\u9fff]{2,3}", name) or lexicon.lookup(name) is not None \
                or any(c.type == "Person" and c.end <= b and (c.start > a or c.end < b)
                       for c in found + tagged if a <= c.start < b):
            continue
        if re.search(r"[A-Za-z]", name) and not re.search(r"[\u4e00-\u9fff]", name):
            continue  # a Latin name is read by the rule for Latin names before a place
        out.append(Candidate(a, b, _org_type(name, lexicon), "pattern:listed-with-place", 2))
    return out


# what an agreement's name ends with, before its acronym: …框架协议（DEFA）, …伙伴关系协定（RCEP）
AGREEMENT_ENDING = re.compile(r"(?:协议|协定|公约|宪章)$")
# a kind of firm, then the firm's name right before its English name in parentheses
FIRM_BEFORE_NAME = re.compile(r"(?:公司|企业|运营商|厂商|制造商|服务商|供应商|初创)(?P<name>(?![在于将已也还正把对向与和的])"
                              r"[\u4e00-\u9fff]{2,6})$")
# where something is, then a place the lexicon does not know, before its name in its own script: 在赛城（Cyberjaya）
PLACE_WITH_LATIN = re.compile(r"(?:在|位于|落户)(?P<name>[\u4e00-\u9fff]{2,4})$")
# a person's name in Latin letters: two to four capitalised words, an honorific first where it has one
HONORIFIC_LATIN = re.compile(r"(?:Tan Sri|Datuk Seri|Dato' Sri|Dato'|Datuk|Datin|Tun) ")
PERSONAL_ENGLISH = re.compile(rf"(?:{HONORIFIC_LATIN.pattern})?[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){{1,3}}")
GLOSSED_NAME = re.compile(rf"([\u4e00-\u9fff]{{2,10}})[（(]{PERSONAL_ENGLISH.pattern}[)）]")
ENGLISH_NAME = re.compile(r"[（(]([A-Z][A-Za-z&.\-]*(?: [A-Z&][A-Za-z&.\-]*)+)[)）]")
ENGLISH_KINDS = (("GovernmentBody", ("Ministry", "Department", "Agency", "Authority", "Commission", "Bureau")),
                 ("Organization", ("Union", "Association", "Organization", "Organisation", "Alliance", "Forum",
                                   "Council", "Institute", "University", "Foundation", "Federation", "Society")))


def _english_kind(english: str) -> str | None:
    """The type an English name's head word gives: Ministry, Union, University, …; None for others."""
    words = set(english.split())
    return next((typ for typ, heads in ENGLISH_KINDS if words & set(heads)), None)


def _from_place(text: str, lexicon: Lexicon, found: list[Candidate]) -> list[Candidate]:
    """来自新加坡的Grab, 总部位于杭州的云深处科技: an organisation introduced by its place; and
    the city a country is followed by there (总部位于美国|圣迭戈的高通公司)."""
    out = []
    for m in re.finditer(r"(?:来自|总部位于|总部设在|位于|落户)([\u4e00-\u9fff]{2,10}?)([\u4e00-\u9fff]{2,5}?)的", text):
        country = lexicon.lookup(m.group(1))
        city = m.group(2)
        if country is not None and country.level == "country" and not re.search(r"首都|首府|省会", city) \
                and not any(lexicon.lookup(city[k:]) for k in range(len(city) - 1)):
            out.append(Candidate(m.start(2), m.end(2), "Region", "pattern:city-after-country", 2))
    for m in re.finditer(r"(?:来自|总部位于|总部设在|落户)([\u4e00-\u9fff]{2,8}?)的([A-Za-z][A-Za-z0-9&\-]*(?: [A-Z][A-Za-z0-9&\-]*)*)",
                         text):
        if lexicon.lookup(m.group(1)) is not None:
            out.append(Candidate(m.start(2), m.end(2), "Company", "pattern:from-place", 2))
    # 和哈萨克斯坦的Kaspi.kz荣获…: a Latin name right after a place and 的
    place_ends = {c.end for c in found if c.type == "Region" and c.method == "lexicon"}
    for m in re.finditer(r"的([A-Za-z][A-Za-z0-9&\-]*(?:[ .][A-Za-z][A-Za-z0-9&\-]*)*)(?![A-Za-z0-9])", text):
        if m.start() in place_ends and not any(c.start == m.start(1) for c in out) \
                and not re.fullmatch(r"[A-Z]{1,3}\d*", m.group(1)) and not text.startswith(cues.PRODUCT_NOUNS, m.end()):
            out.append(Candidate(m.start(1), m.end(1), "Company", "pattern:from-place", 2))
    return out


MAKING = re.compile(r"开发|研发|研制|推出|制作|发行|打造|出品|发布|设计|生产")
LATIN_MAKER = re.compile(rf"(?:(?<=由)|(?<![A-Za-z0-9]))([A-Za-z][A-Za-z0-9&\-]*[A-Za-z0-9])(?=开发|研发|推出|制作|发行|打造|出品)")


def _latin_makers(text: str, found: list[Candidate]) -> list[Candidate]:
    """由Valve开发, OpenAI研发的: a Latin name that made something, a company; an initialism
    of up to three letters (AI, VR) names a technology, and one inside a longer name is left to it."""
    out = []
    for m in LATIN_MAKER.finditer(text):
        made = text[m.end(1):m.end(1) + 3]
        if re.fullmatch(r"[A-Z]{1,3}|\d[A-Z]", m.group(1)) or not (text[m.start(1) - 1:m.start(1)] == "由"
                                                                     or re.search(r"[的了]", made)):
            continue
        if not any(c.start <= m.start(1) and m.end(1) <= c.end and (c.start, c.end) != m.span(1) for c in found):
            out.append(Candidate(m.start(1), m.end(1), "Company", "pattern:maker", 2))
    return out


# a model code: YU7, X30, H2, V3.2
MODEL_CODE = r"(?:[A-Z][A-Za-z]{0,5}|[A-Z][a-z]{2,5} )\d+(?:\.\d+)?(?: ?(?:Ultra|Pro\+?|Max|Plus|Lite|mini|SE))?"  # 努比亚Z60 Ultra


def _products(text: str, found: list[Candidate], words, tagged: list[Candidate],
              known: dict[str, str]) -> list[Candidate]:
    """Product names next to a product noun: 数字人平台AvatarX, AI眼镜Rokid Glasses, 产品“Buy+”,
    Mate 9手机, Unitree H2人形机器人; and a brand with its model code: 小米YU7, 绝影X30."""
    out = []
    nouns = "|".join(cues.PRODUCT_NOUNS)
    for m in re.finditer(rf"(?:{nouns})([A-Za-z][A-Za-z0-9\-]*[A-Za-z0-9](?: [A-Z][A-Za-z0-9\-]*)*)", text):
        out.append(Candidate(m.start(1), m.end(1), "Product", "pattern:product-name", 2))
    # a product noun before a quoted name: VR购物产品“Buy+”, 四足巡检机械人「港巡一号」
    for m in re.finditer(rf"(?:{nouns})[“「]([^“”「」，。、]{{2,12}})[”」]", text):
        entry = dictionary_entry(m.group(1))
        if entry is not None and entry[1] not in ("nr", "nrt", "nz", "nt", "j", "ns"):
            continue  # 模型“创新”: a quoted common word, not a name (处理器“香山” is named after a place)
        out.append(Candidate(m.start(1), m.end(1), "Product", "pattern:product-name", 2))
    # a Latin model name before a product noun, with what kind of product between: Mate 9手机, H2人形机器人
    latin = r"[A-Z][A-Za-z0-9+\-]*(?:\.\d+)?(?: [A-Za-z0-9+\-]+)?"
    for m in re.finditer(rf"(?<![A-Za-z0-9])({latin})[\u4e00-\u9fff]{{0,4}}?(?:{nouns})", text):
        if re.fullmatch(r"[A-Z]{1,3}|\d[A-Z]", m.group(1)):
            continue  # AI, VR, 5G: a kind of technology, not a product name (G1, X30 are models)
        kind_of_quoted = re.search(r"[”」]([\u4e00-\u9fff]{0,6})$", text[:m.start(1)])
        if text.startswith(("“", "「"), m.end()) or kind_of_quoted and not re.search(r"[及和与等]", kind_of_quoted.group(1)):
            continue  # RISC-V处理器“香山”, “香山”开源高性能RISC-V处理器: the quoted name is the product
        if re.search(r"[A-Za-z0-9] $", text[:m.start(1)]):
            continue  # Mate 20 |Pro手机: the last word of a longer model name
        made = (next((t for w, t, s in words if s == m.end(1)), "").startswith("v") or MAKING.match(text, m.end(1))) \
            and re.search(r"[的了]", text[m.end(1):m.end()])
        if made:
            continue  # OpenAI研发的模型, DeepMind推出了新系统: the maker, then what it made (not 搭载HarmonyOS NEXT的手机)
        if not any(c.start <= m.start(1) < c.end for c in found):
            out.append(Candidate(m.start(1), m.end(1), "Product", "pattern:product-name", 2))
    # a brand written with its model code: 小米YU7, 绝影X30 (the brand a whole word of its own)
    for w, t, s in words:
        code = re.compile(rf"{MODEL_CODE}(?![A-Za-z0-9.])").match(text, s + len(w))
        if code is None or not re.fullmatch(r"[\u4e00-\u9fff]{2,3}", w) or not _brand_word(w, t):
            continue
        if not any(c.start < code.end() and s < c.end and c.type != "Region" for c in found):
            out.append(Candidate(s, code.end(), "Product", "pattern:product-name", 2))
    # a brand and its model number before the product noun: 骁龙8至尊版移动平台, 麒麟9020芯片
    number = re.compile(rf"\d{{1,4}}[A-Za-z]{{0,3}}(?:至尊版|旗舰版|专业版|Pro|Max|Ultra)?"
                        rf"(?=(?:[（(][A-Za-z0-9 .+\-]{{2,40}}[)）])?(?:旗舰|高端|新一代|新款)?(?:移动平台|行动平台|{nouns}))")  # …（Snapdragon 8 Elite）, 天玑9400（…）旗舰芯片
    previous = ""
    for w, t, s in words:
        after_of, previous = previous == "的", w
        if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", w) or t in FUNCTION_TAGS or t in ("v", "vn") and not after_of:
            continue  # a brand of its own (骁龙, 华为的升腾), not a verb or a function word (推出了第3代)
        m = number.match(text, s + len(w))
        if m and not any(c.start <= s < c.end for c in found):
            out.append(Candidate(s, m.end(), "Product", "pattern:product-name", 2))
    out += _named_models(text, found + [c for c in tagged if c.type in ORG_TYPES], words)
    # a name glossed in Latin, then the kind of product: 擎天柱（Optimus）人形机器人
    kinds = "|".join(SELF_NAMED_PRODUCTS)  # not 应用 or 产品: 人工智能（AI）应用 names a field's use
    for m in re.finditer(rf"([\u4e00-\u9fff]{{2,6}})[（(]([A-Z][a-z][A-Za-z0-9 .\-]{{1,30}})[)）]"
                         rf"(?=[\u4e00-\u9fff]{{0,4}}?(?:{kinds}))", text):
        last = next((s_ for w, _, s_ in words if s_ + len(w) == m.end(1) and len(w) >= 2), None)  # 陈列|擎天柱
        a = last if last is not None else _brand_start(text, words, m.end(1), latin=True)
        if m.start(1) <= a < m.end(1) - 1 and not _ordinary_words(text[a:m.end(1)]) \
                and not any(c.start < m.end(1) and a < c.end and c.type != "Region" and not c.method.startswith("tagger")
                            for c in found):
            out.append(Candidate(a, m.end(1), "Product", "pattern:glossed-product", 2))
            out.append(Candidate(m.start(2), m.end(2), "Product", "pattern:alias", 2))
    out += _versioned_devices(text, found + tagged, nouns)
    out += _owned_products(text, found + [c for c in tagged if c.type in ORG_TYPES], words, known)
    # a brand and AI before a device: 夸克AI眼镜, 荣耀AI手机
    for w, t, s in words:
        device = AI_DEVICE.match(text, s + len(w))
        if device and re.fullmatch(r"[\u4e00-\u9fff]{2,3}", w) and _brand_word(w, t) \
                and not any(c.start < device.end() and s < c.end and c.type != "Region" for c in found):
            out.append(Candidate(s, device.end(), "Product", "pattern:product-name", 2))
    # a product and its generation: ，萝卜快跑第六代无人车 (the name opens the clause)
    for m in re.finditer(r"(?:^|(?<=[，。；：、！？]))([\u4e00-\u9fffA-Za-z]{2,6}?)第[一二三四五六七八九十\d]{1,3}代", text):
        entry = dictionary_entry(m.group(1))
        if (entry is None or entry[0] < 1000) and not re.search(r"[的了是在和与及这那该其]", m.group(1)) \
                and not any(c.start <= m.start(1) < c.end for c in found):
            out.append(Candidate(m.start(1), m.end(1), "Product", "pattern:product-generation", 2))
    # a Latin model name with its series and code: Cortex-X925, Kirin-9000 (after its brand: Arm Cortex-X925)
    for m in re.finditer(r"(?<![A-Za-z0-9\-])[A-Z][a-z]{2,}-[A-Z]{0,3}\d{2,}[A-Za-z]{0,3}(?![A-Za-z0-9\-])", text):
        if not any(c.start <= m.start() < c.end for c in found):
            out.append(Candidate(m.start(), m.end(), "Product", "pattern:model-code", 2))
    # what a maker launched, named in Latin letters: 西门子推出的Industrial Copilot
    for m in re.finditer(r"(?:推出|发布|上线)(?:的|了)(?P<name>[A-Z][A-Za-z0-9\-]*[a-z0-9][A-Za-z0-9\-]*"
                         r"(?: [A-Z][A-Za-z0-9\-]*)*)(?![A-Za-z0-9])", text):
        if not any(c.start <= m.start("name") < c.end for c in found):
            out.append(Candidate(m.start("name"), m.end("name"), "Product", "pattern:launched", 2))
    # a company's product written right after it in Latin letters: 微软Copilot, 华为Mate (not NVIDIA, an alias)
    for c in found + [t for t in tagged if t.type == "Company"]:
        latin = re.match(r"[A-Z][a-z]+[A-Za-z0-9]*(?![A-Za-z0-9 .\-])", text[c.end:c.end + 20]) \
            if c.type == "Company" and re.search(r"[\u4e00-\u9fff]$", text[c.start:c.end]) else None
        if latin and not any(o.start <= c.end < o.end for o in found if o is not c):
            out.append(Candidate(c.end, c.end + latin.end(), "Product", "pattern:maker-product", 2))
    # what one maker launched, both in Latin letters: OpenAI推出ChatGPT, Google发布Gemini
    for m in LATIN_LAUNCH.finditer(text):
        if any(c.start <= m.start(1) < c.end or c.start <= m.start(2) < c.end for c in found):
            continue
        out.append(Candidate(m.start(1), m.end(1), "Company", "pattern:latin-launch", 2))
        out.append(Candidate(m.start(2), m.end(2), "Product", "pattern:latin-launch", 2))
    # what a device carries: 搭载骁龙8至尊版移动平台 (a model: digits or Latin letters in its name)
    for m in CARRIED.finditer(text):
        if re.search(r"[0-9A-Za-z]", m.group(1)) and not any(c.start <= m.start(1) < c.end for c in found):
            out.append(Candidate(m.start(1), m.end(1), "Product", "pattern:carried-product", 2))
            latin = re.match(r"[（(]([A-Za-z][A-Za-z0-9 .\-]{1,30})[)）]", text[m.end(1):])
            if latin:  # 骁龙8至尊版（Snapdragon 8 Elite）: its Latin name
                a = m.end(1) + latin.start(1)
                out.append(Candidate(a, a + len(latin.group(1)), "Product", "pattern:alias", 2))
    return out


SIGNS = re.compile(r"(?:正式|当天|现场|共同)?(?:签署|签订|签约|达成)")


def _signing_partners(text: str, words, found: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """；树根互联与绍兴市人民政府签署合作协议: what opens a clause and signs an agreement with a body
    is a party to it, a company unless its ending says otherwise."""
    out = []
    for c in found:
        if c.type not in ORG_TYPES or text[c.start - 1:c.start] != "与" or not SIGNS.match(text, c.end):
            continue
        k = c.start - 1
        start = max(text.rfind(ch, 0, k) for ch in "，。；;：:\n 　") + 1
        if not 2 <= k - start <= 8 or any(o.start <= start < o.end or start <= o.start < k for o in found):
            continue
        parts = [(w, t) for w, t, s_ in words if start <= s_ < k]
        common = [(e := dictionary_entry(w)) is not None and e[0] >= 1000 for w, _ in parts]
        if any(t in FUNCTION_TAGS - {"m"} or t in ("v", "vn") and c or w in cues.GENERIC_WORDS
               for (w, t), c in zip(parts, common)) or all(common) or text[start] in "该本其我各双" \
                or sum(len(w) for w, _ in parts) != k - start:
            continue  # 双方与…, 该公司与…: a pronoun, a common word or a clause, not a name
        ending = lexicon.suffix_type(text[start:k])
        typ = ending[1] if ending and ending[1] in ORG_TYPES else "Company"
        out.append(Candidate(start, k, typ, "pattern:signing-party", 2))
    return out


def _places_after_country(text: str, lexicon: Lexicon, found: list[Candidate]) -> list[Candidate]:
    """在德国|安贝格的工厂: after 在 and a country, a name the lexicon does not know, then 的 or a
    verb of holding, is a place in that country."""
    out = []
    for c in found:
        entry = lexicon.entries.get(c.key) if c.key else None
        if c.type != "Region" or entry is None or entry.level != "country" or text[c.start - 1:c.start] != "在":
            continue
        m = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?=的|举行|举办|召开|开设|设立)").match(text, c.end)
        if m is None or lexicon.lookup(m.group(1)) is not None or any(o.start <= m.start() < o.end for o in found):
            continue
        known = dictionary_entry(m.group(1))
        if known is None or known[1] in ("ns", "nr", "nrt"):
            out.append(Candidate(m.start(1), m.end(1), "Region", "pattern:place-after-country", 2))
    return out


TOWN = re.compile(r"([\u4e00-\u9fff]{2,3}?(?:镇|乡|街道))")


def _towns(text: str, lexicon: Lexicon, found: list[Candidate]) -> list[Candidate]:
    """桐乡市|洲泉镇, 余杭区|良渚街道: a town written right after its county or city, which the
    lexicon (down to county level, with a few towns) does not list."""
    out = []
    for c in found:
        entry = lexicon.entries.get(c.key) if c.key else None
        if c.type != "Region" or not c.method.startswith("lexicon") or entry is None \
                or entry.level not in ("city", "county"):
            continue
        m = TOWN.match(text, c.end)
        if m is None or lexicon.lookup(m.group(1)) is not None or m.group(1)[0] in "各每全诸该本城乡市站" \
                or any(ch in m.group(1) for ch in "和与及的至到往在"):
            continue
        if any(o.type == "Region" and m.start() < o.start < m.end() for o in found):
            continue  # 东站至|乌镇: a place of the lexicon inside, not a town's own name
        if not any(o.start <= m.start() < o.end and o.type == "Region" for o in found if o is not c):
            out.append(Candidate(m.start(1), m.end(1), "Region", "pattern:town", 2))
    return out


# what the words between a product's name and its noun may not be: names and function words
NOT_DESCRIPTIVE = {"nr", "nrt", "nrfg", "ns", "j", "p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "r", "x"}


def _owned_products(text: str, found: list[Candidate], words, known: dict[str, str]) -> list[Candidate]:
    """华为的昇腾AI计算集群, 地平线的征程6智能驾驶芯片: after an organisation and 的, a name that no
    dictionary knows as a common word, then ordinary words for what it is, then a product noun;
    the name is the product's. Also a quoted name (百度的“文心一言”) and a name that repeats the
    maker's (科大讯飞的讯飞翻译机); either admits the maker the tagger alone proposed."""
    out = []
    nouns = "|".join(cues.PRODUCT_NOUNS)
    bounds = {s for _, _, s in words} | {s + len(w) for w, _, s in words}
    owners = {c.end: c for c in found if c.type in ORG_TYPES}

    def owned(a: int, b: int, owner: Candidate) -> None:
        out.append(Candidate(a, b, "Product", "pattern:owned-product", 2))
        if owner.method == "tagger:bare":  # what makes a product is a firm, said so
            out.append(Candidate(owner.start, owner.end, owner.type, "pattern:product-owner", 2))

    for o, c in _quote_pairs(text):
        inner = text[o + 1:c]
        kind_after = re.match(rf"[A-Za-z0-9\-\u4e00-\u9fff]{{0,12}}?(?:{nouns}|集群)", text[c + 1:c + 16])
        listed = text[c + 1:c + 2] in ("", "、", "，", "。", "；", "等", "及", "和", "与")  # …的“文心一言”、
        if o >= 1 and text[o - 1] == "的" and o - 1 in owners and _short_name(inner) and len(inner) <= 8 \
                and (kind_after or listed) and not GENERATION.fullmatch(inner) \
                and not any(ch in inner for ch in "，,、的") \
                and not any(x.start == o + 1 and x.end == c and not x.method.startswith("tagger") for x in found) \
                and (kind_after or not _ordinary_words(inner) and not tag(inner)[0][1].startswith("v")):
            owned(o + 1, c, owners[o - 1])  # the kind after it (“升腾”AI集群) makes even a common word a name
    for m in re.finditer(r"(?:[（(][^（）()]{1,16}[)）])?的", text):  # 地平线（09660.HK）的征程6…
        p = m.end()
        owner = owners.get(m.start())
        maker = text[owner.start:owner.end] if owner is not None else ""
        named_after = next((k for k in (4, 3, 2) if len(maker) > k and text[p:p + k] in maker), 0)
        kind = re.match(rf"[\u4e00-\u9fffA-Za-z0-9]{{0,3}}?(?:{nouns})", text[p + named_after:]) if named_after else None
        if kind:  # 科大讯飞的|讯飞翻译机: a product named after its maker, then what it is
            owned(p, p + named_after + kind.end(), owner)
            continue
        if m.start() not in owners and not any(known.get(text[k:m.start()]) in ORG_TYPES
                                                 for k in range(max(0, m.start() - 12), m.start() - 1)):
            continue
        for b in range(p + 2, p + 5):
            digits = re.match(r"\d{0,3}", text[b:]).end()  # 征程6
            if b not in bounds and not digits or not re.fullmatch(r"[\u4e00-\u9fff]+", text[p:b]):
                continue
            brand, b = text[p:b + digits], b + digits
            if not digits and _ordinary_words(brand) or brand[0] in "最新各该此这那其本" \
                    or brand.endswith(("级", "型", "式", "性", "类")):
                continue  # 华为的|最新芯片, 阿里的|云计算平台, …的|远程问诊平台, …的|车规级芯片: what it is, not a name
            tail = re.match(rf"[\u4e00-\u9fffA-Za-z0-9]{{0,10}}?(?:{nouns})", text[b:])
            if tail and tail.group() and all(t not in NOT_DESCRIPTIVE and (t in ("eng", "m") or dictionary_entry(w))
                                             for w, t, _ in tag(tail.group())):
                out.append(Candidate(p, b, "Product", "pattern:owned-product", 2))
                break
    return out


def _ordinary_words(name: str) -> bool:
    """A common word, or common words and a task in several words (远程|问诊); one rare verb may be
    a name (升腾, 昇腾 once simplified)."""
    entry = dictionary_entry(name)
    parts = tag(name)
    return entry is not None and entry[0] >= 300 or all(
        (e := dictionary_entry(w)) is not None and (e[0] >= 300 or t in ("v", "vn", "a", "b") and len(parts) > 1)
        for w, t, _ in parts)


def _versioned_devices(text: str, found: list[Candidate], nouns: str) -> list[Candidate]:
    """讯飞翻译机2.0 beside 科大讯飞: a kind of product with its version, after a short form of a
    company the sentence names, is that company's product by name."""
    companies = [text[c.start:c.end] for c in found if c.type == "Company" and c.end - c.start >= 2]
    out = []
    for m in re.finditer(rf"(?:{nouns})(?:\d{{1,2}}\.\d|[A-Z]?\d{{1,3}})(?![\d.%台个部件款套辆架只名位家万亿元年月日])", text):
        for length in (4, 3, 2):
            brand = text[max(0, m.start() - length):m.start()]
            if len(brand) == length and re.fullmatch(r"[\u4e00-\u9fff]+", brand) and any(brand in c for c in companies):
                out.append(Candidate(m.start() - length, m.end(), "Product", "pattern:product-name", 2))
                break
    return out


def _named_models(text: str, found: list[Candidate], words) -> list[Candidate]:
    """盘古大模型, 讯飞星火大模型, 千帆大模型平台: a brand, then 大模型; not a kind of model
    (行业大模型, 医疗大模型, 端侧大模型) nor a place's or a company's models (中国大模型). A brand given
    with its Latin form (日日新（SenseNova）大模型) is the name, the Latin form its alias."""
    out = []
    for m in re.finditer(r"(?:[（(](?P<latin>[A-Za-z][A-Za-z .\-]{1,30})[)）])?(?P<series>系列)?大模型(?:平台|\d{1,2}(?:\.\d{1,2})?"
                         r"(?:Turbo|Pro|Max)?(?![\d.%]))?", text):  # 文心大模型4.5: its version printed after
        head = m.start()
        start = _brand_start(text, words, head, latin=m.group("latin") is not None)
        if head - start >= 3 and text[start] in "用以在由将把对向为从":
            start += 1  # 则用|讯飞星火大模型: the segmenter glued the preposition to the brand (用讯|飞)
        brand = text[start:head]
        if not 2 <= len(brand) <= 6 or re.fullmatch(r"[A-Za-z]{1,3}|[\d\-A-Za-z]+", brand) or brand.endswith("语") \
                or cues.MODEL_KINDS.search(brand) or any(c.start <= start and head <= c.end for c in found) \
                or any(c.start < start < c.end for c in found if c.type != "Title") \
                or text[start - 1:start] in ("”", "」"):  # (互联网之|光博览会主打大模型: it starts inside a name)
            continue  # AI大模型, 行业大模型, 华为大模型 (a company's), 中国大模型 (a place's), “百业灵犀”私域大模型 (its kind)
        if all((e := dictionary_entry(w)) is not None and (e[0] >= 500 or t in ("v", "vn", "a", "an", "ad"))
               for w, t, _ in tag(brand)):
            continue  # 电力大模型, 医疗影像大模型: common words name the field
        if m.group("latin") or m.group("series"):  # 通义千问（Qwen）系列大模型: the family of models is named
            out.append(Candidate(start, head, "Product", "pattern:named-model", 2))
            if m.group("latin"):
                out.append(Candidate(m.start("latin"), m.end("latin"), "Product", "pattern:alias", 2))
        else:
            out.append(Candidate(start, m.end(), "Product", "pattern:named-model", 2))
    return out


def _brand_start(text: str, words, head: int, latin: bool) -> int:
    """Where the brand before a model's head starts: the words back to a verb, a function word or
    punctuation (at most six characters); before a Latin form in parentheses, the Chinese
    characters right before it."""
    if latin:
        brand = re.search(r"[\u4e00-\u9fff]{2,4}$", text[:head])
        start = brand.start() if brand else head
        particle = max(text.rfind(ch, start, head - 2) for ch in "把将的了在和与用以及对")
        return particle + 1 if particle >= 0 else start  # 带来了|混元（Hunyuan）: the brand after the particle
    start = head
    for w, t, s in reversed([x for x in words if x[2] < head]):
        if s < head - 6:
            break
        w = w[:head - s]  # 千帆大|模型: the word runs into the head
        if any(ch in cues.PUNCT for ch in w) or w in cues.LEFT_STOPS or w == "的" \
                or t in FUNCTION_TAGS - {"m", "q"} or t == "v" and len(w) >= 2:
            if len(w) == 2 and w[0] in "了的着过在与和及" and not ((e := dictionary_entry(w)) and e[0] >= 100):
                start = s + 1  # 展出了讯|飞星火: the segmenter glued the particle to the brand (not 了解, a word)
            break
        start = s
    return start


# a device a brand names with AI: 夸克AI眼镜
AI_DEVICE = re.compile(r"AI(?:眼镜|手机|助手|终端|耳机|电脑|PC)")
# a maker and what it launched, both named in Latin letters (not two-letter kinds: AI, VR)
LATIN_LAUNCH = re.compile(r"(?<![A-Za-z0-9])([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)(?:公司)?(?:推出|发布|上线|开源)了?"
                          r"([A-Z][A-Za-z0-9\-]*[a-z0-9][A-Za-z0-9\-]*)(?![A-Za-z0-9])")
CARRIED = re.compile(r"搭载了?((?:[^，。、“”的\s]|(?<=[A-Za-z0-9]) (?=[A-Za-z0-9])){2,12}?)(?:移动平台|芯片|处理器|操作系统|系统|大模型"
                     # 搭载骁龙X Elite的AI PC: what a device carries, named before the device
                     r"|(?<!晶片)(?<!芯片)(?<!处理器)(?=(?:[（(][A-Za-z][A-Za-z0-9 .\-]{1,30}[)）])?的[\u4e00-\u9fffA-Za-z ]{0,4}?"
                     r"(?:手机|电脑|PC|汽车|终端|平板|笔记本|眼镜|设备|车型)))")


MODEL_WORDS = {"版本", "型号", "系列", "编号", "代号", "车型", "机型", "款式"}


def _brand_word(word: str, tag_: str) -> bool:
    """A word that can be a brand before a model code: a noun or a name (小米, 绝影), not a verb
    or a word for the model itself (型号) or for a kind of product (模型|Emu3)."""
    return word not in MODEL_WORDS and word not in cues.PRODUCT_NOUNS and (tag_ in ("n", "nr", "nrt", "nz", "nt", "j", "ns")
                                        or dictionary_entry(word) is None)


# ============================================================================ tagger layer

PLACE_ENDING = re.compile(r"(?:省|市|县|区|镇|乡|村|州|岛|湾|港|山|河|湖|江|海|街道|大道|路|街)$")
PLACE_BEFORE = re.compile(r"(?:在|位于|来自|赴|前往|抵达|落户|走进|发往|至|到|于|从)$")


def _tagger(text: str, lexicon: Lexicon, words, found: list[Candidate]) -> list[Candidate]:
    """Names LAC's statistical tagger proposes: persons, organisations (typed by their ending;
    a bare brand is a company) and places; weaker than any pattern or lexicon entry. A name
    with nothing around it that says what it is gets the method "tagger:bare": the graph admits
    it only when a fact uses it."""
    out = []
    titles_end = {c.end for c in found if c.type == "Title"}
    for w, flag, s in name_tags(text):
        end = s + len(w)
        if len(w.strip()) < 2 or text[s:end] != w or w != w.strip():
            continue  # "International ": a name the tagger cut inside a Latin phrase
        listed = text[end:end + 1] in ("、", "和") or text[s - 1:s] in ("、", "和")
        if flag == "PER":
            if not (re.fullmatch(r"[\u4e00-\u9fff]{2,4}", w) or cues.FOREIGN_NAME.fullmatch(w)):
                continue
            known = dictionary_entry(w)
            if known is not None and not known[1].startswith("nr") and known[0] >= 50:
                continue  # an ordinary word
            if re.fullmatch(r"[小老阿].|.(?:总|董|局|处|老|哥|姐|嫂|叔|姨)|.(?:先生|女士|小姐|老师|经理|律师|医生|教授)", w):
                continue  # 王总, 小王, 李老师: a form of address, not a name
            if re.search(f"(?:{DESCRIPTOR}|旗下的?)$", text[max(0, s - 4):s]):
                # 美国芯片企业|高通, 中兴通讯旗下|努比亚: a company, whatever LAC says
                out.append(Candidate(s, end, "Company", "tagger", 1))
                continue
            cue = s in titles_end or _person_cue(text, s, end) or listed
            out.append(Candidate(s, end, "Person", "tagger" if cue else "tagger:bare", 1))
        elif flag == "ORG":
            if w in lexicon.titles or w in cues.GENERIC_WORDS or w[-1] in "和与及的":
                continue  # 桐乡市经济和|信息化局: the tagger cut a name at its conjunction
            if w.startswith("各") or _unit_after_registered(w):
                continue  # 各镇人民政府: each body of a kind, no one body; a unit after a firm's registered name
            if w.endswith("界") and not w.endswith(("世界", "边界", "境界")):
                continue  # 香港创科界, 工商界: the people of a trade or a field, no body
            pair = re.fullmatch(r"(.{2,12}?)[与和及](.{2,20})", w)
            if pair and (o1 := lexicon.suffix_type(pair.group(1))) and o1[1] in ORG_TYPES \
                    and (o2 := lexicon.suffix_type(pair.group(2))) and o2[1] in ORG_TYPES:
                # 清华大学与之江实验室: two bodies read as one, each with its ending; the patterns read the second
                out.append(Candidate(s, s + len(pair.group(1)), _org_type(pair.group(1), lexicon), "tagger", 1))
                continue
            if FIELDS_LISTED.match(text, end) and (lexicon.suffix_type(w) or ("", "CompanyIndustry"))[1] == \
                    "CompanyIndustry" or (
                    text[s - 1:s] == "、" and FIELDS_LISTED.match(text, s - 1)) or (
                    text[s - 1:s] in ("、", "和", "及") and FIELD_NOUN.match(text, end)) or (
                    _beside_a_field(text, s, end, lexicon)):
                # 涉及金融科技、人工智能等领域, 在电子商务和新能源汽车领域: fields, not companies
                continue
            if _adjectives_listed(words, s, end):
                continue  # 安全、高效、普惠的规则: qualities listed, not a company
            ending = lexicon.suffix_type(w)
            if ending and ending[1] == "CompanyIndustry" and simplified_same_length(w[:-len(ending[0])]) in cues.FIELD_WORDS:
                continue  # 新能源|汽车: a field, not a company
            if _country_pair(w[:2], lexicon) and _industry_words_only(w[2:], lexicon):
                continue  # 美中科技竞争: two countries and a field
            glued = re.fullmatch(r"([\u4e00-\u9fff]{2,6})[A-Z][a-z]+[A-Za-z0-9]*", w)
            if glued:  # 微软|Copilot: the company, then its product in Latin letters
                end = s + len(glued.group(1))
                w = text[s:end]
            if re.search(r"[^资通]讯$", w) and len(w) >= 4:
                end -= 1  # 新浪科技|讯: an outlet's dateline word, not part of its name
                w = text[s:end]
            if len(w) >= 3 and w[-1] in "将也则还已又都均就" and text[end:end + 1] in "与和在于向对把为":
                end -= 1  # 科大将|与数码港合作: the adverb is no part of the name
                w = text[s:end]
            opening = next((ws for ww, _, ws in words if ws < s < ws + len(ww)), None)
            if opening is not None and all("\u4e00" <= ch <= "\u9fff" for ch in text[opening:s]):
                s, w = opening, text[opening:end]  # 特|区政府: the name starts with the word it cuts
            inside = [(ww, tt, ws) for ww, tt, ws in words if s <= ws and ws + len(ww) <= end]
            while len(inside) >= 2 and (inside[-1][1] == "v" or inside[-1][1] == "vn" and (
                    inside[-2][1] == "vn" or inside[-2][0] in cues.DESCRIPTOR_NOUNS)) \
                    and inside[-1][2] - s >= 2 and len(inside[-1][0]) >= 2 \
                    and (inside[-1][0] not in lexicon.suffixes  # 分行, 支行 are endings whatever jieba tags them
                         or inside[-1][1] == "vn" and lexicon.suffixes[inside[-1][0]] == "CompanyIndustry"):
                end = inside[-1][2]  # 中华电信|回应: the tagger ran on into the verb (not 科大讯|飞, a name's last character)
                w = text[s:end]
                inside.pop()
                if inside[-1][1] != "vn" and inside[-1][0] not in cues.DESCRIPTOR_NOUNS:
                    break
            if COUNTED.match(w) or GENERATION.fullmatch(w):
                continue  # 五所大学: counted, a kind; 90后: a generation; not names
            if re.search(r"(?:展区|展台|展馆|展厅|展位).", w):
                continue  # 北京展区|体验智能网联汽车: a fair's area, then what visitors do there
            if re.fullmatch(r"[\u4e00-\u9fff]{2,4}(?:企业|公司|厂商|机构)", w) and (
                    _place_and_locality(w[:-2], lexicon) or _industry_words_only(w[:-2], lexicon)
                    or re.sub(r"^(?:本地|当地|国内|海外|外资|国有)", "", w[:-2]) in cues.TRADES
                    or re.search(r"[一两几数多\d]家$", text[:s])):
                continue  # 中国企业|合作建设, 本地电信公司, 开了一家|金融科技公司: a kind of firm, not a name
            shows = ORG_SHOWS.match(text, end)  # 华为带来了…, 海康威视展示了…: what a company does at a fair
            named = any(ww == w and tt == "nt" for ww, tt, _ in words)  # jieba's dictionary knows it as a body
            # 台积电CoWoS, 英伟达H100: a Chinese name right before a product's Latin name is its maker
            maker = re.fullmatch(r"[\u4e00-\u9fff]{2,6}", w) and re.match(r"[A-Za-z][A-Za-z]*[A-Z0-9]", text[end:end + 12])
            # 与微软合作开发: the partner of a joint work is an organisation
            partner = text[s - 1:s] in ("与", "同", "跟") and text.startswith(("合作", "联合", "携手", "共同"), end)
            source = text[s - 1:s] == "据" and text.startswith(("报道", "消息", "披露"), end)  # 据路透社报道: a news outlet
            owner = text.startswith(("旗下", "控股的", "下属"), end)  # 鸿海旗下工业富联: the group that owns a firm
            # 2️⃣ 华为：可以体验…: a name heading an item of a list, its colon after it
            item = text[end:end + 1] in "：:" and re.fullmatch(r"[\s\d.．、)）(（①-⑳]*", text[:s]) is not None
            # 哈萨克电信（Kazakhtelecom）, 數碼港（Cyberport）: a body glossed with its name in Latin letters
            # (not a trade the tagger cut from the name: 哈萨克|电信（Kazakhtelecom）)
            glossed = re.match(r"[（(][A-Z][A-Za-z0-9&.\- ]{2,40}[)）]", text[end:end + 44]) is not None \
                and not ((e := dictionary_entry(simplified_same_length(w))) is not None and e[0] >= 1000)
            cue = bool(lexicon.suffix_type(w)) or _title_at(text, end, lexicon) > 0 or listed or bool(shows) or named \
                or bool(maker) or partner or source or owner or item or glossed
            typ = _org_type(w, lexicon)
            if typ == "Company" and not lexicon.suffix_type(w) and cues.SPORTS_WORDS.search(_sentence_around(text, s)):
                typ = "Organization"  # a club or a league in a match report, not a company
            # 中国嘉德, 北京保利: a place, then a brand the dictionary does not know; the place opens the name
            placed = _place_then_brand(words, found, s, end)
            out.append(Candidate(s, end, typ, "tagger" if cue or placed else "tagger:bare", 2 if placed or glossed else 1))
        else:
            entry = lexicon.lookup(w)
            if _language(text, end, entry) or entry is None and _opens_with_common_word(w) or _country_pair(w, lexicon):
                continue
            if re.fullmatch(r"[省市县区镇乡村]+", w) or re.fullmatch(r"[一二三四五六七两\d]大[洲洋]", w) \
                    or re.fullmatch(r"[\d.]+", w):
                continue  # 镇村两级: the levels of government; 六大洲: the continents counted; 002236: a stock code
            common = dictionary_entry(w)
            common = common is not None and not common[1].startswith("ns") and common[0] >= 20  # 高速公路
            # 华北、黄淮等地: listed with places up to 等地
            among_places = text.startswith(("等地", "等省", "等市"), end) and text[s - 1:s] == "、" \
                and any(c.end == s - 1 and c.type == "Region" for c in found)
            cue = entry is not None or among_places or not common and (bool(PLACE_ENDING.search(w))
                                                                       or bool(PLACE_BEFORE.search(text[:s])))
            out.append(Candidate(s, end, entry.type if entry else "Region", "tagger" if cue else "tagger:bare", 1,
                                 key=entry.name if entry else ""))
    return out


ADJECTIVE_TAGS = ("a", "an", "ad")


def _adjectives_listed(words, a: int, b: int) -> bool:
    """The word a..b is an adjective to the segmenter, in a 、 list whose neighbour is a quality too."""
    toks = list(words)
    k = next((k for k, (w, t, s) in enumerate(toks) if s == a and s + len(w) == b), None)
    if k is None:
        return False
    def quality(tok) -> bool:  # 高效, 包容: a common adjective or verb
        entry = dictionary_entry(tok[0])
        return tok[1] in ADJECTIVE_TAGS or tok[1] == "v" and entry is not None and entry[0] >= 100

    before = k >= 2 and toks[k - 1][0] == "、" and quality(toks[k - 2])
    after = k + 2 < len(toks) and toks[k + 1][0] == "、" and quality(toks[k + 2])
    if toks[k][1] not in ADJECTIVE_TAGS:
        return before and after  # 包容、普惠、有韧性: between two qualities, whatever the segmenter says
    return before or after


def _place_then_brand(words, found: list[Candidate], a: int, b: int) -> bool:
    """The tagger's organisation a..b is a place of the lexicon followed by one proper word."""
    place = next((c for c in found if c.type == "Region" and c.method.startswith("lexicon") and c.start == a
                  and c.end < b), None)
    if place is None:
        return False
    if any(c.start == place.end and c.end == b for c in found):
        return False  # 美国|圣迭戈: a place after a place, not a brand
    rest = [(w, t) for w, t, s in words if place.end <= s and s + len(w) <= b]
    if sum(len(w) for w, _ in rest) != b - place.end or len(rest) != 1:
        return False
    (w, t), = rest
    return len(w) >= 2 and (t in ("nr", "nz", "j", "nrt", "nrfg") or dictionary_entry(w) is None)


def _opens_with_common_word(name: str) -> bool:
    """数字|湾区, 未来|社区: a slogan or a kind of place opens with a frequent common word; a
    place's own name does not."""
    first, flag, _ = tag(name)[0]
    entry = dictionary_entry(first)
    return len(first) < len(name) and flag in ("n", "vn", "v", "a", "an", "t") and entry is not None \
        and entry[0] >= 1000


ORG_SHOWS = re.compile(r"(?:还|也|则|首次|今年)?(?:带来了?|展示了?|展出了?|推出了?|发布了?|亮出了?|推出的|发布的|携[^，。]{1,20}亮相"
                       r"|用[^，。]{2,12}(?:大模型|平台|系统)为)")  # 华为展出…, 科大讯飞则用讯飞星火大模型为…
PERSON_AFTER = re.compile(r"(?:等人|先生|女士|同志|教授|博士|院士|一行|在接受|接受采访|介绍|认为|表示|指出|说|称|强调|透露)")


def _person_cue(text: str, a: int, b: int) -> bool:
    """Context that says a tagged word is a person: a speech verb or a courtesy word after it,
    or a person word (记者, 获奖者) right before it."""
    if PERSON_AFTER.match(text, b):
        return True
    return bool(re.search(r"(?:记者|通讯员|主持人|嘉宾|专家|学者|获奖者)$", text[max(0, a - 4):a]))


# ============================================================================ same-name pass

def _same_name(text: str, known: dict[str, str]) -> list[Candidate]:
    """Known names (simplified forms) found again in a block, whatever its script."""
    written, text = text, simplified_same_length(text)
    out = []
    for name, typ in known.items():
        if len(name) < 2:
            continue
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            # 中国巨石|股份有限公司, 阿里巴巴|集团: the longer name is written
            registered = typ == "Company" and (REGISTERED.match(text, end) or text.startswith("集团", end))
            if not _inside_latin_word(text, start, end) and not registered:
                out.append(Candidate(start, end, typ, "pattern:same-name", 2, text=written[start:end]))
            start = text.find(name, end)
    return out
