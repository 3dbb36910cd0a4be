//! Laying out one block at the content width, independent of its place on
//! the page.

use crate::colour::Colour;
use crate::diag::Diagnostic;
use crate::geom::{Abs, Point, Size};
use crate::model::Located;
use crate::pictures::Pictures;
use crate::resolve::{Block, Content, Document, EntryMark, PictureSpec, RichText, Run, TextStyle};

use super::fonts::{Faces, FontId};
use super::frame::{FrameItem, Geometry, Group, PathSeg, Role, Shape, Stroke};
use super::pictures;
use super::text::{Paragraph, TextError, TextSpec};
use crate::geom::{LineCap, LineJoin};

/// A block laid out with its top-left at the origin.
#[derive(Debug, Clone, Default)]
pub struct Laid {
    /// Height of the content.
    pub height: Abs,
    /// Items relative to the block's top-left.
    pub items: Vec<(Point, FrameItem)>,
    /// A colour band behind the block that spans the page and bleeds.
    pub band: Option<Colour>,
}

/// What laying out a block needs from the document.
pub struct BlockContext<'a> {
    /// The document (type sizes).
    pub doc: &'a Document,
    /// Parsed faces.
    pub faces: &'a Faces<'a>,
    /// Width available for text.
    pub width: Abs,
    /// Loaded pictures.
    pub pictures: &'a Pictures,
    /// Height kept free at the foot of each page (for page numbers).
    pub footer: Abs,
}

