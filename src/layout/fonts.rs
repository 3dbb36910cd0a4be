//! The bundled fonts, loaded once per run and shared by every document.

use std::fs;
use std::path::Path;

use crate::diag::Diagnostic;
use crate::geom::Em;

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

/// The raw bytes of every face, checked to parse.
#[derive(Debug, Clone)]
pub struct FontBook {
    data: Vec<Vec<u8>>,
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
    /// Reads the bundled faces from `dir`.
    pub fn load(dir: &Path) -> Result<FontBook, Diagnostic> {
        let mut data = Vec::new();
        for id in FontId::ALL {
            let path = dir.join(id.file_name());
            let bytes = fs::read(&path).map_err(|e| {
                Diagnostic::error(
                    None,
                    format!("cannot read the font `{}`: {e}", path.display()),
                )
                .with_hint(
                    "the fonts/ folder ships with wellprint; restore it with `git checkout fonts/`",
                )
            })?;
            if ttf_parser::Face::parse(&bytes, 0).is_err() {
                return Err(Diagnostic::error(
                    None,
                    format!(
                        "`{}` is not a usable TrueType/OpenType font",
                        path.display()
                    ),
                )
                .with_hint("restore the bundled file with `git checkout fonts/`"));
            }
            data.push(bytes);
        }
        Ok(FontBook { data })
    }

    /// The font file bytes of a face.
    pub fn data(&self, id: FontId) -> &[u8] {
        &self.data[id.index()]
    }

    /// Parses every face for shaping. Cheap (table directory only); done
    /// once per document so that faces can borrow the bytes.
    pub fn faces(&self) -> Faces<'_> {
        Faces {
            faces: FontId::ALL.map(|id| {
                rustybuzz::Face::from_slice(self.data(id), 0)
                    .unwrap_or_else(|| unreachable!("checked to parse in FontBook::load"))
            }),
        }
    }
}

/// Parsed faces borrowed from a [`FontBook`].
pub struct Faces<'a> {
    faces: [rustybuzz::Face<'a>; 3],
}

impl<'a> Faces<'a> {
    /// The face for `id`.
    pub fn get(&self, id: FontId) -> &rustybuzz::Face<'a> {
        &self.faces[id.index()]
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
