//! Step 3: fill shaped pieces into lines, greedily, never wider than the box.

use crate::geom::Abs;

use super::shaping::{Segment, width};

/// A piece after shaping.
#[derive(Debug, Clone)]
pub struct ShapedPiece {
    /// Its glyph segments.
    pub segments: Vec<Segment>,
    /// Width without trailing spaces.
    pub width: Abs,
    /// A line must end after it.
    pub mandatory: bool,
    /// Its text, for messages.
    pub text: String,
}

impl ShapedPiece {
    /// Measures shaped segments, each at its size.
    pub fn new(segments: Vec<Segment>, mandatory: bool, text: String) -> Self {
        let total = width(&segments);
        let trailing: Abs = segments
            .iter()
            .rev()
            .flat_map(|s| s.glyphs.iter().rev().map(|g| (g, s.size)))
            .take_while(|(g, _)| g.text.chars().all(char::is_whitespace))
            .map(|(g, size)| g.advance.at(size))
            .sum();
        ShapedPiece {
            segments,
            width: total - trailing,
            mandatory,
            text,
        }
    }
}

/// One set line: segments at x offsets from the line start.
#[derive(Debug, Clone, Default)]
pub struct Line {
    /// (x offset, segment) pairs.
    pub segments: Vec<(Abs, Segment)>,
    /// Width of the visible text.
    pub width: Abs,
    /// How many pieces (words, unbreakable numbers) it holds.
    pub pieces: usize,
}

/// How pieces are filled into lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Wrap {
    /// As many pieces on each line as fit.
    Greedy,
    /// Lines of about equal width, as few as greedy filling makes
    /// (headings and titles: no line of a single word when a balanced
    /// break exists). Text of several sentences is filled like
    /// [`Wrap::NoWidow`] instead, so that lines may end with sentences.
    Balance,
    /// Greedy, but a short text does not end on a line of one word when
    /// moving a word down from the line before fixes it.
    NoWidow,
}

/// Longest text (in lines) whose last word [`Wrap::NoWidow`] keeps company.
const SHORT_LINES: usize = 6;

/// Fills pieces into lines of at most `max`, as `wrap` says. In a text
/// with line feeds (a contact's name, number and hours) each line is
/// filled on its own, so a long name does not end on a word alone either.
pub fn fill_wrapped(pieces: Vec<ShapedPiece>, max: Abs, wrap: Wrap) -> Result<Vec<Line>, TooWide> {
    if wrap == Wrap::Greedy {
        return fill(pieces, max);
    }
    let mut lines = Vec::new();
    let mut rest = pieces;
    loop {
        let end = rest
            .iter()
            .position(|p| p.mandatory)
            .map_or(rest.len(), |i| i + 1);
        let tail = rest.split_off(end);
        lines.extend(fill_unbroken(rest, max, wrap)?);
        if tail.is_empty() {
            return Ok(lines);
        }
        rest = tail;
    }
}

/// [`fill_wrapped`] for pieces with no line feed but after the last.
fn fill_unbroken(pieces: Vec<ShapedPiece>, max: Abs, wrap: Wrap) -> Result<Vec<Line>, TooWide> {
    let greedy = fill(pieces.clone(), max)?;
    let n = greedy.len();
    let widow = greedy.last().is_some_and(|l| l.pieces == 1);
    if n < 2 {
        return Ok(greedy);
    }
    match wrap {
        Wrap::Greedy => Ok(greedy),
        // Text of several sentences is not balanced: a line may end
        // where a sentence does (Easy Read's one sentence a line).
        Wrap::Balance if !sentences(&pieces) => Ok(balanced(&pieces, max, n).unwrap_or(greedy)),
        Wrap::Balance if widow => Ok(companioned(&pieces, max, n).unwrap_or(greedy)),
        Wrap::Balance => Ok(greedy),
        Wrap::NoWidow if widow && n <= SHORT_LINES => {
            Ok(companioned(&pieces, max, n).unwrap_or(greedy))
        }
        Wrap::NoWidow => Ok(greedy),
    }
}

