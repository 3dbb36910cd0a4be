//! The furniture comms teams require (`[edition]`: publication and review
//! months, version, other formats and whom to ask) and Easy Read's
//! written-out opening hours, through the real build.

mod common;

use common::{GOOD_AREA, TempProject, build, load, root, run};
use wellprint::inspect::inspect;
use wellprint::model::Variant;

/// The whole text of a built document, lines joined by spaces.
fn text_of(bytes: &[u8]) -> String {
    let report = inspect(bytes).expect("our PDF parses");
    let pages: Vec<String> = report.pages.iter().map(|p| p.text()).collect();
    pages
        .join("\n")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_shipped_document_prints_its_edition_and_other_formats() {
    let (sources, project) = load(&root());
    for (resource, variant, expected) in [
        (
            "chime-wallet-card",
            Variant::Standard,
            "Version 1.0, December 2026; review December 2028. Also in Easy Read, large print, web page: ask the person who gave you this card.",
        ),
        (
            "wellbeing-leaflet",
            Variant::Standard,
            "Published December 2026. Review date December 2028. Version 1.0. This leaflet is also available in Easy Read, large print, web page: ask the person who gave you this leaflet.",
        ),
        (
            "wellbeing-leaflet",
            Variant::EasyRead,
            "This leaflet is also in standard print, large print, web page.",
        ),
        (
            "wellbeing-leaflet",
            Variant::LargePrint,
            "also available in standard print, Easy Read, web page",
        ),
    ] {
        let built = build(&sources, &project, resource, variant, "medway").expect("builds");
        let text = text_of(&built.bytes);
        assert!(
            text.contains(expected),
            "{resource} {variant}: {expected:?} not in\n{text}"
        );
    }
}

#[test]
fn the_area_says_whom_to_ask_and_welsh_areas_are_offered_the_bilingual_form() {
    let (sources, project) = load(&root());
    let built = build(
        &sources,
        &project,
        "chime-wallet-card",
        Variant::Standard,
        "cardiff",
    )
    .expect("builds");
    let text = text_of(&built.bytes);
    assert!(
        text.contains("Also in Easy Read, large print, Welsh and English, web page"),
        "{text}"
    );
    let p = TempProject::new();
    p.write(
        "areas/t.toml",
        &GOOD_AREA.replacen(
            "nation = \"england\"\n",
            "nation = \"england\"\nother-formats-from = \"Test Recovery College on 01632 960 901\"\n",
            1,
        ),
    );
    let (sources, project) = p.load().expect("loads");
    let built = build(
        &sources,
        &project,
        "chime-wallet-card",
        Variant::Standard,
        "testshire",
    )
    .expect("builds");
    let text = text_of(&built.bytes);
    assert!(
        text.contains("ask Test Recovery College on 01632 960 901."),
        "{text}"
    );
}

#[test]
fn the_welsh_version_names_the_months_and_formats_in_welsh() {
    let (sources, project) = load(&root());
    let built = build(
        &sources,
        &project,
        "chime-wallet-card",
        Variant::Bilingual,
        "cardiff",
    )
    .expect("builds");
    let text = text_of(&built.bytes);
    assert!(
        text.contains("Fersiwn 1.0, Rhagfyr 2026; adolygu Rhagfyr 2028. Ar gael hefyd: print safonol, Hawdd ei Ddeall, print bras, tudalen we."),
        "{text}"
    );
}

/// A copy of the card resource with its `[edition]` table's `key` line
/// replaced by `line`.
fn card_with(p: &TempProject, key: &str, line: &str) {
    let card =
        std::fs::read_to_string(root().join("resources/chime-wallet-card.toml")).expect("card");
    let edited: Vec<String> = card
        .lines()
        .map(|l| {
            if l.starts_with(&format!("{key} = ")) {
                line.to_owned()
            } else {
                l.to_owned()
            }
        })
        .collect();
    p.write("resources/chime-wallet-card.toml", &edited.join("\n"));
}

#[test]
fn a_bad_edition_is_an_error_at_its_line() {
    for (key, line, message) in [
        (
            "published",
            "published = \"December 2026\"",
            "`published` is not a month written as \"YYYY-MM\"",
        ),
        (
            "review",
            "review = \"2026-11\"",
            "the review month is not after the month of publication",
        ),
    ] {
        let p = TempProject::new();
        p.write("areas/t.toml", GOOD_AREA);
        card_with(&p, key, line);
        let out = run(p.path(), &["check"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(message), "{err}");
        assert!(err.contains("resources/chime-wallet-card.toml:"), "{err}");
    }
}

#[test]
fn an_edition_placeholder_without_an_edition_is_an_error() {
    let p = TempProject::new();
    p.write("areas/t.toml", GOOD_AREA);
    let card =
        std::fs::read_to_string(root().join("resources/chime-wallet-card.toml")).expect("card");
    let start = card.find("[edition]").expect("has [edition]");
    let end = card[start..].find("\n\n").expect("table ends") + start;
    p.write(
        "resources/chime-wallet-card.toml",
        &format!("{}{}", &card[..start], &card[end..]),
    );
    let out = run(
        p.path(),
        &[
            "build",
            "--resource",
            "chime-wallet-card",
            "--variant",
            "standard",
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("`{edition.version}` needs the resource's [edition] table"),
        "{err}"
    );
}

/// The text of the shipped leaflet's `variant` for `area`.
fn leaflet_text(variant: Variant, area: &str) -> String {
    let (sources, project) = load(&root());
    let built = build(&sources, &project, "wellbeing-leaflet", variant, area).expect("builds");
    text_of(&built.bytes)
}

#[test]
fn easy_read_writes_the_hours_out_and_prints_no_separators() {
    let text = leaflet_text(Variant::EasyRead, "glasgow");
    assert!(text.contains("Monday to Friday, 10am to 4pm"), "{text}");
    assert!(text.contains("Thursdays, 6pm to 8pm"), "{text}");
    assert!(!text.contains("Mon–Fri"), "{text}");
    assert!(!text.contains('·'), "{text}");
    // The standard leaflet keeps the area's own short form.
    assert!(leaflet_text(Variant::Standard, "glasgow").contains("Mon–Fri 10am–4pm"));
}

#[test]
fn easy_read_prints_welsh_hours_as_the_area_wrote_them() {
    let text = leaflet_text(Variant::EasyRead, "cardiff");
    // Cardiff's contacts are `lang = "cy"`: no English "to" in the Welsh.
    assert!(text.contains("Llun–Gwener 10yb–4yp"), "{text}");
    assert!(!text.contains("yb to"), "{text}");
    assert!(!text.contains("yh to"), "{text}");
    // The two-language "prepared by" line: one language a line, no "·".
    assert!(!text.contains('·'), "{text}");
}
