"""Mentions -> entities. Every link from a mention to its entity records why it was made.

Rules, in order:
1. the same lexicon entry is one entity (浙江 and 浙江省);
2. the same name, once normalised (width, dots, spaces, script), is one entity;
3. an alias in parentheses names the entity before it (全球移动通信系统协会(GSMA Ltd.));
4. a short form is the longer name it ends (乌镇峰会 -> 世界互联网大会乌镇峰会), or the same
   name without its year (-> 2025年世界互联网大会乌镇峰会), when only one longer name fits;
5. a company's brand is the company (安恒 -> 安恒信息) when its name is brand + industry word,
   and an abbreviation is the full name it abbreviates in the same article (中国联通 -> 中国联合网络通信…);
   and a foreign person's last name alone is the person named in full in the same article
   (穆塔里 -> 哈立德·穆塔里);
6. in one article, event names with the same head noun are one event when one of them is a
   quoted full title (浙江人工智能主题展 -> “…人工智能的浙江探索与实践展”).
An entity's type is the one its mentions vote for, each method with its weight.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from kg.extract.cues import EPITHET_ENDINGS, EVENT_HEADS, QUOTED_EVENT_ENDINGS
from kg.extract.lexicon import Lexicon
from kg.extract.normalize import chars_in_order, normalize
from kg.model import Entity, Mention, Page, Resolution
from kg.read.script import simplified_same_length

ORG_FAMILY = {"Organization", "Company", "GovernmentBody"}
# how much a mention's method says about the type of what it names
METHOD_WEIGHT = {
    "pattern:byline": 5, "pattern:title-name": 4, "pattern:speaker": 3, "pattern:foreign-name": 3,
    "pattern:epithet": 3, "pattern:title-org": 4, "pattern:quoted-award": 4, "pattern:award-category": 4,
    "pattern:book-title": 4, "pattern:quoted-event": 3, "pattern:event:ordinal": 3, "lexicon": 4,
    "pattern:list": 2, "pattern:name-ending": 2, "pattern:event": 2, "pattern:programme": 2,
    "pattern:alias": 2, "pattern:described": 2, "pattern:short-form-intro": 2, "pattern:credit": 3, "pattern:product-name": 2, "pattern:quoted-product": 2, "pattern:quoted-initiative": 2,
    "pattern:place-in-parentheses": 2,
    "pattern:name-title": 2, "pattern:event:bare": 0.5, "pattern:category-name": 2, "pattern:name-place": 1, "tagger": 1, "tagger:bare": 0.5, "pattern:same-name": 0, "pattern:dateline": 3,
}
TYPE_PRIORITY = ["Person", "GovernmentBody", "Organization", "Company", "Region", "Event", "Award",
                 "AwardCategory", "Report", "Initiative", "Product"]


# the legal form a company name may add to its brand: 阿里巴巴 = 阿里巴巴集团, 百度 = 百度公司
COMPANY_FORMS = ("集团", "公司", "有限公司", "股份有限公司", "集团有限公司", "集团公司", "控股", "集团股份有限公司")


EVENT_HEAD_NOUNS = sorted(set(EVENT_HEADS) | set(QUOTED_EVENT_ENDINGS), key=len, reverse=True)


EDITION_INSIDE = re.compile(r"(?<=[\u4e00-\u9fff])(?:(?:19|20)\d\d年|首届|第[一二三四五六七八九十百零\d]+届)")


def _event_head(name: str) -> str:
    """The head noun of an event's name: 博览会 in “互联网之光”博览会, 展 in “…实践展”."""
    return next((h for h in EVENT_HEAD_NOUNS if name.endswith(h)), name[-1:])


def _describes(name: str, titled: str, head: str) -> bool:
    """Whether an unquoted event name refers to the quoted title with the same head
    (浙江人工智能主题展 -> “人工智能的浙江探索与实践展”): the same head noun, no edition of its
    own (a year, an ordinal) and a word of the title in it."""
    if not name.endswith(head) or re.match(r"(?:(?:19|20)\d\d年|首届|第.{1,3}届)", name):
        return False
    body = name[: -len(head)]
    return any(body[i:i + 2] in titled for i in range(len(body) - 1))


