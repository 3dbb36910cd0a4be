//! `wellprint check`: load and lay out everything, report problems, write
//! nothing.

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
    let jobs = match session.jobs(&args.common) {
        Ok(j) => j,
        Err(e) => {
            emit(&session.sources, &[e]);
            return ExitCode::from(exit::BAD_INPUT);
        }
    };
    let options = BuildOptions::default();
    let mut failed = 0;
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
