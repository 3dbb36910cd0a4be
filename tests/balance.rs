//! Pages that are full: the tallest empty band of every page of every
//! shipped document, measured as `../shared/tools/empty_band.py` measures
//! it (a 40 dpi render, inside the TrimBox, a row one flat colour), is at
//! most 24 % of the trimmed height: a point inside the 25 % goal in
//! docs/format.md ("Pictures can grow"), so that a page which creeps
//! back to the goal's edge (the leaflet's cover, the DL's inside and the
//! Easy Read card's inside were at 25 % before their pictures grew) is
//! seen.

mod common;

use wellprint::BuildOptions;
use wellprint::inspect::inspect;

/// The goal, a point inside docs/format.md's 25 %.
const GOAL: f64 = 0.24;

/// The tallest run of empty rows of each page inside its trim, as a share
/// of the trim height.
fn empty_bands(pdf: &[u8]) -> Vec<f64> {
    let report = inspect(pdf).expect("parses");
    let dpi = 40.0;
    report
        .pages
        .iter()
        .enumerate()
        .map(|(i, page)| {
            let px = common::render_page(pdf, i, dpi);
            let media = &page.media_box;
            let trim = page.trim_box.as_ref().unwrap_or(media);
            let sx = px.width as f64 / media.width();
            let sy = px.height as f64 / media.height();
            let x0 = ((trim.x0 - media.x0) * sx) as usize + 2;
            let x1 = ((trim.x1 - media.x0) * sx) as usize - 2;
            let y0 = ((media.y1 - trim.y1) * sy) as usize + 2;
            let y1 = ((media.y1 - trim.y0) * sy) as usize - 2;
            let (mut best, mut run) = (0, 0);
            for y in y0..y1 {
                let greys = (x0..x1).map(|x| {
                    let [r, g, b] = px.at(x, y);
                    // Pillow's "L": ITU-R 601-2 luma.
                    (f64::from(r) * 0.299 + f64::from(g) * 0.587 + f64::from(b) * 0.114) as i32
                });
                let (lo, hi) = greys.fold((255, 0), |(lo, hi), g| (lo.min(g), hi.max(g)));
                run = if hi - lo < 8 { run + 1 } else { 0 };
                best = best.max(run);
            }
            best as f64 / (y1 - y0).max(1) as f64
        })
        .collect()
}

#[test]
fn no_page_of_a_shipped_document_has_a_tall_empty_band() {
    let (_, project) = common::load(&common::root());
    let fonts = common::fonts();
    let mut measured = 0;
    let mut failures = Vec::new();
    for job in wellprint::all_jobs(&project) {
        let built =
            wellprint::build(&project, &job, &fonts, &BuildOptions::default()).expect("builds");
        let name = format!(
            "{} {} {}",
            job.resource.id.value, job.variant, job.format.name
        );
        let limit = GOAL;
        for (page, band) in empty_bands(&built.bytes).into_iter().enumerate() {
            measured += 1;
            if band > limit + 0.005 {
                failures.push(format!(
                    "{} {name} page {}: {band:.2} (at most {limit:.2})",
                    job.area.id.value,
                    page + 1
                ));
            }
        }
    }
    assert!(measured > 200, "every page of every document: {measured}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
