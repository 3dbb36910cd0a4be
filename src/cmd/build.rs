//! `wellprint build`: build the selected PDFs into the output folder, in
//! parallel, with a progress bar on a terminal, then write
//! `out/report.json` and a summary of what failed.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use wellprint::diag::Diagnostic;
use wellprint::finish::write;
use wellprint::model::Variant;
use wellprint::pipeline::batch::{self, BatchOptions, Failure, JobResult, Outcome};
use wellprint::pipeline::{broken_jobs, combine};
use wellprint::{BuildOptions, Job, Target, render::PdfOptions};

use super::session::{Session, Stderr, emit, selection};
use super::{exit, interrupt};
use crate::cli::BuildArgs;

/// Runs the subcommand.
pub fn execute(args: &BuildArgs) -> ExitCode {
    let Ok(session) = Session::load_lenient(&args.common) else {
        return ExitCode::from(exit::BAD_INPUT);
    };
    let Some(mut jobs) = session.jobs_or_report(&args.common) else {
        return ExitCode::from(exit::BAD_INPUT);
    };
    let target: Target = args.target.into();
    if args.target == crate::cli::TargetArg::Web {
        if !flags_fit_target(&session, args, target) || !session.output_folder_ok(&args.out) {
            return ExitCode::from(exit::BAD_INPUT);
        }
        return super::web::execute(&session, &jobs, &args.out);
    }
    if target == Target::Screen {
        // One screen PDF per resource and variant: other formats (A2, DL)
        // are print sizes of the same text.
        jobs.retain(|job| job.is_default_format());
    }
    if !flags_fit_target(&session, args, target) || !session.output_folder_ok(&args.out) {
        return ExitCode::from(exit::BAD_INPUT);
    }
    let options = batch_options(&session, args, target);

    // The report of an earlier run must not stand for this one, even if
    // this run stops before writing its own; a failure to remove it shows
    // when the new one is written.
    let report_path = args.out.join("report.json");
    let _ = write::remove_old(&report_path);
    easy_read_check(&session, &jobs);
    let started = Instant::now();
    let Some(results) = run_all(&session, args, &jobs, &options) else {
        return ExitCode::from(exit::FAILED);
    };
    let elapsed = started.elapsed();

    let timestamp = options.build.pdf.timestamp;
    let mut report = batch::report(
        &session.project,
        &session.sources,
        &results,
        &args.out,
        timestamp,
    );
    let combined = (args.combine && !options.interrupted())
        .then(|| combine_all(&session, args, &jobs, &options));
    if let Some(c) = &combined {
        report.combined = Some(combine::report_entries(&session.sources, c, &args.out));
    }
    let report_written = write_report(&session, &report_path, &report.to_json());
    summary(
        &session,
        &results,
        elapsed,
        args,
        report_written.then_some(&report_path),
    );
    if options.interrupted() {
        return ExitCode::from(interrupt::EXIT_CODE);
    }
    ExitCode::from(exit_code(&results, report_written, combined.as_deref()))
}

