#!/usr/bin/env python3
"""Self-check of the heldout22 gold files.

For every gold file (default: f*.yaml beside this script) it checks, against the text named by
its `source:`:
  - every entity name and alias is an exact substring of the text; names are unique after the
    scorer's normalisation, and no alias is another entity's name;
  - each entity's `articles` is exactly the set of articles whose text (headline to next headline)
    contains the name or an alias;
  - each article's headline is in the text, in order; `starts_with` (12 characters) begins the
    first body paragraph, right after the byline when the byline is inline;
  - relation arguments are gold entities of the right type, listed in the relation's article;
  - `reporter` relations are exactly the byline reporters, who are printed before the body;
  - `uncertain` items are consistent: in_gold true items copy gold entities / relations, in_gold
    false items do not, also_accept answers are not gold, items about aliases begin with "aliases";
then loads each file with load_gold of the reference scorer and prints counts.
Exit status 0 iff no problem was found.

Usage: python benchmarks/heldout22/check_gold.py [--score PATH] [GOLD.yaml ...]
       (--score defaults to ../shared/gold/score.py relative to the repository root)
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]  # the repository root (…/benchmarks/heldout22 -> …)

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
# relation -> {argument: allowed types}; None in a set means the argument may be null
REL_ARGS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG},
    "receivedAward": {"recipient": {"Person"} | ORG, "award": {"Award"}, "category": {"AwardCategory", None}},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": {"Region"}, "region": {"Region"}},
    "basedIn": {"org": ORG, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORG},
    "participatedIn": {"org_or_person": {"Person"} | ORG, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORG, "parent": ORG},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
}
REL_EXTRA = {"holdsPosition": {"title"}, "receivedAward": {"year"}}
BYLINE_PREFIX = re.compile(r"^.*(记者|記者).*[)）〕]\s*$")
STARTS_LEN = 12


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("reference_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import the reference scorer from {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def article_ranges(text: str, articles: list[dict], problems: list[str], where: str) -> dict[str, tuple[int, int]]:
    """Each article runs from its headline to the next article's headline (or the end of the text)."""
    starts = []
    pos = 0
    for a in articles:
        t = a.get("title")
        if not t:
            problems.append(f"{where}: article {a.get('id')} has no title (cannot be located)")
            starts.append(pos)
            continue
        i = text.find(t, pos)
        if i < 0:
            problems.append(f"{where}: title of {a['id']} not found (in order): {t}")
            starts.append(pos)
            continue
        starts.append(i)
        pos = i + len(t)
    ranges = {}
    for k, a in enumerate(articles):
        end = starts[k + 1] if k + 1 < len(articles) else len(text)
        ranges[a["id"]] = (starts[k], end)
    return ranges


def check_article(text: str, a: dict, rng: tuple[int, int], problems: list[str], where: str) -> int | None:
    """Check starts_with and the byline; return the offset where the body starts."""
    seg = text[rng[0]:rng[1]]
    sw = a.get("starts_with")
    if not isinstance(sw, str) or len(sw) != STARTS_LEN:
        problems.append(f"{where}: {a['id']} starts_with must be {STARTS_LEN} characters: {sw!r}")
        return None
    lines = seg.splitlines(keepends=True)
    off = 0
    body_line = None
    for n, line in enumerate(lines):
        if n > 0 and len(line.strip()) >= 40:
            body_line = (off, line)
            break
        off += len(line)
    if body_line is None:
        problems.append(f"{where}: {a['id']} has no body paragraph")
        return None
    off, line = body_line
    i = line.find(sw)
    if i < 0:
        problems.append(f"{where}: {a['id']} first body paragraph does not contain starts_with {sw!r}")
        return None
    prefix = line[:i]
    if prefix.strip() and not BYLINE_PREFIX.match(prefix):
        problems.append(f"{where}: {a['id']} starts_with is preceded by non-byline text {prefix!r}")
    body_start = rng[0] + off + i
    head = text[rng[0]:body_start]  # headline block and byline
    by = a.get("byline") or {}
    for rep in by.get("reporters") or []:
        if rep not in head:
            problems.append(f"{where}: {a['id']} byline reporter {rep} is not printed before the body")
    if by.get("place") and by["place"] not in head:
        problems.append(f"{where}: {a['id']} byline place {by['place']} is not in the byline")
    if by.get("date"):
        d = by["date"]
        md = f"{d.month}月{d.day}日" if hasattr(d, "month") else str(d)
        if md not in head:
            problems.append(f"{where}: {a['id']} byline date {d} ({md}) is not in the byline")
    return body_start