/// Whether a sentence ends before the last piece.
fn sentences(pieces: &[ShapedPiece]) -> bool {
    let before_last = pieces.len().saturating_sub(1);
    pieces[..before_last]
        .iter()
        .any(|p| p.text.trim_end().ends_with(['.', '!', '?']))
}

/// The lines at the narrowest width that still makes `n` lines.
fn balanced(pieces: &[ShapedPiece], max: Abs, n: usize) -> Option<Vec<Line>> {
    let lines_at = |w: Abs| fill(pieces.to_vec(), w).ok().filter(|l| l.len() == n);
    let (mut lo, mut hi) = (max * (1.0 / n as f64) * 0.9, max);
    for _ in 0..12 {
        let mid = (lo + hi) * 0.5;
        if lines_at(mid).is_some() {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    lines_at(hi)
}

/// The lines at the widest width below `max` (down to three quarters of
/// it) that makes `n` lines with more than one piece on the last.
fn companioned(pieces: &[ShapedPiece], max: Abs, n: usize) -> Option<Vec<Line>> {
    (1..=25).find_map(|i| {
        let w = max * (1.0 - 0.01 * f64::from(i));
        fill(pieces.to_vec(), w)
            .ok()
            .filter(|l| l.len() == n && l.last().is_some_and(|last| last.pieces > 1))
    })
}

/// A word that does not fit on a line of its own.
#[derive(Debug, Clone, PartialEq)]
pub struct TooWide {
    /// The word.
    pub word: String,
    /// By how much it is too wide.
    pub excess: Abs,
}

/// Breaks pieces into lines of at most `max` width.
pub fn fill(pieces: Vec<ShapedPiece>, max: Abs) -> Result<Vec<Line>, TooWide> {
    let tolerance = Abs::pt(0.01);
    let mut lines = Vec::new();
    let mut line = Line::default();
    let mut x = Abs::ZERO;
    for piece in pieces {
        if piece.width > max + tolerance {
            return Err(TooWide {
                word: piece.text.trim().to_owned(),
                excess: piece.width - max,
            });
        }
        if !line.segments.is_empty() && x + piece.width > max + tolerance {
            lines.push(finish(std::mem::take(&mut line), true));
            x = Abs::ZERO;
        }
        line.pieces += 1;
        for seg in piece.segments {
            let w = seg.width();
            // Pieces are set edge to edge, so a piece in the same face at
            // the same size simply continues the previous segment.
            match line.segments.last_mut() {
                Some((_, last)) if last.continues(&seg) => last.glyphs.extend(seg.glyphs),
                _ => line.segments.push((x, seg)),
            }
            x += w;
        }
        if piece.mandatory {
            lines.push(finish(std::mem::take(&mut line), false));
            x = Abs::ZERO;
        }
    }
    if !line.segments.is_empty() {
        lines.push(finish(line, false));
    }
    Ok(lines)
}

/// Drops trailing spaces and measures the line. A line `wrapped` at a
/// space keeps that one space glyph (it paints nothing and is not counted
/// in the width) so that text read from the PDF has a space between the
/// last word of this line and the first of the next.
fn finish(mut line: Line, wrapped: bool) -> Line {
    let mut kept = None;
    while let Some((_, seg)) = line.segments.last_mut() {
        while seg
            .glyphs
            .last()
            .is_some_and(|g| g.text.chars().all(char::is_whitespace))
        {
            let (font, size) = (seg.font, seg.size);
            kept = seg
                .glyphs
                .pop()
                .filter(|g| wrapped && g.text == " ")
                .map(|g| ((font, size), g))
                .or(kept);
        }
        if seg.glyphs.is_empty() {
            line.segments.pop();
        } else {
            break;
        }
    }
    line.width = line
        .segments
        .last()
        .map_or(Abs::ZERO, |(x, s)| *x + s.width());
    // Glyph ids belong to a face: the space goes back only into a segment
    // of the face and size it was shaped in.
    if let (Some((face, space)), Some((_, seg))) = (kept, line.segments.last_mut())
        && (seg.font, seg.size) == face
    {
        seg.glyphs.push(space);
    }
    line
}
