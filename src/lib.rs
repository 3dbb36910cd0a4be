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
//! [`inspect`] reads finished PDFs back (tests, preflight).
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use std::path::Path;
//! let root = Path::new(".");
//! let mut sources = wellprint::diag::Sources::new();
//! let project = wellprint::model::load_project(root, &mut sources).map_err(|_| "bad input")?;
//! let fonts = wellprint::Fonts::load(&root.join("fonts")).map_err(|d| d.message)?;
//! let job = wellprint::Job {
//!     resource: &project.resources[0],
//!     variant: wellprint::model::Variant::Standard,
//!     area: &project.areas[0],
//!     format: &project.resources[0].formats[0],
//! };
//! let built = wellprint::build(&project, &job, &fonts, &wellprint::BuildOptions::default())
//!     .map_err(|_| "build failed")?;
//! std::fs::write("card.pdf", built.bytes)?;
//! # Ok(()) }
//! ```

pub mod colour;
pub mod diag;
pub mod finish;
pub mod geom;
pub mod inspect;
pub mod layout;
pub mod model;
pub mod pictures;
pub mod render;
pub mod resolve;

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
    /// The settings for `target`: a screen PDF has no bleed. Both are
    /// tagged (structure, language, alternative text, links).
    pub fn for_target(target: Target) -> BuildOptions {
        let mut options = BuildOptions {
            target,
            ..BuildOptions::default()
        };
        if target == Target::Screen {
            options.layout.bleed = geom::Abs::ZERO;
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
    /// Where the job's PDF goes below `out`.
    pub fn output_path(&self, out: &Path) -> std::path::PathBuf {
        let is_default = self.resource.formats.first() == Some(self.format);
        finish::output_path(
            out,
            &self.area.id.value,
            &self.resource.id.value,
            self.variant,
            (!is_default).then_some(self.format.name.as_str()),
        )
    }

    /// Where the job's PDF for `target` goes below `out`: screen PDFs get
    /// `-screen` before `.pdf`.
    pub fn output_path_for(&self, out: &Path, target: Target) -> std::path::PathBuf {
        let path = self.output_path(out);
        match (target, path.file_stem().and_then(|s| s.to_str())) {
            (Target::Screen, Some(stem)) => path.with_file_name(format!("{stem}-screen.pdf")),
            _ => path,
        }
    }
}

/// A built document.
#[derive(Debug, Clone)]
pub struct Built {
    /// The PDF file's bytes.
    pub bytes: Vec<u8>,
    /// The laid-out pages.
    pub frames: Vec<Frame>,
}

/// Resolves, lays out and renders one job.
pub fn build(
    project: &Project,
    job: &Job,
    fonts: &Fonts,
    options: &BuildOptions,
) -> SourceResult<Built> {
    let doc = resolve::resolve(
        job.resource,
        job.variant,
        job.format,
        job.area,
        &project.helplines,
    )?;
    let frames = layout::layout(&doc, &fonts.book, &project.pictures, &options.layout)?;
    let meta = Metadata {
        title: doc.title,
        subject: doc.subject,
        author: doc.author,
        lang: doc.lang,
    };
    let bytes = render::pdf(&frames, &meta, &fonts.pdf, &fonts.book, &options.pdf);
    Ok(Built { bytes, frames })
}

/// Resolves and lays out one job without rendering (what `check` does).
pub fn lay_out(
    project: &Project,
    job: &Job,
    fonts: &Fonts,
    options: &BuildOptions,
) -> SourceResult<Vec<Frame>> {
    let doc = resolve::resolve(
        job.resource,
        job.variant,
        job.format,
        job.area,
        &project.helplines,
    )?;
    layout::layout(&doc, &fonts.book, &project.pictures, &options.layout)
}
