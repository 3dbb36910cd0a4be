//! Setting a paragraph: shaping, line breaking, lines.
//!
//! Steps, in order: split the text at line-break opportunities
//! ([`linebreak`]), shape each piece face by face ([`shaping`]), fill the
//! pieces into lines no wider than the box ([`line`]), then place the lines
//! as frame items ([`Paragraph::place`]).

mod line;
mod linebreak;
mod phrase;
mod shaping;

use std::ops::Range;
use std::sync::Arc;

use crate::colour::Colour;
use crate::diag::Span;
use crate::geom::{Abs, Point};
use crate::model::phone;
use crate::resolve::{EntryLink, RichText, RunSize};

use super::fonts::{Faces, FontId};
use super::frame::{FrameItem, Glyph, Group, Role, TextItem};

pub use line::{TooWide, Wrap};
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
    /// Size of the runs marked [`RunSize::Phone`]. The lines stay
    /// `size × leading` apart, so it may be a little larger than `size`.
    pub phone: Abs,
    /// Every sentence starts a line, as Easy Read asks, whatever the
    /// wrap ("5 things that help / you feel better. / This card is in /
    /// easy read.", not "… better. This / card …").
    pub sentence_lines: bool,
}

impl TextSpec {
    /// A spec whose runs are all set at `size`.
    pub const fn new(size: Abs, leading: f64, bold: bool) -> TextSpec {
        TextSpec {
            size,
            leading,
            bold,
            phone: size,
            sentence_lines: false,
        }
    }

    /// The size a run is set at.
    fn size_of(&self, run: RunSize) -> Abs {
        match run {
            RunSize::Text => self.size,
            RunSize::Phone => self.phone,
        }
    }
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
    /// The lines and marks, shared with every paragraph of the run set
    /// from the same text in the same way.
    set: Arc<SetLines>,
    spec: TextSpec,
    /// Distance from the top of a line box to its baseline.
    baseline: Abs,
    span: Option<Span>,
}

/// What setting a text gives, whichever document it is in: the same
/// text, spec, width and wrap always give the same lines, so it is set
/// once per run (see [`super::fonts::ShapeCache`]).
#[derive(Debug)]
pub(crate) struct SetLines {
    lines: Vec<SetLine>,
    /// What the paragraph's own text marks: runs in another language
    /// ([`Role::Span`] with a language) and phone numbers that can be
    /// rung ([`Role::Link`] to `tel:`), by [`Marks`] position.
    marks: Marks,
}

/// A line as [`SetLines`] keeps it: each run's glyphs shared, so that
/// every frame that places the line points at the same glyphs.
#[derive(Debug)]
struct SetLine {
    /// (x offset, run) pairs.
    segments: Vec<(Abs, SetRun)>,
    /// Width of the visible text.
    width: Abs,
}

/// One run of a set line: glyphs of one face at one size.
#[derive(Debug)]
struct SetRun {
    /// The face.
    font: FontId,
    /// The font size.
    size: Abs,
    /// The glyphs.
    glyphs: Arc<[Glyph]>,
}

impl From<line::Line> for SetLine {
    fn from(line: line::Line) -> SetLine {
        let segments = line.segments.into_iter().map(|(x, s)| {
            let run = SetRun {
                font: s.font,
                size: s.size,
                glyphs: s.glyphs.into(),
            };
            (x, run)
        });
        SetLine {
            segments: segments.collect(),
            width: line.width,
        }
    }
}

/// What a set paragraph depends on: the text's runs (characters, weight,
/// size, language), the spec's sizes, leading and weight (as bits, exactly), the
/// width and the wrap.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct SetKey {
    runs: Box<[KeyRun]>,
    spec: (u64, u64, bool, u64, bool),
    width: u64,
    wrap: Wrap,
}

/// A run of a [`SetKey`]: its characters, weight, size and language.
type KeyRun = (Box<str>, bool, RunSize, Option<Box<str>>);

