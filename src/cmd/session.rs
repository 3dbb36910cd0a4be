//! Loading a project for a subcommand, choosing jobs, and printing
//! diagnostics (the only place they are formatted).

use std::io::IsTerminal;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};

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
/// terminal).
pub fn emit(sources: &Sources, diagnostics: &[Diagnostic]) {
    let mut files = SimpleFiles::new();
    for f in sources.files() {
        files.add(f.path.display().to_string(), f.text.clone());
    }
    let choice = if std::io::stderr().is_terminal() {
        termcolor::ColorChoice::Auto
    } else {
        termcolor::ColorChoice::Never
    };
    let writer = termcolor::StandardStream::stderr(choice);
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
            .map(|span| Label::primary(span.file.index(), span.range.clone()))
            .collect();
        labels.extend(d.related.iter().map(|(span, note)| {
            Label::secondary(span.file.index(), span.range.clone()).with_message(note)
        }));
        cs = cs.with_labels(labels);
        cs = cs.with_notes(d.hints.iter().map(|h| format!("hint: {h}")).collect());
        if term::emit(&mut writer.lock(), &config, &files, &cs).is_err() {
            eprintln!("{}", sources.render_plain(d));
        }
    }
}
