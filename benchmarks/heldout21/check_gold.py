#!/usr/bin/env python3
"""Self-check of the heldout21 gold files (e*.yaml beside this script).

Checks, for each gold file and its text (`source:`):
  - schema: top-level keys, one or more articles with id/title/kind/byline/starts_with,
    entity types, relation kinds and their argument keys;
  - every entity name and alias is an exact substring of the text (line breaks removed as a
    fallback, as in seed.yaml); no two entities share a normalised name or alias;
  - each entity's `articles` is exactly the set of articles whose text contains the name or an
    alias (nested occurrences included);
  - `starts_with` is 12 characters, occurs in its article after the headline and the byline;
  - relation arguments are canonical entity names of the expected types, articles exist, no
    duplicates;
  - byline reporters are Person entities and match the `reporter` relations one to one, and
    each byline reporter's name occurs in the text;
  - `uncertain`: required keys; in_gold: true items list only gold entities and exact copies of
    gold relations; in_gold: false items list no entities and no gold relations; also_accept
    answers are not gold relations; items about aliases are labelled "aliases ..." and name
    entities that have aliases;
  - across files (and against seed.yaml beside the scorer, when present): a normalised name
    has one type and one canonical entity.
Then each file is loaded with load_gold() of the reference scorer and counts are printed.
Exit status 0 iff no problem was found.

Usage: python benchmarks/heldout21/check_gold.py [--score PATH] [GOLD.yaml ...]
(--score defaults to ../shared/gold/score.py relative to the repository root.)
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
REPO = HERE.parents[1]

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory",
         "Report", "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
# relation -> {argument: allowed types (None: free text / scalar)}
REL_ARGS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": None},
    "receivedAward": {"recipient": {"Person"} | ORG, "award": {"Award"},
                      "category": {"AwardCategory"}, "year": None},
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
NULLABLE = {("receivedAward", "category"), ("receivedAward", "year")}
SCORED_FAMILIES = ("positions", "awards", "reports", "reports_at", "locations", "quotes", "reporters")


def load_scorer(path: Path):
    sys.dont_write_bytecode = True  # leave no __pycache__ beside the shared scorer
    spec = importlib.util.spec_from_file_location("kg_reference_score", path)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


class Checker:
    def __init__(self, score_mod):
        self.sc = score_mod
        self.problems: list[str] = []
        # normalised name -> (file, canonical name, type), across files
        self.global_names: dict[str, tuple[str, str, str]] = {}

    def bad(self, where: str, msg: str) -> None:
        self.problems.append(f"{where}: {msg}")

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def segments(text: str, arts: list[dict]) -> dict[str, str]:
        """Article id -> its text: from its headline (or first words) to the next article's."""
        starts = []
        pos = 0
        for a in arts:
            anchor = a.get("title") or a.get("starts_with") or ""
            i = text.find(anchor, pos) if anchor else pos
            if i < 0:
                i = pos
            starts.append(i)
            pos = i + max(len(anchor), 1)
        out = {}
        for k, a in enumerate(arts):
            end = starts[k + 1] if k + 1 < len(arts) else len(text)
            out[a["id"]] = text[starts[k]:end]
        if len(arts) == 1:
            out[arts[0]["id"]] = text
        return out

    @staticmethod
    def flat(s: str) -> str:
        return re.sub(r"\n+", "", s)

    def contains(self, hay: str, needle: str) -> bool:
        return needle in hay or needle in self.flat(hay)

    # ------------------------------------------------------------------ one file
    def check_file(self, gp: Path) -> dict | None:
        where = gp.name
        try:
            g = yaml.safe_load(gp.read_text(encoding="utf-8"))
        except Exception as err:  # noqa: BLE001
            self.bad(where, f"YAML does not parse: {err}")
            return None
        for key in ("source", "articles", "entities", "relations", "uncertain"):
            if key not in g:
                self.bad(where, f"missing top-level key `{key}`")
        tp = gp.parent / str(g.get("source", ""))
        if not tp.is_file():
            self.bad(where, f"source text {tp.name} not found")
            return None
        text = tp.read_text(encoding="utf-8")

        # articles
        arts = g.get("articles") or []
        ids = [a.get("id") for a in arts]
        if not arts:
            self.bad(where, "no articles")
        if len(set(ids)) != len(ids):
            self.bad(where, f"duplicate article ids {ids}")
        for a in arts:
            aw = f"{where} article {a.get('id')}"
            for k in ("id", "title", "kind", "byline", "starts_with"):
                if k not in a:
                    self.bad(aw, f"missing `{k}`")
            if a.get("title") and not self.contains(text, a["title"]):
                self.bad(aw, f"title not in text: {a['title']}")
            by = a.get("byline") or {}
            if set(by) != {"place", "date", "reporters"}:
                self.bad(aw, f"byline keys {sorted(by)} != [date, place, reporters]")
            if by.get("date") is not None and not isinstance(by.get("date"), dt.date):
                self.bad(aw, f"byline date is not a date: {by.get('date')!r}")
            if by.get("place") is not None and by["place"] not in text:
                self.bad(aw, f"byline place {by['place']} not in text")
            sw = a.get("starts_with")
            if not isinstance(sw, str) or len(sw) != 12:
                self.bad(aw, f"starts_with must be 12 characters: {sw!r}")
            elif sw not in text:
                self.bad(aw, f"starts_with not in text: {sw!r}")
            else:
                i = text.find(sw)
                t_end = text.find(a["title"]) + len(a["title"]) if a.get("title") and a["title"] in text else 0
                if i < t_end:
                    self.bad(aw, "starts_with occurs before the end of the headline")
                # the byline (reporters, place marker) must not lie inside the first 12 characters
                for rname in by.get("reporters") or []:
                    if rname in sw:
                        self.bad(aw, f"starts_with includes the byline reporter {rname}")
        segs = self.segments(text, arts) if arts else {}

        # entities
        ents = g.get("entities") or []
        by_name: dict[str, dict] = {}
        seen_norm: dict[str, str] = {}
        for e in ents:
            name = e.get("name")
            ew = f"{where} entity {name}"
            if not name:
                self.bad(where, f"entity without a name: {e}")
                continue
            if e.get("type") not in TYPES:
                self.bad(ew, f"unknown type {e.get('type')}")
            if name in by_name:
                self.bad(ew, "duplicate entity")
            by_name[name] = e
            names = [name] + list(e.get("aliases") or [])
            for n in names:
                if not isinstance(n, str):
                    self.bad(ew, f"name/alias is not a string: {n!r}")
                    continue
                if not self.contains(text, n):
                    self.bad(ew, f"not a substring of {tp.name}: {n!r}")
                k = self.sc.norm(n)
                if k in seen_norm and seen_norm[k] != name:
                    self.bad(ew, f"normalised name {k!r} also belongs to {seen_norm[k]}")
                seen_norm.setdefault(k, name)
            if len(set(names)) != len(names):
                self.bad(ew, "an alias repeats the name or another alias")
            listed = e.get("articles")
            if not listed or not isinstance(listed, list):
                self.bad(ew, "missing or empty `articles` list")
                continue
            for aid in listed:
                if aid not in ids:
                    self.bad(ew, f"unknown article {aid}")
            actual = sorted(aid for aid, s in segs.items() if any(self.contains(s, n) for n in names))
            if sorted(listed) != actual:
                self.bad(ew, f"articles {sorted(listed)} but the names occur in {actual}")

        # relations
        rels = g.get("relations") or []
        gold_keys = Counter(rel_key(r) for r in rels)
        for k, c in gold_keys.items():
            if c > 1:
                self.bad(where, f"duplicate relation {dict(k)}")
        for r in rels:
            self.check_relation(where, r, by_name, ids)

        # bylines vs reporter relations
        for a in arts:
            aw = f"{where} article {a.get('id')}"
            by_rep = list((a.get("byline") or {}).get("reporters") or [])
            rel_rep = [r.get("person") for r in rels if r.get("rel") == "reporter" and r.get("article") == a.get("id")]
            if sorted(by_rep) != sorted(rel_rep):
                self.bad(aw, f"byline reporters {by_rep} != reporter relations {rel_rep}")
            for p in by_rep:
                if p not in by_name or by_name[p].get("type") != "Person":
                    self.bad(aw, f"byline reporter {p} is not a Person entity")

        # uncertain
        for u in g.get("uncertain") or []:
            self.check_uncertain(where, u, by_name, ids, gold_keys)

        # across files
        for e in ents:
            for n in [e["name"]] + list(e.get("aliases") or []):
                k = self.sc.norm(n)
                ck = self.sc.norm(e["name"])
                prev = self.global_names.get(k)
                if prev and (prev[1] != ck or prev[2] != e.get("type")):
                    self.bad(f"{where} entity {e['name']}",
                             f"{n!r} is {prev[2]} {prev[1]!r} in {prev[0]}, here {e.get('type')} {ck!r}")
                self.global_names.setdefault(k, (where, ck, e.get("type")))
        return g

    def check_relation(self, where: str, r: dict, by_name: dict, ids: list, ctx: str = "relation") -> None:
        kind = r.get("rel")
        rw = f"{where} {ctx} {kind} {r}"
        if kind not in REL_ARGS:
            self.bad(rw, "unknown relation")
            return
        spec = REL_ARGS[kind]
        extra = set(r) - set(spec) - {"rel", "article"}
        if extra:
            self.bad(rw, f"unexpected keys {sorted(extra)}")
        if r.get("article") not in ids:
            self.bad(rw, f"unknown article {r.get('article')}")
        for arg, types in spec.items():
            if arg not in r:
                self.bad(rw, f"missing `{arg}`")
                continue
            v = r[arg]
            if v is None:
                if (kind, arg) not in NULLABLE:
                    self.bad(rw, f"`{arg}` is null")
                continue
            if types is None:
                if arg == "title" and not str(v).strip():
                    self.bad(rw, "empty title")
                if arg == "year" and not re.fullmatch(r"\d{4}", str(v)):
                    self.bad(rw, f"year {v!r} is not a year")
                continue
            e = by_name.get(v)
            if e is None:
                self.bad(rw, f"`{arg}` {v!r} is not the canonical name of an entity")
            elif e.get("type") not in types:
                self.bad(rw, f"`{arg}` {v!r} is {e.get('type')}, expected one of {sorted(types)}")

    def check_uncertain(self, where: str, u, by_name: dict, ids: list, gold_keys: Counter) -> None:
        if not isinstance(u, dict):
            self.bad(where, f"uncertain item is not a mapping: {u!r}")
            return
        label = str(u.get("item", ""))
        uw = f"{where} uncertain {label!r}"
        for k in ("item", "in_gold", "decision", "why"):
            if k not in u:
                self.bad(uw, f"missing `{k}`")
        if not isinstance(u.get("in_gold"), bool):
            self.bad(uw, "in_gold must be true or false")
        extra = set(u) - {"item", "in_gold", "decision", "why", "entities", "relations", "also_accept"}
        if extra:
            self.bad(uw, f"unexpected keys {sorted(extra)}")
        about_alias = "alias" in label.lower()
        if about_alias and not label.startswith("aliases"):
            self.bad(uw, "an item about aliases must be labelled \"aliases ...\"")
        ents = u.get("entities") or []
        for n in ents:
            if n not in by_name:
                self.bad(uw, f"entity {n!r} is not a gold entity")
        if label.startswith("aliases"):
            for n in ents:
                if n in by_name and not by_name[n].get("aliases"):
                    self.bad(uw, f"entity {n!r} has no aliases")
        if u.get("in_gold") is False and ents:
            self.bad(uw, "an in_gold: false item lists entities (the scorer would make them optional)")
        for r in u.get("relations") or []:
            self.check_relation(where, r, by_name, ids, ctx="uncertain relation")
            present = rel_key(r) in gold_keys
            if u.get("in_gold") is True and not present:
                self.bad(uw, f"in_gold relation is not an exact copy of a gold relation: {r}")
            if u.get("in_gold") is False and present:
                self.bad(uw, f"rejected relation is in the gold relations: {r}")
        for r in u.get("also_accept") or []:
            self.check_relation(where, r, by_name, ids, ctx="also_accept relation")
            if rel_key(r) in gold_keys:
                self.bad(uw, f"also_accept answer is itself a gold relation: {r}")


