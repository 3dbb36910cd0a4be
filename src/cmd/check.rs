//! `wellprint check`: load and lay out everything, run the Easy Read rules,
//! report problems, write nothing.

use std::process::ExitCode;

use wellprint::BuildOptions;

use super::exit;
use super::session::{Session, emit};
use crate::cli::CheckArgs;

/// Runs the subcommand.
pub fn execute(args: &CheckArgs) -> ExitCode {
    let Ok(session) = Session::load(&args.common) else {
        return ExitCode::from(exit::BAD_INPUT);
    };
    let Some(jobs) = session.jobs_or_report(&args.common) else {
        return ExitCode::from(exit::BAD_INPUT);
    };
    let options = BuildOptions::default();
    let mut failed = 0;
    // Easy Read rules, once per resource.
    let policy = wellprint::check::Policy::default();
    let mut json = Vec::new();
    let mut easy_read_errors = false;
    for resource in &session.project.resources {
        if !args.common.resource.is_empty()
            && !args
                .common
                .resource
                .contains(&resource.id.value.to_string())
        {
            continue;
        }
        match wellprint::check::check_resource(&session.sources, resource, &policy) {
            None => {}
            Some(Err(bad_waivers)) => {
                easy_read_errors = true;
                emit(&session.sources, &bad_waivers);
            }
            Some(Ok(report)) => {
                easy_read_errors |= report.has_errors();
                match args.format {
                    crate::cli::ReportFormat::Json => json.push(format!(
                        "{{\"resource\": \"{}\", \"report\": {}}}",
                        resource.id.value,
                        report.to_json(&session.sources)
                    )),
                    crate::cli::ReportFormat::Human => {
                        emit(&session.sources, &report.diagnostics());
                        for line in waived_lines(&session, &resource.id.value, &report) {
                            eprintln!("{line}");
                        }
                        println!(
                            "Easy Read check of {}: {} errors, {} warnings, {} waived",
                            resource.id.value,
                            report.errors(),
                            report.warnings(),
                            report.waived.len()
                        );
                    }
                }
            }
        }
    }
    if args.format == crate::cli::ReportFormat::Json {
        println!("[{}]", json.join(",\n"));
    }
    if easy_read_errors {
        failed += 1;
    }
    for job in &jobs {
        if let Err(errors) = wellprint::lay_out(&session.project, job, &session.fonts, &options) {
            failed += 1;
            eprintln!(
                "problem in {} ({}) for {}:",
                job.resource.id.value, job.variant, job.area.id.value
            );
            emit(&session.sources, &errors);
        }
    }
    if failed == 0 {
        println!("checked {} documents: no problems", jobs.len());
        ExitCode::from(exit::OK)
    } else {
        eprintln!("{failed} of {} documents have problems", jobs.len());
        ExitCode::from(exit::BAD_INPUT)
    }
}

/// One line per waived finding: `waived in RESOURCE: RULE at FILE:LINE:COL
/// (REASON)`, for `check` and `build` alike.
pub(super) fn waived_lines(
    session: &Session,
    resource: &str,
    report: &wellprint::check::Report,
) -> Vec<String> {
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
