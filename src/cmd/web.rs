//! `wellprint build --for web`: the selected documents as web pages, then
//! a summary of what failed.

use std::path::Path;
use std::process::ExitCode;

use wellprint::Job;
use wellprint::pipeline::pages::write_pages;

use super::exit;
use super::session::{Session, emit};

/// Writes the pages and prints what happened; exit 0, 1 when some pages
/// failed, 2 when every page failed on its input.
pub fn execute(session: &Session, jobs: &[Job], out: &Path) -> ExitCode {
    let results = write_pages(&session.project, jobs, out);
    let mut failed = 0;
    for r in &results {
        match &r.outcome {
            Ok(bytes) => println!("wrote {} ({} KB)", r.path.display(), bytes.div_ceil(1024)),
            Err(diagnostics) => {
                failed += 1;
                eprintln!("✗ {}", r.path.display());
                emit(&session.sources, diagnostics);
            }
        }
    }
    let built = results.len() - failed;
    println!(
        "{built} of {} web pages written into {}",
        results.len(),
        out.display()
    );
    match (built, failed) {
        (_, 0) => ExitCode::from(exit::OK),
        (0, _) => ExitCode::from(exit::BAD_INPUT),
        _ => ExitCode::from(exit::FAILED),
    }
}