impl BlockContext<'_> {
    /// The spec of a text style.
    pub fn spec(&self, style: TextStyle) -> TextSpec {
        let t = &self.doc.type_sizes;
        let (size, leading, bold) = match style {
            TextStyle::Title => (t.title, 1.05, true),
            TextStyle::Subtitle => (t.subtitle, t.leading, false),
            TextStyle::Heading => (t.heading, 1.15, true),
            TextStyle::Body => (t.body, t.leading, false),
            TextStyle::Small => (t.small, t.leading, false),
        };
        TextSpec {
            size,
            leading,
            bold,
        }
    }

    /// Sets a paragraph, turning failures into diagnostics about `block`.
    fn set(
        &self,
        text: &RichText,
        spec: TextSpec,
        width: Abs,
        block: &Block,
    ) -> Result<Paragraph, Diagnostic> {
        Paragraph::set(text, spec, width, self.faces)
            .map_err(|e| text_error(e, text, block, &self.doc.filled))
    }

    /// Lays out `block`.
    pub fn lay(&self, block: &Block) -> Result<Laid, Diagnostic> {
        let mut laid = Laid::default();
        match &block.content {
            Content::Banner {
                title,
                subtitle,
                fill,
                colour,
            } => {
                let p = self.set(title, self.spec(TextStyle::Title), self.width, block)?;
                p.place_as(Role::H1, Point::default(), *colour, &mut laid.items);
                laid.height = p.height();
                if let Some(sub) = subtitle {
                    let s = self.set(sub, self.spec(TextStyle::Subtitle), self.width, block)?;
                    s.place_as(
                        Role::P,
                        Point::new(Abs::ZERO, laid.height),
                        *colour,
                        &mut laid.items,
                    );
                    laid.height += s.height();
                }
                laid.band = Some(*fill);
            }
            Content::Text {
                text,
                style,
                colour,
            } => {
                let p = self.set(text, self.spec(*style), self.width, block)?;
                p.place_as(role_of(*style), Point::default(), *colour, &mut laid.items);
                laid.height = p.height();
            }
            Content::KeyList { items, colour } => {
                self.key_list(items, *colour, block, &mut laid)?
            }
            Content::Entries {
                entries,
                picture,
                marks,
                fill,
                colour,
            } => {
                let spec = self.spec(TextStyle::Body);
                let gap = spec.size * spec.leading * if picture.is_some() { 0.8 } else { 0.35 };
                // With a picture, each entry is a row: picture left, text right.
                let pic_w = picture.as_ref().map_or(Abs::ZERO, |p| {
                    p.width.unwrap_or(self.width * 0.18).min(self.width * 0.3)
                });
                let x = if picture.is_some() {
                    pic_w + spec.size * 1.2
                } else {
                    Abs::ZERO
                };
                for (i, entry) in entries.iter().enumerate() {
                    if i > 0 {
                        laid.height += gap;
                    }
                    let top = laid.height;
                    let mut h = Abs::ZERO;
                    if let Some(pic) = picture {
                        let (item, ph) = pictures::place(self.pictures, pic, pic_w, block)?;
                        laid.items.push((Point::new(Abs::ZERO, top), item));
                        h = ph;
                    }
                    let p = self.set(entry, spec, self.width - x, block)?;
                    let roles: Vec<(String, Group)> = marks
                        .get(i)
                        .into_iter()
                        .flatten()
                        .map(|m| match m {
                            EntryMark::Link(l) => {
                                let role = Role::Link {
                                    uri: l.uri.clone(),
                                    description: l.description.clone(),
                                };
                                (l.text.clone(), Group::tagged(role, Vec::new()))
                            }
                            EntryMark::Lang { text, lang } => (
                                text.clone(),
                                Group {
                                    lang: Some(lang.clone()),
                                    ..Group::tagged(Role::Span, Vec::new())
                                },
                            ),
                        })
                        .collect();
                    p.place_linked(
                        Role::P,
                        &roles,
                        Point::new(x, top),
                        *colour,
                        &mut laid.items,
                    );
                    laid.height = top + p.height().max(h);
                }
                laid.band = *fill;
            }
            Content::Spacer { height } => laid.height = *height,
            Content::PreparedBy { logo, text, colour } => {
                let spec = self.spec(TextStyle::Small);
                let mut x = Abs::ZERO;
                let mut logo_h = Abs::ZERO;
                let mut logo_item = None;
                if let Some(logo) = logo {
                    let width = logo.width.unwrap_or(Abs::mm(25.0)).min(self.width * 0.4);
                    let (item, h) = pictures::place(self.pictures, logo, width, block)?;
                    logo_item = Some(item);
                    logo_h = h;
                    x = width + spec.size * 1.2;
                }
                let para = match text {
                    Some(t) => Some(self.set(t, spec, self.width - x, block)?),
                    None => None,
                };
                let text_h = para.as_ref().map_or(Abs::ZERO, Paragraph::height);
                laid.height = logo_h.max(text_h);
                if let Some(item) = logo_item {
                    laid.items
                        .push((Point::new(Abs::ZERO, (laid.height - logo_h) / 2.0), item));
                }
                if let Some(p) = para {
                    let top = (laid.height - text_h) / 2.0;
                    p.place_as(Role::P, Point::new(x, top), *colour, &mut laid.items);
                }
            }
            Content::Picture(spec) => {
                // Centred in the column.
                let width = spec.width.unwrap_or(Abs::mm(40.0)).min(self.width);
                let (item, h) = pictures::place(self.pictures, spec, width, block)?;
                laid.items
                    .push((Point::new((self.width - width) / 2.0, Abs::ZERO), item));
                laid.height = h;
            }
            Content::Row {
                picture,
                heading,
                text,
                items,
                colour,
                ink,
            } => self.row(
                picture,
                heading.as_ref(),
                text.as_ref(),
                items,
                (*colour, *ink),
                block,
                &mut laid,
            )?,
            Content::List { items, colour } => {
                laid.height = self.list(
                    items,
                    *colour,
                    Point::default(),
                    self.width,
                    block,
                    &mut laid.items,
                )?;
            }
            Content::Cards {
                cards,
                columns,
                ink,
            } => self.cards(cards, *columns, *ink, block, &mut laid)?,
            Content::Journey {
                stages,
                colour,
                height,
            } => self.journey(stages, *colour, *height, block, &mut laid)?,
        }
        Ok(laid)
    }

    /// A picture on the left; heading, text and bullets on the right.
    #[allow(clippy::too_many_arguments)]
    fn row(
        &self,
        picture: &PictureSpec,
        heading: Option<&RichText>,
        text: Option<&RichText>,
        items: &[RichText],
        (colour, ink): (Colour, Colour),
        block: &Block,
        laid: &mut Laid,
    ) -> Result<(), Diagnostic> {
        let body = self.spec(TextStyle::Body);
        let pic_w = picture
            .width
            .unwrap_or(self.width * 0.22)
            .min(self.width * 0.4);
        let gap = body.size * 1.2;
        let x = pic_w + gap;
        let w = self.width - x;
        let (item, pic_h) = pictures::place(self.pictures, picture, pic_w, block)?;
        let mut y = Abs::ZERO;
        if let Some(h) = heading {
            let p = self.set(h, self.spec(TextStyle::Heading), w, block)?;
            p.place_as(Role::H3, Point::new(x, y), colour, &mut laid.items);
            y += p.height() + body.size * 0.2;
        }
        if let Some(t) = text {
            let p = self.set(t, body, w, block)?;
            p.place_as(Role::P, Point::new(x, y), ink, &mut laid.items);
            y += p.height();
        }
        if !items.is_empty() {
            y += body.size * 0.3;
            y += self.list(items, ink, Point::new(x, y), w, block, &mut laid.items)?;
        }
        // The picture is read after its heading and text (it does not
        // overlap them, so painting it last changes nothing on paper).
        laid.items.push((Point::default(), item));
        laid.height = y.max(pic_h);
        Ok(())
    }

    /// Bullet points with a hanging indent; returns the height.
    fn list(
        &self,
        items: &[RichText],
        colour: Colour,
        at: Point,
        width: Abs,
        block: &Block,
        out: &mut Vec<(Point, crate::layout::FrameItem)>,
    ) -> Result<Abs, Diagnostic> {
        let body = self.spec(TextStyle::Body);
        let indent = body.size * 1.1;
        let gap = body.size * body.leading * 0.25;
        let bullet = RichText {
            runs: vec![Run::new("•".to_owned(), true)],
            span: None,
        };
        let mut y = Abs::ZERO;
        let mut list = Vec::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                y += gap;
            }
            let mut li = Vec::new();
            let b = self.set(&bullet, body, indent, block)?;
            b.place_as(Role::Lbl, Point::new(at.x, at.y + y), colour, &mut li);
            let p = self.set(item, body, width - indent, block)?;
            p.place_as(
                Role::LBody,
                Point::new(at.x + indent, at.y + y),
                colour,
                &mut li,
            );
            list.push((
                Point::default(),
                FrameItem::Group(Group::tagged(Role::LI, li)),
            ));
            y += p.height();
        }
        out.push((
            Point::default(),
            FrameItem::Group(Group::tagged(Role::L, list)),
        ));
        Ok(y)
    }

    /// Cards in a grid: a tinted rounded panel with an accent bar, a bold
    /// title in the accent colour and the text below.
    fn cards(
        &self,
        cards: &[(RichText, RichText, Colour)],
        columns: usize,
        ink: Colour,
        block: &Block,
        laid: &mut Laid,
    ) -> Result<(), Diagnostic> {
        let body = self.spec(TextStyle::Body);
        let heading = self.spec(TextStyle::Heading);
        let gutter = body.size * 1.4;
        let pad = body.size * 1.0;
        let bar = body.size * 0.45;
        let cols = columns.max(1);
        let card_w = (self.width - gutter * (cols - 1) as f64) / cols as f64;
        let text_w = card_w - pad * 2.0 - bar;
        let mut y = Abs::ZERO;
        for row in cards.chunks(cols) {
            let mut laid_cards = Vec::new();
            let mut row_h = Abs::ZERO;
            for (title, text, colour) in row {
                let t = self.set(title, heading, text_w, block)?;
                let b = self.set(text, body, text_w, block)?;
                let h = pad * 2.0 + t.height() + body.size * 0.3 + b.height();
                row_h = row_h.max(h);
                laid_cards.push((t, b, *colour));
            }
            for (i, (t, b, colour)) in laid_cards.into_iter().enumerate() {
                let x = (card_w + gutter) * i as f64;
                laid.items.push((
                    Point::new(x, y),
                    FrameItem::Shape(Shape::filled(
                        Geometry::Rect {
                            size: Size::new(card_w, row_h),
                            radius: pad * 0.8,
                        },
                        colour.tint(0.9),
                    )),
                ));
                laid.items.push((
                    Point::new(x, y),
                    FrameItem::Shape(Shape::filled(
                        Geometry::Rect {
                            size: Size::new(bar, row_h),
                            radius: bar * 0.5,
                        },
                        colour,
                    )),
                ));
                let tx = x + bar + pad;
                t.place_as(Role::H3, Point::new(tx, y + pad), colour, &mut laid.items);
                b.place_as(
                    Role::P,
                    Point::new(tx, y + pad + t.height() + body.size * 0.3),
                    ink,
                    &mut laid.items,
                );
            }
            y += row_h + gutter;
        }
        laid.height = y - gutter;
        Ok(())
    }

    /// A winding road through the stages, a numbered marker on the road at
    /// each stage and a signpost above it with the stage's name.
    fn journey(
        &self,
        stages: &[RichText],
        colour: Colour,
        height: Abs,
        block: &Block,
        laid: &mut Laid,
    ) -> Result<(), Diagnostic> {
        let n = stages.len();
        let heading = TextSpec {
            size: self.spec(TextStyle::Heading).size * 0.85,
            leading: 1.1,
            bold: true,
        };
        let w = self.width;
        let step = w / n as f64;
        // Stage points alternate low and high so the road winds.
        let points: Vec<Point> = (0..n)
            .map(|i| {
                let y = if i % 2 == 0 { 0.80 } else { 0.52 };
                Point::new(step * (i as f64 + 0.5), height * y)
            })
            .collect();
        let mut through = vec![Point::new(Abs::ZERO, height * 0.68)];
        through.extend(points.iter().copied());
        through.push(Point::new(w, height * 0.64));
        let road = catmull_rom(&through);
        let road_w = height * 0.09;
        let stroke = |paint: Colour, thickness: Abs| Shape {
            geometry: Geometry::Path(road.clone()),
            fill: None,
            stroke: Some(Stroke {
                paint,
                thickness,
                cap: LineCap::Butt,
                join: LineJoin::Round,
            }),
            rule: Default::default(),
        };
        // The road is decoration: its meaning is in the signposts' text.
        laid.items.push((
            Point::default(),
            FrameItem::Group(Group::tagged(
                Role::Artifact,
                vec![
                    (
                        Point::default(),
                        FrameItem::Shape(stroke(colour.tint(0.72), road_w)),
                    ),
                    (
                        Point::default(),
                        FrameItem::Shape(stroke(Colour::WHITE, road_w * 0.12)),
                    ),
                ],
            )),
        ));
        let marker = road_w * 1.25;
        let post = height * 0.07;
        let sign_w = step * 0.96;
        let pad = heading.size * 0.35;
        // Read as a numbered list: the number, then the stage's name.
        let mut list = Vec::new();
        for (i, (stage, p)) in stages.iter().zip(&points).enumerate() {
            let label = self.set(stage, heading, sign_w - pad * 2.0, block)?;
            let sign_h = label.height() + pad * 2.0;
            let sign_bottom = p.y - marker / 2.0 - post;
            let sign_top = sign_bottom - sign_h;
            if sign_top < Abs::ZERO {
                return Err(Diagnostic::error(
                    block.span.clone(),
                    format!("the journey's signposts need {} more height", -sign_top),
                )
                .with_hint("make the journey taller with `height`, or the stage names shorter"));
            }
            let sx = p.x - sign_w / 2.0;
            // Post, sign, label.
            laid.items.push((
                Point::new(p.x - road_w * 0.08, sign_bottom),
                FrameItem::Shape(Shape::filled(
                    Geometry::Rect {
                        size: Size::new(road_w * 0.16, post + marker / 2.0),
                        radius: Abs::ZERO,
                    },
                    colour,
                )),
            ));
            laid.items.push((
                Point::new(sx, sign_top),
                FrameItem::Shape(Shape::filled(
                    Geometry::Rect {
                        size: Size::new(sign_w, sign_h),
                        radius: pad,
                    },
                    colour,
                )),
            ));
            let lx = sx + (sign_w - label.width()) / 2.0;
            let mut body = Vec::new();
            label.place_as(
                Role::LBody,
                Point::new(lx, sign_top + pad),
                ink_on(colour),
                &mut body,
            );
            // Numbered marker on the road.
            laid.items.push((
                Point::new(p.x - marker / 2.0, p.y - marker / 2.0),
                FrameItem::Shape(Shape::filled(
                    Geometry::Ellipse {
                        size: Size::new(marker, marker),
                    },
                    colour,
                )),
            ));
            let num = RichText {
                runs: vec![Run::new((i + 1).to_string(), true)],
                span: stage.span.clone(),
            };
            let ns = TextSpec {
                size: marker * 0.55,
                leading: 1.0,
                bold: true,
            };
            let l = self.set(&num, ns, marker, block)?;
            let cap = self.faces.metrics(FontId::Bold).cap_height.at(ns.size);
            let mut li = Vec::new();
            l.place_as(
                Role::Lbl,
                Point::new(p.x - l.width() / 2.0, p.y + cap / 2.0 - l.first_baseline()),
                ink_on(colour),
                &mut li,
            );
            li.extend(body);
            list.push((
                Point::default(),
                FrameItem::Group(Group::tagged(Role::LI, li)),
            ));
        }
        laid.items.push((
            Point::default(),
            FrameItem::Group(Group::tagged(Role::L, list)),
        ));
        laid.height = height;
        Ok(())
    }

    /// Rows of: a coloured tile with the term's initial, the term in bold in
    /// the tile's colour, and its explanation below.
    fn key_list(
        &self,
        items: &[(RichText, RichText, Colour)],
        ink: Colour,
        block: &Block,
        laid: &mut Laid,
    ) -> Result<(), Diagnostic> {
        let body = self.spec(TextStyle::Body);
        let term_spec = TextSpec { bold: true, ..body };
        let line = body.size * body.leading;
        let tile = line * 2.0;
        let indent = tile + body.size * 0.9;
        let text_width = self.width - indent;
        let row_gap = line * 0.2;
        let letter_spec = TextSpec {
            size: tile * 0.62,
            leading: 1.0,
            bold: true,
        };
        let cap = self.faces.metrics(FontId::Bold).cap_height;
        // Read as a list of terms (labels) and explanations; the tiles and
        // their initials are decoration.
        let mut list = Vec::new();
        for (i, (term, text, colour)) in items.iter().enumerate() {
            if i > 0 {
                laid.height += row_gap;
            }
            let top = laid.height;
            laid.items.push((
                Point::new(Abs::ZERO, top),
                FrameItem::Shape(Shape::filled(
                    Geometry::Rect {
                        size: Size::new(tile, tile),
                        radius: tile * 0.18,
                    },
                    *colour,
                )),
            ));
            if let Some(initial) = term.plain().chars().next() {
                let letter = RichText {
                    runs: vec![Run::new(initial.to_string(), true)],
                    span: term.span.clone(),
                };
                let l = self.set(&letter, letter_spec, tile, block)?;
                // Centre the capital's box in the tile.
                let x = (tile - l.width()) / 2.0;
                let baseline = top + (tile + cap.at(letter_spec.size)) / 2.0;
                l.place_as(
                    Role::Artifact,
                    Point::new(x, baseline - l.first_baseline()),
                    ink_on(*colour),
                    &mut laid.items,
                );
            }
            let mut li = Vec::new();
            let t = self.set(term, term_spec, text_width, block)?;
            t.place_as(Role::Lbl, Point::new(indent, top), *colour, &mut li);
            let e = self.set(text, body, text_width, block)?;
            e.place_as(
                Role::LBody,
                Point::new(indent, top + t.height()),
                ink,
                &mut li,
            );
            list.push((
                Point::default(),
                FrameItem::Group(Group::tagged(Role::LI, li)),
            ));
            laid.height = top + (t.height() + e.height()).max(tile);
        }
        laid.items.push((
            Point::default(),
            FrameItem::Group(Group::tagged(Role::L, list)),
        ));
        Ok(())
    }
}

