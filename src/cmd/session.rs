//! Loading a project for a subcommand, choosing jobs, and printing
//! diagnostics (the only place they are formatted).

use std::io::IsTerminal;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};
use wellprint::diag::Span;

use wellprint::diag::{Diagnostic, Severity, Sources};
use wellprint::files::Disk;
use wellprint::model::Variant;
use wellprint::pipeline::Selection;
use wellprint::{Fonts, Job, Loaded};

use crate::cli::{CommonArgs, VariantArg};

/// A loaded project with its fonts.
pub struct Session {
    /// The project folder.
    pub root: std::path::PathBuf,
    /// Every file read, for diagnostics.
    pub sources: Sources,
    /// The checked project, its pictures and Easy Read checks; area files
    /// with mistakes are left out in `project.broken` (only with
    /// [`Session::load_lenient`]).
    pub project: Loaded,
    /// The bundled fonts.
    pub fonts: Fonts,
}

impl Session {
    /// Loads the project in `args.project`; on failure prints why.
    pub fn load(args: &CommonArgs) -> Result<Session, ()> {
        Session::load_with(args, false)
    }

    /// Like [`Session::load`], but area files with mistakes are left out
    /// (in `broken`) instead of failing the whole project.
    pub fn load_lenient(args: &CommonArgs) -> Result<Session, ()> {
        Session::load_with(args, true)
    }

    fn load_with(args: &CommonArgs, lenient: bool) -> Result<Session, ()> {
        match Session::try_load(args, lenient) {
            Ok(session) => {
                emit(&session.sources, &session.area_warnings());
                Ok(session)
            }
            Err((sources, errors)) => {
                emit(&sources, &errors);
                Err(())
            }
        }
    }

    /// Loads like [`Session::load_lenient`] (`lenient`) or
    /// [`Session::load`], printing nothing: the errors come back with the
    /// files read, for output such as `check --format json`.
    pub fn try_load(
        args: &CommonArgs,
        lenient: bool,
    ) -> Result<Session, (Sources, Vec<Diagnostic>)> {
        let root = args.project.clone();
        let files = Disk::new(&root);
        let mut sources = Sources::new();
        let loaded = if lenient {
            wellprint::load_lenient(&files, &mut sources)
        } else {
            wellprint::load(&files, &mut sources)
        };
        let project = match loaded {
            Ok(p) => p,
            Err(errors) => return Err((sources, errors)),
        };
        let fonts = match Fonts::load(&files) {
            Ok(f) => f,
            Err(e) => return Err((sources, vec![e])),
        };
        Ok(Session {
            root,
            sources,
            project,
            fonts,
        })
    }

    /// The warnings of the areas that loaded (a contact tag no resource
    /// uses).
    pub fn area_warnings(&self) -> Vec<Diagnostic> {
        self.project
            .areas
            .iter()
            .flat_map(|a| a.warnings.iter().cloned())
            .collect()
    }

    /// The jobs the arguments select, in a stable order (area, resource,
    /// variant). Unknown ids are an error listing the known ones.
    pub fn jobs(&self, args: &CommonArgs) -> Result<Vec<Job<'_>>, Diagnostic> {
        selection(args).jobs(&self.project)
    }
}

/// What `--area`, `--resource` and `--variant` select.
pub fn selection(args: &CommonArgs) -> Selection {
    Selection {
        areas: args.area.clone(),
        resources: args.resource.clone(),
        variants: args
            .variant
            .iter()
            .map(|v| match v {
                VariantArg::Standard => Variant::Standard,
                VariantArg::EasyRead => Variant::EasyRead,
                VariantArg::LargePrint => Variant::LargePrint,
                VariantArg::Bilingual => Variant::Bilingual,
            })
            .collect(),
    }
}

impl Session {
    /// [`Session::jobs`], printing the error if the command line names
    /// something that does not exist.
    pub fn jobs_or_report(&self, args: &CommonArgs) -> Option<Vec<Job<'_>>> {
        match self.jobs(args) {
            Ok(j) => Some(j),
            Err(e) => {
                emit(&self.sources, &[e]);
                None
            }
        }
    }
}

impl Session {
    /// Checks before anything is built that files can be written into
    /// `out` (see [`wellprint::finish::write::check_dir`]), printing why
    /// not. `false`: nothing should be built.
    pub fn output_folder_ok(&self, out: &std::path::Path) -> bool {
        match wellprint::finish::write::check_dir(out) {
            Ok(()) => true,
            Err(why) => {
                emit(
                    &self.sources,
                    &[Diagnostic::error(
                        None,
                        format!(
                            "cannot write to the output folder `{}`: {why}",
                            out.display()
                        ),
                    )
                    .with_hint(
                        "use --out to name a folder you can write to (it is made if missing)",
                    )],
                );
                false
            }
        }
    }
}

