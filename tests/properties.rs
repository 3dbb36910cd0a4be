//! Properties that must hold for any input: text either fits its box or is
//! an error (never a panic, never a line wider than the box), and no TOML
//! text makes loading panic.

mod common;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use wellprint::diag::{FileId, Sources, Span};
use wellprint::geom::Abs;
use wellprint::layout::{FontBook, Paragraph, TextSpec};
use wellprint::resolve::{RichText, Run};

fn book() -> FontBook {
    FontBook::load(
        &wellprint::files::Disk::new(common::root()),
        std::path::Path::new("fonts"),
    )
    .expect("fonts")
}

/// Characters no bundled font has: a paragraph with one must be an error.
const UNPRINTABLE: &[&str] = &["漢字", "한글", "नमस्ते"];

/// Words from the scripts and symbols resources use, joined by spaces,
/// line feeds and punctuation; one case in ten also has a character no
/// font has.
fn text() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        "[a-zA-Z]{1,12}",
        "[ŵŷâêîôûŴŶ]{1,4}[a-z]{0,6}",
        Just("—".to_owned()),
        Just("01632 960 001".to_owned()),
        Just("example.org/a-very-long-address-without-spaces".to_owned()),
        Just("→ ✓ ☎".to_owned()),
        // DejaVu Sans has the emoticons.
        Just("😀".to_owned()),
        "[ -~]{1,20}",
    ];
    let words = prop::collection::vec(
        (
            word,
            prop_oneof![Just(" "), Just("\n"), Just(", "), Just("")],
        ),
        0..30,
    );
    let odd = prop::option::weighted(
        0.1,
        (
            prop::sample::select(UNPRINTABLE),
            any::<prop::sample::Index>(),
        ),
    );
    (words, odd).prop_map(|(parts, odd)| {
        let mut parts: Vec<String> = parts.into_iter().map(|(w, s)| format!("{w}{s}")).collect();
        if let Some((c, at)) = odd {
            parts.insert(at.index(parts.len() + 1), format!("{c} "));
        }
        parts.concat()
    })
}

/// What setting one paragraph gave.
#[derive(Debug, Default)]
struct Tally {
    cases: usize,
    fitted: usize,
    missing: usize,
    too_wide: usize,
}

/// Sets `s` and checks the outcome: a paragraph no wider than the box, or
/// an error that is true of the text (a character no font has, a word
/// wider than the box).
fn set_one(
    faces: &wellprint::layout::Faces,
    s: &str,
    bold: bool,
    width: Abs,
    size: Abs,
    tally: &mut Tally,
) -> Result<(), TestCaseError> {
    use wellprint::layout::TextError;
    let mut sources = Sources::new();
    let file: FileId = sources.add("t.toml", s.to_owned());
    let rich = RichText {
        runs: vec![Run::new(s, bold)],
        span: Some(Span::new(file, 0..s.len())),
    };
    let spec = TextSpec::new(size, 1.3, false);
    let unprintable = UNPRINTABLE.iter().any(|u| s.contains(u));
    tally.cases += 1;
    match Paragraph::set(&rich, spec, width, faces) {
        Ok(p) => {
            tally.fitted += 1;
            prop_assert!(!unprintable, "{s:?} has a character no font has");
            prop_assert!(
                p.width() <= width + Abs::pt(0.02),
                "line {:?} wider than box {:?}",
                p.width(),
                width
            );
            prop_assert!(p.height() >= Abs::ZERO);
        }
        Err(TextError::Missing(m)) => {
            tally.missing += 1;
            prop_assert!(
                UNPRINTABLE.iter().any(|u| u.contains(m.0)),
                "{:?} has a glyph: {s:?}",
                m.0
            );
        }
        Err(TextError::TooWide(w)) => {
            tally.too_wide += 1;
            prop_assert!(!unprintable, "{s:?}: the missing glyph is the error");
            prop_assert!(
                w.excess > Abs::ZERO && s.contains(w.word.as_str()),
                "{w:?} in {s:?}"
            );
        }
    }
    Ok(())
}

