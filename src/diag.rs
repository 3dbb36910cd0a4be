//! Diagnostics as data: what went wrong, where, and how to fix it.
//!
//! Library code never prints. It returns [`Diagnostic`]s that point into
//! [`Sources`] by byte range; only the command line formats them.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// Identifies one loaded source file inside [`Sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct FileId(usize);

impl FileId {
    /// The index of the file in [`Sources`].
    pub fn index(self) -> usize {
        self.0
    }
}

/// A byte range in one source file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Span {
    /// The file.
    pub file: FileId,
    /// Byte range inside the file's text.
    pub range: Range<usize>,
}

impl Span {
    /// A span covering `range` in `file`.
    pub fn new(file: FileId, range: Range<usize>) -> Self {
        Span { file, range }
    }
}

/// How bad a diagnostic is (`"error"` or `"warning"` in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Stops the output it concerns.
    Error,
    /// Worth knowing; the output is still made.
    Warning,
}

/// One problem found in the input, with its location and hints.
///
/// Serialised as is, the span is a file id and a byte range; with the
/// sources at hand, [`Sources::resolve`] spells out the file, line and
/// column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where in which file, if the problem has a place.
    pub span: Option<Span>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it.
    pub hints: Vec<String>,
    /// Other places that explain it (the area contact that made a block
    /// too tall), each with a note.
    pub related: Vec<(Span, String)>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(span: impl Into<Option<Span>>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            span: span.into(),
            message: message.into(),
            hints: Vec::new(),
            related: Vec::new(),
        }
    }

    /// A warning at `span`.
    pub fn warning(span: impl Into<Option<Span>>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(span, message)
        }
    }

    /// The same diagnostic with one more hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// The same diagnostic with one more place that explains it.
    pub fn with_related(mut self, span: Span, note: impl Into<String>) -> Self {
        self.related.push((span, note.into()));
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A diagnostic with its place spelled out (see [`Sources::resolve`]), for
/// JSON output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resolved {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// The file, relative to the project folder with `/` separators, if
    /// the problem has a place.
    pub file: Option<String>,
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based column, in characters.
    pub column: Option<usize>,
    /// How to fix it.
    pub hints: Vec<String>,
}

/// A path with `/` separators on every platform.
pub fn slashes(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

impl fmt::Display for Diagnostic {
    /// The message alone, without location (see [`Sources::locate`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// A result that may carry many errors at once.
pub type SourceResult<T> = Result<T, Vec<Diagnostic>>;

/// One loaded text file.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user would recognise it (relative to the project).
    pub path: PathBuf,
    /// The full text.
    pub text: String,
}

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    /// Line number, from 1.
    pub line: usize,
    /// Column number, from 1.
    pub column: usize,
}

/// Every source file read during a run, so diagnostics can be shown.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps `text` read from `path` and returns its id.
    pub fn add(&mut self, path: impl Into<PathBuf>, text: String) -> FileId {
        self.files.push(SourceFile {
            path: path.into(),
            text,
        });
        FileId(self.files.len() - 1)
    }

    /// The file behind `id`.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0]
    }

    /// All files in the order they were added.
    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    /// The path of file `id`.
    pub fn path(&self, id: FileId) -> &Path {
        &self.files[id.0].path
    }

    /// Line and column of the start of `span`.
    pub fn line_col(&self, span: &Span) -> LineCol {
        let text = &self.get(span.file).text;
        let start = span.range.start.min(text.len());
        let before = text.get(..start).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        LineCol { line, column }
    }

    /// `diag` with its file, line and column spelled out. A span whose
    /// file is not in these sources has no place.
    pub fn resolve(&self, diag: &Diagnostic) -> Resolved {
        let place = diag
            .span
            .as_ref()
            .filter(|span| span.file.0 < self.files.len())
            .map(|span| (slashes(self.path(span.file)), self.line_col(span)));
        Resolved {
            severity: diag.severity,
            message: diag.message.clone(),
            line: place.as_ref().map(|(_, lc)| lc.line),
            column: place.as_ref().map(|(_, lc)| lc.column),
            file: place.map(|(file, _)| file),
            // Related places are told as hints that name them, so that the
            // report's shape stays one place per diagnostic.
            hints: diag
                .hints
                .iter()
                .cloned()
                .chain(self.related_notes(diag))
                .collect(),
        }
    }

    /// `path:line:column` for a span, as editors understand it.
    pub fn locate(&self, span: &Span) -> String {
        let lc = self.line_col(span);
        format!(
            "{}:{}:{}",
            self.path(span.file).display(),
            lc.line,
            lc.column
        )
    }

    /// Each related place as `path:line:column: note`.
    fn related_notes<'a>(&'a self, diag: &'a Diagnostic) -> impl Iterator<Item = String> + 'a {
        diag.related
            .iter()
            .filter(|(span, _)| span.file.0 < self.files.len())
            .map(|(span, note)| format!("{}: {note}", self.locate(span)))
    }

    /// A diagnostic as one plain line plus hints: `path:line:col: error: message`.
    pub fn render_plain(&self, diag: &Diagnostic) -> String {
        let level = match diag.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut out = match &diag.span {
            Some(span) => format!("{}: {level}: {}", self.locate(span), diag.message),
            None => format!("{level}: {}", diag.message),
        };
        for hint in &diag.hints {
            out.push_str("\n  hint: ");
            out.push_str(hint);
        }
        for note in self.related_notes(diag) {
            out.push_str("\n  note: ");
            out.push_str(&note);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_serialise_with_their_place() {
        let mut s = Sources::new();
        let file = s.add("areas/a.toml", "id = \"a\"\nname = 3\n".to_owned());
        let d = Diagnostic::error(Span::new(file, 16..17), "invalid type").with_hint("quote it");
        let json = serde_json::to_value(s.resolve(&d)).expect("serialises");
        assert_eq!(
            json,
            serde_json::json!({
                "severity": "error",
                "message": "invalid type",
                "file": "areas/a.toml",
                "line": 2,
                "column": 8,
                "hints": ["quote it"],
            })
        );
        let raw = serde_json::to_value(&d).expect("serialises");
        assert_eq!(
            raw["span"]["range"],
            serde_json::json!({"start": 16, "end": 17})
        );
        let nowhere = s.resolve(&Diagnostic::warning(None, "w"));
        assert_eq!((nowhere.file, nowhere.line), (None, None));
    }

    #[test]
    fn line_and_column_count_characters() {
        let mut s = Sources::new();
        let id = s.add("a.toml", "a = 1\nŵŷ = x\n".to_owned());
        let pos = "a = 1\nŵŷ = ".len();
        let lc = s.line_col(&Span::new(id, pos..pos + 1));
        assert_eq!(lc, LineCol { line: 2, column: 6 });
        assert_eq!(s.locate(&Span::new(id, 0..1)), "a.toml:1:1");
    }
}
