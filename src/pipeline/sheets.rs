//! Card sheets: each selected card laid out once, imposed n-up on office
//! and print-shop sheets ([`crate::finish::sheets`]), rendered and written,
//! with a calibration sheet for duplex alignment first.

use std::path::{Path, PathBuf};

use super::{BuildOptions, Fonts, Job, Loaded, lay_out_with_metadata, render_frames};
use crate::diag::{Diagnostic, SourceResult};
use crate::finish::sheets::{Card, Duplex, SheetLayout, calibration, impose};
use crate::finish::{OutsideOut, inside, write};
use crate::geom::Abs;
use crate::layout::Frame;
use crate::model::Variant;
use crate::render::{Metadata, PdfOptions, turn_pages};

/// The resource put on sheets when none is named.
pub const DEFAULT_RESOURCE: &str = "chime-wallet-card";

/// How to make sheets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SheetsOptions {
    /// The sheet and its grid of cards.
    pub layout: SheetLayout,
    /// How the printer turns the sheet for the backs.
    pub duplex: Duplex,
    /// PDF settings (colour mode).
    pub pdf: PdfOptions,
    /// One file with every card mixed (else one file per card, the sheet
    /// filled with copies).
    pub mixed: bool,
}

/// One sheet file to write: its name in the output folder, its metadata
/// and its pages.
#[derive(Debug, Clone)]
pub struct SheetFile {
    /// File name (`avery-c32011-testshire.pdf`).
    pub name: String,
    /// Title and other metadata.
    pub meta: Metadata,
    /// The sheets, fronts and backs in turn.
    pub frames: Vec<Frame>,
}

/// A sheet file written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Where.
    pub path: PathBuf,
    /// Number of sheets (pages).
    pub sheets: usize,
    /// File size in bytes.
    pub bytes: usize,
}

/// Why a sheet file was not written.
#[derive(Debug)]
pub enum SheetError {
    /// Its name would not stay inside the output folder.
    Outside(OutsideOut),
    /// The back sheets could not be turned (short-edge duplex).
    Turn {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        why: String,
    },
    /// The file could not be written.
    Write {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        error: std::io::Error,
    },
}

/// Lays out the front and back of each selected card (first format only)
/// and plans the files: the calibration sheet first, then one per card
/// (or one mixed). Fails if a card does not lay out or is too big for the
/// layout's cells, or if no card is selected.
pub fn plan(
    loaded: &Loaded,
    jobs: &[Job<'_>],
    fonts: &Fonts,
    options: &SheetsOptions,
) -> SourceResult<Vec<SheetFile>> {
    let layout = options.layout;
    let cards = cards(loaded, jobs, fonts, layout)?;
    let Some((_, first_meta, _)) = cards.first() else {
        return Err(vec![Diagnostic::error(None, "no cards selected")]);
    };
    let mut files = vec![SheetFile {
        name: format!("{layout}-calibration.pdf"),
        meta: Metadata {
            title: format!("wellprint calibration — {layout}"),
            subject: "Duplex alignment check".to_owned(),
            author: first_meta.author.clone(),
            lang: "en-GB".to_owned(),
        },
        frames: calibration(layout, options.duplex, fonts.book()),
    }];
    if options.mixed {
        let meta = Metadata {
            title: format!("{} — {layout}, mixed areas", first_meta.title),
            ..first_meta.clone()
        };
        let all: Vec<Card> = cards.iter().map(|(_, _, c)| c.clone()).collect();
        files.push(SheetFile {
            name: format!("{layout}-mixed.pdf"),
            meta,
            frames: impose(&all, layout),
        });
    } else {
        for (name, meta, card) in &cards {
            let meta = Metadata {
                title: format!("{} — {layout}", meta.title),
                ..meta.clone()
            };
            let copies = vec![card.clone(); layout.grid().len()];
            files.push(SheetFile {
                name: format!("{layout}-{name}.pdf"),
                meta,
                frames: impose(&copies, layout),
            });
        }
    }
    Ok(files)
}

/// Each selected card (first format only) laid out once: its name (area,
/// and variant unless standard), metadata and faces.
fn cards(
    loaded: &Loaded,
    jobs: &[Job<'_>],
    fonts: &Fonts,
    layout: SheetLayout,
) -> SourceResult<Vec<(String, Metadata, Card)>> {
    let grid = layout.grid();
    let mut cards = Vec::new();
    for job in jobs {
        // A bilingual card is two cards (the Welsh, then the English): it
        // has no one front and back to put on a sheet.
        if job.resource.formats.first() != Some(job.format) || job.variant == Variant::Bilingual {
            continue;
        }
        let (meta, mut frames) =
            lay_out_with_metadata(loaded, job, fonts, &BuildOptions::default())?;
        let Some(front) = (!frames.is_empty()).then(|| frames.remove(0)) else {
            continue;
        };
        let slack = Abs::mm(1.0);
        if front.size.w > grid.cell.w + slack || front.size.h > grid.cell.h + slack {
            return Err(vec![Diagnostic::error(
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
            .with_hint("sheets are for cards; choose a card with --resource")]);
        }
        let back = (!frames.is_empty()).then(|| frames.remove(0));
        let mut name = job.area.id.value.to_string();
        if job.variant != Variant::Standard {
            name = format!("{name}-{}", job.variant.name());
        }
        cards.push((name, meta, Card { front, back }));
    }
    Ok(cards)
}

/// Renders `file` and writes it (atomically) into `out`; with short-edge
/// duplex the back sheets are turned.
pub fn write_file(
    out: &Path,
    file: &SheetFile,
    fonts: &Fonts,
    options: &SheetsOptions,
) -> Result<Written, SheetError> {
    let path = inside(out, &[&file.name]).map_err(SheetError::Outside)?;
    let mut bytes = render_frames(&file.frames, &file.meta, fonts, &options.pdf);
    if options.duplex == Duplex::ShortEdge {
        let backs: Vec<usize> = (1..file.frames.len()).step_by(2).collect();
        bytes = turn_pages(&bytes, &backs).map_err(|e| SheetError::Turn {
            path: path.clone(),
            why: e.to_string(),
        })?;
    }
    match write::atomic(&path, &bytes) {
        Ok(()) => Ok(Written {
            path,
            sheets: file.frames.len(),
            bytes: bytes.len(),
        }),
        Err(error) => Err(SheetError::Write { path, error }),
    }
}