def check_file(gpath: Path, sc, problems: list[str]) -> dict:
    where = gpath.name
    g = yaml.safe_load(gpath.read_text(encoding="utf-8"))
    tpath = gpath.parent / g["source"]
    raw = tpath.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(f"{where}: {tpath.name} starts with a byte-order mark")
    text = raw.decode("utf-8")
    articles = g.get("articles") or []
    ids = [a["id"] for a in articles]
    if len(set(ids)) != len(ids):
        problems.append(f"{where}: duplicate article ids {ids}")
    ranges = article_ranges(text, articles, problems, where)
    for a in articles:
        for k in ("id", "title", "kind", "byline", "starts_with"):
            if k not in a:
                problems.append(f"{where}: article {a.get('id')} lacks {k}")
        check_article(text, a, ranges[a["id"]], problems, where)

    # entities
    ents = {}
    normed: dict[str, str] = {}
    for e in g.get("entities") or []:
        n = e["name"]
        if n in ents:
            problems.append(f"{where}: duplicate entity {n}")
        ents[n] = e
        if e.get("type") not in TYPES:
            problems.append(f"{where}: {n} has unknown type {e.get('type')}")
        forms = [n] + list(e.get("aliases") or [])
        for f in forms:
            if not isinstance(f, str) or f not in text:
                problems.append(f"{where}: {n}: name/alias {f!r} is not a substring of {tpath.name}")
            k = sc.norm(f)
            if k in normed and normed[k] != n:
                problems.append(f"{where}: {f!r} ({n}) collides with {normed[k]} after normalisation")
            normed.setdefault(k, n)
        listed = e.get("articles") or []
        if not listed:
            problems.append(f"{where}: {n} lists no article")
        if set(listed) - set(ids):
            problems.append(f"{where}: {n} lists unknown articles {sorted(set(listed) - set(ids))}")
        found = [aid for aid in ids if any(f in text[ranges[aid][0]:ranges[aid][1]] for f in forms)]
        if listed != found:
            problems.append(f"{where}: {n} articles {listed} but the text gives {found}")

    # relations
    gold_rel_keys = set()
    reporters = defaultdict(set)
    rel_count = Counter()
    for r in g.get("relations") or []:
        rel = r.get("rel")
        rel_count[rel] += 1
        spec = REL_ARGS.get(rel)
        if spec is None:
            problems.append(f"{where}: unknown relation {r}")
            continue
        k = rel_key(r)
        if k in gold_rel_keys:
            problems.append(f"{where}: duplicate relation {r}")
        gold_rel_keys.add(k)
        art = r.get("article")
        if art not in ids:
            problems.append(f"{where}: relation with unknown article: {r}")
        allowed_keys = set(spec) | REL_EXTRA.get(rel, set()) | {"rel", "article"}
        if set(r) - allowed_keys:
            problems.append(f"{where}: unexpected fields {sorted(set(r) - allowed_keys)} in {r}")
        for arg, types in spec.items():
            v = r.get(arg)
            if v is None:
                if None not in types:
                    problems.append(f"{where}: {rel} lacks {arg}: {r}")
                continue
            e = ents.get(v)
            if e is None:
                problems.append(f"{where}: {rel}.{arg} {v!r} is not a gold entity name")
                continue
            if e["type"] not in types:
                problems.append(f"{where}: {rel}.{arg} {v} has type {e['type']}, expected {sorted(t for t in types if t)}")
            if art not in (e.get("articles") or []):
                problems.append(f"{where}: {rel} in {art} but {v} is not listed in {art}")
        if rel == "holdsPosition" and not r.get("title"):
            problems.append(f"{where}: holdsPosition without title: {r}")
        if rel == "receivedAward" and r.get("year") is not None and not re.fullmatch(r"\d{4}", str(r["year"])):
            problems.append(f"{where}: receivedAward year is not a year: {r}")
        if rel == "reporter":
            reporters[art].add(r["person"])
    for a in articles:
        by = set((a.get("byline") or {}).get("reporters") or [])
        if by != reporters.get(a["id"], set()):
            problems.append(f"{where}: {a['id']} byline reporters {sorted(by)} != reporter relations "
                            f"{sorted(reporters.get(a['id'], set()))}")

    # uncertain
    optional = set()
    for u in g.get("uncertain") or []:
        if not isinstance(u, dict):
            problems.append(f"{where}: uncertain item is not a mapping: {u!r}")
            continue
        item = str(u.get("item", ""))
        for k in ("item", "in_gold", "decision", "why"):
            if k not in u:
                problems.append(f"{where}: uncertain {item!r} lacks {k}")
        in_gold = u.get("in_gold")
        if not isinstance(in_gold, bool):
            problems.append(f"{where}: uncertain {item!r}: in_gold must be true or false")
        about_aliases = "alias" in item.lower()
        if about_aliases and not item.startswith("aliases"):
            problems.append(f"{where}: uncertain item about aliases must begin with 'aliases': {item!r}")
        for n in u.get("entities") or []:
            if in_gold:
                if n not in ents:
                    problems.append(f"{where}: uncertain {item!r} (in_gold) names {n!r}, not a gold entity")
                elif item.startswith("aliases") and not ents[n].get("aliases"):
                    problems.append(f"{where}: uncertain {item!r} names {n}, which has no aliases")
                elif not item.startswith(("aliases", "segment")):
                    optional.add(n)
            else:
                if sc.norm(n) in normed:
                    problems.append(f"{where}: uncertain {item!r} (not in gold) names gold entity {n}")
                if n not in text:
                    problems.append(f"{where}: uncertain {item!r} names {n!r}, not in the text")
        for r in u.get("relations") or []:
            k = rel_key(r)
            if in_gold and k not in gold_rel_keys:
                problems.append(f"{where}: uncertain {item!r} (in_gold) relation is not a gold relation: {r}")
            if not in_gold and k in gold_rel_keys:
                problems.append(f"{where}: uncertain {item!r} (not in gold) relation is a gold relation: {r}")
            check_candidate(r, ents, text, ids, problems, where, item)
        for r in u.get("also_accept") or []:
            if rel_key(r) in gold_rel_keys:
                problems.append(f"{where}: uncertain {item!r} also_accept is already gold: {r}")
            check_candidate(r, ents, text, ids, problems, where, item)

    # through the reference scorer's loader
    gold_ents, alias_to_key, rels, optional_ents, neutral = sc.load_gold([gpath])
    by_type = Counter(e["type"] for e in ents.values())
    scored = {k: len(v) for k, v in rels.items() if v}
    return {
        "file": where, "articles": len(articles), "entities": len(ents),
        "required": len([k for k in gold_ents if k not in optional_ents]),
        "optional": len([k for k in gold_ents if k in optional_ents]),
        "neutral_ents": len(optional_ents - set(gold_ents)),
        "by_type": by_type, "relations": sum(rel_count.values()), "rel_count": rel_count,
        "scored": scored, "scored_total": sum(scored.values()),
        "neutral_total": sum(len(v) for v in neutral.values()), "loaded_entities": len(gold_ents),
    }


