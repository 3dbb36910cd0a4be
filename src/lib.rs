//! wellprint turns TOML descriptions of mental-health recovery resources into
//! print-ready, accessible PDFs.
//!
//! The work runs in stages; each hands one typed value to the next and
//! imports only the stages below it:
//!
//! 0. [`files`]: the project's files, from a folder ([`files::Disk`]) or
//!    from memory ([`files::Memory`]); [`geom`], [`colour`] and [`diag`]
//!    (diagnostics pointing at file, line and column) sit beside it;
//! 1. [`model`]: TOML files → checked [`model::Project`]; [`pictures`]
//!    reads the pictures it names and [`check`] checks its Easy Read text;
//! 2. [`resolve`]: one resource × variant × area → [`resolve::Document`];
//! 3. [`layout`]: document → [`layout::Frame`]s (shaped, broken, placed);
//! 4. [`render`]: frames → PDF bytes, checked by [`preflight`] (which
//!    reads PDFs back with [`inspect`]);
//! 5. [`finish`]: bytes → files written atomically, the build report,
//!    slug lines, bookmarks and card sheets.
//!
//! [`web`] writes a resolved document as one HTML page instead (stage 2 →
//! HTML, beside layout and render).
//!
//! [`pipeline`] sits above them all: it loads a project ([`load`] →
//! [`Loaded`]), plans jobs and runs the stages for one document
//! ([`build`]), a batch, combined files or card sheets. The command line
//! is a thin shell over it.
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use wellprint::files::Disk;
//! let files = Disk::new(".");
//! let mut sources = wellprint::diag::Sources::new();
//! let project = wellprint::load(&files, &mut sources).map_err(|_| "bad input")?;
//! let fonts = wellprint::Fonts::load(&files).map_err(|d| d.message)?;
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
//!
//! [`files::Memory`] takes the same place as [`files::Disk`] for a project
//! held in memory (see `examples/in_memory.rs`).

pub mod check;
pub mod colour;
pub mod diag;
pub mod files;
pub mod finish;
pub mod geom;
pub mod inspect;
pub mod layout;
pub mod model;
pub mod pictures;
pub mod pipeline;
pub mod preflight;
pub mod render;
pub mod resolve;
pub mod rules;
#[cfg(feature = "serve")]
pub mod serve;
pub mod web;

pub use finish::Target;
pub use pipeline::{
    BuildOptions, Built, Fonts, Job, Loaded, all_jobs, build, easy_read_gate, lay_out,
    lay_out_with_metadata, load, load_lenient, render_frames, slug_job, web_page,
};
