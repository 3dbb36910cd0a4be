//! PNG and JPEG pictures, decoded with the `image` crate.

use std::io::Cursor;

use image::{ImageReader, Limits};

/// Largest picture accepted, in pixels (width × height), checked from the
/// file header before anything is decoded.
pub const MAX_PIXELS: u64 = 64_000_000;

/// Decoded pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raster {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// RGB samples, row by row.
    pub rgb: Vec<u8>,
    /// Alpha samples, if the picture has transparency.
    pub alpha: Option<Vec<u8>>,
}

/// Decodes PNG or JPEG bytes, refusing pictures larger than [`MAX_PIXELS`]
/// before decoding them.
pub fn decode(bytes: &[u8]) -> Result<Raster, String> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    if reader.format().is_none() {
        return Err("the file is not a PNG or JPEG picture".to_owned());
    }
    let (w, h) = reader.into_dimensions().map_err(|e| e.to_string())?;
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(format!(
            "it claims {w} × {h} pixels, more than the limit of {MAX_PIXELS} pixels"
        ));
    }
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(w);
    limits.max_image_height = Some(h);
    limits.max_alloc = Some(MAX_PIXELS * 4 + 1024);
    reader.limits(limits);
    let img = reader.decode().map_err(|e| e.to_string())?;
    let has_alpha = img.color().has_alpha();
    let rgba = img.to_rgba8();
    let (width, height) = rgba.dimensions();
    let mut rgb = Vec::with_capacity((width * height * 3) as usize);
    let mut alpha = Vec::with_capacity((width * height) as usize);
    for p in rgba.pixels() {
        rgb.extend_from_slice(&p.0[..3]);
        alpha.push(p.0[3]);
    }
    Ok(Raster {
        width,
        height,
        rgb,
        alpha: has_alpha.then_some(alpha),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbImage::from_pixel(w, h, image::Rgb([10, 20, 30]));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png)
            .expect("encode");
        out.into_inner()
    }

    #[test]
    fn decodes_a_png() {
        let r = decode(&png(4, 3)).expect("decodes");
        assert_eq!((r.width, r.height), (4, 3));
        assert_eq!(&r.rgb[..3], &[10, 20, 30]);
        assert!(r.alpha.is_none());
    }

    #[test]
    fn refuses_text_and_truncated_files() {
        assert!(decode(b"this is not a picture").is_err());
        let p = png(40, 30);
        assert!(decode(&p[..p.len() / 2]).is_err());
    }

    // A header claiming 100 000 × 100 000 pixels is refused before decoding:
    // tested end to end, with its message, in tests/matrix.rs.
}