/// Builds the jobs with a progress bar, the broken areas' documents
/// failed after them; prints why if the worker threads cannot start.
fn run_all(
    session: &Session,
    args: &BuildArgs,
    jobs: &[Job<'_>],
    options: &BatchOptions,
) -> Option<Vec<JobResult>> {
    let target = options.build.target;
    let selected = selection(&args.common);
    let broken = broken_jobs(&session.project, &selected, target, &args.out, jobs.len());
    let progress = Progress::new(jobs.len() + broken.len());
    for r in &broken {
        progress.done(r);
    }
    let run = batch::run(&session.project, jobs, &session.fonts, options, &|r| {
        progress.done(r)
    });
    let mut results = match run {
        Ok(built) => built,
        Err(e) => {
            emit(
                &session.sources,
                &[
                    Diagnostic::error(None, format!("cannot start the worker threads: {e}"))
                        .with_hint("try --jobs 1"),
                ],
            );
            return None;
        }
    };
    results.extend(broken);
    progress.finish();
    Some(results)
}

/// Refuses print flags and `--combine` with `--for screen`, printing why.
/// Whether the flags fit the target.
fn flags_fit_target(session: &Session, args: &BuildArgs, target: Target) -> bool {
    if target != Target::Screen {
        return true;
    }
    let which = match args.target {
        crate::cli::TargetArg::Web => "--for web",
        _ => "--for screen",
    };
    let print_flags = args.print.given();
    if !print_flags.is_empty() {
        emit(
            &session.sources,
            &[Diagnostic::error(
                None,
                format!("{} cannot be used with {which}", print_flags.join(", ")),
            )
            .with_hint(
                "a screen PDF is trimmed and RGB; build the print version separately (--for print)",
            )],
        );
        return false;
    }
    if args.combine {
        emit(
            &session.sources,
            &[Diagnostic::error(None, format!("--combine cannot be used with {which}"))
                .with_hint("a combined file is for the print shop; screen readers get one file per area (build without --combine)")],
        );
        return false;
    }
    true
}

/// The batch settings the arguments ask for, dated by [`timestamp`].
fn batch_options(session: &Session, args: &BuildArgs, target: Target) -> BatchOptions {
    let mut build = BuildOptions {
        pdf: PdfOptions {
            timestamp: timestamp(session),
            ..args.print.pdf_options()
        },
        ..BuildOptions::for_target(target)
    };
    if let Some(bleed) = args.print.bleed {
        build.layout.bleed = bleed.0;
    }
    BatchOptions {
        out: args.out.clone(),
        threads: args.jobs.map_or(0, usize::from),
        build,
        interrupt: Some(interrupt::flag()),
    }
}

/// The exit code: 0 when everything was built and reported; 2 when nothing
/// could be built and the input says why; else 1. Combined files: 1 if
/// some were not written, 2 if none was; the worse code wins.
fn exit_code(
    results: &[JobResult],
    report_written: bool,
    combined: Option<&[combine::CombineResult]>,
) -> u8 {
    let failed: Vec<&JobResult> = results.iter().filter(|r| !r.is_built()).collect();
    let input_only = failed.iter().all(|r| {
        matches!(
            r.outcome,
            Outcome::Failed {
                failure: Failure::Input,
                ..
            }
        )
    });
    let code = if failed.is_empty() && report_written {
        exit::OK
    } else if failed.len() == results.len() && input_only {
        // Nothing could be built and the input says why: fix it first.
        exit::BAD_INPUT
    } else {
        exit::FAILED
    };
    let combined_code = match combined {
        Some(c) if c.iter().all(|r| r.is_written()) => exit::OK,
        Some(c) if c.iter().any(|r| r.is_written()) => exit::FAILED,
        Some(_) => exit::BAD_INPUT,
        None => exit::OK,
    };
    code.max(combined_code)
}

/// `--combine`: writes the combined files, one line each; prints why any
/// was not written.
fn combine_all(
    session: &Session,
    args: &BuildArgs,
    jobs: &[Job<'_>],
    options: &BatchOptions,
) -> Vec<combine::CombineResult> {
    let broken = selection(&args.common).broken_areas(&session.project);
    let lock = Mutex::new(());
    let results = combine::write_all(
        &session.project,
        jobs,
        &broken,
        &session.fonts,
        &options.build,
        &args.out,
        &|r| {
            let _guard = lock.lock();
            if let combine::CombineOutcome::Written {
                path,
                pages_per_area,
                areas,
                bytes,
                ..
            } = &r.outcome
            {
                println!(
                    "wrote {} ({} areas × {pages_per_area} pages, {} KB)",
                    path.display(),
                    areas.len(),
                    bytes.div_ceil(1024)
                );
            }
        },
    );
    for r in &results {
        if let combine::CombineOutcome::Failed { area, errors } = &r.outcome {
            let why = match area {
                Some(a) => format!("area `{a}` failed"),
                None => "it could not be written".to_owned(),
            };
            eprintln!(
                "\n✗ no combined file for {} {} ({}): {why}",
                r.resource, r.variant, r.format
            );
            emit(&session.sources, errors);
        }
    }
    results
}

/// Writes `report.json`, or removes the one an earlier run left; prints why
/// it could not be written. Whether it was written.
fn write_report(session: &Session, path: &std::path::Path, json: &[u8]) -> bool {
    match write::atomic_or_removed(path, json) {
        Ok(()) => true,
        Err(why) => {
            emit(
                &session.sources,
                &[Diagnostic::error(
                    None,
                    format!("cannot write `{}`: {why}", path.display()),
                )
                .with_hint("the PDFs written are complete; fix this and build again to get a report")],
            );
            false
        }
    }
}

/// Prints the failures with their diagnostics, then one line of totals.
fn summary(
    session: &Session,
    results: &[JobResult],
    elapsed: Duration,
    args: &BuildArgs,
    report: Option<&std::path::PathBuf>,
) {
    let mut err = Stderr::new();
    for r in results {
        if let Outcome::Built { warnings, .. } = &r.outcome
            && !warnings.is_empty()
        {
            err.line(&format!(
                "\n⚠ {} was built with warnings:",
                r.path.display()
            ));
            err.diagnostics(&session.sources, warnings);
        }
    }
    drop(err);
    let not_started = results.iter().filter(|r| is_interrupted(r)).count();
    let failed: Vec<&JobResult> = results
        .iter()
        .filter(|r| !r.is_built() && !is_interrupted(r))
        .collect();
    if !failed.is_empty() {
        eprintln!();
        eprintln!("{} of {} documents failed:", failed.len(), results.len());
        let mut shown: Vec<&[Diagnostic]> = Vec::new();
        for r in &failed {
            eprintln!(
                "\n✗ {} ({} {}, area {})",
                r.path.display(),
                r.resource,
                r.variant,
                r.area
            );
            if let Outcome::Failed { errors, .. } = &r.outcome {
                // A broken area fails every document the same way: say it once.
                if shown.contains(&errors.as_slice()) {
                    eprintln!("  (the same problems as above)");
                } else {
                    emit(&session.sources, errors);
                    shown.push(errors);
                }
            }
        }
    }
    if not_started > 0 {
        eprintln!(
            "\ninterrupted (Ctrl-C): {not_started} documents were not started; every file written is complete"
        );
    }
    let built = results.len() - failed.len() - not_started;
    let secs = elapsed.as_secs_f64();
    println!(
        "{built} of {} documents built in {secs:.2} s ({:.0} documents/s) into {}",
        results.len(),
        if secs > 0.0 { built as f64 / secs } else { 0.0 },
        args.out.display()
    );
    if let Some(path) = report {
        println!("report: {}", path.display());
    }
}

/// Whether the job was skipped because the run was interrupted.
fn is_interrupted(r: &JobResult) -> bool {
    matches!(
        r.outcome,
        Outcome::Failed {
            failure: Failure::Interrupted,
            ..
        }
    )
}

/// A progress bar on a terminal, one plain line per document otherwise.
struct Progress {
    bar: Option<ProgressBar>,
    lock: Mutex<()>,
}

impl Progress {
    fn new(len: usize) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new(len as u64);
            if let Ok(style) = ProgressStyle::with_template(
                "{spinner} [{bar:30}] {pos}/{len} documents, {eta} left  {wide_msg}",
            ) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Progress {
            bar,
            lock: Mutex::new(()),
        }
    }

    fn done(&self, r: &JobResult) {
        match &self.bar {
            Some(bar) => {
                if !r.is_built() {
                    bar.println(format!(
                        "✗ {} failed (details at the end)",
                        r.path.display()
                    ));
                }
                bar.set_message(format!("{}/{}", r.area, r.resource));
                bar.inc(1);
            }
            None => {
                // One whole line at a time, even from many threads.
                let _guard = self.lock.lock();
                match &r.outcome {
                    Outcome::Built {
                        pages,
                        bytes,
                        warnings,
                        ..
                    } => println!(
                        "wrote {} ({pages} pages, {} KB{})",
                        r.path.display(),
                        bytes.div_ceil(1024),
                        match warnings.len() {
                            0 => String::new(),
                            1 => ", 1 warning: see the end".to_string(),
                            n => format!(", {n} warnings: see the end"),
                        }
                    ),
                    Outcome::Failed { .. } => eprintln!(
                        "failed: {} ({}, {})",
                        r.path.display(),
                        r.resource,
                        r.variant
                    ),
                }
            }
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// The documents' creation date: `SOURCE_DATE_EPOCH` if set, else the
/// newest modification time of the input files, so an unchanged input
/// rebuilds to identical bytes.
fn timestamp(session: &Session) -> i64 {
    if let Some(t) = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse().ok())
    {
        return t;
    }
    newest_input(&session.root, &session.sources).unwrap_or(PdfOptions::default().timestamp)
}

/// The newest modification time of the files read (seconds since 1970),
/// for a creation date that only changes when the input does. Source paths
/// are relative to `root`.
fn newest_input(root: &std::path::Path, sources: &wellprint::diag::Sources) -> Option<i64> {
    sources
        .files()
        .iter()
        .filter_map(|f| std::fs::metadata(root.join(&f.path)).ok()?.modified().ok())
        .max()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .and_then(|d| i64::try_from(d.as_secs()).ok())
}

/// Prints what the Easy Read check (made once per resource when the
/// project loaded) found in each resource with an Easy Read document among
/// `jobs`, other than errors: waived findings, warnings and waivers that
/// waive nothing. Errors stop those documents in the library and are
/// listed with each failed document (and in `report.json`).
fn easy_read_check(session: &Session, jobs: &[Job<'_>]) {
    let ids: std::collections::BTreeSet<&str> = jobs
        .iter()
        .filter(|j| j.variant == Variant::EasyRead)
        .map(|j| j.resource.id.value.as_str())
        .collect();
    for (id, check) in session.project.easy_read.iter() {
        if let (true, Ok(report)) = (ids.contains(id), check) {
            for line in super::check::waived_lines(session, id, report) {
                println!("{line}");
            }
            emit(&session.sources, &report.warning_diagnostics());
        }
    }
}
