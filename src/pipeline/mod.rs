//! The orchestration above the stages: loading a project from its files
//! ([`load`]), choosing jobs ([`Selection`]), and running model → resolve →
//! layout → render → finish for one document ([`build`]), a batch
//! ([`batch`]), combined files ([`combine`]) and card sheets ([`sheets`]).
//!
//! Only this module calls more than one stage; each stage imports only the
//! ones below it.

pub mod batch;
pub mod combine;
pub mod pages;
mod plan;
pub mod sheets;

pub use plan::{Selection, broken_jobs};

use std::ops::Deref;
use std::path::{Path, PathBuf};

use crate::check::{Checks, Policy};
use crate::diag::{Diagnostic, SourceResult, Sources};
use crate::files::Files;
use crate::finish::{self, Target};
use crate::geom;
use crate::inspect;
use crate::layout::{self, FontBook, Frame, LayoutOptions};
use crate::model::{self, Area, BrokenArea, Format, Logo, Project, Reading, Resource, Variant};
use crate::pictures::Pictures;
use crate::preflight;
use crate::render::{self, Metadata, PdfFonts, PdfOptions};
use crate::resolve::{self, Document};
use crate::rules;
use crate::web;

/// The folder of the bundled fonts, in the project.
pub const FONTS_DIR: &str = "fonts";

/// A project ready to build: the checked model, the pictures it uses and
/// the Easy Read check of every resource. It reads like its model
/// (`loaded.areas`, `loaded.resources`).
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The checked resources, areas and national helplines.
    pub project: Project,
    /// Every picture the resources and the usable areas' logos use, read
    /// and decoded once.
    pub pictures: Pictures,
    /// The Easy Read check of every resource, made once when the project
    /// loads; [`build`] stops an Easy Read document whose text has errors.
    pub easy_read: Checks,
    /// Area files with mistakes (their file, CSV or logo), left out. Always
    /// empty after [`load`]; see [`load_lenient`].
    pub broken: Vec<BrokenArea>,
}

impl Deref for Loaded {
    type Target = Project;

    fn deref(&self) -> &Project {
        &self.project
    }
}

/// Loads the project in `files`: every resource, area and the national
/// helplines, then the pictures, then the Easy Read checks, collecting all
/// problems (an area file with mistakes is one of them).
pub fn load(files: &dyn Files, sources: &mut Sources) -> SourceResult<Loaded> {
    let loaded = load_lenient(files, sources)?;
    if loaded.broken.is_empty() {
        Ok(loaded)
    } else {
        Err(loaded.broken.into_iter().flat_map(|b| b.errors).collect())
    }
}

/// Like [`load`], but an area file with mistakes (in the file, its contacts
/// CSV or its logo) does not stop the others: it is left out, in
/// [`Loaded::broken`]. Mistakes in resources or the pictures they use, in
/// `national.toml` or across files (two areas with one id) still fail the
/// whole project.
pub fn load_lenient(files: &dyn Files, sources: &mut Sources) -> SourceResult<Loaded> {
    let mut reading = model::read_project(files, sources);
    let pictures = load_pictures(files, &mut reading, sources);
    let easy_read = if reading.errors.is_empty() {
        Checks::new(sources, &reading.project.resources, &Policy::default())
    } else {
        Checks::default()
    };
    let (project, broken) = reading.finish()?;
    Ok(Loaded {
        project,
        pictures,
        easy_read,
        broken,
    })
}

/// Reads every picture the resources use (a bad one is an error for the
/// whole project: every area prints it) and each area's logo (a bad one
/// fails only its area, which joins the broken ones).
fn load_pictures(files: &dyn Files, reading: &mut Reading, sources: &Sources) -> Pictures {
    let resources = &reading.project.resources;
    let mut pictures = Pictures::load(files, resources.iter().flat_map(Resource::pictures))
        .unwrap_or_else(|e| {
            reading.errors.extend(e);
            Pictures::new()
        });
    let areas = std::mem::take(&mut reading.project.areas);
    for area in areas {
        let logo = area.logo.as_ref().map(Logo::picture_ref);
        match pictures.add(files, logo.iter()) {
            Ok(()) => reading.project.areas.push(area),
            Err(e) => reading.broken.push(BrokenArea {
                id: area.id.value.to_string(),
                path: sources.path(area.id.span.file).to_path_buf(),
                errors: e,
            }),
        }
    }
    pictures
}

/// The bundled fonts, loaded and parsed once per run and shared by every
/// document.
pub struct Fonts {
    book: FontBook,
    pdf: PdfFonts,
}

impl Fonts {
    /// Loads the faces from the project's `fonts/` folder.
    pub fn load(files: &dyn Files) -> Result<Fonts, Diagnostic> {
        Fonts::new(FontBook::load(files, Path::new(FONTS_DIR))?)
    }

