#!/usr/bin/env python3
"""Self-check of the heldout25 gold files (c1.yaml ... c4.yaml) against their texts.

Checks, for every gold file:
  - articles: unique ids, a known kind, the headline (if any) printed in the text, `starts_with`
    12 characters long and the opening of the body (at a line start, or right after a dateline
    such as "（烏鎮綜合電）" or an opening formula such as "央视网消息（新闻联播）："), byline
    reporters / place / date printed in the article;
  - entities: known type, name and aliases exact substrings of the text once its line breaks are
    removed, no two entities sharing a normalised name, `articles` equal to the set of articles
    whose text contains the name or an alias;
  - relations: known relation, the argument fields of the schema, arguments that are canonical
    entity names of the right types and occur in the relation's article, no duplicates;
  - reporters: the reporter relations of each article are exactly its byline reporters;
  - uncertain: well-formed items; in_gold true items list gold entities and exact copies of gold
    relations; also_accept answers and in_gold false candidates are not gold; items about aliases
    begin with "aliases";
  - the body length (500-900 characters, white space excluded) and that no file of the set names a
    path of a machine;
then loads each file (and all four together) with `load_gold` of the reference scorer and prints
the counts. Exit status 0 iff no problem was found.

Usage (from the repository root):
  python benchmarks/heldout25/check_gold.py [--scorer ../shared/gold/score.py] [--table] [GOLD.yaml ...]
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
# the repository root is two levels up; the shared gold material sits beside the repository
DEFAULT_SCORER = HERE.parent.parent.parent / "shared" / "gold" / "score.py"

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORGS = {"Organization", "Company", "GovernmentBody"}
KINDS = {"news", "feature", "caption", "editorial", "continuation", "commentary", "brief"}
# relation -> {field: allowed entity types}; None = not an entity field
SCHEMA = {
    "holdsPosition": {"person": {"Person"}, "org": ORGS, "title": None},
    "receivedAward": {"recipient": ORGS | {"Person"}, "award": {"Award"}, "category": {"AwardCategory"},
                      "year": None},
    "publishedBy": {"report": {"Report"}, "org": ORGS},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": {"Region"}, "region": {"Region"}},
    "basedIn": {"org": ORGS, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORGS},
    "participatedIn": {"org_or_person": ORGS | {"Person"}, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORGS, "parent": ORGS},
}
OPTIONAL_FIELDS = {("receivedAward", "category")}  # may be null
FORBIDDEN = ("/" + "work", "/" + "tmp")  # no path of this machine in any file of the set


def load_scorer(path: Path):
    sys.dont_write_bytecode = True  # leave no cache beside the shared scorer
    spec = importlib.util.spec_from_file_location("kg_reference_scorer", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def date_forms(d: dt.date) -> list[str]:
    y, m, dd = d.year, d.month, d.day
    return [f"{y}年{m:02d}月{dd:02d}日", f"{y}年{m}月{dd}日", f"{y}-{m:02d}-{dd:02d}", f"{y}/{m:02d}/{dd:02d}"]


class Checker:
    def __init__(self, norm):
        self.norm = norm
        self.problems: list[str] = []

    def bad(self, where: str, msg: str):
        self.problems.append(f"{where}: {msg}")

    # ------------------------------------------------------------------ one gold file
    def check_file(self, gpath: Path) -> dict:
        w = gpath.name
        g = yaml.safe_load(gpath.read_text(encoding="utf-8"))
        tpath = gpath.parent / str(g.get("source", ""))
        if not tpath.is_file():
            self.bad(w, f"source text {g.get('source')!r} not found beside the gold file")
            return {}
        raw = tpath.read_text(encoding="utf-8")
        flat = raw.replace("\r", "").replace("\n", "")
        info = {"gold": g, "flat": flat, "raw": raw}

        # ---- articles and their spans
        arts = g.get("articles") or []
        ids = [a.get("id") for a in arts]
        if len(ids) != len(set(ids)) or not ids:
            self.bad(w, f"article ids missing or not unique: {ids}")
        starts, body_starts, search = [], [], 0
        for i, a in enumerate(arts):
            aw = f"{w} {a.get('id')}"
            if a.get("kind") not in KINDS:
                self.bad(aw, f"unknown kind {a.get('kind')!r}")
            title, sw = a.get("title"), a.get("starts_with")
            if not isinstance(sw, str) or len(sw) != 12:
                self.bad(aw, f"starts_with must be 12 characters: {sw!r}")
                sw = sw or ""
            anchor = title if title else sw
            pos = flat.find(anchor, search) if anchor else -1
            if pos < 0:
                self.bad(aw, f"{'headline' if title else 'starts_with'} {anchor!r} not found (in order)")
                pos = search
            starts.append(0 if i == 0 else pos)
            after = pos + (len(title) if title else 0)
            sp = flat.find(sw, after) if sw else -1
            if sp < 0:
                self.bad(aw, f"starts_with {sw!r} not found after the headline")
                sp = after
            body_starts.append(sp)
            search = sp + len(sw)
        spans = {}
        for i, a in enumerate(arts):
            end = starts[i + 1] if i + 1 < len(arts) else len(flat)
            spans[a.get("id")] = flat[starts[i]:end]
            if body_starts[i] >= end:
                self.bad(f"{w} {a.get('id')}", "starts_with lies outside the article")
        info["spans"] = spans

        # starts_with opens the body: at a line start, or after a dateline / opening formula
        for a in arts:
            sw = a.get("starts_with") or ""
            for line in raw.splitlines():
                k = line.find(sw[:6]) if sw else -1
                if k >= 0 and (line + "")[k:].startswith(sw[: len(line) - k]):
                    prefix = line[:k].strip()
                    if prefix and not (len(prefix) <= 20 and prefix[-1] in "）)：:"):
                        self.bad(f"{w} {a.get('id')}", f"starts_with follows {prefix!r}, not a line start or dateline")
                    break

        body_len = 0
        for i, a in enumerate(arts):
            end = starts[i + 1] if i + 1 < len(arts) else len(flat)
            body_len += len(re.sub(r"\s", "", flat[body_starts[i]:end]))
        info["body_len"] = body_len
        if not 500 <= body_len <= 900:
            self.bad(w, f"body has {body_len} characters (500-900 wanted)")

        # ---- entities
        ents = g.get("entities") or []
        by_name: dict[str, dict] = {}
        seen_norm: dict[str, str] = {}
        for e in ents:
            n = e.get("name")
            ew = f"{w} entity {n!r}"
            if not isinstance(n, str) or not n:
                self.bad(w, f"entity without a name: {e}")
                continue
            if n in by_name:
                self.bad(ew, "listed twice")
            by_name[n] = e
            if e.get("type") not in TYPES:
                self.bad(ew, f"unknown type {e.get('type')!r}")
            names = [n] + list(e.get("aliases") or [])
            for x in names:
                if not isinstance(x, str) or x not in flat:
                    self.bad(ew, f"name/alias {x!r} is not a substring of the text")
                k = self.norm(x)
                if k in seen_norm and seen_norm[k] != n:
                    self.bad(ew, f"{x!r} normalises like a name of {seen_norm[k]!r}")
                seen_norm.setdefault(k, n)
            want = [aid for aid in ids if any(x in spans[aid] for x in names if isinstance(x, str))]
            got = list(e.get("articles") or [])
            if sorted(got) != sorted(want):
                self.bad(ew, f"articles {got} but the name/aliases occur in {want}")
            elif got != want:
                self.bad(ew, f"articles {got} not in page order {want}")
        info["by_name"] = by_name
        info["names_of"] = {n: [n] + list(e.get("aliases") or []) for n, e in by_name.items()}

        # ---- relations
        rels = g.get("relations") or []
        keys = Counter(rel_key(r) for r in rels)
        for k, c in keys.items():
            if c > 1:
                self.bad(w, f"relation listed {c} times: {dict(k)}")
        for r in rels:
            self.check_relation(w, r, info, strict=True)

        # ---- reporters = byline reporters
        for a in arts:
            aw = f"{w} {a.get('id')}"
            by = a.get("byline") or {}
            reps = list(by.get("reporters") or [])
            rel_reps = sorted(r["person"] for r in rels if r.get("rel") == "reporter" and r.get("article") == a.get("id"))
            if sorted(reps) != rel_reps:
                self.bad(aw, f"byline reporters {reps} but reporter relations {rel_reps}")
            for p in reps:
                if p not in spans[a.get("id")]:
                    self.bad(aw, f"reporter {p!r} not printed in the article")
                if by_name.get(p, {}).get("type") != "Person":
                    self.bad(aw, f"reporter {p!r} is not a Person entity")
            if by.get("place") and by["place"] not in spans[a.get("id")]:
                self.bad(aw, f"byline place {by['place']!r} not printed in the article")
            d = by.get("date")
            if d is not None:
                if isinstance(d, str):
                    try:
                        d = dt.date.fromisoformat(d)
                    except ValueError:
                        self.bad(aw, f"byline date {d!r} is not a date")
                        d = None
                if d is not None and not any(f in spans[a.get("id")] or f in flat for f in date_forms(d)):
                    self.bad(aw, f"byline date {d} not printed on the page")
            if a.get("title") is not None and a["title"] not in spans[a.get("id")]:
                self.bad(aw, "headline not inside its article")

        # ---- uncertain
        rel_keys = set(keys)
        optional: set[str] = set()
        for u in g.get("uncertain") or []:
            if not isinstance(u, dict):
                self.bad(w, f"uncertain item is not a mapping: {u!r}")
                continue
            item = str(u.get("item", ""))
            uw = f"{w} uncertain {item[:40]!r}"
            for f in ("item", "in_gold", "decision", "why"):
                if f not in u:
                    self.bad(uw, f"missing {f}")
            if not isinstance(u.get("in_gold"), bool):
                self.bad(uw, "in_gold must be true or false")
            about_alias = "alias" in item.lower()
            if about_alias and not item.startswith("aliases"):
                self.bad(uw, "an item about aliases must begin with 'aliases'")
            if item.startswith("aliases"):
                for n in u.get("entities") or []:
                    if n not in by_name or not by_name[n].get("aliases"):
                        self.bad(uw, f"{n!r} is not a gold entity with aliases")
            for n in u.get("entities") or []:
                if u.get("in_gold"):
                    if n not in by_name:
                        self.bad(uw, f"{n!r} is not a gold entity")
                    elif not item.startswith(("aliases", "segment")):
                        optional.add(n)
                else:
                    if self.norm(n) in seen_norm:
                        self.bad(uw, f"rejected candidate {n!r} is a gold entity")
                    if n not in flat:
                        self.bad(uw, f"rejected candidate {n!r} is not in the text")
            for r in u.get("relations") or []:
                self.check_relation(uw, r, info, strict=bool(u.get("in_gold")))
                if u.get("in_gold") and rel_key(r) not in rel_keys:
                    self.bad(uw, f"in_gold relation is not in `relations`: {r}")
                if not u.get("in_gold") and rel_key(r) in rel_keys:
                    self.bad(uw, f"rejected relation is in `relations`: {r}")
            for r in u.get("also_accept") or []:
                self.check_relation(uw, r, info, strict=False)
                if rel_key(r) in rel_keys:
                    self.bad(uw, f"also_accept relation is in `relations`: {r}")
        info["optional"] = optional
        return info

    def check_relation(self, where: str, r: dict, info: dict, strict: bool):
        rel = r.get("rel")
        if rel not in SCHEMA:
            self.bad(where, f"unknown relation {rel!r}")
            return
        fields = SCHEMA[rel]
        extra = set(r) - set(fields) - {"rel", "article"}
        if extra:
            self.bad(where, f"{rel}: unexpected fields {sorted(extra)}")
        aid = r.get("article")
        spans, by_name = info["spans"], info["by_name"]
        if aid not in spans:
            self.bad(where, f"{rel}: unknown article {aid!r}")
            return
        for f, types in fields.items():
            v = r.get(f, "<missing>")
            if v == "<missing>":
                self.bad(where, f"{rel}: missing field {f}")
                continue
            if v is None:
                if (rel, f) not in OPTIONAL_FIELDS:
                    self.bad(where, f"{rel}: {f} is null")
                continue
            if types is None:
                if f == "year" and not isinstance(v, int):
                    self.bad(where, f"{rel}: year must be an integer: {v!r}")
                if f == "title" and (not isinstance(v, str) or v not in info["flat"]):
                    self.bad(where, f"{rel}: title {v!r} not printed in the text")
                continue
            if v in by_name:
                if by_name[v].get("type") not in types:
                    self.bad(where, f"{rel}: {f} {v!r} has type {by_name[v].get('type')}, wanted {sorted(types)}")
                if not any(x in spans[aid] for x in info["names_of"][v]):
                    self.bad(where, f"{rel}: {f} {v!r} does not occur in article {aid}")
            elif strict:
                self.bad(where, f"{rel}: {f} {v!r} is not the canonical name of a gold entity")
            elif str(v) not in info["flat"]:
                self.bad(where, f"{rel}: {f} {v!r} is neither a gold entity nor in the text")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="*", type=Path, help="gold files (default: c*.yaml beside this script)")
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER,
                    help="the reference scorer, for load_gold (default: ../shared/gold/score.py from the repository root)")
    ap.add_argument("--table", action="store_true", help="also print Markdown count tables")
    a = ap.parse_args()
    golds = a.gold or sorted(HERE.glob("c[0-9]*.yaml"))
    if not a.scorer.is_file():
        print(f"reference scorer not found: {a.scorer} (pass --scorer)")
        return 2
    scorer = load_scorer(a.scorer)
    ck = Checker(scorer.norm)

    infos = {}
    for gp in golds:
        infos[gp.name] = ck.check_file(gp)

    # cross-file consistency: one normalised name, one type
    types_seen: dict[str, set] = defaultdict(set)
    for name, info in infos.items():
        for n, e in (info.get("by_name") or {}).items():
            types_seen[scorer.norm(n)].add(e.get("type"))
    for k, ts in types_seen.items():
        if len(ts) > 1:
            ck.bad("set", f"{k!r} has different types across files: {sorted(ts)}")

    # no path of this machine anywhere in the set
    for p in sorted(HERE.iterdir()):
        if p.is_file() and p.suffix in {".txt", ".yaml", ".md", ".py"}:
            s = p.read_text(encoding="utf-8")
            for bad in FORBIDDEN:
                if bad in s:
                    ck.bad(p.name, f"contains a machine path ({bad}...)")

    # load with the reference scorer and print counts
    scored_names = ("positions", "awards", "reports", "reports_at", "locations", "quotes", "reporters")
    rows = []
    for gp in golds:
        try:
            ents, _alias, rels, optional, neutral = scorer.load_gold([gp])
        except Exception as err:  # noqa: BLE001
            ck.bad(gp.name, f"load_gold failed: {err}")
            continue
        info = infos.get(gp.name) or {}
        g = info.get("gold") or {}
        mine = {scorer.norm(n) for n in info.get("optional", set())}
        if not mine <= optional or (optional & set(ents)) != mine:
            ck.bad(gp.name, f"optional entities disagree with load_gold: {sorted(mine ^ (optional & set(ents)))}")
        n_req = sum(1 for k in ents if k not in optional)
        n_rel = len(g.get("relations") or [])
        n_scored = sum(len(rels.get(q, ())) for q in scored_names)
        by_type = Counter(e["type"] for k, e in ents.items())
        req_type = Counter(e["type"] for k, e in ents.items() if k not in optional)
        rel_type = Counter(r["rel"] for r in g.get("relations") or [])
        rows.append((gp.name, g, len(ents), n_req, len(ents) - n_req, n_rel, n_scored, by_type, req_type,
                     rel_type, {q: len(rels.get(q, ())) for q in scored_names}, info.get("body_len")))
        print(f"{gp.name}: {len(g.get('articles') or [])} article(s), body {info.get('body_len')} chars; "
              f"entities {len(ents)} ({n_req} required, {len(ents) - n_req} optional); "
              f"relations {n_rel} annotated, {n_scored} scored as required "
              + "(" + ", ".join(f"{q} {len(rels.get(q, ()))}" for q in scored_names) + ")")
    try:
        ents, _a, rels, optional, _n = scorer.load_gold(list(golds))
        print(f"all {len(golds)} file(s) together: {len(ents)} entities ({len(ents) - len(optional & set(ents))} required), "
              f"{sum(len(rels.get(q, ())) for q in scored_names)} scored relations")
    except Exception as err:  # noqa: BLE001
        ck.bad("set", f"load_gold of all files failed: {err}")

    if a.table and rows:
        types = ["Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
                 "Initiative", "Region", "Event", "Product"]
        print("\n| type | " + " | ".join(r[0] for r in rows) + " | total |")
        print("|---|" + "---|" * (len(rows) + 1))
        for t in types:
            cells = [f"{r[8][t]}/{r[7][t]}" for r in rows]
            print(f"| {t} | " + " | ".join(cells) + f" | {sum(r[8][t] for r in rows)}/{sum(r[7][t] for r in rows)} |")
        rels_all = list(SCHEMA)
        print("\n| relation | " + " | ".join(r[0] for r in rows) + " | total |")
        print("|---|" + "---|" * (len(rows) + 1))
        for t in rels_all:
            cells = [str(r[9][t]) for r in rows]
            print(f"| {t} | " + " | ".join(cells) + f" | {sum(r[9][t] for r in rows)} |")
        print("\n| scored query | " + " | ".join(r[0] for r in rows) + " | total |")
        print("|---|" + "---|" * (len(rows) + 1))
        for q in scored_names:
            cells = [str(r[10][q]) for r in rows]
            print(f"| {q} | " + " | ".join(cells) + f" | {sum(r[10][q] for r in rows)} |")

    if ck.problems:
        print(f"\n{len(ck.problems)} problem(s):")
        for p in ck.problems:
            print("  -", p)
        return 1
    print("no problems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