#[test]
fn text_fits_its_box_or_is_an_error() {
    // Boxes from 5 mm to a poster's width, text from the print minimum to
    // a heading's size.
    let cases = (text(), any::<bool>(), 5.0f64..200.0, 6.0f64..40.0);
    let mut runner = TestRunner::new(Config {
        cases: 400,
        failure_persistence: None,
        ..Config::default()
    });
    let faces = book();
    let faces = faces.faces();
    let tally = std::cell::RefCell::new(Tally::default());
    let result = runner.run(&cases, |(s, bold, width_mm, size_pt)| {
        set_one(
            &faces,
            &s,
            bold,
            Abs::mm(width_mm),
            Abs::pt(size_pt),
            &mut tally.borrow_mut(),
        )
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let t = tally.into_inner();
    eprintln!("{t:?}");
    // Many cases are ordinary text in a box wide enough: if most of them
    // error, the property above is checked on almost nothing. (About 43 %
    // set: phone numbers and addresses only break where a reader expects,
    // so boxes under 25 mm often cannot hold them.)
    assert!(
        t.fitted * 3 >= t.cases,
        "only {} of {} set: {t:?}",
        t.fitted,
        t.cases
    );
    assert!(t.missing > 0 && t.too_wide > 0, "both errors happen: {t:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn loading_any_toml_never_panics(s in "\\PC{0,400}") {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("r.toml");
        std::fs::write(&path, &s).expect("write");
        let mut sources = Sources::new();
        let files = wellprint::files::Disk::new(dir.path());
        let rel = path.strip_prefix(dir.path()).expect("inside");
        let _ = wellprint::model::load_resource(&files, rel, &mut sources);
        let _ = wellprint::model::load_area(&files, rel, &mut sources);
    }
}

#[test]
fn mutated_real_resources_never_panic() {
    // Every single-line deletion of the real card must load or fail with
    // diagnostics naming the card, never panic; and every document of what
    // loads must build or fail with diagnostics, never panic.
    const CARD: &str = "resources/chime-wallet-card.toml";
    let original = std::fs::read_to_string(common::root().join(CARD)).expect("read");
    let lines: Vec<&str> = original.lines().collect();
    let p = common::TempProject::new().with_area("oxfordshire");
    let fonts = common::fonts();
    let (mut mutants, mut loaded, mut jobs, mut built) = (0, 0, 0, 0);
    for skip in 0..lines.len() {
        let line = lines[skip].trim();
        if line.is_empty() || line.starts_with('#') {
            continue; // the same card as the original
        }
        let mut text: Vec<&str> = lines.clone();
        text.remove(skip);
        p.write(CARD, &text.join("\n"));
        mutants += 1;
        let (sources, project) = match p.load() {
            Ok(loaded) => loaded,
            Err(e) => {
                assert!(e.contains(CARD), "without line {}: {e}", skip + 1);
                continue;
            }
        };
        loaded += 1;
        for job in wellprint::all_jobs(&project)
            .iter()
            .filter(|j| j.resource.id.value == "chime-wallet-card")
        {
            jobs += 1;
            match wellprint::build(&project, job, &fonts, &Default::default()) {
                Ok(b) => {
                    assert!(!b.frames.is_empty() && !b.bytes.is_empty());
                    built += 1;
                }
                Err(e) => assert!(
                    !e.is_empty(),
                    "without line {}: an error without diagnostics ({})",
                    skip + 1,
                    common::render(&sources, &e)
                ),
            }
        }
    }
    eprintln!("{mutants} mutants, {loaded} load, {built} of {jobs} documents build");
    // Many lines are optional (a subtitle, a colour, an anchor): a run in
    // which (almost) nothing loads or builds checked nothing.
    assert!(loaded * 3 >= mutants, "{loaded} of {mutants} load");
    assert!(built * 2 >= jobs && built > 0, "{built} of {jobs} build");
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
        runs: vec![Run::new(s, false)],
        span: Some(Span::new(file, 0..s.len())),
    };
    let spec = TextSpec::new(Abs::pt(10.0), 1.2, false);
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
