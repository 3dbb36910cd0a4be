//! A page that overflows says which area data made it grow: the last
//! contact each contacts block prints, at its line in the area file (on a
//! card back whose `fit` does not list `fewer`).

mod common;

use wellprint::model::Variant;

#[test]
fn an_overflowing_card_names_the_area_file_and_the_last_contact() {
    let project = common::TempProject::new();
    project.strict_card();
    let mut area = String::from("id = \"busy\"\nname = \"Busy\"\nnation = \"england\"\n");
    for i in 0..8 {
        area.push_str(&format!(
            "\n[[contact]]\nname = \"Group {i} Community Recovery Network\"\nphone = \"01632 960 7{i:02}\"\nhours = \"Tuesdays 10am to 4pm\"\ntags = [\"card\", \"advocacy\"]\n"
        ));
    }
    project.write("areas/busy.toml", &area);
    let (sources, loaded) = project.load().expect("loads");
    let err = common::build(
        &sources,
        &loaded,
        "chime-wallet-card",
        Variant::Standard,
        "busy",
    )
    .expect_err("8 long contacts do not fit the card");
    assert!(err.contains("too tall"), "{err}");
    // The eighth contact starts on line 40 of the area file.
    let line = area
        .lines()
        .position(|l| l.contains("Group 7"))
        .expect("line")
        + 1;
    assert!(
        err.contains(&format!("note: areas/busy.toml:{}:", line - 1))
            || err.contains(&format!("note: areas/busy.toml:{line}:")),
        "{err}"
    );
    assert!(err.contains("the last of the 8 area contacts"), "{err}");
}
