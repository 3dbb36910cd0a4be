//! The bundled fonts, loaded once per run and shared by every document,
//! with the words already shaped (see [`ShapeCache`]).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use crate::diag::Diagnostic;
use crate::files::Files;
use crate::geom::Em;
use crate::layout::frame::Glyph;
use crate::layout::text::{SetKey, SetLines};

/// Which bundled face a glyph comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FontId {
    /// Atkinson Hyperlegible Next Regular: the main face.
    Regular,
    /// Atkinson Hyperlegible Next Bold.
    Bold,
    /// DejaVu Sans, for symbols the main face lacks (→ ✓ ☎).
    Fallback,
}

impl FontId {
    /// Every face, in loading order.
    pub const ALL: [FontId; 3] = [FontId::Regular, FontId::Bold, FontId::Fallback];

    /// The file in `fonts/` this face is read from.
    pub fn file_name(self) -> &'static str {
        match self {
            FontId::Regular => "AtkinsonHyperlegibleNext_400Regular.ttf",
            FontId::Bold => "AtkinsonHyperlegibleNext_700Bold.ttf",
            FontId::Fallback => "DejaVuSans.ttf",
        }
    }

    fn index(self) -> usize {
        match self {
            FontId::Regular => 0,
            FontId::Bold => 1,
            FontId::Fallback => 2,
        }
    }
}

/// Every face, parsed once, and the shaping results shared by every
/// document made with them.
#[derive(Clone)]
pub struct FontBook {
    /// Parsed faces, in [`FontId::ALL`] order, over the interned bytes
    /// (see [`intern`]).
    faces: Arc<[rustybuzz::Face<'static>; 3]>,
    /// Shared between clones: a clone shapes with the same faces.
    shaped: Arc<ShapeCache>,
}

impl std::fmt::Debug for FontBook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontBook")
            .field("shaped", &self.shaped)
            .finish_non_exhaustive()
    }
}

/// Font files kept for the rest of the process, by SHA-256 of their bytes.
static INTERNED: Mutex<BTreeMap<[u8; 32], &'static [u8]>> = Mutex::new(BTreeMap::new());

/// The bytes of a font file for the rest of the process, so that faces
/// parsed from them can be kept and shared (a parsed face borrows its
/// bytes). Each distinct file is kept once, however many times fonts are
/// loaded: memory is bounded by the fonts used, not by the loads.
fn intern(bytes: Vec<u8>) -> &'static [u8] {
    use sha2::{Digest, Sha256};
    let key: [u8; 32] = Sha256::digest(&bytes).into();
    let mut interned = INTERNED.lock().unwrap_or_else(PoisonError::into_inner);
    interned
        .entry(key)
        .or_insert_with(|| Box::leak(bytes.into_boxed_slice()))
}

/// Most shaped runs kept; when full, the cache starts again empty, so
/// memory stays bounded however many areas a run builds. What is worth
/// keeping is small: a resource's own texts (a few hundred) and one
/// document's texts across its fit steps. Larger caches only hold more
/// areas' names: 20 000 paragraphs took 15 MB and gained no speed
/// (`docs/benchmarks.md`).
const MAX_SHAPED_RUNS: usize = 5_000;

/// Most set paragraphs kept, as for [`MAX_SHAPED_RUNS`].
const MAX_SET_PARAGRAPHS: usize = 1_000;

/// Shaping results shared by every document of a run, behind a lock so
/// that worker threads share them.
///
/// The same words (titles, explanations, helplines) recur in every area's
/// documents; shaping is deterministic, so a run of text in a face is shaped
/// once and its glyphs reused. Shape plans (rustybuzz's per-face, per-script
/// feature lookup, the costly part of shaping a short run) are kept too,
/// and so are whole set paragraphs: a resource's texts are set at the same
/// widths in every area's document, and again at each fit step of a page.
pub(crate) struct ShapeCache {
    /// Per face, in [`FontId::ALL`] order: text to glyphs.
    runs: [Kept<Box<str>, [Glyph]>; 3],
    plans: Mutex<HashMap<(FontId, rustybuzz::Script), Arc<rustybuzz::ShapePlan>>>,
    paragraphs: Kept<SetKey, SetLines>,
}