def _shortens_event(short: str, full: str) -> bool:
    """An edition's event named shorter (in a headline): the same year and head, the words of the
    short name in the long one in order, and its topic written there as it stands
    (2026年世界互联网大会数据治理论坛 for 2026年世界互联网大会乌镇峰会数据治理与流通利用论坛)."""
    year = re.match(r"(?:19|20)\d\d年", short)
    head = _event_head(short)
    if not full.endswith(head) or len(full) <= len(short) or full.endswith(short) or not chars_in_order(short, full, 0):
        return False
    if not year:
        # 乌镇峰会网络安全论坛 for 2025年世界互联网大会乌镇峰会网络安全技术发展和国际合作论坛: the
        # summit written without the edition's year and the organisation before it, then the topic
        at = full.find(short[:4])
        topic = short[4:len(short) - len(head)]
        return short[2:4] in ("峰会", "大会") and at > 0 and re.match(r"(?:19|20)\d\d年", full) is not None \
            and len(topic) >= 2 and topic in full[at + 4:len(full) - len(head)]
    if not full.startswith(year.group()):
        return False
    common = next((k for k in range(len(short)) if short[k] != full[k]), len(short))
    topic = short[common:len(short) - len(head)]
    return len(topic) >= 2 and topic in full[common:len(full) - len(head)]


def _abbreviates(short: str, full: str) -> bool:
    """Whether a name is a Chinese abbreviation of a longer one: the same first two characters,
    then the rest of its characters in order (中国联通 in 中国联合网络通信集团有限公司), and not a
    plain prefix (中国移动研究院 is not 中国移动)."""
    if len(full) < len(short) + 3 or full[:2] != short[:2] or full.startswith(short):
        return False
    return chars_in_order(short[2:], full, 2)


def _initials(short: str, own: str) -> bool:
    """Whether a short name takes characters in order from a name's own words, from its first
    character to its ending: 科大 (科技大学), 经科局 (经济及科技发展局)."""
    if not 2 <= len(short) <= 4 or len(own) < len(short) + 2 or own.startswith(short) or short[0] != own[0]:
        return False
    if not (short[-1] == own[-1] or own.endswith("大学") and short.endswith("大")):
        return False
    return chars_in_order(short[1:], own, 1)


def _ending_initials(short: str, own: str) -> bool:
    """专委会 for …人工智能专业委员会, 信通院 for 中国信息通信研究院: the initials of the name's
    last words, the kind of body it is."""
    return len(short) >= 3 and any(_initials(short, own[k:]) for k in range(1, len(own) - len(short) - 1))


def _level_and_initials(short: str, full: str, lexicon: Lexicon) -> bool:
    """市经信局 for 桐乡市经济和信息化局: the level of the place (市, 省, 县, 区), then the initials
    of the body's own name."""
    own = _own_name(full, lexicon)
    place = full[:len(full) - len(own)]
    return len(short) >= 3 and short[0] in "省市县区" and place.endswith(short[0]) and _initials(short[1:], own)


def _own_name(name: str, lexicon: Lexicon) -> str:
    """A body's name without the place and the government it belongs to: 澳门特区政府|经济及科技发展局."""
    own = _without_place(name, lexicon)
    for parent in ("特别行政区政府", "特区政府", "人民政府", "政府"):
        if own.startswith(parent) and len(own) > len(parent) + 2:
            return own[len(parent):]
    return own


def family(t: str) -> str:
    return "Org" if t in ORG_FAMILY else t


