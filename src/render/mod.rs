//! Stage 4: frames become PDF bytes.
//!
//! printpdf writes pages, embeds the fonts and maps every glyph to
//! Unicode; each face is then cut down to the glyphs the document draws
//! ([`subset`]). Its output is then finished with lopdf ([`post`]): correct
//! TrimBox and BleedBox, language, metadata, version, fixed dates and a
//! content-derived document ID, and compressed streams. Every file is a
//! tagged PDF ([`tags`]): marked content, a structure tree in reading order,
//! link annotations and XMP metadata.

mod deflate;
mod image;
mod marks;
mod page;
mod pdfx;
mod post;
mod shape;
mod subset;
mod tags;
mod text;
mod xmp;

pub use page::{MarkSettings, PageBoxes};
pub(crate) use pdfx::PDFX_VERSION;
pub use pdfx::turn_pages;
pub use post::{iso_date, pdf_date};
pub(crate) use shape::outline;

use std::collections::BTreeMap;

use printpdf::{Mm, Op, PdfDocument, PdfPage, PdfSaveOptions, PdfWarnMsg};

use crate::geom::{Abs, Point, Size};
use crate::layout::{FontBook, FontId, Frame, FrameItem};

/// Document-level facts written into the PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metadata {
    /// Title, shown in the viewer's title bar.
    pub title: String,
    /// Subject.
    pub subject: String,
    /// Author.
    pub author: String,
    /// Natural language, BCP 47 (`en-GB`).
    pub lang: String,
}

/// Output settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PdfOptions {
    /// Creation and modification time, seconds since 1970 (UTC). Fixed so
    /// that the same input gives the same bytes.
    pub timestamp: i64,
    /// Crop marks around the bleed (the MediaBox grows to hold them).
    pub marks: Option<MarkSettings>,
    /// Colour operators: screen RGB or print CMYK.
    pub colour: ColourMode,
    /// Write PDF/X-4: CMYK colour, an OutputIntent with the bundled CMYK
    /// profile, XMP metadata. Implies [`ColourMode::Cmyk`].
    pub pdfx: bool,
}

/// Which colour operators the content uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColourMode {
    /// DeviceRGB (`rg`/`RG`): for screens and office printers.
    #[default]
    Rgb,
    /// DeviceCMYK (`k`/`K`), converted by [`crate::colour::Colour::to_cmyk`]:
    /// black is 100 % K.
    Cmyk,
}

/// The bundled fonts parsed for printpdf, once per run.
pub struct PdfFonts {
    parsed: BTreeMap<FontId, printpdf::ParsedFont>,
}

impl PdfFonts {
    /// Parses every face of `book`.
    pub fn new(book: &FontBook) -> Result<PdfFonts, String> {
        let mut parsed = BTreeMap::new();
        for id in FontId::ALL {
            let mut warnings = Vec::new();
            let font = printpdf::ParsedFont::from_bytes(book.data(id), 0, &mut warnings)
                .ok_or_else(|| format!("printpdf cannot read the font {}", id.file_name()))?;
            parsed.insert(id, font);
        }
        Ok(PdfFonts { parsed })
    }
}

/// Page geometry: converts trim-relative, y-down positions into PDF points
/// (origin bottom-left of the bleed box, y up).
#[derive(Debug, Clone, Copy)]
struct PageSpace {
    /// From the trim to the MediaBox edge.
    bleed: Abs,
    height: Abs,
    cmyk: bool,
    /// The page's full width and height when its artwork is turned head
    /// to foot ([`Frame::turned`]).
    turned: Option<Size>,
}

impl PageSpace {
    fn new(frame: &Frame, boxes: &PageBoxes, cmyk: bool) -> Self {
        PageSpace {
            bleed: boxes.margin,
            height: frame.size.h + boxes.margin * 2.0,
            cmyk,
            turned: frame.turned.then(|| boxes.sheet()),
        }
    }

    /// A colour as the page's colour operators want it.
    fn paint(self, c: crate::colour::Colour) -> printpdf::Color {
        if self.cmyk {
            let [c, m, y, k] = c.to_cmyk();
            printpdf::Color::Cmyk(printpdf::Cmyk::new(c, m, y, k, None))
        } else {
            let [r, g, b] = c.to_unit();
            printpdf::Color::Rgb(printpdf::Rgb::new(r, g, b, None))
        }
    }

