"""The whole build scored on the evaluation articles of benchmarks/heldout/ (and on the bundled page).

    .venv/bin/python benchmarks/heldout.py [--dir DIR] [--kg PATH] [--reference PATH | --no-reference]
                                           [--no-bundled] [--jobs N] [--json OUT]
                                           [--write-docs [FILE]]

For every pair hN.txt + hN.yaml of --dir (default benchmarks/heldout/; any NAME.txt beside a
NAME.yaml counts, so another set of evaluation articles can be scored the same way) it runs,
in a temporary folder, the project's own command line:

    kg build hN.txt -o TMP/hN.trig
    kg eval --gold hN.yaml --data TMP/hN.trig

and reads what `kg eval` prints: the per-type and per-relation tables (sys, gold, P, R, F1) and
the last line, "entity F1 … (P … R …); relation F1 … (P … R …)". It prints a table per file
and, over all files, the micro average (the counts of every file summed, then P, R and F1; the
counts are read back from the tables as round(P × sys) and round(R × gold), and each file's
totals are checked against its last line) and, beside it, the mean of the per-file F1s.

The reference scorer (../shared/gold/score.py, when it exists) is run on the same pairs with the
same `kg`, and its last line is printed beside ours, to show that `kg eval` and the reference
agree. The reference reads texts as UTF-8 only: for a text in another encoding (h6.txt is
GB18030) it is run on a UTF-8 copy made in the temporary folder, and the table says so; `kg`
itself always reads the original file.

Unless --no-bundled, the bundled page (data/articles/) is scored the same way against
../shared/gold/seed.yaml, and so is its traditional-character twin, made in the temporary
folder with kg.read.script.to_traditional. That page is where the patterns were developed.

--write-docs rewrites, in docs/extraction.md (or FILE), the blocks between
``<!-- heldout:begin -->`` and ``<!-- heldout:end -->`` and, unless --no-bundled, between
``<!-- bundled:begin -->`` and ``<!-- bundled:end -->``, and nothing else.

Exit 0 when every build and evaluation ran, whatever the scores; 1 when one failed (the
figures would be incomplete, so --write-docs writes nothing then) or when the page lacks a pair
of markers (checked before anything runs); 2 when --dir holds no pair.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time

from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "benchmarks"):  # run from a checkout without installing the package
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from kg.explore.evaluate import Score  # noqa: E402 - after the path set-up

from extraction import DOCS, check_blocks, code_fingerprint, stamp, write_blocks  # noqa: E402

HELDOUT = ROOT / "benchmarks" / "heldout"
REFERENCE = ROOT.parent / "shared" / "gold" / "score.py"
SEED_GOLD = ROOT.parent / "shared" / "gold" / "seed.yaml"
BUNDLED = ROOT / "data" / "articles" / "000_7c7b44c55d162a77.txt"
COMMAND = ".venv/bin/python benchmarks/heldout.py --write-docs"

ROW = re.compile(r"^(\S+)\s+(\d+)\s+(\d+)\s+(\d+\.\d+)\s+(\d+\.\d+)\s+(\d+\.\d+)$")
FINAL = re.compile(r"entity F1 (\d\.\d+) \(P (\d\.\d+) R (\d\.\d+)\); "
                   r"relation F1 (\d\.\d+) \(P (\d\.\d+) R (\d\.\d+)\)")
READ = re.compile(r"^read .+ \(([^)]+)\)$", re.M)


# ============================================================================ counts

@dataclass(slots=True)
class Figures:
    """The final line of one scorer: entity and relation P, R, F1."""

    entity_f1: float
    entity_p: float
    entity_r: float
    relation_f1: float
    relation_p: float
    relation_r: float

    def line(self) -> str:
        return (f"entity F1 {self.entity_f1:.3f} (P {self.entity_p:.3f} R {self.entity_r:.3f}); "
                f"relation F1 {self.relation_f1:.3f} (P {self.relation_p:.3f} R {self.relation_r:.3f})")


@dataclass(slots=True)
class Result:
    name: str
    text: str
    gold: str
    encoding: str = ""  # as kg build reported it
    figures: Figures | None = None
    by_type: dict[str, Score] = field(default_factory=dict)
    by_relation: dict[str, Score] = field(default_factory=dict)
    reference: Figures | None = None
    reference_input: str = ""  # what the reference scorer read: the text itself or a UTF-8 copy
    reference_note: str = ""  # why the reference scorer was not run or failed
    error: str = ""


def parse_final(output: str) -> Figures | None:
    lines = [line for line in output.splitlines() if FINAL.search(line)]
    if not lines:
        return None
    return Figures(*(float(x) for x in FINAL.search(lines[-1]).groups()))


def parse_eval(output: str) -> tuple[dict[str, Score], dict[str, Score], Figures]:
    """The per-type and per-relation tables and the last line of `kg eval`."""
    tables: dict[str, dict[str, Score]] = {"entity": {}, "relation": {}}
    current = None
    for line in output.splitlines():
        if line.startswith("entity type"):
            current = "entity"
            continue
        if line.startswith("relation ") and line.split()[1:] == ["sys", "gold", "P", "R", "F1"]:
            current = "relation"
            continue
        m = ROW.match(line)
        if current and m:
            name, n_sys, n_gold, p, r, _ = m.groups()
            n_sys, n_gold = int(n_sys), int(n_gold)
            tables[current][name] = Score(round(float(p) * n_sys), n_sys, round(float(r) * n_gold), n_gold)
        else:
            current = None
    figures = parse_final(output)
    if figures is None:
        raise ValueError("no final line 'entity F1 … ; relation F1 …' in the output of kg eval")
    return tables["entity"], tables["relation"], figures


def total(counts: dict[str, Score]) -> Score:
    out = Score()
    for c in counts.values():
        out.add(c)
    return out


def check(result: Result) -> None:
    """The counts read back from the tables must give the figures of the last line."""
    f = result.figures
    for what, counts, (p, r) in (("entity", result.by_type, (f.entity_p, f.entity_r)),
                                 ("relation", result.by_relation, (f.relation_p, f.relation_r))):
        t = total(counts)
        if abs(t.precision - p) > 0.0006 or abs(t.recall - r) > 0.0006:
            raise ValueError(f"{what} counts read from the tables give P {t.precision:.3f} R {t.recall:.3f}, "
                             f"the last line says P {p:.3f} R {r:.3f}")


# ============================================================================ running

def kg_command(explicit: str | None) -> list[str]:
    if explicit:
        return [explicit]
    script = Path(sys.executable).parent / "kg"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "kg"]


def run(cmd: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", timeout=900)


def is_utf8(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def score(name: str, text: Path, gold: Path, kg: list[str], reference: Path | None, tmp: Path) -> Result:
    """Build, evaluate and (when given) run the reference scorer on one text, working in ``tmp``."""
    result = Result(name, str(text), str(gold))
    tmp.mkdir(parents=True)
    trig = tmp / f"{text.stem}.trig"
    built = run([*kg, "build", str(text), "-o", str(trig)])
    if built.returncode != 0:
        result.error = f"kg build exited {built.returncode}: {built.stderr.strip()[-300:]}"
        return result
    m = READ.search(built.stdout)
    result.encoding = m.group(1) if m else "?"
    evaluated = run([*kg, "eval", "--gold", str(gold), "--data", str(trig)])
    if evaluated.returncode not in (0, 1):  # 1: below a threshold; none is set here
        result.error = f"kg eval exited {evaluated.returncode}: {evaluated.stderr.strip()[-300:]}"
        return result
    try:
        result.by_type, result.by_relation, result.figures = parse_eval(evaluated.stdout)
        check(result)
    except ValueError as err:
        result.error = f"kg eval: {err}"
        return result
    if reference is None:
        result.reference_note = "reference scorer not run"
        return result
    if kg[0] == sys.executable:
        result.reference_note = "reference scorer needs a kg executable (--kg)"
        return result
    source = text
    if not is_utf8(text):
        # the reference scorer reads UTF-8 only: give it a UTF-8 copy of the same text
        encoding = result.encoding if result.encoding not in ("", "?") else "gb18030"
        source = tmp / "utf8" / text.name
        source.parent.mkdir()
        source.write_text(text.read_bytes().decode(encoding), encoding="utf-8")
        result.reference_input = f"a UTF-8 copy (it cannot read the {encoding} original)"
    else:
        result.reference_input = "the file itself"
    ref = run([sys.executable, str(reference), "--kg", kg[0], "--gold", str(gold), "--texts", str(source),
               "--work", str(tmp / "reference")])
    result.reference = parse_final(ref.stdout)
    if result.reference is None:
        result.reference_note = f"reference scorer failed ({ref.returncode}): " + \
                                (ref.stderr.strip() or ref.stdout.strip())[-300:]
    return result


def agree(r: Result) -> str:
    if r.reference is None:
        return "—"
    return "yes" if r.reference.line() == r.figures.line() else "**no**"


# ============================================================================ report

def f3(x: float) -> str:
    return f"{x:.3f}"


def per_file_table(results: list[Result], label: str = "file") -> list[str]:
    out = [f"| {label} | encoding | entity P | entity R | entity F1 | relation P | relation R | relation F1 |",
           "|---|---|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        f = r.figures
        out.append(f"| {r.name} | {r.encoding} | {f3(f.entity_p)} | {f3(f.entity_r)} | {f3(f.entity_f1)} | "
                   f"{f3(f.relation_p)} | {f3(f.relation_r)} | {f3(f.relation_f1)} |")
    return out


def summary_rows(results: list[Result]) -> list[str]:
    e, rel = Score(), Score()
    for r in results:
        e.add(total(r.by_type))
        rel.add(total(r.by_relation))
    n = len(results)
    mean_e = sum(r.figures.entity_f1 for r in results) / n
    mean_r = sum(r.figures.relation_f1 for r in results) / n
    return [f"| **all {n}, micro** (counts summed) | | {f3(e.precision)} | {f3(e.recall)} | **{f3(e.f1)}** | "
            f"{f3(rel.precision)} | {f3(rel.recall)} | **{f3(rel.f1)}** |",
            f"| all {n}, mean of the per-file F1 | | | | {f3(mean_e)} | | | {f3(mean_r)} |"]


def breakdown_table(results: list[Result], attr: str, title: str) -> list[str]:
    """Score summed over the files, per entity type or per relation."""
    names = sorted({k for r in results for k in getattr(r, attr)})
    out = [f"| {title} | sys | matched (sys) | gold | matched (gold) | P | R | F1 |",
           "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name in names:
        c = Score()
        for r in results:
            c.add(getattr(r, attr).get(name, Score()))
        out.append(f"| {name} | {c.n_sys} | {c.tp_sys} | {c.n_gold} | {c.tp_gold} | {f3(c.precision)} | {f3(c.recall)} | {f3(c.f1)} |")
    return out


def reference_table(results: list[Result], label: str = "file") -> list[str]:
    out = [f"| {label} | `kg eval` (last line) | reference scorer (last line) | the reference read | same |",
           "|---|---|---|---|---|"]
    for r in results:
        ref = r.reference.line() if r.reference else (r.reference_note or "not run")
        out.append(f"| {r.name} | {r.figures.line()} | {ref} | {r.reference_input or '—'} | {agree(r)} |")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", type=Path, default=HELDOUT,
                        help="the folder of NAME.txt + NAME.yaml pairs (default: benchmarks/heldout)")
    parser.add_argument("--kg", help="the kg executable (default: the kg next to this Python, else python -m kg)")
    parser.add_argument("--reference", type=Path, default=REFERENCE,
                        help="the reference scorer (default: ../shared/gold/score.py beside the repository)")
    parser.add_argument("--no-reference", action="store_true", help="do not run the reference scorer")
    parser.add_argument("--no-bundled", action="store_true",
                        help="do not score the bundled page and its traditional-character twin")
    parser.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1),
                        help="files scored at the same time (default: the CPUs, at most 4)")
    parser.add_argument("--json", metavar="OUT", help="write the figures and counts to OUT")
    parser.add_argument("--write-docs", nargs="?", const=str(DOCS), metavar="FILE",
                        help="rewrite the heldout (and bundled) blocks of docs/extraction.md, or of FILE")
    args = parser.parse_args(argv)

    pairs = [(t, t.with_suffix(".yaml")) for t in args.dir.glob("*.txt") if t.with_suffix(".yaml").is_file()]
    pairs.sort(key=lambda p: (len(p[0].stem), p[0].stem))  # h2 before h10
    if not pairs:
        print(f"error: no pair NAME.txt + NAME.yaml in {args.dir}", file=sys.stderr)
        return 2
    if args.write_docs:
        check_blocks(Path(args.write_docs), ["heldout"] + ([] if args.no_bundled else ["bundled"]))
    kg = kg_command(args.kg)
    reference = None if args.no_reference else args.reference
    if reference is not None and not reference.is_file():
        print(f"note: no reference scorer at {reference}; only kg eval is run")
        reference = None

    run_at = time.strftime("%Y-%m-%d %H:%M")
    fingerprint, package = code_fingerprint(), package_fingerprint()
    print("# Held-out evaluation articles: kg build + kg eval\n")
    print(f"kg: {' '.join(kg)}; reference scorer: {reference or 'not run'}")
    print(f"code: recogniser fingerprint {fingerprint} (kg/extract + data/lexicon, as in extraction.py); "
          f"package fingerprint {package} (kg/**, ontology/*, data/lexicon/*); run {run_at}")

    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kg-heldout-") as tmp_name:
        tmp = Path(tmp_name)
        jobs = [(text.stem, text, gold, tmp / text.stem) for text, gold in pairs]
        if not args.no_bundled:
            if BUNDLED.is_file() and SEED_GOLD.is_file():
                from kg.read.script import to_traditional

                twin = tmp / "traditional" / BUNDLED.name
                twin.parent.mkdir()
                twin.write_text(to_traditional(BUNDLED.read_text(encoding="utf-8")), encoding="utf-8")
                jobs += [("bundled page", BUNDLED, SEED_GOLD, tmp / "bundled"),
                         ("traditional twin", twin, SEED_GOLD, tmp / "twin")]
            else:
                print(f"note: {BUNDLED} or {SEED_GOLD} is missing; the bundled page is not scored")

        def one(job: tuple) -> Result:
            name, text, gold, work = job
            r = score(name, text, gold, kg, reference, work)
            print(f"scored {name}" + (f": ERROR {r.error}" if r.error else ""), flush=True)
            return r

        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            everything = list(pool.map(one, jobs))
        results, bundled = everything[:len(pairs)], everything[len(pairs):]
    seconds = time.perf_counter() - t0

    failed = [r for r in [*results, *bundled] if r.error]
    for r in failed:
        print(f"error: {r.name}: {r.error}", file=sys.stderr)
    ok = [r for r in results if not r.error]
    if not ok:
        return 1

    print("\n## Per file (kg eval; P, R, F1 as fractions)\n")
    print("\n".join([*per_file_table(ok), *summary_rows(ok)]))
    print("\nmicro: the counts of every file summed, then P, R, F1; mean: the plain mean of the per-file F1.")
    print("\n## Entity types, counts summed over the files\n")
    print("\n".join(breakdown_table(ok, "by_type", "entity type")))
    print("\n## Relations, counts summed over the files\n")
    print("\n".join(breakdown_table(ok, "by_relation", "relation")))
    print("\n## kg eval beside the reference scorer\n")
    print("\n".join(reference_table(ok)))
    bundled_ok = [r for r in bundled if not r.error]
    if bundled_ok:
        print("\n## The bundled page (development page) and its traditional-character twin\n")
        print("\n".join(per_file_table(bundled_ok, "text")))
        print()
        print("\n".join(reference_table(bundled_ok, "text")))
    print(f"\ntime: {seconds:.1f} s")

    if args.json:
        out = {"run": run_at, "code_fingerprint": fingerprint, "package_fingerprint": package,
               "kg": kg, "reference": str(reference) if reference else None,
               "files": [asdict(r) for r in results], "bundled": [asdict(r) for r in bundled]}
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"figures written to {args.json}")

    if failed:
        if args.write_docs:
            print("docs: not written, because a build or an evaluation failed", file=sys.stderr)
        return 1
    if args.write_docs:
        extra = f" (`kg/extract/*.py` and `data/lexicon/*`; whole package `{package}`)"
        head = stamp(COMMAND, run_at[:10], fingerprint, extra)
        agreeing = [r for r in ok if r.reference is not None]
        blocks = {"heldout": "\n".join([
            head, "",
            *per_file_table(ok), *summary_rows(ok), "",
            f"Micro: the counts of the {len(ok)} files summed, then P, R and F1. Mean: the plain mean of the "
            f"{len(ok)} per-file F1s. P, R and F1 are fractions, as `kg eval` prints them.", "",
            "**Entity types, counts summed over the files** (a type's sys counts the system entities "
            "of that type; matched counts those credited to a gold entity of the same type):", "",
            *breakdown_table(ok, "by_type", "entity type"), "",
            "**Relations, counts summed over the files:**", "",
            *breakdown_table(ok, "by_relation", "relation"), "",
            f"**`kg eval` beside the reference scorer** (`../shared/gold/score.py`; they agree on "
            f"{sum(agree(r) == 'yes' for r in agreeing)} of {len(agreeing)} files):", "",
            *reference_table(ok),
        ])}
        if bundled_ok:
            blocks["bundled"] = "\n".join([
                head, "",
                *per_file_table(bundled_ok, "text"), "",
                *reference_table(bundled_ok, "text"),
            ])
        write_blocks(Path(args.write_docs), blocks)
        print(f"docs: rewrote the blocks {', '.join(blocks)} of {args.write_docs}")
    return 0


def package_fingerprint() -> str:
    """A short hash of everything a build depends on in the checkout: kg/ (code, queries,
    templates), ontology/ and data/lexicon/."""
    h = hashlib.sha256()
    files = [*(ROOT / "kg").rglob("*"), *(ROOT / "ontology").glob("*"), *(ROOT / "data" / "lexicon").glob("*")]
    for f in sorted(files):
        if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc":
            h.update(f.relative_to(ROOT).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:12]


if __name__ == "__main__":
    sys.exit(main())