def resolve(mentions: dict[str, list[Mention]], pages: dict[str, Page], lexicon: Lexicon,
            article_source: dict[str, str]) -> Resolution:
    """Resolve all mentions of a corpus into entities."""
    all_mentions = [m for ms in mentions.values() for m in ms]
    # 1-2: group by lexicon entry or by normalised name
    group_of: dict[Mention, str] = {}
    reason: dict[Mention, str] = {}
    for m in all_mentions:
        if m.key:
            group_of[m] = "lex:" + m.key
            reason[m] = f"lexicon entry {m.key}"
        else:
            group_of[m] = name_key(m.text)
            reason[m] = "same name"
    # lexicon surfaces found by other layers join the lexicon entity
    for m in all_mentions:
        if not m.key:
            entry = lexicon.lookup(simplified_same_length(m.text))
            if entry is not None and family(entry.type) == family(m.type):
                group_of[m] = "lex:" + entry.name
                reason[m] = f"lexicon entry {entry.name}"
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in all_mentions:
        votes[group_of[m]][m.type] += METHOD_WEIGHT.get(m.method, 1) + (0.1 if not m.nested else 0)
    group_type = {g: winning_type(c) for g, c in votes.items()}

    merged_into: dict[str, tuple[str, str]] = {}  # group -> (target group, why)

    # 3: parenthesised aliases
    by_article = defaultdict(list)
    for m in all_mentions:
        by_article[m.article_id].append(m)
    for aid, ms in by_article.items():
        text = pages[article_source[aid]].text
        ends = {m.end: m for m in ms if not m.nested}
        for m in ms:
            if m.method != "pattern:alias":
                continue
            opener = max(text.rfind("（", 0, m.start), text.rfind("(", 0, m.start))
            if opener < 0 or re.search(r"[)）]", text[opener:m.start]):
                continue
            while opener > 0 and text[opener - 1] in " \u3000":
                opener -= 1  # 协会 (GSMA): the owner ends before the space
            owner = ends.get(opener)
            if owner is not None and group_of[owner] != group_of[m]:
                merged_into[group_of[m]] = (group_of[owner], f"alias in parentheses after {owner.text}")

    # 4: short forms and year-less names (events and organisations)
    texts: dict[str, Counter] = defaultdict(Counter)
    for m in all_mentions:
        texts[group_of[m]][m.text] += 1
    # each group's most used name, simplified, to compare names across groups
    names = {g: simplified_same_length(max(c, key=lambda t: (c[t], len(t), t))) for g, c in texts.items()}
    for g, name in names.items():
        if g in merged_into or g.startswith("lex:") or group_type[g] not in ORG_FAMILY | {"Event", "Award"}:
            continue  # 金点子奖 for 数字乡村金点子奖 too
        if len(name) < 3:
            continue
        year_and_head = re.fullmatch(r"((?:19|20)\d\d年?)([\u4e00-\u9fff]{2,3})", name)
        if year_and_head and group_type[g] == "Event":  # 2026年峰会 -> 2026年世界互联网大会乌镇峰会
            year, head = year_and_head.groups()
            editions = [h for h, other in names.items() if h != g and group_type[h] == "Event" and len(other) > len(name)
                        and other.startswith(year) and other.endswith(head)]
            if len(editions) == 1:
                merged_into[g] = (editions[0], f"the {year} edition named by its head: {names[editions[0]]}")
                continue
        # 杭州亚运会 for 杭州第19届亚运会: the edition's name with its ordinal or year left out inside
        editions = [h for h, other in names.items() if h != g and group_type[h] == group_type[g] == "Event"
                    and other != name and EDITION_INSIDE.sub("", other, count=1) == name]
        if len(editions) == 1:
            merged_into[g] = (editions[0], f"the edition's name without its ordinal: {names[editions[0]]}")
            continue
        shortened = [h for h, other in names.items() if h != g and group_type[h] == group_type[g] == "Event"
                     and _shortens_event(name, other)]
        if len(shortened) == 1:  # 2026年世界互联网大会数据治理论坛 for …乌镇峰会数据治理与流通利用论坛
            merged_into[g] = (shortened[0], f"short form of {names[shortened[0]]}")
            continue
        longer = [h for h, other in names.items() if h != g and len(other) > len(name)
                  and other.endswith(name) and family(group_type[h]) == family(group_type[g])
                  and not re.match(r"(?:首届|第[一二三四五六七八九十百零\d]+届)", other)
                  and (len(name) >= 4 or re.fullmatch(r"(?:(?:19|20)\d\d年?)?", other[:-len(name)]))]
        if not longer:
            continue
        # the longest chain: 乌镇峰会 ⊂ 世界互联网大会乌镇峰会 ⊂ 2025年世界互联网大会乌镇峰会
        tops = {h for h in longer if not any(names[k].endswith(names[h]) and k != h and k in longer for k in longer)}
        if len(tops) == 1:
            top = tops.pop()
            why = "the same name without its year" if re.fullmatch(r"(?:19|20)\d\d年?", names[top][:-len(name)]) \
                else f"short form of {names[top]}"
            merged_into[g] = (top, why)

    # 5: a company's brand
    industry = sorted((s for s, t in lexicon.suffixes.items() if t == "CompanyIndustry"), key=len, reverse=True)
    companies = {names[g]: g for g, t in group_type.items() if t == "Company" and g not in merged_into}
    for g, name in names.items():
        if g in merged_into or len(name) < 2:
            continue
        for full, h in companies.items():
            if h == g:
                continue
            own = _without_place(full, lexicon)  # 杭州云深处科技有限公司: the city is where, not who
            placed = own != full
            if not own.startswith(name) and full.startswith(name) and len(name) > len(full) - len(own):
                own = full  # 中国移动 for 中国移动通信集团有限公司: the place belongs to the brand
            if not own.startswith(name):
                continue
            rest = own[len(name):]
            trade = next((form for form in industry if rest.startswith(form) and rest[len(form):] in COMPANY_FORMS), "")
            registered = (placed or trade) and rest.endswith(("有限公司", "股份有限公司"))
            if g in companies.values() and not registered and rest != "公司":
                continue  # two companies' names (阿里巴巴, 阿里巴巴集团) join only through a registered name;
                # 高通 and 高通公司 differ by the word for company alone
            if (rest in COMPANY_FORMS or trade) and family(group_type[g]) == "Org" or \
                    rest in industry and _strongest_vote(votes[g]) <= 2:
                merged_into[g] = (h, f"short name of {full}")
                break

    typed_by_full: set[str] = set()  # short forms whose type is the full name's (科大 is no company)
    # 5b: an abbreviation of a full name written in the same article: 中国联通 -> 中国联合网络通信集团有限公司,
    # 科大 -> 香港科技大学
    for aid, ms in by_article.items():
        groups = {_final(group_of[m], merged_into) for m in ms}
        for g in sorted(groups):
            name = names[g]
            if g in merged_into or g.startswith("lex:") or family(group_type[g]) != "Org" or len(name) < 2:
                continue
            fulls = [h for h in groups if h != g and family(group_type[h]) == "Org" and (
                group_type[h] == group_type[g] and len(name) >= 3 and _abbreviates(name, names[h])
                or _initials(name, _own_name(names[h], lexicon)) or _level_and_initials(name, names[h], lexicon)
                or _ending_initials(name, _own_name(names[h], lexicon)))]
            if len(fulls) == 1:
                merged_into[g] = (fulls[0], f"abbreviation of {names[fulls[0]]}")
                typed_by_full.add(g)

    # 5c: a foreign person named again by the last part of the name: 穆塔里 -> 哈立德·穆塔里
    for aid, ms in by_article.items():
        groups = {_final(group_of[m], merged_into) for m in ms if group_type[group_of[m]] == "Person"}
        for g in sorted(groups):
            name = names[g]
            if g in merged_into or re.search(r"[·・•‧.]", name) or len(name) < 2:
                continue
            fulls = [h for h in groups if h != g and re.search(rf"[·・•‧.]{re.escape(name)}$", names[h])]
            if len(fulls) == 1:
                merged_into[g] = (fulls[0], f"family name of {names[fulls[0]]}")

    # 6: event names with the same head in one article
    for aid, ms in by_article.items():
        events = [m for m in ms if group_type[_final(group_of[m], merged_into)] == "Event"]
        quoted = {_final(group_of[m], merged_into) for m in events if m.method == "pattern:quoted-event"}
        for q in quoted:
            head = _event_head(names[q])
            for m in events:
                g = _final(group_of[m], merged_into)
                if g != q and g not in quoted and m.method != "pattern:quoted-event" \
                        and _describes(names[g], names[q], head):
                    merged_into[g] = (q, f"the article's one event titled …{head}: {names[q]}")

    # entities
    members: dict[str, list[Mention]] = defaultdict(list)
    result = Resolution()
    for m in all_mentions:
        g0 = group_of[m]
        g = _final(g0, merged_into)
        members[g].append(m)
        why = reason[m] if g == g0 else merged_into[g0][1] if merged_into[g0][0] == g else "alias chain"
        result.links[m] = (g, why)
    for g, ms in members.items():
        own = {group_of[m] for m in ms}
        typed = sum((votes[h] for h in own - typed_by_full), Counter()) or sum((votes[h] for h in own), Counter())
        typ = winning_type(typed or votes[g])
        lex_entry = lexicon.entries.get(g[4:]) if g.startswith("lex:") else None
        labels = Counter(m.text for m in ms if not m.method == "pattern:alias")
        alias_labels = {m.text for m in ms if m.method == "pattern:alias"}
        alias_labels |= {e for m in ms if m.type == "Person" and (e := _epithet(pages, article_source, m))}
        pref = preferred_label(labels, typ, [lex_entry.name] if lex_entry else [])
        aliases = set(labels) | alias_labels
        aliases |= {re.sub(r"[“”‘’「」『』]", "", a) for a in aliases if re.search(r"[“”‘’「」『』]", a[1:-1])}
        if typ == "Product":  # 通义千问大模型 goes by its brand, 通义千问, as well
            aliases |= {a[:-3] for a in aliases | {pref} if a.endswith("大模型") and len(a) >= 5}
        english = ()
        if lex_entry:
            aliases |= {lex_entry.name, *lex_entry.aliases}
            english = (lex_entry.english,) if lex_entry.english else ()
        aliases.discard(pref)
        result.entities[g] = Entity(key=g, type=typ, name=pref, aliases=tuple(sorted(aliases)),
                                    english=english, lexicon_key=lex_entry.name if lex_entry else "")
        result.typed_by_full.update((m, typ) for m in ms if group_of[m] in typed_by_full)
    return result


