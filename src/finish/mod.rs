//! Stage 5: files on disk: atomic writes, batches of documents and the
//! build report; and what is done to finished pages for print: slug lines
//! beside crop marks, and cards imposed on sheets.

mod label;
pub mod outline;
pub mod report;
pub mod sheets;
pub mod write;

pub use label::{label, slug};

use std::fmt;
use std::path::{Component, Path, PathBuf};

use crate::diag::Diagnostic;
use crate::model::Variant;

/// What a PDF is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Target {
    /// The print shop: finished size plus bleed (`<name>.pdf`).
    #[default]
    Print,
    /// E-mail and websites: trimmed, RGB, tagged (`<name>-screen.pdf`).
    Screen,
}

/// The longest file or folder name most file systems allow, in bytes.
const NAME_MAX: usize = 255;

/// A path below the output folder that would not stay inside it, or that
/// has a part no file system can hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutsideOut {
    /// The output folder.
    pub out: PathBuf,
    /// The part that is not one plain file or folder name.
    pub part: String,
    /// The path as it would have been (for messages and the report).
    pub path: PathBuf,
}

impl fmt::Display for OutsideOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = if self.part.len() > NAME_MAX {
            format!("is longer than the {NAME_MAX} bytes a file name may have")
        } else {
            "is not a single file or folder name, so the file would not stay inside the output folder"
                .to_owned()
        };
        write!(
            f,
            "`{}` cannot be written below the output folder `{}`: `{}` {why}",
            self.path.display(),
            self.out.display(),
            self.part.escape_debug()
        )
    }
}

impl std::error::Error for OutsideOut {}

impl OutsideOut {
    /// The error as a diagnostic, with a hint.
    pub fn diagnostic(&self) -> Diagnostic {
        Diagnostic::error(None, self.to_string()).with_hint(
            "ids and format names may hold only lower-case letters, digits and hyphens (at most 64)",
        )
    }
}

/// `out` with `parts` below it, each checked to be one plain file or
/// folder name: not empty, no `/` (or `\` on Windows), not `.` or `..`,
/// no root or drive, at most 255 bytes. So the path stays inside `out`
/// whatever the parts are made from. Every output path is made here.
pub fn inside(out: &Path, parts: &[&str]) -> Result<PathBuf, OutsideOut> {
    let mut path = out.to_path_buf();
    let mut bad = None;
    for &part in parts {
        path.push(part);
        let mut components = Path::new(part).components();
        let plain = matches!(
            (components.next(), components.next()),
            (Some(Component::Normal(name)), None) if name == part
        );
        if bad.is_none() && (!plain || part.len() > NAME_MAX || part.contains('\0')) {
            bad = Some(part.to_owned());
        }
    }
    match bad {
        None => Ok(path),
        Some(part) => Err(OutsideOut {
            out: out.to_path_buf(),
            part,
            path,
        }),
    }
}

/// `out/<area>/<resource>-<variant>.pdf`, with `-<format>` before `.pdf`
/// for formats other than the resource's first, and `-screen` last for
/// screen PDFs; checked by [`inside`] to stay inside `out`.
pub fn output_path(
    out: &Path,
    area: &str,
    resource: &str,
    variant: Variant,
    format: Option<&str>,
    target: Target,
) -> Result<PathBuf, OutsideOut> {
    let suffix = format.map(|f| format!("-{f}")).unwrap_or_default();
    let screen = match target {
        Target::Print => "",
        Target::Screen => "-screen",
    };
    let file = format!("{resource}-{}{suffix}{screen}.pdf", variant.name());
    inside(out, &[area, &file])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_stay_inside_out() {
        let out = Path::new("out");
        let ok = output_path(
            out,
            "medway",
            "card",
            Variant::EasyRead,
            Some("a5"),
            Target::Screen,
        );
        assert_eq!(
            ok,
            Ok(PathBuf::from("out/medway/card-easy-read-a5-screen.pdf"))
        );
        let print = Target::Print;
        let standard = Variant::Standard;
        for (area, resource, format) in [
            ("..", "card", None),
            ("medway", "../evil", None),
            ("medway", "../../evil", None),
            ("medway", "card", Some("/tmp/x")),
            ("/tmp", "card", None),
            ("", "card", None),
            ("medway", "nul\0", None),
        ] {
            let err = output_path(out, area, resource, standard, format, print)
                .expect_err(&format!("{area:?} {resource:?} {format:?}"));
            assert!(err.to_string().contains("output folder"), "{err}");
        }
        let long = "x".repeat(300);
        let err = output_path(out, "medway", &long, standard, None, print).expect_err("too long");
        assert!(err.to_string().contains("255 bytes"), "{err}");
        assert_eq!(
            inside(out, &["report.json"]),
            Ok(PathBuf::from("out/report.json"))
        );
        assert!(inside(out, &["."]).is_err());
        assert!(inside(out, &["a/b"]).is_err());
    }
}
