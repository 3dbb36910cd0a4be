//! One file for the print shop: every selected area's copy of a resource ×
//! variant × format in one PDF, areas in id order, the same number of
//! pages for each (a variable-data job with a fixed number of pages per
//! record), and a bookmark (outline entry) per area on its first page.
//!
//! Each area is laid out as in a normal build ([`lay_out_with_metadata`],
//! with the same slug line), then every area's frames are rendered together
//! by [`render_frames`], so the file is tagged like any other: one
//! structure tree that reads the areas in page order. The outline is added
//! afterwards ([`with_outline`]).

use std::path::{Path, PathBuf};

use super::{BuildOptions, Fonts, Job, Loaded, lay_out_with_metadata, render_frames, slug_job};
use crate::diag::{Diagnostic, slashes};
use crate::finish::outline::{Bookmark, with_outline};
use crate::finish::report::{CombinedArea, CombinedEntry, CombinedFailure, DiagnosticEntry};
use crate::finish::{OutsideOut, inside, write};
use crate::layout::Frame;
use crate::model::Variant;
use crate::render::Metadata;

/// The folder below the output folder that holds combined files.
pub const FOLDER: &str = "combined";

/// The jobs of one combined file: one resource × variant × format, one job
/// per area, in area id order.
#[derive(Debug, Clone)]
pub struct Group<'a> {
    /// The areas' jobs, in area id order.
    pub jobs: Vec<Job<'a>>,
}

impl Group<'_> {
    /// The first job (every job shares its resource, variant and format).
    fn first(&self) -> Option<&Job<'_>> {
        self.jobs.first()
    }

    /// Resource id, variant and format name, for messages and the report.
    pub fn key(&self) -> (String, Variant, String) {
        match self.first() {
            Some(j) => (
                j.resource.id.value.to_string(),
                j.variant,
                j.format.name.to_string(),
            ),
            None => (String::new(), Variant::Standard, String::new()),
        }
    }

    /// Whether the group's format is its variant's first (no format in the
    /// file name).
    fn is_default_format(&self) -> bool {
        self.first().is_some_and(Job::is_default_format)
    }
}

/// `jobs` grouped by resource × variant × format (in the order each first
/// appears), each group's areas sorted by id.
pub fn groups<'a>(jobs: &[Job<'a>]) -> Vec<Group<'a>> {
    let mut out: Vec<Group<'a>> = Vec::new();
    for job in jobs {
        let same = |g: &&mut Group<'a>| {
            g.first().is_some_and(|f| {
                f.resource.id.value == job.resource.id.value
                    && f.variant == job.variant
                    && f.format == job.format
            })
        };
        match out.iter_mut().find(same) {
            Some(g) => g.jobs.push(*job),
            None => out.push(Group { jobs: vec![*job] }),
        }
    }
    for g in &mut out {
        g.jobs
            .sort_by(|a, b| a.area.id.value.as_str().cmp(b.area.id.value.as_str()));
    }
    out
}

/// `out/combined/<resource>-<variant>[-<format>]-<n>pp.pdf`, the format
/// named as in [`crate::finish::output_path`] (only when not the variant's first),
/// `n` the pages per area; checked by [`inside`].
pub fn combined_path(
    out: &Path,
    group: &Group<'_>,
    pages_per_area: usize,
) -> Result<PathBuf, OutsideOut> {
    let (resource, variant, format) = group.key();
    let suffix = if group.is_default_format() {
        String::new()
    } else {
        format!("-{format}")
    };
    let file = format!(
        "{resource}-{}{suffix}-{pages_per_area}pp.pdf",
        variant.name()
    );
    inside(out, &[FOLDER, &file])
}

/// Where one area's pages start in a combined file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaPages {
    /// Area id.
    pub area: String,
    /// The area's printed name (the bookmark's title).
    pub name: String,
    /// The area's first page, 1-based.
    pub first_page: usize,
}

/// A combined file, made but not yet written.
#[derive(Debug, Clone)]
pub struct Combined {
    /// The PDF.
    pub bytes: Vec<u8>,
    /// Pages for each area (the same for every area).
    pub pages_per_area: usize,
    /// The areas in page order.
    pub areas: Vec<AreaPages>,
}

impl Combined {
    /// Pages in the file.
    pub fn pages(&self) -> usize {
        self.pages_per_area * self.areas.len()
    }
}

