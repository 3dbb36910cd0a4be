//! The frame reader for preflight: what the PDF [`crate::render::pdf`]
//! writes from the frames will hold, read from the frames themselves
//! (exact values, nothing parsed). It mirrors the writer: the same page
//! boxes ([`PageBoxes`]), one text run per text item, one stroke per
//! subpath ([`crate::render::outline`]), images named `Im1`, `Im2`, … in
//! order of first use, crop and fold marks drawn outside the BleedBox.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::colour::Colour;
use crate::geom::{Abs, Point};
use crate::inspect::BoxPt;
use crate::layout::{self, Faces, Frame, FrameItem, ImageItem, Shape, TextItem};
use crate::render::{self, ColourMode, PageBoxes, PdfOptions};

use super::paint::{ImageUse, Paint, near_black};
use super::{Facts, PageFacts, Run};

/// What the checks read about `frames` written with `options`.
pub(super) fn facts(frames: &[Frame], options: &PdfOptions, faces: &Faces) -> Facts {
    let cmyk = options.pdfx || options.colour == ColourMode::Cmyk;
    let mut images = BTreeMap::new();
    let pages = frames
        .iter()
        .map(|frame| {
            let boxes = PageBoxes::new(frame, options.marks.as_ref());
            let mut page = Page {
                boxes,
                height: frame.size.h + boxes.margin * 2.0,
                bleed: to_box(boxes.bleed),
                cmyk,
                faces,
                images: &mut images,
                text: Vec::new(),
                paint: Paint::default(),
                turned: frame.turned.then(|| {
                    let sheet = boxes.sheet();
                    (sheet.w.to_pt(), sheet.h.to_pt())
                }),
            };
            // The slug line is written after the artwork, never turned.
            let (art, slug) = render::split_slug(frame);
            layout::visit_items(Point::default(), art, &mut |at, item| page.item(at, item));
            page.turned = None;
            layout::visit_items(Point::default(), slug, &mut |at, item| page.item(at, item));
            if let Some(marks) = &options.marks {
                // Eight crop marks and two dashed marks per fold.
                let count = 8 + 2 * frame.folds.len();
                page.strokes(marks.thickness, count);
            }
            PageFacts {
                media: to_box(boxes.media),
                crop: None,
                bleed: Some(page.bleed),
                trim: Some(to_box(boxes.trim)),
                text: page.text,
                paint: page.paint,
            }
        })
        .collect();
    Facts {
        pages,
        // Every face is embedded (as a subset).
        unembedded_fonts: Vec::new(),
        pdfx: options.pdfx.then(|| render::PDFX_VERSION.to_owned()),
        // The writer adds the OutputIntent to every PDF/X file, and keeps
        // annotations and actions out of it.
        pdfx_intent: options.pdfx,
        annotations: Vec::new(),
    }
}

fn to_box([x0, y0, x1, y1]: [Abs; 4]) -> BoxPt {
    BoxPt::new(x0.to_pt(), y0.to_pt(), x1.to_pt(), y1.to_pt())
}

/// One page being read.
struct Page<'a> {
    boxes: PageBoxes,
    /// MediaBox height.
    height: Abs,
    bleed: BoxPt,
    cmyk: bool,
    faces: &'a Faces<'a>,
    /// Image names by picture, for the whole document.
    images: &'a mut BTreeMap<usize, String>,
    text: Vec<Run>,
    paint: Paint,
    /// The MediaBox's width and height in points when the page's artwork
    /// is turned head to foot ([`Frame::turned`]). Only text positions are
    /// read: a half turn maps the BleedBox, and what lies outside it, onto
    /// itself.
    turned: Option<(f64, f64)>,
}