    /// The faces of `book`, prepared for PDFs too.
    pub fn new(book: FontBook) -> Result<Fonts, Diagnostic> {
        let pdf = PdfFonts::new(&book).map_err(|m| Diagnostic::error(None, m))?;
        Ok(Fonts { book, pdf })
    }

    /// The raw faces, for layout.
    pub fn book(&self) -> &FontBook {
        &self.book
    }
}

/// How to build: layout and PDF settings.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BuildOptions {
    /// Bleed and other layout settings.
    pub layout: LayoutOptions,
    /// Timestamp and other PDF settings.
    pub pdf: PdfOptions,
    /// Whether the file is for the print shop or for screens.
    pub target: Target,
}

impl BuildOptions {
    /// The settings for `target`: a screen PDF has no bleed and its folded
    /// formats are not imposed (one page per panel, in reading order). Both
    /// are tagged (structure, language, alternative text, links).
    pub fn for_target(target: Target) -> BuildOptions {
        let mut options = BuildOptions {
            target,
            ..BuildOptions::default()
        };
        if target == Target::Screen {
            options.layout.bleed = geom::Abs::ZERO;
            options.layout.fold = false;
        }
        options
    }
}

impl Default for PdfOptions {
    fn default() -> Self {
        // 2026-01-01T00:00:00Z: a fixed date keeps output reproducible.
        PdfOptions {
            timestamp: 1_767_225_600,
            marks: None,
            colour: render::ColourMode::Rgb,
            pdfx: false,
        }
    }
}

/// One output: a resource in one variant for one area.
#[derive(Debug, Clone, Copy)]
pub struct Job<'a> {
    /// The resource.
    pub resource: &'a Resource,
    /// The variant.
    pub variant: Variant,
    /// The area whose contacts fill it.
    pub area: &'a Area,
    /// The output format (one of the resource's formats).
    pub format: &'a Format,
}

impl Job<'_> {
    /// Stage 2 for this job: the resource filled in for its variant, format
    /// and area.
    pub fn resolve(&self, project: &Project) -> SourceResult<Document> {
        resolve::resolve(
            self.resource,
            self.variant,
            self.format,
            self.area,
            &project.helplines,
        )
    }

    /// Whether the job's format is its variant's first (the one screen
    /// PDFs are made in).
    pub fn is_default_format(&self) -> bool {
        self.resource.formats_for(self.variant).first() == Some(self.format)
    }

    /// Where the job's PDF for `target` goes below `out` (see
    /// [`finish::output_path`]).
    pub fn output_path(&self, out: &Path, target: Target) -> Result<PathBuf, finish::OutsideOut> {
        let is_default = self.is_default_format();
        finish::output_path(
            out,
            &self.area.id.value,
            &self.resource.id.value,
            self.variant,
            (!is_default).then_some(self.format.name.as_str()),
            target,
        )
    }
}

/// Every job of a project, in a stable order: area, then resource, then
/// variant, then format. The bilingual variant is built only for areas
/// that ask for it ([`crate::model::Area::bilingual`]).
pub fn all_jobs(project: &Project) -> Vec<Job<'_>> {
    let mut jobs = Vec::new();
    for area in &project.areas {
        for resource in &project.resources {
            let wanted = |v: &&Variant| **v != Variant::Bilingual || area.bilingual;
            for &variant in resource.variants.keys().filter(wanted) {
                for format in resource.formats_for(variant) {
                    jobs.push(Job {
                        resource,
                        variant,
                        area,
                        format,
                    });
                }
            }
        }
    }
    jobs
}

/// A built document.
#[derive(Debug, Clone)]
pub struct Built {
    /// The PDF file's bytes.
    pub bytes: Vec<u8>,
    /// The laid-out pages.
    pub frames: Vec<Frame>,
    /// Things worth knowing that did not stop the build.
    pub warnings: Vec<Diagnostic>,
    /// Effective resolution of every raster picture placed, in pixels per
    /// inch, with its alternative text.
    pub images: Vec<(String, f64)>,
    /// The print shop's checks on the finished document, read from its
    /// frames (see [`preflight::frames`]).
    pub preflight: Result<preflight::Report, inspect::InspectError>,
}