impl SetKey {
    fn of(text: &RichText, spec: TextSpec, width: Abs, wrap: Wrap) -> SetKey {
        SetKey {
            runs: text
                .runs
                .iter()
                .map(|r| {
                    (
                        r.text.as_str().into(),
                        r.bold,
                        r.size,
                        r.lang.as_deref().map(Box::from),
                    )
                })
                .collect(),
            spec: (
                spec.size.to_pt().to_bits(),
                spec.leading.to_bits(),
                spec.bold,
                spec.phone.to_pt().to_bits(),
                spec.sentence_lines,
            ),
            width: width.to_pt().to_bits(),
            wrap,
        }
    }
}

/// Parts of a paragraph set apart for screen readers: each a range of
/// positions among the paragraph's non-space characters and the (empty)
/// group its glyphs go in.
#[derive(Debug, Clone, Default)]
struct Marks {
    /// The non-space characters the positions count, to check that the
    /// placed glyphs spell the same.
    spelled: String,
    /// Runs in another language.
    langs: Vec<(Range<usize>, Group)>,
    /// Phone numbers in the text.
    phones: Vec<(Range<usize>, Group)>,
}

impl Marks {
    /// The language runs and callable phone numbers of `text`.
    fn of(text: &RichText) -> Marks {
        let plain = text.plain();
        let at = |byte: usize| plain[..byte].chars().filter(|c| !c.is_whitespace()).count();
        let mut langs = Vec::new();
        let mut start = 0;
        for run in &text.runs {
            let end = start + run.text.len();
            if let Some(lang) = &run.lang {
                let group = Group {
                    lang: Some(lang.clone()),
                    ..Group::tagged(Role::Span, Vec::new())
                };
                langs.push((at(start)..at(end), group));
            }
            start = end;
        }
        let phones = phone::callable_in(&plain)
            .into_iter()
            .map(|r| {
                let link = EntryLink::call(&plain[r.clone()]);
                let role = Role::Link {
                    uri: link.uri,
                    description: if asks_to_call(&plain[..r.start]) {
                        link.text
                    } else {
                        link.description
                    },
                };
                (at(r.start)..at(r.end), Group::tagged(role, Vec::new()))
            })
            .collect();
        Marks {
            spelled: plain.chars().filter(|c| !c.is_whitespace()).collect(),
            langs,
            phones,
        }
    }
}

impl Paragraph {
    /// Sets `text` into lines of at most `width`, as many words on each
    /// line as fit.
    pub fn set(
        text: &RichText,
        spec: TextSpec,
        width: Abs,
        faces: &Faces,
    ) -> Result<Paragraph, TextError> {
        Paragraph::set_wrapped(text, spec, width, faces, Wrap::Greedy)
    }

