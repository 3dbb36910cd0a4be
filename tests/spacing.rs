//! `spacing = "distribute"`: the height a page's blocks leave is shared
//! out between them (up to `max-gap`), instead of pooling at the foot.

mod common;

use wellprint::layout::FrameItem;
use wellprint::model::Variant;

/// The first page's text lines: (top of the run, text), top to bottom,
/// without the page number.
fn lines(project: &common::TempProject) -> Vec<(f64, String)> {
    let (sources, loaded) = project.load().expect("project loads");
    let built = common::build(
        &sources,
        &loaded,
        "wellbeing-leaflet",
        Variant::EasyRead,
        "oxfordshire",
    )
    .expect("builds");
    let mut out = Vec::new();
    built.frames[0].visit(&mut |at, item| {
        if let FrameItem::Text(t) = item
            && !t.text().starts_with("Page ")
        {
            out.push((at.y.to_mm(), t.text()));
        }
    });
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    out
}

/// The Easy Read leaflet with its first page's spacing lines replaced (so
/// `max-gap` takes its default unless `spacing` gives one).
fn leaflet(spacing: &str) -> common::TempProject {
    let project = common::TempProject::new().with_area("oxfordshire");
    let path = project.path().join("resources/wellbeing-leaflet.toml");
    let text = std::fs::read_to_string(&path).expect("resource");
    let first = "[[easy-read.page]]\nspacing = \"distribute\"\nmax-gap = \"30mm\"\n";
    assert!(
        text.contains(first),
        "the shipped leaflet distributes its first page, up to 30 mm a gap"
    );
    let text = text.replacen(first, &format!("[[easy-read.page]]\n{spacing}\n"), 1);
    std::fs::write(&path, text).expect("write");
    project
}

#[test]
fn distributed_blocks_reach_down_the_page_and_share_the_space_equally() {
    let stacked = lines(&leaflet(""));
    let spread = lines(&leaflet("spacing = \"distribute\""));
    assert_eq!(stacked.len(), spread.len());
    let (last_stacked, last_spread) = (stacked[stacked.len() - 1].0, spread[spread.len() - 1].0);
    assert!(
        last_spread > last_stacked + 10.0,
        "the last line moved from {last_stacked:.1} mm only to {last_spread:.1} mm"
    );
    // Every line moved down by a whole number of equal extra gaps: the
    // moves, in order, take a few distinct values with equal steps.
    let mut moves: Vec<f64> = stacked
        .iter()
        .zip(&spread)
        .map(|(a, b)| b.0 - a.0)
        .collect();
    moves.dedup_by(|a, b| (*a - *b).abs() < 0.01);
    assert!(moves.len() >= 3, "moves {moves:?}");
    let step = moves[1] - moves[0];
    for w in moves.windows(2) {
        assert!(
            ((w[1] - w[0]) - step).abs() < 0.05,
            "uneven gaps: {moves:?}"
        );
    }
    assert!(
        step <= 12.0 + 0.01,
        "a gap grew past the 12 mm default: {step}"
    );
}

#[test]
fn max_gap_caps_the_space_added() {
    let stacked = lines(&leaflet(""));
    let capped = lines(&leaflet("spacing = \"distribute\"\nmax-gap = \"1mm\""));
    for (a, b) in stacked.iter().zip(&capped) {
        assert!((a.0 - b.0).abs() < 0.01, "{} moved: {} → {}", a.1, a.0, b.0);
    }
}
