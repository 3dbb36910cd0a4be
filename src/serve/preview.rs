//! The preview as pictures: the print PDF's pages drawn as PNG (with
//! hayro, from the very bytes `build` writes), with each page's trim,
//! bleed, safe area and folds in points so the page can draw those lines
//! over them.

use std::io::Cursor;

use base64::Engine;
use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{PixmapSettings, RenderCache, RenderSettings};
use serde::Serialize;

use crate::geom::Abs;
use crate::layout::Frame;
use crate::rules;

/// The widest picture drawn, in pixels.
pub const MAX_WIDTH: u32 = 2400;

/// One page of the preview.
#[derive(Debug, Serialize)]
pub struct PagePicture {
    /// The page as PNG, base64.
    pub png: String,
    /// The picture's size in pixels.
    pub pixels: [u32; 2],
    /// The page's trimmed width and height, in points.
    pub trim: [f64; 2],
    /// The bleed on every side, in points (the picture is the trimmed
    /// page plus this all round).
    pub bleed: f64,
    /// How far text keeps from the trim (the safe area's inset), in
    /// points.
    pub safe: f64,
    /// Where the sheet folds: distances from the left trim edge, in
    /// points.
    pub folds: Vec<f64>,
}

/// Draws every page of `pdf` (laid out as `frames`) `width` pixels wide
/// (clamped to 100..[`MAX_WIDTH`]); `Err` when the PDF does not read back.
pub fn pictures(pdf: &[u8], frames: &[Frame], width: u32) -> Result<Vec<PagePicture>, String> {
    let width = width.clamp(100, MAX_WIDTH);
    let pdf = Pdf::new(pdf.to_vec()).map_err(|e| format!("the PDF does not read back: {e:?}"))?;
    let pages = pdf.pages();
    if pages.len() != frames.len() {
        return Err(format!(
            "{} pages drawn for {} laid out",
            pages.len(),
            frames.len()
        ));
    }
    pages
        .iter()
        .zip(frames)
        .map(|(page, frame)| {
            let full = frame.size.w + frame.bleed * 2.0;
            let scale = width as f32 / full.to_pt() as f32;
            let cache = RenderCache::new();
            let pixmap = hayro::render(
                page,
                &cache,
                &InterpreterSettings::default(),
                &RenderSettings::default(),
                &PixmapSettings {
                    x_scale: scale,
                    y_scale: scale,
                    bg_color: WHITE,
                },
            );
            let pixels = [u32::from(pixmap.width()), u32::from(pixmap.height())];
            let png = png(pixels, pixmap.data_as_u8_slice())?;
            Ok(PagePicture {
                png: base64::engine::general_purpose::STANDARD.encode(png),
                pixels,
                trim: [frame.size.w.to_pt(), frame.size.h.to_pt()],
                bleed: frame.bleed.to_pt(),
                safe: rules::safe_margin(frame.size).to_pt(),
                folds: frame.folds.iter().map(|f: &Abs| f.to_pt()).collect(),
            })
        })
        .collect()
}

/// RGBA pixels as a PNG file.
fn png([width, height]: [u32; 2], rgba: &[u8]) -> Result<Vec<u8>, String> {
    let image = image::RgbaImage::from_raw(width, height, rgba.to_vec())
        .ok_or("the drawn page has the wrong size")?;
    let mut out = Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}