/// Results kept by key, shared behind a lock; when `most` are kept, the
/// map starts again empty, so memory stays bounded however many areas a
/// run builds.
struct Kept<K, V: ?Sized> {
    map: Mutex<HashMap<K, Arc<V>>>,
    most: usize,
}

impl<K: std::hash::Hash + Eq, V: ?Sized> Kept<K, V> {
    fn new(most: usize) -> Self {
        Kept {
            map: Mutex::default(),
            most,
        }
    }

    fn get<Q>(&self, key: &Q) -> Option<Arc<V>>
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        let map = self.map.lock().unwrap_or_else(PoisonError::into_inner);
        map.get(key).cloned()
    }

    fn keep(&self, key: K, value: Arc<V>) {
        let mut map = self.map.lock().unwrap_or_else(PoisonError::into_inner);
        if map.len() >= self.most {
            map.clear();
        }
        map.insert(key, value);
    }

    fn len(&self) -> usize {
        self.map
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }
}

impl Default for ShapeCache {
    fn default() -> Self {
        ShapeCache {
            runs: std::array::from_fn(|_| Kept::new(MAX_SHAPED_RUNS)),
            plans: Mutex::default(),
            paragraphs: Kept::new(MAX_SET_PARAGRAPHS),
        }
    }
}

impl std::fmt::Debug for ShapeCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let runs: usize = self.runs.iter().map(Kept::len).sum();
        f.debug_struct("ShapeCache")
            .field("runs", &runs)
            .field("paragraphs", &self.paragraphs.len())
            .finish()
    }
}

impl ShapeCache {
    /// The glyphs of `text` in `font`, if shaped before.
    pub(crate) fn run(&self, font: FontId, text: &str) -> Option<Arc<[Glyph]>> {
        self.runs[font.index()].get(text)
    }

    /// Remembers the glyphs of `text` in `font`.
    pub(crate) fn keep_run(&self, font: FontId, text: &str, glyphs: Arc<[Glyph]>) {
        self.runs[font.index()].keep(Box::from(text), glyphs);
    }

    /// The lines of a paragraph set as `key` says, if set before.
    pub(crate) fn paragraph(&self, key: &SetKey) -> Option<Arc<SetLines>> {
        self.paragraphs.get(key)
    }

    /// Remembers the lines of a paragraph set as `key` says.
    pub(crate) fn keep_paragraph(&self, key: SetKey, lines: Arc<SetLines>) {
        self.paragraphs.keep(key, lines);
    }

    /// The shape plan for left-to-right text of `script` in `font`, made on
    /// first use.
    pub(crate) fn plan(
        &self,
        font: FontId,
        face: &rustybuzz::Face<'_>,
        script: rustybuzz::Script,
    ) -> Arc<rustybuzz::ShapePlan> {
        let mut plans = self.plans.lock().unwrap_or_else(PoisonError::into_inner);
        Arc::clone(plans.entry((font, script)).or_insert_with(|| {
            Arc::new(rustybuzz::ShapePlan::new(
                face,
                rustybuzz::Direction::LeftToRight,
                Some(script),
                None,
                &[],
            ))
        }))
    }
}

/// Vertical metrics of a face, relative to the font size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VMetrics {
    /// Height above the baseline of the tallest letters (positive).
    pub ascender: Em,
    /// Depth below the baseline (negative).
    pub descender: Em,
    /// Height of capital letters.
    pub cap_height: Em,
}