def _epithet(pages: dict[str, Page], article_source: dict[str, str], m: Mention) -> str | None:
    """The quoted epithet printed right before a name: “全球互联网之父”罗伯特·卡恩 -> 全球互联网之父."""
    text = pages[article_source[m.article_id]].text
    found = re.search(r"[“「]([^”」，。！？、]{2,14})[”」]的?\s*$", text[max(0, m.start - 20):m.start])
    if found and simplified_same_length(found.group(1)).endswith(EPITHET_ENDINGS):
        return found.group(1)
    return None


def name_key(text: str) -> str:
    """The normalised name, inner quotation marks removed too: “互联网之光”博览会 = 互联网之光博览会."""
    return re.sub(r"[“”‘’「」『』\"]", "", normalize(text))


def _strongest_vote(counter: Counter) -> float:
    return max(counter.values(), default=0)


def _final(g: str, merged_into: dict[str, tuple[str, str]]) -> str:
    seen = set()
    while g in merged_into and g not in seen:
        seen.add(g)
        g = merged_into[g][0]
    return g


def winning_type(votes: Counter) -> str:
    """The type with the most weighted votes; ties go to the more specific type."""
    return max(votes, key=lambda t: (votes[t], -TYPE_PRIORITY.index(t) if t in TYPE_PRIORITY else -99))


