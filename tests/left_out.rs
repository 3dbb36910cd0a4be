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
