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

    #[test]
    fn refuses_a_header_claiming_a_huge_picture_before_decoding() {
        // A PNG header (IHDR) claiming 100 000 × 100 000 pixels, no data.
        let mut p = png(1, 1);
        p[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        p[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        // Keep the chunk's CRC valid (type and data, bytes 12..29), so the
        // header is refused for its size, not its checksum.
        let crc = crc32(&p[12..29]);
        p[29..33].copy_from_slice(&crc.to_be_bytes());
        let err = decode(&p).expect_err("refused");
        assert!(err.contains("100000 × 100000"), "{err}");
    }

    /// CRC-32 (IEEE), as PNG chunks use.
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
}
