//! wellprint turns TOML descriptions of mental-health recovery resources into
//! print-ready, accessible PDFs.
//!
//! The work runs in stages; each hands one typed value to the next and no
//! stage reaches back:
//!
//! 1. [`model`]: TOML files → checked [`model::Project`] (with [`diag`]
//!    diagnostics pointing at file, line and column);
//! 2. [`resolve`]: one resource × variant × area → [`resolve::Document`];
//! 3. [`layout`]: document → [`layout::Frame`]s (shaped, broken, placed);
//! 4. [`render`]: frames → PDF bytes;
//! 5. [`finish`]: bytes → files, written atomically.
//!
//! [`inspect`] reads finished PDFs back (tests, [`preflight`]).
//! [`finish::sheets`] imposes cards on office and print-shop sheets.
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use std::path::Path;
//! let root = Path::new(".");
//! let mut sources = wellprint::diag::Sources::new();
//! let project = wellprint::model::load_project(root, &mut sources).map_err(|_| "bad input")?;
//! let fonts = wellprint::Fonts::load(&root.join("fonts")).map_err(|d| d.message)?;
//! let resource = &project.resources[0];
//! let variant = wellprint::model::Variant::Standard;
//! let job = wellprint::Job {
//!     resource,
//!     variant,
//!     area: &project.areas[0],
//!     format: &resource.formats_for(variant)[0],
//! };
//! let built = wellprint::build(&project, &job, &fonts, &wellprint::BuildOptions::default())
//!     .map_err(|_| "build failed")?;
//! std::fs::write("card.pdf", built.bytes)?;
//! # Ok(()) }
//! ```

pub mod check;
pub mod colour;
pub mod diag;
pub mod finish;
pub mod geom;
pub mod inspect;
pub mod layout;
pub mod model;
pub mod pictures;
pub mod preflight;
pub mod render;
pub mod resolve;
pub mod rules;
pub mod web;

use std::path::Path;

use diag::{Diagnostic, SourceResult};
use layout::{FontBook, Frame, LayoutOptions};
use model::{Area, Format, Project, Resource, Variant};
use render::{Metadata, PdfFonts, PdfOptions};

/// The bundled fonts, loaded and parsed once per run and shared by every
/// document.
pub struct Fonts {
    book: FontBook,
    pdf: PdfFonts,
}

impl Fonts {
    /// Loads the faces from `dir` (the project's `fonts/`).
    pub fn load(dir: &Path) -> Result<Fonts, Diagnostic> {
        let book = FontBook::load(dir)?;
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

/// What a PDF is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Target {
    /// The print shop: finished size plus bleed (`<name>.pdf`).
    #[default]
    Print,
    /// E-mail and websites: trimmed, RGB, tagged (`<name>-screen.pdf`).
    Screen,
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
    pub fn resolve(&self, project: &Project) -> SourceResult<resolve::Document> {
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
    pub fn output_path(
        &self,
        out: &Path,
        target: Target,
    ) -> Result<std::path::PathBuf, finish::OutsideOut> {
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
/// variant, then format.
pub fn all_jobs(project: &Project) -> Vec<Job<'_>> {
    let mut jobs = Vec::new();
    for area in &project.areas {
        for resource in &project.resources {
            for &variant in resource.variants.keys() {
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
/// [`model::Project::easy_read`]) is not built: the error lists every
/// finding behind it, each with its rule (`[sentence-too-long] ...`, see
/// [`check::rule_of`]) and place.
pub fn build(
    project: &Project,
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
    project: &Project,
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
pub fn web_page(project: &Project, job: &Job) -> SourceResult<String> {
    easy_read_gate(project, job)?;
    let doc = job.resolve(project)?;
    Ok(web::page(&doc, &project.pictures))
}

/// Resolves and lays out one job without rendering (what `check` does).
pub fn lay_out(
    project: &Project,
    job: &Job,
    fonts: &Fonts,
    options: &BuildOptions,
) -> SourceResult<Vec<Frame>> {
    resolve_and_lay_out(project, job, fonts, options).map(|(_, frames)| frames)
}

/// The Easy Read gate: `Err` with the findings when `job` is an Easy Read
/// document whose resource's Easy Read text has errors (checked once per
/// resource when the project loaded).
pub fn easy_read_gate(project: &Project, job: &Job) -> SourceResult<()> {
    if job.variant != Variant::EasyRead {
        return Ok(());
    }
    project.easy_read.gate(&job.resource.id.value)
}

/// Stages 2 and 3 for one job.
fn resolve_and_lay_out(
    project: &Project,
    job: &Job,
    fonts: &Fonts,
    options: &BuildOptions,
) -> SourceResult<(resolve::Document, Vec<Frame>)> {
    let doc = job.resolve(project)?;
    let frames = layout::layout(&doc, &fonts.book, &project.pictures, &options.layout)?;
    Ok((doc, frames))
}