def body_length(text: str, starts_with: str) -> int:
    i = text.find(starts_with)
    return len(re.sub(r"\s", "", text[i:])) if i >= 0 else -1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--score", type=Path, default=REPO / ".." / "shared" / "gold" / "score.py",
                    help="reference scorer (default: ../shared/gold/score.py from the repository root)")
    ap.add_argument("gold", nargs="*", type=Path, help="gold files (default: e*.yaml beside this script)")
    a = ap.parse_args()
    score_path = a.score.resolve()
    if not score_path.is_file():
        print(f"reference scorer not found: {score_path}")
        return 2
    sc = load_scorer(score_path)
    if getattr(sc, "_T2S", None) is None:
        print("note: OpenCC is not installed; traditional and simplified names are not unified")
    golds = a.gold or sorted(HERE.glob("e*.yaml"))
    ck = Checker(sc)

    seed = score_path.parent / "seed.yaml"
    if seed.is_file():  # names shared with the seed gold must keep its type and canonical entity
        for e in (yaml.safe_load(seed.read_text(encoding="utf-8")).get("entities") or []):
            for n in [e["name"]] + list(e.get("aliases") or []):
                ck.global_names.setdefault(sc.norm(n), ("seed.yaml", sc.norm(e["name"]), e["type"]))

    rows = []
    for gp in golds:
        g = ck.check_file(gp)
        if g is None:
            continue
        n_before = len(ck.problems)
        try:
            ents, alias_to_key, rels, optional, neutral = sc.load_gold([gp])
        except Exception as err:  # noqa: BLE001
            ck.bad(gp.name, f"load_gold failed: {err!r}")
            continue
        for name, fam in (("optional", optional), ):
            missing = {k for k in fam if k not in ents}
            if missing:
                ck.bad(gp.name, f"{name} entities unknown to load_gold: {sorted(missing)}")
        by_type = Counter(e["type"] for e in ents.values())
        req_by_type = Counter(e["type"] for k, e in ents.items() if k not in optional)
        scored = {f: len(rels.get(f, set())) for f in SCORED_FAMILIES}
        text = (gp.parent / g["source"]).read_text(encoding="utf-8")
        rows.append({
            "file": gp.name,
            "articles": len(g.get("articles") or []),
            "entities": len(ents),
            "required": len(ents) - len(optional),
            "optional": len(optional),
            "relations": len(g.get("relations") or []),
            "scored": sum(scored.values()),
            "by_type": by_type,
            "req_by_type": req_by_type,
            "scored_by_family": scored,
            "rel_by_kind": Counter(r["rel"] for r in g.get("relations") or []),
            "body": body_length(text, g["articles"][0]["starts_with"]),
            "ok": len(ck.problems) == n_before,
        })

    print(f"{'file':9} {'art':>3} {'ents':>5} {'req':>4} {'opt':>4} {'rels':>5} {'scored':>6} {'body':>5}")
    for r in rows:
        print(f"{r['file']:9} {r['articles']:3} {r['entities']:5} {r['required']:4} {r['optional']:4} "
              f"{r['relations']:5} {r['scored']:6} {r['body']:5}")
    if rows:
        tot_t, tot_rt, tot_f, tot_k = Counter(), Counter(), Counter(), Counter()
        for r in rows:
            tot_t.update(r["by_type"])
            tot_rt.update(r["req_by_type"])
            tot_f.update(r["scored_by_family"])
            tot_k.update(r["rel_by_kind"])
        print(f"{'total':9} {sum(r['articles'] for r in rows):3} {sum(r['entities'] for r in rows):5} "
              f"{sum(r['required'] for r in rows):4} {sum(r['optional'] for r in rows):4} "
              f"{sum(r['relations'] for r in rows):5} {sum(r['scored'] for r in rows):6}")
        print("entities by type (all / required):",
              ", ".join(f"{t} {tot_t[t]}/{tot_rt[t]}" for t in sorted(tot_t)))
        print("relations annotated by kind:", ", ".join(f"{k} {v}" for k, v in sorted(tot_k.items())))
        print("scored gold tuples by query:", ", ".join(f"{k} {v}" for k, v in tot_f.items()))
        for r in rows:
            if not 500 <= r["body"] <= 800:
                print(f"note: {r['file']} body has {r['body']} characters (500-800 intended)")
    if len(golds) > 1 and not ck.problems:
        # scored together, the files' gold is merged: an item optional or neutral in one file is
        # optional or neutral in the joint run. Report what that changes (a note, not a problem).
        ents, _, rels, optional, _ = sc.load_gold(golds)
        per_file_req, per_file_rels = set(), defaultdict(set)
        for gp in golds:
            e1, _, r1, o1, _ = sc.load_gold([gp])
            per_file_req |= {k for k in e1 if k not in o1}
            for f, v in r1.items():
                per_file_rels[f] |= v
        lost_e = sorted(per_file_req - {k for k in ents if k not in optional})
        lost_r = sorted(str(t) for f in per_file_rels for t in per_file_rels[f] - rels.get(f, set()))
        print(f"joint run: {len(ents) - len(optional)} required entities, "
              f"{sum(len(v) for v in rels.values())} scored relation tuples")
        if lost_e:
            print("note: required in one file but optional when scored together:", ", ".join(lost_e))
        if lost_r:
            print("note: scored in one file but neutral when scored together:", "; ".join(lost_r))
    if ck.problems:
        print(f"\n{len(ck.problems)} problem(s):")
        for p in ck.problems:
            print(" -", p)
        return 1
    print(f"\nOK: {len(rows)} gold file(s), no problems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
