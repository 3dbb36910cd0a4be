//! Reading files and turning TOML syntax and type errors into diagnostics.
//!
//! Every file is read through [`Files`], so a project loads the same from
//! a folder on disk or from memory.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use serde::de::DeserializeOwned;

use super::area::{AreaFile, NationalFile};
use super::resource::ResourceFile;
use super::{
    Area, BlockContent, Helpline, ImageFormat, Located, Logo, Project, Resource, convert,
    spreadsheet,
};
use crate::diag::{Diagnostic, FileId, SourceResult, Sources, Span, slashes};
use crate::files::{FileError, Files};

/// The file in `areas/` that holds national helplines, not an area.
pub const NATIONAL_FILE: &str = "national.toml";

/// Loads every resource in `resources/`, every area in `areas/` and the
/// national helplines, collecting all problems.
pub fn load_project(files: &dyn Files, sources: &mut Sources) -> SourceResult<Project> {
    let (project, broken) = load_project_lenient(files, sources)?;
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
/// a [`BrokenArea`]. Mistakes in resources, in `national.toml` or across
/// files (two areas with one id) still fail the whole project.
pub fn load_project_lenient(
    files: &dyn Files,
    sources: &mut Sources,
) -> SourceResult<(Project, Vec<BrokenArea>)> {
    read_project(files, sources).finish()
}

/// A project as read, before the last word on it: later steps (pictures)
/// may add errors and broken areas before [`Reading::finish`].
#[derive(Debug)]
pub struct Reading {
    /// What was read (the usable areas and resources).
    pub project: Project,
    /// Area files with mistakes.
    pub broken: Vec<BrokenArea>,
    /// Mistakes that fail the whole project.
    pub errors: Vec<Diagnostic>,
}

impl Reading {
    /// The project and its broken areas (sorted by path) if nothing fails
    /// the whole project; otherwise every error, the broken areas' last.
    pub fn finish(mut self) -> SourceResult<(Project, Vec<BrokenArea>)> {
        self.broken.sort_by(|a, b| a.path.cmp(&b.path));
        if self.errors.is_empty() {
            Ok((self.project, self.broken))
        } else {
            let mut errors = self.errors;
            errors.extend(self.broken.into_iter().flat_map(|b| b.errors));
            Err(errors)
        }
    }
}

/// Reads every resource, area and the national helplines, keeping every
/// problem for [`Reading::finish`].
pub fn read_project(files: &dyn Files, sources: &mut Sources) -> Reading {
    let mut errors = Vec::new();
    let mut resources = Vec::new();
    let mut areas = Vec::new();
    let mut broken = Vec::new();

    for path in toml_files(files, "resources", &mut errors) {
        match load_resource(files, &path, sources) {
            Ok(r) => resources.push(r),
            Err(e) => errors.extend(e),
        }
    }
    for path in toml_files(files, "areas", &mut errors) {
        if path.file_name().is_some_and(|n| n == NATIONAL_FILE) {
            continue;
        }
        match load_area(files, &path, sources) {
            Ok(a) => areas.push(a),
            Err(e) => broken.push(BrokenArea {
                id: path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                path,
                errors: e,
            }),
        }
    }
    let national = Path::new("areas").join(NATIONAL_FILE);
    let helplines = match files.size(&national) {
        Err(FileError::Missing(_)) => Vec::new(),
        _ => load_national(files, &national, sources).unwrap_or_else(|e| {
            errors.extend(e);
            Vec::new()
        }),
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
    Reading {
        project: Project {
            resources,
            areas,
            helplines,
        },
        broken,
        errors,
    }
}

/// Loads and checks one resource file (`path` relative to the project).
pub fn load_resource(
    files: &dyn Files,
    path: &Path,
    sources: &mut Sources,
) -> SourceResult<Resource> {
    let (file, raw, errors) = parse::<ResourceFile>(files, path, sources)?;
    combine(errors, convert::resource(file, raw))
}

/// Largest logo file accepted, in bytes.
pub const LOGO_MAX_BYTES: u64 = 5 * 1024 * 1024;
/// Largest logo accepted, in pixels along either side.
pub const LOGO_MAX_PIXELS: u32 = 8000;

/// Loads and checks one area file (`path` relative to the project), with
/// its contacts file (CSV or spreadsheet) and logo.
pub fn load_area(files: &dyn Files, path: &Path, sources: &mut Sources) -> SourceResult<Area> {
    let (file, raw, mut errors) = parse::<AreaFile>(files, path, sources)?;
    let base = path.parent().unwrap_or(Path::new(""));
    let read = read_contacts(files, file, base, &raw, sources);
    errors.extend(read.errors);
    let mut extras = convert::AreaExtras {
        csv_contacts: read.contacts,
        ..Default::default()
    };
    if let Some(logo) = &raw.logo {
        let at = Located::from_spanned(file, logo.clone());
        match check_logo(files, base, &at) {
            Ok(logo) => extras.logo = Some(logo),
            Err(e) => errors.push(e),
        }
    }
    combine(errors, convert::area(file, raw, extras)).map_err(|mut e| {
        if let Some(sheet) = &read.sheet {
            sheet.places.name(sheet.file, &mut e);
        }
        e
    })
}

/// What an area's `contacts` file gave: its rows and every problem; for a
/// spreadsheet, the sheet read.
#[derive(Debug, Default)]
struct ContactsRead {
    contacts: Vec<super::Contact>,
    errors: Vec<Diagnostic>,
    sheet: Option<SheetRead>,
}

/// The sheet a spreadsheet's contacts came from.
#[derive(Debug)]
struct SheetRead {
    /// Its CSV text in the sources.
    file: FileId,
    /// Its name.
    name: String,
    /// Its cells' places, to name them in messages.
    places: spreadsheet::Places,
}

impl ContactsRead {
    /// Nothing read, because of `error`.
    fn failed(error: Diagnostic) -> ContactsRead {
        ContactsRead {
            errors: vec![error],
            ..ContactsRead::default()
        }
    }
}

/// Reads the contacts file the area names (CSV or spreadsheet, told by
/// its name) and checks that `sheet` goes with a spreadsheet.
fn read_contacts(
    files: &dyn Files,
    file: FileId,
    base: &Path,
    raw: &AreaFile,
    sources: &mut Sources,
) -> ContactsRead {
    let sheet = raw.sheet.clone().map(|s| Located::from_spanned(file, s));
    let Some(written) = &raw.contacts else {
        return match sheet {
            Some(s) => ContactsRead::failed(sheet_without_spreadsheet(&s, None)),
            None => ContactsRead::default(),
        };
    };
    let at = Located::from_spanned(file, written.clone());
    if spreadsheet::is_spreadsheet(Path::new(at.value.trim())) {
        return read_spreadsheet(files, base, &at, sheet.as_ref(), sources)
            .unwrap_or_else(ContactsRead::failed);
    }
    let mut read = match read_csv(files, base, &at, sources) {
        Ok((contacts, errors)) => ContactsRead {
            contacts,
            errors,
            sheet: None,
        },
        Err(e) => ContactsRead::failed(e),
    };
    if let Some(s) = sheet {
        read.errors.push(sheet_without_spreadsheet(&s, Some(&at)));
    }
    read
}

/// The error for `sheet = "…"` in an area whose `contacts` (`contacts`)
/// is not a spreadsheet.
fn sheet_without_spreadsheet(
    sheet: &Located<String>,
    contacts: Option<&Located<String>>,
) -> Diagnostic {
    let (message, hint) = match contacts {
        None => (
            "`sheet` picks a sheet of the `contacts` spreadsheet, but the area has no `contacts`"
                .to_owned(),
            "add contacts = \"<the spreadsheet>.xlsx\" (or .ods), or remove `sheet`".to_owned(),
        ),
        Some(c) => (
            format!(
                "`sheet` picks a sheet of a spreadsheet, but `contacts` is `{}`, which is not one",
                c.value.trim()
            ),
            format!(
                "remove `sheet`, or name a spreadsheet in `contacts` ({})",
                spreadsheet::EXTENSIONS.map(|e| format!(".{e}")).join(", ")
            ),
        ),
    };
    Diagnostic::error(sheet.span.clone(), message).with_hint(hint)
}

/// Reads the contacts spreadsheet an area file names: the sheet becomes
/// CSV text in `sources` (line `n` is row `n`), read as a contacts CSV.
fn read_spreadsheet(
    files: &dyn Files,
    base: &Path,
    at: &Located<String>,
    sheet: Option<&Located<String>>,
    sources: &mut Sources,
) -> Result<ContactsRead, Diagnostic> {
    let shown = inside_project(base, at, "contacts file")?;
    let error = |e| read_error(base, at, "contacts file", &shown, e);
    let size = files.size(&shown).map_err(error)?;
    if size > spreadsheet::MAX_BYTES {
        return Err(Diagnostic::error(
            at.span.clone(),
            format!(
                "the spreadsheet `{}` is {:.1} MB; the limit is {} MB",
                shown.display(),
                size as f64 / 1024.0 / 1024.0,
                spreadsheet::MAX_BYTES / 1024 / 1024
            ),
        )
        .with_hint("keep only the contacts sheet in the file, or name the right file"));
    }
    let bytes = files.read(&shown).map_err(error)?;
    let name = slashes(&shown);
    let mut table = spreadsheet::read(&bytes, &name, sheet.map(|s| s.value.as_str()))
        .map_err(|e| sheet_error(e, &name, at, sheet))?;
    let id = sources.add(shown, std::mem::take(&mut table.text));
    let text = &sources.get(id).text;
    let mut errors = table.problem_diagnostics(id);
    errors.extend(super::printable::check(id, text, false));
    let (contacts, csv_errors) = super::csv::contacts(id, text);
    errors.extend(csv_errors);
    Ok(ContactsRead {
        contacts,
        errors,
        sheet: Some(SheetRead {
            file: id,
            name: table.sheet,
            places: table.places,
        }),
    })
}

/// The error for a spreadsheet (`name`, named at `at`) that gave no sheet.
fn sheet_error(
    e: spreadsheet::SheetError,
    name: &str,
    at: &Located<String>,
    sheet: Option<&Located<String>>,
) -> Diagnostic {
    use spreadsheet::SheetError;
    match e {
        SheetError::Unreadable(why) => Diagnostic::error(
            at.span.clone(),
            format!("cannot read the spreadsheet `{name}`: {why}"),
        )
        .with_hint("open it in Excel or LibreOffice and save it again as .xlsx or .ods (without a password)"),
        SheetError::NoSheets => Diagnostic::error(
            at.span.clone(),
            format!("the spreadsheet `{name}` has no sheets"),
        ),
        SheetError::NoSuchSheet(sheets) => {
            let wanted = sheet.map_or("", |s| s.value.as_str());
            let span = sheet.map_or(at.span.clone(), |s| s.span.clone());
            let quoted: Vec<String> = sheets.iter().map(|s| format!("\"{s}\"")).collect();
            let mut d = Diagnostic::error(
                span,
                format!("the spreadsheet `{name}` has no sheet called \"{wanted}\""),
            );
            if let Some(best) = closest(wanted, sheets.iter().map(String::as_str)) {
                d = d.with_hint(format!("did you mean \"{best}\"?"));
            }
            d.with_hint(format!("its sheets are: {}", quoted.join(", ")))
        }
    }
}

/// Contacts an area keeps in a spreadsheet, as the editor shows them
/// (read-only: wellprint never writes a spreadsheet).
#[derive(Debug)]
pub struct SheetContacts {
    /// The spreadsheet, relative to the project.
    pub path: PathBuf,
    /// The sheet read; none when the file could not be read.
    pub sheet: Option<String>,
    /// The rows that could be read, in order.
    pub contacts: Vec<super::Contact>,
    /// Every problem found in the rows, each naming its sheet, row and
    /// column.
    pub errors: Vec<Diagnostic>,
}

/// The contacts of the spreadsheet that the area file at `path` names in
/// `contacts`; `None` when the file does not parse or names no
/// spreadsheet.
pub fn spreadsheet_contacts(
    files: &dyn Files,
    path: &Path,
    sources: &mut Sources,
) -> Option<SheetContacts> {
    let (file, raw, _) = parse::<AreaFile>(files, path, sources).ok()?;
    let at = Located::from_spanned(file, raw.contacts.clone()?);
    if !spreadsheet::is_spreadsheet(Path::new(at.value.trim())) {
        return None;
    }
    let base = path.parent().unwrap_or(Path::new(""));
    let shown = inside_project(base, &at, "contacts file").ok()?;
    let mut read = read_contacts(files, file, base, &raw, sources);
    if let Some(sheet) = &read.sheet {
        sheet.places.name(sheet.file, &mut read.errors);
    }
    Some(SheetContacts {
        path: shown,
        sheet: read.sheet.map(|s| s.name),
        contacts: read.contacts,
        errors: read.errors,
    })
}

/// Reads the contacts CSV an area file names, keeping its text in `sources`.
fn read_csv(
    files: &dyn Files,
    base: &Path,
    at: &Located<String>,
    sources: &mut Sources,
) -> Result<(Vec<super::Contact>, Vec<Diagnostic>), Diagnostic> {
    let shown = inside_project(base, at, "contacts file")?;
    let bytes = files
        .read(&shown)
        .map_err(|e| read_error(base, at, "contacts file", &shown, e))?;
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

/// The error for a file an area file names (`shown`, relative to the
/// project) that could not be read.
fn read_error(
    base: &Path,
    at: &Located<String>,
    what: &str,
    shown: &Path,
    e: FileError,
) -> Diagnostic {
    let written = at.value.trim();
    let err = |msg: String| Diagnostic::error(at.span.clone(), msg);
    match e {
        FileError::Missing(_) => {
            err(format!("cannot find the {what} `{written}`")).with_hint(format!(
                "the path is relative to the folder of the area file (`{}`)",
                base.display()
            ))
        }
        FileError::Outside => outside(at, what),
        FileError::NotAFile(_) | FileError::Io(_) => file_error(shown, Some(at.span.clone()), e),
    }
}

/// The error for `path` that could not be read: `cannot read` or, for
/// something that is not a regular file, what it is.
fn file_error(path: &Path, span: Option<Span>, e: FileError) -> Diagnostic {
    match e {
        FileError::NotAFile(kind) => {
            Diagnostic::error(span, format!("`{}` is {kind}, not a file", path.display()))
                .with_hint("wellprint reads only ordinary files: replace it with the file itself")
        }
        e => Diagnostic::error(span, format!("cannot read `{}`: {e}", path.display())),
    }
}

/// The error for a path written in an area file that leaves the project.
fn outside(at: &Located<String>, what: &str) -> Diagnostic {
    let written = at.value.trim();
    Diagnostic::error(
        at.span.clone(),
        format!("the {what} `{written}` is outside the project folder"),
    )
    .with_hint(format!(
        "copy the file into the project (next to the area file) and write its name, like \"{}\"",
        file_name_of(written)
    ))
}

/// Checks that the logo exists inside the project, is a PNG or JPEG and is
/// not too large. Only the header is decoded.
fn check_logo(files: &dyn Files, base: &Path, at: &Located<String>) -> Result<Logo, Diagnostic> {
    let shown = inside_project(base, at, "logo")?;
    let err = |msg: String| Diagnostic::error(at.span.clone(), msg);
    let size = files
        .size(&shown)
        .map_err(|e| read_error(base, at, "logo", &shown, e))?;
    if size > LOGO_MAX_BYTES {
        return Err(err(format!(
            "the logo `{}` is {:.1} MB; the limit is {} MB",
            shown.display(),
            size as f64 / 1024.0 / 1024.0,
            LOGO_MAX_BYTES / 1024 / 1024
        ))
        .with_hint("export it smaller: 1200 pixels wide is plenty for a card or leaflet"));
    }
    let bytes = files
        .read(&shown)
        .map_err(|e| read_error(base, at, "logo", &shown, e))?;
    // The format comes from the file's first bytes, never its name.
    let format = match image::guess_format(&bytes) {
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
    let mut reader = image::ImageReader::new(std::io::Cursor::new(&bytes));
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

/// Resolves a path written in an area file (relative to the file's folder
/// `base`) and checks that it stays inside the project folder. Returns the
/// path relative to the project, `..` resolved. ([`Files`] refuses links
/// that lead outside.)
fn inside_project(base: &Path, at: &Located<String>, what: &str) -> Result<PathBuf, Diagnostic> {
    let written = at.value.trim();
    let err = |msg: String| Diagnostic::error(at.span.clone(), msg);
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
    let mut shown = PathBuf::new();
    for c in base.components().chain(rel.components()) {
        match c {
            // `pop` climbs one folder; nothing to pop is above the project.
            Component::ParentDir if !shown.pop() => return Err(outside(at, what)),
            Component::Normal(part) => shown.push(part),
            _ => {}
        }
    }
    Ok(shown)
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
            d = match closest(&tag.value, used.iter().copied()) {
                Some(u) => d.with_hint(format!("did you mean `{u}`?")),
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

/// Loads the national helplines file (`path` relative to the project).
pub fn load_national(
    files: &dyn Files,
    path: &Path,
    sources: &mut Sources,
) -> SourceResult<Vec<Helpline>> {
    let (file, raw, errors) = parse::<NationalFile>(files, path, sources)?;
    combine(errors, convert::helplines(file, raw))
}

/// The `*.toml` files in the folder `dir`, sorted by name.
fn toml_files(files: &dyn Files, dir: &str, errors: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    match files.list(Path::new(dir)) {
        Ok(paths) => paths
            .into_iter()
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect(),
        Err(e) => {
            let full = files.full_path(Path::new(dir));
            errors.push(
                Diagnostic::error(None, format!("cannot read the folder `{}`: {e}", full.display()))
                    .with_hint(format!(
                        "run wellprint from the project folder (the one with `{dir}/`), or pass --project"
                    )),
            );
            Vec::new()
        }
    }
}

/// Reads `path`, keeps its text in `sources` and deserialises it. The
/// diagnostics returned with the value are characters that cannot print
/// (see [`printable`](super::printable)); the value is still checked, so
/// one run reports every problem of the file.
fn parse<T: DeserializeOwned>(
    files: &dyn Files,
    path: &Path,
    sources: &mut Sources,
) -> SourceResult<(FileId, T, Vec<Diagnostic>)> {
    let bytes = files
        .read(path)
        .map_err(|e| vec![file_error(path, None, e)])?;
    let shown = path.to_path_buf();
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

/// The candidate most like `found` (Jaro–Winkler above 0.8), for "did you
/// mean" hints.
pub(super) fn closest<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(found, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// "did you mean" for serde's `unknown field `x`, expected one of `a`, `b``.
fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (found, rest) = rest.split_once('`')?;
    let expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    Some(match closest(found, expected.iter().copied()) {
        Some(c) => format!("did you mean `{c}`?"),
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
