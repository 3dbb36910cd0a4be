//! `wellprint check`: load the project as `build` does (an area file with
//! mistakes fails only that area), run the Easy Read rules, make every
//! selected document in memory, and report every problem `build` would —
//! writing nothing.

use std::path::Path;
use std::process::ExitCode;

use rayon::prelude::*;
use serde::Serialize;
use wellprint::check::{Report, ReportEntry};
use wellprint::diag::{Diagnostic, Sources};
use wellprint::finish::report::DiagnosticEntry;
use wellprint::{BuildOptions, Job, Target};

use super::exit;
use super::session::{Session, emit};
use crate::cli::{CheckArgs, ReportFormat};

/// Everything `check --format json` prints: one object (schema in
/// `docs/easy-read-checks.md`).
#[derive(Debug, Default, Serialize)]
struct Output {
    version: u32,
    /// Errors of every kind below.
    errors: usize,
    /// Warnings of every kind below.
    warnings: usize,
    /// Problems that stopped the project loading (a resource, the national
    /// helplines, a command-line id that does not exist): nothing else is
    /// checked.
    load: Vec<DiagnosticEntry>,
    /// Area files with mistakes: their documents are not made.
    areas: Vec<AreaOutput>,
    /// The Easy Read check of each selected resource with an Easy Read
    /// variant.
    easy_read: Vec<EasyReadOutput>,
    /// Documents with errors or warnings of their own (layout, pictures,
    /// preflight), in job order.
    documents: Vec<DocumentOutput>,
}

/// A broken area file.
#[derive(Debug, Serialize)]
struct AreaOutput {
    area: String,
    file: String,
    errors: Vec<DiagnosticEntry>,
}

/// One resource's Easy Read check.
#[derive(Debug, Serialize)]
struct EasyReadOutput {
    resource: String,
    #[serde(flatten)]
    report: ReportEntry,
    /// Waivers that are malformed (an unknown rule, no reason): the
    /// resource's text is not checked until they are fixed.
    bad_waivers: Vec<DiagnosticEntry>,
}

/// One document's own problems.
#[derive(Debug, Serialize)]
struct DocumentOutput {
    resource: String,
    variant: String,
    area: String,
    format: String,
    errors: Vec<DiagnosticEntry>,
    warnings: Vec<DiagnosticEntry>,
}

