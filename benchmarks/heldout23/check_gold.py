#!/usr/bin/env python3
"""Self-check of the heldout23 gold files (a1.yaml ... a4.yaml beside this script).

Checks, for each gold file and its text:
  - every entity name and alias is an exact substring of the text (line breaks and the
    indentation at the start of each line removed, as in the seed gold);
  - each entity's `articles` equals the set of articles whose text (headline to next headline)
    contains the name or an alias, nested occurrences included;
  - headlines are whole lines, in order; `starts_with` is 12 characters and begins the body
    (right after a dateline byline, else with no body sentence before it);
  - bylines: the reporters, place and date of `byline` match the printed byline, and the
    `reporter` relations of each article are exactly its byline reporters;
  - relations: known relation names and argument keys, arguments that are entities of the file
    (name or alias), argument types, and arguments present in the relation's article;
  - `uncertain`: item / in_gold / decision / why present; in_gold: true relations and entities
    are copies of gold items; in_gold: false relations, also_accept answers are not gold
    relations; items about aliases begin with "aliases"; no required scored relation needs an
    optional entity;
  - each file loads with `load_gold` of the reference scorer (counts are printed), and so do all
    files together; across files a normalised name has one type, an entity is not optional in
    one file and required in another, and a relation is not required in one file and neutral
    in another;
  - body length 500-900 characters; no absolute path of the machine in any file of the set.
Exit status 0 iff no problem was found.

Usage (from the repository root):
    python benchmarks/heldout23/check_gold.py [--scorer ../shared/gold/score.py] [GOLD.yaml ...]
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
ROOT = HERE.parents[1]  # the repository root (benchmarks/heldout23/ -> ..)
DEFAULT_SCORER = ROOT.parent / "shared" / "gold" / "score.py"

TYPES = ["Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory",
         "Report", "Initiative", "Region", "Event", "Product"]
ORG = {"Organization", "Company", "GovernmentBody"}
REL_ARGS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": None},
    "receivedAward": {"recipient": ORG | {"Person"}, "award": {"Award"},
                      "category": {"AwardCategory"}, "year": None},
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
SCORED = ("positions", "awards", "reports", "reports_at", "locations", "quotes", "reporters")
INDENT = " \t\u3000"

# printed bylines
RE_DATELINE = re.compile(r"(?:新华社|本报)(?P<place>[^\d（(]*?)(?P<m>\d+)月(?P<d>\d+)日电[\s\u3000]*"
                         r"（记者(?P<names>[^）]+)）")
RE_HK = re.compile(r"香港文匯報訊（記者(?P<names>[^）]+)）")
RE_END = re.compile(r"（本报记者(?P<names>[^）]+)）")
RE_LINE = re.compile(r"^本报记者(?P<names>[^（）。]+)$")


def flat_lines(lines: list[str]) -> str:
    return "".join(line.lstrip(INDENT) for line in lines)


class Problems:
    def __init__(self):
        self.items: list[str] = []

    def add(self, where: str, msg: str):
        self.items.append(f"{where}: {msg}")


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def parse_names(raw: str) -> tuple[list[str], str | None]:
    """Reporter names of a byline's parenthesis, and the place of "X報道" if any."""
    raw = re.split(r"通讯员|通訊員", raw)[0]
    place = None
    m = re.search(r"(\S+?)報道$", raw.strip(INDENT))
    if m:
        place = m.group(1)
        raw = raw.strip(INDENT)[: m.start()]
    names = [n.strip(INDENT) for n in re.split(r"[、，,\s\u3000]+", raw) if n.strip(INDENT)]
    names = [n[:-2] if n.endswith("整理") else n for n in names]
    return names, place


