#!/usr/bin/env python3
"""Consistency check of the heldout58 gold files against their texts.

For every qbN.yaml beside this script (or the files given on the command line) it checks that
  - the file follows the schema of seed.yaml (source, articles, entities, relations, uncertain);
  - every entity name and alias is an exact substring of the text with line breaks removed;
  - every entity's `articles` list equals the articles whose text (title, byline, body; nested
    occurrences included; page furniture excluded) contains the name or an alias;
  - headlines occur in the text, `starts_with` is the first 12 characters of the body after the
    byline, byline places and reporters occur in the byline of their article;
  - relation arguments name gold entities of the right types, and occur in the stated article;
  - the reporter relations of each article are exactly its byline reporters;
  - `uncertain` items are consistent (in_gold: true items copy gold items, rejected candidates and
    also_accept answers are not gold relations; entities with `articles: []` are optional);
  - each file loads with `load_gold` of the reference scorer.
Prints one line per file and a total line; exit 0 iff no problem is found.

Usage (from the repository root):
    python benchmarks/heldout58/check_gold.py [--scorer ../shared/gold/score.py] [FILE.yaml ...]
Needs PyYAML. OpenCC is only used by the scorer, when installed.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path

import yaml

sys.dont_write_bytecode = True  # do not leave a __pycache__ beside the reference scorer

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}

# Page furniture: whole lines that belong to no article (page headers, editors, web-page chrome,
# keyword lines). Text before the first article's headline is furniture as well.
FURNITURE = [
    r"^南方日报$", r"^\d{4}年\d{1,2}月\d{1,2}日\s*星期.$", r"^[A-Z]\d{2}\s*\|", r"^责任编辑[：:]",
    r"^中國$", r"^相關字詞", r"^上一篇", r"^下一篇",
    r"^人民网>>", r"^\(责编[：:].*\)$", r"^（责编[：:].*）$", r"^分享让更多人看到$",
    r"^首页\s*>",
]
FURN_RE = [re.compile(p) for p in FURNITURE]

# argument slots of each relation: slot -> allowed entity types (None: a plain value)
REL_SLOTS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": None},
    "receivedAward": {"recipient": {"Person", "Product"} | ORG, "award": {"Award"},
                      "category": {"AwardCategory"}, "year": None},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": {"Region"} | ORG, "region": {"Region"}},
    "basedIn": {"org": ORG, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORG},
    "participatedIn": {"org_or_person": {"Person"} | ORG, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORG, "parent": ORG},
}
NULLABLE = {("receivedAward", "category"), ("receivedAward", "year"), ("holdsPosition", "title")}


def flat(s: str) -> str:
    return s.replace("\r", "").replace("\n", "")


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("kg_gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def segment(text: str, articles: list[dict], problems: list[str]) -> dict[str, str]:
    """Article id -> its text (line breaks removed, furniture lines dropped)."""
    lines = [ln for ln in text.splitlines() if not any(p.search(ln.strip()) for p in FURN_RE)]
    body = "".join(ln.strip("\r") for ln in lines)
    starts = []
    pos = 0
    for a in articles:
        anchor = a.get("title") or a.get("starts_with") or ""
        i = body.find(anchor, pos) if anchor else -1
        if i < 0:
            problems.append(f"{a.get('id')}: cannot locate the article (title/starts_with {anchor!r})")
            i = pos
        starts.append(i)
        pos = i + 1
    seg = {}
    for n, a in enumerate(articles):
        end = starts[n + 1] if n + 1 < len(articles) else len(body)
        seg[a["id"]] = body[starts[n]:end]
    return seg


def check_file(yp: Path, scorer) -> tuple[list[str], dict]:
    P: list[str] = []
    g = yaml.safe_load(yp.read_text(encoding="utf-8"))
    for k in ("source", "articles", "entities", "relations", "uncertain"):
        if k not in g:
            P.append(f"missing key {k}")
    tp = yp.parent / g.get("source", "")
    if not tp.is_file():
        return [f"text {tp.name} not found"], {}
    text = tp.read_text(encoding="utf-8")
    F = flat(text)
    arts = g.get("articles") or []
    ids = [a["id"] for a in arts]
    if len(set(ids)) != len(ids):
        P.append("duplicate article ids")
    seg = segment(text, arts, P)

    # ---- articles: headline, byline, starts_with
    body_chars = 0
    for a in arts:
        s = seg[a["id"]]
        body_chars += len(re.sub(r"\s", "", s))
        for k in ("id", "title", "kind", "byline", "starts_with"):
            if k not in a:
                P.append(f"{a['id']}: missing {k}")
        t = a.get("title")
        if t and t not in F:
            P.append(f"{a['id']}: headline {t!r} not in text")
        sw = a.get("starts_with") or ""
        if len(sw) != 12:
            P.append(f"{a['id']}: starts_with {sw!r} is not 12 characters")
        j = s.find(sw)
        if j < 0:
            P.append(f"{a['id']}: starts_with {sw!r} not in the article")
            continue
        head = s[:j]  # headline(s) and byline
        if len(head) > 90:
            P.append(f"{a['id']}: {len(head)} characters between headline and starts_with")
        if t is None and j != 0:
            P.append(f"{a['id']}: an article without headline must begin with starts_with")
        by = a.get("byline") or {}
        for k in ("place", "date", "reporters"):
            if k not in by:
                P.append(f"{a['id']}: byline lacks {k}")
        zone = s if a.get("kind") == "caption" else head
        if by.get("place") and by["place"] not in zone:
            P.append(f"{a['id']}: byline place {by['place']!r} not in the byline")
        for r in by.get("reporters") or []:
            if r not in zone:
                P.append(f"{a['id']}: reporter {r!r} not in the byline")

    # ---- entities
    ents = {}
    alias = {}
    for e in g.get("entities") or []:
        n = e.get("name")
        if n in ents:
            P.append(f"duplicate entity {n}")
        ents[n] = e
        if e.get("type") not in TYPES:
            P.append(f"{n}: unknown type {e.get('type')}")
        names = [n] + list(e.get("aliases") or [])
        for x in names:
            x = str(x)
            if x not in F:
                P.append(f"{n}: name/alias {x!r} not in text")
            if x in alias and alias[x] != n:
                P.append(f"alias {x!r} used by {alias[x]} and {n}")
            alias[x] = n
        want = [i for i in ids if any(str(x) in seg[i] for x in names)]
        got = list(e.get("articles") or [])
        if sorted(got) != sorted(want):
            P.append(f"{n}: articles {got} but the text gives {want}")
        bad = [i for i in got if i not in ids]
        if bad:
            P.append(f"{n}: unknown articles {bad}")

    def resolve(x):
        return alias.get(str(x)) if x is not None else None

    # ---- relations
    gold_rel_keys = set()
    reporters_rel: dict[str, set] = {i: set() for i in ids}
    n_rel = 0
    for r in g.get("relations") or []:
        n_rel += 1
        P.extend(check_rel(r, ents, resolve, seg, ids))
        gold_rel_keys.add(rel_key(r))
        if r.get("rel") == "reporter":
            reporters_rel.setdefault(r.get("article"), set()).add(resolve(r.get("person")))
    for a in arts:
        byr = {resolve(x) for x in (a.get("byline") or {}).get("reporters") or []}
        if byr != reporters_rel.get(a["id"], set()):
            P.append(f"{a['id']}: reporter relations {sorted(map(str, reporters_rel.get(a['id'], set())))}"
                     f" differ from byline reporters {sorted(map(str, byr))}")

    # ---- uncertain
    optional = set()
    for u in g.get("uncertain") or []:
        it = u.get("item", "?")
        for k in ("item", "in_gold", "decision", "why"):
            if k not in u:
                P.append(f"uncertain {it!r}: missing {k}")
        ing = u.get("in_gold")
        if not isinstance(ing, bool):
            P.append(f"uncertain {it!r}: in_gold must be true or false")
        for en in u.get("entities") or []:
            if ing and en not in ents:
                P.append(f"uncertain {it!r}: entity {en!r} is not a gold entity")
            if ing is False and resolve(en):
                P.append(f"uncertain {it!r}: rejected entity {en!r} is a gold entity")
            if ing and not str(it).startswith(("aliases", "segment")):
                optional.add(en)
        for r in u.get("relations") or []:
            if ing:
                if rel_key(r) not in gold_rel_keys:
                    P.append(f"uncertain {it!r}: relation {r} is not a copy of a gold relation")
            else:
                if rel_key(r) in gold_rel_keys:
                    P.append(f"uncertain {it!r}: rejected relation {r} is in the gold relations")
                P.extend(f"uncertain {it!r}: {m}" for m in check_rel(r, ents, resolve, seg, ids, strict=False))
        for r in u.get("also_accept") or []:
            if rel_key(r) in gold_rel_keys:
                P.append(f"uncertain {it!r}: also_accept {r} is a gold relation")
            P.extend(f"uncertain {it!r}: {m}" for m in check_rel(r, ents, resolve, seg, ids))
    for n, e in ents.items():
        if not e.get("articles") and n not in optional:
            P.append(f"{n}: occurs in no article but is not optional")

    # ---- the reference scorer's loader
    stats = {"articles": len(arts), "body": body_chars, "entities": len(ents), "relations": n_rel}
    try:
        gents, _a2k, grels, gopt, _neutral = scorer.load_gold([yp])
        stats["req"] = len([k for k in gents if k not in gopt])
        stats["opt"] = len(gopt)
        stats["scored"] = sum(len(v) for v in grels.values())
        if len(gents) != len(ents):
            P.append(f"load_gold sees {len(gents)} entities, the file lists {len(ents)} (name clash after normalisation?)")
    except Exception as err:  # noqa: BLE001
        P.append(f"load_gold failed: {err!r}")
    if not 450 <= body_chars <= 900:
        P.append(f"body of {body_chars} characters outside 450-900")
    return P, stats


def check_rel(r: dict, ents: dict, resolve, seg: dict, ids: list, strict: bool = True) -> list[str]:
    P = []
    rel = r.get("rel")
    if rel not in REL_SLOTS:
        return [f"unknown relation {rel!r}"]
    art = r.get("article")
    if art not in ids:
        P.append(f"{rel}: unknown article {art!r}")
    for slot, types in REL_SLOTS[rel].items():
        if slot not in r:
            P.append(f"{rel} {r}: missing {slot}")
            continue
        v = r[slot]
        if v is None:
            if (rel, slot) not in NULLABLE:
                P.append(f"{rel} {r}: {slot} is null")
            continue
        if types is None:
            continue
        n = resolve(v)
        if n is None:
            P.append(f"{rel}: {slot} {v!r} is not a gold entity")
            continue
        if ents[n]["type"] not in types:
            P.append(f"{rel}: {slot} {v!r} has type {ents[n]['type']}, expected {sorted(types)}")
        if strict and art in seg:
            names = [n] + list(ents[n].get("aliases") or [])
            if not any(str(x) in seg[art] for x in names):
                P.append(f"{rel}: {v!r} does not occur in article {art}")
    extra = set(r) - set(REL_SLOTS[rel]) - {"rel", "article"}
    if extra:
        P.append(f"{rel} {r}: unexpected keys {sorted(extra)}")
    return P


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "gold" / "score.py",
                    help="reference scorer (default ../shared/gold/score.py from the repository root)")
    ap.add_argument("files", nargs="*", type=Path)
    a = ap.parse_args()
    scorer = load_scorer(a.scorer)
    files = a.files or sorted(HERE.glob("qb*.yaml"))
    tot = {"articles": 0, "body": 0, "entities": 0, "req": 0, "opt": 0, "relations": 0, "scored": 0}
    nprob = 0
    for f in files:
        probs, st = check_file(f, scorer)
        for p in probs:
            print(f"  {f.name}: {p}")
        nprob += len(probs)
        for k in tot:
            tot[k] += st.get(k, 0)
        print(f"{f.name}: {st.get('articles', 0)} articles, body {st.get('body', 0)} chars, "
              f"{st.get('entities', 0)} entities ({st.get('req', 0)} required / {st.get('opt', 0)} optional), "
              f"{st.get('relations', 0)} relations ({st.get('scored', 0)} scored), {len(probs)} problems")
    print(f"TOTAL: {len(files)} files, {tot['articles']} articles, body {tot['body']} chars, "
          f"{tot['entities']} entities ({tot['req']} required / {tot['opt']} optional), "
          f"{tot['relations']} relations ({tot['scored']} scored), {nprob} problems")
    return 0 if nprob == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
