//! `out/report.json`: what a build made and what failed, for people and
//! scripts. The schema is documented in `docs/report.md`; fields are only
//! ever added, and `schema` changes if one is removed or changes meaning.

use serde::Serialize;

use crate::diag::{Diagnostic, Severity, Sources};

/// The schema version written in every report.
pub const SCHEMA: u32 = 1;

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Schema version ([`SCHEMA`]).
    pub schema: u32,
    /// The program that wrote it: `"wellprint 0.1.0"`.
    pub generator: String,
    /// The creation date written into every PDF, seconds since 1970 (UTC).
    pub timestamp: i64,
    /// Counts.
    pub summary: Summary,
    /// Every file written, in job order (area, resource, variant).
    pub built: Vec<BuiltEntry>,
    /// Every document that could not be made, in job order.
    pub failed: Vec<FailedEntry>,
    /// With `build --combine` only: the combined files, one per resource ×
    /// variant × format, written or not, in job order (see
    /// [`super::combine`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub combined: Option<Vec<CombinedEntry>>,
}

/// One combined file (`build --combine`): every area's pages in one PDF.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CombinedEntry {
    /// Path relative to the output folder, with `/`
    /// (`"combined/chime-wallet-card-standard-2pp.pdf"`); `None` when the
    /// file was not made (its name holds the pages per area).
    pub path: Option<String>,
    /// Resource id.
    pub resource: String,
    /// Variant name.
    pub variant: String,
    /// Format name.
    pub format: String,
    /// Pages for each area, the same for all (0 when not made).
    pub pages_per_area: usize,
    /// Pages in the file: areas × pages per area (0 when not made).
    pub pages: usize,
    /// File size in bytes (0 when not written).
    pub bytes: u64,
    /// SHA-256 of the file, lower-case hex (empty when not written).
    pub sha256: String,
    /// The areas in page order, with their first page (each has a
    /// bookmark there); empty when not made.
    pub areas: Vec<CombinedArea>,
    /// Why the file was not written: the area at fault, and its errors.
    pub failed: Option<CombinedFailure>,
}

/// Where one area starts in a combined file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CombinedArea {
    /// Area id.
    pub area: String,
    /// The area's name (the bookmark's title).
    pub name: String,
    /// Its first page, 1-based.
    pub first_page: usize,
}

/// Why a combined file was not written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CombinedFailure {
    /// The area at fault (its id), or `None` when the file was made but
    /// could not be written.
    pub area: Option<String>,
    /// What went wrong.
    pub errors: Vec<DiagnosticEntry>,
}

/// Counts over the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Documents selected.
    pub jobs: usize,
    /// Documents written.
    pub built: usize,
    /// Documents that failed.
    pub failed: usize,
    /// Warnings over all written documents.
    pub warnings: usize,
}

/// One file written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BuiltEntry {
    /// Path relative to the output folder, with `/`:
    /// `"oxfordshire/chime-wallet-card-standard.pdf"`.
    pub path: String,
    /// Resource id.
    pub resource: String,
    /// Variant name (`standard`, `easy-read`).
    pub variant: String,
    /// Area id.
    pub area: String,
    /// Format name (`a5`, `dl`, `card`…; the resource's formats).
    pub format: String,
    /// Number of pages.
    pub pages: usize,
    /// File size in bytes.
    pub bytes: u64,
    /// SHA-256 of the file, lower-case hex.
    pub sha256: String,
    /// Warnings that concern this document.
    pub warnings: Vec<DiagnosticEntry>,
}

/// One document that could not be made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FailedEntry {
    /// The path it would have had, relative to the output folder.
    pub path: String,
    /// Resource id.
    pub resource: String,
    /// Variant name.
    pub variant: String,
    /// Area id.
    pub area: String,
    /// Format name.
    pub format: String,
    /// `"input"` (the TOML/CSV needs fixing) or `"write"` (the file could
    /// not be written).
    pub reason: String,
    /// What went wrong.
    pub errors: Vec<DiagnosticEntry>,
}

/// A diagnostic with its place spelled out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiagnosticEntry {
    /// `"error"` or `"warning"`.
    pub severity: String,
    /// The Easy Read rule broken (`"sentence-too-long"`), for an Easy Read
    /// finding; `None` for every other diagnostic.
    pub rule: Option<String>,
    /// What is wrong.
    pub message: String,
    /// The file, relative to the project folder, if the problem has a place.
    pub file: Option<String>,
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based column, in characters.
    pub column: Option<usize>,
    /// How to fix it.
    pub hints: Vec<String>,
}

impl DiagnosticEntry {
    /// Spells out `diag`'s place using `sources`; an Easy Read finding
    /// (see [`crate::check::rule_of`]) gets its rule, and its message
    /// without the `[rule]` prefix.
    pub fn new(sources: &Sources, diag: &Diagnostic) -> Self {
        let resolved = sources.resolve(diag);
        let (rule, message) = match crate::check::rule_of(diag) {
            Some((rule, message)) => (Some(rule.id().to_owned()), message.to_owned()),
            None => (None, resolved.message),
        };
        DiagnosticEntry {
            severity: match resolved.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            }
            .to_owned(),
            rule,
            message,
            file: resolved.file,
            line: resolved.line,
            column: resolved.column,
            hints: resolved.hints,
        }
    }
}

impl Report {
    /// The report as pretty JSON with a final newline.
    pub fn to_json(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }
}