    /// Sets `text` into lines of at most `width`, filled as `wrap` says,
    /// or takes the lines from an earlier paragraph of the run set the same
    /// way.
    pub fn set_wrapped(
        text: &RichText,
        spec: TextSpec,
        width: Abs,
        faces: &Faces,
        wrap: Wrap,
    ) -> Result<Paragraph, TextError> {
        let key = SetKey::of(text, spec, width, wrap);
        let cache = faces.shaped();
        let set = match cache.paragraph(&key) {
            Some(set) => set,
            None => {
                let set = Arc::new(set_lines(text, spec, width, faces, wrap)?);
                cache.keep_paragraph(key, Arc::clone(&set));
                set
            }
        };
        let m = faces.metrics(if spec.bold {
            FontId::Bold
        } else {
            FontId::Regular
        });
        let line_height = spec.size * spec.leading;
        let content = (m.ascender - m.descender).at(spec.size);
        let baseline = (line_height - content) / 2.0 + m.ascender.at(spec.size);
        Ok(Paragraph {
            set,
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
        self.line_height() * self.set.lines.len() as f64
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.set.lines.len()
    }

    /// Width of the widest line.
    pub fn width(&self) -> Abs {
        self.set
            .lines
            .iter()
            .map(|l| l.width)
            .fold(Abs::ZERO, Abs::max)
    }

    /// Distance from the top of the paragraph to the first baseline.
    pub fn first_baseline(&self) -> Abs {
        self.baseline
    }

    /// Places the lines like [`Paragraph::place`], wrapped in one group
    /// that says what the paragraph is (heading, paragraph, list label…).
    /// Runs in another language go in a [`Role::Span`] with that language,
    /// and phone numbers in a [`Role::Link`] that rings them (except in
    /// decoration).
    pub fn place_as(&self, role: Role, at: Point, fill: Colour, out: &mut Vec<(Point, FrameItem)>) {
        self.place_linked(role, &[], at, fill, out);
    }

    /// Places the lines like [`Paragraph::place_as`], with the glyphs that
    /// spell each of `links` (`(text, group)`, found in order, whitespace
    /// ignored) in a copy of that (empty) group: a [`Role::Link`], or a
    /// [`Role::Span`] with a language. These come before the paragraph's
    /// own marks: a phone number that one of `links` covers is not linked
    /// twice, and a link inside a run in another language wins the glyphs
    /// it covers.
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
        let items = if role == Role::Artifact {
            items
        } else {
            split_links(items, links, &self.set.marks)
        };
        out.push((
            Point::default(),
            FrameItem::Group(Group::tagged(role, items)),
        ));
    }

    /// Places the lines with the top-left of the first line box at `at`.
    pub fn place(&self, at: Point, fill: Colour, out: &mut Vec<(Point, FrameItem)>) {
        for (i, line) in self.set.lines.iter().enumerate() {
            let y = at.y + self.line_height() * i as f64 + self.baseline;
            for (x, seg) in &line.segments {
                if seg.glyphs.is_empty() {
                    continue;
                }
                out.push((
                    Point::new(at.x + *x, y),
                    FrameItem::Text(TextItem {
                        font: seg.font,
                        size: seg.size,
                        fill,
                        glyphs: seg.glyphs.clone(),
                        span: self.span.clone(),
                    }),
                ));
            }
        }
    }
}

/// Shapes `text`, fills it into lines and finds its marks.
fn set_lines(
    text: &RichText,
    spec: TextSpec,
    width: Abs,
    faces: &Faces,
    wrap: Wrap,
) -> Result<SetLines, TextError> {
    // Where each sentence but the first starts, split as the Easy Read
    // checks split them.
    let starts: Vec<usize> = if spec.sentence_lines {
        crate::check::sentences(&text.plain())
            .iter()
            .skip(1)
            .map(|(r, _)| r.start)
            .collect()
    } else {
        Vec::new()
    };
    let mut offset = 0;
    let mut shaped = Vec::new();
    for piece in linebreak::pieces(text) {
        let mut segments = Vec::new();
        let mut plain = String::new();
        for part in &piece.parts {
            let (bold, size) = (spec.bold || part.bold, spec.size_of(part.size));
            segments
                .extend(shaping::shape(&part.text, bold, size, faces).map_err(TextError::Missing)?);
            plain.push_str(&part.text);
        }
        offset += plain.len();
        let mut shaped_piece = line::ShapedPiece::new(segments, piece.mandatory, plain);
        shaped_piece.sentence_end = starts.binary_search(&offset).is_ok();
        shaped.push(shaped_piece);
    }
    let lines = line::fill_wrapped(shaped, width, wrap).map_err(TextError::TooWide)?;
    Ok(SetLines {
        lines: lines.into_iter().map(SetLine::from).collect(),
        marks: Marks::of(text),
    })
}

/// Whether the words just before a phone number already say to ring it
/// ("You can phone Samaritans on 116 123"): then its link is described by
/// the number alone, so that a screen reader does not say "phone … on call
/// 116 123".
fn asks_to_call(before: &str) -> bool {
    before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .any(|w| {
            ["call", "phone", "ring", "dial", "telephone"]
                .iter()
                .any(|v| w.eq_ignore_ascii_case(v))
        })
}

/// Splits text items so that the glyphs of each mark sit in a copy of its
/// group: `links` found by their text, then `own` marks (the paragraph's
/// languages and phone numbers) by position; everything else stays as it
/// is.
fn split_links(
    items: Vec<(Point, FrameItem)>,
    links: &[(String, Group)],
    own: &Marks,
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
    let (owner, groups) = resolve_marks(&hay, links, own);
    if groups.is_empty() {
        return items;
    }
    let marks = glyph_marks(&items, &owner);
    regroup(items, &marks, &groups)
}

/// Which mark owns each character of `hay` (an index into the groups
/// returned): the paragraph's languages, then its phone numbers, then
/// `links`, each later one winning. Phone numbers that overlap one of
/// `links` are dropped (the entry links them already).
fn resolve_marks(
    hay: &[(char, usize, usize)],
    links: &[(String, Group)],
    own: &Marks,
) -> (Vec<Option<usize>>, Vec<Group>) {
    let mut given: Vec<(Range<usize>, &Group)> = Vec::new();
    let mut from = 0;
    for (text, group) in links {
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
            given.push((s..s + needle.len(), group));
            from = s + needle.len();
        }
    }
    // The paragraph's own marks count positions in its text; they apply
    // only if the glyphs spell that text.
    let spelled = hay.iter().map(|h| h.0).eq(own.spelled.chars());
    let overlaps = |r: &Range<usize>| {
        given
            .iter()
            .any(|(g, _)| g.start < r.end && r.start < g.end)
    };
    let mut ordered: Vec<(Range<usize>, &Group)> = Vec::new();
    if spelled {
        ordered.extend(own.langs.iter().map(|(r, g)| (r.clone(), g)));
        ordered.extend(
            own.phones
                .iter()
                .filter(|(r, _)| !overlaps(r))
                .map(|(r, g)| (r.clone(), g)),
        );
    }
    ordered.extend(given);
    let mut owner: Vec<Option<usize>> = vec![None; hay.len()];
    for (k, (r, _)) in ordered.iter().enumerate() {
        for slot in owner.iter_mut().take(r.end).skip(r.start) {
            *slot = Some(k);
        }
    }
    let groups = ordered.into_iter().map(|(_, g)| g.clone()).collect();
    (owner, groups)
}

