//! `spacing = "distribute"`: the height a page's blocks leave is shared
//! out between them (up to `max-gap`), instead of pooling at the foot;
//! `spacing = "centre"`: it is shared above and below them.

mod common;

use wellprint::layout::FrameItem;
use wellprint::model::Variant;

/// The project's Easy Read leaflet for Oxfordshire, built.
fn easy_read_leaflet(project: &common::TempProject) -> wellprint::Built {
    let (sources, loaded) = project.load().expect("project loads");
    common::build(
        &sources,
        &loaded,
        "wellbeing-leaflet",
        Variant::EasyRead,
        "oxfordshire",
    )
    .expect("builds")
}

/// The first page's text lines: (top of the run, text), top to bottom,
/// without the page number.
fn lines(project: &common::TempProject) -> Vec<(f64, String)> {
    let built = easy_read_leaflet(project);
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

/// The lines of `frame`: (baseline in mm from the top, text), top to
/// bottom.
fn frame_lines(frame: &wellprint::layout::Frame) -> Vec<(f64, String)> {
    let mut out = Vec::new();
    frame.visit(&mut |at, item| {
        if let FrameItem::Text(t) = item {
            out.push((at.y.to_mm(), t.text()));
        }
    });
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    out
}

/// Bottom blocks hold together: the credits (`anchor = "bottom"`, before
/// the helplines) sit on the helpline band however much room the page
/// leaves, on the leaflet's back (which distributes its top blocks) and the
/// card's back: for every shipped area, the edition line is just above the
/// band, always the same distance from its first line.
#[test]
fn the_credits_hold_to_the_helpline_band() {
    let example = common::Example::shipped();
    for (resource, format, page, most) in [
        ("wellbeing-leaflet", Some("a5"), 3, 20.0),
        ("chime-wallet-card", None, 1, 10.0),
    ] {
        let mut gaps = Vec::new();
        for area in &example.project.areas {
            let id = area.id.value.to_string();
            let built = example.build(resource, Variant::Standard, &id, format);
            let lines = frame_lines(&built.frames[page]);
            let band = lines
                .iter()
                .position(|(_, t)| t.starts_with("Samaritans"))
                .unwrap_or_else(|| panic!("{id} {resource}: no helplines in {lines:?}"));
            assert!(band >= 1, "{id} {resource}");
            let above = &lines[band.saturating_sub(3)..band];
            assert!(
                above
                    .iter()
                    .any(|(_, t)| t.contains("Version") || t.contains("Published")),
                "{id} {resource}: the edition line is not above the helplines: {above:?}"
            );
            // From the credits' last baseline to the band's first: one gap,
            // the band's colour above its text, one line.
            gaps.push(lines[band].0 - lines[band - 1].0);
        }
        let (low, high) = gaps
            .iter()
            .fold((f64::MAX, f64::MIN), |(l, h), &g| (l.min(g), h.max(g)));
        assert!(
            high < most && high - low < 2.0,
            "{resource}: the credits are {low:.1} to {high:.1} mm above the helplines"
        );
    }
}

/// The Easy Read leaflet's first page (oxfordshire) with its second row's
/// text said twice, so that row is taller than the others, and `grid`
/// as given: the top of each row's first line, in mm.
fn row_tops(grid: bool) -> Vec<f64> {
    let project = common::TempProject::new().with_area("oxfordshire");
    let path = project.path().join("resources/wellbeing-leaflet.toml");
    let text = std::fs::read_to_string(&path).expect("resource");
    let second = "People who have been unwell told us 5 things that help.";
    assert!(text.contains(second) && text.contains("grid = true\n"));
    let mut text = text.replacen(second, &format!("{second} {second} {second}"), 1);
    if !grid {
        text = text.replacen("grid = true\n", "", 1);
    }
    std::fs::write(&path, text).expect("write");
    // The tops of the four rows' pictures (their words sit in the middle
    // of each picture's height, so a longer text starts higher).
    let built = easy_read_leaflet(&project);
    let mut tops = Vec::new();
    built.frames[0].visit(&mut |at, item| {
        if let FrameItem::Group(g) = item
            && g.alt.is_some()
        {
            tops.push(at.y.to_mm());
        }
    });
    tops.sort_by(f64::total_cmp);
    assert_eq!(
        tops.len(),
        4,
        "the first page's four row pictures: {tops:?}"
    );
    tops
}

/// The steps between successive tops.
fn pitches(tops: &[f64]) -> Vec<f64> {
    tops.windows(2).map(|w| w[1] - w[0]).collect()
}

/// `grid = true`: every row on the page is as tall as the tallest, so the
/// rows fall on one pitch even when one row's text is longer; without it
/// the long row pushes the next one further down than the others.
#[test]
fn rows_on_a_grid_page_fall_on_one_pitch() {
    let on = pitches(&row_tops(true));
    let off = pitches(&row_tops(false));
    let spread = |p: &[f64]| {
        p.iter().cloned().fold(f64::MIN, f64::max) - p.iter().cloned().fold(f64::MAX, f64::min)
    };
    assert!(spread(&on) < 0.2, "rows on the grid: {on:?}");
    assert!(spread(&off) > 2.0, "rows without the grid: {off:?}");
}

/// Where the Easy Read leaflet's first row ("This guide is about …")
/// starts, in mm from the page's left edge (after the row's picture
/// column), with the resource's text changed by `edit`.
fn connection_x(edit: &dyn Fn(String) -> String) -> f64 {
    let project = common::TempProject::new().with_area("oxfordshire");
    let path = project.path().join("resources/wellbeing-leaflet.toml");
    let text = std::fs::read_to_string(&path).expect("resource");
    std::fs::write(&path, edit(text)).expect("write");
    let (sources, loaded) = project.load().expect("project loads");
    let built = common::build(
        &sources,
        &loaded,
        "wellbeing-leaflet",
        Variant::EasyRead,
        "oxfordshire",
    )
    .expect("builds");
    let mut x = None;
    for frame in &built.frames {
        frame.visit(&mut |at, item| {
            if let FrameItem::Text(t) = item
                && t.text().starts_with("This guide is about")
            {
                x = Some(at.x.to_mm());
            }
        });
    }
    x.expect("the first row's text")
}

/// `max-width`: the Easy Read leaflet's row pictures are 28 mm and may
/// grow to 35 mm; its first page has the room, so they do, and the text
/// beside them moves right by the 7 mm. Without `max-width` they keep
/// their 28 mm. Allowed 60 mm, they grow only as far as the page has
/// room.
#[test]
fn pictures_grow_into_the_room_the_page_leaves_up_to_max_width() {
    let grown = connection_x(&|t| t);
    let kept = connection_x(&|t| t.replace("max-width = \"35mm\"\n", ""));
    assert!(
        (grown - kept - 7.0).abs() < 0.05,
        "the text beside the picture is at {grown:.2} mm, {kept:.2} mm without max-width"
    );
    // Up to 60 mm they would not all fit: they grow as far as the page
    // has room, further than to 35 mm but short of 60.
    let big = connection_x(&|t| t.replace("max-width = \"35mm\"", "max-width = \"60mm\""));
    assert!(
        big > grown + 0.5 && big < kept + 32.0 - 0.5,
        "with max-width 60 mm the text is at {big:.2} mm ({kept:.2} mm at 28 mm)"
    );
}

/// The Easy Read card's Samaritans panel (the outside's leftmost, panel
/// 8), its spacing line as given: the tops of its text lines, in mm.
fn samaritans_lines(spacing: &str) -> Vec<f64> {
    let project = common::TempProject::new().with_area("oxfordshire");
    let path = project.path().join("resources/chime-wallet-card.toml");
    let text = std::fs::read_to_string(&path).expect("resource");
    let panel =
        "# Panel 8: a helpline that is always open.\n[[easy-read.page]]\nspacing = \"centre\"\n";
    assert!(text.contains(panel), "the shipped card centres panel 8");
    let text = text.replacen(panel, &format!("[[easy-read.page]]\n{spacing}\n"), 1);
    std::fs::write(&path, text).expect("write");
    let (sources, loaded) = project.load().expect("project loads");
    let built = common::build(
        &sources,
        &loaded,
        "chime-wallet-card",
        Variant::EasyRead,
        "oxfordshire",
    )
    .expect("builds");
    let panel_width = built.frames[0].size.w.to_mm() / 4.0;
    let mut tops = Vec::new();
    built.frames[0].visit(&mut |at, item| {
        if let FrameItem::Text(_) = item
            && at.x.to_mm() < panel_width
        {
            tops.push(at.y.to_mm());
        }
    });
    tops.sort_by(f64::total_cmp);
    tops.dedup_by(|a, b| (*a - *b).abs() < 0.01);
    tops
}

/// `spacing = "centre"`: the panel's one row (five lines of text, taller
/// than its picture: each sentence starts a line) moves down by half of
/// what the panel leaves, so the space above it equals the space below.
#[test]
fn a_centred_panel_has_as_much_room_above_its_row_as_below() {
    let stacked = samaritans_lines("");
    let centred = samaritans_lines("spacing = \"centre\"");
    assert_eq!(stacked.len(), 5, "five lines: {stacked:?}");
    assert_eq!(centred.len(), stacked.len());
    let pitch = stacked[1] - stacked[0];
    // The card is 55 mm tall with 4.5 mm margins; stacked, the row starts
    // at the top margin.
    let left = 55.0 - 2.0 * 4.5 - pitch * stacked.len() as f64;
    let moved: Vec<f64> = stacked.iter().zip(&centred).map(|(a, b)| b - a).collect();
    for m in &moved {
        assert!(
            (m - left / 2.0).abs() < 0.3,
            "the lines moved {moved:?} mm; half of the {left:.1} mm left is {:.1}",
            left / 2.0
        );
    }
}

/// Where the text runs (baseline, text) and the row pictures (top) are on
/// page `page` of the shipped Easy Read leaflet, in mm, top to bottom.
fn texts_and_pictures(page: usize) -> (Vec<(f64, String)>, Vec<f64>) {
    let project = common::TempProject::new().with_area("oxfordshire");
    let built = easy_read_leaflet(&project);
    let (mut texts, mut pictures) = (Vec::new(), Vec::new());
    built.frames[page].visit(&mut |at, item| match item {
        FrameItem::Text(t) => texts.push((at.y.to_mm(), t.text())),
        FrameItem::Group(g) if g.alt.is_some() => pictures.push(at.y.to_mm()),
        _ => {}
    });
    texts.sort_by(|a, b| a.0.total_cmp(&b.0));
    pictures.sort_by(f64::total_cmp);
    (texts, pictures)
}

/// A row's words shorter than its picture sit in the middle of its
/// height: the first row's first baseline is 15 mm below the picture's
/// top (6 mm when the words are set at the top).
#[test]
fn a_short_rows_words_sit_in_the_middle_of_its_picture() {
    let (texts, pictures) = texts_and_pictures(0);
    let (baseline, _) = texts
        .iter()
        .find(|(_, t)| t.starts_with("This guide is about"))
        .expect("the first row");
    let top = pictures.first().expect("its picture");
    assert!(
        baseline - top > 10.0,
        "the first baseline is {:.1} mm below the picture's top",
        baseline - top
    );
}

/// On a panel of several sections the rows of one idea keep closer
/// together than the ideas: the step from an idea's first row to its
/// second is shorter than from its second to the next idea's first, by
/// 38 mm on page 3 (12 mm, about the sections' spacer, when the space is
/// shared evenly).
#[test]
fn an_ideas_two_rows_keep_closer_than_the_ideas() {
    // Page 3, Meaning and Empowerment, has room to share out.
    let (_, pictures) = texts_and_pictures(2);
    assert_eq!(pictures.len(), 4, "two ideas of two rows: {pictures:?}");
    let within = pictures[1] - pictures[0];
    let between = pictures[2] - pictures[1];
    assert!(
        between - within > 20.0,
        "rows of an idea {within:.1} mm apart, ideas {between:.1} mm: {pictures:?}"
    );
}

/// A lone block above the bottom stack stands in the middle of the room
/// that stack leaves: on every shipped area's DL back panel, the quote is
/// about as far below the panel's top as above the small print, instead
/// of sitting at the top with the room all below it.
#[test]
fn a_lone_quote_stands_in_the_middle_of_the_room_above_the_small_print() {
    let example = common::Example::shipped();
    for area in &example.project.areas {
        let id = area.id.value.to_string();
        let built = example.build("wellbeing-leaflet", Variant::Standard, &id, Some("dl"));
        let lines = built
            .frames
            .iter()
            .map(frame_lines)
            .find(|l| l.iter().any(|(_, t)| t.contains("emphasises")))
            .unwrap_or_else(|| panic!("{id}: no panel has the quote"));
        let find = |s: &str| {
            lines
                .iter()
                .find(|(_, t)| t.contains(s))
                .unwrap_or_else(|| panic!("{id}: no {s:?} in {lines:?}"))
                .0
        };
        let (quote, credit, small) = (find("emphasises"), find("A member of"), find("CHIME:"));
        let (above, below) = (quote, small - credit);
        assert!(
            below > 15.0 && (above - below).abs() < 12.0,
            "{id}: the quote is {above:.1} mm below the top and {below:.1} mm above the small print"
        );
    }
}
