//! Step 3: fill shaped pieces into lines never wider than the box: greedily,
//! balanced, or with breaks where a reader pauses ([`phrase`]).

use crate::geom::Abs;
use crate::layout::fonts::FontId;
use crate::layout::frame::Glyph;

use super::phrase;
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
    /// It ends a sentence, and the next starts a line (Easy Read).
    pub sentence_end: bool,
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
            sentence_end: false,
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
    /// As many lines as greedy filling makes, broken where a reader
    /// pauses (after a sentence, then a comma, least after "the" or
    /// "can"), and not ending on a line of one word when another way
    /// avoids it ([`phrase`]).
    NoWidow,
}

/// Fills pieces into lines of at most `max`, as `wrap` says. In a text
/// with line feeds (a contact's name, number and hours) each line is
/// filled on its own, so a long name does not end on a word alone either;
/// so is each sentence that ends with a [`ShapedPiece::sentence_end`].
pub fn fill_wrapped(pieces: Vec<ShapedPiece>, max: Abs, wrap: Wrap) -> Result<Vec<Line>, TooWide> {
    let ends = |p: &ShapedPiece| p.mandatory || p.sentence_end;
    if wrap == Wrap::Greedy && !pieces.iter().any(|p| p.sentence_end) {
        return fill(pieces, max);
    }
    let mut lines = Vec::new();
    let mut rest = pieces;
    loop {
        let end = rest.iter().position(ends).map_or(rest.len(), |i| i + 1);
        let tail = rest.split_off(end);
        // A sentence that ends a line keeps its space, so that the text
        // still reads "better. This" to a screen reader.
        let soft = !tail.is_empty() && rest.last().is_some_and(|p| !p.mandatory);
        lines.extend(fill_unbroken(rest, max, wrap, soft)?);
        if tail.is_empty() {
            return Ok(lines);
        }
        rest = tail;
    }
}

/// [`fill_wrapped`] for pieces with no line feed but after the last; the
/// last line is `soft` when the text goes on after it.
fn fill_unbroken(
    pieces: Vec<ShapedPiece>,
    max: Abs,
    wrap: Wrap,
    soft: bool,
) -> Result<Vec<Line>, TooWide> {
    let greedy = fill_ending(pieces.clone(), max, soft)?;
    let n = greedy.len();
    if n < 2 {
        return Ok(greedy);
    }
    match wrap {
        Wrap::Greedy => Ok(greedy),
        // Headings of one sentence are evened out; text of several
        // sentences may end a line where a sentence does.
        Wrap::Balance if !sentences(&pieces) => {
            Ok(balanced(pieces, max, n, soft).unwrap_or(greedy))
        }
        Wrap::Balance | Wrap::NoWidow => Ok(phrased(pieces, max, n, soft).unwrap_or(greedy)),
    }
}

/// The `n` lines whose breaks fall where a reader pauses ([`phrase`]).
fn phrased(pieces: Vec<ShapedPiece>, max: Abs, n: usize, soft: bool) -> Option<Vec<Line>> {
    let counts = phrase::breaks(&pieces, max, n)?;
    let mut lines = Vec::with_capacity(n);
    let mut rest = pieces.into_iter();
    for (i, count) in counts.iter().enumerate() {
        let mut line = Line::default();
        let mut x = Abs::ZERO;
        for piece in rest.by_ref().take(*count) {
            append(&mut line, &mut x, piece);
        }
        lines.push(finish(line, soft || i + 1 < counts.len()));
    }
    Some(lines)
}

/// Whether a sentence ends before the last piece.
fn sentences(pieces: &[ShapedPiece]) -> bool {
    let before_last = pieces.len().saturating_sub(1);
    pieces[..before_last]
        .iter()
        .any(|p| p.text.trim_end().ends_with(['.', '!', '?']))
}

/// How much wider than the narrowest width a balanced heading's lines
/// may be, so that its breaks can fall between phrases.
const BALANCE_SLACK: f64 = 1.2;

