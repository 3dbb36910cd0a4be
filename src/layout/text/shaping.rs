//! Step 1: shape a piece of text into glyphs, face by face.

use std::sync::Arc;

use crate::geom::{Abs, Em};
use crate::layout::fonts::{Faces, FontId};
use crate::layout::frame::{Glyph, GlyphText};

/// Glyphs of one face at one size, as shaped.
#[derive(Debug, Clone)]
pub struct Segment {
    /// The face.
    pub font: FontId,
    /// The font size.
    pub size: Abs,
    /// Shaped glyphs.
    pub glyphs: Vec<Glyph>,
}

impl Segment {
    /// Advance width in ems.
    pub fn advance(&self) -> Em {
        self.glyphs.iter().fold(Em::new(0.0), |a, g| a + g.advance)
    }

    /// Advance width at its size.
    pub fn width(&self) -> Abs {
        self.advance().at(self.size)
    }

    /// Whether `other` can continue this segment: the same face at the
    /// same size.
    pub fn continues(&self, other: &Segment) -> bool {
        self.font == other.font && self.size == other.size
    }
}

/// A character that no bundled face can draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingGlyph(pub char);

/// Shapes `text` in the given weight and size, switching to the fallback
/// face for characters the main face lacks. Line feeds are not drawn.
pub fn shape(
    text: &str,
    bold: bool,
    size: Abs,
    faces: &Faces,
) -> Result<Vec<Segment>, MissingGlyph> {
    let mut segments = Vec::new();
    let mut start = 0;
    let mut current: Option<FontId> = None;
    for (i, c) in text.char_indices() {
        if matches!(c, '\n' | '\r') {
            if let Some(font) = current.take() {
                segments.push(shape_run(&text[start..i], font, size, faces));
            }
            start = i + c.len_utf8();
            continue;
        }
        let font = faces.pick(bold, c).ok_or(MissingGlyph(c))?;
        match current {
            Some(f) if f == font => {}
            Some(f) => {
                segments.push(shape_run(&text[start..i], f, size, faces));
                start = i;
                current = Some(font);
            }
            None => {
                start = i;
                current = Some(font);
            }
        }
    }
    if let Some(font) = current {
        segments.push(shape_run(&text[start..], font, size, faces));
    }
    Ok(segments)
}

/// Shapes text that one face covers entirely, or takes its glyphs from an
/// earlier document of the run (shaping the same text in the same face
/// always gives the same glyphs).
fn shape_run(text: &str, font: FontId, size: Abs, faces: &Faces) -> Segment {
    let cache = faces.shaped();
    let glyphs: Arc<[Glyph]> = match cache.run(font, text) {
        Some(glyphs) => glyphs,
        None => {
            let glyphs: Arc<[Glyph]> = shape_uncached(text, font, faces).into();
            cache.keep_run(font, text, Arc::clone(&glyphs));
            glyphs
        }
    };
    Segment {
        font,
        size,
        glyphs: glyphs.to_vec(),
    }
}

/// Shapes text with rustybuzz, reusing the run's shape plan for the text's
/// script. Text with no script of its own (digits, punctuation) is planned
/// afresh, exactly as `rustybuzz::shape` does.
fn shape_uncached(text: &str, font: FontId, faces: &Faces) -> Vec<Glyph> {
    let face = faces.get(font);
    let upem = f64::from(face.units_per_em());
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(rustybuzz::Direction::LeftToRight);
    buffer.guess_segment_properties();
    let script = buffer.script();
    let shaped = if script == rustybuzz::script::UNKNOWN {
        rustybuzz::shape(face, &[], buffer)
    } else {
        let plan = faces.shaped().plan(font, face, script);
        rustybuzz::shape_with_plan(face, &plan, buffer)
    };
    let infos = shaped.glyph_infos();
    let positions = shaped.glyph_positions();
    let mut glyphs = Vec::with_capacity(infos.len());
    for (k, (info, pos)) in infos.iter().zip(positions).enumerate() {
        let cluster = info.cluster as usize;
        let first_of_cluster = k == 0 || infos[k - 1].cluster != info.cluster;
        let glyph_text = if first_of_cluster {
            let end = infos[k..]
                .iter()
                .map(|i| i.cluster as usize)
                .find(|&c| c > cluster)
                .unwrap_or(text.len());
            GlyphText::from(text.get(cluster..end).unwrap_or_default())
        } else {
            GlyphText::default()
        };
        glyphs.push(Glyph {
            id: u16::try_from(info.glyph_id).unwrap_or(0),
            advance: Em::from_units(f64::from(pos.x_advance), upem),
            text: glyph_text,
        });
    }
    glyphs
}

/// The width of segments, each at its size.
pub fn width(segments: &[Segment]) -> Abs {
    segments.iter().map(Segment::width).sum()
}
