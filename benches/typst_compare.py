#!/usr/bin/env python3
"""Typst compiling the two-sided CHIME wallet card once per area.

The peer a coordinator might script instead of wellprint: benches/typst_card.typ
filled from sys.inputs, compiled with the `typst` PyPI package (the Typst
compiler as a Python extension), one PDF per area written to disk. One
Compiler is reused, so fonts are loaded once, as wellprint does.

    pip install typst
    python3 benches/typst_compare.py              # N = 100 areas
    python3 benches/typst_compare.py 100 --ours 850   # also print the ratio

Prints documents per second for one process and for one process per core
(multiprocessing), comparable with the "card only" rows of
`cargo bench --bench batch`, and for the simplest script, `typst.compile`
per area (a new compiler each time). The ratio is against Typst's best.
"""

import json
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path

import typst

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def area_inputs(i):
    """The same synthetic area as benches/batch.rs."""
    num = lambda k: "01632 960 %03d" % ((i * 4 + k) % 1000)
    contacts = [
        {"name": f"Area {i} Recovery College", "phone": num(0), "hours": "Mon–Fri 10am–4pm"},
        {"name": f"Area {i} Peer Support", "phone": num(1), "hours": "Wednesdays 6pm–8pm"},
        {"name": f"Area {i} Wellbeing Café", "phone": num(2), "hours": "Saturdays 11am–2pm"},
    ]
    return {"area": f"Area {i}", "contacts": json.dumps(contacts)}


def compile_range(args):
    start, stop, out = args
    compiler = typst.Compiler(
        str(HERE / "typst_card.typ"),
        root=str(REPO),
        font_paths=[str(REPO / "fonts")],
        ignore_system_fonts=True,
    )
    for i in range(start, stop):
        compiler.compile(output=os.path.join(out, f"area-{i:04}.pdf"), sys_inputs=area_inputs(i))
    return stop - start


def compile_fresh(n, out):
    """The simplest script: `typst.compile` per area, which sets up a new
    compiler (and reads the fonts again) every time."""
    for i in range(n):
        typst.compile(
            str(HERE / "typst_card.typ"),
            output=os.path.join(out, f"fresh-{i:04}.pdf"),
            root=str(REPO),
            font_paths=[str(REPO / "fonts")],
            ignore_system_fonts=True,
            sys_inputs=area_inputs(i),
        )
    return n


def run(n, workers):
    with tempfile.TemporaryDirectory() as out:
        chunks = [(w * n // workers, (w + 1) * n // workers, out) for w in range(workers)]
        started = time.perf_counter()
        if workers == 1:
            done = compile_range(chunks[0])
        else:
            # "spawn": forking after Typst's threads have started deadlocks.
            with multiprocessing.get_context("spawn").Pool(workers) as pool:
                done = sum(pool.map(compile_range, chunks))
        secs = time.perf_counter() - started
        pages = open(os.path.join(out, "area-0000.pdf"), "rb").read().count(b"/Type /Page\n") or "?"
    return done, secs, pages


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 100
    ours = float(sys.argv[sys.argv.index("--ours") + 1]) if "--ours" in sys.argv else None
    cores = os.cpu_count() or 1
    print(f"Typst {typst.__version__ if hasattr(typst, '__version__') else ''} (PyPI `typst`), two-sided CHIME card, N = {n} areas")
    print()
    print("| processes | documents | seconds | documents/s | ms/document |")
    print("|---:|---:|---:|---:|---:|")
    rates = {}
    for workers in sorted({1, cores}):
        done, secs, _ = run(n, workers)
        rates[workers] = done / secs
        print(f"| {workers} | {done} | {secs:.2f} | {done / secs:.1f} | {secs * 1000 / done:.1f} |")
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        done = compile_fresh(n, out)
        secs = time.perf_counter() - started
    print(f"| 1, `typst.compile` per area | {done} | {secs:.2f} | {done / secs:.1f} | {secs * 1000 / done:.1f} |")
    if ours:
        print()
        print(f"wellprint {ours:.0f} documents/s ÷ Typst {rates[max(rates)]:.1f} documents/s "
              f"= {ours / rates[max(rates)]:.1f}×")


if __name__ == "__main__":
    main()
