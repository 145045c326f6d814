#!/usr/bin/env python3
"""Self-check of the heldout29 gold files (i1.yaml ... i4.yaml against i1.txt ... i4.txt).

Run from the repository root:

    python benchmarks/heldout29/check_gold.py
    python benchmarks/heldout29/check_gold.py --scorer ../shared/gold/score.py benchmarks/heldout29/i2.yaml

It checks, for every gold file:
  * articles: unique ids; each headline is a whole line of the text; articles appear in file order;
    `starts_with` is 12 characters and is where the body begins (only headline material -- sub-title,
    byline, source line, markers -- lies between the headline and it, no sentence end "。");
    byline place and reporters occur in the article; the date is ISO or null;
  * reporters: the `reporter` relations of each article are exactly the byline reporters;
  * entities: valid type; unique normalised names; no alias shared by two entities; the name and
    every alias are exact substrings of the text once line breaks are removed; `articles` is exactly
    the list of articles whose text (headline to the next headline) contains the name or an alias;
  * relations: known relation type; every argument is the canonical name of a gold entity of an
    allowed type and occurs in the relation's article; a holdsPosition title occurs in the article;
    no duplicates;
  * uncertain: in_gold is a boolean; in_gold true items copy gold entities / relations exactly;
    in_gold false items and also_accept answers are not gold; items about aliases begin with
    "aliases" and list entities that have aliases; rejected candidates name strings of the text;
  * the body of each text (headline and headline material excluded) is 500-900 characters;
  * each file loads with `load_gold` of the reference scorer; counts are printed.
Also across files: one type per normalised name; no machine path written in the set's files.
Exit status 0 iff no problem was found.
"""
from __future__ import annotations

import argparse
import datetime
import importlib.util
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]  # the repository root (this file is benchmarks/heldout29/check_gold.py)
DEFAULT_SCORER = ROOT.parent / "shared" / "gold" / "score.py"

