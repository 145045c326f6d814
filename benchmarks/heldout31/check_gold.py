#!/usr/bin/env python3
"""Self-check of the heldout31 gold set (pa1 ... pa4).

Run from the repository root:

    python benchmarks/heldout31/check_gold.py [--scorer ../shared/gold/score.py]

It checks, for every paN.yaml against its paN.txt:
  - the schema (articles, entities, relations, uncertain) and the entity and relation types;
  - every entity name and alias is an exact substring of the text once line breaks are removed;
  - each entity's `articles` is exactly the set of articles whose text contains the name or an alias;
  - headlines, `starts_with` (12 characters, after the headline and the byline), the body length
    (500-900 characters without white space), bylines (reporters printed before the body, place
    printed in the article, a date);
  - relation arguments: canonical entity names of the file, of the right types, whose `articles`
    include the relation's article; holdsPosition titles printed in the article;
  - reporter facts = byline reporters, article by article;
  - `uncertain`: in_gold true items list gold entities and exact copies of gold relations;
    in_gold false items and `also_accept` list no gold relation and no gold entity; items about
    aliases begin with "aliases" and name entities that have aliases;
  - across files: one type per normalised name, one entity per alias, and no entity that is
    required in one file but optional (or neutral) in another;
  - no file of the set contains a path of the machine it was written on.
Then it loads every file, and all of them together, with `load_gold` from the reference scorer and
prints counts. Exit status 0 iff no problem was found.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
FILES = ["pa1", "pa2", "pa3", "pa4"]

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
NONE = object()  # marks an argument that may be null
# relation -> {argument: allowed entity types (a set) | "title" | "year"}
REL_ARGS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": "title"},
    "receivedAward": {"recipient": ORG | {"Person", "Product"}, "award": {"Award"},
                      "category": {"AwardCategory", NONE}, "year": "year"},
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
    "memberOf": {"org": ORG | {"Person"}, "parent": ORG},
}
SCORED = {"holdsPosition", "receivedAward", "publishedBy", "releasedAt", "locatedIn", "basedIn",
          "heldIn", "quoted", "reporter"}
BODY_MIN, BODY_MAX = 500, 900

problems: list[str] = []


def problem(where: str, msg: str) -> None:
    problems.append(f"{where}: {msg}")


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("reference_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def flat(text: str) -> str:
    return text.replace("\r", "").replace("\n", "")


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def article_spans(ftext: str, arts: list[dict], where: str) -> dict[str, tuple[int, int]]:
    anchors = []
    for a in arts:
        anchor = a.get("title") or a.get("starts_with") or ""
        pos = ftext.find(anchor, anchors[-1] if anchors else 0) if anchor else -1
        if pos < 0:
            problem(where, f"article {a.get('id')}: anchor {anchor!r} not found in order")
            pos = anchors[-1] if anchors else 0
        anchors.append(pos)
    spans = {}
    for i, a in enumerate(arts):
        start = 0 if i == 0 else anchors[i]
        end = anchors[i + 1] if i + 1 < len(arts) else len(ftext)
        spans[a["id"]] = (start, end)
    return spans


def check_file(stem: str, scorer) -> dict:
    where = f"{stem}.yaml"
    try:
        g = yaml.safe_load((HERE / f"{stem}.yaml").read_text(encoding="utf-8"))
        text = (HERE / f"{stem}.txt").read_text(encoding="utf-8")
    except (OSError, yaml.YAMLError) as err:
        problem(where, f"cannot be read: {err}")
        return {}
    ftext = flat(text)
    info: dict = {"stem": stem}

    for key in ("source", "articles", "entities", "relations", "uncertain"):
        if key not in g:
            problem(where, f"missing top-level key {key!r}")
    if g.get("source") != f"{stem}.txt":
        problem(where, f"source is {g.get('source')!r}, expected {stem}.txt")

    # ---------------------------------------------------------------- articles
    arts = g.get("articles") or []
    ids = [a.get("id") for a in arts]
    if len(set(ids)) != len(ids):
        problem(where, "duplicate article ids")
    spans = article_spans(ftext, arts, where)
    seg = {a["id"]: ftext[spans[a["id"]][0]:spans[a["id"]][1]] for a in arts}
    body_len = {}
    for a in arts:
        aid = a["id"]
        s = seg[aid]
        title, sw = a.get("title"), a.get("starts_with")
        for k in ("kind", "byline", "starts_with"):
            if k not in a:
                problem(where, f"{aid}: missing {k}")
        if title is not None and title not in s:
            problem(where, f"{aid}: title {title!r} is not in the article text")
        if not sw or sw not in s:
            problem(where, f"{aid}: starts_with {sw!r} is not in the article text")
            continue
        if len(sw) != 12:
            problem(where, f"{aid}: starts_with {sw!r} has {len(sw)} characters, not 12")
        body_start = s.find(sw, (s.find(title) + len(title)) if title and title in s else 0)
        if body_start < 0:
            problem(where, f"{aid}: starts_with does not follow the title")
            body_start = s.find(sw)
        if ftext.find(sw) != spans[aid][0] + body_start:
            problem(where, f"{aid}: starts_with {sw!r} occurs earlier in the file")
        blen = len(re.sub(r"\s", "", s[body_start:]))
        body_len[aid] = blen
        if not BODY_MIN <= blen <= BODY_MAX:
            problem(where, f"{aid}: body has {blen} characters (outside {BODY_MIN}-{BODY_MAX})")
        by = a.get("byline") or {}
        if not isinstance(by.get("date"), dt.date) and by.get("date") is not None:
            problem(where, f"{aid}: byline date {by.get('date')!r} is not a date")
        if by.get("place") is not None and by["place"] not in s:
            problem(where, f"{aid}: byline place {by['place']!r} is not in the article text")
        for rep in by.get("reporters") or []:
            if rep not in s[:body_start]:
                problem(where, f"{aid}: byline reporter {rep!r} is not printed before the body")
    info["body_len"] = body_len
    info["articles"] = len(arts)

    # ---------------------------------------------------------------- entities
    ents = g.get("entities") or []
    by_name: dict[str, dict] = {}
    seen_norm: dict[str, str] = {}
    alias_owner: dict[str, str] = {}
    for e in ents:
        n, t = e.get("name"), e.get("type")
        if n in by_name:
            problem(where, f"entity {n!r} listed twice")
        by_name[n] = e
        if t not in TYPES:
            problem(where, f"entity {n!r}: unknown type {t!r}")
        names = [n] + list(e.get("aliases") or [])
        if len(set(names)) != len(names):
            problem(where, f"entity {n!r}: an alias repeats the name or another alias")
        for x in names:
            if not isinstance(x, str) or not x:
                problem(where, f"entity {n!r}: empty or non-string name {x!r}")
                continue
            if x not in ftext:
                problem(where, f"entity {n!r}: {x!r} is not a substring of the text")
            k = scorer.norm(x)
            if k in seen_norm and seen_norm[k] != n:
                problem(where, f"{x!r} of {n!r} normalises like a name of {seen_norm[k]!r}")
            seen_norm[k] = n
            if x != n:
                alias_owner[x] = n
        found = sorted(aid for aid in seg if any(x in seg[aid] for x in names if isinstance(x, str)))
        listed = sorted(e.get("articles") or [])
        if found != listed:
            problem(where, f"entity {n!r}: articles {listed} but the name or an alias occurs in {found}")
    info["entities"] = ents

    # ---------------------------------------------------------------- relations
    def check_rel(r: dict, ctx: str, extra_names: set[str] = frozenset()) -> None:
        rel = r.get("rel")
        spec = REL_ARGS.get(rel)
        if spec is None:
            problem(where, f"{ctx}: unknown relation {rel!r}")
            return
        aid = r.get("article")
        if aid not in seg:
            problem(where, f"{ctx}: unknown article {aid!r}")
        allowed_keys = set(spec) | {"rel", "article"}
        for k in r:
            if k not in allowed_keys:
                problem(where, f"{ctx}: unexpected key {k!r} for {rel}")
        for arg, want in spec.items():
            if arg not in r:
                problem(where, f"{ctx}: {rel} lacks {arg!r}")
                continue
            v = r[arg]
            if want == "title":
                if not isinstance(v, str) or not v:
                    problem(where, f"{ctx}: empty title")
                elif aid in seg and v not in seg[aid]:
                    problem(where, f"{ctx}: title {v!r} is not printed in {aid}")
                continue
            if want == "year":
                if not isinstance(v, int) or not 2014 <= v <= 2025:
                    problem(where, f"{ctx}: year {v!r} is not a year 2014-2025")
                elif aid in seg and str(v) not in seg[aid]:
                    problem(where, f"{ctx}: year {v} is not printed in {aid}")
                continue
            if v is None:
                if NONE not in want:
                    problem(where, f"{ctx}: {arg} is null")
                continue
            e = by_name.get(v)
            if e is None:
                if v in extra_names:
                    continue
                hint = f" (an alias of {alias_owner[v]!r})" if v in alias_owner else ""
                problem(where, f"{ctx}: {arg} {v!r} is not an entity name of the file{hint}")
                continue
            if e.get("type") not in want:
                problem(where, f"{ctx}: {arg} {v!r} has type {e.get('type')}, expected one of "
                               f"{sorted(x for x in want if isinstance(x, str))}")
            if aid not in (e.get("articles") or []):
                problem(where, f"{ctx}: {arg} {v!r} does not list article {aid}")

    rels = g.get("relations") or []
    gold_keys = Counter(rel_key(r) for r in rels)
    for k, c in gold_keys.items():
        if c > 1:
            problem(where, f"relation listed {c} times: {dict(k)}")
    for i, r in enumerate(rels):
        check_rel(r, f"relation #{i + 1} ({r.get('rel')})")
    info["relations"] = rels

    # reporters = byline reporters
    for a in arts:
        byline_reps = set((a.get("byline") or {}).get("reporters") or [])
        rel_reps = {r["person"] for r in rels if r.get("rel") == "reporter" and r.get("article") == a["id"]}
        if byline_reps != rel_reps:
            problem(where, f"{a['id']}: reporter facts {sorted(rel_reps)} != byline reporters {sorted(byline_reps)}")

    # ---------------------------------------------------------------- uncertain
    gold_names = set(by_name)
    gold_norm = {scorer.norm(x) for e in ents for x in [e["name"]] + list(e.get("aliases") or [])}
    for i, u in enumerate(g.get("uncertain") or []):
        ctx = f"uncertain #{i + 1} ({str(u.get('item'))[:40]!r})"
        for k in ("item", "in_gold", "decision", "why"):
            if k not in u:
                problem(where, f"{ctx}: missing {k!r}")
        if not isinstance(u.get("in_gold"), bool):
            problem(where, f"{ctx}: in_gold must be true or false")
        item = str(u.get("item", ""))
        u_ents = list(u.get("entities") or [])
        if "alias" in item and not item.startswith("aliases"):
            problem(where, f"{ctx}: an item about aliases must begin with 'aliases'")
        if item.startswith("aliases"):
            for n in u_ents:
                if not (by_name.get(n) or {}).get("aliases"):
                    problem(where, f"{ctx}: {n!r} has no aliases")
            if not u_ents:
                problem(where, f"{ctx}: an aliases item must name its entities")
            if u.get("relations"):
                problem(where, f"{ctx}: an aliases item should not list relations")
        for n in u_ents:
            if n not in ftext:
                problem(where, f"{ctx}: entity {n!r} is not in the text")
        if u.get("in_gold") is True:
            for n in u_ents:
                if n not in gold_names:
                    problem(where, f"{ctx}: entity {n!r} is not a gold entity")
            for r in u.get("relations") or []:
                check_rel(r, ctx)
                if rel_key(r) not in gold_keys:
                    problem(where, f"{ctx}: relation {r} is not an exact copy of a gold relation")
        elif u.get("in_gold") is False:
            for n in u_ents:
                if n in gold_names or scorer.norm(n) in gold_norm:
                    problem(where, f"{ctx}: rejected entity {n!r} is a gold entity or alias")
            for r in u.get("relations") or []:
                check_rel(r, ctx, set(u_ents))
                if rel_key(r) in gold_keys:
                    problem(where, f"{ctx}: rejected relation {r} is in the gold relations")
        for r in u.get("also_accept") or []:
            check_rel(r, ctx + " also_accept", set(u_ents))
            if rel_key(r) in gold_keys:
                problem(where, f"{ctx}: also_accept {r} is a gold relation")

    # ---------------------------------------------------------------- the reference loader
    s_ents, s_alias, s_rels, s_opt, s_neutral = scorer.load_gold([HERE / f"{stem}.yaml"])
    info.update(s_ents=s_ents, s_alias=s_alias, s_rels=s_rels, s_opt=s_opt, s_neutral=s_neutral)
    return info


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default_scorer = HERE.parents[1].parent / "shared" / "gold" / "score.py"
    ap.add_argument("--scorer", type=Path, default=default_scorer,
                    help="the reference scorer (default: ../shared/gold/score.py from the repository root)")
    a = ap.parse_args()
    if not a.scorer.exists():
        print(f"reference scorer not found: {a.scorer}; pass --scorer")
        return 2
    scorer = load_scorer(a.scorer)

    infos = [check_file(stem, scorer) for stem in FILES]
    if not all(infos):
        for p in problems:
            print("  -", p)
        return 1

    # ---------------------------------------------------------------- across files
    key_type: dict[str, tuple[str, str]] = {}
    alias_map: dict[str, tuple[str, str]] = {}
    required_in: dict[str, str] = {}
    optional_in: dict[str, str] = {}
    for inf in infos:
        stem = inf["stem"]
        for k, rec in inf["s_ents"].items():
            if k in key_type and key_type[k][0] != rec["type"]:
                problem(stem, f"{rec['name']!r} is {rec['type']} here but {key_type[k][0]} in {key_type[k][1]}")
            key_type.setdefault(k, (rec["type"], stem))
            for n in rec["names"]:
                if n in alias_map and alias_map[n][0] != k:
                    problem(stem, f"name {n!r} denotes {k!r} here but {alias_map[n][0]!r} in {alias_map[n][1]}")
                alias_map.setdefault(n, (k, stem))
            if k not in inf["s_opt"]:
                required_in.setdefault(k, stem)
        for k in inf["s_opt"]:
            optional_in.setdefault(k, stem)
    for k, stem in required_in.items():
        if k in optional_in and optional_in[k] != stem:
            problem(stem, f"{k!r} is required here but optional or neutral in {optional_in[k]}")
    for n, (k, stem) in alias_map.items():
        if n != k and n in key_type:
            problem(stem, f"alias {n!r} of {k!r} is the name of another entity ({key_type[n][1]})")

    # ---------------------------------------------------------------- no machine paths
    bad = ["/" + "work", "/" + "tmp"]
    for p in sorted(HERE.iterdir()):
        if p.is_file() and p.suffix in {".txt", ".yaml", ".md", ".py"}:
            t = p.read_text(encoding="utf-8")
            for b in bad:
                if b in t:
                    problem(p.name, f"contains a machine path ({b}...)")

    # ---------------------------------------------------------------- counts
    print(f"{'file':5} {'art':>3} {'body':>5} {'ents':>5} {'req':>4} {'opt':>4} {'rels':>5} {'scored rels':>11}")
    tot_types_req: Counter = Counter()
    tot_types_opt: Counter = Counter()
    tot_rel: Counter = Counter()
    for inf in infos:
        opt = inf["s_opt"]
        n_ent = len(inf["entities"])
        n_opt = sum(1 for k in inf["s_ents"] if k in opt)
        scored = sum(len(v) for v in inf["s_rels"].values())
        print(f"{inf['stem']:5} {inf['articles']:3} {','.join(map(str, inf['body_len'].values())):>5} "
              f"{n_ent:5} {n_ent - n_opt:4} {n_opt:4} {len(inf['relations']):5} {scored:11}")
        for e in inf["entities"]:
            (tot_types_opt if scorer.norm(e['name']) in opt else tot_types_req)[e["type"]] += 1
        for r in inf["relations"]:
            tot_rel[r["rel"]] += 1
    print("\nentities by type (required + optional), summed over files:")
    for t in sorted(TYPES):
        if tot_types_req[t] or tot_types_opt[t]:
            print(f"  {t:15} {tot_types_req[t]:3} + {tot_types_opt[t]:2}")
    print("relations annotated, by type (summed over files; * = scored):")
    for r in REL_ARGS:
        if tot_rel[r]:
            print(f"  {r:15}{'*' if r in SCORED else ' '} {tot_rel[r]:3}")
    print("scored gold tuples after optional/neutral removal (load_gold, per file, summed):")
    per_group: Counter = Counter()
    for inf in infos:
        for grp, v in inf["s_rels"].items():
            per_group[grp] += len(v)
    for grp in ("positions", "awards", "reports", "reports_at", "locations", "quotes", "reporters"):
        print(f"  {grp:12} {per_group[grp]:3}")
    all_ents, _, all_rels, all_opt, _ = scorer.load_gold([HERE / f"{s}.yaml" for s in FILES])
    print(f"all four together: {len(all_ents)} distinct gold entities ({len(all_ents) - len(all_opt & set(all_ents))}"
          f" required), {sum(len(v) for v in all_rels.values())} scored relation tuples")

    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  -", p)
        return 1
    print("\nno problems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
