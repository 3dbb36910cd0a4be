//! The Easy Read checker: text rules, contrast, sizes and readability.
//!
//! The rules come from `shared/EASY-READ.md` (Mencap, DoH 2010, Inclusion
//! Europe, NHS AIS); `docs/easy-read-checks.md` lists every rule id, its
//! severity and how to waive it.
//!
//! - [`check_text`] / [`check_text_in`] run the word rules on one paragraph
//!   (one row or block) of Easy Read text;
//! - [`check_font_size`], [`check_contrast`], [`check_row_picture`] and
//!   [`check_picture_alt`] check values that come from the resource
//!   structure;
//! - [`check_resource`] runs them all on a resource's Easy Read variant, and
//!   [`Checks`] holds that check for every resource of a project, made once
//!   per run (the library's Easy Read gate reads it);
//! - [`apply_waivers`] and [`Report`] put the findings together, minus the
//!   ones an author waived with a reason; [`ReportEntry`] is its JSON form.
//!
//! Nothing here prints, and no input text makes it panic.

mod entry;
mod placed;
mod project;
mod readability;
mod resource;
mod rule;
mod source_map;
mod split;
mod wording;

#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use crate::diag::{Diagnostic, Severity, Sources, Span};
use crate::geom::Abs;
use crate::model::Located;

pub use entry::{FindingEntry, Place, ReportEntry, UnusedWaiverEntry, WaivedEntry};
pub use placed::{
    check_contrast, check_font_size, check_picture_alt, check_row_picture, is_large_text,
};
pub use project::Checks;
pub use readability::{flesch_reading_ease, syllables};
pub use resource::check_resource;
pub use rule::Rule;
pub use source_map::{TextMap, block_span};
pub use split::{sentences, words};

/// One broken rule at one place.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The rule.
    pub rule: Rule,
    /// The offending words (or the block, for layout rules).
    pub span: Span,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it.
    pub hint: String,
    /// Error or warning: [`Rule::severity`] of the rule.
    pub severity: Severity,
}

impl Finding {
    /// A finding of `rule` with the rule's severity.
    pub fn new(rule: Rule, span: Span, message: String, hint: impl Into<String>) -> Self {
        Finding {
            rule,
            span,
            message,
            hint: hint.into(),
            severity: rule.severity(),
        }
    }

    /// Whether the finding stops an Easy Read build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The finding as a diagnostic for the command line: the message starts
    /// with the rule id in brackets; hints are the fix and how to waive it
    /// (except for type sizes, which no block's waiver covers).
    pub fn to_diagnostic(&self) -> Diagnostic {
        let d = Diagnostic {
            severity: self.severity,
            span: Some(self.span.clone()),
            message: format!("[{}] {}", self.rule.id(), self.message),
            hints: Vec::new(),
            related: Vec::new(),
        };
        let d = d.with_hint(self.hint.clone());
        if self.rule == Rule::FontTooSmall {
            // Type sizes are set for the whole variant, not in a block: a
            // block's waiver cannot cover them.
            return d;
        }
        d.with_hint(format!(
            "to keep it on purpose, add `waive = {{ rule = \"{}\", reason = \"...\" }}` to the block",
            self.rule.id()
        ))
    }
}

/// The rule of a diagnostic made by [`Finding::to_diagnostic`], and its
/// message without the `[rule-id] ` prefix; `None` for other diagnostics.
pub fn rule_of(diagnostic: &Diagnostic) -> Option<(Rule, &str)> {
    let rest = diagnostic.message.strip_prefix('[')?;
    let (id, message) = rest.split_once("] ")?;
    Some((Rule::from_id(id)?, message))
}

