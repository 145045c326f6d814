#!/usr/bin/env python3
"""Check the heldout36 gold files (pf*.yaml) against their texts (pf*.txt).

Self-contained: Python 3 + PyYAML (OpenCC is used by the reference scorer when installed, not here).

Checks, per file:
  - the yaml loads with the reference scorer's `load_gold` (--scorer PATH);
  - `source` names the text file, which exists;
  - every headline occurs in the text (line breaks removed), articles are in page order;
  - `starts_with` is what the body begins with once the headline and the byline are removed;
  - bylines: the date is ISO and its month and day are printed on the page, the place occurs in
    the article, reporters occur in the article and equal the article's `reporter` relations;
  - every entity name and alias is an exact substring of the text with line breaks removed (page
    furniture, defined by FURNITURE below, excluded), types are known, names are unique;
  - each entity's `articles` is exactly the set of articles whose text contains the name or an
    alias (nested occurrences counted);
  - relations: known relation, argument keys, canonical entity names of the allowed types, the
    article exists and mentions every argument entity, no duplicates;
  - `uncertain`: every item has item / in_gold / decision / why; entities of in_gold items are
    gold entities; relations of in_gold items are copies of gold relations; relations of
    in_gold: false items and also_accept answers are not gold relations;
  - the body of each text is 450-900 characters (white space excluded).
Prints one line per file and a total line; exits 0 iff no problem is found.

Usage (from the repository root):
  python benchmarks/heldout36/check_gold.py [--scorer ../shared/gold/score.py] [YAML ...]
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
AGENT = ORG | {"Person"}

# relation -> {argument: allowed entity types (None = a literal)}
REL_ARGS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG | {"Region"}, "title": None},
    "receivedAward": {"recipient": AGENT | {"Product"}, "award": {"Award"}, "category": {"AwardCategory"},
                      "year": None},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": {"Region"}, "region": {"Region"}},
    "basedIn": {"org": ORG, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORG},
    "participatedIn": {"org_or_person": AGENT, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORG, "parent": ORG},
}
OPTIONAL_ARGS = {("receivedAward", "category"), ("receivedAward", "year")}

# Page furniture: whole lines that belong to no article (platform chrome, credits, closing lines).
FURNITURE = {
    "pf1": [r"^科技圈老陈$", r"^原创$", r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} · .* · 阅读量 .*$",
            r"^免责声明：", r"^举报$", r"^收藏$", r"^评论 \d+$", r"^赞 \d+$"],
    "pf2": [r"^＊+$", r"^完$", r"^\d{4}年\d{1,2}月\d{1,2}日（星期.）$", r"^香港時間\d{1,2}時\d{2}分$"],
    "pf3": [r"^新华社客户端 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 更新$", r"^分享到：", r"^更多快讯，请关注"],
    "pf4": [r"^（按演讲顺序排列）$"],
}
# Lines that open an article without a headline (the time stamps of a flash series).
LEAD = [r"^\d{1,2}月\d{1,2}日 \d{2}:\d{2}$"]
# Bylines / datelines removed (after the headline and the lead lines) before `starts_with`.
BYLINE = [
    r"^新华社(?P<place>[^\d（]+?)(?P<m>\d{1,2})月(?P<d>\d{1,2})日电\s*(?:（记者(?P<rep>[^）]+)）)?\s*",
    r"^演讲嘉宾时间：[^地]*地点：浙江省桐乡市(?P<place>乌镇)互联网国际会展中心",
]
CN_NUM = "〇一二三四五六七八九十"


def cn(n: int) -> str:
    if n <= 10:
        return CN_NUM[n] if n < 10 else "十"
    if n < 20:
        return "十" + CN_NUM[n - 10]
    return CN_NUM[n // 10] + "十" + (CN_NUM[n % 10] if n % 10 else "")


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def check(path: Path, scorer) -> tuple[list[str], dict]:
    probs: list[str] = []
    P = probs.append
    stats = {"articles": 0, "body": 0, "ents": 0, "opt": 0, "rels": 0, "scored": 0}
    try:
        g = yaml.safe_load(path.read_text(encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        return [f"yaml does not load: {e}"], stats
    try:
        ents_, _a2k, rels_, opt_, _neutral = scorer.load_gold([path])
        stats["opt"] = len(set(opt_) & set(ents_))
        stats["scored"] = sum(len(v) for v in rels_.values())
    except Exception as e:  # noqa: BLE001
        P(f"load_gold fails: {e!r}")
    stem = path.stem
    src = g.get("source")
    if src != stem + ".txt":
        P(f"source is {src!r}, expected {stem}.txt")
    tpath = path.with_name(stem + ".txt")
    if not tpath.exists():
        return probs + [f"missing text {tpath.name}"], stats
    raw = tpath.read_text(encoding="utf-8")
    fur = [re.compile(x) for x in FURNITURE.get(stem, [])]
    lead = [re.compile(x) for x in LEAD]
    lines = [ln for ln in raw.splitlines() if not any(f.search(ln.strip()) for f in fur)]
    starts, off = [], 0
    for ln in lines:
        starts.append(off)
        off += len(ln)
    text = "".join(lines)  # line breaks removed, furniture excluded
    whole = raw.replace("\n", "")

    # ---- articles and their spans
    arts = g.get("articles") or []
    ids = [a.get("id") for a in arts]
    if len(set(ids)) != len(ids):
        P("duplicate article ids")
    anchors, bodies = [], []
    prev = 0
    for a in arts:
        aid, title = a.get("id"), a.get("title")
        sw = a.get("starts_with") or ""
        if title:
            pos = text.find(title, prev)
            if pos < 0:
                P(f"{aid}: headline not found (in order): {title}")
                anchors.append(prev)
                bodies.append(prev)
                continue
            anchor, body_at = pos, pos + len(title)
        else:
            s = -1
            for mm in (re.finditer(re.escape(sw), text[prev:]) if sw else []):
                cand = prev + mm.start()
                li = max(i for i, st in enumerate(starts) if st <= cand)
                before = text[starts[li]:cand].strip(" \u3000\t")
                if not before or any((m0 := re.match(bp, before)) and m0.end() == len(before)
                                     for bp in BYLINE):
                    s = cand
                    break
            if s < 0:
                P(f"{aid}: starts_with not found (in order): {sw}")
                anchors.append(prev)
                bodies.append(prev)
                continue
            li = max(i for i, st in enumerate(starts) if st <= s)
            while li > 0 and any(x.match(lines[li - 1].strip()) for x in lead):
                li -= 1
            anchor, body_at = starts[li], starts[li]
        anchors.append(anchor)
        bodies.append(body_at)
        prev = anchor + 1
    spans = {}
    for i, a in enumerate(arts):
        lo = 0 if i == 0 else anchors[i]
        hi = anchors[i + 1] if i + 1 < len(arts) else len(text)
        spans[a.get("id")] = text[lo:hi]
    stats["articles"] = len(arts)

    rel_list = g.get("relations") or []
    for i, a in enumerate(arts):
        aid = a.get("id")
        hi = anchors[i + 1] if i + 1 < len(arts) else len(text)
        body = text[bodies[i]:hi]
        # strip lead lines and the byline
        for _ in range(3):
            body = body.lstrip(" \u3000\t")
            m2 = re.match(r"^\d{1,2}月\d{1,2}日 \d{2}:\d{2}", body)
            if m2:
                body = body[m2.end():]
        bym = None
        for bp in BYLINE:
            bym = re.match(bp, body.lstrip(" \u3000"))
            if bym:
                body = body.lstrip(" \u3000")[bym.end():]
                break
        body = body.lstrip(" \u3000\t")
        stats["body"] += len(re.sub(r"\s", "", body))
        sw = a.get("starts_with") or ""
        if len(sw) != 12:
            P(f"{aid}: starts_with is not 12 characters: {sw!r}")
        if not body.startswith(sw):
            P(f"{aid}: body starts {body[:12]!r}, starts_with is {sw!r}")
        by = a.get("byline") or {}
        for k in ("place", "date", "reporters"):
            if k not in by:
                P(f"{aid}: byline lacks {k}")
        d = by.get("date")
        if d is not None:
            try:
                dd = d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d))
                forms = [f"{dd.month}月{dd.day}日", f"{dd:%Y-%m-%d}", f"{cn(dd.month)}月{cn(dd.day)}日"]
                if not any(f in whole for f in forms):
                    P(f"{aid}: byline date {dd} is not printed on the page")
            except ValueError:
                P(f"{aid}: byline date {d!r} is not ISO")
        place = by.get("place")
        if place and place not in spans[aid]:
            P(f"{aid}: byline place {place} not in the article")
        if bym and bym.groupdict().get("place") and place != bym.group("place"):
            P(f"{aid}: byline place {place!r}, dateline says {bym.group('place')!r}")
        reps = by.get("reporters") or []
        if bym and bym.groupdict().get("rep"):
            printed = [x.strip() for x in re.split(r"[、，,\s]+", bym.group("rep")) if x.strip()]
            if sorted(printed) != sorted(reps):
                P(f"{aid}: byline reporters {reps}, dateline prints {printed}")
        for r in reps:
            if r not in spans[aid]:
                P(f"{aid}: reporter {r} not in the article")
        rel_reps = sorted(r.get("person") for r in rel_list if r.get("rel") == "reporter" and r.get("article") == aid)
        if sorted(reps) != rel_reps:
            P(f"{aid}: byline reporters {sorted(reps)} != reporter relations {rel_reps}")
    if not 450 <= stats["body"] <= 900:
        P(f"body has {stats['body']} characters, outside 450-900")

    # ---- entities
    ents = {}
    seen_names = {}
    for e in g.get("entities") or []:
        n, t = e.get("name"), e.get("type")
        if t not in TYPES:
            P(f"entity {n}: unknown type {t}")
        if n in ents:
            P(f"entity {n}: duplicate")
        ents[n] = e
        names = [n] + list(e.get("aliases") or [])
        for x in names:
            if not isinstance(x, str) or not x:
                P(f"entity {n}: bad name/alias {x!r}")
                continue
            if x not in text:
                P(f"entity {n}: {x!r} does not occur in the text (furniture excluded)")
            if x in seen_names and seen_names[x] != n:
                P(f"entity {n}: name/alias {x!r} also used by {seen_names[x]}")
            seen_names[x] = n
        want = sorted(aid for aid, sp in spans.items() if any(isinstance(x, str) and x and x in sp for x in names))
        got = sorted(e.get("articles") or [])
        if want != got:
            P(f"entity {n}: articles {got}, text gives {want}")
    stats["ents"] = len(ents)

    # ---- relations
    seen = set()
    gold_keys = set()
    for r in rel_list:
        rel = r.get("rel")
        if rel not in REL_ARGS:
            P(f"unknown relation {r}")
            continue
        k = rel_key(r)
        if k in seen:
            P(f"duplicate relation {r}")
        seen.add(k)
        gold_keys.add(k)
        aid = r.get("article")
        if aid not in spans:
            P(f"relation {r}: unknown article {aid}")
        extra = set(r) - set(REL_ARGS[rel]) - {"rel", "article"}
        if extra:
            P(f"relation {r}: unexpected keys {sorted(extra)}")
        for arg, types in REL_ARGS[rel].items():
            if arg not in r:
                if (rel, arg) not in OPTIONAL_ARGS:
                    P(f"relation {r}: lacks {arg}")
                continue
            v = r[arg]
            if types is None:
                if rel == "holdsPosition" and aid in spans and v:
                    for part in re.split(r"、|兼", str(v)):
                        if part and part not in spans[aid]:
                            P(f"relation {r}: title part {part!r} not in {aid}")
                if rel == "receivedAward" and v is not None and aid in spans and str(v) not in spans[aid]:
                    P(f"relation {r}: year {v} not in {aid}")
                continue
            if v is None:
                if (rel, arg) not in OPTIONAL_ARGS:
                    P(f"relation {r}: {arg} is null")
                continue
            if v not in ents:
                P(f"relation {r}: {arg} {v!r} is not a canonical entity name")
                continue
            if ents[v].get("type") not in types:
                P(f"relation {r}: {arg} {v} has type {ents[v].get('type')}, expected {sorted(types)}")
            if aid in spans and aid not in (ents[v].get("articles") or []):
                P(f"relation {r}: {v} is not mentioned in {aid}")
    stats["rels"] = len(rel_list)

    # ---- uncertain
    for u in g.get("uncertain") or []:
        if not isinstance(u, dict):
            P(f"uncertain item is not a mapping: {u!r}")
            continue
        name = u.get("item")
        for k in ("item", "in_gold", "decision", "why"):
            if k not in u:
                P(f"uncertain {name!r}: lacks {k}")
        ing = u.get("in_gold")
        if not isinstance(ing, bool):
            P(f"uncertain {name!r}: in_gold is not a boolean")
        for n in u.get("entities") or []:
            if ing and n not in ents:
                P(f"uncertain {name!r}: entity {n} is not a gold entity")
            if not ing and n in ents:
                P(f"uncertain {name!r}: rejected entity {n} is in the gold")
            if not ing and n not in text:
                P(f"uncertain {name!r}: rejected entity {n} does not occur")
        for r in u.get("relations") or []:
            k = rel_key(r)
            if ing and k not in gold_keys:
                P(f"uncertain {name!r}: relation not in gold: {r}")
            if not ing and k in gold_keys:
                P(f"uncertain {name!r}: rejected relation is in gold: {r}")
            if r.get("rel") not in REL_ARGS:
                P(f"uncertain {name!r}: unknown relation {r}")
            for arg, types in REL_ARGS.get(r.get("rel"), {}).items():
                v = r.get(arg)
                if types is not None and v is not None and v not in ents and v not in text:
                    P(f"uncertain {name!r}: argument {v!r} neither an entity nor in the text")
        for r in u.get("also_accept") or []:
            if rel_key(r) in gold_keys:
                P(f"uncertain {name!r}: also_accept answer is a gold relation: {r}")
            for arg, types in REL_ARGS.get(r.get("rel"), {}).items():
                v = r.get(arg)
                if types is not None and v is not None and v not in ents:
                    P(f"uncertain {name!r}: also_accept argument {v!r} is not an entity")
    return probs, stats


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scorer", type=Path, default=REPO / ".." / "shared" / "gold" / "score.py")
    ap.add_argument("yaml", nargs="*", type=Path)
    a = ap.parse_args()
    if not a.scorer.exists():
        print(f"scorer not found: {a.scorer}")
        return 2
    scorer = load_scorer(a.scorer)
    files = a.yaml or sorted(HERE.glob("pf*.yaml"))
    tot = {"articles": 0, "body": 0, "ents": 0, "opt": 0, "rels": 0, "scored": 0}
    nprob = 0
    for f in files:
        probs, st = check(f, scorer)
        for k in tot:
            tot[k] += st[k]
        nprob += len(probs)
        for p in probs:
            print(f"  {f.name}: {p}")
        print(f"{f.name}: {st['articles']} articles, body {st['body']} chars, {st['ents']} entities "
              f"({st['ents'] - st['opt']} required / {st['opt']} optional), {st['rels']} relations "
              f"({st['scored']} scored), {len(probs)} problems")
    print(f"TOTAL {len(files)} files: {tot['articles']} articles, {tot['ents']} entities "
          f"({tot['ents'] - tot['opt']} required / {tot['opt']} optional), {tot['rels']} relations "
          f"({tot['scored']} scored), {nprob} problems")
    return 0 if nprob == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