    /// PDF x and y in points.
    fn to_pdf(self, p: Point) -> (f32, f32) {
        let x = p.x + self.bleed;
        let y = self.height - (p.y + self.bleed);
        (x.to_pt() as f32, y.to_pt() as f32)
    }

    /// Where a rectangle in PDF points (`[x0, y0, x1, y1]`, painted
    /// under the page's turn) is on the page: annotations are not turned.
    fn on_page(self, [x0, y0, x1, y1]: [f32; 4]) -> [f32; 4] {
        match self.turned {
            Some(full) => {
                let (w, h) = (full.w.to_pt() as f32, full.h.to_pt() as f32);
                [w - x1, h - y1, w - x0, h - y0]
            }
            None => [x0, y0, x1, y1],
        }
    }

    /// The operator that turns the artwork head to foot, if it is turned.
    fn turn(self) -> Option<Op> {
        self.turned.map(|full| Op::SetTransformationMatrix {
            matrix: printpdf::CurTransMat::Raw([
                -1.0,
                0.0,
                0.0,
                -1.0,
                full.w.to_pt() as f32,
                full.h.to_pt() as f32,
            ]),
        })
    }
}

/// Writes `frames` as a PDF.
pub fn pdf(
    frames: &[Frame],
    meta: &Metadata,
    fonts: &PdfFonts,
    book: &FontBook,
    options: &PdfOptions,
) -> Vec<u8> {
    let mut doc = PdfDocument::new(&meta.title);
    let ids = add_fonts(&mut doc, frames, fonts);
    let faces = book.faces();
    let mut images = image::Images::default();
    let cmyk = options.pdfx || options.colour == ColourMode::Cmyk;
    let mut tagger = tags::Tagger::new();
    let mut pages = Vec::with_capacity(frames.len());
    for frame in frames {
        let boxes = PageBoxes::new(frame, options.marks.as_ref());
        let mut page = PageWriter {
            ops: Vec::new(),
            space: PageSpace::new(frame, &boxes, cmyk),
            fonts: &ids,
            faces: &faces,
            tags: &mut tagger,
        };
        page.frame(frame, &boxes, options, &mut images, &mut doc);
        let full = Size::new(
            frame.size.w + boxes.margin * 2.0,
            frame.size.h + boxes.margin * 2.0,
        );
        pages.push(PdfPage::new(
            Mm(full.w.to_mm() as f32),
            Mm(full.h.to_mm() as f32),
            page.ops,
        ));
    }
    doc.with_pages(pages);
    let save = PdfSaveOptions {
        optimize: false,
        // Whole faces, cut down afterwards by [`subset::apply`].
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings: Vec<PdfWarnMsg> = Vec::new();
    let mut lo = doc.to_lopdf_document(&save, &mut warnings);
    subset::apply(&mut lo, frames, &ids, book);
    tags::finish(&mut lo, tagger);
    post::finish(lo, frames, meta, options)
}

/// Adds the faces the frames use to `doc`, each under a reproducible
/// resource name.
///
/// printpdf would name each font resource with a random id; here the id
/// is six letters derived from the face and the glyphs used, and
/// [`subset::apply`] puts it on the face's names as the subset tag
/// (`ABCDEF+`). That keeps output reproducible, and gives different
/// subsets different tags, as PDF requires when documents are merged.
fn add_fonts(
    doc: &mut PdfDocument,
    frames: &[Frame],
    fonts: &PdfFonts,
) -> BTreeMap<FontId, printpdf::FontId> {
    let mut ids = BTreeMap::new();
    for id in used_fonts(frames) {
        if let Some(parsed) = fonts.parsed.get(&id) {
            let pdf_id = printpdf::FontId(subset_tag(frames, id));
            doc.resources
                .fonts
                .map
                .insert(pdf_id.clone(), printpdf::PdfFont::new(parsed.clone()));
            ids.insert(id, pdf_id);
        }
    }
    ids
}

/// Writes one page's operators.
struct PageWriter<'a> {
    ops: Vec<Op>,
    space: PageSpace,
    fonts: &'a BTreeMap<FontId, printpdf::FontId>,
    faces: &'a crate::layout::Faces<'a>,
    tags: &'a mut tags::Tagger,
}