/// The mark of every glyph, by (item, glyph), from the mark of each
/// non-space character (`owner`): a glyph with characters takes its first
/// character's; a space between two characters of the same mark takes it
/// too; a glyph with no text (the rest of a cluster) takes the one before
/// it.
fn glyph_marks(
    items: &[(Point, FrameItem)],
    owner: &[Option<usize>],
) -> std::collections::BTreeMap<(usize, usize), usize> {
    let mut out = std::collections::BTreeMap::new();
    let mut pos = 0;
    let mut prev: Option<usize> = None;
    for (i, (_, item)) in items.iter().enumerate() {
        let FrameItem::Text(t) = item else { continue };
        for (g, glyph) in t.glyphs.iter().enumerate() {
            let n = glyph.text.chars().filter(|c| !c.is_whitespace()).count();
            let mark = if n > 0 {
                owner.get(pos).copied().flatten()
            } else if glyph.text.is_empty() {
                prev
            } else {
                let before = pos
                    .checked_sub(1)
                    .and_then(|p| owner.get(p).copied().flatten());
                let after = owner.get(pos).copied().flatten();
                before.filter(|b| Some(*b) == after)
            };
            if let Some(m) = mark {
                out.insert((i, g), m);
            }
            prev = mark;
            pos += n;
        }
    }
    out
}