/// What making one document found.
struct DocumentResult {
    /// Stopped by the Easy Read check of its resource.
    stopped: bool,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

/// Runs the subcommand.
pub fn execute(args: &CheckArgs) -> ExitCode {
    let json = args.format == ReportFormat::Json;
    let mut out = Output {
        version: ReportEntry::VERSION,
        ..Output::default()
    };
    let session = match Session::try_load(&args.common, true) {
        Ok(s) => s,
        Err((sources, errors)) => return load_failed(&sources, &errors, out, json),
    };
    let jobs = match session.jobs(&args.common) {
        Ok(j) => j,
        Err(e) => return load_failed(&session.sources, &[e], out, json),
    };
    let sources = &session.sources;
    let area_warnings = session.area_warnings();
    out.warnings += area_warnings.len();
    out.load = entries(sources, &area_warnings);
    if !json {
        emit(sources, &area_warnings);
    }
    broken_areas(&session, args, &mut out, json);
    easy_read(&session, args, &mut out, json);
    let results: Vec<DocumentResult> = jobs.par_iter().map(|j| document(&session, j)).collect();
    let mut failed = 0;
    for (job, r) in jobs.iter().zip(&results) {
        failed += usize::from(r.stopped || !r.errors.is_empty());
        documents(sources, job, r, &mut out, json);
    }
    finish(&out, jobs.len(), failed, json)
}

/// Prints why the project did not load.
fn load_failed(sources: &Sources, errors: &[Diagnostic], mut out: Output, json: bool) -> ExitCode {
    if json {
        out.errors = errors.iter().filter(|d| d.is_error()).count();
        out.warnings = errors.len() - out.errors;
        out.load = entries(sources, errors);
        print_json(&out);
    } else {
        emit(sources, errors);
    }
    ExitCode::from(exit::BAD_INPUT)
}

/// The area files with mistakes that `--area` selects.
fn broken_areas(session: &Session, args: &CheckArgs, out: &mut Output, json: bool) {
    for area in &session.project.broken {
        if !args.common.area.is_empty() && !args.common.area.contains(&area.id) {
            continue;
        }
        out.errors += area.errors.iter().filter(|d| d.is_error()).count();
        if json {
            out.areas.push(AreaOutput {
                area: area.id.clone(),
                file: wellprint::diag::slashes(&area.path),
                errors: entries(&session.sources, &area.errors),
            });
        } else {
            eprintln!(
                "problem in the area file {} (its documents are not made):",
                area.path.display()
            );
            emit(&session.sources, &area.errors);
        }
    }
}

/// The Easy Read check of each selected resource, made when the project
/// loaded: the findings `build` stops on, warnings, waivers.
fn easy_read(session: &Session, args: &CheckArgs, out: &mut Output, json: bool) {
    let sources = &session.sources;
    for (id, check) in session.project.easy_read.iter() {
        if !args.common.resource.is_empty() && !args.common.resource.iter().any(|r| r == id) {
            continue;
        }
        let (report, bad) = match check {
            Ok(report) => (report.clone(), Vec::new()),
            Err(bad) => (Report::default(), bad.clone()),
        };
        let mut entry = ReportEntry::new(sources, &report);
        entry.errors += bad.len();
        out.errors += entry.errors;
        out.warnings += entry.warnings + report.unused.len();
        if json {
            out.easy_read.push(EasyReadOutput {
                resource: id.to_owned(),
                report: entry,
                bad_waivers: entries(sources, &bad),
            });
            continue;
        }
        emit(sources, &bad);
        emit(sources, &report.diagnostics());
        emit(sources, &report.unused_diagnostics());
        for line in waived_lines(session, id, &report) {
            eprintln!("{line}");
        }
        println!(
            "Easy Read check of {id}: {} errors, {} warnings, {} waived, {} unused waivers",
            entry.errors,
            report.warnings(),
            report.waived.len(),
            report.unused.len()
        );
    }
}

/// Makes one document in memory as `build` would. An Easy Read document
/// the Easy Read check stops is still laid out, so its layout problems are
/// found in the same run (its Easy Read findings are reported once, per
/// resource).
fn document(session: &Session, job: &Job<'_>) -> DocumentResult {
    let project = &session.project;
    let options = BuildOptions::default();
    if wellprint::easy_read_gate(project, job).is_err() {
        let errors = wellprint::lay_out(project, job, &session.fonts, &options).err();
        return DocumentResult {
            stopped: true,
            errors: errors.unwrap_or_default(),
            warnings: Vec::new(),
        };
    }
    match wellprint::build(project, job, &session.fonts, &options) {
        Ok(built) => {
            let mut warnings = built.warnings;
            let file = match job.output_path(Path::new(""), Target::Print) {
                Ok(path) => path,
                Err(refused) => refused.path,
            };
            let file = file.display().to_string();
            match built.preflight {
                Ok(report) => warnings.extend(report.diagnostics(&file)),
                Err(e) => warnings.push(Diagnostic::warning(
                    None,
                    format!("preflight of {file}: {e}"),
                )),
            }
            DocumentResult {
                stopped: false,
                errors: Vec::new(),
                warnings,
            }
        }
        Err(errors) => DocumentResult {
            stopped: false,
            errors,
            warnings: Vec::new(),
        },
    }
}

/// Records (or prints) one document's own problems.
fn documents(sources: &Sources, job: &Job<'_>, r: &DocumentResult, out: &mut Output, json: bool) {
    if r.errors.is_empty() && r.warnings.is_empty() {
        return;
    }
    out.errors += r.errors.len();
    out.warnings += r.warnings.len();
    let (resource, variant, area) = (&job.resource.id.value, job.variant, &job.area.id.value);
    if json {
        out.documents.push(DocumentOutput {
            resource: resource.to_string(),
            variant: variant.name().to_owned(),
            area: area.to_string(),
            format: job.format.name.to_string(),
            errors: entries(sources, &r.errors),
            warnings: entries(sources, &r.warnings),
        });
        return;
    }
    if !r.errors.is_empty() {
        eprintln!("problem in {resource} ({variant}) for {area}:");
        emit(sources, &r.errors);
    }
    if !r.warnings.is_empty() {
        eprintln!(
            "warnings for {resource} ({variant}, {}) for {area}:",
            job.format.name
        );
        emit(sources, &r.warnings);
    }
}

/// The totals, and the exit code: 2 when anything needs fixing.
fn finish(out: &Output, jobs: usize, failed: usize, json: bool) -> ExitCode {
    if json {
        print_json(out);
    } else if out.errors == 0 {
        println!(
            "checked {jobs} documents: no problems ({} warnings)",
            out.warnings
        );
    } else {
        eprintln!(
            "{} errors, {} warnings; {failed} of {jobs} documents cannot be made as they are",
            out.errors, out.warnings
        );
    }
    if out.errors == 0 {
        ExitCode::from(exit::OK)
    } else {
        ExitCode::from(exit::BAD_INPUT)
    }
}

fn entries(sources: &Sources, diagnostics: &[Diagnostic]) -> Vec<DiagnosticEntry> {
    diagnostics
        .iter()
        .map(|d| DiagnosticEntry::new(sources, d))
        .collect()
}

fn print_json(out: &Output) {
    match serde_json::to_string_pretty(out) {
        Ok(text) => println!("{text}"),
        Err(e) => eprintln!("cannot write the JSON report: {e}"),
    }
}

/// One line per waived finding: `waived in RESOURCE: RULE at FILE:LINE:COL
/// (REASON)`, for `check` and `build` alike.
pub(super) fn waived_lines(session: &Session, resource: &str, report: &Report) -> Vec<String> {
    report
        .waived
        .iter()
        .map(|(finding, waiver)| {
            format!(
                "waived in {resource}: {} at {} ({})",
                finding.rule.id(),
                session.sources.locate(&finding.span),
                waiver.reason
            )
        })
        .collect()
}