/// Why a combined file was not made: the area at fault, and what is wrong.
#[derive(Debug, Clone)]
pub struct AreaFailure {
    /// The area's id.
    pub area: String,
    /// What went wrong.
    pub errors: Vec<Diagnostic>,
}

/// Lays out every area of `group`, renders them into one PDF with a
/// bookmark per area. Fails, naming the area, if an area cannot be laid
/// out or has a different page count from the first.
pub fn combine(
    project: &Loaded,
    group: &Group<'_>,
    fonts: &Fonts,
    options: &BuildOptions,
) -> Result<Combined, AreaFailure> {
    let mut frames: Vec<Frame> = Vec::new();
    let mut areas = Vec::new();
    let mut first_meta: Option<Metadata> = None;
    let mut per_area = None;
    for job in &group.jobs {
        let fail = |errors| AreaFailure {
            area: job.area.id.value.to_string(),
            errors,
        };
        let (meta, mut area_frames) =
            lay_out_with_metadata(project, job, fonts, options).map_err(fail)?;
        let expected = *per_area.get_or_insert(area_frames.len());
        if area_frames.len() != expected {
            return Err(fail(vec![page_count_error(
                job,
                expected,
                area_frames.len(),
            )]));
        }
        slug_job(job, &mut area_frames, fonts, &options.pdf);
        areas.push(AreaPages {
            area: job.area.id.value.to_string(),
            name: job.area.name.value.clone(),
            first_page: frames.len() + 1,
        });
        frames.extend(area_frames);
        first_meta.get_or_insert(meta);
    }
    let meta = first_meta.unwrap_or_else(|| Metadata {
        title: String::new(),
        subject: String::new(),
        author: String::new(),
        lang: "en-GB".to_owned(),
    });
    // The resource's title and subject name the first area: say what the
    // file holds instead.
    let names: Vec<&str> = areas.iter().map(|a| a.name.as_str()).collect();
    let (resource, variant, format) = group.key();
    let meta = Metadata {
        title: format!("{resource} ({variant}, {format}) — {} areas", areas.len()),
        subject: format!(
            "{} pages for each area, in this order: {}",
            per_area.unwrap_or(0),
            names.join(", ")
        ),
        ..meta
    };
    let bytes = render_frames(&frames, &meta, fonts, &options.pdf);
    let marks: Vec<Bookmark<'_>> = areas
        .iter()
        .map(|a| Bookmark {
            title: &a.name,
            page: a.first_page,
        })
        .collect();
    let bytes = with_outline(&bytes, &marks).map_err(|why| AreaFailure {
        area: areas.first().map(|a| a.area.clone()).unwrap_or_default(),
        errors: vec![Diagnostic::error(
            None,
            format!("cannot add the bookmarks: {why}"),
        )],
    })?;
    Ok(Combined {
        bytes,
        pages_per_area: per_area.unwrap_or(0),
        areas,
    })
}

/// What became of one combined file.
#[derive(Debug, Clone)]
pub struct CombineResult {
    /// Resource id.
    pub resource: String,
    /// Variant.
    pub variant: Variant,
    /// Format name.
    pub format: String,
    /// Written, or why not.
    pub outcome: CombineOutcome,
}

/// Written, or why not.
#[derive(Debug, Clone)]
pub enum CombineOutcome {
    /// The file was written.
    Written {
        /// Where.
        path: PathBuf,
        /// Pages for each area.
        pages_per_area: usize,
        /// The areas in page order.
        areas: Vec<AreaPages>,
        /// File size in bytes.
        bytes: u64,
        /// SHA-256 of the file, lower-case hex.
        sha256: String,
    },
    /// Not written (no partial file is left).
    Failed {
        /// The area at fault (`None`: the file could not be written).
        area: Option<String>,
        /// What went wrong.
        errors: Vec<Diagnostic>,
    },
}

impl CombineResult {
    /// Whether the file was written.
    pub fn is_written(&self) -> bool {
        matches!(self.outcome, CombineOutcome::Written { .. })
    }
}

