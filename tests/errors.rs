//! Bad input gets a clear error with file, line and column, a hint, and
//! exit code 2, and no PDF is written.

mod common;

use common::{GOOD_AREA, TempProject, run};

fn out_is_empty(p: &TempProject) -> bool {
    let out = p.path().join("out");
    !out.exists()
        || common::files_below(&out)
            .iter()
            .all(|f| f.extension().is_none_or(|e| e != "pdf"))
}

#[test]
fn malformed_toml_reports_line_and_column_and_exits_2() {
    let p = TempProject::new();
    // Line 3 lacks the closing quote.
    p.write(
        "areas/broken.toml",
        "id = \"broken\"\nname = \"Broken\"\nnation = \"england\nfoo = 1\n",
    );
    let err = p.load().expect_err("must fail");
    assert!(err.contains("areas/broken.toml:3:"), "{err}");
    let out = run(p.path(), &["build"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("areas/broken.toml:3:"), "{stderr}");
    assert!(out_is_empty(&p));
}

#[test]
fn unknown_field_is_named_with_a_suggestion() {
    let p = TempProject::new();
    p.write(
        "areas/t.toml",
        &GOOD_AREA.replace("name = \"Testshire\"", "naem = \"Testshire\""),
    );
    let err = p.load().expect_err("must fail");
    assert!(err.contains("areas/t.toml:2:1"), "{err}");
    assert!(err.contains("unknown field `naem`"), "{err}");
    assert!(err.contains("did you mean `name`?"), "{err}");
}

#[test]
fn missing_required_field_is_named() {
    let p = TempProject::new();
    p.write(
        "areas/t.toml",
        &GOOD_AREA.replace("phone = \"01632 960 901\"\n", ""),
    );
    let err = p.load().expect_err("must fail");
    assert!(err.contains("missing field `phone`"), "{err}");
    assert!(
        err.contains("areas/t.toml:5:"),
        "points at the contact table: {err}"
    );
}

#[test]
fn wrong_type_is_explained() {
    let p = TempProject::new();
    p.write(
        "areas/t.toml",
        &GOOD_AREA.replace("\"01632 960 901\"", "1632960901"),
    );
    let err = p.load().expect_err("must fail");
    assert!(err.contains("areas/t.toml:7:9"), "{err}");
    assert!(err.contains("invalid type"), "{err}");
    assert!(err.contains("double quotes"), "{err}");
}

/// Twelve contacts on a card back whose `fit` does not list `fewer` (the
/// shipped back lists it, and then prints what fits with a warning, see
/// tests/range.rs).
#[test]
fn too_many_contacts_is_an_overflow_error_naming_the_block() {
    let p = TempProject::new();
    p.strict_card();
    let mut area = GOOD_AREA.to_owned();
    for i in 0..12 {
        area.push_str(&format!(
            "\n[[contact]]\nname = \"Extra Group {i}\"\nphone = \"01632 960 9{i:02}\"\nhours = \"Tuesdays\"\ntags = [\"card\"]\n"
        ));
    }
    p.write("areas/t.toml", &area);
    let out = run(p.path(), &["build"]);
    // The other resources still build: exit 1, not 2 (issue 5).
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("page 2, block 2 (contacts) does not fit"),
        "{stderr}"
    );
    assert!(stderr.contains("mm too tall"), "{stderr}");
    assert!(
        stderr.contains("resources/chime-wallet-card.toml:"),
        "{stderr}"
    );
    assert!(
        !p.path()
            .join("out/testshire/chime-wallet-card-standard.pdf")
            .exists(),
        "no PDF written for an overflowing card"
    );
}

#[test]
fn a_character_no_font_has_is_named() {
    let p = TempProject::new();
    p.write(
        "areas/t.toml",
        &GOOD_AREA.replace("Test Recovery College", "Test 漢 College"),
    );
    let out = run(p.path(), &["build"]);
    // Documents without that contact still build: exit 1, not 2 (issue 5).
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("`漢` (U+6F22)"), "{stderr}");
    assert!(stderr.contains("Test 漢 College"), "{stderr}");
}

