//! `wellprint preflight`: check PDFs (ours or anyone's) for print.

use std::process::ExitCode;

use serde::Serialize;
use wellprint::preflight::{Report, preflight};

use crate::cli::{FormatArg, PreflightArgs};

/// One file's result, for JSON.
#[derive(Serialize)]
struct FileResult {
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<Report>,
}

/// Runs the subcommand: exit 0 when every check passes, 1 when one fails,
/// 2 when a file cannot be read.
pub fn execute(args: &PreflightArgs) -> ExitCode {
    let mut results = Vec::new();
    for path in &args.files {
        let file = path.display().to_string();
        let result = std::fs::read(path)
            .map_err(|e| format!("cannot read: {e}"))
            .and_then(|bytes| preflight(&bytes).map_err(|e| e.to_string()));
        results.push(match result {
            Ok(report) => FileResult {
                file,
                error: None,
                report: Some(report),
            },
            Err(e) => FileResult {
                file,
                error: Some(e),
                report: None,
            },
        });
    }
    match args.format {
        FormatArg::Json => match serde_json::to_string_pretty(&results) {
            Ok(json) => println!("{json}"),
            Err(e) => eprintln!("cannot write JSON: {e}"),
        },
        FormatArg::Human => {
            for r in &results {
                if let Some(e) = &r.error {
                    eprintln!("{}: {e}", r.file);
                }
                if let Some(report) = &r.report {
                    let claim = report
                        .pdfx
                        .as_deref()
                        .map(|v| format!(", claims {v}"))
                        .unwrap_or_default();
                    if report.passed() {
                        println!("{}: passed ({} pages{claim})", r.file, report.pages);
                    } else {
                        println!(
                            "{}: {} problem(s) ({} pages{claim})",
                            r.file,
                            report.findings.len(),
                            report.pages
                        );
                        for f in &report.findings {
                            let page = f.page.map(|p| format!("page {p}: ")).unwrap_or_default();
                            println!("  [{}] {page}{}", f.check, f.message);
                        }
                    }
                    for f in &report.notices {
                        let page = f.page.map(|p| format!("page {p}: ")).unwrap_or_default();
                        println!("  warning [{}] {page}{}", f.check, f.message);
                    }
                }
            }
        }
    }
    if results.iter().any(|r| r.error.is_some()) {
        ExitCode::from(2)
    } else if results
        .iter()
        .any(|r| r.report.as_ref().is_some_and(|rep| !rep.passed()))
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