/// What a paragraph in `style` is in the document's structure.
fn role_of(style: TextStyle) -> Role {
    match style {
        TextStyle::Title => Role::H1,
        TextStyle::Heading => Role::H2,
        TextStyle::Subtitle | TextStyle::Body | TextStyle::Small => Role::P,
    }
}

/// A smooth curve through `points` (Catmull-Rom as cubic Béziers).
fn catmull_rom(points: &[Point]) -> Vec<PathSeg> {
    let mut segs = Vec::new();
    let Some(first) = points.first() else {
        return segs;
    };
    segs.push(PathSeg::Move(*first));
    let at = |i: isize| points[i.clamp(0, points.len() as isize - 1) as usize];
    for i in 0..points.len().saturating_sub(1) {
        let i = i as isize;
        let (p0, p1, p2, p3) = (at(i - 1), at(i), at(i + 1), at(i + 2));
        let c1 = Point::new(p1.x + (p2.x - p0.x) / 6.0, p1.y + (p2.y - p0.y) / 6.0);
        let c2 = Point::new(p2.x - (p3.x - p1.x) / 6.0, p2.y - (p3.y - p1.y) / 6.0);
        segs.push(PathSeg::Cubic(c1, c2, p2));
    }
    segs
}

/// White or near-black, whichever reads better on `background`.
pub fn ink_on(background: Colour) -> Colour {
    let dark = Colour::rgb(0x1A, 0x1A, 0x1A);
    if Colour::WHITE.contrast(background) >= dark.contrast(background) {
        Colour::WHITE
    } else {
        dark
    }
}