TYPES = ["Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"]
ORG = {"Organization", "Company", "GovernmentBody"}
ROLES = {  # relation -> {argument: allowed entity types}
    "holdsPosition": {"person": {"Person"}, "org": ORG},
    "receivedAward": {"recipient": {"Person"} | ORG, "award": {"Award"}, "category": {"AwardCategory"}},
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
NULLABLE = {("receivedAward", "category")}
EXTRA_KEYS = {"holdsPosition": {"title"}, "receivedAward": {"year"}}
SCORED = ("positions", "awards", "reports", "reports_at", "locations", "quotes", "reporters")
BODY_MIN, BODY_MAX = 500, 900


def load_scorer(path: Path):
    sys.dont_write_bytecode = True  # leave no __pycache__ beside the reference scorer
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def rel_key(r: dict) -> tuple:
    """A relation as a comparable value (missing and null are the same; the year as text)."""
    items = []
    for k, v in r.items():
        if v is None:
            continue
        items.append((k, str(v)))
    return tuple(sorted(items))


class Checker:
    def __init__(self, scorer):
        self.sc = scorer
        self.problems: list[str] = []
        self.type_of_key: dict[str, tuple[str, str]] = {}

    def bad(self, where: str, msg: str) -> None:
        self.problems.append(f"{where}: {msg}")

    # ------------------------------------------------------------------ one gold file
    def check_file(self, ypath: Path) -> dict:
        W = ypath.name
        try:
            g = yaml.safe_load(ypath.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as err:
            self.bad(W, f"cannot be read as YAML: {err}")
            return {}
        src = g.get("source")
        tpath = ypath.parent / str(src)
        if not src or not tpath.exists():
            self.bad(W, f"source {src!r} not found beside the gold file")
            return {}
        raw = tpath.read_text(encoding="utf-8").replace("\r\n", "\n")
        lines = raw.split("\n")
        flat = "".join(lines)
        line_off, o = [], 0
        for ln in lines:
            line_off.append(o)
            o += len(ln)

        # ---- articles: segmentation by headline (or by starts_with for an untitled segment)
        arts = g.get("articles") or []
        ids = [a.get("id") for a in arts]
        if len(set(ids)) != len(ids):
            self.bad(W, f"duplicate article ids {ids}")
        starts, title_end = {}, {}
        pos, line_i = 0, 0
        for a in arts:
            aid, title = a.get("id"), a.get("title")
            if title:
                found = None
                for i in range(line_i, len(lines)):
                    if lines[i].strip() == title:
                        found = i
                        break
                if found is None:
                    self.bad(f"{W} {aid}", f"headline {title!r} is not a whole line of the text (after the previous article)")
                    continue
                s = line_off[found] + lines[found].index(title)
                starts[aid], title_end[aid] = s, s + len(title)
                line_i = found + 1
                pos = s
            else:
                sw = a.get("starts_with") or ""
                s = flat.find(sw, pos) if sw else -1
                if s < 0:
                    self.bad(f"{W} {aid}", "untitled segment: starts_with not found after the previous article")
                    continue
                starts[aid], title_end[aid] = s, s
                pos = s + 1
                while line_i < len(lines) and line_off[line_i] + len(lines[line_i]) <= s:
                    line_i += 1
        order = [a.get("id") for a in arts if a.get("id") in starts]
        if [starts[x] for x in order] != sorted(starts[x] for x in order):
            self.bad(W, "articles are not in file order")
        spans = {}
        for i, aid in enumerate(order):
            end = starts[order[i + 1]] if i + 1 < len(order) else len(flat)
            spans[aid] = (starts[aid], end)
        text_of = {aid: flat[s:e] for aid, (s, e) in spans.items()}

        body_chars = 0
        byline_rep = {}
        for a in arts:
            aid = a.get("id")
            if aid not in spans:
                continue
            s, e = spans[aid]
            sw = a.get("starts_with")
            if not isinstance(sw, str) or len(sw) != 12:
                self.bad(f"{W} {aid}", f"starts_with must be the first 12 characters of the body, got {sw!r}")
            k = flat.find(sw or "\x00", title_end[aid], e)
            if k < 0:
                self.bad(f"{W} {aid}", f"starts_with {sw!r} not found in the article after its headline")
                k = title_end[aid]
            header = flat[title_end[aid]:k]
            if "。" in header or len(header) > 150:
                self.bad(f"{W} {aid}", f"starts_with is not where the body begins (before it: {header[:60]!r}...)")
            body_chars += len(re.sub(r"\s", "", flat[k:e]))
            by = a.get("byline")
            if not isinstance(by, dict) or set(by) != {"place", "date", "reporters"}:
                self.bad(f"{W} {aid}", "byline must be {place, date, reporters}")
                continue
            d = by.get("date")
            if d is not None and not isinstance(d, datetime.date) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(d)):
                self.bad(f"{W} {aid}", f"byline date {d!r} is not ISO")
            if by.get("place") and by["place"] not in text_of[aid]:
                self.bad(f"{W} {aid}", f"byline place {by['place']!r} not in the article")
            reps = by.get("reporters") or []
            for r in reps:
                if r not in text_of[aid]:
                    self.bad(f"{W} {aid}", f"byline reporter {r!r} not in the article")
            byline_rep[aid] = set(reps)
            if a.get("kind") is None:
                self.bad(f"{W} {aid}", "kind missing")
        if not BODY_MIN <= body_chars <= BODY_MAX:
            self.bad(W, f"body is {body_chars} characters, outside {BODY_MIN}-{BODY_MAX}")

        # ---- entities
        ents = g.get("entities") or []
        by_name: dict[str, dict] = {}
        key_owner: dict[str, str] = {}
        for e in ents:
            n, t = e.get("name"), e.get("type")
            where = f"{W} entity {n!r}"
            if not isinstance(n, str) or not n:
                self.bad(W, f"entity without a name: {e}")
                continue
            if n in by_name:
                self.bad(where, "listed twice")
            by_name[n] = e
            if t not in TYPES:
                self.bad(where, f"unknown type {t!r}")
            names = [n] + list(e.get("aliases") or [])
            for x in names:
                if not isinstance(x, str) or x not in flat:
                    self.bad(where, f"{x!r} is not an exact substring of the text (line breaks removed)")
                k = self.sc.norm(x)
                if k in key_owner and key_owner[k] != n:
                    self.bad(where, f"{x!r} normalises like a name of {key_owner[k]!r}")
                key_owner.setdefault(k, n)
            kk = self.sc.norm(n)
            if kk in self.type_of_key and self.type_of_key[kk][0] != t:
                self.bad(where, f"typed {t} here but {self.type_of_key[kk][0]} in {self.type_of_key[kk][1]}")
            self.type_of_key.setdefault(kk, (t, W))
            want = [aid for aid in order if any(x in text_of[aid] for x in names if isinstance(x, str))]
            have = list(e.get("articles") or [])
            if sorted(have) != sorted(want):
                self.bad(where, f"articles {have} but the name or an alias occurs in {want}")
            if not want:
                self.bad(where, "occurs in no article")

        # ---- relations
        rels = g.get("relations") or []
        gold_keys = Counter()
        rep_by_art = defaultdict(set)
        for r in rels:
            where = f"{W} relation {r}"
            rel = r.get("rel")
            if rel not in ROLES:
                self.bad(where, "unknown relation type")
                continue
            allowed = set(ROLES[rel]) | EXTRA_KEYS.get(rel, set()) | {"rel", "article"}
            if set(r) - allowed:
                self.bad(where, f"unexpected keys {sorted(set(r) - allowed)}")
            aid = r.get("article")
            if aid not in spans:
                self.bad(where, f"unknown article {aid!r}")
                continue
            for role, types in ROLES[rel].items():
                v = r.get(role)
                if v is None:
                    if (rel, role) not in NULLABLE:
                        self.bad(where, f"{role} missing")
                    continue
                e = by_name.get(v)
                if e is None:
                    self.bad(where, f"{role} {v!r} is not the name of a gold entity")
                    continue
                if e.get("type") not in types:
                    self.bad(where, f"{role} {v!r} is a {e.get('type')}, expected one of {sorted(types)}")
                if aid not in (e.get("articles") or []):
                    self.bad(where, f"{role} {v!r} does not occur in {aid}")
            if rel == "holdsPosition":
                t = r.get("title")
                if not t or t not in text_of[aid]:
                    self.bad(where, f"title {t!r} does not occur in {aid}")
            if rel == "receivedAward" and r.get("year") is not None and not isinstance(r.get("year"), int):
                self.bad(where, "year must be an integer")
            if rel == "reporter":
                rep_by_art[aid].add(r.get("person"))
            gold_keys[rel_key(r)] += 1
        for k, c in gold_keys.items():
            if c > 1:
                self.bad(W, f"relation listed {c} times: {dict(k)}")
        for aid in order:
            if rep_by_art.get(aid, set()) != byline_rep.get(aid, set()):
                self.bad(f"{W} {aid}", f"reporter relations {sorted(rep_by_art.get(aid, set()))} "
                                       f"differ from byline reporters {sorted(byline_rep.get(aid, set()))}")

        # ---- uncertain
        all_names = {self.sc.norm(x) for e in ents for x in [e.get("name")] + list(e.get("aliases") or []) if x}
        for u in g.get("uncertain") or []:
            item = str(u.get("item", ""))
            where = f"{W} uncertain {item[:50]!r}"
            if not item or not isinstance(u.get("in_gold"), bool) or not u.get("decision") or not u.get("why"):
                self.bad(where, "needs item, in_gold (true/false), decision and why")
                continue
            if re.search(r"\balias", item) and not item.startswith("aliases"):
                self.bad(where, "an item about aliases must begin with 'aliases'")
            for n in u.get("entities") or []:
                if u["in_gold"]:
                    if n not in by_name:
                        self.bad(where, f"entity {n!r} is not a gold entity")
                    elif item.startswith("aliases") and not by_name[n].get("aliases"):
                        self.bad(where, f"entity {n!r} has no aliases")
                else:
                    if self.sc.norm(n) in all_names:
                        self.bad(where, f"rejected entity {n!r} is a gold name or alias")
                    if n not in flat:
                        self.bad(where, f"rejected entity {n!r} does not occur in the text")
            for r in u.get("relations") or []:
                k = rel_key(r)
                if u["in_gold"] and k not in gold_keys:
                    self.bad(where, f"in_gold relation is not an exact copy of a gold relation: {r}")
                if not u["in_gold"] and k in gold_keys:
                    self.bad(where, f"rejected relation is in the gold relations: {r}")
                if not u["in_gold"]:
                    self._check_loose(where, r, flat, spans)
            for r in u.get("also_accept") or []:
                if rel_key(r) in gold_keys:
                    self.bad(where, f"also_accept answer is a gold relation: {r}")
                self._check_loose(where, r, flat, spans)

        # ---- reference loader
        try:
            gents, _a2k, grels, opt, neutral = self.sc.load_gold([ypath])
        except Exception as err:  # noqa: BLE001
            self.bad(W, f"load_gold failed: {err!r}")
            return {}
        req_types = Counter(v["type"] for k, v in gents.items() if k not in opt)
        opt_types = Counter(v["type"] for k, v in gents.items() if k in opt)
        stray_opt = sorted(k for k in opt if k not in gents)
        return {
            "file": W, "articles": len(order), "body": body_chars,
            "entities": len(gents), "required": sum(req_types.values()), "optional": sum(opt_types.values()),
            "rejected_entities": stray_opt,
            "optional_names": sorted(v["name"] for k, v in gents.items() if k in opt),
            "req_types": req_types, "opt_types": opt_types,
            "rel_types": Counter(r.get("rel") for r in rels),
            "scored": {k: len(grels.get(k, set())) for k in SCORED},
            "neutral": sum(len(v) for v in neutral.values()),
        }

    def _check_loose(self, where, r, flat, spans):
        """A rejected candidate or also_accept answer: known type and article, arguments from the text."""
        rel = r.get("rel")
        if rel not in ROLES:
            self.bad(where, f"unknown relation type in {r}")
            return
        if r.get("article") not in spans:
            self.bad(where, f"unknown article in {r}")
        for role in ROLES[rel]:
            v = r.get(role)
            if v is not None and str(v) not in flat:
                self.bad(where, f"{role} {v!r} does not occur in the text ({r})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="*", type=Path, help="gold files (default: i*.yaml beside this script)")
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER,
                    help="the reference scorer score.py (default: ../shared/gold/score.py from the repository root)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list optional and rejected entities")
    a = ap.parse_args()
    files = a.gold or sorted(HERE.glob("i[0-9]*.yaml"))
    if not a.scorer.exists():
        print(f"reference scorer not found: {a.scorer}")
        return 2
    sc = load_scorer(a.scorer)
    ck = Checker(sc)
    if getattr(sc, "_T2S", None) is None:
        ck.bad("scorer", "OpenCC is not installed: traditional names would not be normalised")

    stats = [s for s in (ck.check_file(p) for p in files) if s]

    # no machine path in the files of the set
    bad_prefixes = ("/" + "work", "/" + "tmp")
    for p in sorted(HERE.iterdir()):
        if p.is_file() and p.suffix in {".txt", ".yaml", ".md", ".py"}:
            s = p.read_text(encoding="utf-8")
            for bp in bad_prefixes:
                if bp + "/" in s:
                    ck.bad(p.name, f"contains a machine path starting with {bp}/")

    # ---- report
    print(f"{'file':9} {'arts':>4} {'body':>5} {'ents':>5} {'req':>4} {'opt':>4}  relations annotated / scored")
    tot_req, tot_opt, tot_rel = Counter(), Counter(), Counter()
    for s in stats:
        n_ann = sum(s["rel_types"].values())
        n_sc = sum(s["scored"].values())
        print(f"{s['file']:9} {s['articles']:4} {s['body']:5} {s['entities']:5} "
              f"{s['required']:4} {s['optional']:4}  {n_ann:3} / {n_sc:3}  "
              + " ".join(f"{k}={v}" for k, v in s["scored"].items() if v))
        if a.verbose:
            print("          optional: " + "、".join(s["optional_names"]))
            print("          rejected candidates: " + "、".join(s["rejected_entities"]))
        tot_req += s["req_types"]
        tot_opt += s["opt_types"]
        tot_rel += s["rel_types"]
    if stats:
        print("entities by type (required + optional gold; rejected candidates not counted):")
        for t in TYPES:
            print(f"  {t:15} {tot_req[t]:3} + {tot_opt[t]:2}")
        print("relations by type (annotated):")
        for rel in ROLES:
            print(f"  {rel:15} {tot_rel[rel]:3}")
        try:
            gents, _a, grels, opt, _n = sc.load_gold(files)
            print(f"all files together: {len(gents)} distinct gold entities, "
                  f"{sum(len(v) for v in grels.values())} scored relation facts")
        except Exception as err:  # noqa: BLE001
            ck.bad("all", f"load_gold of all files failed: {err!r}")
    if ck.problems:
        print(f"\n{len(ck.problems)} problem(s):")
        for p in ck.problems:
            print("  - " + p)
        return 1
    print("\nno problems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
