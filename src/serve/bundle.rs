//! Every area's PDFs as one ZIP file, made in the background while the
//! page asks how far it has got.

use std::collections::BTreeMap;
use std::io::{Cursor, Write};
use std::path::Path as FsPath;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::Json;
use axum::extract::{Path, State as Extract};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::State;
use super::api::{Failure, fail};
use super::documents::For;
use crate::diag::{Diagnostic, Sources};
use crate::finish::Target;
use crate::pipeline::{self, BuildOptions};

/// How far one ZIP has got.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Progress {
    /// Documents built so far (including those that failed).
    pub done: usize,
    /// Documents to build.
    pub total: usize,
    /// Whether the ZIP is ready (or the project did not load).
    pub finished: bool,
    /// Documents or areas left out, each with why.
    pub failed: Vec<String>,
    /// Why no ZIP was made, if none was.
    pub error: Option<String>,
}

/// A ZIP being made or made.
#[derive(Debug, Default)]
pub struct ZipJob {
    /// How far it has got; `done` is counted while building.
    progress: Mutex<Progress>,
    /// Documents built so far.
    done: AtomicUsize,
    /// The file, once made.
    file: Mutex<Option<Vec<u8>>>,
}

/// Every ZIP of the session, by number.
#[derive(Debug, Default)]
pub struct ZipJobs {
    jobs: Mutex<BTreeMap<usize, Arc<ZipJob>>>,
    next: AtomicUsize,
}

/// The body of `POST /api/zip`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZipRequest {
    #[serde(default, rename = "for")]
    target: For,
}

/// `POST /api/zip`: starts making the ZIP of every area's PDFs (as saved
/// on disk) and returns its number at once (202).
pub async fn start(
    Extract(state): Extract<Arc<State>>,
    Json(request): Json<ZipRequest>,
) -> Result<Response, Failure> {
    let job = Arc::new(ZipJob::default());
    let id = state.zips.next.fetch_add(1, Ordering::Relaxed);
    state
        .zips
        .jobs
        .lock()
        .map_err(|_| fail(StatusCode::INTERNAL_SERVER_ERROR, "a ZIP failed"))?
        .insert(id, job.clone());
    let target = request.target.into();
    let state = state.clone();
    std::thread::spawn(move || make(&state, &job, target));
    Ok((StatusCode::ACCEPTED, Json(json!({ "job": id }))).into_response())
}

/// Builds every document of every area into `job`'s ZIP.
fn make(state: &State, job: &ZipJob, target: Target) {
    let result = zip_all(state, job, target);
    let mut progress = job.progress.lock().unwrap_or_else(|e| e.into_inner());
    progress.done = job.done.load(Ordering::Relaxed);
    progress.finished = true;
    match result {
        Ok((bytes, failed)) => {
            progress.failed = failed;
            *job.file.lock().unwrap_or_else(|e| e.into_inner()) = Some(bytes);
        }
        Err(e) => progress.error = Some(e),
    }
}

/// The ZIP's bytes and what was left out.
fn zip_all(state: &State, job: &ZipJob, target: Target) -> Result<(Vec<u8>, Vec<String>), String> {
    let mut sources = Sources::new();
    let first = |sources: &Sources, e: &[Diagnostic]| {
        e.first()
            .map(|d| sources.render_plain(d))
            .unwrap_or_default()
    };
    let loaded = pipeline::load_lenient(&state.disk, &mut sources)
        .map_err(|e| format!("the project does not load: {}", first(&sources, &e)))?;
    // A screen PDF is made in each variant's first format only.
    let jobs: Vec<_> = pipeline::all_jobs(&loaded)
        .into_iter()
        .filter(|j| target == Target::Print || j.is_default_format())
        .collect();
    job.progress.lock().map_err(|_| "a ZIP failed")?.total = jobs.len();
    let options = BuildOptions::for_target(target);
    let built: Vec<_> = jobs
        .par_iter()
        .map(|j| {
            let name = j.output_path(FsPath::new(""), target);
            let pdf = pipeline::build(&loaded, j, &state.fonts, &options);
            job.done.fetch_add(1, Ordering::Relaxed);
            (name, pdf)
        })
        .collect();
    let mut failed: Vec<String> = loaded
        .broken
        .iter()
        .map(|b| format!("{}: {}", b.id, first(&sources, &b.errors)))
        .collect();
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, pdf) in built {
        let name = name.map_err(|e| e.to_string())?;
        let name = crate::diag::slashes(&name);
        match pdf {
            Ok(b) => {
                zip.start_file(name, stored).map_err(|e| e.to_string())?;
                zip.write_all(&b.bytes).map_err(|e| e.to_string())?;
            }
            Err(e) => failed.push(format!("{name}: {}", first(&sources, &e))),
        }
    }
    let bytes = zip.finish().map_err(|e| e.to_string())?.into_inner();
    Ok((bytes, failed))
}

/// The job numbered `id`.
fn find(state: &State, id: usize) -> Result<Arc<ZipJob>, Failure> {
    state
        .zips
        .jobs
        .lock()
        .map_err(|_| fail(StatusCode::INTERNAL_SERVER_ERROR, "a ZIP failed"))?
        .get(&id)
        .cloned()
        .ok_or_else(|| fail(StatusCode::NOT_FOUND, format!("there is no ZIP {id}")))
}

/// `GET /api/zip/{job}`: how far the ZIP has got.
pub async fn progress(
    Extract(state): Extract<Arc<State>>,
    Path(id): Path<usize>,
) -> Result<Json<Progress>, Failure> {
    let job = find(&state, id)?;
    let mut progress = job
        .progress
        .lock()
        .map_err(|_| fail(StatusCode::INTERNAL_SERVER_ERROR, "a ZIP failed"))?
        .clone();
    if !progress.finished {
        progress.done = job.done.load(Ordering::Relaxed);
    }
    Ok(Json(progress))
}

/// `GET /api/zip/{job}/file`: the finished ZIP (409 while it is being
/// made, 422 when none could be made); it is forgotten once fetched.
pub async fn file(
    Extract(state): Extract<Arc<State>>,
    Path(id): Path<usize>,
) -> Result<Response, Failure> {
    let job = find(&state, id)?;
    let error = job.progress.lock().ok().and_then(|p| p.error.clone());
    if let Some(error) = error {
        return Err(fail(StatusCode::UNPROCESSABLE_ENTITY, error));
    }
    let bytes = job
        .file
        .lock()
        .map_err(|_| fail(StatusCode::INTERNAL_SERVER_ERROR, "a ZIP failed"))?
        .take()
        .ok_or_else(|| fail(StatusCode::CONFLICT, "the ZIP is not ready yet"))?;
    if let Ok(mut jobs) = state.zips.jobs.lock() {
        jobs.remove(&id);
    }
    Ok((
        [
            (header::CONTENT_TYPE, "application/zip"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"wellprint-pdfs.zip\"",
            ),
        ],
        bytes,
    )
        .into_response())
}
