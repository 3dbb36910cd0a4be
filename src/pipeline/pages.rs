//! `build --for web`: every selected document as a web page,
//! `out/<area>/<resource>-<variant>.html`, each written atomically.

use std::path::{Path, PathBuf};

use super::{Job, Loaded, web_page};
use crate::diag::Diagnostic;
use crate::finish::{inside, write};

/// What became of one page.
#[derive(Debug)]
pub struct PageResult {
    /// Where the page goes below `out`.
    pub path: PathBuf,
    /// `Ok` with its size in bytes, or why it was not written.
    pub outcome: Result<usize, Vec<Diagnostic>>,
}

/// Where `job`'s page goes below `out`.
pub fn page_path(out: &Path, job: &Job) -> Result<PathBuf, Diagnostic> {
    let file = format!("{}-{}.html", job.resource.id.value, job.variant.name());
    inside(out, &[&job.area.id.value, &file]).map_err(|e| e.diagnostic())
}

/// Writes the page of every job that is its variant's default format (the
/// other formats are print sizes of the same words). The bilingual
/// variant has no page of its own: a web page is one language.
pub fn write_pages(project: &Loaded, jobs: &[Job], out: &Path) -> Vec<PageResult> {
    jobs.iter()
        .filter(|j| j.is_default_format() && j.variant != crate::model::Variant::Bilingual)
        .map(|job| {
            let path = match page_path(out, job) {
                Ok(p) => p,
                Err(d) => {
                    return PageResult {
                        path: out.to_path_buf(),
                        outcome: Err(vec![d]),
                    };
                }
            };
            let outcome = web_page(project, job).and_then(|html| {
                write::atomic_or_removed(&path, html.as_bytes())
                    .map(|()| html.len())
                    .map_err(|m| vec![Diagnostic::error(None, m)])
            });
            PageResult { path, outcome }
        })
        .collect()
}
