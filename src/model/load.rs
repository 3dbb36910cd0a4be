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

/// Like [`load_project`], but an area file with mistakes (in the file, its
/// contacts CSV or its logo) does not stop the others: it is handed back as
/// a [`BrokenArea`]. Mistakes in resources or the pictures they use, in
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
    check_unique(
        "resource",
        resources.iter().map(|r| &r.id),
        sources,
        &mut errors,
    );
    check_unique("area", areas.iter().map(|a| &a.id), sources, &mut errors);
    unused_tag_warnings(&resources, &mut areas);

    let (pictures, areas) =
        load_pictures(root, &resources, areas, sources, &mut errors, &mut broken);
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

/// Reads every picture the resources use (a bad one is an error for the
/// whole project: every area prints it) and each area's logo (a bad one
/// fails only its area, which joins `broken`). Returns the pictures and the
/// areas still usable.
fn load_pictures(
    root: &Path,
    resources: &[Resource],
    areas: Vec<Area>,
    sources: &Sources,
    errors: &mut Vec<Diagnostic>,
    broken: &mut Vec<BrokenArea>,
) -> (crate::pictures::Pictures, Vec<Area>) {
    let mut pictures =
        crate::pictures::Pictures::load(root, resources.iter().flat_map(Resource::pictures))
            .unwrap_or_else(|e| {
                errors.extend(e);
                crate::pictures::Pictures::new()
            });
    let mut usable = Vec::with_capacity(areas.len());
    for area in areas {
        let logo = area.logo.as_ref().map(Logo::picture_ref);
        match pictures.add(root, logo.iter()) {
            Ok(()) => usable.push(area),
            Err(e) => broken.push(BrokenArea {
                id: area.id.value.to_string(),
                path: sources.path(area.id.span.file).to_path_buf(),
                errors: e,
            }),
        }
    }
    broken.sort_by(|a, b| a.path.cmp(&b.path));
    (pictures, usable)
}

/// Loads and checks one resource file.
pub fn load_resource(root: &Path, path: &Path, sources: &mut Sources) -> SourceResult<Resource> {
    let (file, raw, errors) = parse::<ResourceFile>(root, path, sources)?;
    combine(errors, convert::resource(file, raw))
}

/// Largest logo file accepted, in bytes.
pub const LOGO_MAX_BYTES: u64 = 5 * 1024 * 1024;
/// Largest logo accepted, in pixels along either side.
pub const LOGO_MAX_PIXELS: u32 = 8000;

/// Loads and checks one area file, with its contacts CSV and logo.
pub fn load_area(root: &Path, path: &Path, sources: &mut Sources) -> SourceResult<Area> {
    let (file, raw, mut errors) = parse::<AreaFile>(root, path, sources)?;
    let base = path.parent().unwrap_or(root);
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
    combine(errors, convert::area(file, raw, extras))
}

/// Reads the contacts CSV an area file names, keeping its text in `sources`.
fn read_csv(
    root: &Path,
    base: &Path,
    at: &Located<String>,
    sources: &mut Sources,
) -> Result<(Vec<super::Contact>, Vec<Diagnostic>), Diagnostic> {
    let (full, shown) = inside_project(root, base, at, "contacts file")?;
    regular_file(&full, &shown, Some(at.span.clone()))?;
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
    let text = &sources.get(id).text;
    let mut errors = super::csv::unprintable(id, text);
    let (contacts, csv_errors) = super::csv::contacts(id, text);
    errors.extend(csv_errors);
    Ok((contacts, errors))
}

