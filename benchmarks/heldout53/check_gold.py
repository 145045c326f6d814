#!/usr/bin/env python3
"""Consistency check of the heldout53 gold files against their texts.

Usage (from the repository root):
    python benchmarks/heldout53/check_gold.py [--scorer ../shared/gold/score.py] [--verbose] [FILE.yaml ...]

For every pwN.yaml beside this script (or the files given) it checks, against pwN.txt:
  - names and aliases are substrings of the text with its line breaks removed; no two entities
    share a name or alias (after the scorer's normalisation);
  - each entity's `articles` list equals the articles whose text (kicker, title, subtitle,
    byline, body) contains the name or an alias, nested occurrences included; page furniture
    (FURNITURE below) belongs to no article, so an entity printed only there has `articles: []`;
  - headlines (title, kicker, subtitle) occur, in page order; `starts_with` equals the first
    12 characters of the body after the byline; the body is 450-900 characters;
  - bylines: place, date and reporters occur in the article; reporter relations = byline reporters;
  - relations: known names, argument keys and argument types, every argument named in the
    relation's article, no duplicates;
  - `uncertain`: in_gold items copy gold entities/relations, also_accept and rejected
    candidates are not gold relations and name gold entities;
  - each file loads with `load_gold` of the reference scorer.
Prints per-file and total counts; exit 0 iff no problem is found. Needs PyYAML; OpenCC optional.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

TYPES = {"Person", "Organization", "Company", "GovernmentBody", "Award", "AwardCategory", "Report",
         "Initiative", "Region", "Event", "Product"}
ORG = {"Organization", "Company", "GovernmentBody"}
P = {"Person"}
SIG = {  # relation -> {argument: allowed types (None = a literal)}; "?" marks an optional argument
    "holdsPosition": {"person": P, "org": ORG, "title": None},
    "receivedAward": {"recipient": P | ORG | {"Product"}, "award": {"Award"}, "category?": {"AwardCategory"},
                      "year": None},
    "publishedBy": {"report": {"Report"}, "org": ORG},
    "releasedAt": {"report": {"Report"}, "event": {"Event"}},
    "locatedIn": {"entity": {"Region"}, "region": {"Region"}},
    "basedIn": {"org": ORG, "region": {"Region"}},
    "heldIn": {"event": {"Event"}, "region": {"Region"}},
    "quoted": {"person": P},
    "reporter": {"person": P},
    "organizedBy": {"event": {"Event", "Initiative"}, "org": ORG},
    "participatedIn": {"org_or_person": P | ORG, "event": {"Event", "Initiative"}},
    "exhibitedAt": {"product": {"Product"}, "event": {"Event"}},
    "memberOf": {"org": ORG, "parent": ORG},
}

# Page furniture: lines that belong to no article (page headers, editors, navigation,
# continuation markers, web metadata, footers).
FURNITURE = [re.compile(p) for p in (
    r"^经济日报$", r"^\d{4}年\d{1,2}月\d{1,2}日 星期.$", r"^\d{1,2}$", r"^要闻$",
    r"^(责任编辑|美术编辑|責任編輯)",
    r"^[（(]下转第.{1,3}版[）)]$",
    r"^首页\s*[>　]", r"^新闻中心\s*>", r"^科大讯飞 iFLYTEK$",
    r"^\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}\s*来源",
    r"^【编辑[:：]", r"^发布时间[:：]",
    r"^香港文匯報 WEN WEI PO$", r"^A\d{1,2}\s", r"^\d{4}年\d{1,2}月\d{1,2}日（星期.）$",
)]
# From a line matching one of these to the end of the file: furniture (related links, copyright).
CUTOFF = [re.compile(p) for p in (r"^相关新闻[:：]?$", r"^版权所有")]
# Byline lines printed on their own, and byline prefixes of the first body paragraph.
BYLINE_LINE = [re.compile(p) for p in (r"^本报记者\s*\S+$", r"^■?文匯報記者\s*\S+\s+\S+報道$")]
BYLINE_PREFIX = [re.compile(p) for p in (
    r"^本报\S{1,8}?\d{1,2}月\d{1,2}日[讯电]\s*[（(]记者[^）)]*[）)]",
    r"^中新网\S{1,8}?\d{1,2}月\d{1,2}日电\s*[（(]记者[^）)]*[）)]",
    r"^【文匯報訊】",
    r"^\S{1,6}，\d{4}年\d{1,2}月\d{1,2}日——",
)]
SPACES = " \t\u3000"

try:
    import opencc  # type: ignore

    _T2S = opencc.OpenCC("t2s")
except Exception:  # optional
    _T2S = None


def norm(s) -> str:  # the scorer's normalisation
    s = unicodedata.normalize("NFKC", str(s)).strip()
    for d in "·・•‧․⋅∙‧・":
        s = s.replace(d, "")
    s = re.sub(r"\s+", "", s).strip("《》〈〉“”\"'‘’「」『』")
    if _T2S is not None:
        s = _T2S.convert(s)
    return s.lower()


def load_scorer(path: Path):
    sys.dont_write_bytecode = True  # leave no cache beside the reference scorer
    spec = importlib.util.spec_from_file_location("gold_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def flat(s: str) -> str:
    return s.replace("\r", "").replace("\n", "")


def segment(text: str, arts: list[dict], problems: list[str]):
    """Article spans: from the article's first heading line (kicker, else title; starts_with for an
    untitled segment) to the next article's first line, furniture lines excluded."""
    lines = text.replace("\r", "").split("\n")
    furn = [any(p.search(ln.strip()) for p in FURNITURE) for ln in lines]
    for i, ln in enumerate(lines):
        if any(p.search(ln.strip()) for p in CUTOFF):
            for j in range(i, len(lines)):
                furn[j] = True
            break
    starts, pos = [], 0
    for a in arts:
        head = a.get("kicker") or a.get("title") or a.get("starts_with")
        found = None
        for i in range(pos, len(lines)):
            if furn[i] or not lines[i].strip():
                continue
            rest = "".join(lines[k].strip(SPACES) for k in range(i, min(i + 6, len(lines))) if not furn[k])
            if rest.startswith(head):
                found = i
                break
        if found is None:
            problems.append(f"{a.get('id')}: first line {head!r} not found after line {pos + 1}")
            found = pos
        starts.append(found)
        pos = found + 1
    spans = {}
    for n, a in enumerate(arts):
        end = starts[n + 1] if n + 1 < len(arts) else len(lines)
        spans[a["id"]] = [lines[i] for i in range(starts[n], end) if not furn[i]]
    return spans, lines, furn