#[test]
fn unknown_placeholder_and_colour_are_errors_with_hints() {
    let p = TempProject::new().with_area("medway");
    let card =
        std::fs::read_to_string(p.path().join("resources/chime-wallet-card.toml")).expect("read");
    p.write(
        "resources/chime-wallet-card.toml",
        &card
            .replace(
                "Local support in {area.name}",
                "Local support in {area.nmae}",
            )
            .replace("fill = \"navy\"", "fill = \"nvy\""),
    );
    // The colour is checked when loading…
    let err = p.load().expect_err("must fail");
    assert!(err.contains("there is no colour called `nvy`"), "{err}");
    assert!(err.contains("did you mean `navy`?"), "{err}");
    // …and the placeholder when the area is filled in.
    p.write(
        "resources/chime-wallet-card.toml",
        &card.replace(
            "Local support in {area.name}",
            "Local support in {area.nmae}",
        ),
    );
    let out = run(p.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("unknown placeholder `{area.nmae}`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("{area.name}"),
        "lists the real placeholders: {stderr}"
    );
}

#[test]
fn a_key_that_does_not_belong_to_the_block_kind_is_an_error() {
    let p = TempProject::new().with_area("medway");
    let card =
        std::fs::read_to_string(p.path().join("resources/chime-wallet-card.toml")).expect("read");
    p.write(
        "resources/chime-wallet-card.toml",
        &card.replace(
            "kind = \"contacts\"",
            "kind = \"contacts\"\ntext = \"Hello\"",
        ),
    );
    let err = p.load().expect_err("must fail");
    assert!(
        err.contains("a `contacts` block does not take `text`"),
        "{err}"
    );
}

#[test]
fn a_format_name_the_variant_is_not_made_in_is_an_error_at_it() {
    let p = TempProject::new().with_area("medway");
    let leaflet =
        std::fs::read_to_string(p.path().join("resources/wellbeing-leaflet.toml")).expect("read");
    p.write(
        "resources/wellbeing-leaflet.toml",
        &leaflet.replacen("formats = [\"dl\"]", "formats = [\"dll\"]", 1),
    );
    let err = p.load().expect_err("must fail");
    assert!(err.contains("there is no format called `dll`"), "{err}");
    assert!(err.contains("did you mean `dl`?"), "{err}");
    assert!(
        err.contains("wellbeing-leaflet.toml:"),
        "at the name: {err}"
    );
    // Easy Read is made in its own formats: the standard's are not its.
    p.write(
        "resources/wellbeing-leaflet.toml",
        &leaflet.replacen(
            "[[easy-read.section]]",
            "[[easy-read.section]]\nformats = [\"a5-booklet\"]",
            1,
        ),
    );
    let err = p.load().expect_err("must fail");
    assert!(
        err.contains("there is no format called `a5-booklet`"),
        "{err}"
    );
    assert!(err.contains("this variant is made in: a4"), "{err}");
}

#[test]
fn unknown_area_on_the_command_line_lists_the_real_ones() {
    let p = TempProject::new().with_area("medway");
    let out = run(p.path(), &["build", "--area", "kent"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("there is no area `kent`"), "{stderr}");
    assert!(stderr.contains("medway"), "{stderr}");
}

#[test]
fn good_input_builds_and_check_writes_nothing() {
    let p = TempProject::new();
    p.write("areas/t.toml", GOOD_AREA);
    let out = run(p.path(), &["check"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!p.path().join("out").exists(), "check writes nothing");
    let out = run(p.path(), &["build", "--out", "printed"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = p
        .path()
        .join("printed/testshire/chime-wallet-card-standard.pdf");
    let bytes = std::fs::read(&pdf).expect("PDF written");
    assert!(bytes.starts_with(b"%PDF-1.7"));
    let leftovers: Vec<_> = common::files_below(&p.path().join("printed"))
        .into_iter()
        .filter(|f| f.extension().is_none_or(|e| e != "pdf"))
        .filter(|f| !f.ends_with("printed/report.json")) // the build report (issue 5)
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );
}

#[test]
fn a_measure_too_short_to_read_is_an_error_at_the_key() {
    let p = TempProject::new().with_area("medway");
    let path = p.path().join("resources/wellbeing-leaflet.toml");
    let leaflet = std::fs::read_to_string(&path).expect("read");
    let broken = leaflet.replacen("measure = \"120mm\"", "measure = \"20mm\"", 1);
    assert_ne!(broken, leaflet);
    p.write("resources/wellbeing-leaflet.toml", &broken);
    let out = run(p.path(), &["build", "--resource", "wellbeing-leaflet"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("`measure` is 20.0 mm: lines that short break every phrase"),
        "{err}"
    );
    assert!(err.contains("resources/wellbeing-leaflet.toml:"), "{err}");
    assert!(out_is_empty(&p));
}
