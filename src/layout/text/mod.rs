//! Setting a paragraph: shaping, line breaking, lines.
//!
//! Steps, in order: split the text at line-break opportunities
//! ([`linebreak`]), shape each piece face by face ([`shaping`]), fill the
//! pieces into lines no wider than the box ([`line`]), then place the lines
//! as frame items ([`Paragraph::place`]).

mod line;
mod linebreak;
mod shaping;

use crate::colour::Colour;
use crate::diag::Span;
use crate::geom::{Abs, Point};
use crate::resolve::RichText;

use super::fonts::{Faces, FontId};
use super::frame::{FrameItem, Group, Role, TextItem};

pub use line::TooWide;
pub use shaping::MissingGlyph;

/// How to set a paragraph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextSpec {
    /// Font size.
    pub size: Abs,
    /// Line height as a multiple of the size.
    pub leading: f64,
    /// Set every run in bold.
    pub bold: bool,
}

/// Why a paragraph could not be set.
#[derive(Debug, Clone, PartialEq)]
pub enum TextError {
    /// No bundled face has this character.
    Missing(MissingGlyph),
    /// A word is wider than the box.
    TooWide(TooWide),
}

/// A set paragraph, ready to place.
#[derive(Debug, Clone)]
pub struct Paragraph {
    lines: Vec<line::Line>,
    spec: TextSpec,
    /// Distance from the top of a line box to its baseline.
    baseline: Abs,
    span: Option<Span>,
}

impl Paragraph {
    /// Sets `text` into lines of at most `width`.
    pub fn set(
        text: &RichText,
        spec: TextSpec,
        width: Abs,
        faces: &Faces,
    ) -> Result<Paragraph, TextError> {
        let mut shaped = Vec::new();
        for piece in linebreak::pieces(text) {
            let mut segments = Vec::new();
            let mut plain = String::new();
            for (part, bold) in &piece.parts {
                segments.extend(
                    shaping::shape(part, spec.bold || *bold, faces).map_err(TextError::Missing)?,
                );
                plain.push_str(part);
            }
            shaped.push(line::ShapedPiece::new(
                segments,
                spec.size,
                piece.mandatory,
                plain,
            ));
        }
        let lines = line::fill(shaped, width, spec.size).map_err(TextError::TooWide)?;
        let m = faces.metrics(if spec.bold {
            FontId::Bold
        } else {
            FontId::Regular
        });
        let line_height = spec.size * spec.leading;
        let content = (m.ascender - m.descender).at(spec.size);
        let baseline = (line_height - content) / 2.0 + m.ascender.at(spec.size);
        Ok(Paragraph {
            lines,
            spec,
            baseline,
            span: text.span.clone(),
        })
    }

    /// Height of one line.
    pub fn line_height(&self) -> Abs {
        self.spec.size * self.spec.leading
    }