/// Makes and writes (atomically) the combined file of each group of
/// `jobs` below `out`, in parallel, handing each result to `done` as it
/// is finished. `broken` are the ids of selected area files that did not
/// load: every group fails on the first of them (in id order), since the
/// file would lack that area.
pub fn write_all(
    project: &Loaded,
    jobs: &[Job<'_>],
    broken: &[String],
    fonts: &Fonts,
    options: &BuildOptions,
    out: &Path,
    done: &(dyn Fn(&CombineResult) + Sync),
) -> Vec<CombineResult> {
    use rayon::prelude::*;
    let mut broken = broken.to_vec();
    broken.sort();
    groups(jobs)
        .par_iter()
        .map(|group| {
            let (resource, variant, format) = group.key();
            let outcome = match broken.first() {
                Some(area) => CombineOutcome::Failed {
                    area: Some(area.clone()),
                    errors: vec![
                        Diagnostic::error(
                            None,
                            format!("the area file of `{area}` has mistakes (listed above), so its pages are missing"),
                        )
                        .with_hint("fix the area file, or leave the area out with --area"),
                    ],
                },
                None => make_and_write(project, group, fonts, options, out),
            };
            let result = CombineResult {
                resource,
                variant,
                format,
                outcome,
            };
            done(&result);
            result
        })
        .collect()
}

/// [`combine`], then the atomic write.
fn make_and_write(
    project: &Loaded,
    group: &Group<'_>,
    fonts: &Fonts,
    options: &BuildOptions,
    out: &Path,
) -> CombineOutcome {
    let combined = match combine(project, group, fonts, options) {
        Ok(c) => c,
        Err(f) => {
            return CombineOutcome::Failed {
                area: Some(f.area),
                errors: f.errors,
            };
        }
    };
    let failed = |errors| CombineOutcome::Failed { area: None, errors };
    let path = match combined_path(out, group, combined.pages_per_area) {
        Ok(p) => p,
        Err(e) => return failed(vec![e.diagnostic()]),
    };
    if let Err(e) = write::atomic(&path, &combined.bytes) {
        return failed(vec![
            Diagnostic::error(
                None,
                format!("cannot write `{}`: {}", path.display(), write::describe(&e)),
            )
            .with_hint(write::hint(&e)),
        ]);
    }
    use sha2::{Digest, Sha256};
    let sha256 = Sha256::digest(&combined.bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    CombineOutcome::Written {
        path,
        pages_per_area: combined.pages_per_area,
        bytes: combined.bytes.len() as u64,
        areas: combined.areas,
        sha256,
    }
}

/// The report's entries for `results` (paths relative to `out`).
pub fn report_entries(
    sources: &crate::diag::Sources,
    results: &[CombineResult],
    out: &Path,
) -> Vec<CombinedEntry> {
    results
        .iter()
        .map(|r| {
            let mut entry = CombinedEntry {
                path: None,
                resource: r.resource.clone(),
                variant: r.variant.name().to_owned(),
                format: r.format.clone(),
                pages_per_area: 0,
                pages: 0,
                bytes: 0,
                sha256: String::new(),
                areas: Vec::new(),
                failed: None,
            };
            match &r.outcome {
                CombineOutcome::Written {
                    path,
                    pages_per_area,
                    areas,
                    bytes,
                    sha256,
                } => {
                    entry.path = Some(slashes(path.strip_prefix(out).unwrap_or(path)));
                    entry.pages_per_area = *pages_per_area;
                    entry.pages = pages_per_area * areas.len();
                    entry.bytes = *bytes;
                    entry.sha256 = sha256.clone();
                    entry.areas = areas
                        .iter()
                        .map(|a| CombinedArea {
                            area: a.area.clone(),
                            name: a.name.clone(),
                            first_page: a.first_page,
                        })
                        .collect();
                }
                CombineOutcome::Failed { area, errors } => {
                    entry.failed = Some(CombinedFailure {
                        area: area.clone(),
                        errors: errors
                            .iter()
                            .map(|e| DiagnosticEntry::new(sources, e))
                            .collect(),
                    });
                }
            }
            entry
        })
        .collect()
}

/// The error for an area whose page count differs from the first area's.
fn page_count_error(job: &Job<'_>, expected: usize, got: usize) -> Diagnostic {
    Diagnostic::error(
        None,
        format!(
            "area `{}` makes {got} pages of {} ({}, {}), the other areas {expected}: a combined file needs the same number of pages for every area",
            job.area.id.value,
            job.resource.id.value,
            job.variant,
            job.format.name
        ),
    )
    .with_hint("shorten the area's contacts so its document fits, or build it without --combine")
}