def check_candidate(r: dict, ents: dict, text: str, ids: list, problems: list, where: str, item: str) -> None:
    rel = r.get("rel")
    spec = REL_ARGS.get(rel)
    if spec is None:
        problems.append(f"{where}: uncertain {item!r}: unknown relation {r}")
        return
    if r.get("article") not in ids:
        problems.append(f"{where}: uncertain {item!r}: unknown article in {r}")
    for arg in spec:
        v = r.get(arg)
        if v is None:
            continue
        if v not in ents and str(v) not in text:
            problems.append(f"{where}: uncertain {item!r}: {arg} {v!r} is neither a gold entity nor in the text")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--score", type=Path, default=ROOT / ".." / "shared" / "gold" / "score.py",
                    help="the reference scorer (default: ../shared/gold/score.py from the repository root)")
    ap.add_argument("gold", nargs="*", type=Path)
    a = ap.parse_args()
    sc = load_scorer(a.score.resolve())
    if sc._T2S is None:
        print("note: OpenCC is not installed; traditional names are not mapped to simplified")
    files = a.gold or sorted(HERE.glob("f*.yaml"))
    problems: list[str] = []
    stats = []
    for f in files:
        try:
            stats.append(check_file(f, sc, problems))
        except Exception as err:  # a file that cannot be checked is a problem, not a crash
            problems.append(f"{f.name}: {type(err).__name__}: {err}")
    print("ent = gold entities (req = required, opt = optional); rel = relations annotated; scored = tuples the\n"
          "scorer compares (atomic titles); neutral = tuples never penalised; xent = non-gold names never penalised")
    print(f"{'file':10} {'art':>3} {'ent':>4} {'req':>4} {'opt':>4} {'rel':>4} {'scored':>6} {'neutral':>7} {'xent':>4}")
    tot = Counter()
    for s in stats:
        print(f"{s['file']:10} {s['articles']:3} {s['entities']:4} {s['required']:4} {s['optional']:4} "
              f"{s['relations']:4} {s['scored_total']:6} {s['neutral_total']:7} {s['neutral_ents']:4}")
        for k in ("articles", "entities", "required", "optional", "relations", "scored_total", "neutral_total",
                  "neutral_ents"):
            tot[k] += s[k]
    print(f"{'total':10} {tot['articles']:3} {tot['entities']:4} {tot['required']:4} {tot['optional']:4} "
          f"{tot['relations']:4} {tot['scored_total']:6} {tot['neutral_total']:7} {tot['neutral_ents']:4}")
    types = Counter()
    rels = Counter()
    scored = Counter()
    for s in stats:
        types.update(s["by_type"])
        rels.update(s["rel_count"])
        scored.update(s["scored"])
    print("entities by type:", ", ".join(f"{t} {n}" for t, n in sorted(types.items(), key=lambda x: -x[1])))
    print("relations by type:", ", ".join(f"{t} {n}" for t, n in sorted(rels.items(), key=lambda x: -x[1])))
    print("scored tuples:", ", ".join(f"{t} {n}" for t, n in sorted(scored.items(), key=lambda x: -x[1])))
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print(" -", p)
        return 1
    print("\nOK: no problems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
