"""Benchmarks of the entity recogniser (kg.extract.mentions.recognize) on external labelled data.

    python benchmarks/extraction.py cluener [--data PATH] [--layers lexicon,patterns,tagger]
                                            [--ablation] [--errors N] [--json OUT] [--nested]
                                            [--write-docs [FILE]]

``cluener`` scores the recogniser on the CLUENER2020 dev set (1,343 hand-labelled Sina News
snippets; see ../shared/benchmarks/cluener2020/README.md). Nothing is trained or tuned: the
train split is never read, and the script refuses it if it is passed as --data.

The data may not be redistributed. It is read in place from the shared folder (--data to
override) and nothing of it is written anywhere: the --json output holds figures only, no
sentence and no entity string. --errors prints sentences to the terminal only.

--write-docs rewrites the generated tables of docs/extraction.md (or FILE), each between a pair
of HTML comments ``<!-- NAME:begin -->`` … ``<!-- NAME:end -->``, and nothing else: the prose
around them is left as it is. The blocks are cluener-main, cluener-baselines, cluener-methods,
cluener-ablation and cluener-errors; each carries the run date and the code fingerprint. The
blocks hold figures and error counts only, no sentence and no entity string. It implies
--ablation and refuses any setting other than the documented one (all layers, flat, the dev set
whose sha256 is DEV_SHA256), so that the page always shows the same experiment.

Scoring (six CLUENER labels that have a counterpart among our entity types):
- exact span (main): a hit needs the same label, start and end (CLUENER's end is inclusive);
- string (the official CLUENER scorer): per sentence and label, the set of entity strings;
- micro (pooled counts) and macro (mean of the per-label F1) over the six labels;
- secondary, kept apart: ``address`` ignoring predictions that are bare country names (CLUENER
  seldom labels 中国/美国), country names being the lexicon's entries of level "country" and
  their aliases.
Our types without a CLUENER counterpart (Award, Report, Event, Product …) are dropped from the
count, and so are, by default, names nested inside a longer name (CLUENER is flat; --nested
keeps them).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "extraction.md"
if str(ROOT) not in sys.path:  # run from a checkout without installing the package
    sys.path.insert(0, str(ROOT))

from kg.extract.lexicon import Lexicon, default_lexicon  # noqa: E402
from kg.extract.mentions import ALL_LAYERS, recognize  # noqa: E402

# ============================================================================ CLUENER2020

CLUENER_DIR = ROOT.parent / "shared" / "benchmarks" / "cluener2020"
CLUENER_DEV = CLUENER_DIR / "dev.json"
CLUENER_README = CLUENER_DIR / "README.md"
DEV_SHA256 = "90036b59832e007c45d11eafe5ed80549f58a18a29aaa7fe8b1229622c69ec38"
TRAIN_SHA256 = "60299d202779dc84f3c3bd81f4dc08f5323d0dbf762cb50cd62dd51aa9a871f8"

# our entity type -> CLUENER label
TYPE_TO_LABEL = {
    "Person": "name",
    "Company": "company",
    "GovernmentBody": "government",
    "Organization": "organization",
    "Region": "address",
    "Title": "position",
}
LABELS = ("name", "company", "government", "organization", "position", "address")
ALL_CLUENER_LABELS = ("address", "book", "company", "game", "government", "movie", "name",
                      "organization", "position", "scene")
# our types that CLUENER has no label for (dropped from the count, reported)
UNSCORED_TYPES = ("Award", "AwardCategory", "Report", "Initiative", "Event", "Product")

# Published anchors, copied from ../shared/benchmarks/cluener2020/README.md (F1 per label).
# - BiLSTM-CRF: paper Table 5 / official README; hidden TEST set, official string scorer;
#   its overall figure is the macro over all ten labels.
# - hemingkx/CLUENER2020 BiLSTM+CRF: trained on its (edited) train.json, scored on THIS dev set
#   with exact-span chunks (BiLSTM-CRF/metric.py, get_entities + set intersection); its
#   overall figure pools all ten labels (micro).
# - jieba: the naive jieba.posseg baseline of that README (dev, exact span; no label for
#   company, government or position).
BASELINES = {
    "BiLSTM-CRF (paper; test; string)": {
        "name": 74.04, "company": 72.27, "government": 77.25, "organization": 75.96,
        "position": 70.16, "address": 45.50, "overall": ("macro, 10 labels", 70.00)},
    "hemingkx BiLSTM+CRF (dev; exact span)": {
        "name": 71.49, "company": 71.06, "government": 71.29, "organization": 73.29,
        "position": 72.33, "address": 47.37, "overall": ("micro, 10 labels", 67.47)},
    "naive jieba.posseg (dev; exact span)": {
        "name": 34.93, "address": 22.00, "organization": 2.12,
        "overall": ("micro, 10 labels", 16.48)},
}


@dataclass(slots=True)
class Sentence:
    text: str
    gold: set[tuple[str, int, int]]  # (label, start, end exclusive), all ten labels
    gold_strings: dict[str, set[str]]  # label -> entity strings (the official scorer's view)


@dataclass(slots=True)
class Prediction:
    label: str
    start: int
    end: int  # exclusive
    type: str
    method: str
    text: str


@dataclass(slots=True)
class Run:
    """The recogniser's output on every sentence, with what was left out of the count."""

    layers: tuple[str, ...]
    predictions: list[list[Prediction]]
    seconds: float
    dropped_types: Counter = field(default_factory=Counter)
    dropped_nested: Counter = field(default_factory=Counter)
    overlapping: int = 0  # scored predictions that overlap another one in the same sentence


