//! `wellprint build`: build the selected PDFs into the output folder.

use std::process::ExitCode;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use wellprint::diag::{Diagnostic, Sources};
use wellprint::finish::write;
use wellprint::{BuildOptions, render::PdfOptions};

use super::exit;
use super::session::{Session, emit};
use crate::cli::BuildArgs;

/// Runs the subcommand.
pub fn execute(args: &BuildArgs) -> ExitCode {
    let Ok(session) = Session::load(&args.common) else {
        return ExitCode::from(exit::BAD_INPUT);
    };
    let jobs = match session.jobs(&args.common) {
        Ok(j) => j,
        Err(e) => {
            emit(&session.sources, &[e]);
            return ExitCode::from(exit::BAD_INPUT);
        }
    };
    let options = BuildOptions {
        pdf: PdfOptions {
            timestamp: timestamp(&session.sources),
        },
        ..BuildOptions::for_target(args.target.into())
    };
    let started = Instant::now();
    let mut failed = 0usize;
    let mut bad_input = false;
    for job in &jobs {
        let path = job.output_path_for(&args.out, options.target);
        match wellprint::build(&session.project, job, &session.fonts, &options) {
            Ok(built) => match write::atomic(&path, &built.bytes) {
                Ok(()) => println!(
                    "wrote {} ({} pages, {} KB)",
                    path.display(),
                    built.frames.len(),
                    built.bytes.len().div_ceil(1024)
                ),
                Err(e) => {
                    failed += 1;
                    emit(
                        &session.sources,
                        &[Diagnostic::error(None, format!("cannot write `{}`: {e}", path.display()))
                            .with_hint("check that the output folder exists, is writable and the disk is not full; use --out to choose another")],
                    );
                }
            },
            Err(errors) => {
                failed += 1;
                bad_input = true;
                eprintln!(
                    "failed: {} ({}, {})",
                    path.display(),
                    job.resource.id.value,
                    job.variant
                );
                emit(&session.sources, &errors);
            }
        }
    }
    let built = jobs.len() - failed;
    println!(
        "{built} of {} documents built in {:.2} s into {}",
        jobs.len(),
        started.elapsed().as_secs_f64(),
        args.out.display()
    );
    if failed == 0 {
        ExitCode::from(exit::OK)
    } else if bad_input {
        ExitCode::from(exit::BAD_INPUT)
    } else {
        ExitCode::from(exit::FAILED)
    }
}

/// The documents' creation date: `SOURCE_DATE_EPOCH` if set, else the
/// newest modification time of the input files, so an unchanged input
/// rebuilds to identical bytes.
fn timestamp(sources: &Sources) -> i64 {
    if let Some(t) = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse().ok())
    {
        return t;
    }
    sources
        .files()
        .iter()
        .filter_map(|f| std::fs::metadata(&f.path).ok()?.modified().ok())
        .max()
        .and_then(|t: SystemTime| t.duration_since(UNIX_EPOCH).ok())
        .map_or(PdfOptions::default().timestamp, |d| d.as_secs() as i64)
}