/// Checks that the logo exists inside the project, is a PNG or JPEG and is
/// not too large. Only the header is decoded.
fn check_logo(root: &Path, base: &Path, at: &Located<String>) -> Result<Logo, Diagnostic> {
    let (full, shown) = inside_project(root, base, at, "logo")?;
    let err = |msg: String| Diagnostic::error(at.span.clone(), msg);
    let size = regular_file(&full, &shown, Some(at.span.clone()))?.len();
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

/// Refuses a path that is not a regular file (a folder, a named pipe, a
/// device) before anything opens it: reading a named pipe would wait
/// forever. `fs::metadata` follows symlinks, so the file a link leads to
/// is what counts (for a logo or CSV, `inside_project` has checked that it
/// stays inside the project).
fn regular_file(full: &Path, shown: &Path, span: Option<Span>) -> Result<fs::Metadata, Diagnostic> {
    let meta = fs::metadata(full).map_err(|e| {
        Diagnostic::error(
            span.clone(),
            format!("cannot read `{}`: {e}", shown.display()),
        )
    })?;
    match crate::pictures::not_a_file(&meta) {
        None => Ok(meta),
        Some(kind) => Err(Diagnostic::error(
            span,
            format!("`{}` is {kind}, not a file", shown.display()),
        )
        .with_hint("wellprint reads only ordinary files: replace it with the file itself")),
    }
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
    let (file, raw, errors) = parse::<NationalFile>(root, path, sources)?;
    combine(errors, convert::helplines(file, raw))
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

/// Reads `path`, keeps its text in `sources` and deserialises it. The
/// diagnostics returned with the value are characters that cannot print
/// (see [`printable`](super::printable)); the value is still checked, so
/// one run reports every problem of the file.
fn parse<T: DeserializeOwned>(
    root: &Path,
    path: &Path,
    sources: &mut Sources,
) -> SourceResult<(FileId, T, Vec<Diagnostic>)> {
    let shown = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    regular_file(path, &shown, None).map_err(|d| vec![d])?;
    let bytes = fs::read(path).map_err(|e| {
        vec![Diagnostic::error(
            None,
            format!("cannot read `{}`: {e}", shown.display()),
        )]
    })?;
    let (file, text) = match String::from_utf8(bytes) {
        Ok(text) => {
            let file = sources.add(shown, text);
            (file, &sources.get(file).text)
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let name = shown.display().to_string();
            let file = sources.add(shown, text);
            return Err(vec![not_utf8(Span::new(file, at..at + 1), &name)]);
        }
    };
    let unprintable = super::printable::check(file, text, true);
    match toml::from_str::<T>(text) {
        Ok(v) => Ok((file, v, unprintable)),
        Err(e) => {
            let start = e.span().map(|r| r.start);
            let mut errors = unprintable;
            // A raw control character is also a TOML syntax error there.
            if !errors
                .iter()
                .any(|d| d.span.as_ref().map(|s| s.range.start) == start)
            {
                errors.push(toml_error(file, &e));
            }
            Err(errors)
        }
    }
}

/// The error for a TOML file that is not UTF-8, at its first bad byte.
fn not_utf8(span: Span, name: &str) -> Diagnostic {
    Diagnostic::error(span, format!("`{name}` is not UTF-8 text")).with_hint(
        "save the file as UTF-8: in the editor's \"Save As\", choose the encoding \"UTF-8\"",
    )
}

/// `errors` found before checking, and the checked result: `Ok` only if
/// both are clean.
fn combine<T>(mut errors: Vec<Diagnostic>, checked: SourceResult<T>) -> SourceResult<T> {
    match checked {
        Ok(v) if errors.is_empty() => Ok(v),
        Ok(_) => Err(errors),
        Err(e) => {
            errors.extend(e);
            Err(errors)
        }
    }
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

/// Reports ids used twice, at the second use, naming the file and line of
/// the first.
fn check_unique<'a>(
    what: &str,
    ids: impl Iterator<Item = &'a super::Located<super::Id>>,
    sources: &Sources,
    errors: &mut Vec<Diagnostic>,
) {
    let mut seen: std::collections::BTreeMap<&str, &Span> = std::collections::BTreeMap::new();
    for id in ids {
        match seen.get(id.value.as_str()) {
            Some(first) => errors.push(
                Diagnostic::error(
                    id.span.clone(),
                    format!(
                        "two {what}s have the id `{}`: this one and the one in `{}`",
                        id.value,
                        sources.path(first.file).display()
                    ),
                )
                .with_hint(format!("the first is at {}", sources.locate(first)))
                .with_hint(format!("give each {what} its own id")),
            ),
            None => {
                seen.insert(id.value.as_str(), &id.span);
            }
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