/// The `n` lines of about equal width: the narrowest width that still
/// makes `n` lines, a little wider so that breaks can fall where a
/// reader pauses ("Talk to me / with compassion / and respect.", not
/// "Talk to me with / compassion and / respect.").
fn balanced(pieces: Vec<ShapedPiece>, max: Abs, n: usize, soft: bool) -> Option<Vec<Line>> {
    let makes_n = |w: Abs| fill(pieces.clone(), w).is_ok_and(|l| l.len() == n);
    let (mut lo, mut hi) = (max * (1.0 / n as f64) * 0.9, max);
    for _ in 0..12 {
        let mid = (lo + hi) * 0.5;
        if makes_n(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let even = (hi * BALANCE_SLACK).min(max);
    phrased(pieces.clone(), even, n, soft)
        .or_else(|| fill_ending(pieces, hi, soft).ok().filter(|l| l.len() == n))
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
    fill_ending(pieces, max, false)
}

/// [`fill`], whose last line is `soft` when the text goes on after it.
fn fill_ending(pieces: Vec<ShapedPiece>, max: Abs, soft: bool) -> Result<Vec<Line>, TooWide> {
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
        let mandatory = piece.mandatory;
        append(&mut line, &mut x, piece);
        if mandatory {
            lines.push(finish(std::mem::take(&mut line), false));
            x = Abs::ZERO;
        }
    }
    if !line.segments.is_empty() {
        lines.push(finish(line, soft));
    }
    Ok(lines)
}

/// Puts `piece` at the end of `line`, whose pieces so far reach `x`.
fn append(line: &mut Line, x: &mut Abs, piece: ShapedPiece) {
    line.pieces += 1;
    for seg in piece.segments {
        let w = seg.width();
        // Pieces are set edge to edge, so a piece in the same face at
        // the same size simply continues the previous segment.
        match line.segments.last_mut() {
            Some((_, last)) if last.continues(&seg) => last.glyphs.extend(seg.glyphs),
            _ => line.segments.push((*x, seg)),
        }
        *x += w;
    }
}

/// Drops trailing spaces and measures the line. A line `wrapped` at a
/// space keeps that one space glyph (it paints nothing and is not counted
/// in the width) so that text read from the PDF has a space between the
/// last word of this line and the first of the next. A wrapped line that
/// ends on a separator between details ("Mon–Fri 10am–4pm ·") drops it:
/// the line break separates them, and a "·" left hanging reads as a typo.
fn finish(mut line: Line, wrapped: bool) -> Line {
    let mut kept = trim_spaces(&mut line, wrapped, None);
    if wrapped && drop_separator(&mut line) {
        kept = trim_spaces(&mut line, wrapped, kept);
    }
    line.width = line
        .segments
        .last()
        .map_or(Abs::ZERO, |(x, s)| *x + s.width());
    // Glyph ids belong to a face: the space goes back into a segment of
    // the face and size it was shaped in, its own after a word in another
    // ("**Samaritans** on": without it the words read as one).
    if let (Some(((font, size), space)), Some((x, seg))) = (kept, line.segments.last_mut()) {
        if (seg.font, seg.size) == (font, size) {
            seg.glyphs.push(space);
        } else {
            let at = *x + seg.width();
            line.segments.push((
                at,
                Segment {
                    font,
                    size,
                    glyphs: vec![space],
                },
            ));
        }
    }
    line
}

/// A space glyph taken off a line's end, with the face and size it was
/// shaped in.
type Kept = Option<((FontId, Abs), Glyph)>;

/// Takes the spaces off the end of `line`; returns the last space taken
/// when the line is `wrapped` (or `kept` if none was).
fn trim_spaces(line: &mut Line, wrapped: bool, mut kept: Kept) -> Kept {
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
    kept
}

/// Takes a separator ("·" after a space) off the end of `line`, and says
/// whether it did.
fn drop_separator(line: &mut Line) -> bool {
    let Some((_, seg)) = line.segments.last_mut() else {
        return false;
    };
    let n = seg.glyphs.len();
    let hangs = n >= 2
        && seg.glyphs[n - 1].text == SEPARATOR
        && seg.glyphs[n - 2].text.chars().all(char::is_whitespace);
    if hangs {
        seg.glyphs.pop();
        line.pieces = line.pieces.saturating_sub(1);
    }
    hangs
}

/// What joins a contact's details on one line.
const SEPARATOR: &str = "·";