/// Prints diagnostics to stderr with source excerpts (coloured on a
/// terminal), in one write.
pub fn emit(sources: &Sources, diagnostics: &[Diagnostic]) {
    let mut err = Stderr::new();
    err.diagnostics(sources, diagnostics);
}

/// Text for stderr, gathered in memory and written at once when dropped.
/// A diagnostic is dozens of small pieces; written one by one to a pipe
/// they cost a 300-area build more than laying the cards out.
pub struct Stderr {
    writer: termcolor::BufferWriter,
    buffer: termcolor::Buffer,
}

impl Stderr {
    /// An empty buffer, coloured when stderr is a terminal.
    pub fn new() -> Stderr {
        let choice = if std::io::stderr().is_terminal() {
            termcolor::ColorChoice::Auto
        } else {
            termcolor::ColorChoice::Never
        };
        let writer = termcolor::BufferWriter::stderr(choice);
        let buffer = writer.buffer();
        Stderr { writer, buffer }
    }

    /// Adds one line of text.
    pub fn line(&mut self, text: &str) {
        use std::io::Write;
        // Writing to memory cannot fail.
        let _ = writeln!(self.buffer, "{text}");
    }

    /// Adds diagnostics with their source excerpts.
    pub fn diagnostics(&mut self, sources: &Sources, diagnostics: &[Diagnostic]) {
        write_to(&mut self.buffer, sources, diagnostics);
    }
}

impl Drop for Stderr {
    fn drop(&mut self) {
        // Nothing is left to tell when stderr itself is gone.
        let _ = self.writer.print(&self.buffer);
    }
}

/// Writes diagnostics with their source excerpts to `out`.
fn write_to(out: &mut dyn termcolor::WriteColor, sources: &Sources, diagnostics: &[Diagnostic]) {
    let files = Excerpts::of(sources, diagnostics);
    let config = term::Config::default();
    for d in diagnostics {
        let severity = match d.severity {
            Severity::Error => CsSeverity::Error,
            Severity::Warning => CsSeverity::Warning,
        };
        let mut cs = CsDiagnostic::new(severity).with_message(&d.message);
        let mut labels: Vec<Label<usize>> = d
            .span
            .iter()
            .map(|span| Label::primary(files.id(span), span.range.clone()))
            .collect();
        labels.extend(d.related.iter().map(|(span, note)| {
            Label::secondary(files.id(span), span.range.clone()).with_message(note)
        }));
        cs = cs.with_labels(labels);
        cs = cs.with_notes(d.hints.iter().map(|h| format!("hint: {h}")).collect());
        if term::emit(out, &config, &files.files, &cs).is_err() {
            eprintln!("{}", sources.render_plain(d));
        }
    }
}

/// The source files some diagnostics point into, for their excerpts.
/// Only those files are copied: a batch prints a warning or two per
/// document, and copying every area file for each took a seventh of a
/// 300-area build.
struct Excerpts<'a> {
    files: SimpleFiles<String, &'a str>,
    ids: std::collections::BTreeMap<usize, usize>,
}

impl<'a> Excerpts<'a> {
    fn of(sources: &'a Sources, diagnostics: &[Diagnostic]) -> Excerpts<'a> {
        let mut files = SimpleFiles::new();
        let mut ids = std::collections::BTreeMap::new();
        let spans = diagnostics
            .iter()
            .flat_map(|d| d.span.iter().chain(d.related.iter().map(|(s, _)| s)));
        for span in spans {
            ids.entry(span.file.index()).or_insert_with(|| {
                let f = sources.get(span.file);
                files.add(f.path.display().to_string(), f.text.as_str())
            });
        }
        Excerpts { files, ids }
    }

    /// The excerpt file of a span (every span was seen by [`Excerpts::of`]).
    fn id(&self, span: &Span) -> usize {
        self.ids
            .get(&span.file.index())
            .copied()
            .unwrap_or(usize::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_excerpt_shows_its_own_file() {
        let mut sources = Sources::new();
        sources.add("areas/a.toml", "name = \"A\"\n".to_string());
        let b = sources.add("areas/b.toml", "id = \"b\"\nname = \"Bee\"\n".to_string());
        let c = sources.add("areas/c.toml", "phone = \"12\"\n".to_string());
        let diagnostics = [
            Diagnostic::error(Some(Span::new(c, 8..12)), "bad phone"),
            Diagnostic::warning(Some(Span::new(b, 16..21)), "odd name"),
        ];
        let mut out = termcolor::NoColor::new(Vec::new());
        write_to(&mut out, &sources, &diagnostics);
        let text = String::from_utf8(out.into_inner()).expect("utf-8");
        assert!(text.contains("areas/c.toml:1:9"), "{text}");
        assert!(text.contains("phone = \"12\""), "{text}");
        assert!(text.contains("areas/b.toml:2:8"), "{text}");
        assert!(text.contains("name = \"Bee\""), "{text}");
        assert!(!text.contains("areas/a.toml"), "{text}");
    }
}
