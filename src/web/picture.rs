//! Pictures inside the page: drawings as inline SVG written from the
//! parsed paths (no ids, scripts or outside references can come along),
//! photos and logos as `data:` PNG images.

use std::fmt::Write as _;

use base64::Engine as _;

use super::html::escape;
use crate::geom::{FillRule, LineCap, LineJoin};
use crate::pictures::{Picture, Raster, Vector, VectorSeg};

/// The picture as an element with `alt` as its accessible name.
pub fn element(picture: &Picture, alt: &str) -> String {
    match picture {
        Picture::Vector(v) => svg(v, alt),
        Picture::Raster(r) => img(r, alt),
    }
}

/// An inline `<svg role="img">` named by its `<title>`.
fn svg(v: &Vector, alt: &str) -> String {
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" \
         aria-label=\"{alt}\"><title>{alt}</title>",
        num(v.width),
        num(v.height),
        alt = escape(alt),
    );
    for path in &v.paths {
        out.push_str("<path d=\"");
        for seg in &path.segs {
            let _ = match *seg {
                VectorSeg::Move(x, y) => write!(out, "M{} {}", num(x), num(y)),
                VectorSeg::Line(x, y) => write!(out, "L{} {}", num(x), num(y)),
                VectorSeg::Cubic(a, b, c, d, e, f) => write!(
                    out,
                    "C{} {} {} {} {} {}",
                    num(a),
                    num(b),
                    num(c),
                    num(d),
                    num(e),
                    num(f)
                ),
                VectorSeg::Close => write!(out, "Z"),
            };
        }
        out.push('"');
        match path.fill {
            Some((colour, rule)) => {
                let _ = write!(out, " fill=\"{colour}\"");
                if rule == FillRule::EvenOdd {
                    out.push_str(" fill-rule=\"evenodd\"");
                }
            }
            None => out.push_str(" fill=\"none\""),
        }
        if let Some(s) = path.stroke {
            let _ = write!(
                out,
                " stroke=\"{}\" stroke-width=\"{}\" stroke-linecap=\"{}\" stroke-linejoin=\"{}\"",
                s.colour,
                num(s.width),
                cap(s.cap),
                join(s.join)
            );
        }
        out.push_str("/>");
    }
    out.push_str("</svg>");
    out
}

/// A number with at most two decimals and no trailing zeros.
fn num(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

fn cap(c: LineCap) -> &'static str {
    match c {
        LineCap::Butt => "butt",
        LineCap::Round => "round",
        LineCap::Square => "square",
    }
}

fn join(j: LineJoin) -> &'static str {
    match j {
        LineJoin::Miter => "miter",
        LineJoin::Round => "round",
        LineJoin::Bevel => "bevel",
    }
}

/// An `<img>` whose source is the pixels re-encoded as PNG.
fn img(r: &Raster, alt: &str) -> String {
    let src = match png(r) {
        Some(bytes) => format!(
            "data:image/png;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(bytes)
        ),
        None => String::new(),
    };
    format!(
        "<img src=\"{src}\" alt=\"{}\" width=\"{}\" height=\"{}\">",
        escape(alt),
        r.width,
        r.height
    )
}

/// The raster as PNG bytes (RGB, or RGBA when it has an alpha channel).
fn png(r: &Raster) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new(&mut bytes);
    let (data, kind) = match &r.alpha {
        Some(alpha) => (
            r.rgb
                .chunks_exact(3)
                .zip(alpha)
                .flat_map(|(p, a)| [p[0], p[1], p[2], *a])
                .collect(),
            image::ExtendedColorType::Rgba8,
        ),
        None => (r.rgb.clone(), image::ExtendedColorType::Rgb8),
    };
    image::ImageEncoder::write_image(encoder, &data, r.width, r.height, kind).ok()?;
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(1.2345), "1.23");
        assert_eq!(num(-0.001), "0");
    }
}