/// The limits the rules check against. [`Policy::default`] is the Easy Read
/// standard of `EASY-READ.md`.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// Most words in one sentence (15).
    pub max_sentence_words: usize,
    /// Most sentences in one paragraph or row (5).
    pub max_sentences: usize,
    /// Smallest body text size (14 pt, [`crate::rules::MIN_EASY_READ_TEXT`]).
    pub min_body: Abs,
    /// Least contrast ratio for text (4.5, WCAG 2.x AA).
    pub min_contrast: f64,
    /// Least contrast ratio for large text, 18 pt or 14 pt bold (3.0, WCAG
    /// 2.x AA). Set it to `min_contrast` to hold all text to 4.5:1.
    pub min_contrast_large: f64,
    /// Least Flesch Reading Ease per paragraph (80).
    pub min_flesch: f64,
    /// Paragraphs with fewer words than this (10) are not scored: the
    /// formula means little for a heading or one short sentence.
    pub min_readability_words: usize,
    /// Acronyms readers know without explanation, never reported (`NHS`,
    /// `OK`, `UK`). Any other acronym needs explaining the first time the
    /// document uses it.
    pub known_acronyms: BTreeSet<String>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            max_sentence_words: 15,
            max_sentences: 5,
            min_body: crate::rules::MIN_EASY_READ_TEXT,
            min_contrast: 4.5,
            min_contrast_large: 3.0,
            min_flesch: 80.0,
            min_readability_words: 10,
            known_acronyms: ["NHS", "OK", "UK"].into_iter().map(str::to_owned).collect(),
        }
    }
}

/// An author's decision to keep one rule broken in one block, with a reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Waiver {
    /// The rule waived.
    pub rule: Rule,
    /// Why, in the author's words (shown in the build report).
    pub reason: String,
    /// The block the waiver is written on; it covers findings inside it.
    pub span: Span,
}

impl Waiver {
    /// Reads `waive = { rule = "...", reason = "..." }`: the rule id must be
    /// known and the reason not blank. `block` is the span of the whole block
    /// the waiver belongs to; toml spans an `[[...block]]` entry by its header
    /// line only, so widen that with [`block_span`] first.
    pub fn parse(
        rule: &Located<String>,
        reason: &Located<String>,
        block: Span,
    ) -> Result<Waiver, Diagnostic> {
        let Some(r) = Rule::from_id(rule.value.trim()) else {
            let best = Rule::ALL
                .into_iter()
                .map(|r| (strsim::jaro_winkler(r.id(), &rule.value), r))
                .max_by(|a, b| a.0.total_cmp(&b.0));
            let mut d = Diagnostic::error(
                rule.span.clone(),
                format!("`{}` is not an Easy Read rule", rule.value),
            );
            if let Some((score, r)) = best
                && score > 0.8
            {
                d = d.with_hint(format!("did you mean `{}`?", r.id()));
            }
            let ids: Vec<&str> = Rule::ALL.into_iter().map(Rule::id).collect();
            return Err(d.with_hint(format!("the rules are: {}", ids.join(", "))));
        };
        if reason.value.trim().is_empty() {
            return Err(Diagnostic::error(
                reason.span.clone(),
                format!("the waiver of `{}` needs a reason", r.id()),
            )
            .with_hint("say why the rule cannot be met here, in a sentence"));
        }
        Ok(Waiver {
            rule: r,
            reason: reason.value.trim().to_owned(),
            span: block,
        })
    }

    /// The warning for a waiver that covers no finding.
    pub fn unused_diagnostic(&self) -> Diagnostic {
        let at = Span::new(
            self.span.file,
            self.span.range.start..self.span.range.start + 1,
        );
        Diagnostic::warning(
            at,
            format!(
                "the waiver of `{}` waives nothing: no `{}` finding is in this block",
                self.rule.id(),
                self.rule.id()
            ),
        )
        .with_hint("remove the `waive` line, or check that it names the rule the block breaks")
    }

    /// Whether this waiver covers `finding`: the same rule, and the
    /// finding's span inside the waiver's block.
    pub fn covers(&self, finding: &Finding) -> bool {
        self.rule == finding.rule
            && self.span.file == finding.span.file
            && self.span.range.start <= finding.span.range.start
            && finding.span.range.end <= self.span.range.end
    }
}

/// Runs the text rules on one paragraph of Easy Read text (one row or
/// block), mapping offsets to source spans from the span's length alone
/// ([`TextMap::guess`]); prefer [`check_text_in`] when the [`Sources`] are
/// at hand, which also maps strings with escapes and multi-line strings.
///
/// `explained` holds the acronyms explained earlier in the document; pass
/// the same set to every paragraph, in reading order. Acronyms explained here
/// are added to it, and so are unexplained ones once reported, so each
/// acronym is reported once, at its first use.
///
/// Findings come in text order.
pub fn check_text(
    text: &Located<String>,
    policy: &Policy,
    explained: &mut BTreeSet<String>,
) -> Vec<Finding> {
    check_mapped(text, &TextMap::guess(text), policy, explained)
}

