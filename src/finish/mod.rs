//! Stage 5: files on disk.

pub mod write;

use std::path::{Path, PathBuf};

use crate::model::Variant;

/// `out/<area>/<resource>-<variant>.pdf`.
pub fn output_path(out: &Path, area: &str, resource: &str, variant: Variant) -> PathBuf {
    out.join(area).join(format!("{resource}-{}.pdf", variant.name()))
}
