//! Building many documents at once: every job is resolved, laid out,
//! rendered and written on a pool of threads, sharing one set of parsed
//! fonts. A failing job does not stop the others; each result is handed to
//! a callback as it finishes (for a progress bar) and collected in job
//! order for the report.
//!
//! Documents are written as soon as they are made and their bytes dropped,
//! so memory does not grow with the number of documents.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::{BuildOptions, Fonts, Job, Loaded, build};
use crate::diag::{Diagnostic, Sources, slashes};
use crate::finish::report::{BuiltEntry, DiagnosticEntry, FailedEntry, Report, SCHEMA, Summary};
use crate::finish::write;
use crate::model::Project;

/// How to run a batch.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// The output folder.
    pub out: PathBuf,
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Layout and PDF settings shared by every document.
    pub build: BuildOptions,
    /// Set (by a Ctrl-C handler) to stop the run: jobs not yet started
    /// are not built, jobs in progress finish and write their file whole.
    pub interrupt: Option<Arc<AtomicBool>>,
}

impl BatchOptions {
    /// Whether the run has been told to stop.
    pub fn interrupted(&self) -> bool {
        self.interrupt
            .as_ref()
            .is_some_and(|f| f.load(Ordering::SeqCst))
    }
}

/// Why a document failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The input (TOML, CSV) needs fixing: the errors say where.
    Input,
    /// The PDF was made but could not be written.
    Write,
    /// The run was interrupted before this job started.
    Interrupted,
}

/// What happened to one job.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// The file was written.
    Built {
        /// Number of pages.
        pages: usize,
        /// File size in bytes.
        bytes: u64,
        /// SHA-256 of the file, lower-case hex.
        sha256: String,
        /// Warnings from building it (low-resolution pictures, …).
        warnings: Vec<Diagnostic>,
    },
    /// The document could not be made or written.
    Failed {
        /// Input or write.
        failure: Failure,
        /// What went wrong.
        errors: Vec<Diagnostic>,
    },
}

/// One job's result.
#[derive(Debug, Clone)]
pub struct JobResult {
    /// Index of the job in the list given to [`run`].
    pub index: usize,
    /// Resource id.
    pub resource: String,
    /// Variant name.
    pub variant: String,
    /// Area id.
    pub area: String,
    /// The output file.
    pub path: PathBuf,
    /// Format name (`a5`, `dl`, …).
    pub format: String,
    /// Built or failed.
    pub outcome: Outcome,
}

impl JobResult {
    /// Whether the file was written.
    pub fn is_built(&self) -> bool {
        matches!(self.outcome, Outcome::Built { .. })
    }

    /// The result of job number `index`, written (or not) to `path`.
    fn new(index: usize, job: &Job<'_>, path: PathBuf, outcome: Outcome) -> JobResult {
        JobResult {
            index,
            resource: job.resource.id.value.to_string(),
            variant: job.variant.name().to_owned(),
            area: job.area.id.value.to_string(),
            format: job.format.name.to_string(),
            path,
            outcome,
        }
    }
}

/// Builds and writes every job on `options.threads` threads. `on_done` is
/// called from the worker threads as each job finishes. Results come back
/// in job order. Once `options.interrupt` is set, jobs not yet started
/// fail with [`Failure::Interrupted`] without calling `on_done`.
pub fn run(
    project: &Loaded,
    jobs: &[Job<'_>],
    fonts: &Fonts,
    options: &BatchOptions,
    on_done: &(dyn Fn(&JobResult) + Sync),
) -> Result<Vec<JobResult>, rayon::ThreadPoolBuildError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .thread_name(|i| format!("wellprint-{i}"))
        .build()?;
    let mut results: Vec<JobResult> = pool.install(|| {
        jobs.par_iter()
            .enumerate()
            .map(|(index, job)| {
                if options.interrupted() {
                    return interrupted(index, job, options);
                }
                let result = one(project, index, job, fonts, options);
                on_done(&result);
                result
            })
            .collect()
    });
    if results.iter().any(JobResult::is_built)
        && let Err(e) = write::sync_folder(&options.out)
    {
        // The files are complete but may not be on the disk: say so for
        // each rather than report them built.
        for r in &mut results {
            if r.is_built() {
                r.outcome = Outcome::Failed {
                    failure: Failure::Write,
                    errors: vec![
                        Diagnostic::error(
                            None,
                            format!(
                                "`{}` was written but could not be saved to disk: {}",
                                r.path.display(),
                                write::describe(&e)
                            ),
                        )
                        .with_hint("check the disk, then build again"),
                    ],
                };
            }
        }
    }
    Ok(results)
}

