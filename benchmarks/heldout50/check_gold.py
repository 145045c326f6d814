#!/usr/bin/env python3
"""Consistency check of the heldout50 gold files (ptN.yaml) against their texts (ptN.txt).

Usage (from the repository root):
    python benchmarks/heldout50/check_gold.py [--scorer ../shared/gold/score.py] [FILE.yaml ...]

Needs Python 3.9+ and PyYAML; OpenCC is optional (the reference scorer uses it when installed).
For each yaml it checks:
  - the keys of the schema (source, articles, entities, relations, uncertain);
  - every headline occurs in the text; the text is cut into article segments at the headline
    lines (a leading "· " bullet and a 【图片】-style channel tag are allowed before a headline);
    lines matching FURNITURE (page header and footer, navigation, share buttons, copyright)
    are dropped from the segments;
  - `starts_with` = the first 12 characters of the body: after the headline, after the META
    lines (date lines, 文｜/编辑｜ credits, 发布时间 line) and after a leading 【記者X／Y報導】 byline;
  - bylines: place, date and reporters occur in the article's segment;
  - every entity name and alias is an exact substring of the text with line breaks removed;
  - every entity's `articles` list equals the articles whose segment contains the name or an
    alias (nested occurrences count, furniture does not);
  - no two entities share a normalised name or alias (normalisation of the reference scorer);
  - relations: known relation names, argument keys and argument types; every entity argument
    is a gold entity name or alias and occurs in the article the relation cites; holdsPosition
    titles occur in that article; no duplicates;
  - reporter relations = the reporters of the bylines;
  - `uncertain`: every item has item/in_gold/decision/why; in_gold:true items list gold
    entities and exact copies of gold relations; in_gold:false items and also_accept list no
    gold relation (rejected candidates are checked for their argument keys only: a wrong
    type may be the very reason of the rejection);
  - the file loads with `load_gold` of the reference scorer.
Prints per-file counts and a total line; exits 0 iff no problem is found.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

# Page furniture: whole lines that belong to the site, not to an article.
FURNITURE = re.compile(
    r"^(?:字級|延伸閱讀|分享|訂閱電子報|©.*|上一页.*下一页|.*版权所有.*|"
    r"本文经授权发布.*|如若转载.*|(?:首页|首頁)\s*[|＞>].*|当前位置：.*)$"
)
# Lines between a headline and its body: date/time stamps, author and editor credits, 发布时间.
META = re.compile(
    r"^(?:\d{4}[.\-]\d{1,2}[.\-]\d{1,2}(?:\s+\d{1,2}:\d{2})?|文｜.+|编辑｜.+|发布时间：.*)$"
)
BYLINE_PREFIX = re.compile(r"^【[記记]者[^】]*】")
HEADLINE_LEAD = r"(?:[·•]\s*)?(?:【[^】]{1,4}】)?"

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
AGENT = ORG | {"Person"}
# relation -> {argument: allowed types}; None = a plain value (title, year) or optional category
REL_ARGS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": None},
    "receivedAward": {"recipient": AGENT, "award": {"Award"}, "category": None, "year": None},
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
SCORED = ("positions", "awards", "reports", "reports_at", "locations", "quotes", "reporters")
KINDS = {"news", "editorial", "continuation", "caption", "teaser", "transcript", "feature"}


def load_scorer(path: Path):
    sys.dont_write_bytecode = True  # leave the scorer's directory untouched
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def segment(text: str, articles: list[dict], problems: list[str]):
    """Article id -> (segment text without line breaks, body text without line breaks)."""
    lines = [ln.strip() for ln in text.splitlines()]
    starts = []
    pos = 0
    for art in articles:
        title = art.get("title")
        if not title:
            problems.append(f"article {art.get('id')}: no title; this checker segments by headlines")
            starts.append(None)
            continue
        pat = re.compile(HEADLINE_LEAD + re.escape(title) + r"\s*")
        found = next((i for i in range(pos, len(lines)) if pat.fullmatch(lines[i])), None)
        if found is None:
            problems.append(f"article {art['id']}: headline line not found: {title}")
            starts.append(None)
            continue
        starts.append(found)
        pos = found + 1
    segs, bodies = {}, {}
    for k, art in enumerate(articles):
        s = starts[k]
        if s is None:
            segs[art["id"]] = bodies[art["id"]] = ""
            continue
        e = next((x for x in starts[k + 1:] if x is not None), len(lines))
        seg_lines = [ln for ln in lines[s:e] if ln and not FURNITURE.fullmatch(ln)]
        segs[art["id"]] = "".join(seg_lines)
        rest = seg_lines[1:]
        while rest and META.fullmatch(rest[0]):
            rest = rest[1:]
        if rest:
            rest = [BYLINE_PREFIX.sub("", rest[0])] + rest[1:]
        bodies[art["id"]] = "".join(rest)
    return segs, bodies


def rel_key(r: dict):
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def check_file(ypath: Path, scorer) -> tuple[list[str], dict]:
    P: list[str] = []
    try:
        g = yaml.safe_load(ypath.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        return [f"YAML error: {err}".replace("\n", " ")], {}
    if not isinstance(g, dict):
        return ["not a YAML mapping"], {}
    for key in ("source", "articles", "entities", "relations"):
        if key not in g:
            P.append(f"missing key {key}")
    extra = set(g) - {"source", "articles", "entities", "relations", "uncertain"}
    if extra:
        P.append(f"unknown top-level keys {sorted(extra)}")
    tpath = ypath.with_name(g.get("source", ""))
    if not tpath.is_file() or tpath.name != ypath.with_suffix(".txt").name:
        P.append(f"source {g.get('source')!r} is not {ypath.with_suffix('.txt').name}")
        return P, {}
    text = tpath.read_text(encoding="utf-8")
    flat = "".join(ln.strip() for ln in text.splitlines())
    arts = g.get("articles") or []
    ids = [a.get("id") for a in arts]
    if len(set(ids)) != len(ids):
        P.append("duplicate article ids")
    segs, bodies = segment(text, arts, P)
    body_chars = 0
    art_reporters = set()
    for a in arts:
        aid = a["id"]
        if a.get("kind") not in KINDS:
            P.append(f"{aid}: kind {a.get('kind')!r} not in {sorted(KINDS)}")
        if a.get("title") and a["title"] not in flat:
            P.append(f"{aid}: headline not in text")
        sw = a.get("starts_with")
        if not isinstance(sw, str) or len(sw) != 12:
            P.append(f"{aid}: starts_with must be a 12-character string: {sw!r}")
        elif bodies.get(aid, "")[:12] != sw:
            P.append(f"{aid}: starts_with {sw!r} != body start {bodies.get(aid, '')[:12]!r}")
        body_chars += len(re.sub(r"\s", "", bodies.get(aid, "")))
        b = a.get("byline") or {}
        if set(b) != {"place", "date", "reporters"}:
            P.append(f"{aid}: byline keys must be place, date, reporters")
        seg = segs.get(aid, "")
        if b.get("place") and b["place"] not in seg:
            P.append(f"{aid}: byline place {b['place']} not in the article")
        if b.get("date"):
            d = str(b["date"])
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
                P.append(f"{aid}: byline date {d!r} is not YYYY-MM-DD")
            elif d not in seg and d.replace("-", ".") not in seg:
                P.append(f"{aid}: byline date {d} not printed in the article")
        for rp in b.get("reporters") or []:
            if rp not in seg:
                P.append(f"{aid}: reporter {rp} not in the article")
            art_reporters.add((rp, aid))
    if not 450 <= body_chars <= 900:
        P.append(f"body length {body_chars} outside 450-900")

    # entities
    ents = g.get("entities") or []
    by_name: dict[str, dict] = {}
    norm_owner: dict[str, str] = {}
    for e in ents:
        nm = e.get("name")
        if nm in by_name:
            P.append(f"duplicate entity {nm}")
        by_name[nm] = e
        if e.get("type") not in TYPES:
            P.append(f"{nm}: unknown type {e.get('type')}")
        names = [nm] + list(e.get("aliases") or [])
        for n in names:
            if not isinstance(n, str) or n not in flat:
                P.append(f"{nm}: name/alias {n!r} not in the text")
            k = scorer.norm(n)
            if k in norm_owner and norm_owner[k] != nm:
                P.append(f"{nm}: {n!r} normalises like a name of {norm_owner[k]}")
            norm_owner.setdefault(k, nm)
        want = [a["id"] for a in arts if any(n in segs.get(a["id"], "") for n in names if isinstance(n, str))]
        if list(e.get("articles") or []) != want:
            P.append(f"{nm}: articles {e.get('articles')} != {want}")
    alias_of = {}
    for e in ents:
        for n in [e["name"]] + list(e.get("aliases") or []):
            alias_of[n] = e

    def resolve(v):
        return alias_of.get(v) if isinstance(v, str) else None

    def check_rel(r: dict, where: str, strict_occurrence: bool = True, need_gold: bool = True,
                  check_types: bool = True):
        rel = r.get("rel")
        if rel not in REL_ARGS:
            P.append(f"{where}: unknown relation {rel}")
            return
        spec = REL_ARGS[rel]
        keys = set(r) - {"rel", "article"}
        if keys != set(spec):
            P.append(f"{where}: {rel} arguments {sorted(keys)} != {sorted(spec)}")
        aid = r.get("article")
        if aid not in ids:
            P.append(f"{where}: unknown article {aid}")
            return
        seg = segs.get(aid, "")
        for arg, types in spec.items():
            v = r.get(arg)
            if types is None:
                if arg == "title" and (not v or v not in seg):
                    P.append(f"{where}: title {v!r} not in article {aid}")
                if arg == "year" and v is not None and not re.fullmatch(r"\d{4}", str(v)):
                    P.append(f"{where}: year {v!r}")
                if arg == "category" and v is not None:
                    e = resolve(v)
                    if not e or e["type"] != "AwardCategory":
                        P.append(f"{where}: category {v!r} is not an AwardCategory entity")
                continue
            e = resolve(v)
            if e is None:
                if need_gold:
                    P.append(f"{where}: {arg} {v!r} is not a gold entity name or alias")
                continue
            if check_types and e["type"] not in types:
                P.append(f"{where}: {arg} {v!r} has type {e['type']}, expected {sorted(types)}")
            names = [e["name"]] + list(e.get("aliases") or [])
            if strict_occurrence and not any(n in seg for n in names):
                P.append(f"{where}: {arg} {v!r} does not occur in article {aid}")

    rels = g.get("relations") or []
    seen = set()
    for i, r in enumerate(rels):
        check_rel(r, f"relation {i + 1} ({r.get('rel')})")
        k = rel_key(r)
        if k in seen:
            P.append(f"duplicate relation {r}")
        seen.add(k)
    rep = {(r["person"], r["article"]) for r in rels if r.get("rel") == "reporter"}
    if rep != art_reporters:
        P.append(f"reporter relations {sorted(rep)} != byline reporters {sorted(art_reporters)}")

    # uncertain
    for j, u in enumerate(g.get("uncertain") or []):
        where = f"uncertain {j + 1}"
        if not isinstance(u, dict) or not {"item", "in_gold", "decision", "why"} <= set(u):
            P.append(f"{where}: needs item, in_gold, decision, why")
            continue
        if not isinstance(u["in_gold"], bool):
            P.append(f"{where}: in_gold must be true or false")
        for n in u.get("entities") or []:
            if u["in_gold"] and n not in by_name:
                P.append(f"{where}: entity {n!r} is not a gold entity name")
            if not u["in_gold"] and n in alias_of:
                P.append(f"{where}: rejected entity {n!r} is in the gold")
        for r in u.get("relations") or []:
            if u["in_gold"] and rel_key(r) not in seen:
                P.append(f"{where}: relation not an exact copy of a gold relation: {r}")
            if not u["in_gold"]:
                if rel_key(r) in seen:
                    P.append(f"{where}: rejected relation is in the gold: {r}")
                check_rel(r, where + " (rejected)", strict_occurrence=False, need_gold=False, check_types=False)
        for r in u.get("also_accept") or []:
            if rel_key(r) in seen:
                P.append(f"{where}: also_accept relation is in the gold: {r}")
            check_rel(r, where + " (also_accept)", strict_occurrence=False)

    # the reference scorer
    stats = {"articles": len(arts), "body": body_chars, "entities": len(ents), "relations": len(rels)}
    try:
        gents, alias_to_key, grels, optional, _neutral = scorer.load_gold([ypath])
        for e in ents:
            k = scorer.norm(e["name"])
            for n in [e["name"]] + list(e.get("aliases") or []):
                if alias_to_key.get(scorer.norm(n)) != k:
                    P.append(f"load_gold maps {n!r} elsewhere than {e['name']}")
        stats["optional"] = len([k for k in gents if k in optional])
        stats["required"] = len(gents) - stats["optional"]
        stats["scored"] = sum(len(grels.get(c, ())) for c in SCORED)
    except Exception as err:  # noqa: BLE001
        P.append(f"load_gold failed: {err!r}")
    return P, stats


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--scorer", type=Path, default=ROOT / ".." / "shared" / "gold" / "score.py")
    a = ap.parse_args()
    scorer = load_scorer(a.scorer.resolve())
    files = a.files or sorted(HERE.glob("pt*.yaml"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    total = {"articles": 0, "body": 0, "entities": 0, "required": 0, "optional": 0, "relations": 0, "scored": 0}
    n_problems = 0
    for f in files:
        problems, st = check_file(f, scorer)
        for k in total:
            total[k] += st.get(k, 0)
        n_problems += len(problems)
        print(f"{f.name}: {st.get('articles', 0)} articles, body {st.get('body', 0)} chars, "
              f"{st.get('entities', 0)} entities ({st.get('required', 0)} required / {st.get('optional', 0)} optional), "
              f"{st.get('relations', 0)} relations ({st.get('scored', 0)} scored tuples), {len(problems)} problems")
        for p in problems:
            print("   -", p)
    print(f"TOTAL: {len(files)} files, {total['articles']} articles, body {total['body']} chars, "
          f"{total['entities']} entities ({total['required']} required / {total['optional']} optional), "
          f"{total['relations']} relations ({total['scored']} scored tuples), {n_problems} problems")
    return 0 if n_problems == 0 and files else 1


if __name__ == "__main__":
    sys.exit(main())