impl Page<'_> {
    /// A frame position (top-left origin, y down) in PDF points.
    fn to_pdf(&self, p: Point) -> (f64, f64) {
        let m = self.boxes.margin;
        ((p.x + m).to_pt(), (self.height - (p.y + m)).to_pt())
    }

    /// The CMYK components of `colour` as written, if the page is CMYK.
    fn cmyk(&self, colour: Colour) -> Option<[f64; 4]> {
        self.cmyk.then(|| colour.to_cmyk().map(f64::from))
    }

    fn item(&mut self, at: Point, item: &FrameItem) {
        match item {
            FrameItem::Text(t) => self.text_item(at, t),
            FrameItem::Shape(s) => self.shape(at, s),
            FrameItem::Image(i) => self.image(i),
            FrameItem::Group(_) => {}
        }
    }

    fn text_item(&mut self, at: Point, t: &TextItem) {
        if t.glyphs.is_empty() {
            return;
        }
        let fill = self.cmyk(t.fill);
        self.ink(fill);
        if let Some(colour) = fill {
            let pure = colour
                .iter()
                .zip([0.0, 0.0, 0.0, 1.0])
                .all(|(a, b)| (a - b).abs() < 0.0005);
            if near_black(colour) && !pure {
                self.paint.not_pure_black_text += 1;
                self.paint.not_pure_black.get_or_insert(colour);
            }
        }
        // The width ends at the last visible glyph, as a reader measures
        // it: the shaped advances before it, then its own width from the
        // font (its kerning is written after it).
        let mut advance = Abs::ZERO;
        let mut visible = Abs::ZERO;
        for g in t.glyphs.iter() {
            if !g.text.chars().all(char::is_whitespace) {
                visible = advance + self.faces.default_advance(t.font, g.id).at(t.size);
            }
            advance += g.advance.at(t.size);
        }
        let (mut x, mut y) = self.to_pdf(at);
        if let Some((w, h)) = self.turned {
            // The writer turns the artwork about the page's centre.
            (x, y) = (w - x, h - y);
        }
        self.text.push(Run {
            text: t.text(),
            size: t.size.to_pt(),
            x,
            y,
            width: visible.to_pt(),
            turned: self.turned.is_some(),
        });
    }

    fn shape(&mut self, at: Point, s: &Shape) {
        if s.fill.is_none() && s.stroke.is_none() {
            return;
        }
        let outline = render::outline(&s.geometry);
        if outline.is_empty() {
            return;
        }
        if let Some(fill) = s.fill
            && self.touches_bleed(at, outline.iter().flat_map(|o| &o.points))
        {
            self.ink(self.cmyk(fill));
        }
        if let Some(stroke) = s.stroke {
            self.strokes(stroke.thickness, outline.len());
            if outline.iter().any(|o| self.touches_bleed(at, &o.points)) {
                self.ink(self.cmyk(stroke.paint));
            }
        }
    }

    /// Whether the bounding box of `points` (relative to `at`) meets the
    /// BleedBox, edges included.
    fn touches_bleed<'p>(
        &self,
        at: Point,
        points: impl IntoIterator<Item = &'p (Point, bool)>,
    ) -> bool {
        let (mut x0, mut y0) = (f64::INFINITY, f64::INFINITY);
        let (mut x1, mut y1) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
        for (p, _) in points {
            let (x, y) = self.to_pdf(at + *p);
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
        }
        let b = self.bleed;
        x1 >= b.x0 && x0 <= b.x1 && y1 >= b.y0 && y0 <= b.y1
    }

    /// `count` strokes of `width`.
    fn strokes(&mut self, width: Abs, count: usize) {
        // Written as an f32, as the reader sees it.
        let w = f64::from(width.to_pt() as f32);
        let thinnest = self.paint.thinnest_line.map_or(w, |t| t.min(w));
        self.paint.thinnest_line = Some(thinnest);
        if w < crate::rules::HAIRLINE.to_pt() - 0.001 {
            self.paint.thin_lines += count;
        }
    }

    fn image(&mut self, i: &ImageItem) {
        let key = Arc::as_ptr(&i.raster) as usize;
        let next = self.images.len() + 1;
        let name = self
            .images
            .entry(key)
            .or_insert_with(|| format!("Im{next}"));
        if i.size.w > Abs::ZERO && i.size.h > Abs::ZERO {
            self.paint.images.push(ImageUse {
                name: name.clone(),
                width: i64::from(i.raster.width),
                height: i64::from(i.raster.height),
                ppi: i.ppi(),
            });
        }
    }

    fn ink(&mut self, cmyk: Option<[f64; 4]>) {
        if let Some(c) = cmyk {
            self.paint.max_ink = self.paint.max_ink.max(c.iter().sum::<f64>() * 100.0);
        }
    }
}
