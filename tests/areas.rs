//! Areas: the shipped examples, contacts kept in CSV, every validation rule
//! with a failing fixture (message and file:line:col), logos, and
//! `wellprint new-area`.

mod common;

use std::collections::BTreeSet;

use common::{TempProject, build, load, root, run};
use wellprint::inspect::inspect;
use wellprint::model::{ImageFormat, Nation, Variant};

const CARD: &str = "chime-wallet-card";

/// An area with contacts for every shipped resource, written in TOML.
const TOML_AREA: &str = r#"id = "testshire"
name = "Testshire"
nation = "england"

[[contact]]
name = "Test Recovery College"
phone = "01632 960 901"
hours = "Mon–Fri 9am–5pm"
web = "example.org/college"
tags = ["card"]

[[contact]]
name = "Grŵp Cymorth, Tŷ Test"
phone = "07700 900 902"
hours = "Mon, Wed 6pm–8pm"
email = "grwp@example.org"
description = "Peer support, \"drop in\""
tags = ["card", "advocacy"]
lang = "cy"
"#;

/// The same contacts in the area file's CSV.
const CSV_AREA: &str = r#"id = "testshire"
name = "Testshire"
nation = "england"
contacts = "testshire.csv"
"#;

const CSV: &str = "name,phone,hours,web,email,description,lang,tags
Test Recovery College,01632 960 901,Mon–Fri 9am–5pm,example.org/college,,,,card
\"Grŵp Cymorth, Tŷ Test\",07700 900 902,\"Mon, Wed 6pm–8pm\",,grwp@example.org,\"Peer support, \"\"drop in\"\"\",cy,card;advocacy
";

fn project(files: &[(&str, &str)]) -> TempProject {
    let p = TempProject::new();
    for (path, text) in files {
        p.write(path, text);
    }
    p
}

/// Loads a project that must fail; the errors as plain text.
fn errors(files: &[(&str, &str)]) -> String {
    project(files).load().expect_err("must fail")
}

fn assert_has(text: &str, needles: &[&str]) {
    for n in needles {
        assert!(text.contains(n), "expected `{n}` in:\n{text}");
    }
}

// ---- The shipped examples ---------------------------------------------------

#[test]
fn shipped_areas_cover_the_four_nations_with_fictional_local_numbers() {
    let (_, project) = load(&root());
    assert!(project.areas.len() >= 5, "{} areas", project.areas.len());
    let nations: BTreeSet<Nation> = project.areas.iter().map(|a| a.nation).collect();
    assert_eq!(nations.len(), 4, "{nations:?}");
    for id in [
        "oxfordshire",
        "medway",
        "cardiff",
        "glasgow",
        "belfast",
        "north-yorkshire",
    ] {
        assert!(
            project.areas.iter().any(|a| a.id.value == id),
            "{id} shipped"
        );
    }
    for area in &project.areas {
        let card = area
            .contacts
            .iter()
            .filter(|c| c.tags.iter().any(|t| t.value == "card"))
            .count();
        assert!(
            (1..=4).contains(&card),
            "{}: {card} card contacts",
            area.id.value
        );
        assert!(
            area.warnings.is_empty(),
            "{}: {:?}",
            area.id.value,
            area.warnings
        );
        for c in &area.contacts {
            let p = &c.phone.value;
            assert!(
                p.starts_with("01632 960 ") || p.starts_with("07700 900 "),
                "{}: {p} is not an Ofcom drama number",
                area.id.value
            );
            for addr in c.web.iter().chain(&c.email) {
                assert!(addr.value.contains("example.org"), "{}", addr.value);
            }
        }
    }
    let glasgow = project
        .areas
        .iter()
        .find(|a| a.id.value == "glasgow")
        .expect("glasgow");
    assert!(
        glasgow.contacts.len() >= 5,
        "Glasgow's contacts come from glasgow.csv"
    );
    let cardiff = project
        .areas
        .iter()
        .find(|a| a.id.value == "cardiff")
        .expect("cardiff");
    assert!(
        cardiff
            .prepared_by
            .as_ref()
            .is_some_and(|p| p.value.contains("Paratowyd"))
    );
    assert!(cardiff.logo.is_none());
}

