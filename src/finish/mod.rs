//! Stage 5: files on disk: atomic writes, batches of documents and the
//! build report; and what is done to finished pages for print: slug lines
//! beside crop marks, and cards imposed on sheets.

pub mod batch;
mod label;
pub mod report;
pub mod sheets;
pub mod write;

pub use label::{label, slug};

use std::path::{Path, PathBuf};

use crate::Target;
use crate::model::Variant;

/// `out/<area>/<resource>-<variant>.pdf`, with `-<format>` before `.pdf`
/// for formats other than the resource's first, and `-screen` last for
/// screen PDFs.
pub fn output_path(
    out: &Path,
    area: &str,
    resource: &str,
    variant: Variant,
    format: Option<&str>,
    target: Target,
) -> PathBuf {
    let suffix = format.map(|f| format!("-{f}")).unwrap_or_default();
    let screen = match target {
        Target::Print => "",
        Target::Screen => "-screen",
    };
    out.join(area)
        .join(format!("{resource}-{}{suffix}{screen}.pdf", variant.name()))
}
