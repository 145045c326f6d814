#!/usr/bin/env python3
"""Consistency check of the heldout39 gold files (piN.yaml) against their texts (piN.txt).

Run from the repository root:
    python benchmarks/heldout39/check_gold.py [--scorer ../shared/gold/score.py] [--show]

Checks, for every piN.yaml next to this script:
  - the schema keys of seed.yaml (source, articles, entities, relations, uncertain) and the
    allowed entity types and relation names;
  - every entity name and alias is a substring of the text with line breaks removed;
    no two entities share a normalised name or alias (within a file; across files the same
    name must carry the same type, since the reference scorer merges gold files by name);
  - every headline occurs as a line of the text, and `starts_with` is the first 12 characters
    of the article body (headline, page furniture and a leading byline/dateline skipped);
  - bylines: place and reporters occur in the article, date is ISO and its month/day are printed;
  - `articles` of every entity equals the set of articles whose text (furniture excluded,
    line breaks removed) contains the name or an alias, nested occurrences included;
  - relation argument names are entities of the right types, the article exists and lists
    each argument; holdsPosition titles and award years are printed in the article;
  - reporter relations = byline reporters;
  - `uncertain`: well-formed items; in_gold: true relations are copies of gold relations,
    in_gold: false relations are not in the gold, also_accept answers are not in the gold,
    listed entities exist;
  - each file (and all together) loads with load_gold() of the reference scorer.
Prints per-file counts and a total line; exit status 0 iff no problem was found.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import unicodedata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
AGENT = ORG | {"Person"}
# relation -> {argument: allowed types}; None = not an entity argument
REL_ARGS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": None},
    "receivedAward": {"recipient": AGENT | {"Product"}, "award": {"Award"},
                      "category": {"AwardCategory"}, "year": None},
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
SCORED = {"holdsPosition", "receivedAward", "publishedBy", "releasedAt", "locatedIn", "basedIn",
          "heldIn", "quoted", "reporter"}

# Page furniture: lines that belong to the site or the document, not to an article.
FURNITURE = re.compile(
    r"^(?:"
    r"当前位置：.*"                                  # breadcrumb of a government site
    r"|\S+(?: > \S+)+"                               # breadcrumb "A > B > C"
    r"|节目：.*播出时间：.*"                          # programme / air-time line of a radio page
    r"|【(?:打印|关闭|打印本页|关闭窗口|字体：[^】]*)】(?:\s*【(?:打印|关闭|打印本页|关闭窗口)】)*"
    r"|【版权归[^】]*】"                              # agency copyright notice
    r"|\S+股份有限公司 20\d\d年年度报告"              # running footer of an annual report
    r"|\d{1,3}"                                      # page number
    r")$")
# A byline or dateline at the start of a body, skipped for `starts_with`.
BYLINE_LINE = re.compile(r"^(?:发布时间：.*|（记者 \S+ \S+报道）|20\d\d-\d\d-\d\d \d\d:\d\d)$")
DATELINE = re.compile(r"^(?:韩联社\S{1,6}?\d{1,2}月\d{1,2}日电|【共同社\d{1,2}月\d{1,2}日电】)\s*")


def norm(s) -> str:
    s = unicodedata.normalize("NFKC", str(s)).strip()
    for d in "·・•‧․⋅∙":
        s = s.replace(d, "")
    s = re.sub(r"\s+", "", s)
    return s.strip("《》〈〉“”\"'‘’「」『』").lower()


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("kg_score_ref", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def segment(text: str, articles: list[dict], problems: list[str]):
    """Article id -> (lines of its span, furniture removed, stripped)."""
    lines = [ln.strip().strip("\u3000") for ln in text.splitlines()]
    starts = []
    pos = 0
    for a in articles:
        key = a.get("title")
        idx = None
        for i in range(pos, len(lines)):
            if key and lines[i] == key.strip():
                idx = i
                break
            if not key and a.get("starts_with") and lines[i].startswith(a["starts_with"][:6]):
                idx = i
                break
        if idx is None:
            problems.append(f"article {a.get('id')}: headline {key!r} not found as a line (in order)")
            idx = pos
        starts.append(idx)
        pos = idx + 1
    spans = {}
    for n, a in enumerate(articles):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        spans[a["id"]] = [ln for ln in lines[starts[n]:end] if ln and not FURNITURE.match(ln)]
    return spans


def body_of(a: dict, span: list[str]) -> str:
    ls = list(span)
    if a.get("title") and ls and ls[0] == a["title"].strip():
        ls = ls[1:]
    while ls and BYLINE_LINE.match(ls[0]):
        ls = ls[1:]
    body = "".join(ls)
    return DATELINE.sub("", body, count=1)


def rel_key(r: dict):
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def check_file(yp: Path, tp: Path, show: bool):
    problems: list[str] = []
    g = yaml.safe_load(yp.read_text(encoding="utf-8"))
    text = tp.read_text(encoding="utf-8")
    flat = text.replace("\r", "").replace("\n", "")
    for k in g:
        if k not in {"source", "articles", "entities", "relations", "uncertain"}:
            problems.append(f"unknown top-level key {k}")
    if g.get("source") != tp.name:
        problems.append(f"source {g.get('source')!r} != {tp.name}")
    arts = g.get("articles") or []
    ids = [a["id"] for a in arts]
    if len(set(ids)) != len(ids):
        problems.append("duplicate article ids")
    spans = segment(text, arts, problems)
    atext = {i: "".join(s) for i, s in spans.items()}
    body_chars = 0
    for a in arts:
        for k in ("id", "title", "kind", "byline", "starts_with"):
            if k not in a:
                problems.append(f"article {a.get('id')}: missing key {k}")
        body = body_of(a, spans[a["id"]])
        body_chars += len(re.sub(r"\s", "", body))
        if body[:12] != a.get("starts_with"):
            problems.append(f"article {a['id']}: starts_with {a.get('starts_with')!r} != {body[:12]!r}")
        b = a.get("byline") or {}
        if set(b) != {"place", "date", "reporters"}:
            problems.append(f"article {a['id']}: byline keys {sorted(b)}")
        if b.get("place") and b["place"] not in atext[a["id"]]:
            problems.append(f"article {a['id']}: byline place {b['place']} not in the article")
        d = b.get("date")
        if d is not None:
            m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", str(d))
            if not m:
                problems.append(f"article {a['id']}: byline date {d!r} not ISO")
            else:
                y, mo, da = m.groups()
                forms = [f"{y}-{mo}-{da}", f"{int(mo)}月{int(da)}日"]
                if not any(f in flat for f in forms):
                    problems.append(f"article {a['id']}: date {d} not printed")
        for r in b.get("reporters") or []:
            if r not in atext[a["id"]]:
                problems.append(f"article {a['id']}: reporter {r} not in the article")
        if show:
            print(f"  {a['id']}: starts_with={body[:12]!r} body={len(body)}")

    # entities
    ents = g.get("entities") or []
    by_name: dict[str, dict] = {}
    seen_norm: dict[str, str] = {}
    for e in ents:
        nm = e.get("name")
        if e.get("type") not in TYPES:
            problems.append(f"entity {nm}: bad type {e.get('type')}")
        if nm in by_name:
            problems.append(f"entity {nm}: duplicate")
        by_name[nm] = e
        names = [nm] + list(e.get("aliases") or [])
        for n in names:
            if str(n) not in flat:
                problems.append(f"entity {nm}: {n!r} not in the text")
            k = norm(n)
            if k in seen_norm and seen_norm[k] != nm:
                problems.append(f"entity {nm}: {n!r} clashes with {seen_norm[k]}")
            seen_norm[k] = nm
        want = [i for i in ids if any(str(n) in atext[i] for n in names)]
        got = e.get("articles") or []
        if sorted(got, key=lambda x: ids.index(x) if x in ids else 99) != want or len(got) != len(want):
            problems.append(f"entity {nm}: articles {got} != {want}")
    # relations
    rels = g.get("relations") or []
    gold_keys = {rel_key(r) for r in rels}

    def check_rel(r: dict, where: str):
        name = r.get("rel")
        if name not in REL_ARGS:
            problems.append(f"{where}: unknown relation {name}")
            return
        spec = REL_ARGS[name]
        for k in r:
            if k not in spec and k not in ("rel", "article"):
                problems.append(f"{where}: {name} has unknown argument {k}")
        art = r.get("article")
        if art not in ids:
            problems.append(f"{where}: {name} article {art} unknown")
        for arg, types in spec.items():
            v = r.get(arg)
            if types is None:
                continue
            if v is None:
                if not (name == "receivedAward" and arg == "category"):
                    problems.append(f"{where}: {name} lacks {arg}")
                continue
            e = by_name.get(v)
            if e is None:
                problems.append(f"{where}: {name} {arg}={v!r} is not an entity name")
                continue
            if e["type"] not in types:
                problems.append(f"{where}: {name} {arg}={v} has type {e['type']}, wants {sorted(types)}")
            if art in ids and art not in (e.get("articles") or []):
                problems.append(f"{where}: {name} {arg}={v} not listed in article {art}")
        if name == "holdsPosition":
            t = r.get("title")
            if not t or art not in atext or str(t) not in atext[art]:
                problems.append(f"{where}: title {t!r} not printed in {art}")
        if name == "receivedAward":
            y = r.get("year")
            if y is not None and (art not in atext or str(y) not in atext[art]):
                problems.append(f"{where}: year {y} not printed in {art}")

    for r in rels:
        check_rel(r, "relation")
    if len(gold_keys) != len(rels):
        problems.append("duplicate relations")
    byl = {(r, a["id"]) for a in arts for r in (a.get("byline") or {}).get("reporters") or []}
    rep = {(r["person"], r["article"]) for r in rels if r.get("rel") == "reporter"}
    if byl != rep:
        problems.append(f"reporter relations {sorted(rep)} != byline reporters {sorted(byl)}")

    # uncertain
    optional_ents, neutral = set(), set()
    for u in g.get("uncertain") or []:
        w = f"uncertain {u.get('item')!r}"
        for k in ("item", "in_gold", "decision", "why"):
            if k not in u:
                problems.append(f"{w}: missing {k}")
        for k in u:
            if k not in ("item", "in_gold", "decision", "why", "entities", "relations", "also_accept"):
                problems.append(f"{w}: unknown key {k}")
        if not isinstance(u.get("in_gold"), bool):
            problems.append(f"{w}: in_gold not a boolean")
        for n in u.get("entities") or []:
            if n not in by_name:
                problems.append(f"{w}: entity {n!r} not in entities")
            elif u.get("in_gold") and not str(u.get("item", "")).startswith(("aliases", "segment")):
                optional_ents.add(n)
        for r in u.get("relations") or []:
            if u.get("in_gold"):
                if rel_key(r) not in gold_keys:
                    problems.append(f"{w}: relation {r} is not a copy of a gold relation")
            elif rel_key(r) in gold_keys:
                problems.append(f"{w}: rejected relation {r} is in the gold")
            if r.get("rel") in SCORED:
                neutral.add(rel_key(r))
        for r in u.get("also_accept") or []:
            if rel_key(r) in gold_keys:
                problems.append(f"{w}: also_accept {r} is in the gold")
            neutral.add(rel_key(r))
        for r in (u.get("also_accept") or []) + ([] if u.get("in_gold") else (u.get("relations") or [])):
            for arg, v in r.items():
                if arg in ("rel", "article", "title", "year", "category") or v is None:
                    continue
                if str(v) not in flat:
                    problems.append(f"{w}: {arg}={v!r} not in the text")
    n_req = sum(1 for e in ents if e["name"] not in optional_ents)
    n_scored = sum(1 for r in rels if r.get("rel") in SCORED and rel_key(r) not in neutral)
    stats = dict(articles=len(arts), body=body_chars, ents=len(ents), req=n_req,
                 opt=len(ents) - n_req, rels=len(rels), scored=n_scored,
                 by_type={}, by_rel={})
    for e in ents:
        stats["by_type"][e["type"]] = stats["by_type"].get(e["type"], 0) + 1
    for r in rels:
        stats["by_rel"][r["rel"]] = stats["by_rel"].get(r["rel"], 0) + 1
    return g, problems, stats


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scorer", type=Path, default=Path("../shared/gold/score.py"),
                    help="reference scorer (default ../shared/gold/score.py, from the repository root)")
    ap.add_argument("--show", action="store_true", help="print computed starts_with and body sizes")
    a = ap.parse_args()
    scorer = None
    total_problems = 0
    try:
        scorer = load_scorer(a.scorer)
    except Exception as err:  # noqa: BLE001
        print(f"PROBLEM: cannot load the scorer {a.scorer}: {err}")
        total_problems += 1
    golds = sorted(HERE.glob("pi*.yaml"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    if not golds:
        print("PROBLEM: no gold files")
        return 1
    tot = dict(articles=0, body=0, ents=0, req=0, opt=0, rels=0, scored=0)
    types_by_name: dict[str, tuple[str, str]] = {}
    canon_of: dict[str, list[tuple[str, str, bool]]] = {}  # norm(name or alias) -> [(canonical, file, is_alias)]
    notes: list[str] = []
    for yp in golds:
        tp = yp.with_suffix(".txt")
        g, problems, st = check_file(yp, tp, a.show)
        for e in g.get("entities") or []:
            k = norm(e["name"])
            if k in types_by_name and types_by_name[k][0] != e["type"]:
                problems.append(f"entity {e['name']}: type {e['type']} here, {types_by_name[k][0]} in {types_by_name[k][1]}")
            types_by_name.setdefault(k, (e["type"], yp.name))
            canon_of.setdefault(k, []).append((k, yp.name, False))
            for al in e.get("aliases") or []:
                canon_of.setdefault(norm(al), []).append((k, yp.name, True))
        if scorer is not None:
            try:
                ge, _, gr, opt, _ = scorer.load_gold([yp])
                if len(ge) != len(g.get("entities") or []):
                    problems.append(f"load_gold sees {len(ge)} entities, file has {len(g.get('entities') or [])}")
            except Exception as err:  # noqa: BLE001
                problems.append(f"load_gold failed: {err!r}")
        for p in problems:
            print(f"PROBLEM {yp.name}: {p}")
        total_problems += len(problems)
        print(f"{yp.name}: {st['articles']} articles, body {st['body']} chars, entities {st['ents']}"
              f" ({st['req']} required / {st['opt']} optional), relations {st['rels']}"
              f" ({st['scored']} scored), problems {len(problems)}")
        print("    types: " + ", ".join(f"{k} {v}" for k, v in sorted(st["by_type"].items())))
        print("    relations: " + ", ".join(f"{k} {v}" for k, v in sorted(st["by_rel"].items())))
        for k in tot:
            tot[k] += st[k]
    if scorer is not None:
        try:
            scorer.load_gold(golds)
        except Exception as err:  # noqa: BLE001
            print(f"PROBLEM: load_gold of all files failed: {err!r}")
            total_problems += 1
    # Across files: a string that is an entity's name in one file must not be an alias of another
    # canonical entity elsewhere (the same thing named two ways, which load_gold would not merge).
    # A short form that is an alias of different entities in different files (乌镇峰会 for two
    # editions of the summit) is only noted: score such files one at a time.
    for s, lst in canon_of.items():
        cans = {c for c, _, _ in lst}
        if len(cans) < 2:
            continue
        where = ", ".join(sorted({f"{c} ({f})" for c, f, _ in lst}))
        if any(not al for _, _, al in lst):
            print(f"PROBLEM: {s!r} is a name and an alias of different entities across files: {where}")
            total_problems += 1
        else:
            notes.append(f"short form {s!r} is an alias of different entities: {where}")
    for n in notes:
        print(f"note: {n}")
    print(f"TOTAL {len(golds)} files: {tot['articles']} articles, body {tot['body']} chars, entities "
          f"{tot['ents']} ({tot['req']} required / {tot['opt']} optional), relations {tot['rels']} "
          f"({tot['scored']} scored), problems {total_problems}")
    return 0 if total_problems == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
