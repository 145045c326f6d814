#!/usr/bin/env python3
"""Check the heldout51 gold files (pu*.yaml) against their texts (pu*.txt).

Self-contained: Python 3 + PyYAML (OpenCC is used by the reference scorer when installed).
Run from the repository root:

    python benchmarks/heldout51/check_gold.py [--scorer PATH] [FILE.yaml ...]

Checks, per gold file:
  - the source text exists; every entity name and alias is a substring of the text with its line
    breaks removed; no alias repeats its name; no two entities share a normalised name or alias;
  - articles: ids unique; each headline occurs in the text (white space ignored); the articles are
    segmented in file order (an article starts at the line holding its headline, or, without one,
    at the line holding its `starts_with`; the first article also takes the non-furniture lines
    before it); page furniture (FURNITURE below) belongs to no article;
  - `starts_with` = the first 12 characters of the article's body (after headline and byline);
  - bylines: place and month/day agree with the printed byline, the year occurs on the page,
    reporters = the reporters printed in the byline or credit;
  - each entity's `articles` = the articles whose text contains the name or an alias (nested
    occurrences counted);
  - relations: known relation names, argument shapes and types, arguments are gold entities that
    occur in the relation's article; no duplicates; reporter relations = byline reporters;
  - uncertain: well-formed; in_gold items list gold entities / gold relations; rejected items and
    also_accept answers are not gold relations; rejected entities occur in the text but are not gold;
  - the file loads with `load_gold` of the reference scorer, each entity keeps its own key.
Prints per-file and total counts; exits 0 iff no problem is found.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
# relation -> {argument: allowed types}; None = not an entity argument
SHAPES = {
    "holdsPosition": {"person": {"Person"}, "org": ORG | {"Region"}, "title": None},
    "receivedAward": {"recipient": ORG | {"Person", "Product"}, "award": {"Award"},
                      "category": {"AwardCategory"}, "year": None},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": {"Region"}, "region": {"Region"}},
    "basedIn": {"org": ORG, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORG},
    "participatedIn": {"org_or_person": ORG | {"Person"}, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORG, "parent": ORG},
}
OPTIONAL_ARGS = {("receivedAward", "category"), ("receivedAward", "year"), ("holdsPosition", "org")}

# Page furniture: lines that belong to no article (site headers, date bars, counters, tags,
# stock chips, page numbers, running headers, release separators, copyright lines).
FURNITURE = re.compile(r"""^(?:
    财联社 | 首页\s.* | 全部\s.* | \d{4}\.\d\d\.\d\d\s星期. | \d\d:\d\d:\d\d |
    \#.* | 阅\s[\d.]+W? | 评论\(\d+\) | 分享\(\d+\) | 加载更多 | \S+\s[+-]\d+\.\d+% |
    浙江日报 | \d{4}年\d{1,2}月\d{1,2}日\s星期. | 第\d+版：.* | 浙江日报\s*版权所有 |
    —\s\d+\s— | 2025年世界互联网大会乌镇峰会数字丝路与跨境电商合作论坛 |
    ＊+ | 完
)$""", re.X)

BYLINES = [  # (regex at the start of a body, groups: place, month, day, reporters)
    re.compile(r"^财联社()(\d{1,2})月(\d{1,2})日电[，,]()"),
    re.compile(r"^本报(\S*?)(\d{1,2})月(\d{1,2})日[电讯]（记者\s*([^）]*)）"),
]
CREDIT = re.compile(r"（(?:财联社)?记者\s*([^）]+)）\s*$")


def nows(s: str) -> str:
    return re.sub(r"\s+", "", s)


def flat(s: str) -> str:
    return s.replace("\r", "").replace("\n", "")


def load_scorer(path: Path):
    sys.dont_write_bytecode = True  # leave the scorer's folder untouched
    spec = importlib.util.spec_from_file_location("kg_gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def segment(lines: list[str], arts: list[dict], problems: list[str]):
    """Return {id: (start_line, title_line_or_None)} and {id: [line indexes]} in file order."""
    starts, pos = {}, 0
    for a in arts:
        found = None
        for i in range(pos, len(lines)):
            ln = lines[i]
            if FURNITURE.match(ln.strip()):
                continue
            if a.get("title"):
                if nows(a["title"]) in nows(ln):
                    found = i
                    break
            elif a.get("starts_with") and a["starts_with"][:6] in ln:
                found = i
                break
        if found is None:
            problems.append(f"article {a['id']}: start not found after line {pos + 1}")
            return None
        starts[a["id"]] = found
        pos = found + 1
    ids = [a["id"] for a in arts]
    spans = {}
    for k, aid in enumerate(ids):
        s = starts[aid] if k else 0
        e = starts[ids[k + 1]] if k + 1 < len(ids) else len(lines)
        spans[aid] = [i for i in range(s, e) if lines[i].strip() and not FURNITURE.match(lines[i].strip())]
    return starts, spans


def body_of(a: dict, lines: list[str], start: int, span: list[int]) -> str:
    """Text of the article after its headline (joined without line breaks)."""
    idx = [i for i in span if i >= start]
    if a.get("title"):
        first = lines[start]
        t = a["title"]
        if t in first:
            rest = first[first.index(t) + len(t):]
        else:  # headline printed with spaces ("邀 请 函"): the whole line is the headline
            rest = ""
        text = rest + "".join(lines[i] for i in idx[1:])
    else:
        text = "".join(lines[i] for i in idx)
    return text.lstrip("】]　 \t")


def check_file(yp: Path, scorer, totals: dict) -> list[str]:
    problems: list[str] = []
    g = yaml.safe_load(yp.read_text(encoding="utf-8"))
    tp = yp.parent / g.get("source", "")
    if not tp.exists():
        return [f"source {tp.name} missing"]
    raw = tp.read_text(encoding="utf-8")
    text = flat(raw)
    lines = raw.replace("\r", "").split("\n")
    arts = g.get("articles") or []
    ids = [a["id"] for a in arts]
    if len(set(ids)) != len(ids):
        problems.append("duplicate article ids")
    for a in arts:
        if a.get("title") and nows(a["title"]) not in nows(text):
            problems.append(f"article {a['id']}: headline not in text: {a['title']}")
    seg = segment(lines, arts, problems)
    if seg is None:
        return problems
    starts, spans = seg
    art_text = {aid: "".join(lines[i] for i in spans[aid]) for aid in ids}
    body_chars = 0
    byline_reporters = set()
    for a in arts:
        aid = a["id"]
        body = body_of(a, lines, starts[aid], spans[aid])
        by = a.get("byline") or {}
        m = None
        for rx in BYLINES:
            m = rx.match(body)
            if m:
                break
        printed_reporters = []
        if m:
            body = body[m.end():]
            if m.group(4):
                printed_reporters += [x for x in re.split(r"[\s、，,]+", m.group(4).replace("通讯员", " ")) if x]
        c = CREDIT.search(body)
        if c:
            printed_reporters += [x for x in re.split(r"[\s、，,]+", c.group(1)) if x]
        body = body.lstrip("　 \t")
        body_chars += len(nows(body))
        if a.get("starts_with") is not None and body[:12] != a["starts_with"]:
            problems.append(f"article {aid}: starts_with {a['starts_with']!r} != {body[:12]!r}")
        place, date = by.get("place"), by.get("date")
        if place and not (m and m.group(1) == place):
            problems.append(f"article {aid}: byline place {place} not printed")
        if date:
            y, mo, d = str(date).split("-")
            md = f"{int(mo)}月{int(d)}日"
            if m and (int(m.group(2)), int(m.group(3))) != (int(mo), int(d)):
                problems.append(f"article {aid}: byline date {date} != printed {m.group(2)}月{m.group(3)}日")
            if not m and md not in art_text[aid] and f"{y}年{md}" not in text:
                problems.append(f"article {aid}: date {date} not printed")
            if y not in text:
                problems.append(f"article {aid}: year {y} not on the page")
        reps = list(by.get("reporters") or [])
        if sorted(reps) != sorted(printed_reporters):
            problems.append(f"article {aid}: reporters {reps} != printed {printed_reporters}")
        byline_reporters |= {(r, aid) for r in reps}

    # entities
    ents = g.get("entities") or []
    by_name = {}
    for e in ents:
        n = e.get("name")
        if not n or e.get("type") not in TYPES:
            problems.append(f"entity {n!r}: missing name or bad type {e.get('type')!r}")
            continue
        if n in by_name:
            problems.append(f"entity {n}: listed twice")
        by_name[n] = e
        names = [n] + list(e.get("aliases") or [])
        if len(set(names)) != len(names):
            problems.append(f"entity {n}: alias repeats a name")
        for x in names:
            if str(x) not in text:
                problems.append(f"entity {n}: {x!r} not in text")
        want = sorted(aid for aid in ids if any(str(x) in art_text[aid] for x in names))
        got = sorted(e.get("articles") or [])
        if want != got:
            problems.append(f"entity {n}: articles {got} != {want}")
    keys = {}
    for e in ents:
        for x in [e["name"]] + list(e.get("aliases") or []):
            k = scorer.norm(x)
            if k in keys and keys[k] != e["name"]:
                problems.append(f"normalised name {k!r} shared by {keys[k]} and {e['name']}")
            keys[k] = e["name"]

    def check_rel(r: dict, where: str, must_be_gold_args: bool):
        rel = r.get("rel")
        if rel not in SHAPES:
            problems.append(f"{where}: unknown relation {rel!r}")
            return
        shape = SHAPES[rel]
        extra = set(r) - set(shape) - {"rel", "article"}
        if extra:
            problems.append(f"{where}: {rel} has unexpected keys {sorted(extra)}")
        aid = r.get("article")
        if aid not in ids:
            problems.append(f"{where}: {rel} article {aid!r} unknown")
        for arg, types in shape.items():
            v = r.get(arg)
            if v is None:
                if (rel, arg) not in OPTIONAL_ARGS:
                    problems.append(f"{where}: {rel} lacks {arg}")
                continue
            if types is None:
                if rel == "receivedAward" and arg == "year" and not re.fullmatch(r"\d{4}", str(v)):
                    problems.append(f"{where}: bad year {v!r}")
                if rel == "holdsPosition" and arg == "title" and str(v) not in text:
                    problems.append(f"{where}: title {v!r} not in text")
                continue
            e = by_name.get(v)
            if e is None:
                if must_be_gold_args or str(v) not in text:
                    problems.append(f"{where}: {rel}.{arg} {v!r} is not a gold entity")
                continue
            if e["type"] not in types:
                problems.append(f"{where}: {rel}.{arg} {v} has type {e['type']}")
            if aid in ids and aid not in (e.get("articles") or []):
                problems.append(f"{where}: {rel}.{arg} {v} does not occur in {aid}")

    def rkey(r: dict):
        return tuple(sorted((k, str(v)) for k, v in r.items()))

    rels = g.get("relations") or []
    seen = set()
    for r in rels:
        check_rel(r, "relation", True)
        k = rkey(r)
        if k in seen:
            problems.append(f"duplicate relation {r}")
        seen.add(k)
    rep_rels = {(r["person"], r["article"]) for r in rels if r.get("rel") == "reporter"}
    if rep_rels != byline_reporters:
        problems.append(f"reporter relations {sorted(rep_rels)} != byline reporters {sorted(byline_reporters)}")

    # uncertain
    opt_names = set()
    for u in g.get("uncertain") or []:
        where = f"uncertain {u.get('item', '?')!r}"
        if not isinstance(u.get("in_gold"), bool) or not u.get("item") or "decision" not in u or "why" not in u:
            problems.append(f"{where}: needs item, in_gold, decision, why")
            continue
        for n in u.get("entities") or []:
            if u["in_gold"]:
                if n not in by_name:
                    problems.append(f"{where}: entity {n} is not in gold")
                elif not str(u["item"]).startswith(("aliases", "segment")):
                    opt_names.add(n)
            else:
                if n in by_name:
                    problems.append(f"{where}: rejected entity {n} is in gold")
                if str(n) not in text:
                    problems.append(f"{where}: rejected entity {n} not in text")
        for r in u.get("relations") or []:
            check_rel(r, where, u["in_gold"])
            if u["in_gold"] and rkey(r) not in seen:
                problems.append(f"{where}: relation not in gold: {r}")
            if not u["in_gold"] and rkey(r) in seen:
                problems.append(f"{where}: rejected relation is in gold: {r}")
        for r in u.get("also_accept") or []:
            check_rel(r, where + " also_accept", False)
            if rkey(r) in seen:
                problems.append(f"{where}: also_accept answer is a gold relation: {r}")

    # reference loader
    try:
        gents, alias_to_key, grels, optional, neutral = scorer.load_gold([yp])
        if len(gents) != len(ents):
            problems.append(f"load_gold: {len(gents)} entity keys for {len(ents)} entities")
        scored = sum(len(v) for v in grels.values())
    except Exception as err:  # noqa: BLE001
        problems.append(f"load_gold failed: {err}")
        scored, optional = 0, set()

    n_opt = len(opt_names)
    counts = dict(articles=len(arts), body=body_chars, entities=len(ents), required=len(ents) - n_opt,
                  optional=n_opt, relations=len(rels), scored=scored)
    for k, v in counts.items():
        totals[k] = totals.get(k, 0) + v
    print(f"{yp.name}: {len(arts)} articles, body {body_chars} chars, {len(ents)} entities "
          f"({len(ents) - n_opt} required / {n_opt} optional), {len(rels)} relations "
          f"({scored} scored tuples), {len(problems)} problems")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--scorer", type=Path, default=REPO.parent / "shared" / "gold" / "score.py",
                    help="the reference scorer (default ../shared/gold/score.py from the repository root)")
    a = ap.parse_args()
    if not a.scorer.exists():
        print(f"scorer not found: {a.scorer}")
        return 2
    scorer = load_scorer(a.scorer)
    files = a.files or sorted(HERE.glob("pu*.yaml"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    totals: dict = {}
    n_problems = 0
    for f in files:
        probs = check_file(f, scorer, totals)
        for p in probs:
            print("  PROBLEM:", p)
        n_problems += len(probs)
    print(f"TOTAL: {len(files)} files, {totals.get('articles', 0)} articles, body {totals.get('body', 0)} chars, "
          f"{totals.get('entities', 0)} entities ({totals.get('required', 0)} required / "
          f"{totals.get('optional', 0)} optional), {totals.get('relations', 0)} relations "
          f"({totals.get('scored', 0)} scored tuples), {n_problems} problems")
    return 0 if n_problems == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
