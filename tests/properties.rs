//! Properties that must hold for any input: text either fits its box or is
//! an error (never a panic, never a line wider than the box), and no TOML
//! text makes loading panic.

mod common;

use proptest::prelude::*;
use wellprint::diag::{FileId, Sources, Span};
use wellprint::geom::Abs;
use wellprint::layout::{FontBook, Paragraph, TextSpec};
use wellprint::resolve::{RichText, Run};

fn book() -> FontBook {
    FontBook::load(&common::root().join("fonts")).expect("fonts")
}

/// Words from the scripts and symbols resources use, plus things no font
/// has, joined by spaces, line feeds and punctuation.
fn text() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        "[a-zA-Z]{1,12}",
        "[ŵŷâêîôûŴŶ]{1,4}[a-z]{0,6}",
        Just("—".to_owned()),
        Just("01632 960 001".to_owned()),
        Just("example.org/a-very-long-address-without-spaces".to_owned()),
        Just("→ ✓ ☎".to_owned()),
        Just("😀".to_owned()),
        Just("漢字".to_owned()),
        "[ -~]{1,20}",
    ];
    prop::collection::vec(
        (
            word,
            prop_oneof![Just(" "), Just("\n"), Just(", "), Just("")],
        ),
        0..30,
    )
    .prop_map(|parts| parts.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn text_fits_its_box_or_is_an_error(s in text(), bold in any::<bool>(), width_mm in 5.0f64..200.0, size_pt in 6.0f64..40.0) {
        let book = book();
        let faces = book.faces();
        let mut sources = Sources::new();
        let file: FileId = sources.add("t.toml", s.clone());
        let rich = RichText { runs: vec![Run { text: s.clone(), bold }], span: Some(Span::new(file, 0..s.len())) };
        let spec = TextSpec { size: Abs::pt(size_pt), leading: 1.3, bold: false };
        let width = Abs::mm(width_mm);
        if let Ok(p) = Paragraph::set(&rich, spec, width, &faces) {
            prop_assert!(p.width() <= width + Abs::pt(0.02), "line {:?} wider than box {:?}", p.width(), width);
            prop_assert!(p.height() >= Abs::ZERO);
        }
    }

    #[test]
    fn loading_any_toml_never_panics(s in "\\PC{0,400}") {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("r.toml");
        std::fs::write(&path, &s).expect("write");
        let mut sources = Sources::new();
        let _ = wellprint::model::load_resource(dir.path(), &path, &mut sources);
        let _ = wellprint::model::load_area(dir.path(), &path, &mut sources);
    }
}

#[test]
fn mutated_real_resources_never_panic() {
    // Every single-line deletion of the real card must load or fail with
    // diagnostics, never panic; and a build of what loads must not panic.
    let root = common::root();
    let original =
        std::fs::read_to_string(root.join("resources/chime-wallet-card.toml")).expect("read");
    let lines: Vec<&str> = original.lines().collect();
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("r.toml");
    for skip in 0..lines.len() {
        let text: Vec<&str> = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, l)| *l)
            .collect();
        std::fs::write(&path, text.join("\n")).expect("write");
        let mut sources = Sources::new();
        let _ = wellprint::model::load_resource(dir.path(), &path, &mut sources);
    }
}

#[test]
fn symbols_the_main_face_lacks_come_from_the_fallback_face() {
    use wellprint::layout::FontId;
    let book = book();
    let faces = book.faces();
    assert!(
        !faces.covers(FontId::Regular, '☎'),
        "premise: Atkinson has no ☎"
    );
    assert_eq!(faces.pick(false, '☎'), Some(FontId::Fallback));
    assert_eq!(
        faces.pick(true, 'ŵ'),
        Some(FontId::Bold),
        "Welsh letters come from the main face"
    );
    let mut sources = Sources::new();
    let s = "Phone ☎ 01632 960 001 → ŵŷ";
    let file = sources.add("t.toml", s.to_owned());
    let rich = RichText {
        runs: vec![Run {
            text: s.to_owned(),
            bold: false,
        }],
        span: Some(Span::new(file, 0..s.len())),
    };
    let spec = TextSpec {
        size: Abs::pt(10.0),
        leading: 1.2,
        bold: false,
    };
    let p = Paragraph::set(&rich, spec, Abs::mm(100.0), &faces).expect("sets");
    let mut items = Vec::new();
    p.place(
        wellprint::geom::Point::default(),
        wellprint::colour::Colour::BLACK,
        &mut items,
    );
    let fonts: Vec<FontId> = items
        .iter()
        .filter_map(|(_, i)| match i {
            wellprint::layout::FrameItem::Text(t) => Some(t.font),
            _ => None,
        })
        .collect();
    assert!(
        fonts.contains(&FontId::Fallback) && fonts.contains(&FontId::Regular),
        "{fonts:?}"
    );
    let text: String = items
        .iter()
        .filter_map(|(_, i)| match i {
            wellprint::layout::FrameItem::Text(t) => Some(t.text()),
            _ => None,
        })
        .collect();
    assert_eq!(text, s, "every character survives, in order");
}
