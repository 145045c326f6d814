#!/usr/bin/env python3
"""Self-check of the heldout14 gold files (w1.yaml ... w5.yaml). It never runs `kg`.

For each gold file it checks, against the text named by `source` (line breaks removed):
  - every entity name and alias is a substring of the text; names and aliases are unique
    after the scorer's normalisation; types are those of the schema;
  - `articles` of every entity equals the articles whose text contains the name or an alias
    (the text is cut into articles at their titles, in order; an article without a title
    starts at its `starts_with`);
  - `starts_with` has 12 characters, lies in its article, and only the title and byline
    come before it (no full stop in between);
  - relations: known relation, known roles, arguments are canonical entity names of the
    right type that occur in the stated article, no duplicates;
  - bylines against reporter relations (gold plus optional ones), reporters named in their
    article;
  - `uncertain`: in_gold true items copy gold entities and relations exactly; in_gold false
    items and also_accept answers are not gold; no required scored relation is made neutral
    by an optional one with the same scored key;
then loads each file with `load_gold` of the reference scorer (../shared/gold/score.py from
the repository root, or --score PATH) and prints counts. Exit 0 iff no problem was found.

Usage (from the repository root):  python benchmarks/heldout14/check_gold.py [--score PATH] [GOLD.yaml ...]
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_SCORE = REPO.parent / "shared" / "gold" / "score.py"

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
ROLES = {  # role -> allowed entity types (None: a literal)
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
OPTIONAL_ROLES = {("receivedAward", "category")}
SCORED = {"holdsPosition": "positions", "receivedAward": "awards", "publishedBy": "reports",
          "releasedAt": "reports_at", "locatedIn": "locations", "basedIn": "locations",
          "heldIn": "locations", "quoted": "quotes", "reporter": "reporters"}


def load_scorer(path: Path):
    sys.dont_write_bytecode = True  # leave the scorer's folder as it is
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # defines functions only; main() is not called
    return mod


def flat(text: str) -> str:
    return text.replace("\r", "").replace("\n", "")


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


class Checker:
    def __init__(self, path: Path, scorer):
        self.path = path
        self.sc = scorer
        self.problems: list[str] = []
        self.g = yaml.safe_load(path.read_text(encoding="utf-8"))

    def bad(self, msg: str) -> None:
        self.problems.append(f"{self.path.name}: {msg}")

    # ---------------------------------------------------------------- articles
    def segments(self) -> None:
        src = self.g.get("source")
        if src != self.path.with_suffix(".txt").name:
            self.bad(f"source is {src!r}, expected {self.path.with_suffix('.txt').name!r}")
        self.text = flat((self.path.parent / src).read_text(encoding="utf-8"))
        arts = self.g.get("articles") or []
        ids = [a["id"] for a in arts]
        if len(set(ids)) != len(ids):
            self.bad(f"duplicate article ids {ids}")
        starts, cursor = [], 0
        for a in arts:
            anchor = a.get("title") or a.get("starts_with")
            pos = self.text.find(anchor, cursor) if anchor else -1
            if pos < 0:
                self.bad(f"{a['id']}: title/starts_with {anchor!r} not found after position {cursor}")
                pos = cursor
            starts.append(pos)
            cursor = pos + 1
        self.seg = {}
        for i, a in enumerate(arts):
            end = starts[i + 1] if i + 1 < len(arts) else len(self.text)
            self.seg[a["id"]] = self.text[starts[i]:end]
        self.order = ids
        for a in arts:
            s = self.seg[a["id"]]
            sw = a.get("starts_with") or ""
            if len(sw) != 12:
                self.bad(f"{a['id']}: starts_with {sw!r} has {len(sw)} characters, not 12")
            head = len(a["title"]) if a.get("title") else 0
            p = s.find(sw, head if a.get("title") else 0)
            if p < 0:
                self.bad(f"{a['id']}: starts_with {sw!r} not in the article")
            elif "。" in s[head:p]:
                self.bad(f"{a['id']}: a sentence precedes starts_with {sw!r}: {s[head:p]!r}")
            by = a.get("byline") or {}
            for k in ("place", "date", "reporters"):
                if k not in by:
                    self.bad(f"{a['id']}: byline lacks {k}")
            for rep in by.get("reporters") or []:
                if rep not in s:
                    self.bad(f"{a['id']}: byline reporter {rep} not in the article")
            if by.get("place") and by["place"] not in s:
                self.bad(f"{a['id']}: byline place {by['place']} not in the article")
            if a.get("kind") not in {"news", "editorial", "caption", "continuation"}:  # the kinds of seed.yaml
                self.bad(f"{a['id']}: unknown kind {a.get('kind')!r}")

    # ---------------------------------------------------------------- entities
    def entities(self) -> None:
        self.ents = {}
        seen = {}
        for e in self.g.get("entities") or []:
            n = e.get("name")
            if n in self.ents:
                self.bad(f"entity {n} listed twice")
            self.ents[n] = e
            if e.get("type") not in TYPES:
                self.bad(f"{n}: unknown type {e.get('type')}")
            forms = [n] + list(e.get("aliases") or [])
            for f in forms:
                if not isinstance(f, str) or f not in self.text:
                    self.bad(f"{n}: {f!r} is not a substring of the text")
                k = self.sc.norm(f)
                if k in seen and seen[k] != n:
                    self.bad(f"{f!r} of {n} normalises like a form of {seen[k]}")
                seen[k] = n
            want = [i for i in self.order if any(f in self.seg[i] for f in forms)]
            got = list(e.get("articles") or [])
            if not want:
                self.bad(f"{n}: occurs in no article")
            if got != want:
                self.bad(f"{n}: articles {got}, text gives {want}")

    # ---------------------------------------------------------------- relations
    def check_rel(self, r: dict, where: str, strict: bool = True) -> None:
        rel = r.get("rel")
        if rel not in ROLES:
            self.bad(f"{where}: unknown relation {rel!r}")
            return
        art = r.get("article")
        if art not in self.seg:
            self.bad(f"{where}: {rel} has unknown article {art!r}")
            return
        roles = ROLES[rel]
        extra = set(r) - set(roles) - {"rel", "article"}
        if extra:
            self.bad(f"{where}: {rel} has unknown roles {sorted(extra)}")
        for role, types in roles.items():
            v = r.get(role)
            if v is None:
                if (rel, role) not in OPTIONAL_ROLES:
                    self.bad(f"{where}: {rel} lacks {role}")
                continue
            if types is None:
                if role == "year" and str(v) not in self.seg[art]:
                    self.bad(f"{where}: year {v} not in article {art}")
                if role == "title" and str(v) not in self.seg[art]:
                    self.bad(f"{where}: title {v!r} not in article {art}")
                continue
            if v not in self.ents:
                if strict:
                    self.bad(f"{where}: {rel}.{role} {v!r} is not a canonical entity name")
                elif v not in self.text:
                    self.bad(f"{where}: {rel}.{role} {v!r} is not in the text")
                continue
            e = self.ents[v]
            if strict and e["type"] not in types:
                self.bad(f"{where}: {rel}.{role} {v} has type {e['type']}, expected {sorted(types)}")
            if art not in (e.get("articles") or []):
                self.bad(f"{where}: {rel}.{role} {v} does not occur in article {art}")

    def relations(self) -> None:
        self.rels = self.g.get("relations") or []
        keys = Counter(rel_key(r) for r in self.rels)
        for k, c in keys.items():
            if c > 1:
                self.bad(f"relation listed {c} times: {dict(k)}")
        for r in self.rels:
            self.check_rel(r, "relations")
        self.gold_keys = set(keys)

    # ---------------------------------------------------------------- uncertain and bylines
    def uncertain(self) -> None:
        self.optional_rels = []
        self.optional_ents = set()
        for u in self.g.get("uncertain") or []:
            item = u.get("item", "?")
            where = f"uncertain {item!r}"
            for k in ("item", "in_gold", "decision", "why"):
                if k not in u:
                    self.bad(f"{where}: lacks {k}")
            ig = u.get("in_gold")
            if ig not in (True, False):
                self.bad(f"{where}: in_gold must be true or false")
            for n in u.get("entities") or []:
                if ig and n not in self.ents:
                    self.bad(f"{where}: entity {n!r} is not a gold entity")
                if ig is False and n in self.ents:
                    self.bad(f"{where}: rejected entity {n!r} is a gold entity")
                if n not in self.text:
                    self.bad(f"{where}: entity {n!r} is not in the text")
                if ig and not str(item).startswith(("aliases", "segment")):
                    self.optional_ents.add(n)
            for r in u.get("relations") or []:
                inside = rel_key(r) in self.gold_keys
                if ig and not inside:
                    self.bad(f"{where}: relation is not an exact copy of a gold relation: {r}")
                if ig is False and inside:
                    self.bad(f"{where}: rejected relation is in the gold: {r}")
                self.check_rel(r, where, strict=bool(ig))
                if ig:
                    self.optional_rels.append(r)
            for r in u.get("also_accept") or []:
                if rel_key(r) in self.gold_keys:
                    self.bad(f"{where}: also_accept answer is in the gold: {r}")
                self.check_rel(r, where + " also_accept", strict=False)

    def bylines(self) -> None:
        by_rel = defaultdict(set)
        for r in self.rels:
            if r.get("rel") == "reporter":
                by_rel[r["article"]].add(r["person"])
        for a in self.g.get("articles") or []:
            want = set((a.get("byline") or {}).get("reporters") or [])
            if by_rel[a["id"]] != want:
                self.bad(f"{a['id']}: byline reporters {sorted(want)} but reporter relations "
                         f"{sorted(by_rel[a['id']])}")

    # ---------------------------------------------------------------- scorer view
    def scorer_view(self):
        ents, alias_to_key, rels, optional_ents, neutral = self.sc.load_gold([self.path])
        # every required scored relation must survive as a gold fact
        opt = {rel_key(r) for r in self.optional_rels}
        for r in self.rels:
            if r["rel"] not in SCORED or rel_key(r) in opt:
                continue
            tmp = defaultdict(set)
            self.sc._add_rel(tmp, r, lambda n: alias_to_key.get(self.sc.norm(n), self.sc.norm(n)) if n else None)
            for name, facts in tmp.items():
                if not facts <= rels.get(name, set()):
                    self.bad(f"required relation made neutral by an optional or accepted one: {r}")
        for n in self.optional_ents:
            if self.sc.norm(n) not in optional_ents:
                self.bad(f"optional entity {n} not optional for the scorer")
        return ents, rels, optional_ents

    def run(self):
        self.segments()
        self.entities()
        self.relations()
        self.uncertain()
        self.bylines()
        return self.scorer_view()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="*", type=Path)
    ap.add_argument("--score", type=Path, default=DEFAULT_SCORE,
                    help="the reference scorer score.py (default: ../shared/gold/score.py from the repository root)")
    a = ap.parse_args()
    if not a.score.exists():
        print(f"scorer not found: {a.score}")
        return 2
    sc = load_scorer(a.score)
    files = a.gold or sorted(HERE.glob("w*.yaml"))
    problems = []
    tot_types = Counter()
    tot_opt_types = Counter()
    tot_rel = Counter()
    tot_scored = Counter()
    print(f"{'file':8} {'arts':>4} {'ents':>5} {'req':>4} {'opt':>4} {'rels':>5} {'scored':>6}")
    for p in files:
        c = Checker(p, sc)
        try:
            ents, rels, optional = c.run()
        except Exception as err:  # a broken file is a problem, not a crash
            problems.append(f"{p.name}: cannot be checked: {err!r}")
            continue
        problems += c.problems
        n_opt = sum(1 for k in ents if k in optional)
        scored = sum(len(v) for v in rels.values())
        print(f"{p.name:8} {len(c.order):4} {len(ents):5} {len(ents) - n_opt:4} {n_opt:4} "
              f"{len(c.rels):5} {scored:6}")
        for k, rec in ents.items():
            (tot_opt_types if k in optional else tot_types)[rec["type"]] += 1
        for r in c.rels:
            tot_rel[r["rel"]] += 1
        for name, v in rels.items():
            tot_scored[name] += len(v)
    print("\nentities by type (required + optional):")
    for t in sorted(set(tot_types) | set(tot_opt_types)):
        print(f"  {t:16} {tot_types[t]:4} + {tot_opt_types[t]:3}")
    print(f"  {'total':16} {sum(tot_types.values()):4} + {sum(tot_opt_types.values()):3}")
    print("relations annotated, by type:")
    for t in sorted(tot_rel):
        print(f"  {t:16} {tot_rel[t]:4}")
    print(f"  {'total':16} {sum(tot_rel.values()):4}")
    print("scored gold facts (as the scorer counts them; titles split into atomic titles):")
    for t in sorted(tot_scored):
        print(f"  {t:16} {tot_scored[t]:4}")
    print(f"  {'total':16} {sum(tot_scored.values()):4}")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for m in problems:
            print("  " + m)
        return 1
    print("\nno problems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