def preferred_label(labels: Counter, typ: str, fallback: list[str]) -> str:
    """The label to show: for events, awards and organisations the fullest name; otherwise the form
    the text uses most (浙江 rather than 浙江省); with no mention, the first fallback name."""
    if not labels:
        return sorted(fallback)[0] if fallback else ""
    if typ in ORG_FAMILY | {"Event", "Report", "Initiative", "Award"}:
        return max(labels, key=lambda t: (len(t), labels[t], t))
    return max(labels, key=lambda t: (labels[t], len(t), t))


# names that enter the graph only when a fact uses them
NEEDS_A_FACT = {"tagger:bare", "pattern:category-name"}


def _without_place(name: str, lexicon: Lexicon) -> str:
    """A company's registered name without the place that opens it (杭州|云深处科技有限公司)."""
    for n in range(min(6, len(name) - 2), 1, -1):
        entry = lexicon.lookup(name[:n])
        if entry is not None and entry.type == "Region":
            return name[n:]
    return name


def admit(resolution: Resolution, facts) -> Resolution:
    """What the graph admits: a name that only the statistical tagger proposed, with nothing
    around it that says what it is (method "tagger:bare"), or an unquoted category (人工智能赛道),
    enters the graph only when a fact uses it; so does a name found again only inside longer
    names (中控 inside 中控技术, a reading the final pass gave up)."""
    used = {v for f in facts for _, v in f.roles}
    methods: dict[str, set[str]] = defaultdict(set)
    for m, (key, _) in resolution.links.items():
        methods[key].add(m.method if not (m.nested and m.method == "pattern:same-name") else "nested:same-name")
    bare = {k for k, ms in methods.items() if ms <= NEEDS_A_FACT | {"nested:same-name"} and k not in used}
    if not bare:
        return resolution
    return Resolution(entities={k: e for k, e in resolution.entities.items() if k not in bare},
                      links={m: link for m, link in resolution.links.items() if link[0] not in bare},
                      typed_by_full=resolution.typed_by_full)


