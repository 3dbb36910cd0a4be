//! Nothing dropped silently: a contacts block's `count` is a limit the
//! author chose, and every contact it leaves out is named in a warning,
//! in the build's result and in `report.json`.

mod common;

use std::process::Command;

use wellprint::model::Variant;

#[test]
fn contacts_past_a_blocks_count_are_named_in_a_warning() {
    let example = common::Example::shipped();
    // The Easy Read card shows 2 of Oxfordshire's 4 card contacts.
    let built = example.build("chime-wallet-card", Variant::EasyRead, "oxfordshire", None);
    let messages: Vec<&str> = built.warnings.iter().map(|w| w.message.as_str()).collect();
    let warning = messages
        .iter()
        .find(|m| m.contains("not printed"))
        .unwrap_or_else(|| panic!("no warning names the contacts left out: {messages:?}"));
    assert!(
        warning.contains("Banbury Community Wellbeing Café"),
        "{warning}"
    );
    assert!(warning.contains("Witney Carers’ Network"), "{warning}");
    assert!(warning.contains("count = 2"), "{warning}");
    // Every contact the card prints is not in the warning.
    assert!(!warning.contains("Oxford Recovery College"), "{warning}");
}

#[test]
fn a_block_that_shows_every_contact_warns_about_none() {
    let example = common::Example::shipped();
    let built = example.build("chime-wallet-card", Variant::Standard, "oxfordshire", None);
    assert!(
        !built
            .warnings
            .iter()
            .any(|w| w.message.contains("not printed")),
        "{:?}",
        built.warnings
    );
}

#[test]
fn the_report_names_the_contacts_left_out() {
    let out = tempfile::tempdir().expect("temp dir");
    let status = Command::new(env!("CARGO_BIN_EXE_wellprint"))
        .current_dir(common::root())
        .args([
            "build",
            "--resource",
            "chime-wallet-card",
            "--variant",
            "easy-read",
            "--area",
            "oxfordshire",
            "--out",
        ])
        .arg(out.path())
        .status()
        .expect("wellprint runs");
    assert!(status.success());
    let report = std::fs::read_to_string(out.path().join("report.json")).expect("report");
    assert!(
        report.contains("Banbury Community Wellbeing Café"),
        "{report}"
    );
    assert!(report.contains("not printed"), "{report}");
}

/// The `fewer` fit strategy: a contact whose long name leaves no room on
/// the Easy Read card's support panel is left out, named in a warning that
/// points at it in the area file; without `fewer` in the panel's `fit`
/// the same area is an error.
#[test]
fn a_panel_that_allows_fewer_prints_what_fits_and_names_the_rest() {
    let long = "Cowley Road and East Oxford Community Peer Support and Wellbeing Group";
    let p = common::TempProject::new().with_area("oxfordshire");
    let area = std::fs::read_to_string(p.path().join("areas/oxfordshire.toml")).expect("area");
    p.write(
        "areas/oxfordshire.toml",
        &area.replace("Cowley Road Peer Support Group", long),
    );
    let (sources, loaded) = p.load().expect("loads");
    let built = common::build(
        &sources,
        &loaded,
        "chime-wallet-card",
        Variant::EasyRead,
        "oxfordshire",
    )
    .expect("builds, with a contact left out");
    let mut printed = String::new();
    for f in &built.frames {
        f.visit(&mut |_, item| {
            if let wellprint::layout::FrameItem::Text(t) = item {
                printed.push_str(&t.text());
            }
        });
    }
    assert!(printed.contains("Oxford Recovery College"), "{printed}");
    assert!(!printed.contains("East Oxford"), "{printed}");
    let warning = built
        .warnings
        .iter()
        .find(|w| w.message.contains("\"fewer\""))
        .unwrap_or_else(|| panic!("no warning names it: {:?}", built.warnings));
    assert!(warning.message.contains(long), "{}", warning.message);
    assert!(
        warning.message.contains("has room for the first 1"),
        "{}",
        warning.message
    );
    let text = sources.render_plain(warning);
    assert!(
        text.contains("areas/oxfordshire.toml:"),
        "points at it: {text}"
    );
    // Without `fewer`, the panel does not fit: an error, not a silent cut.
    let card =
        std::fs::read_to_string(p.path().join("resources/chime-wallet-card.toml")).expect("card");
    let without = card.replace("fit = [\"spacing\", \"fewer\"]", "fit = [\"spacing\"]");
    assert_ne!(card, without, "the shipped panel allows fewer");
    p.write("resources/chime-wallet-card.toml", &without);
    let (sources, loaded) = p.load().expect("loads");
    let err = common::build(
        &sources,
        &loaded,
        "chime-wallet-card",
        Variant::EasyRead,
        "oxfordshire",
    )
    .expect_err("does not fit");
    assert!(err.contains("too tall"), "{err}");
}
