#!/usr/bin/env python3
"""Self-check of the heldout26 gold files (d1.yaml ... d4.yaml against d1.txt ... d4.txt).

Run from the repository root:

    python benchmarks/heldout26/check_gold.py [--scorer ../shared/gold/score.py] [--table]

Checks, for every file:
  * names and aliases are exact substrings of the text once its line breaks are removed, and no two
    entities share a normalised name or alias;
  * each entity's `articles` is exactly the set of articles whose text contains the name or an alias;
  * headlines (and kicker / sub-headline / sub-headings / caption / source lines) are printed in the
    text; `byline_line` is printed in its article; `starts_with` is the first 12 characters of the
    body after the byline; the body (starts_with ... ends_with) has 500-900 non-space characters;
  * reporters and correspondents of the byline are printed in `byline_line`, and the `reporter`
    relations of an article are exactly its byline reporters;
  * relation arguments name gold entities (by canonical name) of the right types, cite an existing
    article, and each argument's `articles` contains that article;
  * `uncertain`: in_gold true items list existing entities and exact copies of gold relations;
    in_gold false items list no gold relation and no gold entity; also_accept items are not gold
    relations and name known entities; items about aliases begin with "aliases" and list entities
    that have aliases;
  * no file of the set contains an absolute path of this machine (its work or temporary directory);
  * every file loads with `load_gold` of the reference scorer; across files an entity keeps one type.
Prints per-file counts (entities required/optional by type, relations annotated/scored by type).
Exit status 0 iff no problem was found.
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
FILES = ["d1", "d2", "d3", "d4"]
ORG = {"Organization", "Company", "GovernmentBody"}
TYPES = ORG | {"Person", "Award", "AwardCategory", "Report", "Initiative", "Region", "Event", "Product"}
SCORED = {"holdsPosition", "receivedAward", "publishedBy", "releasedAt", "locatedIn", "basedIn",
          "heldIn", "quoted", "reporter"}
ARGS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG},
    "receivedAward": {"recipient": ORG | {"Person"}, "award": {"Award"}, "category": {"AwardCategory", None}},
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
    "memberOf": {"org": ORG, "parent": ORG},
}
REL_ORDER = list(ARGS)
# absolute paths of the machine the set was written on (built from parts so that this file holds none)
MACHINE_PATH = re.compile(r"(?<![\w.~])/(" + "wo" + "rk|" + "tm" + r"p)(?![\w-])")
TYPE_ORDER = ["Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
              "Initiative", "Region", "Event", "Product"]


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("kg_reference_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def rel_key(r: dict) -> tuple:
    """A relation without its comment-free identity: every field, sorted."""
    return tuple(sorted((k, str(v)) for k, v in r.items()))


class Checker:
    def __init__(self, scorer):
        self.sc = scorer
        self.problems: list[str] = []
        self.types_across: dict[str, set] = defaultdict(set)   # norm name -> {(type, file)}
        self.alias_owner: dict[str, set] = defaultdict(set)    # norm alias -> {(canonical, file)}

    def bad(self, where: str, msg: str) -> None:
        self.problems.append(f"{where}: {msg}")

    # ------------------------------------------------------------------ one file
    def check_file(self, stem: str, table: list) -> None:
        txt_path, gold_path = HERE / f"{stem}.txt", HERE / f"{stem}.yaml"
        text = txt_path.read_text(encoding="utf-8")
        flat = text.replace("\r", "").replace("\n", "")
        lines = [ln.strip() for ln in text.splitlines()]
        g = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        W = gold_path.name
        norm = self.sc.norm

        if g.get("source") != txt_path.name:
            self.bad(W, f"source is {g.get('source')!r}, expected {txt_path.name!r}")

        # ---------------- articles: spans in the flattened text
        arts = g.get("articles") or []
        ids = [a["id"] for a in arts]
        if len(set(ids)) != len(ids):
            self.bad(W, "duplicate article ids")
        starts = []
        for a in arts:
            cands = [flat.find(a[k]) for k in ("kicker", "title", "starts_with") if a.get(k)]
            cands = [c for c in cands if c >= 0]
            if not cands:
                self.bad(W, f"{a['id']}: neither title nor starts_with found in the text")
                starts.append(None)
            else:
                starts.append(min(cands))
        spans = {}
        for i, a in enumerate(arts):
            s = starts[i]
            if s is None:
                continue
            e = next((starts[j] for j in range(i + 1, len(arts)) if starts[j] is not None), len(flat))
            if e < s:
                self.bad(W, f"{a['id']}: articles out of order")
            spans[a["id"]] = flat[s:e]

        for a in arts:
            aid, span = a["id"], spans.get(a["id"], "")
            for k in ("title", "kicker", "subtitle"):
                if a.get(k) and a[k].strip() not in lines:
                    self.bad(W, f"{aid}: {k} {a[k]!r} is not a line of the text")
            for k in ("subheadings",):
                for h in a.get(k) or []:
                    if h.strip() not in lines:
                        self.bad(W, f"{aid}: sub-heading {h!r} is not a line of the text")
            for k in ("caption", "source_line", "issue_line", "byline_line"):
                if a.get(k) and a[k] not in span:
                    self.bad(W, f"{aid}: {k} {a[k]!r} not printed in the article")
            by = a.get("byline") or {}
            bl = a.get("byline_line") or ""
            for p in (by.get("reporters") or []) + (by.get("correspondents") or []):
                if p not in bl:
                    self.bad(W, f"{aid}: byline person {p} not in byline_line")
            if by.get("place") and by["place"] not in bl:
                self.bad(W, f"{aid}: byline place {by['place']} not in byline_line")
            for p in a.get("photographers") or []:
                if p not in (a.get("caption") or ""):
                    self.bad(W, f"{aid}: photographer {p} not in the caption")
            if a.get("editor") and a["editor"] not in span:
                self.bad(W, f"{aid}: editor {a['editor']} not printed")
            sw = a.get("starts_with")
            if sw is not None:
                if len(sw) != 12:
                    self.bad(W, f"{aid}: starts_with has {len(sw)} characters, not 12")
                if bl:
                    i = span.find(bl)
                    after = span[i + len(bl):].lstrip() if i >= 0 else ""
                    if not after.startswith(sw):
                        self.bad(W, f"{aid}: body after the byline starts {after[:12]!r}, not {sw!r}")
                elif not span.startswith(sw) and sw not in span:
                    self.bad(W, f"{aid}: starts_with not found")
            ew = a.get("ends_with")
            if sw and ew:
                b0 = span.find(sw)
                b1 = span.find(ew, b0)
                if b0 < 0 or b1 < 0:
                    self.bad(W, f"{aid}: body bounds not found")
                else:
                    body = span[b0:b1 + len(ew)]
                    n = len(re.sub(r"\s", "", body))
                    a["_body_chars"] = n
                    if not 500 <= n <= 900:
                        self.bad(W, f"{aid}: body has {n} characters, outside 500-900")

        # ---------------- entities
        ents = g.get("entities") or []
        by_name: dict[str, dict] = {}
        seen_norm: dict[str, str] = {}
        for e in ents:
            nm, tp = e.get("name"), e.get("type")
            if not nm or tp not in TYPES:
                self.bad(W, f"entity {nm!r}: missing name or bad type {tp!r}")
                continue
            if nm in by_name:
                self.bad(W, f"entity {nm}: listed twice")
            by_name[nm] = e
            self.types_across[norm(nm)].add((tp, W))
            forms = [nm] + list(e.get("aliases") or [])
            for f in forms:
                if not isinstance(f, str) or not f:
                    self.bad(W, f"entity {nm}: empty or non-string alias {f!r}")
                    continue
                if f not in flat:
                    self.bad(W, f"entity {nm}: {f!r} is not a substring of the text")
                k = norm(f)
                if k in seen_norm and seen_norm[k] != nm:
                    self.bad(W, f"entity {nm}: form {f!r} normalises like a form of {seen_norm[k]}")
                seen_norm[k] = nm
                if f != nm:
                    self.alias_owner[k].add((nm, W))
            want = sorted(aid for aid, sp in spans.items() if any(f in sp for f in forms if f))
            have = sorted(e.get("articles") or [])
            if want != have:
                self.bad(W, f"entity {nm}: articles {have} but the forms occur in {want}")

        def resolve(name):
            if name is None:
                return None
            if name in by_name:
                return name
            for e in ents:
                if name in (e.get("aliases") or []):
                    return e["name"]
            return "?"

        # ---------------- relations
        rels = g.get("relations") or []
        gold_keys = {rel_key(r) for r in rels}
        if len(gold_keys) != len(rels):
            self.bad(W, "duplicate relations")

        def check_rel(r, where, strict=True):
            t = r.get("rel")
            if t not in ARGS:
                self.bad(W, f"{where}: unknown rel {t!r}")
                return
            aid = r.get("article")
            if aid not in spans:
                self.bad(W, f"{where}: {t} cites unknown article {aid!r}")
            if t == "holdsPosition" and not r.get("title"):
                self.bad(W, f"{where}: holdsPosition without title")
            if t == "receivedAward" and not r.get("year"):
                self.bad(W, f"{where}: receivedAward without year")
            for arg, allowed in ARGS[t].items():
                if arg not in r:
                    self.bad(W, f"{where}: {t} lacks {arg}")
                    continue
                v = r[arg]
                if v is None:
                    if None not in allowed:
                        self.bad(W, f"{where}: {t}.{arg} is null")
                    continue
                if strict:
                    if v not in by_name:
                        self.bad(W, f"{where}: {t}.{arg} {v!r} is not the canonical name of a gold entity")
                        continue
                    tp = by_name[v]["type"]
                    if tp not in allowed:
                        self.bad(W, f"{where}: {t}.{arg} {v} has type {tp}, expected {sorted(x for x in allowed if x)}")
                    if aid not in (by_name[v].get("articles") or []):
                        self.bad(W, f"{where}: {t}.{arg} {v} is not listed in article {aid}")
                elif resolve(v) == "?":
                    self.bad(W, f"{where}: {t}.{arg} {v!r} names no gold entity")

        for r in rels:
            check_rel(r, "relations")

        # reporters = byline reporters
        for a in arts:
            want = sorted((a.get("byline") or {}).get("reporters") or [])
            have = sorted(r["person"] for r in rels if r.get("rel") == "reporter" and r.get("article") == a["id"])
            if want != have:
                self.bad(W, f"{a['id']}: reporter relations {have} != byline reporters {want}")
        # quoted persons are printed in their article
        for r in rels:
            if r.get("rel") == "quoted" and r["person"] not in spans.get(r.get("article"), ""):
                self.bad(W, f"quoted {r['person']} not printed in {r.get('article')}")

        # ---------------- uncertain
        unc_true_rels, unc_any_rels = set(), set()
        optional = set()
        for u in g.get("uncertain") or []:
            item = str(u.get("item", ""))
            w = f"uncertain {item[:40]!r}"
            if "in_gold" not in u or not isinstance(u["in_gold"], bool):
                self.bad(W, f"{w}: in_gold must be true or false")
                continue
            for k in ("decision", "why"):
                if not u.get(k):
                    self.bad(W, f"{w}: missing {k}")
            for n in u.get("entities") or []:
                if u["in_gold"] and n not in by_name:
                    self.bad(W, f"{w}: entity {n!r} is not a gold entity")
                if not u["in_gold"] and n in by_name:
                    self.bad(W, f"{w}: rejected entity {n!r} is in the gold entities")
                if u["in_gold"] and not item.startswith(("aliases", "segment")):
                    optional.add(n)
            if item.startswith("aliases"):
                for n in u.get("entities") or []:
                    if n in by_name and not by_name[n].get("aliases"):
                        self.bad(W, f"{w}: {n} has no aliases")
            elif re.search(r"\balias", item) and not u["in_gold"] is False and (u.get("entities") or []) \
                    and all(by_name.get(n, {}).get("aliases") for n in u.get("entities") or []):
                self.bad(W, f"{w}: an item about aliases must begin with 'aliases'")
            for r in u.get("relations") or []:
                k = rel_key(r)
                unc_any_rels.add(k)
                if u["in_gold"]:
                    unc_true_rels.add(k)
                    if k not in gold_keys:
                        self.bad(W, f"{w}: relation {r} is not an exact copy of a gold relation")
                    check_rel(r, w)
                else:
                    if k in gold_keys:
                        self.bad(W, f"{w}: rejected relation {r} is in the gold relations")
                    check_rel(r, w, strict=False)
            for r in u.get("also_accept") or []:
                if rel_key(r) in gold_keys:
                    self.bad(W, f"{w}: also_accept {r} is already a gold relation")
                check_rel(r, w + " also_accept", strict=False)
        # every entity whose aliases exist should be covered by an "aliases" item (seed practice)
        covered = set()
        for u in g.get("uncertain") or []:
            if str(u.get("item", "")).startswith("aliases"):
                covered.update(u.get("entities") or [])
        for nm, e in by_name.items():
            if e.get("aliases") and nm not in covered and nm not in optional:
                self.bad(W, f"entity {nm}: has aliases but no 'aliases' item under uncertain")

        # ---------------- the reference scorer's view
        ents_ld, alias_to_key, rels_ld, optional_ld, neutral_ld = self.sc.load_gold([gold_path])
        n_req = Counter()
        n_opt = Counter()
        for k, rec in ents_ld.items():
            (n_opt if k in optional_ld else n_req)[rec["type"]] += 1
        ann, scored = Counter(), Counter()
        for r in rels:
            t = r["rel"]
            ann[t] += 1
            if t in SCORED:
                tmp = defaultdict(set)
                self.sc._add_rel(tmp, r, lambda x: None if x is None else alias_to_key.get(norm(x), norm(x)))
                if any(tup not in neutral_ld.get(fam, set()) for fam, tups in tmp.items() for tup in tups):
                    scored[t] += 1
        fam_total = sum(len(v) for v in rels_ld.values())
        n_body = [a.get("_body_chars") for a in arts]
        print(f"== {stem}: {len(arts)} article(s), body chars {n_body}; entities {sum(n_req.values())} required"
              f" + {sum(n_opt.values())} optional; relations {len(rels)} annotated, {sum(scored.values())} scored"
              f" ({fam_total} scored tuples after splitting titles)")
        print("   entities (req/opt): " + ", ".join(
            f"{t} {n_req[t]}/{n_opt[t]}" for t in TYPE_ORDER if n_req[t] or n_opt[t]))
        print("   relations (annotated/scored): " + ", ".join(
            f"{t} {ann[t]}/{scored[t] if t in SCORED else '-'}" for t in REL_ORDER if ann[t]))
        table.append((stem, arts, n_req, n_opt, ann, scored))

    # ------------------------------------------------------------------ all files
    def check_set(self) -> None:
        for k, tps in self.types_across.items():
            if len({t for t, _ in tps}) > 1:
                self.bad("set", f"entity {k!r} has different types across files: {sorted(tps)}")
        for k, owners in self.alias_owner.items():
            canon = {c for c, _ in owners}
            if len(canon) > 1:
                self.bad("set", f"alias {k!r} belongs to different entities across files: {sorted(owners)}")
            if k in self.types_across and not any(self.sc.norm(c) == k for c in canon):
                self.bad("set", f"alias {k!r} is also the name of an entity in another file")
        for p in sorted(HERE.iterdir()):
            if p.is_file() and p.suffix in {".txt", ".yaml", ".md", ".py"}:
                if MACHINE_PATH.search(p.read_text(encoding="utf-8")):
                    self.bad(p.name, "contains an absolute path of this machine")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scorer", type=Path, default=HERE.parents[1].parent / "shared" / "gold" / "score.py",
                    help="the reference scorer (default: ../shared/gold/score.py from the repository root)")
    ap.add_argument("--table", action="store_true", help="also print the README tables (markdown)")
    a = ap.parse_args()
    if not a.scorer.exists():
        print(f"reference scorer not found: {a.scorer} (pass --scorer)")
        return 2
    ck = Checker(load_scorer(a.scorer))
    table: list = []
    for stem in FILES:
        try:
            ck.check_file(stem, table)
        except Exception as err:  # a file that does not load is a problem, not a crash
            ck.bad(stem, f"could not be checked: {type(err).__name__}: {err}")
    ck.check_set()
    # the four files together, as one gold set
    ents, _, rels, opt, _ = ck.sc.load_gold([HERE / f"{s}.yaml" for s in FILES])
    print(f"== all: {len(ents)} distinct entities ({len(opt)} optional), "
          f"{sum(len(v) for v in rels.values())} scored relation tuples")
    if a.table:
        print_tables(table)
    if ck.problems:
        print(f"\n{len(ck.problems)} problem(s):")
        for p in ck.problems:
            print("  -", p)
        return 1
    print("\nno problems")
    return 0


def print_tables(table) -> None:
    print("\n| file | entities req/opt | relations annotated/scored |\n|---|---|---|")
    for stem, arts, req, opt, ann, sc in table:
        print(f"| {stem} | {sum(req.values())}/{sum(opt.values())} | {sum(ann.values())}/{sum(sc.values())} |")
    print("\n| entity type | " + " | ".join(s for s, *_ in table) + " | total |\n|---|" + "---|" * (len(table) + 1))
    for t in TYPE_ORDER:
        cells = [f"{r[t]}/{o[t]}" for _, _, r, o, _, _ in table]
        tr = sum(r[t] for _, _, r, _, _, _ in table)
        to = sum(o[t] for _, _, _, o, _, _ in table)
        print(f"| {t} | " + " | ".join(cells) + f" | {tr}/{to} |")
    print("\n| relation | " + " | ".join(s for s, *_ in table) + " | total |\n|---|" + "---|" * (len(table) + 1))
    for t in REL_ORDER:
        cells = [f"{a[t]}/{s[t] if t in SCORED else '-'}" for _, _, _, _, a, s in table]
        ta = sum(a[t] for *_, a, _ in table)
        ts = sum(s[t] for *_, s in table)
        print(f"| {t} | " + " | ".join(cells) + f" | {ta}/{ts if t in SCORED else '-'} |")


if __name__ == "__main__":
    sys.exit(main())
