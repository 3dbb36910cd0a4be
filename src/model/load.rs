//! Reading files and turning TOML syntax and type errors into diagnostics.

use std::fs;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::area::{AreaFile, NationalFile};
use super::resource::ResourceFile;
use super::{Area, Helpline, Project, Resource, convert};
use crate::diag::{Diagnostic, FileId, SourceResult, Sources, Span};

/// The file in `areas/` that holds national helplines, not an area.
pub const NATIONAL_FILE: &str = "national.toml";

/// Loads every resource in `root/resources`, every area in `root/areas` and
/// the national helplines, collecting all problems.
pub fn load_project(root: &Path, sources: &mut Sources) -> SourceResult<Project> {
    let mut errors = Vec::new();
    let mut resources = Vec::new();
    let mut areas = Vec::new();

    for path in toml_files(root, "resources", &mut errors) {
        match load_resource(root, &path, sources) {
            Ok(r) => resources.push(r),
            Err(e) => errors.extend(e),
        }
    }
    for path in toml_files(root, "areas", &mut errors) {
        if path.file_name().is_some_and(|n| n == NATIONAL_FILE) {
            continue;
        }
        match load_area(root, &path, sources) {
            Ok(a) => areas.push(a),
            Err(e) => errors.extend(e),
        }
    }
    let national = root.join("areas").join(NATIONAL_FILE);
    let helplines = if national.exists() {
        load_national(root, &national, sources).unwrap_or_else(|e| {
            errors.extend(e);
            Vec::new()
        })
    } else {
        Vec::new()
    };

    resources.sort_by(|a, b| a.id.value.cmp(&b.id.value));
    areas.sort_by(|a, b| a.id.value.cmp(&b.id.value));
    check_unique("resource", resources.iter().map(|r| &r.id), &mut errors);
    check_unique("area", areas.iter().map(|a| &a.id), &mut errors);

    let pictures = if errors.is_empty() {
        crate::pictures::Pictures::load(root, resources.iter().flat_map(Resource::pictures))
            .unwrap_or_else(|e| {
                errors.extend(e);
                crate::pictures::Pictures::new()
            })
    } else {
        crate::pictures::Pictures::new()
    };
    if errors.is_empty() {
        Ok(Project {
            resources,
            areas,
            helplines,
            pictures,
        })
    } else {
        Err(errors)
    }
}

/// Loads and checks one resource file.
pub fn load_resource(root: &Path, path: &Path, sources: &mut Sources) -> SourceResult<Resource> {
    let (file, raw) = parse::<ResourceFile>(root, path, sources)?;
    convert::resource(file, raw)
}

/// Loads and checks one area file.
pub fn load_area(root: &Path, path: &Path, sources: &mut Sources) -> SourceResult<Area> {
    let (file, raw) = parse::<AreaFile>(root, path, sources)?;
    convert::area(file, raw)
}

/// Loads the national helplines file.
pub fn load_national(
    root: &Path,
    path: &Path,
    sources: &mut Sources,
) -> SourceResult<Vec<Helpline>> {
    let (file, raw) = parse::<NationalFile>(root, path, sources)?;
    Ok(convert::helplines(file, raw))
}

/// The `*.toml` files in `root/dir`, sorted by name.
fn toml_files(root: &Path, dir: &str, errors: &mut Vec<Diagnostic>) -> Vec<std::path::PathBuf> {
    let full = root.join(dir);
    let entries = match fs::read_dir(&full) {
        Ok(e) => e,
        Err(e) => {
            errors.push(
                Diagnostic::error(None, format!("cannot read the folder `{}`: {e}", full.display()))
                    .with_hint(format!(
                        "run wellprint from the project folder (the one with `{dir}/`), or pass --project"
                    )),
            );
            return Vec::new();
        }
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

/// Reads `path`, keeps its text in `sources` and deserialises it.
fn parse<T: DeserializeOwned>(
    root: &Path,
    path: &Path,
    sources: &mut Sources,
) -> SourceResult<(FileId, T)> {
    let shown = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let text = fs::read_to_string(path).map_err(|e| {
        vec![Diagnostic::error(
            None,
            format!("cannot read `{}`: {e}", shown.display()),
        )]
    })?;
    let file = sources.add(shown, text);
    let text = &sources.get(file).text;
    toml::from_str::<T>(text)
        .map(|v| (file, v))
        .map_err(|e| vec![toml_error(file, &e)])
}

/// A toml/serde error as a diagnostic with hints.
fn toml_error(file: FileId, e: &toml::de::Error) -> Diagnostic {
    let span = e.span().map(|r| Span::new(file, r));
    let message = e.message().trim().to_owned();
    let mut diag = Diagnostic::error(span, message.clone());
    if let Some(hint) = unknown_field_hint(&message) {
        diag = diag.with_hint(hint);
    } else if message.starts_with("missing field") {
        diag = diag.with_hint("add the key to this table; docs/format.md lists every key");
    } else if message.contains("leading zero") {
        diag = diag.with_hint(
            "phone numbers are text: put them in double quotes, like phone = \"01632 960 001\"",
        );
    } else if message.contains("invalid type") {
        diag = diag
            .with_hint("text goes in double quotes (\"…\"), numbers without quotes, lists in [ ]");
    } else if e.span().is_some() && !message.contains('`') {
        diag = diag.with_hint(
            "check the TOML syntax near this place: quotes, = signs and [table] headers",
        );
    }
    diag
}

/// "did you mean" for serde's `unknown field `x`, expected one of `a`, `b``.
fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (found, rest) = rest.split_once('`')?;
    let expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    let best = expected
        .iter()
        .map(|c| (strsim::jaro_winkler(found, c), *c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    Some(match best {
        Some((_, c)) => format!("did you mean `{c}`?"),
        None => format!("this table takes only: {}", expected.join(", ")),
    })
}

/// Reports ids used twice.
fn check_unique<'a>(
    what: &str,
    ids: impl Iterator<Item = &'a super::Located<String>>,
    errors: &mut Vec<Diagnostic>,
) {
    let mut seen = std::collections::BTreeSet::new();
    for id in ids {
        if !seen.insert(id.value.as_str()) {
            errors.push(
                Diagnostic::error(
                    id.span.clone(),
                    format!("two {what}s have the id `{}`", id.value),
                )
                .with_hint(format!("give each {what} its own id")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_get_a_suggestion() {
        let hint =
            unknown_field_hint("unknown field `titel`, expected one of `id`, `title`, `size`");
        assert_eq!(hint.as_deref(), Some("did you mean `title`?"));
        let hint = unknown_field_hint("unknown field `zzz`, expected `id` or `name`");
        assert_eq!(hint.as_deref(), Some("this table takes only: id, name"));
    }
}
