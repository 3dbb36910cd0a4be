//! Loading a project for a subcommand, choosing jobs, and printing
//! diagnostics (the only place they are formatted).

use std::io::IsTerminal;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};

use wellprint::diag::{Diagnostic, Severity, Sources};
use wellprint::model::{Project, Variant};
use wellprint::{Fonts, Job};

use crate::cli::{CommonArgs, VariantArg};

/// A loaded project with its fonts.
pub struct Session {
    /// The project folder.
    pub root: std::path::PathBuf,
    /// Every file read, for diagnostics.
    pub sources: Sources,
    /// The checked project.
    pub project: Project,
    /// The bundled fonts.
    pub fonts: Fonts,
    /// Area files with mistakes, left out (only with [`Session::load_lenient`]).
    pub broken: Vec<wellprint::model::BrokenArea>,
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
        let mut sources = Sources::new();
        let loaded = if lenient {
            wellprint::model::load_project_lenient(&root, &mut sources)
        } else {
            wellprint::model::load_project(&root, &mut sources).map(|p| (p, Vec::new()))
        };
        let (project, broken) = match loaded {
            Ok(p) => p,
            Err(errors) => return Err((sources, errors)),
        };
        let fonts = match Fonts::load(&root.join("fonts")) {
            Ok(f) => f,
            Err(e) => return Err((sources, vec![e])),
        };
        Ok(Session {
            root,
            sources,
            project,
            fonts,
            broken,
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
        let p = &self.project;
        unknown(
            "area",
            &args.area,
            p.areas
                .iter()
                .map(|a| a.id.value.as_str())
                .chain(self.broken.iter().map(|b| b.id.as_str())),
        )?;
        unknown(
            "resource",
            &args.resource,
            p.resources.iter().map(|r| r.id.value.as_str()),
        )?;
        let variants: Vec<Variant> = args
            .variant
            .iter()
            .map(|v| match v {
                VariantArg::Standard => Variant::Standard,
                VariantArg::EasyRead => Variant::EasyRead,
                VariantArg::LargePrint => Variant::LargePrint,
            })
            .collect();
        let jobs = wellprint::all_jobs(p)
            .into_iter()
            .filter(|j| args.area.is_empty() || args.area.contains(&j.area.id.value.to_string()))
            .filter(|j| {
                args.resource.is_empty() || args.resource.contains(&j.resource.id.value.to_string())
            })
            .filter(|j| variants.is_empty() || variants.contains(&j.variant))
            .collect();
        Ok(jobs)
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

/// An error for ids on the command line that do not exist.
fn unknown<'a>(
    what: &str,
    asked: &[String],
    known: impl Iterator<Item = &'a str>,
) -> Result<(), Diagnostic> {
    let known: Vec<&str> = known.collect();
    for id in asked {
        if !known.contains(&id.as_str()) {
            return Err(
                Diagnostic::error(None, format!("there is no {what} `{id}`"))
                    .with_hint(format!("the {what}s are: {}", known.join(", "))),
            );
        }
    }
    Ok(())
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
        if let Some(span) = &d.span {
            cs = cs.with_labels(vec![Label::primary(span.file.index(), span.range.clone())]);
        }
        cs = cs.with_notes(d.hints.iter().map(|h| format!("hint: {h}")).collect());
        if term::emit(&mut writer.lock(), &config, &files, &cs).is_err() {
            eprintln!("{}", sources.render_plain(d));
        }
    }
}