/// A job that was not started because the run was interrupted.
fn interrupted(index: usize, job: &Job<'_>, options: &BatchOptions) -> JobResult {
    // Nothing is written: a path that would be refused is only named.
    let path = job
        .output_path(&options.out, options.build.target)
        .unwrap_or_else(|e| e.path);
    JobResult::new(
        index,
        job,
        path,
        Outcome::Failed {
            failure: Failure::Interrupted,
            errors: vec![Diagnostic::error(
                None,
                "not built: the run was interrupted (Ctrl-C)",
            )],
        },
    )
}

/// Builds and writes one job.
fn one(
    project: &Loaded,
    index: usize,
    job: &Job<'_>,
    fonts: &Fonts,
    options: &BatchOptions,
) -> JobResult {
    let path = match job.output_path(&options.out, options.build.target) {
        Ok(path) => path,
        Err(e) => {
            let errors = vec![e.diagnostic()];
            let outcome = Outcome::Failed {
                failure: Failure::Input,
                errors,
            };
            return JobResult::new(index, job, e.path, outcome);
        }
    };
    // The library stops an Easy Read document whose text has errors; the
    // errors name each finding, and the report lists them.
    let result = build(project, job, fonts, &options.build);
    let outcome = match result {
        Ok(built) => match write::atomic_in_batch(&path, &built.bytes) {
            Ok(()) => {
                // The print shop's checks, run on the document as it was
                // written; findings are warnings on the document.
                let mut warnings = built.warnings;
                // Named inside the output folder, so that the report of a
                // build into another folder is the same.
                let inside = path.strip_prefix(&options.out).unwrap_or(&path);
                let file = slashes(inside);
                match built.preflight {
                    Ok(report) => warnings.extend(report.diagnostics(&file)),
                    Err(e) => warnings.push(Diagnostic::warning(
                        None,
                        format!("preflight of {file}: {e}"),
                    )),
                }
                Outcome::Built {
                    pages: built.frames.len(),
                    bytes: built.bytes.len() as u64,
                    sha256: hex(&Sha256::digest(&built.bytes)),
                    warnings,
                }
            }
            Err(e) => Outcome::Failed {
                failure: Failure::Write,
                errors: vec![
                    Diagnostic::error(
                        None,
                        format!("cannot write `{}`: {}", path.display(), write::describe(&e)),
                    )
                    .with_hint(write::hint(&e)),
                ],
            },
        },
        Err(errors) => Outcome::Failed {
            failure: Failure::Input,
            errors,
        },
    };
    JobResult::new(index, job, path, outcome)
}

/// Lower-case hex.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The report of a run. Warnings of each document are its area's warnings.
pub fn report(
    project: &Project,
    sources: &Sources,
    results: &[JobResult],
    out: &Path,
    timestamp: i64,
) -> Report {
    let rel = |p: &Path| slashes(p.strip_prefix(out).unwrap_or(p));
    let mut built = Vec::new();
    let mut failed = Vec::new();
    for r in results {
        match &r.outcome {
            Outcome::Built {
                pages,
                bytes,
                sha256,
                warnings,
            } => {
                let area = project.areas.iter().find(|a| a.id.value == r.area);
                let warnings = area
                    .into_iter()
                    .flat_map(|a| &a.warnings)
                    .chain(warnings)
                    .map(|w| DiagnosticEntry::new(sources, w))
                    .collect();
                built.push(BuiltEntry {
                    path: rel(&r.path),
                    resource: r.resource.clone(),
                    variant: r.variant.clone(),
                    area: r.area.clone(),
                    format: r.format.clone(),
                    pages: *pages,
                    bytes: *bytes,
                    sha256: sha256.clone(),
                    warnings,
                });
            }
            Outcome::Failed { failure, errors } => failed.push(FailedEntry {
                path: rel(&r.path),
                resource: r.resource.clone(),
                variant: r.variant.clone(),
                area: r.area.clone(),
                format: r.format.clone(),
                reason: match failure {
                    Failure::Input => "input",
                    Failure::Write => "write",
                    Failure::Interrupted => "interrupted",
                }
                .to_owned(),
                errors: errors
                    .iter()
                    .map(|e| DiagnosticEntry::new(sources, e))
                    .collect(),
            }),
        }
    }
    Report {
        schema: SCHEMA,
        generator: format!("wellprint {}", env!("CARGO_PKG_VERSION")),
        timestamp,
        summary: Summary {
            jobs: results.len(),
            built: built.len(),
            failed: failed.len(),
            warnings: built.iter().map(|b| b.warnings.len()).sum(),
        },
        built,
        failed,
        combined: None,
    }
}

/// Compile-time proof that the parsed fonts can be shared between threads.
const _: () = {
    const fn shared<T: Sync + Send>() {}
    shared::<Fonts>();
};