/// Puts maximal runs of glyphs with the same mark into a copy of the
/// mark's group; a group continues across items (lines) while its glyphs
/// follow each other.
fn regroup(
    items: Vec<(Point, FrameItem)>,
    marks: &std::collections::BTreeMap<(usize, usize), usize>,
    groups: &[Group],
) -> Vec<(Point, FrameItem)> {
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
            let glyphs = if start == 0 && end == t.glyphs.len() {
                Arc::clone(&t.glyphs)
            } else {
                t.glyphs[start..end].into()
            };
            let piece = TextItem {
                glyphs,
                ..t.clone()
            };
            let width = piece.width();
            let placed = (Point::new(x, pos.y), FrameItem::Text(piece));
            match mark.and_then(|k| groups.get(k).map(|g| (k, g))) {
                None => {
                    out.push(placed);
                    open = None;
                }
                Some((k, group)) => {
                    let same = open == Some(k);
                    match out.last_mut() {
                        Some((_, FrameItem::Group(g))) if same => g.items.push(placed),
                        _ => out.push((
                            Point::default(),
                            FrameItem::Group(Group {
                                items: vec![placed],
                                ..group.clone()
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

#[cfg(test)]
mod wrap_tests {
    use super::*;
    use crate::layout::FontBook;

    fn book() -> FontBook {
        let root = crate::files::Disk::new(env!("CARGO_MANIFEST_DIR"));
        FontBook::load(&root, std::path::Path::new("fonts")).expect("fonts")
    }

    fn text(s: &str) -> RichText {
        RichText {
            runs: vec![crate::resolve::Run::new(s, false)],
            span: None,
        }
    }

    const SPEC: TextSpec = TextSpec::new(Abs::pt(12.0), 1.2, false);

    /// The text the glyphs of every line spell, spaces included.
    fn spelled(p: &Paragraph) -> String {
        p.set
            .lines
            .iter()
            .flat_map(|l| &l.segments)
            .flat_map(|(_, s)| s.glyphs.iter().map(|g| g.text.as_str()))
            .collect()
    }

    /// The words of each line.
    fn lines(p: &Paragraph) -> Vec<String> {
        p.set
            .lines
            .iter()
            .map(|l| {
                let s: String = l
                    .segments
                    .iter()
                    .flat_map(|(_, s)| s.glyphs.iter().map(|g| g.text.as_str()))
                    .collect();
                s.trim().to_owned()
            })
            .collect()
    }

    /// A width that fits `s` without its last word but not whole: greedy
    /// filling leaves the last word alone on the second line.
    fn widow_width(s: &str, faces: &Faces) -> Abs {
        let (head, _) = s.rsplit_once(' ').expect("two words");
        let one = Paragraph::set(&text(head), SPEC, Abs::mm(500.0), faces).expect("sets");
        one.width() + Abs::pt(1.0)
    }

    #[test]
    fn a_heading_is_balanced_instead_of_ending_on_one_word() {
        let book = book();
        let faces = book.faces();
        let s = "Where to find support in Oxfordshire today";
        let w = widow_width(s, &faces);
        let greedy = Paragraph::set(&text(s), SPEC, w, &faces).expect("sets");
        assert_eq!(lines(&greedy).last().map(String::as_str), Some("today"));
        let p = Paragraph::set_wrapped(&text(s), SPEC, w, &faces, Wrap::Balance).expect("sets");
        let l = lines(&p);
        assert_eq!(l.len(), 2, "{l:?}");
        assert!(l[1].contains(' '), "last line of one word: {l:?}");
        assert!(p.width() <= w, "no line wider than the box");
        // Balanced: the lines differ by less than a third of the box.
        let widths: Vec<Abs> = p.set.lines.iter().map(|l| l.width).collect();
        assert!(
            (widths[0] - widths[1]).to_pt().abs() < w.to_pt() / 3.0,
            "{l:?}"
        );
    }

    #[test]
    fn a_balanced_heading_breaks_between_phrases_and_keeps_its_lines_even() {
        let book = book();
        let faces = book.faces();
        let s = "Talk to me with compassion and respect.";
        // A width at which greedy lines read "Talk to me with /
        // compassion and / respect.": two breaks after leading words and
        // a word alone at the end.
        let w = widow_width("with compassion and x", &faces);
        let p = Paragraph::set_wrapped(&text(s), SPEC, w, &faces, Wrap::Balance).expect("sets");
        let l = lines(&p);
        let greedy = Paragraph::set(&text(s), SPEC, w, &faces).expect("sets");
        assert_eq!(
            lines(&greedy),
            ["Talk to me with", "compassion and", "respect."]
        );
        assert_eq!(l.len(), 3, "as many lines: {l:?}");
        assert!(
            l.last().is_some_and(|l| l.contains(' ')),
            "word alone: {l:?}"
        );
        for line in &l[..l.len() - 1] {
            let last = line.rsplit(' ').next().unwrap_or(line);
            assert!(!["with", "and", "to"].contains(&last), "{l:?}");
        }
        assert!(p.width() <= w, "no line wider than the box");
    }

    #[test]
    fn a_paragraph_set_again_the_same_way_is_shared_and_any_other_way_is_set_afresh() {
        let book = book();
        let faces = book.faces();
        let s = "Good relationships with friends, peers and groups";
        let set = |t: &RichText, spec: TextSpec, mm: f64, wrap: Wrap| {
            Paragraph::set_wrapped(t, spec, Abs::mm(mm), &faces, wrap).expect("sets")
        };
        let first = set(&text(s), SPEC, 40.0, Wrap::Greedy);
        let again = set(&text(s), SPEC, 40.0, Wrap::Greedy);
        assert!(Arc::ptr_eq(&first.set, &again.set), "set twice");
        // Each thing the lines depend on gives other lines.
        let wider = set(&text(s), SPEC, 200.0, Wrap::Greedy);
        assert_eq!(lines(&wider), [s]);
        assert!(lines(&first).len() > 1);
        let bigger = TextSpec {
            size: Abs::pt(18.0),
            ..SPEC
        };
        let small = set(&text(s), SPEC, 60.0, Wrap::Greedy);
        assert!(lines(&set(&text(s), bigger, 60.0, Wrap::Greedy)).len() > lines(&small).len());
        let bold = TextSpec { bold: true, ..SPEC };
        let heavy = set(&text(s), bold, 40.0, Wrap::Greedy);
        assert_ne!(heavy.set.lines[0].segments[0].1.font, FontId::Regular);
        let mut in_bold = text(s);
        in_bold.runs[0].bold = true;
        let marked = set(&in_bold, SPEC, 40.0, Wrap::Greedy);
        assert_ne!(marked.set.lines[0].segments[0].1.font, FontId::Regular);
        let other = set(&text("Hope"), SPEC, 40.0, Wrap::Greedy);
        assert_eq!(lines(&other), ["Hope"]);
    }

    #[test]
    fn sentences_are_not_balanced_across_but_end_their_lines() {
        let book = book();
        let faces = book.faces();
        let first = "5 things that help you feel better.";
        let s = "5 things that help you feel better. This card is in easy read.";
        let one = Paragraph::set(&text(first), SPEC, Abs::mm(500.0), &faces).expect("sets");
        // Never evened out across the two sentences: wherever the first
        // sentence fits on a line of two, the line ends with it.
        let mut seen = 0;
        for mm in [40.0, 50.0, 60.0, 70.0, 80.0, 90.0] {
            let w = Abs::mm(mm);
            let greedy = Paragraph::set(&text(s), SPEC, w, &faces).expect("sets");
            let p = Paragraph::set_wrapped(&text(s), SPEC, w, &faces, Wrap::Balance).expect("sets");
            assert_eq!(lines(&p).len(), lines(&greedy).len(), "as many lines");
            if lines(&greedy).len() == 2 && one.width() <= w {
                assert_eq!(
                    lines(&p),
                    [first, "This card is in easy read."],
                    "at {mm} mm"
                );
                seen += 1;
            }
        }
        assert!(seen > 0, "no width tried the case");
    }

    #[test]
    fn a_line_breaks_where_a_reader_pauses_not_after_a_leading_word() {
        let book = book();
        let faces = book.faces();
        let s = "You can have a cup of tea with a friend. You can join a group.";
        // The width greedy filling breaks at "You can / join".
        let head = "You can have a cup of tea with a friend. You can";
        let w = Paragraph::set(&text(head), SPEC, Abs::mm(500.0), &faces)
            .expect("sets")
            .width()
            + Abs::pt(1.0);
        let greedy = Paragraph::set(&text(s), SPEC, w, &faces).expect("sets");
        assert_eq!(lines(&greedy), [head, "join a group."]);
        let p = Paragraph::set_wrapped(&text(s), SPEC, w, &faces, Wrap::NoWidow).expect("sets");
        assert_eq!(
            lines(&p),
            [
                "You can have a cup of tea with a friend.",
                "You can join a group."
            ]
        );
        // Within one sentence, a break after "to" or "the" gives way to
        // one between phrases.
        let s = "Ask ward staff to help you call the advocacy service";
        for mm in [30.0, 40.0, 50.0, 60.0] {
            let p = Paragraph::set_wrapped(&text(s), SPEC, Abs::mm(mm), &faces, Wrap::NoWidow)
                .expect("sets");
            let l = lines(&p);
            for line in &l[..l.len() - 1] {
                let last = line.rsplit(' ').next().unwrap_or(line);
                assert!(!["to", "the"].contains(&last), "at {mm} mm: {l:?}");
            }
        }
    }

    #[test]
    fn with_sentence_lines_every_sentence_starts_a_line_and_keeps_its_space() {
        let book = book();
        let faces = book.faces();
        let s = "5 things that help you feel better. This card is in easy read.";
        let spec = TextSpec {
            sentence_lines: true,
            ..SPEC
        };
        for wrap in [Wrap::Greedy, Wrap::Balance, Wrap::NoWidow] {
            for mm in [45.0, 70.0, 300.0] {
                let p = Paragraph::set_wrapped(&text(s), spec, Abs::mm(mm), &faces, wrap)
                    .expect("sets");
                let l = lines(&p);
                let starts = |w: &str| l.iter().any(|line| line.starts_with(w));
                assert!(starts("5") && starts("This"), "{wrap:?} at {mm} mm: {l:?}");
                // The glyphs still spell the text, "better. This" with its
                // space, for a screen reader.
                assert_eq!(spelled(&p), s, "{wrap:?} at {mm} mm");
            }
        }
        let one = Paragraph::set_wrapped(&text(s), SPEC, Abs::mm(300.0), &faces, Wrap::NoWidow)
            .expect("sets");
        assert_eq!(lines(&one).len(), 1, "only where asked");
        // A full stop before a word in lower case ends no sentence.
        let s = "Open 10 a.m. to 4 p.m. on weekdays.";
        let p = Paragraph::set_wrapped(&text(s), spec, Abs::mm(300.0), &faces, Wrap::NoWidow)
            .expect("sets");
        assert_eq!(lines(&p), [s]);
    }

    #[test]
    fn a_line_broken_between_details_drops_their_separator() {
        let book = book();
        let faces = book.faces();
        let s = "01632 960 101 · Mon–Fri 10am–4pm · example.org/oxford-recovery-college";
        let mut broke_between = 0;
        for wrap in [Wrap::Greedy, Wrap::Balance, Wrap::NoWidow] {
            for mm in (50..=150).step_by(5) {
                let p = Paragraph::set_wrapped(&text(s), SPEC, Abs::mm(mm as f64), &faces, wrap)
                    .expect("sets");
                let l = lines(&p);
                assert!(
                    l.iter().all(|line| !line.ends_with('·')),
                    "{wrap:?} at {mm} mm: {l:?}"
                );
                broke_between += usize::from(l.iter().any(|line| line.ends_with("4pm")));
                // The words still read apart, with the line's space.
                let spelled = spelled(&p);
                assert!(!spelled.contains("4pmexample"), "{spelled}");
            }
        }
        assert!(broke_between > 0, "no width broke between the details");
        let one = Paragraph::set_wrapped(&text(s), SPEC, Abs::mm(300.0), &faces, Wrap::NoWidow)
            .expect("sets");
        assert_eq!(lines(&one), [s], "a separator inside a line stays");
    }

    #[test]
    fn short_copy_does_not_end_on_one_word() {
        let book = book();
        let faces = book.faces();
        let s = "Ask ward staff to help you call the advocacy service";
        let w = widow_width(s, &faces);
        let p = Paragraph::set_wrapped(&text(s), SPEC, w, &faces, Wrap::NoWidow).expect("sets");
        let l = lines(&p);
        assert_eq!(l.len(), 2, "{l:?}");
        assert!(l[1].contains(' '), "last line of one word: {l:?}");
        // A text on one line is left as it is.
        let one = Paragraph::set_wrapped(&text(s), SPEC, Abs::mm(500.0), &faces, Wrap::NoWidow)
            .expect("sets");
        assert_eq!(lines(&one), [s]);
    }

    #[test]
    fn a_phone_number_never_breaks_however_lines_are_filled() {
        let book = book();
        let faces = book.faces();
        let s = "Call the helpline on 0800 132 737 at any time";
        for wrap in [Wrap::Greedy, Wrap::Balance, Wrap::NoWidow] {
            for mm in [30.0, 40.0, 50.0, 60.0, 70.0] {
                let p = Paragraph::set_wrapped(&text(s), SPEC, Abs::mm(mm), &faces, wrap)
                    .expect("sets");
                assert!(
                    lines(&p).iter().any(|l| l.contains("0800 132 737")),
                    "{wrap:?} at {mm} mm: {:?}",
                    lines(&p)
                );
            }
        }
    }

    #[test]
    fn a_phone_run_is_set_at_the_phone_size_on_the_same_line_pitch() {
        use crate::resolve::{Run, RunSize};
        let book = book();
        let faces = book.faces();
        let rich = RichText {
            runs: vec![
                Run::new("Ring ", false),
                Run::new("01632 960 123", true).at(RunSize::Phone),
                Run::new(" today", false),
            ],
            span: None,
        };
        let spec = TextSpec {
            phone: Abs::pt(16.0),
            ..SPEC
        };
        let p = Paragraph::set(&rich, spec, Abs::mm(300.0), &faces).expect("sets");
        let mut items = Vec::new();
        p.place(Point::default(), Colour::BLACK, &mut items);
        let sizes: Vec<(String, f64)> = items
            .iter()
            .filter_map(|(_, i)| match i {
                FrameItem::Text(t) => Some((
                    t.glyphs.iter().map(|g| g.text.as_str()).collect(),
                    t.size.to_pt(),
                )),
                _ => None,
            })
            .collect();
        assert_eq!(
            sizes,
            [
                ("Ring ".to_owned(), 12.0),
                ("01632 960 123".to_owned(), 16.0),
                (" today".to_owned(), 12.0)
            ]
        );
        // The line is as wide as its runs at their own sizes, and the
        // lines keep the body's pitch.
        let plain = Paragraph::set(&rich, SPEC, Abs::mm(300.0), &faces).expect("sets");
        assert!(p.width() > plain.width() + Abs::pt(10.0));
        assert_eq!(p.line_height(), plain.line_height());
        assert!(!Arc::ptr_eq(&p.set, &plain.set), "a cached set reused");
    }
}
