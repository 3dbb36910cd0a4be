//! The documents of the area being edited: the screen PDF the preview
//! used to show, the preview's pictures of the print PDF, and downloads.

use std::path::Path as FsPath;
use std::sync::Arc;

use axum::Json;
use axum::extract::State as Extract;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use serde::Deserialize;
use serde_json::json;

use super::State;
use super::api::{Failure, area_path, fail, for_page, load_edited, unprocessable};
use super::preview;
use crate::diag::Sources;
use crate::finish::Target;
use crate::model::Variant;
use crate::pipeline::{self, BuildOptions, Built, Job, Loaded};

/// What a download is for.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum For {
    /// The print shop's PDF (with bleed).
    #[default]
    Print,
    /// The screen PDF (trimmed, tagged).
    Screen,
}

impl From<For> for Target {
    fn from(f: For) -> Target {
        match f {
            For::Print => Target::Print,
            For::Screen => Target::Screen,
        }
    }
}

/// The body of `POST /api/preview`, `/api/preview/pages` and
/// `/api/download`.
#[derive(Debug, Deserialize)]
pub struct DocumentRequest {
    area: String,
    resource: String,
    variant: String,
    #[serde(default)]
    format: Option<String>,
    area_text: String,
    /// The pictures' width in pixels (`/api/preview/pages`).
    #[serde(default)]
    width: Option<u32>,
    /// Print or screen (`/api/download`).
    #[serde(default, rename = "for")]
    target: For,
}

/// A built document of the edited area, with what its diagnostics need.
struct Made {
    built: Built,
    sources: Sources,
    path: std::path::PathBuf,
    file_name: String,
}

/// Builds the requested document for `target` from the edited text.
fn make(state: &State, request: &DocumentRequest, target: Target) -> Result<Made, Failure> {
    let path = area_path(state, &request.area)?;
    let mut sources = Sources::new();
    let loaded = load_edited(state, &path, &request.area_text, &mut sources)
        .map_err(|e| unprocessable(&sources, &path, &e))?;
    let job = find_job(&loaded, &sources, &path, request)?;
    let options = BuildOptions::for_target(target);
    let built = pipeline::build(&loaded, &job, &state.fonts, &options)
        .map_err(|e| unprocessable(&sources, &path, &e))?;
    let file_name = job
        .output_path(FsPath::new(""), target)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "document.pdf".to_owned());
    Ok(Made {
        built,
        sources,
        path,
        file_name,
    })
}

/// The build's warnings for the page, as base64 of their JSON.
fn warnings_header(made: &Made) -> Result<String, Failure> {
    let warnings = serde_json::to_vec(&for_page(&made.sources, &made.path, &made.built.warnings))
        .map_err(|e| fail(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    Ok(base64::engine::general_purpose::STANDARD.encode(warnings))
}

/// `POST /api/preview`: the screen PDF of the edited area's document, with
/// its warnings base64-encoded JSON in `X-Wellprint-Diagnostics`; 422
/// with the diagnostics when it does not build.
pub async fn preview(
    Extract(state): Extract<Arc<State>>,
    Json(request): Json<DocumentRequest>,
) -> Result<Response, Failure> {
    let made = make(&state, &request, Target::Screen)?;
    let warnings = warnings_header(&made)?;
    Ok(pdf_response(made.built.bytes, warnings, None))
}

/// `POST /api/download`: the print or screen PDF, as a file to save.
pub async fn download(
    Extract(state): Extract<Arc<State>>,
    Json(request): Json<DocumentRequest>,
) -> Result<Response, Failure> {
    let made = make(&state, &request, request.target.into())?;
    let warnings = warnings_header(&made)?;
    let name = made.file_name.clone();
    Ok(pdf_response(made.built.bytes, warnings, Some(&name)))
}

/// A PDF response; with a file name, as an attachment.
fn pdf_response(bytes: Vec<u8>, warnings: String, name: Option<&str>) -> Response {
    let mut response = (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::HeaderName::from_static("x-wellprint-diagnostics"),
                warnings,
            ),
        ],
        bytes,
    )
        .into_response();
    let disposition = name
        .and_then(|n| header::HeaderValue::from_str(&format!("attachment; filename=\"{n}\"")).ok());
    if let Some(value) = disposition {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// `POST /api/preview/pages`: the print PDF's pages as pictures, with
/// their trim, bleed, safe area and folds, and the build's warnings.
pub async fn pages(
    Extract(state): Extract<Arc<State>>,
    Json(request): Json<DocumentRequest>,
) -> Result<Json<serde_json::Value>, Failure> {
    let made = make(&state, &request, Target::Print)?;
    let width = request.width.unwrap_or(800);
    let pictures = preview::pictures(&made.built.bytes, &made.built.frames, width)
        .map_err(|e| fail(StatusCode::INTERNAL_SERVER_ERROR, e))?;
    let warnings = for_page(&made.sources, &made.path, &made.built.warnings);
    Ok(Json(json!({ "pages": pictures, "diagnostics": warnings })))
}

/// The job a request asks for.
fn find_job<'a>(
    loaded: &'a Loaded,
    sources: &Sources,
    path: &FsPath,
    request: &DocumentRequest,
) -> Result<Job<'a>, Failure> {
    let not_found = |what: &str| fail(StatusCode::NOT_FOUND, format!("there is no {what}"));
    let area = loaded
        .areas
        .iter()
        .find(|a| sources.path(a.id.span.file) == path)
        .ok_or_else(|| not_found("such area"))?;
    let resource = loaded
        .resources
        .iter()
        .find(|r| r.id.value.as_str() == request.resource)
        .ok_or_else(|| not_found("such resource"))?;
    let variant = Variant::ALL
        .into_iter()
        .find(|v| v.name() == request.variant && resource.variants.contains_key(v))
        .ok_or_else(|| not_found("such variant of this resource"))?;
    let formats = resource.formats_for(variant);
    let format = match &request.format {
        None => formats.first(),
        Some(name) => formats.iter().find(|f| f.name.as_str() == name),
    }
    .ok_or_else(|| not_found("such format"))?;
    Ok(Job {
        resource,
        variant,
        area,
        format,
    })
}