TOPICAL_HEADS = ("分论坛", "主论坛", "平行论坛", "专题论坛")


def fold_idle_ceremonies(resolution: Resolution, facts, ceremony_heads: tuple[str, ...]) -> Resolution:
    """A ceremony or sub-forum (…开幕式, …主论坛) is an entity of its own only when the text
    attaches something to it (an award announced there, a report released there). Otherwise
    its mentions count for the edition its name opens with, or for nothing."""
    used = {v for f in facts for _, v in f.roles}
    idle = {k for k, e in resolution.entities.items()
            if e.type == "Event" and simplified_same_length(e.name).endswith(ceremony_heads) and k not in used}
    if not idle:
        return resolution
    out = Resolution(entities={k: e for k, e in resolution.entities.items() if k not in idle},
                     typed_by_full=resolution.typed_by_full)
    parents: dict[str, str] = {}
    for m, (key, _) in resolution.links.items():
        if m.nested and key not in idle:
            for outer, (okey, _) in resolution.links.items():
                if okey in idle and outer.article_id == m.article_id and outer.start == m.start and m.end < outer.end:
                    parents[okey] = key
    # a forum named by its topic (数字政府与人工智能治理分论坛) is an event of its own all the same
    idle = {k for k in idle if k in parents or not simplified_same_length(resolution.entities[k].name).endswith(
        TOPICAL_HEADS)}
    out = Resolution(entities={k: e for k, e in resolution.entities.items() if k not in idle},
                     typed_by_full=resolution.typed_by_full)
    for m, (key, why) in resolution.links.items():
        if key not in idle:
            out.links[m] = (key, why)
        elif key in parents and not any(o.start == m.start and o.article_id == m.article_id and o is not m
                                        and resolution.links[o][0] == parents[key] for o in resolution.links):
            name = resolution.entities[key].name
            out.links[m] = (parents[key], f"{name}: a ceremony nothing is attached to, read as its edition")
    return out


def split_namesakes(resolution: Resolution, facts, article_source: dict[str, str]):
    """Two people who share a name but nothing else are not merged blindly: when the same
    name holds positions in two source files at organisations that have nothing in common,
    the later file's person is kept apart (its own entity), and the link says why."""
    from kg.model import Fact

    orgs: dict[tuple[str, str], set[str]] = defaultdict(set)  # (person key, source) -> organisations
    for f in facts:
        if f.kind == "position" and f.role("organization"):
            orgs[(f.role("holder"), article_source[f.article_id])].add(f.role("organization"))
    split: dict[tuple[str, str], str] = {}
    by_person: dict[str, list[str]] = defaultdict(list)
    for (person, source) in sorted(orgs):
        by_person[person].append(source)
    for person, sources in by_person.items():
        if resolution.entities[person].type != "Person" or len(sources) < 2:
            continue
        seen = set(orgs[(person, sources[0])])
        for source in sources[1:]:
            if orgs[(person, source)] & seen:
                seen |= orgs[(person, source)]
                continue
            split[(person, source)] = f"{person}#{source}"
    if not split:
        return resolution, facts
    out = Resolution(entities=dict(resolution.entities), links={}, typed_by_full=resolution.typed_by_full)
    for (person, source), key in split.items():
        e = resolution.entities[person]
        out.entities[key] = Entity(key=key, type=e.type, name=e.name, aliases=e.aliases, english=e.english)
    for m, (key, why) in resolution.links.items():
        new = split.get((key, article_source[m.article_id]))
        out.links[m] = (new, "same name as a person elsewhere, at other organisations: kept apart") if new else (key, why)
    moved = []
    for f in facts:
        source = article_source[f.article_id]
        roles = tuple((k, split.get((v, source), v)) for k, v in f.roles)
        moved.append(Fact(f.kind, roles, f.article_id, f.evidence, f.sentence, f.rule) if roles != f.roles else f)
    return out, moved
