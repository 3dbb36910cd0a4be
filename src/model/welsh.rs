//! Welsh text beside English: a resource's `[welsh]` table, and the
//! bilingual variant made from the standard variant with it.
//!
//! The table is a list of the standard variant's texts, each English text
//! (exactly as the resource writes it) with its Welsh. There is no second
//! copy of the design: the bilingual variant lays out the standard
//! variant's blocks twice, once with the Welsh words and once with the
//! English, and puts the two versions together as the resource's
//! `layout` says. Changing an English text leaves its old Welsh unused and
//! the new text without Welsh, and the bilingual build says so: the two
//! languages cannot drift apart unnoticed. wellprint never translates;
//! `reviewed = false` keeps a warning on every bilingual document until a
//! Welsh speaker has checked the words.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::{FitStrategy, Format, Located, VariantDef};
use crate::diag::{FileId, Span};

/// `[welsh]` as written in a resource file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WelshFile {
    /// Whether a Welsh speaker has checked every line (default false: each
    /// bilingual document is built with a warning to have it checked).
    #[serde(default)]
    pub reviewed: bool,
    /// How the two versions are put together (default `"back-to-back"`).
    #[serde(default)]
    pub layout: Pairing,
    /// Each English text of the standard variant, as written, with its
    /// Welsh.
    #[serde(default)]
    pub text: BTreeMap<String, Spanned<String>>,
}

/// How the Welsh and the English versions of a page are put together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Pairing {
    /// Every Welsh page, then every English page (a card: the Welsh card,
    /// then the English card). A format whose fold cannot take twice the
    /// pages is not made bilingual.
    #[default]
    BackToBack,
    /// Each page's Welsh version on the left and its English version on
    /// the right, on one sheet twice as wide (two A3 posters make an A2
    /// landscape sheet).
    SideBySide,
}

impl Pairing {
    /// The name written in TOML.
    pub fn name(self) -> &'static str {
        match self {
            Pairing::BackToBack => "back-to-back",
            Pairing::SideBySide => "side-by-side",
        }
    }
}

/// A resource's Welsh text, checked.
#[derive(Debug, Clone)]
pub struct Welsh {
    /// Welsh by English text, each with where the Welsh is written.
    pub text: BTreeMap<String, Located<String>>,
    /// Whether a Welsh speaker has checked it.
    pub reviewed: bool,
    /// How the versions are put together.
    pub pairing: Pairing,
    /// The resource's id, where "not reviewed" is reported.
    pub span: Span,
}

impl Welsh {
    /// Reads the `[welsh]` table of the resource file `file`; `span` is
    /// the resource id's place.
    pub fn new(file: FileId, raw: &WelshFile, span: Span) -> Welsh {
        Welsh {
            text: raw
                .text
                .iter()
                .map(|(en, cy)| (en.clone(), Located::from_spanned(file, cy.clone())))
                .collect(),
            reviewed: raw.reviewed,
            pairing: raw.layout,
            span,
        }
    }

    /// The Welsh of an English text, if the table has it.
    pub fn of(&self, english: &str) -> Option<&Located<String>> {
        self.text.get(english)
    }
}

/// The bilingual variant: the standard variant's design in the formats
/// that can carry both versions (`formats`, the standard variant's).
///
/// Its pages fit by spacing, columns and `fewer` only: stepping the type
/// down or shrinking the logo page by page could set one language smaller
/// than the other, and the two must have the same size and prominence
/// (layout steps both versions' type together instead). `fewer` cuts both
/// versions' contacts alike.
pub fn derive(standard: &VariantDef, formats: &[Format], pairing: Pairing) -> VariantDef {
    let mut def = VariantDef {
        formats: formats
            .iter()
            .filter_map(|f| bilingual_format(f, pairing))
            .collect(),
        ..standard.clone()
    };
    for page in &mut def.pages {
        page.fit.order.retain(|s| {
            matches!(
                s,
                FitStrategy::Spacing | FitStrategy::Columns | FitStrategy::Fewer
            )
        });
    }
    def
}

/// A format as the bilingual variant makes it: with its fold when the fold
/// takes both versions' pages, else `None` (a six-panel roll fold cannot
/// hold twelve panels). Side-by-side sheets are not folded.
fn bilingual_format(format: &Format, pairing: Pairing) -> Option<Format> {
    match (pairing, format.fold, format.pages) {
        (_, None, _) => Some(format.clone()),
        (Pairing::BackToBack, Some(fold), Some(n)) if fold.fits(n * 2) => Some(format.clone()),
        _ => None,
    }
}
