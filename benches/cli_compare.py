#!/usr/bin/env python3
"""wellprint's CLI against Typst, the two-sided CHIME card, one core each.

    cargo build --release && pip install typst==0.15.2
    python3 benches/cli_compare.py            # 300 areas; memory at 10, 300, 1000

Makes a synthetic project (the repository's fonts, pictures and card
resource, N areas like benches/batch.rs's), runs
`wellprint build --resource chime-wallet-card --variant standard -j 1`
on it as a user would (a new process: loading, building, writing and
syncing every file included), and compiles the same card with Typst
(benches/typst_card.typ, one warm `typst.Compiler`, one process), in the
same run. Prints a Markdown table, the peak memory of the CLI for each N
and the ratio for docs/benchmarks.md.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import typst_compare  # noqa: E402  (the Typst side, shared)

NATIONS = ["england", "scotland", "wales", "northern-ireland"]


def area_toml(i):
    """The synthetic area of benches/batch.rs."""
    num = lambda k: "01632 960 %03d" % ((i * 4 + k) % 1000)
    return f'''id = "area-{i:04}"
name = "Area {i}"
nation = "{NATIONS[i % 4]}"

[[contact]]
name = "Area {i} Recovery College"
phone = "{num(0)}"
hours = "Mon–Fri 10am–4pm"
web = "example.org/area-{i}"
tags = ["card"]

[[contact]]
name = "Area {i} Peer Support"
phone = "{num(1)}"
hours = "Wednesdays 6pm–8pm"
tags = ["card"]

[[contact]]
name = "Area {i} Wellbeing Café"
phone = "{num(2)}"
hours = "Saturdays 11am–2pm"
tags = ["card"]

[[contact]]
name = "Area {i} Advocacy"
phone = "{num(3)}"
tags = ["advocacy"]
'''


def project(root, n):
    for sub in ["fonts", "assets/pictures"]:
        shutil.copytree(REPO / sub, root / sub)
    (root / "resources").mkdir()
    shutil.copy(REPO / "resources/chime-wallet-card.toml", root / "resources")
    (root / "areas").mkdir()
    shutil.copy(REPO / "areas/national.toml", root / "areas")
    for i in range(n):
        (root / "areas" / f"area-{i:04}.toml").write_text(area_toml(i))


def cli(n):
    """(documents, seconds, peak MB) of one `wellprint build` run."""
    exe = REPO / "target/release/wellprint"
    with tempfile.TemporaryDirectory() as d:
        root = Path(d)
        project(root, n)
        cmd = ["/usr/bin/time", "-v", str(exe), "build", "--project", str(root),
               "--resource", "chime-wallet-card", "--variant", "standard",
               "-j", "1", "--out", str(root / "out")]
        started = time.perf_counter()
        run = subprocess.run(cmd, capture_output=True, text=True)
        secs = time.perf_counter() - started
        if run.returncode != 0:
            sys.exit(f"wellprint failed:\n{run.stderr[-2000:]}")
        peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr).group(1))
        docs = sum(1 for _ in (root / "out").rglob("*.pdf"))
    return docs, secs, peak / 1024


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    print(f"CHIME card, standard, one core, N = {n} areas\n")
    print("| tool | documents | seconds | documents/s | ms/document |")
    print("|---|---:|---:|---:|---:|")
    docs, secs, _ = cli(n)
    ours = docs / secs
    print(f"| wellprint CLI, `-j 1` | {docs} | {secs:.2f} | {ours:.0f} | {secs * 1000 / docs:.2f} |")
    done, tsecs, _ = typst_compare.run(n, 1)
    theirs = done / tsecs
    print(f"| Typst 0.15.2, one warm Compiler | {done} | {tsecs:.2f} | {theirs:.0f} | {tsecs * 1000 / done:.2f} |")
    print(f"\nratio: {ours / theirs:.2f}× Typst per core\n")
    print("| areas | wellprint peak MB |")
    print("|---:|---:|")
    for k in [10, 300, 1000]:
        _, _, mb = cli(k)
        print(f"| {k} | {mb:.0f} |")


if __name__ == "__main__":
    main()