    /// Height of all lines.
    pub fn height(&self) -> Abs {
        self.line_height() * self.lines.len() as f64
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// Width of the widest line.
    pub fn width(&self) -> Abs {
        self.lines.iter().map(|l| l.width).fold(Abs::ZERO, Abs::max)
    }

    /// Distance from the top of the paragraph to the first baseline.
    pub fn first_baseline(&self) -> Abs {
        self.baseline
    }

    /// Places the lines like [`Paragraph::place`], wrapped in one group
    /// that says what the paragraph is (heading, paragraph, list label…).
    pub fn place_as(&self, role: Role, at: Point, fill: Colour, out: &mut Vec<(Point, FrameItem)>) {
        let mut items = Vec::new();
        self.place(at, fill, &mut items);
        out.push((
            Point::default(),
            FrameItem::Group(Group::tagged(role, items)),
        ));
    }

    /// Places the lines like [`Paragraph::place_as`], with the glyphs that
    /// spell each of `links` (`(text, group)`, found in order, whitespace
    /// ignored) in a copy of that (empty) group: a [`Role::Link`], or a
    /// [`Role::Span`] with a language.
    pub fn place_linked(
        &self,
        role: Role,
        links: &[(String, Group)],
        at: Point,
        fill: Colour,
        out: &mut Vec<(Point, FrameItem)>,
    ) {
        let mut items = Vec::new();
        self.place(at, fill, &mut items);
        let items = split_links(items, links);
        out.push((
            Point::default(),
            FrameItem::Group(Group::tagged(role, items)),
        ));
    }

    /// Places the lines with the top-left of the first line box at `at`.
    pub fn place(&self, at: Point, fill: Colour, out: &mut Vec<(Point, FrameItem)>) {
        for (i, line) in self.lines.iter().enumerate() {
            let y = at.y + self.line_height() * i as f64 + self.baseline;
            for (x, seg) in &line.segments {
                if seg.glyphs.is_empty() {
                    continue;
                }
                out.push((
                    Point::new(at.x + *x, y),
                    FrameItem::Text(TextItem {
                        font: seg.font,
                        size: self.spec.size,
                        fill,
                        glyphs: seg.glyphs.clone(),
                        span: self.span.clone(),
                    }),
                ));
            }
        }
    }
}

/// Splits text items so that the glyphs spelling each link sit in a copy
/// of the link's group; everything else stays as it is.
fn split_links(
    items: Vec<(Point, FrameItem)>,
    links: &[(String, Group)],
) -> Vec<(Point, FrameItem)> {
    // Every non-space character with the (item, glyph) that draws it.
    let mut hay: Vec<(char, usize, usize)> = Vec::new();
    for (i, (_, item)) in items.iter().enumerate() {
        if let FrameItem::Text(t) = item {
            for (g, glyph) in t.glyphs.iter().enumerate() {
                hay.extend(
                    glyph
                        .text
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .map(|c| (c, i, g)),
                );
            }
        }
    }
    // Which link each glyph belongs to.
    let mut marks: std::collections::BTreeMap<(usize, usize), usize> = Default::default();
    let mut from = 0;
    for (k, (text, _)) in links.iter().enumerate() {
        let needle: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
        if needle.is_empty() || needle.len() > hay.len() {
            continue;
        }
        let found = (from..=hay.len() - needle.len()).find(|&s| {
            hay[s..s + needle.len()]
                .iter()
                .map(|h| h.0)
                .eq(needle.iter().copied())
        });
        if let Some(s) = found {
            // Every glyph from the first to the last, spaces between
            // words included.
            let first = (hay[s].1, hay[s].2);
            let last = (hay[s + needle.len() - 1].1, hay[s + needle.len() - 1].2);
            for (i, (_, item)) in items.iter().enumerate() {
                if let FrameItem::Text(t) = item {
                    for g in 0..t.glyphs.len() {
                        if (i, g) >= first && (i, g) <= last {
                            marks.insert((i, g), k);
                        }
                    }
                }
            }
            from = s + needle.len();
        }
    }
    if marks.is_empty() {
        return items;
    }
    let mut out: Vec<(Point, FrameItem)> = Vec::new();
    let mut open: Option<usize> = None;
    for (i, (pos, item)) in items.into_iter().enumerate() {
        let FrameItem::Text(t) = item else {
            out.push((pos, item));
            open = None;
            continue;
        };
        // Maximal runs of glyphs with the same mark.
        let mut x = pos.x;
        let mut start = 0;
        while start < t.glyphs.len() {
            let mark = marks.get(&(i, start)).copied();
            let mut end = start + 1;
            while end < t.glyphs.len() && marks.get(&(i, end)).copied() == mark {
                end += 1;
            }
            let piece = TextItem {
                glyphs: t.glyphs[start..end].to_vec(),
                ..t.clone()
            };
            let width = piece.width();
            let placed = (Point::new(x, pos.y), FrameItem::Text(piece));
            match mark {
                None => {
                    out.push(placed);
                    open = None;
                }
                Some(k) => {
                    let same = open == Some(k);
                    match out.last_mut() {
                        Some((_, FrameItem::Group(g))) if same => g.items.push(placed),
                        _ => out.push((
                            Point::default(),
                            FrameItem::Group(Group {
                                items: vec![placed],
                                ..links[k].1.clone()
                            }),
                        )),
                    }
                    open = Some(k);
                }
            }
            x += width;
            start = end;
        }
    }
    out
}
