#!/usr/bin/env python3
"""Consistency check of the heldout48 gold files against their texts.

For every prN.yaml beside this script (or the files given on the command line) it checks that
  - the file follows the schema of the seed gold (keys, types, relation names and argument names);
  - every entity name and alias is an exact substring of the text with line breaks removed and
    page furniture (breadcrumbs, print/close buttons, previous/next links, copyright lines,
    related-article lists) left out;
  - each entity's `articles` list is exactly the set of articles whose text contains the name or
    an alias (nested occurrences count);
  - each headline occurs in the text, `starts_with` is the first 12 characters of the body that
    follows the byline, and byline reporters, place and date are printed before the body;
  - relation arguments are gold entities (canonical names) of the right types, mentioned in the
    relation's article; holdsPosition titles are printed in the text;
  - reporter relations are exactly the byline reporters;
  - `uncertain` items are consistent: in_gold: true items copy gold entities and relations,
    in_gold: false and also_accept items are not gold relations;
  - each file loads with `load_gold` of the reference scorer, with no two entities sharing a name.
It prints per-file and total counts and exits 0 iff no problem is found.

Usage (from the repository root):
    python benchmarks/heldout48/check_gold.py [--scorer ../shared/gold/score.py] [GOLD.yaml ...]
Needs PyYAML; OpenCC is used by the scorer when installed, not by this script.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import unicodedata
from pathlib import Path

import yaml

sys.dont_write_bytecode = True  # do not leave a __pycache__ beside the reference scorer

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
AGENT = ORG | {"Person"}

# relation -> {argument: allowed entity types}; None = free value (string / int / null)
REL_ARGS = {
    "holdsPosition": {"person": {"Person"}, "org": ORG, "title": None},
    "receivedAward": {"recipient": AGENT, "award": {"Award"}, "category": {"AwardCategory"}, "year": None},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": {"Region"}, "region": {"Region"}},
    "basedIn": {"org": ORG, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": {"Person"}},
    "reporter": {"person": {"Person"}},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORG},
    "participatedIn": {"org_or_person": AGENT, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORG, "parent": ORG},
}
OPTIONAL_ARGS = {("receivedAward", "category"), ("receivedAward", "year")}

# Page furniture: navigation, buttons, previous/next links, copyright and related-article lines.
# A line matching this pattern belongs to no article.
FURNITURE = re.compile(
    r"^\s*(?:.*\s>\s.*"                      # breadcrumbs: "首页 > 新闻中心 > ..."
    r"|杭州电子科技大学新闻网"                # site name above the breadcrumb
    r"|【.*】\s*(?:【.*】\s*)*"                # 【关闭窗口】【打印本页】, 【字号 大 中 小】...
    r"|上一篇：.*|下一篇：.*"
    r"|Copyright.*|版权声明：.*|主办单位：.*"
    r"|相关文章|・.*)\s*$")

DATE_FORMATS = ("{y}-{m:02d}-{d:02d}", "{y}/{m:02d}/{d:02d}", "{y}年{m}月{d}日", "{m}月{d}日")


def flat(s: str) -> str:
    return s.replace("\r", "").replace("\n", "")


def article_texts(text: str, articles: list[dict]) -> dict[str, str]:
    """Split the non-furniture lines of a page at the headlines of its articles (page order)."""
    lines = [ln for ln in text.splitlines() if not FURNITURE.match(ln)]
    body = "\n".join(lines)
    starts = []
    pos = 0
    for a in articles:
        t = a.get("title")
        if t:
            i = flat(body).find(t, pos)
            starts.append(i if i >= 0 else pos)
            pos = max(pos, i if i >= 0 else pos)
        else:
            starts.append(pos)
    fb = flat(body)
    out = {}
    for k, a in enumerate(articles):
        end = starts[k + 1] if k + 1 < len(articles) else len(fb)
        out[a["id"]] = fb[starts[k]:end]
    return out


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def norm_simple(s: str) -> str:
    s = unicodedata.normalize("NFKC", str(s))
    for d in "·・•‧․⋅∙":
        s = s.replace(d, "")
    return re.sub(r"\s+", "", s).strip("《》“”\"'").lower()


def check_file(gy: Path, scorer) -> tuple[list[str], dict]:
    probs: list[str] = []
    P = probs.append
    g = yaml.safe_load(gy.read_text(encoding="utf-8"))
    for k in ("source", "articles", "entities", "relations"):
        if k not in g:
            P(f"missing top-level key {k}")
    extra = set(g) - {"source", "articles", "entities", "relations", "uncertain"}
    if extra:
        P(f"unknown top-level keys {sorted(extra)}")
    tpath = gy.parent / g["source"]
    if not tpath.exists():
        P(f"text {tpath.name} not found")
        return probs, {}
    raw = tpath.read_text(encoding="utf-8")
    if raw.startswith("\ufeff"):
        P("text starts with a byte-order mark")
    arts = g["articles"]
    ids = [a["id"] for a in arts]
    if len(set(ids)) != len(ids):
        P("duplicate article ids")
    atext = article_texts(raw, arts)
    page = "".join(atext.values())
    stats = {"articles": len(arts), "body": 0}

    # ---------------------------------------------------------------- articles
    for a in arts:
        for k in ("id", "title", "kind", "byline", "starts_with"):
            if k not in a:
                P(f"article {a.get('id')}: missing {k}")
        t = a.get("title")
        at = atext[a["id"]]
        if t and t not in at:
            P(f"article {a['id']}: headline {t!r} not found")
        sw = a.get("starts_with") or ""
        if len(sw) != 12:
            P(f"article {a['id']}: starts_with {sw!r} is not 12 characters")
        i = at.find(sw)
        if i < 0:
            P(f"article {a['id']}: starts_with {sw!r} not found")
            continue
        head, body = at[:i], at[i:]
        # starts_with must open a paragraph: only indentation between it and a line start
        lines = [ln for ln in raw.splitlines() if not FURNITURE.match(ln)]
        if not any(ln.lstrip(" \u3000\t").startswith(sw[:6]) for ln in lines):
            P(f"article {a['id']}: starts_with {sw!r} does not open a line")
        if t and t not in head:
            P(f"article {a['id']}: body starts before the headline")
        stats["body"] += len(re.sub(r"\s", "", body))
        by = a.get("byline") or {}
        if set(by) != {"place", "date", "reporters"}:
            P(f"article {a['id']}: byline keys {sorted(by)}")
        byzone = head[len(t):] if t and head.startswith(t) else head
        if t and t in head:
            byzone = head[head.find(t) + len(t):]
        for r in by.get("reporters") or []:
            if r not in byzone:
                P(f"article {a['id']}: reporter {r} not in the byline")
        if by.get("place") and by["place"] not in byzone:
            P(f"article {a['id']}: byline place {by['place']} not in the byline")
        d = by.get("date")
        if d:
            ds = str(d)
            y, m, dd = int(ds[:4]), int(ds[5:7]), int(ds[8:10])
            if not any(f.format(y=y, m=m, d=dd) in byzone for f in DATE_FORMATS):
                P(f"article {a['id']}: byline date {ds} not in the byline")

    # ---------------------------------------------------------------- entities
    ents = {}
    seen_norm: dict[str, str] = {}
    for e in g["entities"]:
        n = e.get("name")
        if n in ents:
            P(f"duplicate entity {n}")
        ents[n] = e
        if e.get("type") not in TYPES:
            P(f"{n}: bad type {e.get('type')}")
        extra = set(e) - {"name", "type", "aliases", "articles"}
        if extra:
            P(f"{n}: unknown keys {sorted(extra)}")
        names = [n] + list(e.get("aliases") or [])
        for x in names:
            if not isinstance(x, str) or x not in page:
                P(f"{n}: name/alias {x!r} not in the text")
            k = norm_simple(x)
            if k in seen_norm and seen_norm[k] != n:
                P(f"{x!r} names both {seen_norm[k]} and {n}")
            seen_norm[k] = n
        want = sorted(aid for aid in ids if any(x in atext[aid] for x in names if isinstance(x, str)))
        got = sorted(e.get("articles") or [])
        if want != got:
            P(f"{n}: articles {got}, text gives {want}")

    # ---------------------------------------------------------------- relations
    def rel_problems(r: dict, where: str, strict_names: bool = True) -> None:
        """strict_names: gold relations (canonical gold names, types checked). Otherwise (also_accept,
        rejected candidates) an argument may be any string printed in the text and, when it is a gold
        entity of another type, that is allowed: such items are alternatives by nature."""
        rel = r.get("rel")
        if rel not in REL_ARGS:
            P(f"{where}: unknown relation {rel}")
            return
        args = REL_ARGS[rel]
        extra = set(r) - set(args) - {"rel", "article"}
        if extra:
            P(f"{where}: {rel} has unknown arguments {sorted(extra)}")
        if r.get("article") not in ids:
            P(f"{where}: {rel} article {r.get('article')} unknown")
        for arg, types in args.items():
            if arg not in r:
                P(f"{where}: {rel} lacks {arg}")
                continue
            v = r[arg]
            if types is None:
                continue
            if v is None and (rel, arg) in OPTIONAL_ARGS:
                continue
            if v not in ents:
                if strict_names:
                    P(f"{where}: {rel}.{arg} {v!r} is not a gold entity name")
                elif not isinstance(v, str) or v not in page:
                    P(f"{where}: {rel}.{arg} {v!r} is neither a gold entity nor in the text")
                continue
            if strict_names and ents[v]["type"] not in types:
                P(f"{where}: {rel}.{arg} {v} has type {ents[v]['type']}, wants {sorted(types)}")
            if r.get("article") in ids and r["article"] not in (ents[v].get("articles") or []):
                P(f"{where}: {rel}.{arg} {v} not mentioned in article {r['article']}")
        if rel == "holdsPosition":
            for t in re.split(r"[、,，/]|兼", str(r.get("title") or "")):
                t = t[1:] if t.startswith("前") and len(t) > 1 else t
                if not t or t not in page:
                    P(f"{where}: title {t!r} of {r.get('person')} not in the text")
        if rel == "receivedAward" and r.get("year") is not None:
            if not (isinstance(r["year"], int) and str(r["year"]) in page):
                P(f"{where}: award year {r['year']!r} not printed")

    def key(r: dict) -> str:
        return yaml.safe_dump(r, allow_unicode=True, sort_keys=True)

    gold_keys = set()
    for r in g["relations"]:
        rel_problems(r, "relations")
        if key(r) in gold_keys:
            P(f"duplicate relation {r}")
        gold_keys.add(key(r))
    rep_rel = {(r["person"], r["article"]) for r in g["relations"] if r.get("rel") == "reporter"}
    rep_by = {(p, a["id"]) for a in arts for p in (a.get("byline") or {}).get("reporters") or []}
    if rep_rel != rep_by:
        P(f"reporter relations {sorted(rep_rel)} differ from byline reporters {sorted(rep_by)}")

    # ---------------------------------------------------------------- uncertain
    for u in g.get("uncertain") or []:
        where = f"uncertain {u.get('item')!r}"
        for k in ("item", "in_gold", "decision", "why"):
            if k not in u:
                P(f"{where}: missing {k}")
        extra = set(u) - {"item", "in_gold", "decision", "why", "entities", "relations", "also_accept"}
        if extra:
            P(f"{where}: unknown keys {sorted(extra)}")
        if not isinstance(u.get("in_gold"), bool):
            P(f"{where}: in_gold is not a boolean")
        for n in u.get("entities") or []:
            if u.get("in_gold") and n not in ents:
                P(f"{where}: entity {n} is not a gold entity")
            if not u.get("in_gold") and n in ents:
                P(f"{where}: rejected entity {n} is a gold entity")
        for r in u.get("relations") or []:
            if u.get("in_gold"):
                if key(r) not in gold_keys:
                    P(f"{where}: relation {r} is not a gold relation")
            else:
                rel_problems(r, where, strict_names=False)
                if key(r) in gold_keys:
                    P(f"{where}: rejected relation {r} is a gold relation")
        for r in u.get("also_accept") or []:
            rel_problems(r, where + " also_accept", strict_names=False)
            if key(r) in gold_keys:
                P(f"{where}: also_accept {r} is a gold relation")
        if u.get("also_accept") and not u.get("in_gold"):
            P(f"{where}: also_accept on a rejected item")

    # ---------------------------------------------------------------- reference scorer
    try:
        gents, alias_to_key, grels, optional, neutral = scorer.load_gold([gy])
    except Exception as err:  # noqa: BLE001
        P(f"load_gold failed: {err!r}")
        return probs, stats
    if len(gents) != len(g["entities"]):
        P(f"load_gold merged entities: {len(g['entities'])} in the file, {len(gents)} after normalisation")
    for e in g["entities"]:
        k = scorer.norm(e["name"])
        for a in e.get("aliases") or []:
            if alias_to_key.get(scorer.norm(a)) != k:
                P(f"alias {a} of {e['name']} resolves to {alias_to_key.get(scorer.norm(a))}")
    stats.update({
        "entities": len(gents), "optional": len(optional & set(gents)),
        "required": len(set(gents) - optional),
        "relations": len(g["relations"]),
        "scored": sum(len(v) for v in grels.values()),
    })
    return probs, stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="*", type=Path)
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "gold" / "score.py",
                    help="reference scorer (default ../shared/gold/score.py from the repository root)")
    a = ap.parse_args()
    files = a.gold or sorted(HERE.glob("pr*.yaml"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    if not a.scorer.exists():
        print(f"scorer not found: {a.scorer}")
        return 2
    scorer = load_scorer(a.scorer)
    total = {"articles": 0, "body": 0, "required": 0, "optional": 0, "relations": 0, "scored": 0}
    nprob = 0
    for f in files:
        probs, st = check_file(f, scorer)
        nprob += len(probs)
        for k in total:
            total[k] += st.get(k, 0)
        print(f"{f.name}: {st.get('articles', 0)} article(s), body {st.get('body', 0)} chars, "
              f"entities {st.get('required', 0)} req / {st.get('optional', 0)} opt, "
              f"relations {st.get('relations', 0)} annotated / {st.get('scored', 0)} scored tuples, "
              f"{len(probs)} problem(s)")
        for p in probs:
            print(f"  - {p}")
    print(f"TOTAL {len(files)} files: {total['articles']} articles, body {total['body']} chars, "
          f"entities {total['required']} req / {total['optional']} opt, relations {total['relations']} "
          f"annotated / {total['scored']} scored tuples; {nprob} problem(s)")
    return 0 if nprob == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
