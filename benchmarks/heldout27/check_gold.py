#!/usr/bin/env python3
"""Self-check of the heldout27 gold files (j1.yaml ... j4.yaml against j1.txt ... j4.txt).

Usage, from the repository root:
    python benchmarks/heldout27/check_gold.py [--scorer ../shared/gold/score.py] [j1 j2 ...]

Checks, for each gold file:
  - the text named by `source` exists beside it; no file of the set names a path of this machine;
  - articles: ids unique; each headline is a whole line of the text; articles follow in text order;
    `starts_with` is 12 characters and opens the body (at a line start or right after the byline);
    byline reporters, place and date are printed in the article (header or closing credit);
  - entities: known type; names and aliases are exact substrings of the text once its line breaks
    are removed; no name or alias is shared by two entities (after the scorer's normalisation);
    `articles` equals the set of articles whose text contains the name or an alias;
  - relations: known relation type; arguments are canonical gold names of entities of the right
    types and are printed in the article they cite; no duplicates; reporter relations equal the
    byline reporters of each article;
  - uncertain: every item has item / in_gold / decision / why; in_gold true items list gold
    entities and gold relations only; in_gold false items and also_accept answers list no gold
    relation; rejected entities are not gold names but are printed in the text; "aliases" items
    name entities that have aliases; no scored relation needs an entity that is optional for
    its existence (items "type of ..." make an entity optional for its type only);
  - the file loads with `load_gold` of the reference scorer; counts are printed.
Exit status 0 iff no problem was found.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_SCORER = REPO.parent / "shared" / "gold" / "score.py"  # ../shared/gold/score.py from the repo root

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
# relation -> {field: allowed types}; None = may be null
REL_ARGS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG},
    "receivedAward": {"recipient": {"Person"} | ORG, "award": {"Award"}, "category": {"AwardCategory", None}},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": {"Region"} | ORG | {"Event"}, "region": {"Region"}},
    "basedIn": {"org": ORG, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORG},
    "participatedIn": {"org_or_person": {"Person"} | ORG, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORG, "parent": ORG},
}
SCORED = {"holdsPosition", "receivedAward", "publishedBy", "releasedAt", "locatedIn", "basedIn", "heldIn",
          "quoted", "reporter"}
QUERY_OF = {"holdsPosition": "positions", "receivedAward": "awards", "publishedBy": "reports",
            "releasedAt": "reports_at", "locatedIn": "locations", "basedIn": "locations",
            "heldIn": "locations", "quoted": "quotes", "reporter": "reporters"}


def flat(s: str) -> str:
    return s.replace("\r", "").replace("\n", "")


def load_scorer(path: Path):
    sys.dont_write_bytecode = True  # leave no cache beside the reference scorer
    spec = importlib.util.spec_from_file_location("kg_reference_scorer", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


class Checker:
    def __init__(self, scorer):
        self.sc = scorer
        self.problems: list[str] = []
        self.summary: list[dict] = []

    def bad(self, where: str, msg: str) -> None:
        self.problems.append(f"{where}: {msg}")

    # ---------------------------------------------------------------- articles
    def segment(self, name: str, text: str, arts: list[dict]):
        """Article spans in the raw text: an article begins at the start of the line holding its
        headline (or, without one, its `starts_with`) and ends where the next article begins."""
        starts, bodies = [], []
        pos = 0
        for a in arts:
            aid = a.get("id")
            title = a.get("title")
            sw = a.get("starts_with")
            if not sw or not isinstance(sw, str):
                self.bad(name, f"{aid}: starts_with missing")
                return None
            if title is not None:
                i = text.find(title, pos)
                if i < 0:
                    self.bad(name, f"{aid}: headline {title!r} not found (after offset {pos})")
                    return None
                ls = text.rfind("\n", 0, i) + 1
                le = text.find("\n", i)
                le = len(text) if le < 0 else le
                if text[ls:le].strip() != title:
                    self.bad(name, f"{aid}: headline is not a whole line: {text[ls:le]!r}")
                start = ls
                b = text.find(sw, le)
            else:
                b = text.find(sw, pos)
                start = text.rfind("\n", 0, b) + 1 if b >= 0 else -1
            if b < 0:
                self.bad(name, f"{aid}: starts_with {sw!r} not found")
                return None
            starts.append(start)
            bodies.append(b)
            pos = b + 1
        spans = []
        for k, a in enumerate(arts):
            end = starts[k + 1] if k + 1 < len(arts) else len(text)
            if starts[k] > bodies[k] or bodies[k] >= end:
                self.bad(name, f"{a['id']}: articles out of order")
            spans.append((starts[k], bodies[k], end))
        return spans

    def check_articles(self, name: str, text: str, arts: list[dict]):
        ids = [a.get("id") for a in arts]
        if len(set(ids)) != len(ids):
            self.bad(name, f"duplicate article ids {ids}")
        spans = self.segment(name, text, arts)
        if spans is None:
            return None
        segs = {}
        for a, (s, b, e) in zip(arts, spans):
            aid = a["id"]
            sw = a["starts_with"]
            header, body, seg = text[s:b], text[b:e], text[s:e]
            segs[aid] = flat(seg)
            if len(sw) != 12 and len(flat(body).strip()) > 12:
                self.bad(name, f"{aid}: starts_with {sw!r} is not 12 characters")
            before = text[:b].rstrip(" \t")
            if not (before == "" or before.endswith("\n") or before.endswith(("）", ")", "■"))):
                self.bad(name, f"{aid}: starts_with does not open the body: ...{text[max(0, b - 15):b]!r}")
            by = a.get("byline") or {}
            if set(by) != {"place", "date", "reporters"}:
                self.bad(name, f"{aid}: byline needs place, date, reporters")
            tail = flat(seg).rstrip()[-40:]
            hdr = flat(header)
            for rep in by.get("reporters") or []:
                if rep not in hdr and rep not in tail:
                    self.bad(name, f"{aid}: byline reporter {rep} not printed in the header or the closing credit")
            place = by.get("place")
            if place and place not in hdr:
                self.bad(name, f"{aid}: byline place {place} not in the header {hdr[-60:]!r}")
            date = by.get("date")
            if date is not None:
                if not isinstance(date, dt.date):
                    self.bad(name, f"{aid}: byline date {date!r} is not a date")
                else:
                    forms = {date.isoformat(), f"{date.day}日", f"{date.month}月{date.day}日"}
                    if not any(f in hdr for f in forms):
                        self.bad(name, f"{aid}: byline date {date} not printed in the header")
            if a.get("kind") not in {"news", "brief", "interview", "editorial", "caption", "continuation"}:
                self.bad(name, f"{aid}: unknown kind {a.get('kind')!r}")
        return segs

    # ---------------------------------------------------------------- main check of one file
    def check_file(self, ypath: Path) -> None:
        name = ypath.name
        try:
            g = yaml.safe_load(ypath.read_text(encoding="utf-8"))
        except Exception as err:  # noqa: BLE001
            self.bad(name, f"YAML does not load: {err}")
            return
        src = g.get("source")
        tpath = ypath.parent / str(src)
        if not tpath.exists():
            self.bad(name, f"source {src} not found beside the gold file")
            return
        text = tpath.read_text(encoding="utf-8")
        ftext = flat(text)
        arts = g.get("articles") or []
        art_ids = [a.get("id") for a in arts]
        segs = self.check_articles(name, text, arts)
        norm = self.sc.norm

        # entities
        ents: dict[str, dict] = {}
        owner: dict[str, str] = {}
        for e in g.get("entities") or []:
            en = e.get("name")
            if en in ents:
                self.bad(name, f"entity {en} listed twice")
            ents[en] = e
            if e.get("type") not in TYPES:
                self.bad(name, f"{en}: unknown type {e.get('type')!r}")
            forms = [en] + list(e.get("aliases") or [])
            for f in forms:
                if not isinstance(f, str) or f not in ftext:
                    self.bad(name, f"{en}: name/alias {f!r} is not a substring of the text")
                k = norm(f)
                if k in owner and owner[k] != en:
                    self.bad(name, f"{en}: {f!r} normalises like a name of {owner[k]}")
                owner.setdefault(k, en)
            if segs is not None:
                want = [aid for aid in art_ids if any(f in segs[aid] for f in forms)]
                got = e.get("articles") or []
                if got != want:
                    self.bad(name, f"{en}: articles {got} but the text gives {want}")
        etype = {n: e["type"] for n, e in ents.items()}

        # relations
        def check_rel(r: dict, where: str, need_gold: bool) -> None:
            rel = r.get("rel")
            spec = REL_ARGS.get(rel)
            if spec is None:
                self.bad(name, f"{where}: unknown relation {rel!r}")
                return
            aid = r.get("article")
            if aid not in art_ids:
                self.bad(name, f"{where}: {rel} cites unknown article {aid!r}")
            extra = set(r) - set(spec) - {"rel", "article", "title", "year"}
            if extra:
                self.bad(name, f"{where}: {rel} has unexpected fields {sorted(extra)}")
            if rel == "holdsPosition" and not r.get("title"):
                self.bad(name, f"{where}: holdsPosition without title")
            if rel == "receivedAward" and r.get("year") is not None and not isinstance(r.get("year"), int):
                self.bad(name, f"{where}: receivedAward year must be an integer or null")
            for field, allowed in spec.items():
                v = r.get(field)
                if v is None:
                    if None not in allowed:
                        self.bad(name, f"{where}: {rel}.{field} missing")
                    continue
                if v in etype:
                    if etype[v] not in allowed:
                        self.bad(name, f"{where}: {rel}.{field}={v} has type {etype[v]}, expected {sorted(a for a in allowed if a)}")
                    forms = [v] + list(ents[v].get("aliases") or [])
                    if segs is not None and aid in segs and not any(f in segs[aid] for f in forms):
                        self.bad(name, f"{where}: {rel}.{field}={v} is not printed in article {aid}")
                elif need_gold:
                    alias_of = owner.get(norm(v))
                    hint = f" (an alias of {alias_of}; use the canonical name)" if alias_of else ""
                    self.bad(name, f"{where}: {rel}.{field}={v!r} is not a gold entity{hint}")
                elif v not in ftext:
                    self.bad(name, f"{where}: {rel}.{field}={v!r} is neither a gold entity nor printed in the text")

        rels = g.get("relations") or []
        gold_keys = Counter(rel_key(r) for r in rels)
        for k, n in gold_keys.items():
            if n > 1:
                self.bad(name, f"relation listed {n} times: {dict(k)}")
        for i, r in enumerate(rels):
            check_rel(r, f"relations[{i}]", True)

        # reporters = byline reporters
        rep_rel = defaultdict(set)
        for r in rels:
            if r.get("rel") == "reporter":
                rep_rel[r.get("article")].add(r.get("person"))
        for a in arts:
            by = set((a.get("byline") or {}).get("reporters") or [])
            if by != rep_rel.get(a["id"], set()):
                self.bad(name, f"{a['id']}: byline reporters {sorted(by)} but reporter relations {sorted(rep_rel.get(a['id'], set()))}")
            for p in by:
                if etype.get(p) != "Person":
                    self.bad(name, f"{a['id']}: byline reporter {p} is not a Person entity")

        # uncertain
        optional_names: set[str] = set()
        for j, u in enumerate(g.get("uncertain") or []):
            where = f"uncertain[{j}]"
            if not isinstance(u, dict) or not {"item", "in_gold", "decision", "why"} <= set(u):
                self.bad(name, f"{where}: needs item, in_gold, decision, why")
                continue
            item = str(u["item"])
            if not isinstance(u["in_gold"], bool):
                self.bad(name, f"{where}: in_gold must be true or false")
            for k in ("entities", "relations", "also_accept"):
                if k in u and not isinstance(u[k], list):
                    self.bad(name, f"{where}: {k} must be a list")
            ue = u.get("entities") or []
            for r in u.get("relations") or []:
                check_rel(r, where, bool(u["in_gold"]))
                if u["in_gold"] and rel_key(r) not in gold_keys:
                    self.bad(name, f"{where}: in_gold relation is not a copy of a gold relation: {r}")
                if not u["in_gold"] and rel_key(r) in gold_keys:
                    self.bad(name, f"{where}: rejected relation is also in the gold relations: {r}")
            for r in u.get("also_accept") or []:
                check_rel(r, where + ".also_accept", False)
                if rel_key(r) in gold_keys:
                    self.bad(name, f"{where}: also_accept answer is a gold relation: {r}")
            for en in ue:
                if u["in_gold"]:
                    if en not in ents:
                        self.bad(name, f"{where}: entity {en!r} is not a gold entity")
                    elif item.startswith("aliases") and not ents[en].get("aliases"):
                        self.bad(name, f"{where}: {en} has no aliases")
                    elif not item.startswith(("aliases", "segment", "type of")):
                        # optional because its existence is debatable; an entity that is optional
                        # only because its type is debatable ("type of ...") may carry scored facts
                        optional_names.add(en)
                else:
                    if norm(en) in owner:
                        self.bad(name, f"{where}: rejected entity {en!r} normalises like gold {owner[norm(en)]}")
                    if en not in ftext:
                        self.bad(name, f"{where}: rejected entity {en!r} is not printed in the text")
            if item.startswith("aliases") and not u["in_gold"] and ue:
                self.bad(name, f"{where}: an aliases item with in_gold false should not list entities")

        # scored relations must not hinge on an optional entity
        neutral = set()
        for u in g.get("uncertain") or []:
            if isinstance(u, dict):
                neutral |= {rel_key(r) for r in (u.get("relations") or []) + (u.get("also_accept") or [])}
        for r in rels:
            if r.get("rel") in SCORED and rel_key(r) not in neutral:
                args = [r.get(f) for f in REL_ARGS[r["rel"]]]
                opt = [a for a in args if a in optional_names]
                if opt:
                    self.bad(name, f"scored relation {r} needs optional entities {opt}; list it under uncertain")

        # the reference scorer's loader
        try:
            gents, alias_to_key, grels, optional, neutral_rels = self.sc.load_gold([ypath])
        except Exception as err:  # noqa: BLE001
            self.bad(name, f"load_gold failed: {err!r}")
            return
        n_opt = len([k for k in gents if k in optional])
        by_type_req = Counter(v["type"] for k, v in gents.items() if k not in optional)
        by_type_opt = Counter(v["type"] for k, v in gents.items() if k in optional)
        rel_counts = Counter(r.get("rel") for r in rels)
        scored = {q: len(v) for q, v in grels.items()}
        if segs is not None:
            body_chars = sum(len(re.sub(r"\s", "", flat(text[b:e]))) for (_, b, e) in (self.segment(name, text, arts) or []))
        else:
            body_chars = 0
        self.summary.append({"file": name, "articles": len(arts), "entities": len(gents), "required": len(gents) - n_opt,
                             "optional": n_opt, "by_type_req": by_type_req, "by_type_opt": by_type_opt,
                             "relations": len(rels), "rel_counts": rel_counts, "scored": scored,
                             "scored_total": sum(scored.values()), "body_chars": body_chars})


def no_machine_paths(problems: list[str]) -> None:
    pat = re.compile(r"(?<![\w.])/(?:work|tmp)(?:/|\b)")
    for p in sorted(HERE.iterdir()):
        if p.is_file() and p.suffix in {".txt", ".yaml", ".md", ".py"}:
            s = p.read_text(encoding="utf-8")
            # this checker spells the forbidden prefixes only inside its own pattern
            if p.name == Path(__file__).name:
                s = s.replace(pat.pattern, "")
            for m in pat.finditer(s):
                problems.append(f"{p.name}: names a path of this machine near {s[max(0, m.start() - 20):m.end() + 20]!r}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help="gold files to check (default: j*.yaml beside this script)")
    ap.add_argument("--scorer", type=Path, default=Path(os.environ.get("KG_GOLD_SCORER", DEFAULT_SCORER)),
                    help="the reference scorer (default: ../shared/gold/score.py from the repository root)")
    a = ap.parse_args()
    if not a.scorer.exists():
        print(f"reference scorer not found: {a.scorer} (pass --scorer)")
        return 2
    ck = Checker(load_scorer(a.scorer))
    files = [HERE / (n if n.endswith(".yaml") else n + ".yaml") for n in a.names] or sorted(HERE.glob("j*.yaml"))
    for f in files:
        ck.check_file(f)
    no_machine_paths(ck.problems)

    tot = Counter()
    print(f"{'file':9} {'arts':>4} {'body':>5} {'ents':>5} {'req':>4} {'opt':>4} {'rels':>5} {'scored':>6}")
    for s in ck.summary:
        print(f"{s['file']:9} {s['articles']:4} {s['body_chars']:5} {s['entities']:5} {s['required']:4} {s['optional']:4}"
              f" {s['relations']:5} {s['scored_total']:6}")
        for k in ("articles", "entities", "required", "optional", "relations", "scored_total"):
            tot[k] += s[k]
    print(f"{'total':9} {tot['articles']:4} {'':5} {tot['entities']:5} {tot['required']:4} {tot['optional']:4}"
          f" {tot['relations']:5} {tot['scored_total']:6}")
    treq, topt, trel, tsc = Counter(), Counter(), Counter(), Counter()
    for s in ck.summary:
        treq.update(s["by_type_req"]); topt.update(s["by_type_opt"]); trel.update(s["rel_counts"]); tsc.update(s["scored"])
    print("entities by type (required + optional):",
          ", ".join(f"{t} {treq[t]}+{topt[t]}" for t in sorted(set(treq) | set(topt))))
    print("relations annotated by type:", ", ".join(f"{t} {n}" for t, n in sorted(trel.items())))
    print("relations scored by query:", ", ".join(f"{t} {n}" for t, n in sorted(tsc.items())))
    for s in ck.summary:
        print(f"  {s['file']}: required {dict(sorted(s['by_type_req'].items()))}; optional {dict(sorted(s['by_type_opt'].items()))};"
              f" relations {dict(sorted(s['rel_counts'].items()))}; scored {dict(sorted(s['scored'].items()))}")
        if not 500 <= s["body_chars"] <= 900:
            ck.problems.append(f"{s['file']}: body has {s['body_chars']} characters (want 500-900)")
    if ck.problems:
        print(f"\n{len(ck.problems)} problem(s):")
        for p in ck.problems:
            print("  -", p)
        return 1
    print("\nno problems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
