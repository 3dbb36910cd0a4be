//! The JSON API the page calls (documented in `docs/serve.md`).

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path as FsPath, PathBuf};
use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, State as Extract};
use axum::http::StatusCode;
use axum::middleware;
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};

use super::edit::{self, Change, FieldPath};
use super::overlay::Overlay;
use super::{MAX_BODY, State, bundle, documents, guard, page};
use crate::diag::{Diagnostic, Sources, slashes};
use crate::files::Files;
use crate::finish::write;
use crate::model::{Located, Nation, starter};
use crate::pipeline::{self, Loaded};

/// The routes, behind the guard and the body limit.
pub fn router(state: Arc<State>) -> Router {
    Router::new()
        .route("/", get(page::index))
        .route("/api/project", get(project))
        .route("/api/area/{id}", get(area))
        .route("/api/area/{id}/edit", post(edit_area))
        .route("/api/preview", post(documents::preview))
        .route("/api/preview/pages", post(documents::pages))
        .route("/api/download", post(documents::download))
        .route("/api/zip", post(bundle::start))
        .route("/api/zip/{job}", get(bundle::progress))
        .route("/api/zip/{job}/file", get(bundle::file))
        .route("/api/new-area", post(new_area))
        .route("/api/save", post(save))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(middleware::from_fn_with_state(state.clone(), guard::check))
        .with_state(state)
}

/// A refusal or failure: a status and a JSON body.
pub(super) type Failure = (StatusCode, Json<serde_json::Value>);

/// A failure with one message.
pub(super) fn fail(status: StatusCode, message: impl Into<String>) -> Failure {
    (status, Json(json!({ "error": message.into() })))
}

/// A diagnostic for the page: its place and, in the edited area file, the
/// field it points at.
#[derive(Debug, Serialize)]
pub(super) struct PageDiagnostic {
    #[serde(flatten)]
    resolved: crate::diag::Resolved,
    field: Option<FieldPath>,
}

/// `diagnostics` for the page; those in `area_path` name their field.
pub(super) fn for_page(
    sources: &Sources,
    area_path: &FsPath,
    diagnostics: &[Diagnostic],
) -> Vec<PageDiagnostic> {
    let area_file = slashes(area_path);
    diagnostics
        .iter()
        .map(|d| {
            let resolved = sources.resolve(d);
            let field = d
                .span
                .as_ref()
                .filter(|_| resolved.file.as_deref() == Some(area_file.as_str()))
                .and_then(|s| edit::field_at(&sources.get(s.file).text, s.range.start));
            PageDiagnostic { resolved, field }
        })
        .collect()
}

/// 422 with diagnostics.
pub(super) fn unprocessable(
    sources: &Sources,
    area_path: &FsPath,
    diagnostics: &[Diagnostic],
) -> Failure {
    let list = for_page(sources, area_path, diagnostics);
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        Json(json!({ "diagnostics": list })),
    )
}

