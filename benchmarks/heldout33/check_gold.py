#!/usr/bin/env python3
"""Consistency check of the heldout33 gold files against their texts.

Usage (from the repository root):
    python benchmarks/heldout33/check_gold.py [--scorer PATH] [--stats] [YAML ...]

Without YAML arguments every pc*.yaml beside this script is checked. For each gold file:
  - the yaml has the keys of the seed schema, each entity has a known type, and names and
    aliases are unique within the file (after the scorer's normalisation);
  - every entity name and alias is an exact substring of the text with its line breaks removed;
  - the text is cut into articles (headline .. next headline, page furniture removed; the
    furniture is defined per file in FURNITURE below) and each entity's `articles` list equals
    the articles whose text (headline, byline and body) contains the name or an alias, nested
    occurrences included;
  - every headline occurs; `starts_with` is the first 12 characters of the body after the
    byline; the byline's place, date and reporters are found; the body has 450-900 characters
    (60-150 for a brief);
  - relations have known names, the argument keys of the seed, arguments that are entities of
    the file with the right types, an existing article that mentions the arguments; the
    `reporter` relations of an article equal the reporters of its byline;
  - `uncertain` items are consistent: in_gold items copy gold entities and relations exactly,
    also_accept and rejected candidates are not gold relations, rejected entities are not gold
    entities but do occur in the text;
  - the file loads with `load_gold` of the reference scorer, and the scorer's relation tuples
    refer to gold entities; all files loaded together give no type conflict.
It prints one line per file and a total line, and exits 0 iff no problem is found.
Needs PyYAML; uses the scorer's normalisation (and so OpenCC when installed).
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEFAULT_SCORER = ROOT / ".." / "shared" / "gold" / "score.py"

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory",
         "Report", "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
# relation -> {argument: allowed entity types}; None = a literal (title, year, article)
REL_ARGS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": None},
    "receivedAward": {"recipient": {"Person", "Product"} | ORG, "award": {"Award"},
                      "category": {"AwardCategory"}, "year": None},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": {"Region"}, "region": {"Region"}},
    "basedIn": {"org": ORG, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORG},
    "participatedIn": {"org_or_person": {"Person"} | ORG, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORG, "parent": ORG},
}
OPTIONAL_ARGS = {("receivedAward", "category")}
SCORED = {"holdsPosition", "receivedAward", "publishedBy", "releasedAt", "locatedIn", "basedIn",
          "heldIn", "quoted", "reporter"}

# Page furniture: lines that belong to no article (mastheads, navigation, time stamps, page
# numbers, column labels, editors' credits, related links). A `tail` pattern makes the matching
# line and everything after it furniture.
FURNITURE = {
    "pc1": {"lines": [r"^证券代码：", r"^\s*\d{1,2}\s*$"], "tail": None},
    "pc2": {"lines": [r"^联合早报$", r"^首页 > ", r"^发布 / ", r"^更新 / "], "tail": r"^相关新闻$"},
    "pc3": {"lines": [r"^新华网 > ", r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\s*来源：", r"^【纠错】"],
            "tail": None},
    "pc4": {"lines": [r"^浙江日报$", r"^\d{4}年\d{1,2}月\d{1,2}日\s*星期", r"^第\d+版", r"^责任编辑：",
                      r"^乌镇峰会·要闻简报$", r"^（更多报道详见"], "tail": None},
}
GENERIC_FURNITURE = {"lines": [r"^\s*\d{1,3}\s*$"], "tail": None}
# A byline printed between the headline and the body.
BYLINE_BEFORE = [r"早报特派员\s*\S+\s*\S+报道", r"新华社\S{1,8}?\d{1,2}月\d{1,2}日电",
                 r"本报\S{1,8}?\s*\d{1,2}月\d{1,2}日电\s*（记者[^）]*）"]
# A byline printed at the end of a brief.
BYLINE_AFTER = r"（本报记者[^）]*）$"


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("kg_gold_scorer", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def flat(s: str) -> str:
    return s.replace("\r", "").replace("\n", "")


def nonspace(s: str) -> int:
    return sum(1 for c in s if not c.isspace())


def clean_text(text: str, stem: str) -> tuple[str, list[str]]:
    fur = FURNITURE.get(stem, GENERIC_FURNITURE)
    kept, dropped, tail = [], [], False
    for line in text.splitlines():
        if fur["tail"] and re.search(fur["tail"], line):
            tail = True
        if tail or any(re.search(p, line) for p in fur["lines"]):
            dropped.append(line)
        else:
            kept.append(line)
    return "".join(kept), dropped


def date_forms(d) -> list[str]:
    if isinstance(d, str):
        d = dt.date.fromisoformat(d)
    return [f"{d.year}年{d.month}月{d.day}日", f"{d.month}月{d.day}日", f"{d.day}日电",
            f"{d.year}-{d.month:02d}-{d.day:02d}"]


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v) if v is not None else None) for k, v in r.items()))


def check_file(ypath: Path, scorer, stats: dict) -> list[str]:
    P: list[str] = []
    norm = scorer.norm
    g = yaml.safe_load(ypath.read_text(encoding="utf-8"))
    if not isinstance(g, dict):
        return [f"{ypath.name}: not a mapping"]
    for k in ("source", "articles", "entities", "relations", "uncertain"):
        if k not in g:
            P.append(f"missing key {k}")
    extra = set(g) - {"source", "articles", "entities", "relations", "uncertain"}
    if extra:
        P.append(f"unknown top-level keys {sorted(extra)}")
    tpath = ypath.parent / str(g.get("source"))
    if not tpath.exists():
        return P + [f"source {g.get('source')} not found"]
    text = tpath.read_text(encoding="utf-8")
    FL = flat(text)
    clean, dropped = clean_text(text, ypath.stem)

    # ---------------------------------------------------------------- articles
    arts = g.get("articles") or []
    ids = [a.get("id") for a in arts]
    if len(set(ids)) != len(ids):
        P.append("duplicate article ids")
    starts, marks, cursor = [], [], 0
    for a in arts:
        for k in ("id", "title", "kind", "byline", "starts_with"):
            if k not in a:
                P.append(f"{a.get('id')}: missing key {k}")
        anchor = a.get("title") or a.get("starts_with") or ""
        if a.get("title") and a["title"] not in FL:
            P.append(f"{a['id']}: headline not in the text: {a['title']}")
        pos = clean.find(anchor, cursor)
        if pos < 0:
            P.append(f"{a['id']}: headline/start not found in the text outside furniture: {anchor}")
            starts.append(None)
            continue
        starts.append(pos)
        cursor = pos + len(anchor)
    # a headline marker ("■ ") printed before a headline belongs to no article
    for i, s0 in enumerate(starts):
        if s0 is not None:
            m = re.search(r"[■●◆▲]\s*$", clean[:s0])
            marks.append((m.start(), s0) if m else (s0, s0))
        else:
            marks.append(None)
    first = next((s for s in starts if s is not None), None)
    if first and clean[:first].strip(" \u3000\t■●◆▲"):
        P.append(f"text outside furniture before the first article: {clean[:first][:40]!r}")
    spans: dict[str, str] = {}
    body_total = 0
    for i, a in enumerate(arts):
        if starts[i] is None:
            continue
        end = next((m[0] for m in marks[i + 1:] if m is not None), len(clean))
        span = clean[starts[i]:end]
        spans[a["id"]] = span
        title = a.get("title") or ""
        rest = span[len(title):] if title and span.startswith(title) else span
        # byline before the body
        pre = ""
        lead = rest.lstrip(" \u3000\t")
        for pat in BYLINE_BEFORE:
            m = re.match(pat, lead)
            if m:
                pre = m.group(0)
                break
        body = lead[len(pre):].lstrip(" \u3000\t")
        sw = a.get("starts_with") or ""
        if len(sw) != 12 and len(body) >= 12:
            P.append(f"{a['id']}: starts_with has {len(sw)} characters, not 12")
        if body[:len(sw)] != sw or not sw:
            P.append(f"{a['id']}: starts_with {sw!r} is not the start of the body {body[:12]!r}")
        post = re.search(BYLINE_AFTER, body.rstrip())
        body_text = body.rstrip()[:post.start()] if post else body
        bl = a.get("byline") or {}
        for k in ("place", "date", "reporters"):
            if k not in bl:
                P.append(f"{a['id']}: byline lacks {k}")
        byline_text = pre + (post.group(0) if post else "")
        if bl.get("place") and bl["place"] not in byline_text:
            P.append(f"{a['id']}: byline place {bl['place']} not in the byline {byline_text!r}")
        if bl.get("date"):
            if not any(f in text for f in date_forms(bl["date"])):
                P.append(f"{a['id']}: byline date {bl['date']} not found in the text")
        for rp in bl.get("reporters") or []:
            if rp not in byline_text:
                P.append(f"{a['id']}: reporter {rp} not in the byline {byline_text!r}")
        if not bl.get("reporters") and re.search(r"记者", byline_text):
            P.append(f"{a['id']}: the byline names reporters but `reporters` is empty")
        n = nonspace(body_text)
        body_total += n
        if a.get("kind") == "brief" and not 60 <= n <= 150:
            P.append(f"{a['id']}: brief body has {n} characters (60-150 wanted)")
    if not 450 <= body_total <= 900:
        P.append(f"body has {body_total} characters (450-900 wanted)")

    # ---------------------------------------------------------------- entities
    ents = g.get("entities") or []
    by_name: dict[str, dict] = {}
    seen_norm: dict[str, str] = {}
    for e in ents:
        nm = e.get("name")
        if nm in by_name:
            P.append(f"entity listed twice: {nm}")
        by_name[nm] = e
        if e.get("type") not in TYPES:
            P.append(f"{nm}: unknown type {e.get('type')}")
        extra = set(e) - {"name", "type", "aliases", "articles"}
        if extra:
            P.append(f"{nm}: unknown keys {sorted(extra)}")
        labels = [nm] + list(e.get("aliases") or [])
        for lab in labels:
            if not isinstance(lab, str) or lab not in FL:
                P.append(f"{nm}: name/alias {lab!r} not in the text")
            k = norm(lab)
            if k in seen_norm and seen_norm[k] != nm:
                P.append(f"label {lab!r} used by {seen_norm[k]} and {nm}")
            seen_norm[k] = nm
        want = [aid for aid in ids if aid in spans and any(lab in spans[aid] for lab in labels)]
        got = list(e.get("articles") or [])
        if got != want:
            P.append(f"{nm}: articles {got} but the text gives {want}")
    alias_of = {}
    for e in ents:
        for lab in [e["name"]] + list(e.get("aliases") or []):
            alias_of[lab] = e["name"]

    # ---------------------------------------------------------------- relations
    def check_rel(r: dict, where: str, strict: bool) -> None:
        rel = r.get("rel")
        if rel not in REL_ARGS:
            P.append(f"{where}: unknown relation {rel}")
            return
        spec = REL_ARGS[rel]
        keys = set(r) - {"rel", "article"}
        if keys != set(spec):
            P.append(f"{where}: {rel} has arguments {sorted(keys)}, expected {sorted(spec)}")
        aid = r.get("article")
        if aid not in spans:
            P.append(f"{where}: unknown article {aid}")
            return
        for arg, types in spec.items():
            v = r.get(arg)
            if types is None:
                continue
            if v is None:
                if (rel, arg) not in OPTIONAL_ARGS:
                    P.append(f"{where}: {rel}.{arg} is empty")
                continue
            e = by_name.get(v)
            if e is None:
                if strict or v not in FL:
                    P.append(f"{where}: {rel}.{arg} {v!r} is not an entity name of this file")
                continue
            if e["type"] not in types:
                P.append(f"{where}: {rel}.{arg} {v} has type {e['type']}, expected {sorted(types)}")
            labels = [e["name"]] + list(e.get("aliases") or [])
            if strict and not any(lab in spans[aid] for lab in labels):
                P.append(f"{where}: {v} is not mentioned in article {aid}")
        if rel == "holdsPosition":
            for t in re.split(r"[、]|兼", str(r.get("title") or "")):
                if t and t.lstrip("前") not in FL:
                    P.append(f"{where}: title {t} not in the text")
        if rel == "receivedAward" and r.get("year") is not None:
            if not re.fullmatch(r"\d{4}", str(r["year"])) or str(r["year"]) not in spans[aid]:
                P.append(f"{where}: award year {r['year']} not in article {aid}")

    rels = g.get("relations") or []
    gold_keys = Counter(rel_key(r) for r in rels)
    for k, c in gold_keys.items():
        if c > 1:
            P.append(f"relation listed {c} times: {dict(k)}")
    for r in rels:
        check_rel(r, f"relation {r.get('rel')}({r.get('article')})", True)
    for a in arts:
        want = sorted((a.get("byline") or {}).get("reporters") or [])
        got = sorted(r["person"] for r in rels if r.get("rel") == "reporter" and r.get("article") == a["id"])
        if want != got:
            P.append(f"{a['id']}: reporter relations {got} but byline reporters {want}")

    # ---------------------------------------------------------------- uncertain
    gold_names = set(by_name)
    gold_labels = {norm(x) for x in alias_of}
    opt = set()
    for u in g.get("uncertain") or []:
        it = str(u.get("item"))
        for k in ("item", "in_gold", "decision", "why"):
            if k not in u:
                P.append(f"uncertain {it!r}: missing {k}")
        extra = set(u) - {"item", "in_gold", "decision", "why", "entities", "relations", "also_accept"}
        if extra:
            P.append(f"uncertain {it!r}: unknown keys {sorted(extra)}")
        if not isinstance(u.get("in_gold"), bool):
            P.append(f"uncertain {it!r}: in_gold must be true or false")
            continue
        for nm in u.get("entities") or []:
            if u["in_gold"] and nm not in gold_names:
                P.append(f"uncertain {it!r}: {nm} is not a gold entity")
            if not u["in_gold"]:
                if norm(nm) in gold_labels:
                    P.append(f"uncertain {it!r}: rejected {nm} is a gold entity or alias")
                if nm not in FL:
                    P.append(f"uncertain {it!r}: rejected {nm} not in the text")
        if u["in_gold"] and not it.startswith(("aliases", "segment")):
            opt.update(u.get("entities") or [])
        for r in u.get("relations") or []:
            inside = rel_key(r) in gold_keys
            if u["in_gold"] and not inside:
                P.append(f"uncertain {it!r}: relation is not a copy of a gold relation: {r}")
            if not u["in_gold"] and inside:
                P.append(f"uncertain {it!r}: rejected relation is in the gold: {r}")
            check_rel(r, f"uncertain {it!r}", False)
        for r in u.get("also_accept") or []:
            if rel_key(r) in gold_keys:
                P.append(f"uncertain {it!r}: also_accept relation is in the gold: {r}")
            check_rel(r, f"uncertain {it!r} also_accept", False)
        if u["in_gold"] and not (u.get("entities") or u.get("relations") or it.startswith(("aliases", "segment"))):
            P.append(f"uncertain {it!r}: in_gold item names no entity or relation")

    # ---------------------------------------------------------------- reference scorer
    try:
        s_ents, _a2k, s_rels, s_opt, s_neutral = scorer.load_gold([ypath])
    except Exception as err:  # noqa: BLE001
        P.append(f"load_gold failed: {err!r}")
        s_ents, _a2k, s_rels, s_opt, s_neutral = {}, {}, {}, set(), {}
    if len(s_ents) != len(ents):
        P.append(f"load_gold sees {len(s_ents)} entities, the file lists {len(ents)}")
    for nm in opt:  # in_gold optional entities must be entities for the scorer too
        if norm(nm) not in s_ents:
            P.append(f"optional entity {nm} unknown to load_gold")
    for name, tuples in s_rels.items():
        for t in tuples:
            for i, v in enumerate(t):
                if v is None or (name == "positions" and i == 2) or (name == "awards" and i == 3):
                    continue
                if v not in s_ents:
                    P.append(f"load_gold: {name} tuple {t} refers to {v!r}, not a gold entity")
    scored = sum(len(v) for v in s_rels.values())
    n_scored_rel = 0
    scored_by_rel = Counter()
    for r in rels:
        if r.get("rel") not in SCORED:
            continue
        tmp: dict[str, set] = defaultdict(set)
        scorer._add_rel(tmp, r, lambda x: _a2k.get(norm(x), norm(x)) if x is not None else None)
        if any(t in s_rels.get(k2, set()) for k2, v in tmp.items() for t in v):
            n_scored_rel += 1
            scored_by_rel[r["rel"]] += 1
    req = len(ents) - len(opt & gold_names)
    stats.update(articles=len(arts), body=body_total, entities=len(ents), req=req,
                 opt=len(opt & gold_names), relations=len(rels), scored=n_scored_rel, tuples=scored,
                 types=Counter(e["type"] for e in ents), rels=Counter(r["rel"] for r in rels),
                 opt_types=Counter(by_name[n]["type"] for n in opt & gold_names), furniture=len(dropped),
                 scored_rels=scored_by_rel)
    return P


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--stats", action="store_true", help="also print tables of entity and relation types")
    ap.add_argument("gold", nargs="*", type=Path)
    a = ap.parse_args()
    files = a.gold or sorted(HERE.glob("pc*.yaml"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    if not a.scorer.exists():
        print(f"scorer not found: {a.scorer}")
        return 2
    scorer = load_scorer(a.scorer.resolve())
    total = Counter()
    n_problems = 0
    all_stats = {}
    for f in files:
        st: dict = {}
        probs = check_file(f, scorer, st)
        all_stats[f.stem] = st
        for p in probs:
            print(f"  {f.name}: {p}")
        n_problems += len(probs)
        if st:
            print(f"{f.name}: {st['articles']} article(s), body {st['body']} chars, entities {st['entities']} "
                  f"({st['req']} required / {st['opt']} optional), relations {st['relations']} annotated / "
                  f"{st['scored']} scored ({st['tuples']} scorer tuples), {len(probs)} problem(s)")
            for k in ("articles", "body", "entities", "req", "opt", "relations", "scored", "tuples"):
                total[k] += st[k]
        else:
            print(f"{f.name}: {len(probs)} problem(s)")
    # all files together: the scorer merges entities by normalised name, so a name must keep its type
    try:
        docs = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in files]
        types: dict[str, set] = defaultdict(set)
        for d in docs:
            for e in d.get("entities") or []:
                types[scorer.norm(e["name"])].add(e["type"])
        for k, v in sorted(types.items()):
            if len(v) > 1:
                print(f"  type conflict across files: {k} is {sorted(v)}")
                n_problems += 1
        scorer.load_gold(files)
    except Exception as err:  # noqa: BLE001
        print(f"  load_gold of all files failed: {err!r}")
        n_problems += 1
    if a.stats:
        tys = sorted({t for s in all_stats.values() for t in s.get("types", {})})
        print("\n| type | " + " | ".join(all_stats) + " | total (optional) |")
        print("|---|" + "---|" * (len(all_stats) + 1))
        for t in tys:
            row = [str(s["types"].get(t, 0)) for s in all_stats.values()]
            tot = sum(s["types"].get(t, 0) for s in all_stats.values())
            o = sum(s["opt_types"].get(t, 0) for s in all_stats.values())
            print(f"| {t} | " + " | ".join(row) + f" | {tot} ({o}) |")
        rls = sorted({t for s in all_stats.values() for t in s.get("rels", {})})
        print("\n| relation | " + " | ".join(all_stats) + " | total annotated / scored |")
        print("|---|" + "---|" * (len(all_stats) + 1))
        for t in rls:
            row = [f"{s['rels'].get(t, 0)} / {s['scored_rels'].get(t, 0)}" if t in SCORED else str(s["rels"].get(t, 0))
                   for s in all_stats.values()]
            ta = sum(s["rels"].get(t, 0) for s in all_stats.values())
            ts = sum(s["scored_rels"].get(t, 0) for s in all_stats.values())
            print(f"| {t} | " + " | ".join(row) + (f" | {ta} / {ts} |" if t in SCORED else f" | {ta} / – |"))
        print()
    print(f"TOTAL {len(files)} files: {total['articles']} articles, body {total['body']} chars, "
          f"entities {total['entities']} ({total['req']} required / {total['opt']} optional), relations "
          f"{total['relations']} annotated / {total['scored']} scored; {n_problems} problem(s)")
    return 0 if n_problems == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