impl PageWriter<'_> {
    /// Writes one frame: its artwork clipped to the BleedBox, then the slug
    /// line, then the printer's marks.
    fn frame(
        &mut self,
        frame: &Frame,
        boxes: &PageBoxes,
        options: &PdfOptions,
        images: &mut image::Images,
        doc: &mut PdfDocument,
    ) {
        self.tags.begin_page();
        // Artwork never paints beyond the BleedBox (a scaled design's
        // background would otherwise run past the bleed into the marks);
        // the slug line, set outside the bleed, is drawn after the clip.
        let (art, slug) = split_slug(frame);
        self.ops.push(Op::SaveGraphicsState);
        self.ops.extend(self.space.turn());
        let bleed_origin = Point::new(-frame.bleed, -frame.bleed);
        let bleed_size = Size::new(
            frame.size.w + frame.bleed * 2.0,
            frame.size.h + frame.bleed * 2.0,
        );
        shape::clip(&mut self.ops, self.space, bleed_origin, bleed_size);
        self.items(Point::default(), art, images, doc);
        self.tags.close(&mut self.ops);
        self.ops.push(Op::RestoreGraphicsState);
        self.items(Point::default(), slug, images, doc);
        self.tags.end_page(&mut self.ops);
        if let Some(m) = &options.marks {
            // Printer's marks are not content: an artifact.
            self.ops.push(Op::BeginMarkedContent {
                tag: "Artifact".to_owned(),
            });
            let cmyk = self.space.cmyk;
            marks::write(&mut self.ops, boxes, frame.bleed, &frame.folds, m, cmyk);
            self.ops.push(Op::EndMarkedContent);
        }
    }

    /// Writes `items` placed relative to `origin`.
    fn items(
        &mut self,
        origin: Point,
        items: &[(Point, FrameItem)],
        images: &mut image::Images,
        doc: &mut PdfDocument,
    ) {
        for (pos, item) in items {
            let at = origin + *pos;
            match item {
                FrameItem::Text(t) => {
                    self.tags.content(&mut self.ops);
                    text::write(&mut self.ops, self.space, at, t, self.fonts, self.faces);
                    self.tags.painted_text(text::bounds(self.space, at, t));
                }
                FrameItem::Shape(s) => {
                    self.tags.content(&mut self.ops);
                    shape::write(&mut self.ops, self.space, at, s);
                }
                FrameItem::Image(i) => {
                    self.tags.content(&mut self.ops);
                    let id = images.id(doc, &i.raster);
                    image::write(&mut self.ops, self.space, at, i, id);
                }
                FrameItem::Group(g) => {
                    self.tags.enter(g, &mut self.ops);
                    if let Some(clip) = g.clip {
                        self.tags.close(&mut self.ops);
                        self.ops.push(Op::SaveGraphicsState);
                        shape::clip(&mut self.ops, self.space, at, clip);
                    }
                    self.items(at, &g.items, images, doc);
                    if g.clip.is_some() {
                        self.tags.close(&mut self.ops);
                        self.ops.push(Op::RestoreGraphicsState);
                    }
                    self.tags.leave(&mut self.ops);
                }
            }
        }
    }
}

/// An item with its position.
type Placed = (Point, FrameItem);

/// A frame's top-level items split into artwork and the slug line: the
/// trailing text items whose baselines start outside the BleedBox (what
/// [`crate::finish::slug`] appends) are printer's marks, drawn outside the
/// BleedBox clip.
pub(crate) fn split_slug(frame: &Frame) -> (&[Placed], &[Placed]) {
    let eps = Abs::mm(0.01);
    let outside = |p: &Point| {
        p.x < -frame.bleed - eps
            || p.y < -frame.bleed - eps
            || p.x > frame.size.w + frame.bleed + eps
            || p.y > frame.size.h + frame.bleed + eps
    };
    let slug = frame
        .items
        .iter()
        .rev()
        .take_while(|(p, item)| matches!(item, FrameItem::Text(_)) && outside(p))
        .count();
    frame.items.split_at(frame.items.len() - slug)
}

/// Six capital letters derived from the face and the glyphs it draws.
fn subset_tag(frames: &[Frame], font: FontId) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    hasher.update(font.file_name().as_bytes());
    for g in subset::glyphs_used(frames, font) {
        hasher.update(g.to_be_bytes());
    }
    hasher.finalize()[..6]
        .iter()
        .map(|b| char::from(b'A' + b % 26))
        .collect()
}

/// The faces any frame uses, so unused ones are not embedded.
fn used_fonts(frames: &[Frame]) -> Vec<FontId> {
    let mut used: Vec<FontId> = Vec::new();
    for frame in frames {
        frame.visit(&mut |_, item| {
            if let FrameItem::Text(t) = item {
                used.push(t.font);
            }
        });
    }
    used.sort();
    used.dedup();
    used
}