def load_cluener(path: Path) -> tuple[list[Sentence], str]:
    refuse = (f"error: {path} is the CLUENER train split; this benchmark reads the dev split only "
              "(the train split is used for nothing: no training, no tuning)")
    if path.name.startswith("train"):
        sys.exit(refuse)
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest == TRAIN_SHA256:  # a renamed copy
        sys.exit(refuse)
    sentences = []
    for n, line in enumerate(raw.decode("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        text, gold, strings = row["text"], set(), defaultdict(set)
        for label, entities in (row.get("label") or {}).items():
            for surface, spans in entities.items():
                strings[label].add(surface)
                for a, b in spans:
                    if text[a:b + 1] != surface:
                        sys.exit(f"error: {path} line {n}: span [{a}, {b}] is not {surface!r}")
                    gold.add((label, a, b + 1))
        sentences.append(Sentence(text, gold, dict(strings)))
    return sentences, digest


def code_fingerprint() -> str:
    """A short hash of the recogniser's code and lexicon (kg/extract/*.py, data/lexicon/*), so a
    figure can be tied to the code that produced it."""
    h = hashlib.sha256()
    for f in sorted([*(ROOT / "kg" / "extract").glob("*.py"), *(ROOT / "data" / "lexicon").glob("*")]):
        if f.is_file():
            h.update(f.relative_to(ROOT).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:12]


def country_names(lexicon: Lexicon) -> set[str]:
    """The lexicon's country names: entries of level "country", their aliases, and every
    surface the lexicon resolves to such an entry."""
    names = set()
    for entry in lexicon.entries.values():
        if entry.level == "country":
            names.add(entry.name)
            names.update(entry.aliases)
    names.update(s for s in lexicon.surfaces if (e := lexicon.lookup(s)) is not None and e.level == "country")
    return names


def run_recognizer(sentences: list[Sentence], lexicon: Lexicon, layers: tuple[str, ...],
                   keep_nested: bool = False) -> Run:
    predictions = []
    dropped_types, dropped_nested = Counter(), Counter()
    overlapping = 0
    t0 = time.perf_counter()
    found_all = [recognize(s.text, lexicon, layers=layers, keep_titles=True) for s in sentences]
    seconds = time.perf_counter() - t0
    for s, found in zip(sentences, found_all):
        preds, seen = [], set()
        for c in found:
            a, b = c.start, c.end
            if not 0 <= a < b <= len(s.text):
                raise ValueError(f"candidate out of range: {c!r} in {len(s.text)} characters")
            label = TYPE_TO_LABEL.get(c.type)
            if label is None:
                dropped_types[c.type] += 1
                continue
            if getattr(c, "nested", False) and not keep_nested:
                dropped_nested[c.type] += 1
                continue
            if (label, a, b) in seen:
                continue
            seen.add((label, a, b))
            preds.append(Prediction(label, a, b, c.type, c.method, s.text[a:b]))
        overlapping += sum(1 for p in preds for q in preds
                           if p is not q and p.start < q.end and q.start < p.end)
        predictions.append(preds)
    return Run(layers, predictions, seconds, dropped_types, dropped_nested, overlapping)


# ============================================================================ scoring

def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": 100 * p, "R": 100 * r, "F1": 100 * f}


def table(counts: dict[str, Counter], labels=LABELS) -> dict[str, dict]:
    """Per-label rows plus micro and macro, from counts of gold, pred and tp per label."""
    rows = {}
    for label in labels:
        c = counts[label]
        rows[label] = {"gold": c["gold"], "predicted": c["pred"], "TP": c["tp"], **prf(c["tp"], c["pred"], c["gold"])}
    g, p, t = (sum(counts[lab][k] for lab in labels) for k in ("gold", "pred", "tp"))
    rows["micro"] = {"gold": g, "predicted": p, "TP": t, **prf(t, p, g)}
    rows["macro"] = {k: sum(rows[lab][k] for lab in labels) / len(labels) for k in ("P", "R", "F1")}
    return rows


def score_spans(sentences: list[Sentence], run: Run, labels=LABELS,
                ignore=lambda p: False) -> dict[str, dict]:
    counts: dict[str, Counter] = defaultdict(Counter)
    for s, preds in zip(sentences, run.predictions):
        pred = {(p.label, p.start, p.end) for p in preds if p.label in labels and not ignore(p)}
        gold = {g for g in s.gold if g[0] in labels}
        for label, *_ in gold:
            counts[label]["gold"] += 1
        for label, *_ in pred:
            counts[label]["pred"] += 1
        for label, *_ in gold & pred:
            counts[label]["tp"] += 1
    return table(counts, labels)


def score_strings(sentences: list[Sentence], run: Run, labels=LABELS) -> dict[str, dict]:
    """The official CLUENER scorer: per sentence and label, the set of entity strings."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for s, preds in zip(sentences, run.predictions):
        for label in labels:
            gold = s.gold_strings.get(label, set())
            pred = {p.text for p in preds if p.label == label}
            counts[label]["gold"] += len(gold)
            counts[label]["pred"] += len(pred)
            counts[label]["tp"] += len(gold & pred)
    return table(counts, labels)


def by_method(sentences: list[Sentence], run: Run) -> list[dict]:
    """Precision of each (method, type) among the scored predictions."""
    counts: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    for s, preds in zip(sentences, run.predictions):
        for p in preds:
            c = counts[(p.method, p.type, p.label)]
            c["pred"] += 1
            c["tp"] += (p.label, p.start, p.end) in s.gold
    rows = [{"method": m, "type": t, "label": lab, "predicted": c["pred"], "TP": c["tp"],
             "P": 100 * c["tp"] / c["pred"]} for (m, t, lab), c in counts.items()]
    return sorted(rows, key=lambda r: (-r["predicted"], r["method"]))


# ============================================================================ errors

def _overlap(a: int, b: int, c: int, d: int) -> bool:
    return a < d and c < b


def fp_kind(p: Prediction, s: Sentence) -> str:
    """Why a prediction is false: the span is gold under another label, it overlaps a gold
    name of its label (a boundary error), it overlaps a gold name of another label, or nothing
    is labelled there."""
    if any(g[1:] == (p.start, p.end) for g in s.gold):
        return "right span, other label"
    if any(g[0] == p.label and _overlap(p.start, p.end, g[1], g[2]) for g in s.gold):
        return "boundary (same label)"
    if any(_overlap(p.start, p.end, g[1], g[2]) for g in s.gold):
        return "overlaps other label"
    return "nothing labelled there"


def fn_kind(g: tuple[str, int, int], preds: list[Prediction]) -> str:
    label, a, b = g
    if any((p.start, p.end) == (a, b) for p in preds):
        return "right span, other label"
    if any(p.label == label and _overlap(a, b, p.start, p.end) for p in preds):
        return "boundary (same label)"
    if any(_overlap(a, b, p.start, p.end) for p in preds):
        return "overlapped by other label"
    return "not found"


def mark(text: str, a: int, b: int) -> str:
    return f"{text[:a]}【{text[a:b]}】{text[b:]}"


def errors(sentences: list[Sentence], run: Run) -> dict[str, dict]:
    """Per label: the false positives and negatives with their kinds and sentences."""
    out = {lab: {"fp": [], "fn": []} for lab in LABELS}
    for s, preds in zip(sentences, run.predictions):
        for p in preds:
            if (p.label, p.start, p.end) not in s.gold:
                gold_here = [f"{s.text[g[1]:g[2]]}/{g[0]}" for g in sorted(s.gold, key=lambda g: g[1])
                             if _overlap(p.start, p.end, g[1], g[2])]
                out[p.label]["fp"].append({"kind": fp_kind(p, s), "string": p.text, "method": p.method,
                                           "gold_here": gold_here, "sentence": mark(s.text, p.start, p.end)})
        for g in sorted(s.gold, key=lambda g: g[1]):
            if g[0] in LABELS and all((p.label, p.start, p.end) != g for p in preds):
                ours = [f"{p.text}/{p.label}({p.method})" for p in preds if _overlap(g[1], g[2], p.start, p.end)]
                out[g[0]]["fn"].append({"kind": fn_kind(g, preds), "string": s.text[g[1]:g[2]],
                                        "ours_here": ours, "sentence": mark(s.text, g[1], g[2])})
    return out


def print_errors(errs: dict[str, dict], n: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    print(f"\n## Errors (exact span; {n} false positives and {n} false negatives per label, "
          f"a seeded random sample; 【】 marks the span)")
    for label in LABELS:
        for side, title in (("fp", "false positives"), ("fn", "false negatives")):
            items = errs[label][side]
            kinds = Counter(e["kind"] for e in items)
            top = Counter(e["string"] for e in items).most_common(10)
            print(f"\n### {label}: {len(items)} {title}")
            print("kinds: " + "; ".join(f"{k} {v}" for k, v in kinds.most_common()))
            print("most frequent: " + "、".join(f"{w}×{c}" for w, c in top))
            if side == "fp":
                methods = Counter(e["method"] for e in items)
                print("by method: " + "; ".join(f"{m} {c}" for m, c in methods.most_common()))
            for e in rng.sample(items, min(n, len(items))):
                extra = e.get("gold_here") if side == "fp" else e.get("ours_here")
                where = ("gold here: " if side == "fp" else "ours here: ") + ("、".join(extra) if extra else "-")
                method = f" [{e['method']}]" if side == "fp" else ""
                print(f"- {e['kind']}{method}: 「{e['string']}」 ({where})\n    {e['sentence']}")


# ============================================================================ report

def fmt(x: float) -> str:
    return f"{x:.2f}"


def score_table(rows: dict[str, dict]) -> list[str]:
    """Per-label gold, predicted, TP, P, R, F1, then micro and macro, as Markdown lines."""
    out = ["| label | gold | predicted | TP | P | R | F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
    for label in [*LABELS, "micro"]:
        r = rows[label]
        name = f"**{label} (6 labels)**" if label == "micro" else label
        out.append(f"| {name} | {r['gold']:,} | {r['predicted']:,} | {r['TP']:,} | {fmt(r['P'])} | {fmt(r['R'])} | "
                   f"{'**' + fmt(r['F1']) + '**' if label == 'micro' else fmt(r['F1'])} |")
    m = rows["macro"]
    out.append(f"| **macro (6 labels)** | | | | {fmt(m['P'])} | {fmt(m['R'])} | **{fmt(m['F1'])}** |")
    return out


def print_table(rows: dict[str, dict], title: str) -> None:
    print(f"\n{title}\n")
    print("\n".join(score_table(rows)))


BASELINES_NOTE = ("Our 'overall' cells count all ten CLUENER labels, like the published figures; we predict "
                  "none of book, game, movie, scene, so those four score 0. The paper's BiLSTM-CRF is on the "
                  "hidden test set (the string regime); hemingkx and jieba are on this dev set, exact span.")


def baselines_table(span: dict, string: dict, ten_span: dict, ten_string: dict) -> list[str]:
    names = list(BASELINES)
    out = ["| label | ours, exact span (dev) | ours, string (dev) | " + " | ".join(names) + " |",
           "|---|---:|---:|" + "---:|" * len(names)]
    for label in LABELS:
        cells = [fmt(BASELINES[b][label]) if label in BASELINES[b] else "—" for b in names]
        out.append(f"| {label} | {fmt(span[label]['F1'])} | {fmt(string[label]['F1'])} | " + " | ".join(cells) + " |")
    cells = [f"{BASELINES[b]['overall'][1]:.2f} ({BASELINES[b]['overall'][0]})" for b in names]
    out.append(f"| overall as published | micro 10 labels: {fmt(ten_span['micro']['F1'])} | "
               f"macro 10 labels: {fmt(ten_string['macro']['F1'])} | " + " | ".join(cells) + " |")
    return out


def print_baselines(span: dict, string: dict, ten_span: dict, ten_string: dict) -> None:
    print("\n## Side by side with the published baselines (F1)\n")
    print("\n".join(baselines_table(span, string, ten_span, ten_string)))
    print("\n" + BASELINES_NOTE)


def methods_table(methods: list[dict]) -> list[str]:
    out = ["| method | our type | label | predicted | TP | P |", "|---|---|---|---:|---:|---:|"]
    out += [f"| {r['method']} | {r['type']} | {r['label']} | {r['predicted']} | {r['TP']} | {fmt(r['P'])} |"
            for r in methods]
    return out


def ablation_table(rows: list[dict]) -> list[str]:
    out = ["| setting | " + " | ".join(LABELS) + " | micro F1 | macro F1 | sentences/s |",
           "|---|" + "---:|" * (len(LABELS) + 3)]
    for r in rows:
        out.append(f"| {r['setting']} | " + " | ".join(fmt(r['span'][lab]['F1']) for lab in LABELS) +
                   f" | **{fmt(r['span']['micro']['F1'])}** | {fmt(r['span']['macro']['F1'])} | "
                   f"{r['per_second']:.0f} |")
    return out


def print_ablation(rows: list[dict]) -> None:
    print("\n## Ablation (exact span F1 on CLUENER dev)\n")
    print("\n".join(ablation_table(rows)))


FP_KINDS = ("right span, other label", "boundary (same label)", "overlaps other label", "nothing labelled there")
FN_KINDS = ("right span, other label", "boundary (same label)", "overlapped by other label", "not found")


def error_kinds_tables(errs: dict[str, dict]) -> list[str]:
    """Counts of the kinds of error per label (no string from the data), as two Markdown tables."""
    out = []
    for side, title, kinds in (("fp", "false positives", FP_KINDS), ("fn", "false negatives", FN_KINDS)):
        out += [f"| label | {title} | " + " | ".join(kinds) + " |", "|---|" + "---:|" * (len(kinds) + 1)]
        for label in LABELS:
            c = Counter(e["kind"] for e in errs[label][side])
            out.append(f"| {label} | {len(errs[label][side]):,} | " + " | ".join(f"{c[k]:,}" for k in kinds) + " |")
        if side == "fp":
            out += ["", "False positives by method:", ""]
            for label in LABELS:
                methods = Counter(e["method"] for e in errs[label]["fp"])
                out.append(f"- {label}: " + "; ".join(f"`{m}` {n:,}" for m, n in methods.most_common()))
        out.append("")
    return out[:-1]


# ============================================================================ docs

CLUENER_BLOCKS = ("cluener-main", "cluener-baselines", "cluener-methods", "cluener-ablation", "cluener-errors")


def check_blocks(path: Path, names) -> str:
    """The text of ``path`` once every NAME has exactly one ``<!-- NAME:begin -->`` followed by
    one ``<!-- NAME:end -->``; exits with a message otherwise. Called before a long run too, so
    that a missing marker is reported before the work, not after it."""
    if not path.is_file():
        sys.exit(f"error: {path}: no such file (--write-docs rewrites the generated blocks of an existing page)")
    text = path.read_text(encoding="utf-8")
    for name in names:
        begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
        if text.count(begin) != 1 or text.count(end) != 1 or text.index(begin) > text.index(end):
            sys.exit(f"error: {path}: needs exactly one `{begin}` followed by one `{end}`; "
                     "add the pair where the table belongs")
    return text


def write_blocks(path: Path, blocks: dict[str, str]) -> None:
    """Replace the text between ``<!-- NAME:begin -->`` and ``<!-- NAME:end -->`` in ``path`` for
    each NAME of ``blocks``, and nothing else. Every pair is checked before anything is written;
    the file is replaced atomically."""
    text = check_blocks(path, blocks)
    for name, body in blocks.items():
        begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
        a, b = text.index(begin) + len(begin), text.index(end)
        text = text[:a] + "\n" + body.strip("\n") + "\n" + text[b:]
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def stamp(command: str, date: str, fingerprint: str, extra: str = "") -> str:
    """The first line of a generated block: what wrote it, when, and from which code."""
    return (f"<!-- generated by `{command}`; edit the prose around this block, not the block -->\n"
            f"*Measured {date}, code fingerprint `{fingerprint}`{extra}. Regenerate: `{command}`.*")


def ablation_settings() -> list[tuple[str, tuple[str, ...]]]:
    layers = sorted(ALL_LAYERS)
    out = [(f"{layer} only", (layer,)) for layer in layers]
    out.append(("all (" + "+".join(layers) + ")", tuple(layers)))
    rest = [x for x in layers if x != "lexicon"]
    out.append(("all but the lexicon (" + "+".join(rest) + ")", tuple(rest)))
    return out


def cluener(args: argparse.Namespace) -> int:
    path = Path(args.data) if args.data else CLUENER_DEV
    if not path.is_file():
        sys.exit(f"error: {path}: no such file (the CLUENER2020 dev set; see {CLUENER_README})")
    layers = tuple(x.strip() for x in args.layers.split(",") if x.strip())
    unknown = [x for x in layers if x not in ALL_LAYERS]
    if unknown or not layers:
        sys.exit(f"error: unknown layer(s) {', '.join(unknown) or '(none)'}; choose from {', '.join(sorted(ALL_LAYERS))}")
    if args.write_docs:
        if set(layers) != set(ALL_LAYERS) or args.nested:
            sys.exit("error: --write-docs documents the default setting (all layers, flat); "
                     "drop --layers and --nested")
        args.ablation = True
        check_blocks(Path(args.write_docs), CLUENER_BLOCKS)

    t0 = time.perf_counter()
    sentences, digest = load_cluener(path)
    if args.write_docs and digest != DEV_SHA256:
        sys.exit(f"error: {path} is not the documented dev.json (sha256 {digest[:12]}…); "
                 "--write-docs documents that file only")
    lexicon = default_lexicon()
    recognize("新华社北京电 国务院总理李强表示。", lexicon, keep_titles=True)  # load jieba and LAC (not dev data)
    setup = time.perf_counter() - t0
    countries = country_names(lexicon)

    print("# CLUENER2020 dev: the entity recogniser (kg.extract.mentions.recognize)\n")
    check = "matches the documented dev.json" if digest == DEV_SHA256 else "DOES NOT match the documented dev.json"
    print(f"data: {path} ({len(sentences):,} sentences, {sum(len(s.gold) for s in sentences):,} gold spans; "
          f"sha256 {digest[:12]}… {check})")
    fingerprint = code_fingerprint()
    run_at = time.strftime('%Y-%m-%d %H:%M')
    print(f"recogniser: kg/extract + data/lexicon fingerprint {fingerprint}; run {run_at}")
    print(f"layers: {','.join(layers)}; keep_titles=True (job titles scored as position); "
          f"{'nested names kept' if args.nested else 'flat: names nested inside a longer name left out'}")
    print("type map: " + ", ".join(f"{t}→{lab}" for t, lab in TYPE_TO_LABEL.items()))

    run = run_recognizer(sentences, lexicon, layers, keep_nested=args.nested)
    n_chars = sum(len(s.text) for s in sentences)
    print(f"time: setup (data, lexicon, jieba, LAC) {setup:.2f} s; recognise {run.seconds:.2f} s for "
          f"{len(sentences):,} sentences = {len(sentences) / run.seconds:.0f} sentences/s "
          f"({n_chars / run.seconds:,.0f} characters/s)")
    dropped = ", ".join(f"{t} {n}" for t, n in run.dropped_types.most_common()) or "none"
    print(f"not counted (no CLUENER label): {dropped}; CLUENER labels we never predict: book, game, movie, scene")
    if not args.nested:
        print("not counted (nested inside a longer name): " +
              (", ".join(f"{t} {n}" for t, n in run.dropped_nested.most_common()) or "none"))
    if run.overlapping:
        print(f"note: {run.overlapping} scored predictions overlap another prediction in their sentence")

    span = score_spans(sentences, run)
    string = score_strings(sentences, run)
    print_table(span, "## Exact span (main): same label, start and end")
    print_table(string, "## String (the official CLUENER scorer): per sentence and label, the set of entity strings")

    # secondary: address without bare country names
    is_country = lambda p: p.label == "address" and p.text in countries  # noqa: E731
    no_country = score_spans(sentences, run, ignore=is_country)
    ignored = sum(1 for preds in run.predictions for p in preds if is_country(p))
    ignored_tp = sum(1 for s, preds in zip(sentences, run.predictions) for p in preds
                     if is_country(p) and (p.label, p.start, p.end) in s.gold)
    gold_countries = sum(1 for s in sentences for g in s.gold if g[0] == "address" and s.text[g[1]:g[2]] in countries)
    a, b = span["address"], no_country["address"]
    print("\n## Secondary (kept apart from the scores above): address, ignoring predicted bare country names\n")
    print(f"CLUENER seldom labels a bare country (中国, 美国) as address. Ignoring our {ignored} address "
          f"predictions that are bare country names ({len(countries)} surfaces from the lexicon's "
          f"level-\"country\" entries; {ignored_tp} of them were right, and the {gold_countries} gold address "
          "spans that are bare country names stay in the gold):\n")
    print("| address | gold | predicted | TP | P | R | F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, r in (("as scored above", a), ("bare country names ignored", b)):
        print(f"| {name} | {r['gold']} | {r['predicted']} | {r['TP']} | {fmt(r['P'])} | {fmt(r['R'])} | {fmt(r['F1'])} |")
    print(f"\nmicro F1 over the six labels with this change: {fmt(no_country['micro']['F1'])} "
          f"(main: {fmt(span['micro']['F1'])})")

    ten_span = score_spans(sentences, run, labels=ALL_CLUENER_LABELS)
    ten_string = score_strings(sentences, run, labels=ALL_CLUENER_LABELS)
    print_baselines(span, string, ten_span, ten_string)

    methods = by_method(sentences, run)
    print("\n## Precision by method (exact span)\n")
    print("\n".join(methods_table(methods)))

    ablation = []
    if args.ablation:
        for name, setting in ablation_settings():
            r = run if setting == tuple(sorted(layers)) and tuple(sorted(run.layers)) == setting else \
                run_recognizer(sentences, lexicon, setting, keep_nested=args.nested)
            ablation.append({"setting": name, "layers": list(setting), "span": score_spans(sentences, r),
                             "string": score_strings(sentences, r), "seconds": r.seconds,
                             "per_second": len(sentences) / r.seconds})
        if "tagger" in run.layers:
            # what the build's admission rule keeps when no fact uses a bare tagger name
            # (kg/extract/resolve.py admit): recognize keeps them, the graph may not
            r = Run(run.layers, [[p for p in preds if p.method != "tagger:bare"] for preds in run.predictions],
                    run.seconds)
            ablation.append({"setting": f"{'+'.join(sorted(run.layers))}, `tagger:bare` names dropped",
                             "layers": list(run.layers), "without": "tagger:bare",
                             "span": score_spans(sentences, r), "string": score_strings(sentences, r),
                             "seconds": r.seconds, "per_second": len(sentences) / r.seconds})
        print_ablation(ablation)

    errs = errors(sentences, run) if args.errors or args.write_docs else None
    if args.errors:
        print_errors(errs, args.errors)

    if args.write_docs:
        docs = Path(args.write_docs)
        command = ".venv/bin/python benchmarks/extraction.py cluener --write-docs"
        extra = (f" (`kg/extract/*.py` and `data/lexicon/*`), layers `{','.join(sorted(layers))}`, "
                 f"dev.json sha256 `{digest[:12]}…`, {len(sentences):,} sentences")
        head = stamp(command, run_at[:10], fingerprint)
        ten = (f"Over all ten CLUENER labels, counting the four we never predict (book, game, movie, scene), "
               f"micro F1 is {fmt(ten_span['micro']['F1'])} (exact span) and macro F1 "
               f"{fmt(ten_string['macro']['F1'])} (string).")
        not_counted = ("Not counted: our types without a CLUENER label (" +
                       (", ".join(f"{t} {n}" for t, n in run.dropped_types.most_common()) or "none") +
                       ") and names nested inside a longer name (" +
                       (", ".join(f"{t} {n}" for t, n in run.dropped_nested.most_common()) or "none") + ").")
        secondary = [
            "**Secondary, kept apart: `address` without bare country names.** Our address predictions "
            f"that are bare country names ({len(countries)} surfaces: the lexicon's level-\"country\" entries "
            f"and their aliases) are ignored: {ignored} predictions, {ignored_tp} of them right; the "
            f"{gold_countries} gold address spans that are bare country names stay in the gold.", "",
            "| address | gold | predicted | TP | P | R | F1 |", "|---|---:|---:|---:|---:|---:|---:|",
            *(f"| {name} | {r['gold']} | {r['predicted']} | {r['TP']} | {fmt(r['P'])} | {fmt(r['R'])} | "
              f"{fmt(r['F1'])} |" for name, r in (("as scored above", a), ("bare country names ignored", b))), "",
            f"Micro F1 over the six labels with this change: {fmt(no_country['micro']['F1'])} "
            f"(main: {fmt(span['micro']['F1'])}).",
        ]
        speed = (f"**Speed.** Loading the data, the lexicon, jieba and LAC took {setup:.1f} s; `recognize` then "
                 f"read the {len(sentences):,} sentences in {run.seconds:.1f} s: {len(sentences) / run.seconds:,.0f} "
                 f"sentences/s, {n_chars / run.seconds:,.0f} characters/s, on this machine.")
        blocks = {
            "cluener-main": "\n".join([stamp(command, run_at[:10], fingerprint, extra), "",
                                       "**Exact span (main)**", "", *score_table(span), "",
                                       "**String (the official scorer's regime)**", "", *score_table(string), "",
                                       ten, not_counted, "", *secondary, "", speed]),
            "cluener-baselines": "\n".join([head, "", *baselines_table(span, string, ten_span, ten_string)]),
            "cluener-methods": "\n".join([head, "", *methods_table(methods)]),
            "cluener-ablation": "\n".join([head, "", *ablation_table(ablation)]),
            "cluener-errors": "\n".join([head, "", *error_kinds_tables(errs)]),
        }
        write_blocks(docs, blocks)
        print(f"\ndocs: rewrote the blocks {', '.join(blocks)} of {docs}")

    if args.json:
        result = {
            "benchmark": "CLUENER2020 dev", "data_sha256": digest, "sentences": len(sentences),
            "layers": list(layers), "keep_titles": True, "code_fingerprint": fingerprint, "nested_counted": bool(args.nested),
            "type_map": TYPE_TO_LABEL, "not_counted_types": dict(run.dropped_types),
            "not_counted_nested": dict(run.dropped_nested),
            "exact_span": span, "string": string,
            "address_without_bare_countries": {"address": no_country["address"], "micro": no_country["micro"],
                                               "ignored_predictions": ignored, "ignored_true_positives": ignored_tp,
                                               "gold_bare_country_spans": gold_countries},
            "ten_labels": {"exact_span_micro": ten_span["micro"], "string_macro": ten_string["macro"]},
            "by_method": methods,
            "baselines": BASELINES,
            "timing": {"setup_seconds": setup, "recognise_seconds": run.seconds,
                       "sentences_per_second": len(sentences) / run.seconds},
            "ablation": ablation,
        }
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"\nfigures written to {args.json} (no sentence or entity string from the data)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="benchmark", required=True)
    p = sub.add_parser("cluener", help="the CLUENER2020 dev set (1,343 labelled news snippets)")
    p.add_argument("--data", help=f"the dev.json to read (default: {CLUENER_DEV.relative_to(ROOT.parent)} "
                                  "beside the repository)")
    p.add_argument("--layers", default=",".join(sorted(ALL_LAYERS)),
                   help="comma-separated layers of recognize() (default: all)")
    p.add_argument("--ablation", action="store_true",
                   help="also score each layer alone, all together, all but the lexicon, and the run "
                        "without the tagger's cue-less (tagger:bare) names")
    p.add_argument("--errors", type=int, default=0, metavar="N",
                   help="print N false positives and N false negatives per label, with the sentence")
    p.add_argument("--json", metavar="OUT", help="write the figures (no data text) to OUT")
    p.add_argument("--nested", action="store_true",
                   help="also count names nested inside a longer name (CLUENER is flat, so off by default)")
    p.add_argument("--write-docs", nargs="?", const=str(DOCS), metavar="FILE",
                   help="rewrite the generated CLUENER blocks of docs/extraction.md (or FILE) between their "
                        "<!-- NAME:begin --> and <!-- NAME:end --> markers; implies --ablation")
    p.set_defaults(func=cluener)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