#[test]
fn every_shipped_document_lays_out() {
    let out = run(&root(), &["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    // The contacts a block's `count` leaves out are named in a warning by
    // design (tests/left_out.rs), and so is the shipped Welsh, which no
    // Welsh speaker has checked yet (tests/bilingual.rs), and the example
    // areas' drama numbers (tests/preflight.rs); any other warning is a
    // mistake.
    let other = stderr
        .lines()
        .filter(|l| {
            l.starts_with("warning:")
                && !l.contains("not printed")
                && !l.contains("not been checked by a Welsh speaker")
                && !l.contains("[example-data]")
        })
        .count();
    assert!(
        other == 0,
        "no warnings in the examples but the contacts left out: {stderr}"
    );
}

#[test]
fn welsh_characters_are_in_the_text_of_the_cardiff_pdfs() {
    let (sources, project) = load(&root());
    for (resource, variant, needles) in [
        (
            CARD,
            Variant::Standard,
            &["Grŵp Cymorth Cymheiriaid", "Tŷ Adferiad y Bae"][..],
        ),
        (CARD, Variant::EasyRead, &["Grŵp Cymorth"][..]),
        (
            "wellbeing-leaflet",
            Variant::Standard,
            &["Grŵp", "Tŷ Adferiad"][..],
        ),
    ] {
        let built = build(&sources, &project, resource, variant, "cardiff").expect("builds");
        // Words as read, whatever line each falls on.
        let text = inspect(&built.bytes)
            .expect("parses")
            .text()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for n in needles {
            assert!(text.contains(n), "{resource} {variant}: `{n}` in\n{text}");
        }
    }
}

// ---- CSV contacts -------------------------------------------------------------

#[test]
fn csv_contacts_equal_the_toml_form_and_give_the_same_pdfs() {
    let toml = project(&[("areas/testshire.toml", TOML_AREA)]);
    let csv = project(&[
        ("areas/testshire.toml", CSV_AREA),
        ("areas/testshire.csv", CSV),
    ]);
    let (ts, tp) = toml.load().expect("TOML form loads");
    let (cs, cp) = csv.load().expect("CSV form loads");
    let fields = common::contact_fields;
    assert_eq!(fields(&tp), fields(&cp));
    assert_eq!(fields(&cp)[1][0], "Grŵp Cymorth, Tŷ Test");
    assert_eq!(fields(&cp)[1][5], "Peer support, \"drop in\"");
    // Spans point into the CSV: row 3, the e-mail cell.
    let email = cp.areas[0].contacts[1].email.as_ref().expect("email");
    assert_eq!(cs.locate(&email.span), "areas/testshire.csv:3:59");
    for (resource, variant) in [
        (CARD, Variant::Standard),
        ("wellbeing-leaflet", Variant::Standard),
    ] {
        let a = build(&ts, &tp, resource, variant, "testshire").expect("TOML form builds");
        let b = build(&cs, &cp, resource, variant, "testshire").expect("CSV form builds");
        let text = inspect(&a.bytes).expect("parses").text();
        assert!(text.contains("Grŵp Cymorth, Tŷ Test"), "{text}");
        assert_eq!(text, inspect(&b.bytes).expect("parses").text());
        assert!(a.bytes == b.bytes, "{resource}: same input, same bytes");
    }
}

#[test]
fn csv_problems_name_the_file_row_and_column() {
    let area = CSV_AREA;
    for (csv, needles) in [
        (
            "name,phone,hourz\nA,01632 960 001,x\n",
            &[
                "areas/testshire.csv:1:12",
                "unknown column `hourz`",
                "did you mean `hours`?",
            ][..],
        ),
        (
            "name,hours\nA,x\n",
            &[
                "areas/testshire.csv:1:1",
                "the header row has no `phone` column",
            ][..],
        ),
        (
            "name,phone,tags\nA,01632 960 001,card\nB,01632 960 002,card,extra\n",
            &[
                "areas/testshire.csv:3:1",
                "row 3 has 4 cells but the header row has 3",
                "double quotes",
            ][..],
        ),
        (
            "name,phone,tags\nA,01632 960 001,card\n,01632 960 002,card\n",
            &["areas/testshire.csv:3:1", "row 3 has no name"][..],
        ),
        (
            "name,phone,tags\nA,01632 960 001,card\nB,(01632) 960 002,card\n",
            &[
                "areas/testshire.csv:3:3",
                "has brackets",
                "\"01632 960 002\"",
            ][..],
        ),
        (
            "name;phone;tags\nA;01632 960 001;card\n",
            &["areas/testshire.csv:1:1", "separated by `;`"][..],
        ),
    ] {
        let err = errors(&[("areas/testshire.toml", area), ("areas/testshire.csv", csv)]);
        assert_has(&err, needles);
    }
    // Not UTF-8 (a Windows-1252 "é").
    let p = TempProject::new();
    p.write("areas/testshire.toml", area);
    std::fs::write(
        p.path().join("areas/testshire.csv"),
        b"name,phone\nCaf\xe9,01632 960 001\n",
    )
    .expect("write");
    let err = p.load().expect_err("must fail");
    assert_has(
        &err,
        &["areas/testshire.toml:4:12", "is not UTF-8", "CSV UTF-8"],
    );
}

#[test]
fn the_csv_path_must_stay_inside_the_project() {
    let with = |path: &str| CSV_AREA.replace("\"testshire.csv\"", &format!("\"{path}\""));
    let err = errors(&[("areas/testshire.toml", &with("/etc/passwd"))]);
    assert_has(&err, &["areas/testshire.toml:4:12", "is an absolute path"]);
    let err = errors(&[("areas/testshire.toml", &with("../../secret.csv"))]);
    assert_has(
        &err,
        &["areas/testshire.toml:4:12", "is outside the project folder"],
    );
    let err = errors(&[("areas/testshire.toml", &with("missing.csv"))]);
    assert_has(
        &err,
        &[
            "areas/testshire.toml:4:12",
            "cannot find the contacts file `missing.csv`",
        ],
    );
    // `..` that stays inside is fine.
    let p = project(&[
        ("areas/testshire.toml", &with("../sheets/testshire.csv")),
        ("sheets/testshire.csv", CSV),
    ]);
    assert!(p.load().is_ok());
    // A symlink pointing outside the project is refused.
    #[cfg(unix)]
    {
        let outside = tempfile::tempdir().expect("temp dir");
        std::fs::write(outside.path().join("x.csv"), CSV).expect("write");
        let p = project(&[("areas/testshire.toml", CSV_AREA)]);
        std::os::unix::fs::symlink(
            outside.path().join("x.csv"),
            p.path().join("areas/testshire.csv"),
        )
        .expect("symlink");
        let err = p.load().expect_err("must fail");
        assert_has(
            &err,
            &["areas/testshire.toml:4:12", "is outside the project folder"],
        );
    }
}

// ---- Validation rules ---------------------------------------------------------

#[test]
fn every_contact_rule_has_a_message_and_a_place() {
    let area = |find: &str, replace: &str| {
        assert!(TOML_AREA.contains(find), "{find}");
        TOML_AREA.replacen(find, replace, 1)
    };
    for (text, needles) in [
        (
            area("\"01632 960 901\"", "\"(01632) 960 901\""),
            &[
                "areas/testshire.toml:7:9",
                "has brackets",
                "\"01632 960 901\"",
            ][..],
        ),
        (
            area("\"01632 960 901\"", "\"01632 960 90\""),
            &["areas/testshire.toml:7:9", "has 10 digits"][..],
        ),
        (
            area("\"01632 960 901\"", "\"01632960901\""),
            &["areas/testshire.toml:7:9", "not grouped"][..],
        ),
        (
            area("\"01632 960 901\"", "\"+44 1632 960 901\""),
            &["areas/testshire.toml:7:9", "+44"][..],
        ),
        (
            area("\"01632 960 901\"", "\"09632 960 901\""),
            &["areas/testshire.toml:7:9", "premium-rate"][..],
        ),
        (
            area("\"01632 960 901\"", "\"111, option 2\""),
            &["areas/testshire.toml:7:9", "contains `,`"][..],
        ),
        (
            area("\"grwp@example.org\"", "\"grwp.example.org\""),
            &["areas/testshire.toml:16:9", "has no `@`"][..],
        ),
        (
            area("\"example.org/college\"", "\"https://example.org/college\""),
            &[
                "areas/testshire.toml:9:7",
                "without `https://`",
                "\"example.org/college\"",
            ][..],
        ),
        (
            area("\"example.org/college\"", "\"example\""),
            &["areas/testshire.toml:9:7", "has no dot"][..],
        ),
        (
            area("Grŵp Cymorth, Tŷ Test", "test recovery college"),
            &[
                "areas/testshire.toml:13:8",
                "two contacts are called `test recovery college`",
                "merge",
            ][..],
        ),
        (
            area("lang = \"cy\"", "lang = \"Welsh\""),
            &[
                "areas/testshire.toml:19:8",
                "`Welsh` is not a language tag",
                "\"cy\" for Welsh",
            ][..],
        ),
        (
            TOML_AREA.replace(
                "nation = \"england\"\n",
                "nation = \"england\"\nprepared-by = \" \"\n",
            ),
            &["areas/testshire.toml:4:15", "`prepared-by` line is empty"][..],
        ),
    ] {
        let err = errors(&[("areas/testshire.toml", &text)]);
        assert_has(&err, needles);
    }
}

#[test]
fn a_helpline_number_is_checked_but_may_carry_words() {
    let national = std::fs::read_to_string(root().join("areas/national.toml")).expect("read");
    assert!(national.contains("\"111, option 2\"") && national.contains("\"text SHOUT to 85258\""));
    let broken = national.replace("\"116 123\"", "\"116123\"");
    let err = errors(&[
        ("areas/testshire.toml", TOML_AREA),
        ("areas/national.toml", &broken),
    ]);
    assert_has(
        &err,
        &[
            "areas/national.toml:",
            "write the number `116123` as published",
            "\"116 123\"",
        ],
    );
}

#[test]
fn a_tag_no_resource_uses_is_a_warning_that_does_not_stop_the_build() {
    let text = TOML_AREA.replacen("tags = [\"card\"]", "tags = [\"card\", \"cards\"]", 1);
    let p = project(&[("areas/testshire.toml", &text)]);
    let (sources, project) = p.load().expect("a warning is not an error");
    let warnings = &project.areas[0].warnings;
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let shown = sources.render_plain(&warnings[0]);
    assert_has(
        &shown,
        &[
            "areas/testshire.toml:10:17: warning: no resource shows contacts tagged `cards`",
            "did you mean `card`?",
        ],
    );
    let out = run(p.path(), &["build", "--resource", CARD]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("no resource shows contacts tagged `cards`"),
        "{stderr}"
    );
    let report = std::fs::read_to_string(p.path().join("out/report.json")).expect("report");
    assert!(
        report.contains("no resource shows contacts tagged `cards`"),
        "{report}"
    );
}

#[test]
fn a_resource_tag_with_no_contacts_in_the_area_is_an_error() {
    let text = TOML_AREA.replace("tags = [\"card\", \"advocacy\"]", "tags = [\"card\"]");
    let p = project(&[("areas/testshire.toml", &text)]);
    let out = run(p.path(), &["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_has(
        &stderr,
        &[
            "the area `testshire` has no contacts tagged advocacy",
            "resources/tips-poster.toml:",
        ],
    );
}

// ---- Logo and prepared-by -------------------------------------------------------

#[test]
fn a_logo_must_be_a_png_or_jpeg_inside_the_project() {
    let with_logo = |path: &str| {
        TOML_AREA.replace(
            "nation = \"england\"\n",
            &format!("nation = \"england\"\nlogo = \"{path}\"\nprepared-by = \"Prepared by Testshire Recovery Network\"\n"),
        )
    };
    // A real PNG is accepted and described.
    let p = project(&[("areas/testshire.toml", &with_logo("logos/testshire.png"))]);
    std::fs::create_dir_all(p.path().join("areas/logos")).expect("mkdir");
    image::RgbImage::new(120, 40)
        .save(p.path().join("areas/logos/testshire.png"))
        .expect("png");
    let (_, project) = p.load().expect("loads");
    let area = &project.areas[0];
    let logo = area.logo.as_ref().expect("logo");
    assert_eq!(
        (logo.format, logo.width, logo.height),
        (ImageFormat::Png, 120, 40)
    );
    assert_eq!(logo.path, std::path::Path::new("areas/logos/testshire.png"));
    assert_eq!(
        area.prepared_by.as_ref().map(|p| p.value.as_str()),
        Some("Prepared by Testshire Recovery Network")
    );
    // A text file with a .png name is not an image.
    p.write("areas/logos/testshire.png", "not a picture");
    let err = p.load().expect_err("must fail");
    assert_has(
        &err,
        &["areas/testshire.toml:4:8", "is not a PNG or JPEG image"],
    );
    // Too many pixels.
    image::GrayImage::new(9000, 1)
        .save(p.path().join("areas/logos/testshire.png"))
        .expect("png");
    let err = p.load().expect_err("must fail");
    assert_has(&err, &["9000 × 1 pixels; the limit is 8000"]);
    // Missing, and outside.
    let err = errors(&[("areas/testshire.toml", &with_logo("logo.png"))]);
    assert_has(
        &err,
        &[
            "areas/testshire.toml:4:8",
            "cannot find the logo `logo.png`",
        ],
    );
    let err = errors(&[("areas/testshire.toml", &with_logo("../../logo.png"))]);
    assert_has(&err, &["is outside the project folder"]);
}

// ---- new-area -------------------------------------------------------------------

#[test]
fn new_area_writes_a_starter_that_builds_and_never_overwrites() {
    let p = TempProject::new();
    let out = run(p.path(), &["new-area", "Ynys Môn", "--nation", "wales"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = p.path().join("areas/ynys-mon.toml");
    let text = std::fs::read_to_string(&path).expect("written");
    assert_has(
        &text,
        &[
            "id = \"ynys-mon\"",
            "name = \"Ynys Môn\"",
            "nation = \"wales\"",
            "# contacts = \"ynys-mon.csv\"",
        ],
    );
    let out = run(p.path(), &["check"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "the starter checks: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(&path, "edited").expect("write");
    let out = run(p.path(), &["new-area", "Ynys Môn"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "edited",
        "left as it was"
    );
}

#[test]
fn the_logo_and_prepared_by_line_are_printed_where_resources_ask_for_them() {
    let (sources, project) = load(&root());
    // Glasgow has both: the leaflet's back, the poster's footer and the
    // Easy Read last pages show the line and place the logo.
    for (resource, variant) in [
        ("wellbeing-leaflet", Variant::Standard),
        ("wellbeing-leaflet", Variant::EasyRead),
        ("tips-poster", Variant::Standard),
        ("tips-poster", Variant::EasyRead),
    ] {
        let built = build(&sources, &project, resource, variant, "glasgow").expect("builds");
        let text = inspect(&built.bytes).expect("parses").text();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            text.contains("Prepared by the Glasgow Recovery Network"),
            "{resource} {variant}: {text}"
        );
        assert!(
            built
                .images
                .iter()
                .any(|(alt, ppi)| alt == "Glasgow logo" && *ppi >= 300.0),
            "{resource} {variant}: the logo, sharp enough for print: {:?}",
            built.images
        );
        // The logo's pixels are compressed: raw, this 1299 × 364 logo made
        // every file 1.4 MB.
        let doc = lopdf::Document::load_mem(&built.bytes).expect("parses");
        for object in doc.objects.values() {
            if let lopdf::Object::Stream(s) = object
                && s.dict
                    .get(b"Subtype")
                    .and_then(lopdf::Object::as_name)
                    .is_ok_and(|n| n == b"Image")
            {
                assert!(
                    s.dict.get(b"Filter").is_ok(),
                    "{resource} {variant}: raw image"
                );
            }
        }
        assert!(
            built.bytes.len() < 200_000,
            "{resource} {variant}: {} bytes",
            built.bytes.len()
        );
    }
    // Cardiff has a line but no logo; Oxfordshire has neither, and its
    // documents show nothing in its place.
    let cardiff = build(
        &sources,
        &project,
        "tips-poster",
        Variant::Standard,
        "cardiff",
    )
    .expect("builds");
    let text = inspect(&cardiff.bytes).expect("parses").text();
    assert!(
        text.contains("Prepared by the Cardiff Recovery Network"),
        "{text}"
    );
    assert!(cardiff.images.is_empty(), "{:?}", cardiff.images);
    let oxford = build(
        &sources,
        &project,
        "wellbeing-leaflet",
        Variant::Standard,
        "oxfordshire",
    )
    .expect("builds");
    assert!(
        !inspect(&oxford.bytes)
            .expect("parses")
            .text()
            .contains("Prepared by")
    );
}

#[test]
fn a_prepared_by_block_takes_only_width_and_colour() {
    let card =
        std::fs::read_to_string(root().join("resources/chime-wallet-card.toml")).expect("read");
    let p = project(&[("areas/testshire.toml", TOML_AREA)]);
    let bad = card.replacen(
        "[[standard.page.block]]",
        "[[standard.page.block]]\nkind = \"prepared-by\"\ntext = \"Prepared by us\"\n\n[[standard.page.block]]",
        1,
    );
    p.write("resources/chime-wallet-card.toml", &bad);
    let err = p.load().expect_err("must fail");
    assert_has(
        &err,
        &["resources/chime-wallet-card.toml:", "`text`", "prepared-by"],
    );
}
