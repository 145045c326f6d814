#!/usr/bin/env python3
"""Consistency check of the heldout47 gold files (pq*.yaml) against their texts (pq*.txt).

Usage (from the repository root):
    python benchmarks/heldout47/check_gold.py [--scorer PATH] [FILE.yaml ...]

Checks, for every gold file:
  - names and aliases occur in the text (line breaks removed), no name is used twice;
  - `articles` lists equal the articles whose text (headline, byline, body; page furniture
    excluded) contains the name or an alias, nested occurrences included;
  - headlines occur, `starts_with` is the first 12 characters of the body after the byline,
    byline places and reporters occur in their article, dates are valid;
  - relation names, argument keys and argument types; every argument is named in the
    relation's article; holdsPosition titles occur in the article;
  - reporter relations = byline reporters, article by article;
  - `uncertain`: in_gold items copy gold items exactly, rejected items are not in the gold,
    also_accept answers are not gold items;
  - each file loads with `load_gold` of the reference scorer.
Prints per-file and total counts; exit 0 iff no problem is found. Needs PyYAML only.
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
ROOT = HERE.parent.parent

# Page furniture (whole lines, after strip) that belongs to no article; lines of an article that
# are byline or editorial notes, not body; and, for pages of many items, the line opening an item.
LAYOUT = {
    "pq1": {
        "furniture": [r"首页 > 科技 > 滚动新闻", r"滚动新闻", r"2024年11月20日 星期三.*", r"加载更多"],
        "non_body": [r"\d\d-\d\d \d\d:\d\d"],
        "article_start": r"\d\d-\d\d \d\d:\d\d",
    },
    "pq2": {
        "furniture": [r"— \d+ —", r"2025年世界互联网大会乌镇峰会·工业互联网论坛　嘉宾名单"],
        "non_body": [r"2025年11月8日　.*"],
        "article_start": None,
    },
    "pq3": {
        "furniture": [r"桐乡市人民政府门户网站", r"首页 \| .*", r"当前位置：.*", r"【字体：.*】",
                      r"下一篇：.*", r"【打印本页】.*", r"主办：.*", r"地址：.*", r"浙ICP备.*"],
        "non_body": [r"来源：.*发布时间：.*"],
        "article_start": None,
    },
    "pq4": {
        "furniture": [r"数字潮汐｜第\d+期"],
        "non_body": [r"\d{4}-\d\d-\d\d · .*", r"文字稿由节目组整理.*"],
        "article_start": None,
    },
}

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
AGENT = ORG | {"Person"}
# relation -> {argument: allowed types}; None = free value
SHAPES = {
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
    "memberOf": {"org": AGENT, "parent": ORG},
}
OPTIONAL_ARGS = {("receivedAward", "category"), ("receivedAward", "year")}


def flat(s: str) -> str:
    return s.replace("\r", "").replace("\n", "")


def segment(text: str, arts: list, lay: dict, problems: list) -> dict:
    """article id -> (segment text, body text), line breaks removed, furniture excluded."""
    fur = [re.compile(p) for p in lay["furniture"]]
    nb = [re.compile(p) for p in lay["non_body"]]
    lines = [ln for ln in text.replace("\r", "").split("\n")
             if ln.strip() and not any(p.fullmatch(ln.strip()) for p in fur)]
    groups: list[list[str]] = []
    if lay.get("article_start"):
        st = re.compile(lay["article_start"])
        for ln in lines:
            if st.fullmatch(ln.strip()):
                groups.append([ln])
            elif groups:
                groups[-1].append(ln)
        if len(groups) != len(arts):
            problems.append(f"{len(groups)} items on the page, {len(arts)} articles in the gold")
    else:
        starts = []
        cur = 0
        for a in arts:
            anchor = a.get("title") or a.get("starts_with")
            found = None
            for i in range(cur, len(lines)):
                if "".join(lines[i:]).startswith(anchor):
                    found = i
                    break
            if found is None:
                problems.append(f"{a['id']}: article start {anchor!r} not found at a line start")
                found = cur
            starts.append(found)
            cur = found + 1
        for j, s in enumerate(starts):
            e = starts[j + 1] if j + 1 < len(starts) else len(lines)
            groups.append(lines[s:e])
    out = {}
    for a, g in zip(arts, groups):
        seg = "".join(g)
        body = "".join(ln for ln in g if not any(p.fullmatch(ln.strip()) for p in nb))
        if a.get("title") and body.startswith(a["title"]):
            body = body[len(a["title"]):]
        out[a["id"]] = (seg, body.lstrip(" \t　"))
    return out


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def check(yml: Path, scorer) -> tuple[list, dict]:
    P: list[str] = []
    g = yaml.safe_load(yml.read_text(encoding="utf-8"))
    txt_path = HERE / (g.get("source") or yml.with_suffix(".txt").name)
    text = txt_path.read_text(encoding="utf-8")
    full = flat(text)
    lay = LAYOUT.get(yml.stem)
    if lay is None:
        return [f"no layout defined for {yml.stem}"], {}
    arts = g.get("articles") or []
    ids = [a["id"] for a in arts]
    if len(set(ids)) != len(ids):
        P.append("duplicate article ids")
    segs = segment(text, arts, lay, P)
    body_chars = 0
    for a in arts:
        seg, body = segs.get(a["id"], ("", ""))
        body_chars += len(body)
        t = a.get("title")
        if t and (t not in full or t not in seg):
            P.append(f"{a['id']}: headline {t!r} not in the text")
        sw = a.get("starts_with") or ""
        if len(sw) != 12 and len(body) >= 12:
            P.append(f"{a['id']}: starts_with has {len(sw)} characters, not 12")
        if not body.startswith(sw):
            P.append(f"{a['id']}: body starts {body[:12]!r}, not {sw!r}")
        b = a.get("byline") or {}
        if set(b) != {"place", "date", "reporters"}:
            P.append(f"{a['id']}: byline keys {sorted(b)}")
        if b.get("place") and b["place"] not in seg:
            P.append(f"{a['id']}: byline place {b['place']!r} not in the article")
        d = b.get("date")
        if d is not None and not isinstance(d, dt.date):
            try:
                dt.date.fromisoformat(str(d))
            except ValueError:
                P.append(f"{a['id']}: byline date {d!r} is not YYYY-MM-DD")
        for rp in b.get("reporters") or []:
            if rp not in seg:
                P.append(f"{a['id']}: reporter {rp!r} not in the article")

    # entities
    ents = g.get("entities") or []
    by_name: dict[str, dict] = {}
    all_names: dict[str, str] = {}
    for e in ents:
        if e.get("type") not in TYPES:
            P.append(f"{e.get('name')}: unknown type {e.get('type')}")
        names = [e["name"]] + list(e.get("aliases") or [])
        for n in names:
            if not isinstance(n, str) or not n:
                P.append(f"{e['name']}: empty or non-string name {n!r}")
                continue
            if n not in full:
                P.append(f"{e['name']}: name {n!r} not in the text")
            if n in all_names:
                P.append(f"name {n!r} used by {all_names[n]} and {e['name']}")
            all_names[n] = e["name"]
        if e["name"] in by_name:
            P.append(f"duplicate entity {e['name']}")
        by_name[e["name"]] = e
        want = [i for i in ids if any(n in segs.get(i, ("",))[0] for n in names)]
        got = list(e.get("articles") or [])
        if sorted(map(str, got)) != sorted(want):
            P.append(f"{e['name']}: articles {got}, text gives {want}")
        elif got != [i for i in ids if i in got]:
            P.append(f"{e['name']}: articles {got} not in page order")
        if not want:
            P.append(f"{e['name']}: occurs in no article (furniture only?)")

    def arg_ok(r: dict, where: str, strict_article=True) -> None:
        rel = r.get("rel")
        shape = SHAPES.get(rel)
        if shape is None:
            P.append(f"{where}: unknown relation {rel!r}")
            return
        keys = set(r) - {"rel", "article"}
        need = set(shape) - {k for (rr, k) in OPTIONAL_ARGS if rr == rel}
        if not need <= keys <= set(shape):
            P.append(f"{where}: {rel} has arguments {sorted(keys)}, expected {sorted(shape)}")
        if r.get("article") not in ids:
            P.append(f"{where}: {rel} article {r.get('article')!r} unknown")
        seg = segs.get(r.get("article"), ("",))[0]
        for k, types in shape.items():
            v = r.get(k)
            if types is None or v is None:
                continue
            e = by_name.get(v)
            if e is None:
                if strict_article:
                    P.append(f"{where}: {rel}.{k} {v!r} is not an entity name")
                elif v not in full:
                    P.append(f"{where}: {rel}.{k} {v!r} not in the text")
                continue
            if e["type"] not in types:
                P.append(f"{where}: {rel}.{k} {v!r} has type {e['type']}, expected {sorted(types)}")
            names = [e["name"]] + list(e.get("aliases") or [])
            if rel != "reporter" and not any(n in seg for n in names):
                P.append(f"{where}: {rel}.{k} {v!r} not named in article {r.get('article')}")
        if rel == "holdsPosition" and r.get("title"):
            if str(r["title"]) not in seg:
                P.append(f"{where}: title {r['title']!r} not in article {r.get('article')}")
        if rel == "receivedAward" and r.get("year") is not None and not re.fullmatch(r"\d{4}", str(r["year"])):
            P.append(f"{where}: year {r['year']!r}")

    rels = g.get("relations") or []
    gold_keys = set()
    for i, r in enumerate(rels):
        arg_ok(r, f"relation {i + 1}")
        k = rel_key(r)
        if k in gold_keys:
            P.append(f"relation {i + 1} duplicated: {r}")
        gold_keys.add(k)
    # reporters = byline reporters
    for a in arts:
        byl = set((a.get("byline") or {}).get("reporters") or [])
        rr = {r["person"] for r in rels if r.get("rel") == "reporter" and r.get("article") == a["id"]}
        if byl != rr:
            P.append(f"{a['id']}: reporter relations {sorted(rr)} != byline reporters {sorted(byl)}")

    # uncertain
    for u in g.get("uncertain") or []:
        item = u.get("item", "?")
        for k in ("item", "in_gold", "decision", "why"):
            if k not in u:
                P.append(f"uncertain {item!r}: no {k}")
        ing = u.get("in_gold")
        for n in u.get("entities") or []:
            if ing and n not in by_name:
                P.append(f"uncertain {item!r}: entity {n!r} is not a gold entity")
            if not ing and n in all_names:
                P.append(f"uncertain {item!r}: rejected entity {n!r} is in the gold")
            if not ing and n not in full:
                P.append(f"uncertain {item!r}: rejected entity {n!r} not in the text")
        for r in u.get("relations") or []:
            if ing and rel_key(r) not in gold_keys:
                P.append(f"uncertain {item!r}: relation {r} is not a copy of a gold relation")
            if not ing:
                if rel_key(r) in gold_keys:
                    P.append(f"uncertain {item!r}: rejected relation {r} is in the gold")
                arg_ok(r, f"uncertain {item!r}", strict_article=False)
        for r in u.get("also_accept") or []:
            if rel_key(r) in gold_keys:
                P.append(f"uncertain {item!r}: also_accept {r} is a gold relation")
            arg_ok(r, f"uncertain {item!r} also_accept", strict_article=False)

    # the reference scorer
    stats = {"articles": len(arts), "body": body_chars, "entities": len(ents), "relations": len(rels)}
    try:
        s_ents, _a2k, s_rels, s_opt, _neutral = scorer.load_gold([yml])
        opt = {k for k in s_opt if k in s_ents}
        stats.update(req=len(s_ents) - len(opt), opt=len(opt), scored=sum(len(v) for v in s_rels.values()))
        for name, tuples in s_rels.items():
            for t in tuples:
                for x in t[:2]:
                    if name != "positions" or x is not None:
                        if x is not None and x not in s_ents:
                            P.append(f"scorer: {name} argument {x!r} is not a gold entity key")
    except Exception as err:  # noqa: BLE001
        P.append(f"load_gold failed: {err!r}")
    if not 450 <= body_chars <= 900:
        P.append(f"body has {body_chars} characters, outside 450-900")
    return P, stats


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "gold" / "score.py")
    ap.add_argument("files", nargs="*", type=Path)
    a = ap.parse_args()
    scorer = load_scorer(a.scorer)
    files = a.files or sorted(HERE.glob("pq*.yaml"))
    tot = {"articles": 0, "body": 0, "entities": 0, "req": 0, "opt": 0, "relations": 0, "scored": 0}
    nprob = 0
    for f in files:
        probs, st = check(f, scorer)
        for k in tot:
            tot[k] += st.get(k, 0)
        print(f"{f.name}: {st.get('articles', 0)} articles, body {st.get('body', 0)} chars, "
              f"{st.get('entities', 0)} entities ({st.get('req', 0)} required / {st.get('opt', 0)} optional), "
              f"{st.get('relations', 0)} relations ({st.get('scored', 0)} scored tuples), {len(probs)} problems")
        for p in probs:
            print("  -", p)
        nprob += len(probs)
    print(f"TOTAL: {len(files)} files, {tot['articles']} articles, {tot['entities']} entities "
          f"({tot['req']} required / {tot['opt']} optional), {tot['relations']} relations "
          f"({tot['scored']} scored tuples), {nprob} problems")
    return 0 if nprob == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
