//! `wellprint sheets`: cards n-up on office and print-shop sheets.

use std::process::ExitCode;

use wellprint::finish::sheets::{Duplex, SheetLayout};
use wellprint::finish::write;
use wellprint::pipeline::sheets::{self, DEFAULT_RESOURCE, SheetError, SheetsOptions, Written};
use wellprint::render::{ColourMode, PdfOptions};

use super::exit;
use super::session::{Session, emit};
use crate::cli::{LayoutArg, SheetsArgs};

/// Runs the subcommand.
pub fn execute(args: &SheetsArgs) -> ExitCode {
    let Ok(session) = Session::load(&args.common) else {
        return ExitCode::from(exit::BAD_INPUT);
    };
    let mut common = args.common.clone();
    if common.resource.is_empty() {
        common.resource.push(DEFAULT_RESOURCE.to_owned());
    }
    let jobs = match session.jobs(&common) {
        Ok(j) => j,
        Err(e) => {
            emit(&session.sources, &[e]);
            return ExitCode::from(exit::BAD_INPUT);
        }
    };
    if !session.output_folder_ok(&args.out) {
        return ExitCode::from(exit::BAD_INPUT);
    }
    let options = options(args);
    let files = match sheets::plan(&session.project, &jobs, &session.fonts, &options) {
        Ok(files) => files,
        Err(errors) => {
            emit(&session.sources, &errors);
            return ExitCode::from(exit::BAD_INPUT);
        }
    };
    let mut failed = false;
    for file in &files {
        let written = sheets::write_file(&args.out, file, &session.fonts, &options);
        failed |= !print_written(&written);
    }
    if failed {
        ExitCode::from(exit::FAILED)
    } else {
        ExitCode::from(exit::OK)
    }
}

/// The sheet settings the arguments ask for.
fn options(args: &SheetsArgs) -> SheetsOptions {
    SheetsOptions {
        layout: match args.layout {
            LayoutArg::AveryC32011 => SheetLayout::AveryC32011,
            LayoutArg::AveryC32015 => SheetLayout::AveryC32015,
            LayoutArg::A48upBleed => SheetLayout::A4EightUpBleed,
            LayoutArg::Sra3 => SheetLayout::Sra3,
        },
        duplex: if args.short_edge {
            Duplex::ShortEdge
        } else {
            Duplex::LongEdge
        },
        pdf: PdfOptions {
            colour: if args.cmyk {
                ColourMode::Cmyk
            } else {
                ColourMode::Rgb
            },
            ..PdfOptions::default()
        },
        mixed: args.mixed,
    }
}

/// Prints what became of one sheet file. Whether it was written.
fn print_written(written: &Result<Written, SheetError>) -> bool {
    match written {
        Ok(w) => {
            println!(
                "wrote {} ({} sheets, {} KB)",
                w.path.display(),
                w.sheets,
                w.bytes.div_ceil(1024)
            );
            true
        }
        Err(SheetError::Outside(e)) => {
            eprintln!("error: {e}");
            false
        }
        Err(SheetError::Turn { path, why }) => {
            eprintln!("cannot turn the back sheets of {}: {why}", path.display());
            false
        }
        Err(SheetError::Write { path, error }) => {
            eprintln!(
                "error: cannot write `{}`: {}",
                path.display(),
                write::describe(error)
            );
            eprintln!(" = hint: {}", write::hint(error));
            false
        }
    }
}
