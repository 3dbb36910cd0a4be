//! Reading files and turning TOML syntax and type errors into diagnostics.

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use serde::de::DeserializeOwned;

use super::area::{AreaFile, NationalFile};
use super::resource::ResourceFile;
use super::{Area, BlockContent, Helpline, ImageFormat, Located, Logo, Project, Resource, convert};
use crate::diag::{Diagnostic, FileId, SourceResult, Sources, Span};

/// The file in `areas/` that holds national helplines, not an area.
pub const NATIONAL_FILE: &str = "national.toml";

/// Loads every resource in `root/resources`, every area in `root/areas` and
/// the national helplines, collecting all problems.
pub fn load_project(root: &Path, sources: &mut Sources) -> SourceResult<Project> {
    let (project, broken) = load_project_lenient(root, sources)?;
    if broken.is_empty() {
        Ok(project)
    } else {
        Err(broken.into_iter().flat_map(|b| b.errors).collect())
    }
}

/// An area file with mistakes. The other areas can still be built.
#[derive(Debug, Clone)]
pub struct BrokenArea {
    /// The id the area would have: its file name without `.toml`.
    pub id: String,
    /// The area file, relative to the project folder.
    pub path: PathBuf,
    /// What is wrong with it (or with its contacts CSV or logo).
    pub errors: Vec<Diagnostic>,
}

/// Like [`load_project`], but an area file with mistakes does not stop the
/// others: it is handed back as a [`BrokenArea`]. Mistakes in resources, in
/// `national.toml` or across files (two areas with one id) still fail the
/// whole project.
pub fn load_project_lenient(
    root: &Path,
    sources: &mut Sources,
) -> SourceResult<(Project, Vec<BrokenArea>)> {
    let mut errors = Vec::new();
    let mut resources = Vec::new();
    let mut areas = Vec::new();
    let mut broken = Vec::new();

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
            Err(e) => broken.push(BrokenArea {
                id: path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                path: path.strip_prefix(root).unwrap_or(&path).to_path_buf(),
                errors: e,
            }),
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
    unused_tag_warnings(&resources, &mut areas);

    let pictures = if errors.is_empty() {
        let logos: Vec<Located<String>> = areas
            .iter()
            .filter_map(|a| a.logo.as_ref().map(super::Logo::picture_ref))
            .collect();
        crate::pictures::Pictures::load(
            root,
            resources
                .iter()
                .flat_map(Resource::pictures)
                .chain(logos.iter()),
        )
        .unwrap_or_else(|e| {
            errors.extend(e);
            crate::pictures::Pictures::new()
        })
    } else {
        crate::pictures::Pictures::new()
    };
    if errors.is_empty() {
        let policy = crate::check::Policy::default();
        let easy_read = crate::check::Checks::new(sources, &resources, &policy);
        Ok((
            Project {
                resources,
                areas,
                helplines,
                pictures,
                easy_read,
            },
            broken,
        ))
    } else {
        errors.extend(broken.into_iter().flat_map(|b| b.errors));
        Err(errors)
    }
}

/// Loads and checks one resource file.
pub fn load_resource(root: &Path, path: &Path, sources: &mut Sources) -> SourceResult<Resource> {
    let (file, raw) = parse::<ResourceFile>(root, path, sources)?;
    convert::resource(file, raw)
}

/// Largest logo file accepted, in bytes.
pub const LOGO_MAX_BYTES: u64 = 5 * 1024 * 1024;
/// Largest logo accepted, in pixels along either side.
pub const LOGO_MAX_PIXELS: u32 = 8000;

/// Loads and checks one area file, with its contacts CSV and logo.
pub fn load_area(root: &Path, path: &Path, sources: &mut Sources) -> SourceResult<Area> {
    let (file, raw) = parse::<AreaFile>(root, path, sources)?;
    let base = path.parent().unwrap_or(root);
    let mut errors = Vec::new();
    let mut extras = convert::AreaExtras::default();
    if let Some(csv_path) = &raw.contacts {
        let at = Located::from_spanned(file, csv_path.clone());
        match read_csv(root, base, &at, sources) {
            Ok((contacts, csv_errors)) => {
                extras.csv_contacts = contacts;
                errors.extend(csv_errors);
            }
            Err(e) => errors.push(e),
        }
    }
    if let Some(logo) = &raw.logo {
        let at = Located::from_spanned(file, logo.clone());
        match check_logo(root, base, &at) {
            Ok(logo) => extras.logo = Some(logo),
            Err(e) => errors.push(e),
        }
    }
    match convert::area(file, raw, extras) {
        Ok(area) if errors.is_empty() => Ok(area),
        Ok(_) => Err(errors),
        Err(e) => {
            errors.extend(e);
            Err(errors)
        }
    }
}

