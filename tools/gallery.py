#!/usr/bin/env python3
"""Makes docs/gallery.md: every resource x variant x format for one area.

Usage (from the project folder): python3 tools/gallery.py [area]

Builds the area's print PDFs with the release binary, renders every page
with poppler's pdftoppm, crops each to its TrimBox (read with pdfinfo),
puts a document's pages side by side in one picture
(docs/gallery/<file>.png) and writes docs/gallery.md. Needs poppler-utils
and Pillow. Run it again after changing a design.
"""
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
HEIGHT = 260  # pixels: the height of one page in the gallery
GAP = 8


def trim_boxes(pdf):
    """The TrimBox of every page, in points: [(x0, y0, x1, y1, mh)]."""
    out = subprocess.run(["pdfinfo", "-box", "-f", "1", "-l", "999", str(pdf)],
                         capture_output=True, text=True, check=True).stdout
    media = re.findall(r"Page\s+\d+ MediaBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", out)
    trim = re.findall(r"Page\s+\d+ TrimBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", out)
    return [tuple(map(float, t)) + (float(m[3]),) for t, m in zip(trim, media)]


def pages(pdf, work):
    """The pages of `pdf` as pictures cropped to the trim, HEIGHT high."""
    boxes = trim_boxes(pdf)
    # Render at about the gallery's size: sharp, without wasting work.
    dpi = max(20, round(HEIGHT * 72 / (boxes[0][3] - boxes[0][1])))
    # Each document in a folder of its own: "x-standard-*.png" would also
    # match the pages of "x-standard-dl.pdf".
    own = work / ("pages-" + pdf.stem)
    own.mkdir()
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(own / "p")], check=True)
    pngs = sorted(own.glob("p-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    out = []
    for png, (x0, y0, x1, y1, mh) in zip(pngs, boxes):
        im = Image.open(png).convert("RGB")
        k = dpi / 72
        im = im.crop((round(x0 * k), round((mh - y1) * k), round(x1 * k), round((mh - y0) * k)))
        out.append(im)
    return out


def strip(images):
    """Pages side by side, each scaled to HEIGHT."""
    scaled = [i.resize((max(1, round(i.width * HEIGHT / i.height)), HEIGHT), Image.LANCZOS)
              for i in images]
    width = sum(i.width for i in scaled) + GAP * (len(scaled) - 1)
    sheet = Image.new("RGB", (width, HEIGHT), (205, 205, 205))
    x = 0
    for i in scaled:
        sheet.paste(i, (x, 0))
        x += i.width + GAP
    return sheet


def main():
    area = sys.argv[1] if len(sys.argv) > 1 else "cardiff"
    binary = ROOT / "target/release/wellprint"
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    gallery = ROOT / "docs/gallery"
    gallery.mkdir(exist_ok=True)
    for old in gallery.glob("*.png"):
        old.unlink()
    lines = [f"# Gallery: every document for one area ({area})", "",
             "Every resource × variant × format that `cargo run --release -- build` makes",
             f"for the example area `{area}`, each page cut to its trim, made by",
             "`python3 tools/gallery.py " + area + "` (run it again after changing a design).",
             "Folded formats (DL, booklets, the Easy Read folding card) show their",
             "printed sheets, as the print shop receives them.", ""]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        subprocess.run([str(binary), "build", "--area", area, "--out", str(work / "out")],
                       cwd=ROOT, check=True, capture_output=True)
        current = None
        for pdf in sorted((work / "out" / area).glob("*.pdf")):
            resource = pdf.stem.split("-standard")[0].split("-easy-read")[0]
            resource = resource.split("-large-print")[0].split("-bilingual")[0]
            if resource != current:
                lines += [f"## {resource}", ""]
                current = resource
            images = pages(pdf, work)
            strip(images).save(gallery / (pdf.stem + ".png"), optimize=True)
            n = len(images)
            lines += [f"### {pdf.name} ({n} page{'s' if n != 1 else ''})", "",
                      f"![{pdf.stem}, every page](gallery/{pdf.stem}.png)", ""]
    (ROOT / "docs/gallery.md").write_text("\n".join(lines))


if __name__ == "__main__":
    main()
