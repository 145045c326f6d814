#!/usr/bin/env python3
"""Self-check of the heldout13 gold files (v1.yaml ... v5.yaml). It never runs `kg`.

Checks, for every gold file:
  - every entity name and alias is an exact substring of its text with line breaks removed;
  - the text cut into articles at their titles (in order) gives, for every entity, exactly the
    `articles` listed (an article counts when its segment contains the name or an alias,
    nested occurrences included);
  - `starts_with` is the first 12 characters of the body after the title and the byline;
  - relation arguments name gold entities (canonical names) of the right types, and the
    entities are mentioned in the relation's article; printed titles occur in the article;
  - the byline reporters of every article and its `reporter` relations are the same people;
  - `uncertain`: items marked in_gold: true copy gold entities and relations exactly;
    items marked in_gold: false and `also_accept` answers are not gold relations;
  - the file loads with `load_gold` of the reference scorer (imported, never run against kg);
  - an entity keeps one type across the files.
Prints counts and exits 0 iff no problem was found.

Usage (from the repository root):
    python benchmarks/heldout13/check_gold.py [--score PATH] [GOLD.yaml ...]
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DEFAULT_SCORE = ROOT / ".." / "shared" / "gold" / "score.py"

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
KINDS = {"news", "editorial", "caption", "continuation", "brief", "interview"}
# relation -> {argument: allowed entity types}; None = a printed string, not an entity
REL_ARGS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": None},
    "receivedAward": {"recipient": ORG | {"Person"}, "award": {"Award"}, "category": {"AwardCategory"},
                      "year": None},
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
OPTIONAL_ARGS = {("receivedAward", "category")}
BYLINE_ENDS = (")", "）", "报道", "報導", "電", "电", "讯", "訊")  # how a byline before the body ends
SCORED = {"holdsPosition", "receivedAward", "publishedBy", "releasedAt", "locatedIn", "basedIn",
          "heldIn", "quoted", "reporter"}


def load_scorer(path: Path):
    sys.dont_write_bytecode = True  # leave no cache beside the shared scorer
    spec = importlib.util.spec_from_file_location("gold_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import the scorer from {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def flat(text: str) -> str:
    return text.replace("\r", "").replace("\n", "")


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, "" if v is None else str(v)) for k, v in r.items()))


class Checker:
    def __init__(self, scorer):
        self.scorer = scorer
        self.problems: list[str] = []
        self.types_seen: dict[str, set] = defaultdict(set)  # norm(name) -> {(type, file)}
        self.canon_seen: dict[str, set] = defaultdict(set)  # norm(form) -> {(norm(name), file)}
        self.rows: list[dict] = []
        self.ent_types: Counter = Counter()
        self.ent_types_opt: Counter = Counter()
        self.rel_types: Counter = Counter()
        self.rel_types_scored: Counter = Counter()

    def bad(self, where: str, msg: str) -> None:
        self.problems.append(f"{where}: {msg}")

    # ------------------------------------------------------------------ one file
    def check(self, gpath: Path) -> None:
        w = gpath.name
        try:
            g = yaml.safe_load(gpath.read_text(encoding="utf-8"))
        except Exception as err:  # noqa: BLE001
            self.bad(w, f"not valid YAML: {err}")
            return
        extra = set(g) - {"source", "articles", "entities", "relations", "uncertain"}
        if extra:
            self.bad(w, f"unknown top-level keys {sorted(extra)}")
        src = gpath.parent / str(g.get("source", ""))
        if not g.get("source") or not src.is_file():
            self.bad(w, f"source {g.get('source')!r} not found beside the gold file")
            return
        text = flat(src.read_text(encoding="utf-8"))
        norm = self.scorer.norm

        # ---------------------------------------------------------- articles
        arts = g.get("articles") or []
        ids = [a.get("id") for a in arts]
        if len(set(ids)) != len(ids) or not ids:
            self.bad(w, f"article ids missing or repeated: {ids}")
        starts, pos = [], 0
        for a in arts:
            aid = a.get("id")
            if a.get("kind") not in KINDS:
                self.bad(w, f"{aid}: kind {a.get('kind')!r} not in {sorted(KINDS)}")
            anchor = a.get("title") or a.get("starts_with")
            if not anchor:
                self.bad(w, f"{aid}: neither title nor starts_with")
                starts.append(pos)
                continue
            i = text.find(anchor, pos)
            if i < 0:
                self.bad(w, f"{aid}: title/anchor {anchor!r} not found after position {pos}")
                starts.append(pos)
                continue
            starts.append(i)
            pos = i + 1
        segs = {}
        for k, a in enumerate(arts):
            end = starts[k + 1] if k + 1 < len(arts) else len(text)
            segs[a.get("id")] = text[starts[k]:end]
        if starts and starts[0] != 0:
            self.bad(w, f"text before the first article is not covered: {text[:starts[0]]!r}")

        for k, a in enumerate(arts):
            aid, seg = a.get("id"), segs.get(a.get("id"), "")
            title = a.get("title")
            body = seg[len(title):] if title and seg.startswith(title) else seg
            sw = a.get("starts_with")
            by = a.get("byline") or {}
            reps = by.get("reporters") or []
            if set(by) - {"place", "date", "reporters"}:
                self.bad(w, f"{aid}: unknown byline keys {sorted(set(by) - {'place', 'date', 'reporters'})}")
            if not sw or len(sw) != 12:
                self.bad(w, f"{aid}: starts_with {sw!r} is not 12 characters")
            j = body.find(sw) if sw else -1
            if j < 0:
                self.bad(w, f"{aid}: starts_with {sw!r} not in its article")
            else:
                prefix = body[:j]
                if len(prefix) > 45:
                    self.bad(w, f"{aid}: {len(prefix)} characters between title and starts_with: {prefix!r}")
                for r in reps:
                    if r not in prefix and r not in seg:
                        self.bad(w, f"{aid}: byline reporter {r} not in the article")
                if prefix and not reps and not a.get("author_note"):
                    self.bad(w, f"{aid}: text {prefix!r} before starts_with but no byline reporters")
                if prefix.strip() and not prefix.strip().endswith(BYLINE_ENDS):
                    self.bad(w, f"{aid}: starts_with does not follow the byline: {prefix!r}")
            if by.get("place") and by["place"] not in seg:
                self.bad(w, f"{aid}: byline place {by['place']} not in the article")
            d = by.get("date")
            if d is not None and not isinstance(d, dt.date):
                try:
                    dt.date.fromisoformat(str(d))
                except ValueError:
                    self.bad(w, f"{aid}: byline date {d!r} is not an ISO date")

        # ---------------------------------------------------------- entities
        ents = g.get("entities") or []
        by_name: dict[str, dict] = {}
        seen_norm: dict[str, str] = {}
        for e in ents:
            n, t = e.get("name"), e.get("type")
            if not n:
                self.bad(w, f"entity without a name: {e}")
                continue
            if n in by_name:
                self.bad(w, f"entity {n} listed twice")
            by_name[n] = e
            if t not in TYPES:
                self.bad(w, f"{n}: type {t!r} unknown")
            if set(e) - {"name", "type", "aliases", "articles"}:
                self.bad(w, f"{n}: unknown keys {sorted(set(e) - {'name', 'type', 'aliases', 'articles'})}")
            forms = [n] + list(e.get("aliases") or [])
            for f in forms:
                if not isinstance(f, str) or f not in text:
                    self.bad(w, f"{n}: {f!r} is not a substring of {src.name}")
                nf = norm(f)
                if nf in seen_norm and seen_norm[nf] != n:
                    self.bad(w, f"{n}: form {f!r} normalises like a form of {seen_norm[nf]}")
                seen_norm.setdefault(nf, n)
            if len(set(forms)) != len(forms):
                self.bad(w, f"{n}: repeated alias")
            want = [aid for aid in ids if any(f in segs.get(aid, "") for f in forms if isinstance(f, str))]
            got = list(e.get("articles") or [])
            if got != want:
                self.bad(w, f"{n}: articles {got} but the text gives {want}")
            self.types_seen[norm(n)].add((t, w))
            for f in forms:
                if isinstance(f, str):
                    self.canon_seen[norm(f)].add((norm(n), w))

        # ---------------------------------------------------------- relations
        rels = g.get("relations") or []
        gold_keys = Counter(rel_key(r) for r in rels)
        for kk, c in gold_keys.items():
            if c > 1:
                self.bad(w, f"relation listed {c} times: {dict(kk)}")

        def check_rel(r: dict, where: str, strict: bool) -> None:
            rel = r.get("rel")
            spec = REL_ARGS.get(rel)
            if spec is None:
                self.bad(w, f"{where}: unknown relation {rel!r}")
                return
            aid = r.get("article")
            if aid not in segs:
                self.bad(w, f"{where}: {rel} names unknown article {aid!r}")
                return
            keys = set(r) - {"rel", "article"}
            if keys != set(spec):
                self.bad(w, f"{where}: {rel} has arguments {sorted(keys)}, expected {sorted(spec)}")
            for arg, allowed in spec.items():
                v = r.get(arg)
                if allowed is None:
                    if rel == "holdsPosition" and arg == "title":
                        if not v or str(v) not in segs[aid]:
                            self.bad(w, f"{where}: title {v!r} not printed in {aid}")
                    if rel == "receivedAward" and arg == "year" and v is not None and not isinstance(v, int):
                        self.bad(w, f"{where}: year {v!r} is not an integer")
                    continue
                if v is None:
                    if (rel, arg) not in OPTIONAL_ARGS:
                        self.bad(w, f"{where}: {rel} without {arg}")
                    continue
                e = by_name.get(v)
                if e is None:
                    if strict:
                        self.bad(w, f"{where}: {rel}.{arg} {v!r} is not a gold entity name")
                    elif str(v) not in text:
                        self.bad(w, f"{where}: {rel}.{arg} {v!r} is neither a gold entity nor in the text")
                    continue
                if strict and e.get("type") not in allowed:
                    self.bad(w, f"{where}: {rel}.{arg} {v} has type {e.get('type')}, expected {sorted(allowed)}")
                if strict and aid not in (e.get("articles") or []):
                    self.bad(w, f"{where}: {rel}.{arg} {v} is not mentioned in {aid}")

        for r in rels:
            check_rel(r, "relation", strict=True)

        # bylines vs reporter relations
        rep_rel = defaultdict(set)
        for r in rels:
            if r.get("rel") == "reporter":
                rep_rel[r.get("article")].add(r.get("person"))
        for a in arts:
            reps = set((a.get("byline") or {}).get("reporters") or [])
            if reps != rep_rel.get(a.get("id"), set()):
                self.bad(w, f"{a.get('id')}: byline reporters {sorted(reps)} vs reporter relations "
                            f"{sorted(rep_rel.get(a.get('id'), set()))}")
            for p in reps:
                if p not in by_name or by_name[p].get("type") != "Person":
                    self.bad(w, f"{a.get('id')}: byline reporter {p} is not a Person entity")

        # ---------------------------------------------------------- uncertain
        optional_names: set[str] = set()
        neutral: set[tuple] = set()
        for u in g.get("uncertain") or []:
            item = u.get("item")
            where = f"uncertain {item!r}"
            if not item or "in_gold" not in u or not isinstance(u.get("in_gold"), bool):
                self.bad(w, f"{where}: needs item and a boolean in_gold")
                continue
            if not u.get("decision") or not u.get("why"):
                self.bad(w, f"{where}: needs decision and why")
            extra = set(u) - {"item", "in_gold", "decision", "why", "entities", "relations", "also_accept"}
            if extra:
                self.bad(w, f"{where}: unknown keys {sorted(extra)}")
            for n in u.get("entities") or []:
                if u["in_gold"] and n not in by_name:
                    self.bad(w, f"{where}: entity {n!r} is not a gold entity")
                if not u["in_gold"] and n in by_name:
                    self.bad(w, f"{where}: rejected entity {n!r} is a gold entity")
                if not u["in_gold"] and n not in text:
                    self.bad(w, f"{where}: rejected entity {n!r} not in the text")
                if u["in_gold"] and not str(item).startswith(("aliases", "segment")):
                    optional_names.add(n)
            for r in u.get("relations") or []:
                k = rel_key(r)
                neutral.add(k)
                if u["in_gold"] and k not in gold_keys:
                    self.bad(w, f"{where}: relation is not an exact copy of a gold relation: {r}")
                if not u["in_gold"]:
                    if k in gold_keys:
                        self.bad(w, f"{where}: rejected relation is in the gold: {r}")
                    check_rel(r, where, strict=False)
            for r in u.get("also_accept") or []:
                neutral.add(rel_key(r))
                if rel_key(r) in gold_keys:
                    self.bad(w, f"{where}: also_accept answer is a gold relation: {r}")
                check_rel(r, where, strict=False)

        # ---------------------------------------------------------- reference loader
        try:
            g_ents, alias_to_key, g_rels, optional, neutral_rels = self.scorer.load_gold([gpath])
        except Exception as err:  # noqa: BLE001
            self.bad(w, f"load_gold failed: {err!r}")
            return
        if len(g_ents) != len(ents):
            self.bad(w, f"load_gold merged entities: {len(ents)} listed, {len(g_ents)} loaded")
        for fam, tuples in g_rels.items():
            for tup in tuples:
                ends = tup[:2] if fam in ("positions", "reports", "reports_at", "locations") else tup[:3]
                if fam == "quotes" or fam == "reporters":
                    ends = tup
                for x in ends:
                    if x is not None and x not in g_ents:
                        self.bad(w, f"load_gold: {fam} {tup} refers to {x!r}, not a gold entity")

        # ---------------------------------------------------------- counts
        n_opt = sum(1 for e in ents if norm(e["name"]) in optional)
        scored = [r for r in rels if r.get("rel") in SCORED and rel_key(r) not in neutral]
        for e in ents:
            (self.ent_types_opt if norm(e["name"]) in optional else self.ent_types)[e["type"]] += 1
        for r in rels:
            self.rel_types[r["rel"]] += 1
        for r in scored:
            self.rel_types_scored[r["rel"]] += 1
        self.rows.append({"file": w, "articles": len(arts), "entities": len(ents),
                          "required": len(ents) - n_opt, "optional": n_opt, "relations": len(rels),
                          "scored": len(scored),
                          "tuples": sum(len(v) for v in g_rels.values())})

    def cross_file(self) -> None:
        for k, seen in self.types_seen.items():
            types = {t for t, _ in seen}
            if len(types) > 1:
                self.bad("all files", f"{k} has types {sorted(seen)}")
        # a form must name the same entity in every file, so that the files can also be loaded together
        for f, seen in self.canon_seen.items():
            names = {n for n, _ in seen}
            if len(names) > 1:
                self.bad("all files", f"{f!r} is a form of different entities: {sorted(seen)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="*", type=Path, help="gold files (default: v*.yaml beside this script)")
    ap.add_argument("--score", type=Path, default=DEFAULT_SCORE,
                    help="reference scorer whose load_gold is imported (default: ../shared/gold/score.py "
                         "relative to the repository root)")
    a = ap.parse_args()
    if not a.score.is_file():
        print(f"scorer not found: {a.score} (pass --score PATH)")
        return 2
    scorer = load_scorer(a.score)
    files = a.gold or sorted(HERE.glob("v*.yaml"))
    if not files:
        print("no gold files")
        return 2
    c = Checker(scorer)
    for f in files:
        c.check(f)
    c.cross_file()
    if len(files) > 1:  # the files must also load together (one entity per name across the set)
        try:
            ents_all = scorer.load_gold(list(files))[0]
            print(f"load_gold on all {len(files)} files: {len(ents_all)} distinct entities")
        except Exception as err:  # noqa: BLE001
            c.bad("all files", f"load_gold failed: {err!r}")

    print(f"{'file':9} {'art':>4} {'ent':>4} {'req':>4} {'opt':>4} {'rel':>4} {'scored':>6} {'tuples':>6}")
    tot = Counter()
    for r in c.rows:
        print(f"{r['file']:9} {r['articles']:4} {r['entities']:4} {r['required']:4} {r['optional']:4} "
              f"{r['relations']:4} {r['scored']:6} {r['tuples']:6}")
        tot.update({k: v for k, v in r.items() if k != "file"})
    print(f"{'total':9} {tot['articles']:4} {tot['entities']:4} {tot['required']:4} {tot['optional']:4} "
          f"{tot['relations']:4} {tot['scored']:6} {tot['tuples']:6}")
    print("entities by type (required + optional):",
          ", ".join(f"{t} {c.ent_types[t]}+{c.ent_types_opt[t]}"
                    for t in sorted(set(c.ent_types) | set(c.ent_types_opt))))
    print("relations by type (annotated / scored):",
          ", ".join(f"{t} {c.rel_types[t]}/{c.rel_types_scored[t]}" for t in sorted(c.rel_types)))
    if c.problems:
        print(f"\n{len(c.problems)} problem(s):")
        for p in c.problems:
            print("  -", p)
        return 1
    print("\nno problems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