def check_file(gold_path: Path, P: Problems, scorer) -> dict:
    where = gold_path.name
    g = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    text_path = gold_path.parent / g["source"]
    text = text_path.read_text(encoding="utf-8")
    lines = text.splitlines()
    whole = flat_lines(lines)
    norm = scorer.norm

    # ---------------------------------------------------------------- articles and spans
    arts = g.get("articles") or []
    ids = [a["id"] for a in arts]
    if len(set(ids)) != len(ids):
        P.add(where, f"duplicate article ids {ids}")
    starts = []
    pos = 0
    for a in arts:
        found = None
        for i in range(pos, len(lines)):
            if lines[i].strip(INDENT) == a["title"]:
                found = i
                break
        if found is None:
            P.add(where, f"headline of {a['id']} not found as a whole line (in order): {a['title']}")
            found = pos
        starts.append(found)
        pos = found + 1
    spans = {}
    for k, a in enumerate(arts):
        end = starts[k + 1] if k + 1 < len(arts) else len(lines)
        spans[a["id"]] = (starts[k], end)
    span_text = {aid: flat_lines(lines[s:e]) for aid, (s, e) in spans.items()}
    header = flat_lines(lines[: starts[0]]) if starts else whole

    # ---------------------------------------------------------------- bylines, starts_with
    body_chars = 0
    for a in arts:
        aid = a["id"]
        s, e = spans[aid]
        after_title = lines[s + 1:e]
        at = flat_lines(after_title)
        by = a.get("byline") or {}
        reporters = list(by.get("reporters") or [])
        printed, place, date_md = [], None, None
        matches = []
        m = RE_DATELINE.search(at)
        if m:
            matches.append(m)
            names, _ = parse_names(m.group("names"))
            printed += names
            place = m.group("place").strip(INDENT) or None
            date_md = (int(m.group("m")), int(m.group("d")))
        m = RE_HK.search(at)
        if m:
            matches.append(m)
            names, place = parse_names(m.group("names"))
            printed += names
        for m in RE_END.finditer(at):
            names, _ = parse_names(m.group("names"))
            printed += names
        for ln in after_title:
            m = RE_LINE.match(ln.strip(INDENT))
            if m:
                names, _ = parse_names(m.group("names"))
                printed += names
        if sorted(printed) != sorted(reporters):
            P.add(where, f"{aid}: byline reporters {reporters} but printed {printed}")
        want_place = by.get("place")
        if want_place is None and place is not None:
            P.add(where, f"{aid}: byline place null but printed {place}")
        if want_place is not None and not (place and place.endswith(want_place)):
            P.add(where, f"{aid}: byline place {want_place} but printed {place}")
        want_date = by.get("date")
        if want_date is None and date_md is not None:
            P.add(where, f"{aid}: byline date null but printed {date_md}")
        if want_date is not None and (date_md is None or (want_date.month, want_date.day) != date_md):
            P.add(where, f"{aid}: byline date {want_date} but printed {date_md}")
        rel_rep = sorted(r["person"] for r in g.get("relations") or []
                         if r.get("rel") == "reporter" and r.get("article") == aid)
        if rel_rep != sorted(reporters):
            P.add(where, f"{aid}: reporter relations {rel_rep} != byline reporters {sorted(reporters)}")
        # starts_with
        sw = a.get("starts_with") or ""
        if len(sw) != 12:
            P.add(where, f"{aid}: starts_with has {len(sw)} characters, not 12: {sw}")
        k = at.find(sw) if sw else -1
        if k < 0:
            P.add(where, f"{aid}: starts_with not found in the article: {sw}")
        else:
            dl = [m for m in matches if m.start() <= k]
            if dl:
                if k != dl[-1].end():
                    P.add(where, f"{aid}: starts_with does not follow the byline: {at[dl[-1].end():dl[-1].end() + 12]}")
            else:
                line_starts, acc = set(), 0
                for ln in after_title:
                    line_starts.add(acc)
                    acc += len(ln.lstrip(INDENT))
                if k not in line_starts:
                    P.add(where, f"{aid}: starts_with does not begin a line")
                if re.search(r"[。！？]", at[:k]):
                    P.add(where, f"{aid}: a sentence precedes starts_with: {at[:k]}")
        # body length: everything after the headline minus the byline strings
        body = at
        for rx in (RE_DATELINE, RE_HK, RE_END):
            body = rx.sub("", body)
        body = "".join(ln for ln in body.split() if not RE_LINE.match(ln))
        body_chars += len(re.sub(r"\s", "", body))
    if not 500 <= body_chars <= 900:
        P.add(where, f"body has {body_chars} characters (want 500-900)")

    # ---------------------------------------------------------------- entities
    ents = g.get("entities") or []
    by_label: dict[str, dict] = {}
    by_norm: dict[str, dict] = {}
    for e in ents:
        if e.get("type") not in TYPES:
            P.add(where, f"unknown type {e.get('type')} of {e.get('name')}")
        labels = [e["name"]] + list(e.get("aliases") or [])
        for lab in labels:
            if lab in by_label:
                P.add(where, f"label {lab} used by two entities")
            by_label[lab] = e
            nk = norm(lab)
            if nk in by_norm and by_norm[nk] is not e:
                P.add(where, f"normalised label {nk} used by two entities")
            by_norm[nk] = e
            if lab not in whole:
                P.add(where, f"{lab} ({e['name']}) is not a substring of the text")
        want = {aid for aid in ids if any(lab in span_text[aid] for lab in labels)}
        got = set(e.get("articles") or [])
        if got != want:
            P.add(where, f"articles of {e['name']}: {sorted(got)} but the text gives {sorted(want)}")
        if not want and not any(lab in header for lab in labels):
            P.add(where, f"{e['name']} occurs in no article and not in the page header")

    def ent(name):
        if name is None:
            return None
        return by_label.get(name) or by_norm.get(norm(name))

    def check_rel(r: dict, ctx: str, strict: bool, need_entities: bool = True):
        rel = r.get("rel")
        if rel not in REL_ARGS:
            P.add(where, f"{ctx}: unknown relation {rel}")
            return
        spec = REL_ARGS[rel]
        extra = set(r) - set(spec) - {"rel", "article"}
        if extra:
            P.add(where, f"{ctx}: unexpected keys {sorted(extra)} in {r}")
        if r.get("article") not in ids:
            P.add(where, f"{ctx}: unknown article {r.get('article')} in {r}")
        for key, types in spec.items():
            if key not in r:
                P.add(where, f"{ctx}: missing {key} in {r}")
                continue
            v = r[key]
            if types is None:
                if rel == "receivedAward" and key == "year" and v is not None and not re.fullmatch(r"\d{4}", str(v)):
                    P.add(where, f"{ctx}: bad year {v}")
                continue
            if v is None:
                if not (rel == "receivedAward" and key == "category"):
                    P.add(where, f"{ctx}: {key} is null in {r}")
                continue
            e = ent(v)
            if e is None:
                if need_entities:
                    P.add(where, f"{ctx}: {key} {v} is not an entity of the file")
                continue
            if strict and e["type"] not in types:
                P.add(where, f"{ctx}: {key} {v} has type {e['type']}, want one of {sorted(types)}")
            if strict and r.get("article") not in (e.get("articles") or []):
                P.add(where, f"{ctx}: {key} {v} does not occur in article {r.get('article')}")

    rels = g.get("relations") or []
    canon = lambda r: tuple(sorted((k, str(v)) for k, v in r.items()))  # noqa: E731
    gold_set = Counter(canon(r) for r in rels)
    for r, c in gold_set.items():
        if c > 1:
            P.add(where, f"duplicate relation {dict(r)}")
    for r in rels:
        check_rel(r, "relation", strict=True)

    # ---------------------------------------------------------------- uncertain
    optional_names = set()
    for u in g.get("uncertain") or []:
        item = str(u.get("item", ""))
        ctx = f"uncertain '{item}'"
        for key in ("item", "in_gold", "decision", "why"):
            if key not in u:
                P.add(where, f"{ctx}: missing {key}")
        if not isinstance(u.get("in_gold"), bool):
            P.add(where, f"{ctx}: in_gold is not true/false")
        is_alias = item.startswith(("aliases", "segment"))
        if re.search(r"\balias", item) and not is_alias:
            P.add(where, f"{ctx}: an item about aliases must begin with 'aliases'")
        for n in u.get("entities") or []:
            e = ent(n)
            if u.get("in_gold") is True and e is None:
                P.add(where, f"{ctx}: entity {n} is not in the gold entities")
            if u.get("in_gold") is False and e is not None:
                P.add(where, f"{ctx}: rejected item lists the gold entity {n} (the scorer would make it optional)")
            if is_alias and e is not None and not e.get("aliases"):
                P.add(where, f"{ctx}: {n} has no aliases")
            if not is_alias and e is not None:
                optional_names.add(e["name"])
        for r in u.get("relations") or []:
            if u.get("in_gold") is True:
                if canon(r) not in gold_set:
                    P.add(where, f"{ctx}: relation is not a gold relation: {r}")
                check_rel(r, ctx, strict=True)
            else:
                if canon(r) in gold_set:
                    P.add(where, f"{ctx}: rejected relation is a gold relation: {r}")
                check_rel(r, ctx, strict=False, need_entities=False)
        for r in u.get("also_accept") or []:
            if canon(r) in gold_set:
                P.add(where, f"{ctx}: also_accept answer is a gold relation: {r}")
            check_rel(r, ctx, strict=False, need_entities=False)

    # ---------------------------------------------------------------- reference scorer
    g_ents, alias_to_key, g_rels, optional_keys, neutral = scorer.load_gold([gold_path])
    for k in optional_keys:
        if k not in g_ents:
            P.add(where, f"optional key {k} is not a gold entity")
    # a required scored relation must not need an optional entity
    for name in SCORED:
        for tup in g_rels.get(name, set()):
            for k in tup:
                if k in optional_keys:
                    P.add(where, f"required {name} {tup} uses the optional entity {k}")
    required = {k: v for k, v in g_ents.items() if k not in optional_keys}
    type_counts = Counter(v["type"] for v in required.values())
    opt_counts = Counter(g_ents[k]["type"] for k in optional_keys if k in g_ents)
    rel_counts = Counter(r["rel"] for r in rels)
    scored = {n: len(g_rels.get(n, set())) for n in SCORED}
    return {
        "file": where, "articles": len(arts), "body_chars": body_chars,
        "entities": len(g_ents), "required": len(required), "optional": len(optional_keys),
        "type_counts": type_counts, "opt_counts": opt_counts, "rel_counts": rel_counts,
        "annotated": len(rels), "scored": scored, "scored_total": sum(scored.values()),
        "neutral": sum(len(v) for v in neutral.values()),
        "keys": {k: v["type"] for k, v in g_ents.items()}, "optional_keys": set(optional_keys),
        "req_rels": {n: set(g_rels.get(n, set())) for n in SCORED},
        "neutral_rels": {n: set(neutral.get(n, set())) for n in SCORED},
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="*", type=Path)
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER,
                    help="the reference scorer (default: ../shared/gold/score.py from the repository root)")
    a = ap.parse_args()
    golds = a.gold or sorted(HERE.glob("a[0-9].yaml"))
    scorer = load_scorer(a.scorer)
    P = Problems()
    results = [check_file(p, P, scorer) for p in golds]

    # ---------------------------------------------------------------- across files
    types: dict[str, dict[str, str]] = defaultdict(dict)
    for r in results:
        for k, t in r["keys"].items():
            types[k][r["file"]] = t
    for k, by in types.items():
        if len(set(by.values())) > 1:
            P.add("set", f"{k} has different types across files: {by}")
    for r in results:
        for k in r["optional_keys"]:
            for r2 in results:
                if k in r2["keys"] and k not in r2["optional_keys"]:
                    P.add("set", f"{k} is optional in {r['file']} but required in {r2['file']}")
    for r in results:
        for n in SCORED:
            for tup in r["req_rels"][n]:
                for r2 in results:
                    if tup in r2["neutral_rels"][n]:
                        P.add("set", f"{n} {tup} is required in {r['file']} but neutral in {r2['file']}")
    all_ents, _, all_rels, all_opt, all_neutral = scorer.load_gold(golds)

    # ---------------------------------------------------------------- no machine paths
    bad = ["/" + "work", "/" + "tmp"]
    for f in sorted(HERE.iterdir()):
        if f.is_file() and f.suffix in {".txt", ".yaml", ".md", ".py"}:
            s = f.read_text(encoding="utf-8")
            for b in bad:
                if b in s:
                    P.add(f.name, f"contains a path starting with {b}")

    # ---------------------------------------------------------------- report
    print(f"{'file':9} {'art':>3} {'body':>4} {'ent':>4} {'req':>4} {'opt':>4} {'rels':>4} {'scored':>6} {'neutral':>7}")
    for r in results:
        print(f"{r['file']:9} {r['articles']:3} {r['body_chars']:4} {r['entities']:4} {r['required']:4} "
              f"{r['optional']:4} {r['annotated']:4} {r['scored_total']:6} {r['neutral']:7}")
    print("\nrequired (+optional) entities by type:")
    for t in TYPES:
        row = [f"{r['type_counts'][t]}" + (f"+{r['opt_counts'][t]}" if r['opt_counts'][t] else "") for r in results]
        print(f"  {t:15} " + " ".join(f"{x:>6}" for x in row))
    print("\nannotated relations by type:")
    for rel in REL_ARGS:
        row = [r["rel_counts"][rel] for r in results]
        print(f"  {rel:15} " + " ".join(f"{x:>6}" for x in row))
    print("\nscored (required) relation tuples by query:")
    for n in SCORED:
        row = [r["scored"][n] for r in results]
        print(f"  {n:15} " + " ".join(f"{x:>6}" for x in row))
    n_req = len([k for k in all_ents if k not in all_opt])
    print(f"\nall files together (load_gold): {len(all_ents)} entities ({n_req} required, {len(all_opt)} optional); "
          f"{sum(len(v) for v in all_rels.values())} scored relation tuples; "
          f"{sum(len(v) for v in all_neutral.values())} neutral")
    if P.items:
        print(f"\n{len(P.items)} problem(s):")
        for x in P.items:
            print("  -", x)
        return 1
    print("\nno problems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