impl FontBook {
    /// Reads the bundled faces from the folder `dir` of `files` (the
    /// project's `fonts/`).
    pub fn load(files: &dyn Files, dir: &Path) -> Result<FontBook, Diagnostic> {
        let mut data = Vec::new();
        for id in FontId::ALL {
            let path = dir.join(id.file_name());
            let bytes = files.read(&path).map_err(|e| {
                Diagnostic::error(
                    None,
                    format!(
                        "cannot read the font `{}`: {e}",
                        files.full_path(&path).display()
                    ),
                )
                .with_hint(
                    "the fonts/ folder ships with wellprint; restore it with `git checkout fonts/`",
                )
            })?;
            data.push(bytes);
        }
        FontBook::new(data).map_err(|id| {
            let path = files.full_path(&dir.join(id.file_name()));
            Diagnostic::error(
                None,
                format!(
                    "`{}` is not a usable TrueType/OpenType font",
                    path.display()
                ),
            )
            .with_hint("restore the bundled file with `git checkout fonts/`")
        })
    }

    /// A book of the faces in `data` (the bytes of one file per face, in
    /// [`FontId::ALL`] order), each parsed here, once: how fonts held in
    /// memory are loaded.
    ///
    /// # Errors
    ///
    /// The first face whose bytes do not parse.
    pub fn new(data: Vec<Vec<u8>>) -> Result<FontBook, FontId> {
        let mut data = data.into_iter();
        let mut parse = |id: FontId| {
            let bytes = data.next().ok_or(id)?;
            rustybuzz::Face::from_slice(intern(bytes), 0).ok_or(id)
        };
        let faces = [
            parse(FontId::Regular)?,
            parse(FontId::Bold)?,
            parse(FontId::Fallback)?,
        ];
        Ok(FontBook {
            faces: Arc::new(faces),
            shaped: Arc::default(),
        })
    }

    /// The font file bytes of a face.
    pub fn data(&self, id: FontId) -> &[u8] {
        self.faces[id.index()].raw_face().data
    }

    /// The parsed faces for shaping, with the book's shaping results.
    /// Free: the faces were parsed when the book was loaded.
    pub fn faces(&self) -> Faces<'_> {
        Faces {
            faces: &self.faces,
            shaped: &self.shaped,
        }
    }
}

/// Parsed faces borrowed from a [`FontBook`].
pub struct Faces<'a> {
    faces: &'a [rustybuzz::Face<'static>; 3],
    shaped: &'a ShapeCache,
}

impl<'a> Faces<'a> {
    /// Shaping results shared with every other document of the run.
    pub(crate) fn shaped(&self) -> &ShapeCache {
        self.shaped
    }

    /// The face for `id`.
    pub fn get(&self, id: FontId) -> &rustybuzz::Face<'a> {
        &self.faces[id.index()]
    }

    /// The advance of `glyph` in face `id` as the font gives it, before
    /// shaping (kerning and features): what a PDF's width arrays hold.
    pub fn default_advance(&self, id: FontId, glyph: u16) -> Em {
        let face = self.get(id);
        let upem = f64::from(face.units_per_em());
        face.glyph_hor_advance(ttf_parser::GlyphId(glyph))
            .map_or(Em::new(0.0), |a| Em::from_units(f64::from(a), upem))
    }

    /// Whether face `id` has a glyph for `c`.
    pub fn covers(&self, id: FontId, c: char) -> bool {
        self.get(id).glyph_index(c).is_some()
    }

    /// The face that draws `c` in the given weight: the main face, else the
    /// fallback; `None` when no bundled face has it.
    pub fn pick(&self, bold: bool, c: char) -> Option<FontId> {
        let main = if bold { FontId::Bold } else { FontId::Regular };
        if self.covers(main, c) {
            Some(main)
        } else if self.covers(FontId::Fallback, c) {
            Some(FontId::Fallback)
        } else {
            None
        }
    }

    /// Vertical metrics of a face.
    pub fn metrics(&self, id: FontId) -> VMetrics {
        let f = self.get(id);
        let upem = f64::from(f.units_per_em());
        VMetrics {
            ascender: Em::from_units(f64::from(f.ascender()), upem),
            descender: Em::from_units(f64::from(f.descender()), upem),
            cap_height: Em::from_units(f64::from(f.capital_height().unwrap_or(f.ascender())), upem),
        }
    }
}