/// Resolves, lays out and renders one job.
///
/// An Easy Read job whose resource's Easy Read text has errors (see
/// [`Loaded::easy_read`]) is not built: the error lists every
/// finding behind it, each with its rule (`[sentence-too-long] ...`, see
/// [`check::rule_of`]) and place.
pub fn build(
    project: &Loaded,
    job: &Job,
    fonts: &Fonts,
    options: &BuildOptions,
) -> SourceResult<Built> {
    easy_read_gate(project, job)?;
    let (mut doc, mut frames) = resolve_and_lay_out(project, job, fonts, options)?;
    let mut warnings = std::mem::take(&mut doc.warnings);
    slug_job(job, &mut frames, fonts, &options.pdf);
    let meta = Metadata {
        title: doc.title,
        subject: doc.subject,
        author: doc.author,
        lang: doc.lang,
    };
    let preflight = Ok(preflight::frames(&frames, &options.pdf, &fonts.book));
    let bytes = render::pdf(&frames, &meta, &fonts.pdf, &fonts.book, &options.pdf);
    let mut images = Vec::new();
    for frame in &frames {
        let min = rules::min_ppi(frame.size);
        frame.visit(&mut |_, item| {
            if let layout::FrameItem::Image(i) = item {
                let ppi = i.ppi();
                images.push((i.alt.clone(), ppi));
                if ppi < min {
                    warnings.push(
                        Diagnostic::warning(
                            None,
                            format!("the picture \"{}\" prints at {ppi:.0} ppi, below the {min:.0} ppi print shops need", i.alt),
                        )
                        .with_hint("use a larger picture file, or print it smaller"),
                    );
                }
            }
        });
    }
    Ok(Built {
        bytes,
        frames,
        warnings,
        images,
        preflight,
    })
}

/// Resolves and lays out one job, returning the frames with the document
/// metadata (for outputs that rearrange frames, such as card sheets). Like
/// [`build`], it stops an Easy Read job whose text has errors.
pub fn lay_out_with_metadata(
    project: &Loaded,
    job: &Job,
    fonts: &Fonts,
    options: &BuildOptions,
) -> SourceResult<(Metadata, Vec<Frame>)> {
    easy_read_gate(project, job)?;
    let (doc, frames) = resolve_and_lay_out(project, job, fonts, options)?;
    let meta = Metadata {
        title: doc.title,
        subject: doc.subject,
        author: doc.author,
        lang: doc.lang,
    };
    Ok((meta, frames))
}

/// With `--slug` (marks with a slug): adds the slug line (resource, area,
/// variant, date) below the marks of each of `job`'s pages.
pub fn slug_job(job: &Job, frames: &mut [Frame], fonts: &Fonts, options: &PdfOptions) {
    if options.marks.is_some_and(|m| m.slug) {
        let text = format!(
            "{} · {} · {} · {}",
            job.resource.id.value,
            job.area.id.value,
            job.variant,
            render::iso_date(options.timestamp)
        );
        finish::slug(frames, &text, &fonts.book, options);
    }
}

/// Renders frames made elsewhere (card sheets, calibration pages) with the
/// bundled fonts.
pub fn render_frames(
    frames: &[Frame],
    meta: &Metadata,
    fonts: &Fonts,
    options: &PdfOptions,
) -> Vec<u8> {
    render::pdf(frames, meta, &fonts.pdf, &fonts.book, options)
}

/// One job as a self-contained web page (see [`web`]). Like [`build`], it
/// stops an Easy Read job whose text has errors.
pub fn web_page(project: &Loaded, job: &Job) -> SourceResult<String> {
    if job.variant == Variant::Bilingual {
        return Err(vec![
            Diagnostic::error(
                job.resource.id.span.clone(),
                "the bilingual variant has no web page: a web page is in one language",
            )
            .with_hint("make the standard, Easy Read or large-print page"),
        ]);
    }
    easy_read_gate(project, job)?;
    let doc = job.resolve(project)?;
    Ok(web::page(&doc, &project.pictures))
}

/// Resolves and lays out one job without rendering (what `check` does).
pub fn lay_out(
    project: &Loaded,
    job: &Job,
    fonts: &Fonts,
    options: &BuildOptions,
) -> SourceResult<Vec<Frame>> {
    resolve_and_lay_out(project, job, fonts, options).map(|(_, frames)| frames)
}

/// The Easy Read gate: `Err` with the findings when `job` is an Easy Read
/// document whose resource's Easy Read text has errors (checked once per
/// resource when the project loaded).
pub fn easy_read_gate(project: &Loaded, job: &Job) -> SourceResult<()> {
    if job.variant != Variant::EasyRead {
        return Ok(());
    }
    project.easy_read.gate(&job.resource.id.value)
}

/// Stages 2 and 3 for one job.
fn resolve_and_lay_out(
    project: &Loaded,
    job: &Job,
    fonts: &Fonts,
    options: &BuildOptions,
) -> SourceResult<(Document, Vec<Frame>)> {
    let mut doc = job.resolve(project)?;
    let (frames, left_out) =
        layout::layout_fewer(&doc, &fonts.book, &project.pictures, &options.layout)?;
    doc.warnings.extend(left_out);
    Ok((doc, frames))
}
