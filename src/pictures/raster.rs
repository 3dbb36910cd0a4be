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
    match reader.format() {
        Some(image::ImageFormat::Jpeg) => jpeg_complete(bytes)?,
        Some(image::ImageFormat::Png) => png_complete(bytes)?,
        _ => return Err("the file is not a PNG or JPEG picture".to_owned()),
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

/// The message for a picture file that stops before its end marker.
fn cut_short(what: &str, end: &str) -> String {
    format!(
        "the {what} file ends early (it has no {end}): it was probably cut short \
         while being copied, downloaded or saved"
    )
}

/// Checks that a JPEG reaches its end-of-image marker (FF D9), walking
/// its segments so that markers inside metadata (an EXIF thumbnail) do
/// not count. The decoder paints a JPEG cut short grey instead of
/// failing, so this is the only sign of a truncated file.
fn jpeg_complete(bytes: &[u8]) -> Result<(), String> {
    let short = || Err(cut_short("JPEG", "end-of-image marker"));
    let mut i = 2; // after the start-of-image marker FF D8
    loop {
        // The next marker: FF (any fill FFs), then its code. Stray bytes
        // before it are skipped, as other decoders do.
        let Some(at) = bytes
            .get(i..)
            .and_then(|b| b.iter().position(|&x| x == 0xFF))
        else {
            return short();
        };
        i += at;
        while bytes.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        let Some(&code) = bytes.get(i + 1) else {
            return short();
        };
        i += 2;
        match code {
            0xD9 => return Ok(()),
            // Markers without a length: TEM and restart markers.
            0x00 | 0x01 | 0xD0..=0xD7 => continue,
            _ => {}
        }
        let Some(len) = bytes
            .get(i..i + 2)
            .map(|b| usize::from(u16::from_be_bytes([b[0], b[1]])))
        else {
            return short();
        };
        i += len;
        if code == 0xDA {
            // Start of scan: entropy-coded data follows, in which FF is
            // followed by 00 (a stuffed byte) or a restart marker.
            i = end_of_scan(bytes, i).ok_or_else(|| cut_short("JPEG", "end-of-image marker"))?;
        }
    }
}

/// The offset of the first real marker after entropy-coded data starting
/// at `i`, if the data ends before one.
fn end_of_scan(bytes: &[u8], mut i: usize) -> Option<usize> {
    loop {
        i += bytes.get(i..)?.iter().position(|&x| x == 0xFF)?;
        match bytes.get(i + 1)? {
            0x00 | 0xD0..=0xD7 => i += 2,
            0xFF => i += 1,
            _ => return Some(i),
        }
    }
}

/// Checks that a PNG's chunks lead to its `IEND` chunk.
fn png_complete(bytes: &[u8]) -> Result<(), String> {
    let mut i = 8; // after the signature
    while let Some(head) = bytes.get(i..i + 8) {
        let len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        if &head[4..8] == b"IEND" {
            return Ok(());
        }
        i = i.saturating_add(12).saturating_add(len);
    }
    Err(cut_short("PNG", "`IEND` chunk"))
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

    fn jpeg(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([x as u8, y as u8, 200]));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Jpeg)
            .expect("encode");
        out.into_inner()
    }

    #[test]
    fn a_jpeg_cut_short_is_refused_and_a_whole_one_with_trailing_bytes_is_not() {
        let whole = jpeg(64, 48);
        assert!(decode(&whole).is_ok());
        for cut in [whole.len() / 2, whole.len() - 2, whole.len() - 1] {
            let err = decode(&whole[..cut]).expect_err("cut short");
            assert!(err.contains("ends early"), "{cut}: {err}");
        }
        let mut padded = whole.clone();
        padded.extend_from_slice(&[0, 0, 0]);
        assert!(decode(&padded).is_ok());
    }

    #[test]
    fn a_png_without_its_end_chunk_is_refused() {
        let whole = png(8, 8);
        let err = decode(&whole[..whole.len() - 12]).expect_err("no IEND");
        assert!(err.contains("ends early"), "{err}");
    }

    // A header claiming 100 000 × 100 000 pixels is refused before decoding:
    // tested end to end, with its message, in tests/matrix.rs.
}