/// A text failure as a diagnostic about `block`. A missing character that
/// a placeholder filled in is blamed on the area value (`filled`).
fn text_error(
    e: TextError,
    text: &RichText,
    block: &Block,
    filled: &[Located<String>],
) -> Diagnostic {
    let span = text.span.clone().or_else(|| Some(block.span.clone()));
    match e {
        TextError::Missing(m) => {
            let from = filled.iter().find(|f| f.value.contains(m.0));
            let (span, used) = match from {
                Some(f) => (
                    Some(f.span.clone()),
                    format!("\"{}\" (printed in {})", f.value, block.label),
                ),
                None => (span, format!("\"{}\"", text.plain())),
            };
            Diagnostic::error(
                span,
                format!(
                    "no bundled font has the character `{}` (U+{:04X}), used in {used}",
                    m.0,
                    u32::from(m.0),
                ),
            )
            .with_hint(
                "remove the character or say it in words; wellprint prints with Atkinson Hyperlegible Next and DejaVu Sans",
            )
        }
        TextError::TooWide(w) => Diagnostic::error(
            span,
            format!(
                "the word \"{}\" in {} is {} wider than its column",
                w.word, block.label, w.excess
            ),
        )
        .with_hint("shorten it (for a web address, drop \"https://\" and \"www.\"), or make the type smaller"),
    }
}
