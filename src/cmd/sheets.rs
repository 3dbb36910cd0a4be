//! `wellprint sheets`: cards n-up on office and print-shop sheets.

use std::path::Path;
use std::process::ExitCode;

use wellprint::diag::Diagnostic;
use wellprint::finish::sheets::{self, Card, Duplex, SheetLayout};
use wellprint::finish::{self, write};
use wellprint::render::{ColourMode, Metadata, PdfOptions};
use wellprint::{BuildOptions, Fonts};

use super::exit;
use super::session::{Session, emit};
use crate::cli::{LayoutArg, SheetsArgs};

/// The resource put on sheets when none is named.
const DEFAULT_RESOURCE: &str = "chime-wallet-card";

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
    let layout = match args.layout {
        LayoutArg::AveryC32011 => SheetLayout::AveryC32011,
        LayoutArg::AveryC32015 => SheetLayout::AveryC32015,
        LayoutArg::A48upBleed => SheetLayout::A4EightUpBleed,
        LayoutArg::Sra3 => SheetLayout::Sra3,
    };
    let duplex = if args.short_edge {
        Duplex::ShortEdge
    } else {
        Duplex::LongEdge
    };
    let pdf = PdfOptions {
        colour: if args.cmyk {
            ColourMode::Cmyk
        } else {
            ColourMode::Rgb
        },
        ..PdfOptions::default()
    };
    let grid = layout.grid();
    let options = BuildOptions::default();

    // Lay out each selected card once (first format only).
    let mut cards: Vec<(String, Metadata, Card)> = Vec::new();
    for job in &jobs {
        if job.resource.formats.first() != Some(job.format) {
            continue;
        }
        match wellprint::lay_out_with_metadata(&session.project, job, &session.fonts, &options) {
            Ok((meta, mut frames)) => {
                let Some(front) = (!frames.is_empty()).then(|| frames.remove(0)) else {
                    continue;
                };
                let slack = wellprint::geom::Abs::mm(1.0);
                if front.size.w > grid.cell.w + slack || front.size.h > grid.cell.h + slack {
                    emit(
                        &session.sources,
                        &[Diagnostic::error(
                            None,
                            format!(
                                "`{}` is {:.0} × {:.0} mm, too big for the {:.0} × {:.0} mm cells of {layout}",
                                job.resource.id.value,
                                front.size.w.to_mm(),
                                front.size.h.to_mm(),
                                grid.cell.w.to_mm(),
                                grid.cell.h.to_mm()
                            ),
                        )
                        .with_hint("sheets are for cards; choose a card with --resource")],
                    );
                    return ExitCode::from(exit::BAD_INPUT);
                }
                let back = (!frames.is_empty()).then(|| frames.remove(0));
                let mut name = job.area.id.value.to_string();
                if job.variant != wellprint::model::Variant::Standard {
                    name = format!("{name}-{}", job.variant.name());
                }
                cards.push((name, meta, Card { front, back }));
            }
            Err(errors) => {
                emit(&session.sources, &errors);
                return ExitCode::from(exit::BAD_INPUT);
            }
        }
    }
    let Some((_, first_meta, _)) = cards.first() else {
        eprintln!("no cards selected");
        return ExitCode::from(exit::BAD_INPUT);
    };

    let mut outputs: Vec<(String, Metadata, Vec<Card>)> = Vec::new();
    if args.mixed {
        let meta = Metadata {
            title: format!("{} — {layout}, mixed areas", first_meta.title),
            ..first_meta.clone()
        };
        let all = cards.iter().map(|(_, _, c)| c.clone()).collect();
        outputs.push((format!("{layout}-mixed"), meta, all));
    } else {
        for (name, meta, card) in &cards {
            let meta = Metadata {
                title: format!("{} — {layout}", meta.title),
                ..meta.clone()
            };
            outputs.push((
                format!("{layout}-{name}"),
                meta,
                vec![card.clone(); grid.len()],
            ));
        }
    }
    let calibration = Metadata {
        title: format!("wellprint calibration — {layout}"),
        subject: "Duplex alignment check".to_owned(),
        author: first_meta.author.clone(),
        lang: "en-GB".to_owned(),
    };
    let mut failed = false;
    let cal_frames = sheets::calibration(layout, duplex, session.fonts.book());
    failed |= !write_sheets(
        &args.out,
        &format!("{layout}-calibration.pdf"),
        &cal_frames,
        &calibration,
        &session.fonts,
        &pdf,
        duplex,
    );
    for (name, meta, cards) in outputs {
        let frames = sheets::impose(&cards, layout);
        failed |= !write_sheets(
            &args.out,
            &format!("{name}.pdf"),
            &frames,
            &meta,
            &session.fonts,
            &pdf,
            duplex,
        );
    }
    if failed {
        ExitCode::from(exit::FAILED)
    } else {
        ExitCode::from(exit::OK)
    }
}

/// Renders and writes one sheet file, `name` in `out`; prints what
/// happened.
fn write_sheets(
    out: &Path,
    name: &str,
    frames: &[wellprint::layout::Frame],
    meta: &Metadata,
    fonts: &Fonts,
    options: &PdfOptions,
    duplex: Duplex,
) -> bool {
    let path = match finish::inside(out, &[name]) {
        Ok(path) => path,
        Err(e) => {
            eprintln!("error: {e}");
            return false;
        }
    };
    let path = path.as_path();
    let mut bytes = wellprint::render_frames(frames, meta, fonts, options);
    if duplex == Duplex::ShortEdge {
        let backs: Vec<usize> = (1..frames.len()).step_by(2).collect();
        match wellprint::render::turn_pages(&bytes, &backs) {
            Ok(b) => bytes = b,
            Err(e) => {
                eprintln!("cannot turn the back sheets of {}: {e}", path.display());
                return false;
            }
        }
    }
    match write::atomic(path, &bytes) {
        Ok(()) => {
            println!(
                "wrote {} ({} sheets, {} KB)",
                path.display(),
                frames.len(),
                bytes.len().div_ceil(1024)
            );
            true
        }
        Err(e) => {
            eprintln!(
                "error: cannot write `{}`: {}",
                path.display(),
                write::describe(&e)
            );
            eprintln!(" = hint: {}", write::hint(&e));
            false
        }
    }
}