/// Reads the contacts CSV an area file names, keeping its text in `sources`.
fn read_csv(
    root: &Path,
    base: &Path,
    at: &Located<String>,
    sources: &mut Sources,
) -> Result<(Vec<super::Contact>, Vec<Diagnostic>), Diagnostic> {
    let (full, shown) = inside_project(root, base, at, "contacts file")?;
    let bytes = fs::read(&full).map_err(|e| {
        Diagnostic::error(
            at.span.clone(),
            format!("cannot read `{}`: {e}", shown.display()),
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        Diagnostic::error(
            at.span.clone(),
            format!(
                "`{}` is not UTF-8 text (first bad byte at offset {offset})",
                shown.display()
            ),
        )
        .with_hint("save the spreadsheet as \"CSV UTF-8 (comma delimited)\"")
    })?;
    let id = sources.add(shown, text);
    Ok(super::csv::contacts(id, &sources.get(id).text))
}

/// Checks that the logo exists inside the project, is a PNG or JPEG and is
/// not too large. Only the header is decoded.
fn check_logo(root: &Path, base: &Path, at: &Located<String>) -> Result<Logo, Diagnostic> {
    let (full, shown) = inside_project(root, base, at, "logo")?;
    let err = |msg: String| Diagnostic::error(at.span.clone(), msg);
    let size = fs::metadata(&full)
        .map_err(|e| err(format!("cannot read `{}`: {e}", shown.display())))?
        .len();
    if size > LOGO_MAX_BYTES {
        return Err(err(format!(
            "the logo `{}` is {:.1} MB; the limit is {} MB",
            shown.display(),
            size as f64 / 1024.0 / 1024.0,
            LOGO_MAX_BYTES / 1024 / 1024
        ))
        .with_hint("export it smaller: 1200 pixels wide is plenty for a card or leaflet"));
    }
    // The format comes from the file's first bytes, never its name.
    let mut head = Vec::with_capacity(16);
    fs::File::open(&full)
        .and_then(|f| std::io::Read::take(f, 16).read_to_end(&mut head))
        .map_err(|e| err(format!("cannot read `{}`: {e}", shown.display())))?;
    let format = match image::guess_format(&head) {
        Ok(image::ImageFormat::Png) => ImageFormat::Png,
        Ok(image::ImageFormat::Jpeg) => ImageFormat::Jpeg,
        other => {
            return Err(err(format!(
                "the logo `{}` is not a PNG or JPEG image{}",
                shown.display(),
                other.map_or(String::new(), |f| format!(" (it is {f:?})"))
            ))
            .with_hint("save the logo as PNG (best for logos) or JPEG"));
        }
    };
    let mut reader = image::ImageReader::open(&full)
        .map_err(|e| err(format!("cannot read `{}`: {e}", shown.display())))?;
    reader.set_format(match format {
        ImageFormat::Png => image::ImageFormat::Png,
        ImageFormat::Jpeg => image::ImageFormat::Jpeg,
    });
    let (width, height) = reader.into_dimensions().map_err(|e| {
        err(format!(
            "the logo `{}` cannot be read: {e}",
            shown.display()
        ))
        .with_hint("open it in an image editor and save it again as PNG")
    })?;
    if width > LOGO_MAX_PIXELS || height > LOGO_MAX_PIXELS {
        return Err(err(format!(
            "the logo `{}` is {width} × {height} pixels; the limit is {LOGO_MAX_PIXELS} on each side",
            shown.display()
        ))
        .with_hint("export it smaller: 1200 pixels wide is plenty for a card or leaflet"));
    }
    Ok(Logo {
        path: shown,
        format,
        width,
        height,
        span: at.span.clone(),
    })
}

/// Resolves a path written in an area file (relative to the file's folder)
/// and checks that it stays inside the project folder, following symlinks.
/// Returns the full path and the path relative to the project.
fn inside_project(
    root: &Path,
    base: &Path,
    at: &Located<String>,
    what: &str,
) -> Result<(PathBuf, PathBuf), Diagnostic> {
    let written = at.value.trim();
    let err = |msg: String| Diagnostic::error(at.span.clone(), msg);
    let outside = || {
        err(format!("the {what} `{written}` is outside the project folder"))
            .with_hint(format!("copy the file into the project (next to the area file) and write its name, like \"{}\"", file_name_of(written)))
    };
    if written.is_empty() {
        return Err(err(format!("the {what} path is empty")));
    }
    let rel = Path::new(written);
    if rel.is_absolute()
        || written.starts_with(['/', '\\'])
        || rel.components().any(|c| matches!(c, Component::Prefix(_)))
    {
        return Err(
            err(format!("the {what} `{written}` is an absolute path")).with_hint(format!(
                "write it relative to the area file's folder, like \"{}\"",
                file_name_of(written)
            )),
        );
    }
    // Lexically: `..` may not climb above the project folder.
    let base_rel = base.strip_prefix(root).unwrap_or(Path::new(""));
    let mut depth: isize = base_rel.components().count() as isize;
    for c in rel.components() {
        match c {
            Component::ParentDir => depth -= 1,
            Component::Normal(_) => depth += 1,
            _ => {}
        }
        if depth < 0 {
            return Err(outside());
        }
    }
    let full = base.join(rel);
    let canon = full.canonicalize().map_err(|_| {
        err(format!("cannot find the {what} `{written}`")).with_hint(format!(
            "the path is relative to the folder of the area file (`{}`)",
            base_rel.display()
        ))
    })?;
    let canon_root = root
        .canonicalize()
        .map_err(|e| err(format!("cannot read the project folder: {e}")))?;
    match canon.strip_prefix(&canon_root) {
        Ok(shown) => Ok((canon.clone(), shown.to_path_buf())),
        Err(_) => Err(outside()),
    }
}

/// The last part of a written path, for hints.
fn file_name_of(written: &str) -> String {
    written
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(written)
        .to_owned()
}

/// Warns about contact tags that no resource's `contacts` block selects
/// (usually a typo: `peer-suport`).
fn unused_tag_warnings(resources: &[Resource], areas: &mut [Area]) {
    if resources.is_empty() {
        return;
    }
    let used: BTreeSet<&str> = resources
        .iter()
        .flat_map(|r| r.variants.values())
        .flat_map(|v| &v.pages)
        .flat_map(|p| &p.blocks)
        .filter_map(|b| match &b.content {
            BlockContent::Contacts { tags, .. } => Some(tags),
            _ => None,
        })
        .flatten()
        .map(|t| t.value.as_str())
        .collect();
    for area in areas {
        let mut warned = BTreeSet::new();
        let mut warnings = Vec::new();
        for tag in area.contacts.iter().flat_map(|c| &c.tags) {
            if used.contains(tag.value.as_str()) || !warned.insert(tag.value.clone()) {
                continue;
            }
            let mut d = Diagnostic::warning(
                tag.span.clone(),
                format!("no resource shows contacts tagged `{}`", tag.value),
            );
            d = match used
                .iter()
                .map(|u| (strsim::jaro_winkler(&tag.value, u), *u))
                .filter(|(s, _)| *s > 0.8)
                .max_by(|a, b| a.0.total_cmp(&b.0))
            {
                Some((_, u)) => d.with_hint(format!("did you mean `{u}`?")),
                None if used.is_empty() => {
                    d.with_hint("no resource has a `contacts` block with `tags`")
                }
                None => d.with_hint(format!(
                    "the resources' contacts blocks use: {}",
                    used.iter().copied().collect::<Vec<_>>().join(", ")
                )),
            };
            warnings.push(d);
        }
        area.warnings.extend(warnings);
    }
}

/// Loads the national helplines file.
pub fn load_national(
    root: &Path,
    path: &Path,
    sources: &mut Sources,
) -> SourceResult<Vec<Helpline>> {
    let (file, raw) = parse::<NationalFile>(root, path, sources)?;
    convert::helplines(file, raw)
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
