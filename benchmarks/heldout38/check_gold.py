#!/usr/bin/env python3
"""Check the heldout38 gold files (ph*.yaml) against their texts (ph*.txt).

Run from the repository root:
    python benchmarks/heldout38/check_gold.py [--scorer PATH] [FILE.yaml ...]

Checks, for every yaml:
  - every entity name and alias occurs in the text once its line breaks are removed;
  - names and aliases are unique across entities (after the scorer's normalisation);
  - `articles` of each entity equals the set of articles whose text (headline, byline and body,
    page furniture excluded; nested occurrences counted) contains the name or an alias; an entity
    seen only in page furniture has `articles: []` and must be optional (an `uncertain` item
    with in_gold: true lists it);
  - each article's headline occurs as a line of the text; `starts_with` equals the first
    12 characters of the body after the byline; byline place, date and reporters occur;
  - relation argument shapes and types, `article` ids, arguments present in that article;
  - reporter relations = the byline reporters of each article;
  - `uncertain` items: in_gold true => their entities/relations are gold items;
    in_gold false => their relations are not gold items; also_accept items are not gold items;
  - the file loads with `load_gold` of the reference scorer.
Prints per-file counts and a total line; exits 0 iff no problem is found.
Needs PyYAML; uses OpenCC when installed (only through the scorer's normalisation).
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import re
import sys
import unicodedata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

# ---------------------------------------------------------------- page layout, per text
# furniture: lines that are page furniture (navigation, tools, editor lines); their names are
#            not counted in `articles`.
# tail:      a line from which the rest of the page is furniture (related links, references).
# head:      lines that belong to the article (they count for `articles`) but are not body
#            (date/source lines, bylines, photo credits, subtitles, infobox labels).
# inline_byline: a byline printed at the start of the first body paragraph.
LAYOUT = {
    "ph1": {
        "furniture": [r"^新华网 > ", r"^【纠错】"],
        "tail": None,
        "head": [r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s*来源：", r"^新华社记者 \S+ 摄$"],
        "inline_byline": None,
    },
    "ph2": {
        "furniture": [r"^星洲网 > "],
        "tail": r"^相关新闻：",
        "head": [r"^\d{4}年\d+月\d+日 \d\d:\d\d$", r"^报道：", r"^（星洲日报）$"],
        "inline_byline": r"^（[^（）]{1,8}\d{1,2}日讯）",
    },
    "ph3": {
        "furniture": [r"^首页 > ", r"^打印本页"],
        "tail": None,
        "head": [r"^\d{4}-\d\d-\d\d \d\d:\d\d$"],
        "inline_byline": None,
    },
    "ph4": {
        "furniture": [r"^(播报|编辑|讨论|上传视频|收藏|查看我的收藏|有用\+1|\d+)$"],
        "tail": r"^参考资料$",
        "head": [r"^2023年11月在浙江乌镇举办的互联网国际会议$",
                 r"^(中文名|外文名|举办时间|举办地点|主办单位|承办单位|目录)$",
                 r"^\d (发展历程|主要活动|成果)$", r"^▪ "],
        "inline_byline": None,
    },
}
DEFAULT_LAYOUT = {"furniture": [], "tail": None, "head": [], "inline_byline": None}

ORG = {"Organization", "Company", "GovernmentBody"}
TYPES = ORG | {"Person", "Award", "AwardCategory", "Report", "Initiative", "Region", "Event", "Product"}
# relation -> {argument: allowed entity types}; None = free value (checked separately)
SHAPES = {
    "holdsPosition": {"person": {"Person"}, "org": ORG | {"Region"}, "title": None},
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
    "memberOf": {"org": ORG, "parent": ORG},
}
OPTIONAL_ARGS = {("receivedAward", "category"), ("receivedAward", "year")}


def load_scorer(path: Path):
    sys.dont_write_bytecode = True  # leave no cache beside the reference scorer
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def rel_key(r: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in r.items()))


class Page:
    """The text of one page split into lines, each tagged furniture / head / body."""

    def __init__(self, path: Path, layout: dict):
        self.raw = path.read_text(encoding="utf-8")
        self.flat = self.raw.replace("\r", "").replace("\n", "")
        self.lines = [ln.strip().strip("\u3000") for ln in self.raw.splitlines()]
        self.kind = []
        in_tail = False
        for ln in self.lines:
            if layout["tail"] and re.search(layout["tail"], ln):
                in_tail = True
            if in_tail or any(re.search(p, ln) for p in layout["furniture"]):
                self.kind.append("furniture")
            elif not ln:
                self.kind.append("blank")
            elif any(re.search(p, ln) for p in layout["head"]):
                self.kind.append("head")
            else:
                self.kind.append("body")
        self.inline_byline = layout["inline_byline"]


def check_file(ypath: Path, scorer, problems: list[str]) -> dict:
    def bad(msg):
        problems.append(f"{ypath.name}: {msg}")

    try:
        g = yaml.safe_load(ypath.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        bad(f"not valid YAML: {err}")
        return {}
    stem = ypath.stem
    tpath = ypath.with_suffix(".txt")
    if g.get("source") != tpath.name:
        bad(f"source is {g.get('source')!r}, expected {tpath.name!r}")
    if not tpath.exists():
        bad("text file missing")
        return {}
    page = Page(tpath, LAYOUT.get(stem, DEFAULT_LAYOUT))
    norm = scorer.norm

    # ------------------------------------------------------------ articles
    arts = g.get("articles") or []
    ids = [a["id"] for a in arts]
    if len(set(ids)) != len(ids):
        bad("duplicate article ids")
    starts = []  # line index where each article starts
    for a in arts:
        idx = None
        if a.get("title"):
            hits = [i for i, ln in enumerate(page.lines) if ln == a["title"] and page.kind[i] != "furniture"]
            if not hits:
                bad(f"{a['id']}: headline {a['title']!r} is not a line of the text")
            else:
                idx = hits[0]
        if idx is None:
            hits = [i for i, ln in enumerate(page.lines) if ln.startswith(a.get("starts_with") or "\0")]
            idx = hits[0] if hits else None
        if idx is None:
            bad(f"{a['id']}: cannot locate the article")
            idx = 0
        starts.append(idx)
    if starts != sorted(starts):
        bad("articles are not in page order")
    regions, bodies = {}, {}
    for n, a in enumerate(arts):
        lo, hi = starts[n], (starts[n + 1] if n + 1 < len(arts) else len(page.lines))
        keep = [i for i in range(lo, hi) if page.kind[i] in ("head", "body")]
        regions[a["id"]] = "".join(page.lines[i] for i in keep)
        body = [page.lines[i] for i in range(lo, hi) if page.kind[i] == "body" and page.lines[i] != a.get("title")]
        if body and page.inline_byline:
            body[0] = re.sub(page.inline_byline, "", body[0])
        bodies[a["id"]] = "".join(body)
        sw = a.get("starts_with")
        if not body:
            bad(f"{a['id']}: empty body")
        elif sw != body[0][:12]:
            bad(f"{a['id']}: starts_with {sw!r} != {body[0][:12]!r}")
        by = a.get("byline") or {}
        for k in ("place", "date", "reporters"):
            if k not in by:
                bad(f"{a['id']}: byline lacks {k}")
        if by.get("place") and by["place"] not in regions[a["id"]]:
            bad(f"{a['id']}: byline place {by['place']!r} not in the article")
        d = by.get("date")
        if d:
            if isinstance(d, str):
                d = dt.date.fromisoformat(d)
            forms = [d.isoformat(), f"{d.year}年{d.month}月{d.day}日", f"{d.day}日讯", f"{d.month}月{d.day}日"]
            if not any(f in regions[a["id"]] for f in forms):
                bad(f"{a['id']}: byline date {d} not printed in the article")
        for p in by.get("reporters") or []:
            if p not in regions[a["id"]]:
                bad(f"{a['id']}: reporter {p!r} not in the article")
        n_body = len(re.sub(r"\s", "", bodies[a["id"]]))
        if not 450 <= n_body <= 900:
            bad(f"{a['id']}: body has {n_body} characters (450-900 wanted)")

    # ------------------------------------------------------------ entities
    ents = g.get("entities") or []
    by_name, seen_norm = {}, {}
    for e in ents:
        nm = e["name"]
        if e.get("type") not in TYPES:
            bad(f"{nm}: unknown type {e.get('type')!r}")
        if nm in by_name:
            bad(f"{nm}: duplicate entity")
        by_name[nm] = e
        for s in [nm] + list(e.get("aliases") or []):
            if not isinstance(s, str) or s not in page.flat:
                bad(f"{nm}: name/alias {s!r} not in the text")
            k = norm(s)
            if k in seen_norm and seen_norm[k] != nm:
                bad(f"{nm}: name/alias {s!r} also names {seen_norm[k]!r}")
            seen_norm[k] = nm
        want = sorted(aid for aid, txt in regions.items()
                      if any(s in txt for s in [nm] + list(e.get("aliases") or [])))
        got = sorted(e.get("articles") or [])
        if got != want:
            bad(f"{nm}: articles {got} but the text gives {want}")

    # ------------------------------------------------------------ relations
    rels = g.get("relations") or []
    gold_keys = {rel_key(r) for r in rels}

    def check_rel(r, where):
        name = r.get("rel")
        shape = SHAPES.get(name)
        if shape is None:
            bad(f"{where}: unknown relation {name!r}")
            return
        extra = set(r) - set(shape) - {"rel", "article"}
        if extra:
            bad(f"{where}: {name} has unexpected keys {sorted(extra)}")
        aid = r.get("article")
        if aid not in regions:
            bad(f"{where}: {name} names unknown article {aid!r}")
        for arg, types in shape.items():
            if arg not in r:
                bad(f"{where}: {name} lacks {arg}")
                continue
            v = r[arg]
            if v is None and (name, arg) in OPTIONAL_ARGS:
                continue
            if types is None:
                if arg == "title" and (not v or str(v) not in page.flat):
                    bad(f"{where}: title {v!r} not in the text")
                if arg == "year" and not (isinstance(v, int) and 1990 <= v <= 2030):
                    bad(f"{where}: bad year {v!r}")
                continue
            e = by_name.get(v)
            if e is None:
                bad(f"{where}: {name}.{arg} {v!r} is not an entity name")
                continue
            if e["type"] not in types:
                bad(f"{where}: {name}.{arg} {v!r} has type {e['type']}, wanted {sorted(types)}")
            if aid in regions and aid not in (e.get("articles") or []):
                bad(f"{where}: {name}.{arg} {v!r} does not occur in article {aid}")
        if name == "holdsPosition" and aid in regions:
            e = by_name.get(r.get("org"))
            if e and e["type"] == "Region" and not any(
                    rel_key(r) in {rel_key(x) for x in (u.get("relations") or [])}
                    for u in (g.get("uncertain") or []) if u.get("in_gold")):
                bad(f"{where}: holdsPosition with a Region as org must be optional")

    for r in rels:
        check_rel(r, "relations")
    if len(gold_keys) != len(rels):
        bad("duplicate relations")

    # reporters = byline reporters
    for a in arts:
        rep = sorted(r["person"] for r in rels if r.get("rel") == "reporter" and r.get("article") == a["id"])
        if rep != sorted((a.get("byline") or {}).get("reporters") or []):
            bad(f"{a['id']}: reporter relations {rep} != byline reporters")

    # ------------------------------------------------------------ uncertain
    optional_names = set()
    for u in g.get("uncertain") or []:
        item = u.get("item")
        if not item or "in_gold" not in u or not u.get("decision") or not u.get("why"):
            bad(f"uncertain {item!r}: needs item, in_gold, decision, why")
            continue
        for nm in u.get("entities") or []:
            if nm not in by_name:
                bad(f"uncertain {item!r}: entity {nm!r} is not a gold entity")
            elif u["in_gold"] and not str(item).startswith(("aliases", "segment")):
                optional_names.add(nm)
        for r in u.get("relations") or []:
            check_rel(r, f"uncertain {item!r}")
            if u["in_gold"] and rel_key(r) not in gold_keys:
                bad(f"uncertain {item!r}: relation {r} is not in `relations`")
            if not u["in_gold"] and rel_key(r) in gold_keys:
                bad(f"uncertain {item!r}: rejected relation {r} is in `relations`")
        for r in u.get("also_accept") or []:
            check_rel(r, f"uncertain {item!r} also_accept")
            if rel_key(r) in gold_keys:
                bad(f"uncertain {item!r}: also_accept {r} is a gold relation")
    for e in ents:
        if not e.get("articles") and e["name"] not in optional_names:
            bad(f"{e['name']}: occurs only in page furniture but is not optional")

    # ------------------------------------------------------------ the reference scorer
    try:
        gents, _alias, grels, optional, _neutral = scorer.load_gold([ypath])
    except Exception as err:  # noqa: BLE001
        bad(f"load_gold failed: {err!r}")
        return {}
    req = [k for k in gents if k not in optional]
    n_scored = sum(len(v) for v in grels.values())
    by_type: dict[str, list[int]] = {}
    for k, rec in gents.items():
        by_type.setdefault(rec["type"], [0, 0])[0 if k not in optional else 1] += 1
    rel_types: dict[str, int] = {}
    for r in rels:
        rel_types[r["rel"]] = rel_types.get(r["rel"], 0) + 1
    return {"articles": len(arts), "body": sum(len(re.sub(r"\s", "", b)) for b in bodies.values()),
            "entities": len(ents), "required": len(req), "optional": len(gents) - len(req),
            "relations": len(rels), "scored": n_scored, "by_type": by_type, "rel_types": rel_types}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "gold" / "score.py",
                    help="reference scorer (default ../shared/gold/score.py from the repository root)")
    ap.add_argument("--verbose", action="store_true", help="also print entity and relation counts by type")
    ap.add_argument("files", nargs="*", type=Path)
    a = ap.parse_args()
    scorer_path = a.scorer if a.scorer.is_absolute() else (Path.cwd() / a.scorer)
    if not scorer_path.exists():
        print(f"scorer not found: {a.scorer}")
        return 2
    scorer = load_scorer(scorer_path)
    files = a.files or sorted(HERE.glob("ph*.yaml"))
    problems: list[str] = []
    tot = {"articles": 0, "body": 0, "entities": 0, "required": 0, "optional": 0, "relations": 0, "scored": 0}
    for f in files:
        before = len(problems)
        st = check_file(f, scorer, problems)
        for k in tot:
            tot[k] += st.get(k, 0)
        print(f"{f.name}: {st.get('articles', 0)} article(s), body {st.get('body', 0)} chars, "
              f"{st.get('entities', 0)} entities ({st.get('required', 0)} required, {st.get('optional', 0)} optional), "
              f"{st.get('relations', 0)} relations ({st.get('scored', 0)} scored), "
              f"{len(problems) - before} problem(s)")
        if a.verbose and st:
            print("   entities:", ", ".join(f"{t} {v[0]}+{v[1]}" for t, v in sorted(st["by_type"].items())))
            print("   relations:", ", ".join(f"{t} {v}" for t, v in sorted(st["rel_types"].items())))
    for p in problems:
        print("PROBLEM", p)
    print(f"total: {len(files)} files, {tot['articles']} articles, {tot['entities']} entities "
          f"({tot['required']} required, {tot['optional']} optional), {tot['relations']} relations "
          f"({tot['scored']} scored), {len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
