//! The frame reader and the PDF reader see the same facts (not only the
//! same findings) in every example document, plain and as PDF/X with
//! marks and a slug.

use std::path::Path;

use super::{Facts, from_frames, pdf};
use crate::diag::Sources;
use crate::render::{MarkSettings, PdfOptions};
use crate::{BuildOptions, Fonts};

fn near(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

/// Where the two readers' facts differ, if anywhere.
fn differences(frames: &Facts, file: &Facts) -> Vec<String> {
    let mut out = Vec::new();
    if frames.pages.len() != file.pages.len() || frames.pdfx != file.pdfx {
        out.push("page count or PDF/X claim".to_owned());
    }
    for (n, (a, b)) in frames.pages.iter().zip(&file.pages).enumerate() {
        let boxes =
            |x: Option<crate::inspect::BoxPt>, y: Option<crate::inspect::BoxPt>| match (x, y) {
                (Some(x), Some(y)) => x.contains(&y, 0.01) && y.contains(&x, 0.01),
                _ => false,
            };
        if !boxes(Some(a.media), Some(b.media))
            || !boxes(a.trim, b.trim)
            || !boxes(a.bleed, b.bleed)
        {
            out.push(format!("page {n}: boxes"));
        }
        if a.text.len() != b.text.len() {
            out.push(format!(
                "page {n}: {} runs, file {}",
                a.text.len(),
                b.text.len()
            ));
        }
        for (r, s) in a.text.iter().zip(&b.text) {
            let same = near(r.size, s.size, 0.01)
                && near(r.x, s.x, 0.01)
                && near(r.y, s.y, 0.01)
                && near(r.width, s.width, 0.05)
                && r.text.trim().is_empty() == s.text.trim().is_empty();
            if !same {
                out.push(format!(
                    "page {n}: run “{}” {} {} {} {} vs “{}” {} {} {} {}",
                    r.text, r.size, r.x, r.y, r.width, s.text, s.size, s.x, s.y, s.width
                ));
            }
        }
        let (p, q) = (&a.paint, &b.paint);
        let lines = match (p.thinnest_line, q.thinnest_line) {
            (Some(x), Some(y)) => near(x, y, 0.001),
            (x, y) => x == y,
        };
        let images = p.images.len() == q.images.len()
            && p.images.iter().zip(&q.images).all(|(i, j)| {
                i.name == j.name
                    && i.width == j.width
                    && i.height == j.height
                    && near(i.ppi, j.ppi, 0.5)
            });
        if !lines
            || p.thin_lines != q.thin_lines
            || !images
            || !near(p.max_ink, q.max_ink, 0.5)
            || p.not_pure_black_text != q.not_pure_black_text
        {
            out.push(format!("page {n}: paint {p:?} vs {q:?}"));
        }
    }
    out
}

#[test]
fn frames_and_file_give_the_same_facts_for_every_example() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Sources::new();
    let files = crate::files::Disk::new(root);
    let Ok(project) = crate::load(&files, &mut sources) else {
        panic!("the examples load");
    };
    let fonts = Fonts::load(&files).expect("bundled fonts load");
    let marked = BuildOptions {
        pdf: PdfOptions {
            marks: Some(MarkSettings {
                slug: true,
                ..MarkSettings::default()
            }),
            pdfx: true,
            ..PdfOptions::default()
        },
        ..BuildOptions::default()
    };
    let mut compared = 0;
    for job in crate::all_jobs(&project) {
        for options in [&BuildOptions::default(), &marked] {
            let Ok(built) = crate::build(&project, &job, &fonts, options) else {
                panic!("{} {} builds", job.resource.id.value, job.format.name);
            };
            let from_frames =
                from_frames::facts(&built.frames, &options.pdf, &fonts.book().faces());
            let from_file = pdf::facts(&built.bytes).expect("reads");
            let diff = differences(&from_frames, &from_file);
            assert!(
                diff.is_empty(),
                "{} {} {} {}:\n{}",
                job.area.id.value,
                job.resource.id.value,
                job.variant,
                job.format.name,
                diff.join("\n")
            );
            compared += 1;
        }
    }
    assert!(compared >= 100, "every document, twice: {compared}");
}
