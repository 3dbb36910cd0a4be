//! Pictures: SVG drawings and PNG/JPEG photos, read once per run and shared
//! by every document.
//!
//! SVGs are parsed with usvg and kept as vector paths, so they print sharp
//! at any size. PNG and JPEG files are decoded with the `image` crate after
//! their header has been checked against size limits.

mod raster;
mod svg;

use std::collections::BTreeMap;
use std::path::{Component, Path};
use std::sync::Arc;

use crate::colour::Colour;
use crate::diag::{Diagnostic, SourceResult};
use crate::files::{FileError, Files};
use crate::model::Located;

pub use raster::{MAX_PIXELS, Raster};
pub use svg::{Vector, VectorPath, VectorSeg, VectorStroke};

/// Largest picture file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// A loaded picture.
#[derive(Debug, Clone)]
pub enum Picture {
    /// Vector drawing (from SVG).
    Vector(Arc<Vector>),
    /// Pixels (from PNG or JPEG).
    Raster(Arc<Raster>),
}

impl Picture {
    /// Width divided by height.
    pub fn aspect(&self) -> f64 {
        match self {
            Picture::Vector(v) => v.width / v.height,
            Picture::Raster(r) => f64::from(r.width) / f64::from(r.height),
        }
    }
}

/// Every picture the project uses, by the path written in the resource.
#[derive(Debug, Clone, Default)]
pub struct Pictures {
    map: BTreeMap<String, Picture>,
}

/// A fill colour and its rule, or a stroke: the paint of a vector path.
pub type Paint = Colour;

impl Pictures {
    /// No pictures.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads every referenced picture from `files`, collecting all errors.
    pub fn load<'a>(
        files: &dyn Files,
        refs: impl IntoIterator<Item = &'a Located<String>>,
    ) -> SourceResult<Pictures> {
        let mut pictures = Pictures::new();
        pictures.add(files, refs).map(|()| pictures)
    }

    /// Reads the referenced pictures not loaded yet and keeps those that
    /// load, collecting the errors of the others. Used for each area's
    /// logo, so that a bad logo fails only its area.
    pub fn add<'a>(
        &mut self,
        files: &dyn Files,
        refs: impl IntoIterator<Item = &'a Located<String>>,
    ) -> SourceResult<()> {
        let mut errors = Vec::new();
        for r in refs {
            if self.map.contains_key(&r.value) {
                continue;
            }
            match load_one(files, r) {
                Ok(p) => {
                    self.map.insert(r.value.clone(), p);
                }
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// The picture written as `path`.
    pub fn get(&self, path: &str) -> Option<&Picture> {
        self.map.get(path)
    }
}

/// Checks that `path` stays inside the project, then reads and decodes it.
fn load_one(files: &dyn Files, r: &Located<String>) -> Result<Picture, Diagnostic> {
    let err = |msg: String| Diagnostic::error(r.span.clone(), msg);
    let rel = Path::new(&r.value);
    if rel.is_absolute()
        || rel
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err(err(format!(
            "the picture path `{}` leaves the project folder",
            r.value
        ))
        .with_hint("write a path inside the project, like \"assets/pictures/candle.svg\""));
    }
    let file_error = |e: FileError| match e {
        FileError::Missing(why) => err(format!("cannot open the picture `{}`: {why}", r.value))
            .with_hint("check the spelling; pictures live in assets/pictures/"),
        FileError::Outside => err(format!(
            "the picture `{}` is a link to a file outside the project",
            r.value
        ))
        .with_hint("copy the file into assets/pictures/ instead of linking to it"),
        FileError::NotAFile(kind) => {
            err(format!("the picture `{}` is {kind}, not a file", r.value))
                .with_hint("point it at an .svg, .png or .jpg file in assets/pictures/")
        }
        FileError::Io(why) => err(format!("cannot read `{}`: {why}", r.value)),
    };
    let size = files.size(rel).map_err(file_error)?;
    if size > MAX_FILE_BYTES {
        return Err(err(format!(
            "the picture `{}` is {} MB; the limit is {} MB",
            r.value,
            size / 1_048_576,
            MAX_FILE_BYTES / 1_048_576
        ))
        .with_hint("make the file smaller: 300 ppi at the printed size is enough"));
    }
    let bytes = files.read(rel).map_err(file_error)?;
    let ext = rel
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "svg" => svg::parse(&bytes)
            .map(|v| Picture::Vector(Arc::new(v)))
            .map_err(|m| err(format!("`{}` is not a usable SVG drawing: {m}", r.value))),
        "png" | "jpg" | "jpeg" => raster::decode(&bytes)
            .map(|p| Picture::Raster(Arc::new(p)))
            .map_err(|m| {
                err(format!("`{}` is not a usable picture: {m}", r.value)).with_hint(
                    "if it was copied or downloaded, copy it again from the original; \
                     or open it in an image editor and save it again as PNG or JPEG",
                )
            }),
        _ => Err(
            err(format!("`{}` is not an SVG, PNG or JPEG file", r.value))
                .with_hint("pictures must end in .svg, .png, .jpg or .jpeg"),
        ),
    }
}