/// [`check_text`], with offsets mapped through the source text of `sources`.
pub fn check_text_in(
    sources: &Sources,
    text: &Located<String>,
    policy: &Policy,
    explained: &mut BTreeSet<String>,
) -> Vec<Finding> {
    check_mapped(text, &TextMap::new(text, Some(sources)), policy, explained)
}

fn check_mapped(
    text: &Located<String>,
    map: &TextMap,
    policy: &Policy,
    explained: &mut BTreeSet<String>,
) -> Vec<Finding> {
    wording::check(&text.value, policy, explained)
        .into_iter()
        .map(|raw| Finding::new(raw.rule, map.span(raw.range), raw.message, raw.hint))
        .collect()
}

/// Splits findings into those kept and those a waiver covers (see
/// [`Waiver::covers`]); each waived finding is paired with the first waiver
/// that covers it. Order is kept.
pub fn apply_waivers(
    findings: Vec<Finding>,
    waivers: &[Waiver],
) -> (Vec<Finding>, Vec<(Finding, Waiver)>) {
    let mut kept = Vec::new();
    let mut waived = Vec::new();
    for f in findings {
        match waivers.iter().find(|w| w.covers(&f)) {
            Some(w) => waived.push((f, w.clone())),
            None => kept.push(f),
        }
    }
    (kept, waived)
}

/// Waivers that cover no finding: probably out of date, worth a warning.
pub fn unused_waivers<'a>(waivers: &'a [Waiver], waived: &[(Finding, Waiver)]) -> Vec<&'a Waiver> {
    waivers
        .iter()
        .filter(|w| !waived.iter().any(|(_, used)| used == *w))
        .collect()
}

/// Everything `check` found in one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Findings that stand, in source order.
    pub findings: Vec<Finding>,
    /// Findings an author waived, with the waiver.
    pub waived: Vec<(Finding, Waiver)>,
    /// Waivers that cover no finding ([`unused_waivers`]), in source order.
    pub unused: Vec<Waiver>,
}

impl Report {
    /// Applies `waivers` to `findings` and sorts both lists by place (file,
    /// offset) and rule.
    pub fn new(findings: Vec<Finding>, waivers: &[Waiver]) -> Self {
        let (mut findings, mut waived) = apply_waivers(findings, waivers);
        findings.sort_by_key(order);
        waived.sort_by_key(|(f, _)| order(f));
        let mut unused: Vec<Waiver> = unused_waivers(waivers, &waived)
            .into_iter()
            .cloned()
            .collect();
        unused.sort_by_key(|w| (w.span.file.index(), w.span.range.start, w.rule));
        Report {
            findings,
            waived,
            unused,
        }
    }

    /// Number of findings that are errors.
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.is_error()).count()
    }

    /// Number of findings that are warnings.
    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors()
    }

    /// Whether any error stands (the Easy Read build must stop).
    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }

    /// The findings as diagnostics, for the command line.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        self.findings.iter().map(Finding::to_diagnostic).collect()
    }

    /// The findings that are errors, as diagnostics: why an Easy Read
    /// build stops.
    pub fn error_diagnostics(&self) -> Vec<Diagnostic> {
        self.findings
            .iter()
            .filter(|f| f.is_error())
            .map(Finding::to_diagnostic)
            .collect()
    }

    /// The findings that are warnings, then a warning for each unused
    /// waiver: what a build reports without stopping.
    pub fn warning_diagnostics(&self) -> Vec<Diagnostic> {
        self.findings
            .iter()
            .filter(|f| !f.is_error())
            .map(Finding::to_diagnostic)
            .chain(self.unused_diagnostics())
            .collect()
    }

    /// A warning for each waiver that waives nothing.
    pub fn unused_diagnostics(&self) -> Vec<Diagnostic> {
        self.unused.iter().map(Waiver::unused_diagnostic).collect()
    }

    /// The report as pretty JSON ([`ReportEntry`]); the schema is in
    /// `docs/easy-read-checks.md`.
    pub fn to_json(&self, sources: &Sources) -> String {
        serde_json::to_string_pretty(&ReportEntry::new(sources, self)).unwrap_or_default()
    }
}

fn order(f: &Finding) -> (usize, usize, usize, Rule) {
    (
        f.span.file.index(),
        f.span.range.start,
        f.span.range.end,
        f.rule,
    )
}