/// The area file for the id `id`, relative to the project: refused when
/// the id is not a plain name (400), is missing (404), or the file is a
/// link leading outside the project (403).
pub(super) fn area_path(state: &State, id: &str) -> Result<PathBuf, Failure> {
    let plain = !id.is_empty()
        && id != "national"
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !plain {
        return Err(fail(
            StatusCode::BAD_REQUEST,
            format!("\"{id}\" is not an area id"),
        ));
    }
    let path = PathBuf::from(format!("areas/{id}.toml"));
    let root = state
        .root
        .canonicalize()
        .map_err(|e| fail(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    let full = state
        .root
        .join(&path)
        .canonicalize()
        .map_err(|_| fail(StatusCode::NOT_FOUND, format!("there is no area \"{id}\"")))?;
    if !full.starts_with(root) || !full.is_file() {
        return Err(fail(
            StatusCode::FORBIDDEN,
            format!("areas/{id}.toml is not in the project"),
        ));
    }
    Ok(path)
}

/// SHA-256 of `bytes`, in hex.
pub(super) fn hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `GET /api/project`: areas, resources, their variants and formats.
async fn project(Extract(state): Extract<Arc<State>>) -> Result<Json<serde_json::Value>, Failure> {
    let mut sources = Sources::new();
    let loaded = pipeline::load_lenient(&state.disk, &mut sources)
        .map_err(|e| unprocessable(&sources, FsPath::new(""), &e))?;
    let mut areas: Vec<_> = loaded
        .areas
        .iter()
        .map(|a| json!({ "id": a.id.value.as_str(), "name": a.name.value, "broken": false }))
        .chain(
            loaded
                .broken
                .iter()
                .map(|b| json!({ "id": b.id, "name": b.id, "broken": true })),
        )
        .collect();
    areas.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    let resources: Vec<_> = loaded
        .resources
        .iter()
        .map(|r| {
            let variants: Vec<_> = r
                .variants
                .keys()
                .map(|&v| {
                    let formats: Vec<_> =
                        r.formats_for(v).iter().map(|f| f.name.as_str()).collect();
                    json!({ "id": v.name(), "formats": formats })
                })
                .collect();
            json!({ "id": r.id.value.as_str(), "variants": variants })
        })
        .collect();
    Ok(Json(json!({ "areas": areas, "resources": resources })))
}

/// `GET /api/area/{id}`: the file's text, its hash and its fields.
async fn area(
    Extract(state): Extract<Arc<State>>,
    Path(id): Path<String>,
) -> Result<Json<serde_json::Value>, Failure> {
    let path = area_path(&state, &id)?;
    let bytes = state
        .disk
        .read(&path)
        .map_err(|e| fail(StatusCode::FORBIDDEN, e.to_string()))?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let fields = edit::fields(&text).ok();
    Ok(Json(json!({
        "id": id,
        "path": slashes(&path),
        "text": text,
        "hash": hash(&bytes),
        "fields": fields,
        "spreadsheet": spreadsheet(&state.disk, &path),
    })))
}

/// The contacts the area file at `path` keeps in a spreadsheet, for the
/// page to show read-only (the editor never writes a spreadsheet); null
/// when it names none.
fn spreadsheet(files: &dyn Files, path: &FsPath) -> serde_json::Value {
    let mut sources = Sources::new();
    let Some(sheet) = crate::model::spreadsheet_contacts(files, path, &mut sources) else {
        return serde_json::Value::Null;
    };
    let text = |o: &Option<Located<String>>| o.as_ref().map(|l| l.value.clone());
    let contacts: Vec<_> = sheet
        .contacts
        .iter()
        .map(|c| {
            let tags: Vec<&str> = c.tags.iter().map(|t| t.value.as_str()).collect();
            json!({
                "row": sources.line_col(&c.span).line,
                "name": c.name.value,
                "phone": c.phone.value,
                "hours": text(&c.hours),
                "web": text(&c.web),
                "email": text(&c.email),
                "description": text(&c.description),
                "lang": text(&c.lang),
                "tags": tags.join(", "),
            })
        })
        .collect();
    json!({
        "path": slashes(&sheet.path),
        "sheet": sheet.sheet,
        "read_only": true,
        "contacts": contacts,
    })
}

/// The body of `POST /api/area/{id}/edit`.
#[derive(Debug, Deserialize)]
struct EditRequest {
    text: String,
    changes: Vec<Change>,
}

/// `POST /api/area/{id}/edit`: the text with the changes applied, and its
/// fields.
async fn edit_area(
    Extract(state): Extract<Arc<State>>,
    Path(id): Path<String>,
    Json(request): Json<EditRequest>,
) -> Result<Json<serde_json::Value>, Failure> {
    let path = area_path(&state, &id)?;
    let text = edit::apply(&request.text, &request.changes)
        .map_err(|e| fail(StatusCode::UNPROCESSABLE_ENTITY, e))?;
    let fields = edit::fields(&text).ok();
    let files = Overlay {
        disk: &state.disk,
        path: path.clone(),
        text: &text,
    };
    let sheet = spreadsheet(&files, &path);
    Ok(Json(
        json!({ "text": text, "fields": fields, "spreadsheet": sheet }),
    ))
}

/// Loads the project with `text` as the area file at `path`; the area's
/// own mistakes are errors.
pub(super) fn load_edited(
    state: &State,
    path: &FsPath,
    text: &str,
    sources: &mut Sources,
) -> Result<Loaded, Vec<Diagnostic>> {
    let files = Overlay {
        disk: &state.disk,
        path: path.to_path_buf(),
        text,
    };
    let loaded = pipeline::load_lenient(&files, sources)?;
    match loaded.broken.iter().find(|b| b.path == path) {
        Some(broken) => Err(broken.errors.clone()),
        None => Ok(loaded),
    }
}

/// The body of `POST /api/save`.
#[derive(Debug, Deserialize)]
struct SaveRequest {
    area: String,
    area_text: String,
    base_hash: String,
}

/// `POST /api/save`: writes the area file atomically, unless it changed on
/// disk since the page loaded it (409) or the text does not load (422).
async fn save(
    Extract(state): Extract<Arc<State>>,
    Json(request): Json<SaveRequest>,
) -> Result<Json<serde_json::Value>, Failure> {
    let path = area_path(&state, &request.area)?;
    let on_disk = state
        .disk
        .read(&path)
        .map_err(|e| fail(StatusCode::FORBIDDEN, e.to_string()))?;
    if hash(&on_disk) != request.base_hash {
        return Err(fail(
            StatusCode::CONFLICT,
            format!(
                "{} changed on disk since it was loaded: reload it",
                slashes(&path)
            ),
        ));
    }
    let mut sources = Sources::new();
    load_edited(&state, &path, &request.area_text, &mut sources)
        .map_err(|e| unprocessable(&sources, &path, &e))?;
    write::atomic(&state.root.join(&path), request.area_text.as_bytes())
        .map_err(|e| fail(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    Ok(Json(json!({ "hash": hash(request.area_text.as_bytes()) })))
}

/// The body of `POST /api/new-area`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NewAreaRequest {
    name: String,
    nation: Nation,
}

/// `POST /api/new-area`: writes the starter file `wellprint new-area`
/// writes (201 with its id); never over an existing file (409).
async fn new_area(
    Extract(state): Extract<Arc<State>>,
    Json(request): Json<NewAreaRequest>,
) -> Result<(StatusCode, Json<serde_json::Value>), Failure> {
    let name = request.name.trim();
    let id = starter::area_id(name);
    if id.is_empty() || id == "national" {
        return Err(fail(
            StatusCode::BAD_REQUEST,
            format!(
                "cannot make an area id from the name \"{name}\": give a name with letters or digits"
            ),
        ));
    }
    let path = format!("areas/{id}.toml");
    let text = starter::starter(&id, name, request.nation);
    // `create_new` refuses an existing file without a race.
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(state.root.join(&path));
    match file.and_then(|mut f| f.write_all(text.as_bytes())) {
        Ok(()) => Ok((StatusCode::CREATED, Json(json!({ "id": id, "path": path })))),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(fail(
            StatusCode::CONFLICT,
            format!("{path} already exists; it was left as it is"),
        )),
        Err(e) => Err(fail(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("cannot write {path}: {e}"),
        )),
    }
}
