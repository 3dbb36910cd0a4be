//! The bilingual (Welsh–English) variant: built for areas in Wales (and
//! those that ask), Welsh first, the same type in both languages, and a
//! clear error for English text that has no Welsh. The Welsh runs' tags
//! are checked in tests/accessibility.rs.

mod common;

use std::collections::BTreeSet;

use common::{Example, TempProject, fonts, run};
use wellprint::layout::{Frame, FrameItem};
use wellprint::model::Variant;
use wellprint::{BuildOptions, Target};

/// The files below `out/<area>` whose names contain `-bilingual`.
fn bilingual_files(out: &std::path::Path, area: &str) -> BTreeSet<String> {
    match std::fs::read_dir(out.join(area)) {
        Ok(dir) => dir
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("-bilingual"))
            .collect(),
        Err(_) => BTreeSet::new(),
    }
}

#[test]
fn areas_in_wales_get_the_bilingual_pdfs_and_others_do_not() {
    let p = TempProject::new().with_area("cardiff").with_area("medway");
    let out = run(p.path(), &["build", "--out", "out"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let want: BTreeSet<String> = [
        "chime-wallet-card-bilingual.pdf",
        "wellbeing-leaflet-bilingual.pdf",
        "wellbeing-leaflet-bilingual-a5-booklet.pdf",
        "tips-poster-bilingual.pdf",
        "tips-poster-bilingual-a2.pdf",
    ]
    .map(str::to_owned)
    .into();
    // The DL's roll fold has six panels: it cannot hold twelve.
    assert_eq!(bilingual_files(&p.path().join("out"), "cardiff"), want);
    assert!(bilingual_files(&p.path().join("out"), "medway").is_empty());
}

#[test]
fn an_area_can_ask_for_the_bilingual_pdfs_or_decline_them() {
    let p = TempProject::new().with_area("medway").with_area("cardiff");
    let medway = std::fs::read_to_string(p.path().join("areas/medway.toml")).expect("medway");
    p.write("areas/medway.toml", &format!("bilingual = true\n{medway}"));
    let cardiff = std::fs::read_to_string(p.path().join("areas/cardiff.toml")).expect("cardiff");
    p.write(
        "areas/cardiff.toml",
        &format!("bilingual = false\n{cardiff}"),
    );
    let out = run(
        p.path(),
        &["build", "--resource", "chime-wallet-card", "--out", "out"],
    );
    assert_eq!(out.status.code(), Some(0));
    let out = p.path().join("out");
    assert_eq!(bilingual_files(&out, "medway").len(), 1);
    assert!(bilingual_files(&out, "cardiff").is_empty());
}

/// Every text item of the frames with its size, as `(text, size in pt)`.
fn texts(frames: &[Frame]) -> Vec<(String, i64)> {
    let mut out = Vec::new();
    for frame in frames {
        frame.visit(&mut |_, item| {
            if let FrameItem::Text(t) = item {
                out.push((t.text(), (t.size.to_pt() * 100.0).round() as i64));
            }
        });
    }
    out
}

#[test]
fn the_card_is_the_welsh_card_then_the_english_card_in_the_same_type() {
    let ex = Example::shipped();
    let card = ex.build("chime-wallet-card", Variant::Bilingual, "cardiff", None);
    assert_eq!(
        card.frames.len(),
        4,
        "Welsh front and back, English front and back"
    );
    let (welsh, english) = card.frames.split_at(2);
    let (cy, en) = (texts(welsh), texts(english));
    let all = |t: &[(String, i64)]| t.iter().map(|(s, _)| s.as_str()).collect::<String>();
    assert!(all(&cy).contains("Gobaith") && !all(&cy).contains("Hope"));
    assert!(all(&en).contains("Hope") && !all(&en).contains("Gobaith"));
    // Same typeface sizes for the same roles on each page: the set of
    // sizes of a Welsh page equals that of its English page.
    let sizes = |t: &[(String, i64)]| t.iter().map(|(_, s)| *s).collect::<BTreeSet<_>>();
    for (i, (cy, en)) in welsh.iter().zip(english).enumerate() {
        let (cy, en) = (
            texts(std::slice::from_ref(cy)),
            texts(std::slice::from_ref(en)),
        );
        assert_eq!(sizes(&cy), sizes(&en), "page {}", i + 1);
    }
    // The Welsh takes more room: where a page does not fit, both languages
    // step that page down together, never below the print floor of 6 pt;
    // a page that fits keeps the English card's sizes. Cardiff's Welsh
    // front needs smaller type; its back does not.
    let standard = ex.build("chime-wallet-card", Variant::Standard, "cardiff", None);
    for (page, (ours, theirs)) in english.iter().zip(&standard.frames).enumerate() {
        let (ours, theirs) = (
            sizes(&texts(std::slice::from_ref(ours))),
            sizes(&texts(std::slice::from_ref(theirs))),
        );
        assert_eq!(ours.len(), theirs.len(), "{ours:?} {theirs:?}");
        for (a, b) in ours.iter().zip(&theirs) {
            assert!(a <= b && *a >= 600, "{ours:?} {theirs:?}");
        }
        if page == 1 {
            assert_eq!(ours, theirs, "the back fits in Welsh at the English sizes");
        }
    }
}

#[test]
fn the_poster_puts_welsh_on_the_left_of_english_on_one_sheet() {
    let ex = Example::shipped();
    for (format, w, h) in [(None, 594.0, 420.0), (Some("a2"), 840.0, 594.0)] {
        let poster = ex.build("tips-poster", Variant::Bilingual, "cardiff", format);
        assert_eq!(poster.frames.len(), 1);
        let sheet = &poster.frames[0];
        assert!(
            (sheet.size.w.to_mm() - w).abs() < 0.5,
            "{format:?} {:?}",
            sheet.size
        );
        assert!(
            (sheet.size.h.to_mm() - h).abs() < 0.5,
            "{format:?} {:?}",
            sheet.size
        );
        assert!(sheet.folds.is_empty(), "a side-by-side sheet is not folded");
        let half = sheet.size.w / 2.0;
        let (mut left, mut right) = (String::new(), String::new());
        sheet.visit(&mut |at, item| {
            if let FrameItem::Text(t) = item {
                let side = if at.x < half { &mut left } else { &mut right };
                side.push_str(&t.text());
            }
        });
        assert!(
            left.contains("Derbyn") && !left.contains("Admission"),
            "{left}"
        );
        assert!(
            right.contains("Admission") && !right.contains("Derbyn"),
            "{right}"
        );
    }
}

#[test]
fn the_booklet_holds_both_versions_welsh_cover_first() {
    let ex = Example::shipped();
    let screen = ex.build("wellbeing-leaflet", Variant::Bilingual, "cardiff", None);
    assert_eq!(screen.frames.len(), 8);
    let first = texts(&screen.frames[..1]);
    assert!(
        first.iter().any(|(t, _)| t.contains("Beth")),
        "the Welsh cover comes first: {first:?}"
    );
    let booklet = ex.build(
        "wellbeing-leaflet",
        Variant::Bilingual,
        "cardiff",
        Some("a5-booklet"),
    );
    assert_eq!(booklet.frames.len(), 4, "8 pages, 2 sheets, both sides");
}

/// A project with Cardiff and Medway whose card has `old` replaced by `new`.
fn card_with(old: &str, new: &str) -> TempProject {
    let p = TempProject::new().with_area("cardiff").with_area("medway");
    let path = p.path().join("resources/chime-wallet-card.toml");
    let card = std::fs::read_to_string(&path).expect("card");
    assert!(card.contains(old), "premise: the card has {old}");
    p.write("resources/chime-wallet-card.toml", &card.replace(old, new));
    p
}

/// A project whose card has one English text changed: its Welsh no longer
/// matches.
fn changed_card() -> TempProject {
    card_with(
        "text = \"Believing that recovery and a better life are possible.\"",
        "text = \"Believing that a good life is possible.\"",
    )
}

/// Builds the card for every area of `p` into `out`: the exit code and
/// what was written to stderr.
fn build_cards(p: &TempProject) -> (Option<i32>, String) {
    let out = run(
        p.path(),
        &["build", "--resource", "chime-wallet-card", "--out", "out"],
    );
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code(), stderr)
}

#[test]
fn english_without_welsh_stops_only_the_bilingual_version_and_says_where() {
    let p = changed_card();
    let (code, stderr) = build_cards(&p);
    assert_eq!(code, Some(1), "some documents failed: {stderr}");
    assert!(
        stderr.contains("this text has no Welsh, so the bilingual version is not built"),
        "{stderr}"
    );
    let card =
        std::fs::read_to_string(p.path().join("resources/chime-wallet-card.toml")).expect("card");
    let line = card
        .lines()
        .position(|l| l.contains("a good life is possible"))
        .expect("changed line")
        + 1;
    assert!(
        stderr.contains(&format!("resources/chime-wallet-card.toml:{line}:")),
        "names the English text's line {line}: {stderr}"
    );
    assert!(
        stderr.contains("which the resource no longer has"),
        "the old Welsh is named as unused: {stderr}"
    );
    let out = p.path().join("out");
    assert!(
        bilingual_files(&out, "cardiff").is_empty(),
        "nothing partial"
    );
    assert!(out.join("cardiff/chime-wallet-card-standard.pdf").is_file());
    assert!(out.join("medway/chime-wallet-card-standard.pdf").is_file());
    let check = run(p.path(), &["check", "--resource", "chime-wallet-card"]);
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert_ne!(check.status.code(), Some(0));
    assert!(
        stderr.contains("has no Welsh"),
        "check reports it: {stderr}"
    );
}

#[test]
fn unreviewed_welsh_is_a_warning_until_it_is_marked_reviewed() {
    let p = TempProject::new().with_area("cardiff");
    let build = |p: &TempProject| {
        let out = run(p.path(), &["check", "--resource", "chime-wallet-card"]);
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert!(build(&p).contains("not been checked by a Welsh speaker"));
    let path = p.path().join("resources/chime-wallet-card.toml");
    let card = std::fs::read_to_string(&path).expect("card");
    p.write(
        "resources/chime-wallet-card.toml",
        &card.replace("[welsh]\nreviewed = false", "[welsh]\nreviewed = true"),
    );
    assert!(!build(&p).contains("not been checked by a Welsh speaker"));
}

#[test]
fn a_mistyped_key_in_the_welsh_table_is_an_error_at_the_key() {
    let p = TempProject::new().with_area("cardiff");
    let path = p.path().join("resources/chime-wallet-card.toml");
    let card = std::fs::read_to_string(&path).expect("card");
    p.write(
        "resources/chime-wallet-card.toml",
        &card.replace("[welsh]\nreviewed = false", "[welsh]\nreveiwed = false"),
    );
    let out = run(p.path(), &["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("reveiwed"), "{stderr}");
    assert!(
        stderr.contains("resources/chime-wallet-card.toml:"),
        "{stderr}"
    );
}

#[test]
fn the_bilingual_pdf_is_tagged_in_english_with_the_welsh_marked() {
    let ex = Example::shipped();
    let job = common::job(
        &ex.project,
        "chime-wallet-card",
        Variant::Bilingual,
        "cardiff",
        None,
    );
    let options = BuildOptions::for_target(Target::Screen);
    let built = wellprint::build(&ex.project, &job, &fonts(), &options).expect("builds");
    let doc = lopdf::Document::load_mem(&built.bytes).expect("loads");
    let catalog = doc.catalog().expect("catalog");
    assert_eq!(common::pdf_text(catalog, b"Lang"), "en-GB");
}

#[test]
fn welsh_too_long_for_its_page_at_the_smallest_size_is_an_error_naming_the_welsh() {
    let old = "= \"Credu bod adferiad a bywyd gwell yn bosibl.\"";
    let long = "Credu bod adferiad a bywyd gwell yn bosibl. ".repeat(8);
    let p = card_with(old, &format!("= \"{}\"", long.trim_end()));
    let (code, stderr) = build_cards(&p);
    assert_eq!(code, Some(1), "only the bilingual card fails: {stderr}");
    assert!(
        stderr.contains("this is the Welsh version of the page"),
        "{stderr}"
    );
    let out = p.path().join("out");
    assert!(
        bilingual_files(&out, "cardiff").is_empty(),
        "nothing partial"
    );
    assert!(out.join("cardiff/chime-wallet-card-standard.pdf").is_file());
}
