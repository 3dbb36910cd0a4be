//! The JSON form of a [`Report`] (serde): the schema is in
//! `docs/easy-read-checks.md`.

use serde::Serialize;

use crate::diag::{Severity, Sources, Span};

use super::{Finding, Report, Waiver};

/// A place in a file: the file relative to the project folder (with `/`),
/// 1-based line and column (in characters). A span whose file is not in the
/// sources gets an empty file name and line and column 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// The file, relative to the project folder.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Place {
    /// Spells out `span` using `sources`.
    pub fn new(sources: &Sources, span: &Span) -> Place {
        if sources.files().get(span.file.index()).is_none() {
            return Place {
                file: String::new(),
                line: 0,
                column: 0,
            };
        }
        let lc = sources.line_col(span);
        Place {
            file: crate::diag::slashes(sources.path(span.file)).replace('\\', "/"),
            line: lc.line,
            column: lc.column,
        }
    }
}

/// One finding in the JSON report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingEntry {
    /// The rule id (`sentence-too-long`).
    pub rule: &'static str,
    /// `"error"` or `"warning"`.
    pub severity: &'static str,
    /// Where the words that break the rule are.
    #[serde(flatten)]
    pub place: Place,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

impl FindingEntry {
    /// `finding` with its place spelled out.
    pub fn new(sources: &Sources, finding: &Finding) -> FindingEntry {
        FindingEntry {
            rule: finding.rule.id(),
            severity: severity(finding.severity),
            place: Place::new(sources, &finding.span),
            message: finding.message.clone(),
            hint: finding.hint.clone(),
        }
    }
}

/// A waived finding with the waiver's reason and place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WaivedEntry {
    /// The finding.
    #[serde(flatten)]
    pub finding: FindingEntry,
    /// The author's reason.
    pub reason: String,
    /// Where the waiver's block starts.
    pub waiver: Place,
}

/// A waiver that covers no finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnusedWaiverEntry {
    /// The rule it waives.
    pub rule: &'static str,
    /// The author's reason.
    pub reason: String,
    /// Where its block starts.
    #[serde(flatten)]
    pub place: Place,
}

impl UnusedWaiverEntry {
    /// `waiver` with its place spelled out.
    pub fn new(sources: &Sources, waiver: &Waiver) -> UnusedWaiverEntry {
        UnusedWaiverEntry {
            rule: waiver.rule.id(),
            reason: waiver.reason.clone(),
            place: Place::new(sources, &waiver.span),
        }
    }
}

/// A whole [`Report`] (schema version [`ReportEntry::VERSION`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportEntry {
    /// Findings that are errors.
    pub errors: usize,
    /// Findings that are warnings.
    pub warnings: usize,
    /// Findings that stand, in file and position order.
    pub findings: Vec<FindingEntry>,
    /// Findings waived, with the waiver.
    pub waived: Vec<WaivedEntry>,
    /// Waivers that waive nothing.
    pub unused_waivers: Vec<UnusedWaiverEntry>,
}

impl ReportEntry {
    /// The schema version of the JSON `check` writes.
    pub const VERSION: u32 = 2;

    /// `report` with every place spelled out.
    pub fn new(sources: &Sources, report: &Report) -> ReportEntry {
        ReportEntry {
            errors: report.errors(),
            warnings: report.warnings(),
            findings: report
                .findings
                .iter()
                .map(|f| FindingEntry::new(sources, f))
                .collect(),
            waived: report
                .waived
                .iter()
                .map(|(f, w)| WaivedEntry {
                    finding: FindingEntry::new(sources, f),
                    reason: w.reason.clone(),
                    waiver: Place::new(sources, &w.span),
                })
                .collect(),
            unused_waivers: report
                .unused
                .iter()
                .map(|w| UnusedWaiverEntry::new(sources, w))
                .collect(),
        }
    }
}

/// `"error"` or `"warning"`.
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}