def body_of(a: dict, span: list[str]) -> str:
    heads = {h for h in (a.get("kicker"), a.get("title"), a.get("subtitle")) if h}
    rest = [ln.strip(SPACES) for ln in span if ln.strip()]
    while rest and (rest[0] in heads or any(p.match(rest[0]) for p in BYLINE_LINE)):
        rest = rest[1:]
    body = "".join(rest)
    for p in BYLINE_PREFIX:
        body = p.sub("", body, count=1)
    return body.lstrip(SPACES)


def rel_key(r: dict):
    return tuple(sorted((k, str(v)) for k, v in r.items()))


def check(yaml_path: Path, score_mod, verbose: bool):
    problems: list[str] = []
    g = yaml.safe_load(yaml_path.read_text(encoding="utf-8"))
    txt_path = yaml_path.with_name(g.get("source") or yaml_path.with_suffix(".txt").name)
    text = txt_path.read_text(encoding="utf-8")
    whole = flat(text)
    arts = g.get("articles") or []
    ids = [a["id"] for a in arts]
    if len(set(ids)) != len(ids):
        problems.append("duplicate article ids")
    for a in arts:
        for k in ("id", "title", "kind", "byline", "starts_with"):
            if k not in a:
                problems.append(f"{a.get('id')}: missing key {k}")
    spans, lines, furn = segment(text, arts, problems)
    span_txt = {i: flat("\n".join(s)) for i, s in spans.items()}
    body_chars = sum(len(re.sub(r"\s", "", t)) for t in span_txt.values())
    if not 450 <= body_chars <= 900:
        problems.append(f"body is {body_chars} characters (450-900 wanted)")

    # articles: headings, starts_with, bylines
    byline_reporters = set()
    for a in arts:
        i = a["id"]
        for h in ("kicker", "title", "subtitle"):
            if a.get(h) and a[h] not in span_txt[i]:
                problems.append(f"{i}: {h} {a[h]!r} not in its article")
        body = body_of(a, spans[i])
        if body[:12] != a.get("starts_with"):
            problems.append(f"{i}: starts_with {a.get('starts_with')!r} but the body begins {body[:12]!r}")
        b = a.get("byline") or {}
        if b.get("place") and b["place"] not in span_txt[i]:
            problems.append(f"{i}: byline place {b['place']!r} not in the article")
        if b.get("date"):
            d = str(b["date"])
            m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", d)
            if not m:
                problems.append(f"{i}: byline date {d!r} is not YYYY-MM-DD")
            elif f"{int(m[2])}月{int(m[3])}日" not in span_txt[i]:
                problems.append(f"{i}: byline date {d} not printed in the article")
        for rp in b.get("reporters") or []:
            byline_reporters.add((rp, i))
            if rp not in span_txt[i]:
                problems.append(f"{i}: reporter {rp!r} not in the article")

    # entities
    ents = {}
    seen_norm: dict[str, str] = {}
    for e in g.get("entities") or []:
        name = e["name"]
        if name in ents:
            problems.append(f"duplicate entity {name!r}")
        ents[name] = e
        if e.get("type") not in TYPES:
            problems.append(f"{name}: unknown type {e.get('type')!r}")
        forms = [name] + list(e.get("aliases") or [])
        for f in forms:
            if not isinstance(f, str) or f not in whole:
                problems.append(f"{name}: {f!r} does not occur in the text")
            nf = norm(f)
            if nf in seen_norm and seen_norm[nf] != name:
                problems.append(f"{name}: {f!r} collides with an alias of {seen_norm[nf]!r}")
            seen_norm[nf] = name
        want = [i for i in ids if any(f in span_txt[i] for f in forms if isinstance(f, str))]
        got = list(e.get("articles") or [])
        if got != want:
            problems.append(f"{name}: articles {got} but the text gives {want}")

    # relations
    rels = g.get("relations") or []
    keys = Counter(rel_key(r) for r in rels)
    for k, n in keys.items():
        if n > 1:
            problems.append(f"duplicate relation {dict(k)}")

    def check_rel(r: dict, where: str, need_article: bool = True):
        name = r.get("rel")
        sig = SIG.get(name)
        if sig is None:
            problems.append(f"{where}: unknown relation {name!r}")
            return
        allowed = {k.rstrip("?") for k in sig} | {"rel", "article"}
        for k in r:
            if k not in allowed:
                problems.append(f"{where}: {name} has an unknown argument {k!r}")
        if r.get("article") not in ids:
            problems.append(f"{where}: {name} has an unknown article {r.get('article')!r}")
        for k, types in sig.items():
            opt = k.endswith("?")
            k = k.rstrip("?")
            v = r.get(k)
            if k not in r and not (opt or k == "year"):
                problems.append(f"{where}: {name} lacks {k!r}")
                continue
            if types is None or v is None:
                if k == "title" and not v:
                    problems.append(f"{where}: {name} has no title")
                continue
            if v not in ents:
                problems.append(f"{where}: {name}.{k} {v!r} is not an entity name")
                continue
            if ents[v]["type"] not in types:
                problems.append(f"{where}: {name}.{k} {v!r} is {ents[v]['type']}, not {sorted(types)}")
            if need_article and r.get("article") not in (ents[v].get("articles") or []):
                problems.append(f"{where}: {name}.{k} {v!r} is not named in article {r.get('article')}")

    for r in rels:
        check_rel(r, "relations")
    rep = {(r["person"], r["article"]) for r in rels if r.get("rel") == "reporter"}
    if rep != byline_reporters:
        problems.append(f"reporter relations {sorted(rep)} differ from the bylines {sorted(byline_reporters)}")

    # uncertain
    gold_keys = set(keys)
    for u in g.get("uncertain") or []:
        item = u.get("item", "?")
        for k in ("item", "in_gold", "decision", "why"):
            if k not in u:
                problems.append(f"uncertain {item!r}: missing {k}")
        ing = u.get("in_gold")
        for n in u.get("entities") or []:
            if ing and n not in ents:
                problems.append(f"uncertain {item!r}: entity {n!r} is not in gold")
            if ing is False and n in ents:
                problems.append(f"uncertain {item!r}: rejected entity {n!r} is in gold")
        for r in u.get("relations") or []:
            if ing and rel_key(r) not in gold_keys:
                problems.append(f"uncertain {item!r}: relation {r} is not a copy of a gold relation")
            if ing is False:
                if rel_key(r) in gold_keys:
                    problems.append(f"uncertain {item!r}: rejected relation {r} is in gold")
                check_rel(r, f"uncertain {item!r}")
        for r in u.get("also_accept") or []:
            if rel_key(r) in gold_keys:
                problems.append(f"uncertain {item!r}: also_accept {r} is a gold relation")
            check_rel(r, f"uncertain {item!r} also_accept")

    # the reference scorer's loader
    n_req = n_opt = n_scored = 0
    try:
        gents, _a2k, grels, optional, _neutral = score_mod.load_gold([yaml_path])
        n_opt = len(set(gents) & set(optional))
        n_req = len(gents) - n_opt
        n_scored = sum(len(v) for v in grels.values())
    except Exception as err:  # noqa: BLE001
        problems.append(f"load_gold failed: {err!r}")
    if verbose:
        for a in arts:
            print(f"  {a['id']}: body begins {body_of(a, spans[a['id']])[:12]!r}")
    stats = {"articles": len(arts), "body": body_chars, "req": n_req, "opt": n_opt,
             "rels": len(rels), "scored": n_scored, "problems": len(problems)}
    return problems, stats


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--scorer", type=Path, default=ROOT / ".." / "shared" / "gold" / "score.py")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    files = a.files or sorted(HERE.glob("pw*.yaml"))
    score_mod = load_scorer(a.scorer)
    tot = Counter()
    for f in files:
        problems, st = check(f, score_mod, a.verbose)
        print(f"{f.name}: {st['articles']} articles, body {st['body']} chars, entities {st['req']} req / "
              f"{st['opt']} opt, relations {st['rels']} annotated / {st['scored']} scored, "
              f"{st['problems']} problems")
        for p in problems:
            print(f"  - {p}")
        tot.update(st)
    print(f"TOTAL: {len(files)} files, {tot['articles']} articles, entities {tot['req']} req / {tot['opt']} opt, "
          f"relations {tot['rels']} annotated / {tot['scored']} scored, {tot['problems']} problems")
    return 0 if tot["problems"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
