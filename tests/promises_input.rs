//! Input that cannot print, or is written wrongly, is an error with its
//! file, line and column, found in one run (issue 13, items 5, 9, 10, 11).

mod common;

use std::fs;

use common::{GOOD_AREA, TempProject, root, run};

/// Runs `wellprint check` (everything loads, nothing is written) and
/// returns the exit code and stderr.
fn check(p: &TempProject) -> (Option<i32>, String) {
    let out = run(p.path(), &["check"]);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs `wellprint build` with `args` and returns the exit code and stderr.
fn build(p: &TempProject, args: &[&str]) -> (Option<i32>, String) {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let out = run(p.path(), &all);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A copy of a shipped resource with `from` replaced by `to` (which must
/// be there); returns the line `from` was on.
fn resource_with(p: &TempProject, id: &str, from: &str, to: &str) -> usize {
    let text = fs::read_to_string(root().join(format!("resources/{id}.toml"))).expect("read");
    let Some(at) = text.find(from) else {
        panic!("{id} has no `{from}`");
    };
    p.write(&format!("resources/{id}.toml"), &text.replacen(from, to, 1));
    text[..at].matches('\n').count() + 1
}

// ---- Item 5: text that cannot print ------------------------------------

#[test]
fn control_characters_and_escapes_in_an_area_are_errors_at_their_place() {
    let p = TempProject::new();
    // Line 2: a C1 control (U+0085) written as itself, column 13.
    // Line 8: NUL written as an escape, column 10.
    let area = GOOD_AREA
        .replace("name = \"Testshire\"", "name = \"Test\u{85}shire\"")
        .replace(
            "hours = \"Mon–Fri 9am–5pm\"",
            "hours = \"Mon\\u0000–Fri 9am–5pm\"",
        );
    p.write("areas/t.toml", &area);
    let err = p.load().expect_err("must fail");
    assert!(err.contains("areas/t.toml:2:13"), "{err}");
    assert!(err.contains("U+0085"), "{err}");
    assert!(err.contains("areas/t.toml:8:13"), "{err}");
    assert!(err.contains("U+0000 (NUL)"), "{err}");
    assert!(err.contains("remove the escape `\\u0000`"), "{err}");
    let (code, stderr) = check(&p);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("areas/t.toml:8:13"), "{stderr}");
}

#[test]
fn noncharacters_and_replacement_characters_in_a_resource_are_errors() {
    let p = TempProject::new().with_area("oxfordshire");
    let line = resource_with(
        &p,
        "chime-wallet-card",
        "text = \"Local support in {area.name}\"",
        "text = \"Local \u{fffd} support \\uFFFF in {area.name}\"",
    );
    let err = p.load().expect_err("must fail");
    assert!(
        err.contains(&format!("resources/chime-wallet-card.toml:{line}:15")),
        "{err}"
    );
    assert!(err.contains("replacement character U+FFFD"), "{err}");
    assert!(
        err.contains(&format!("resources/chime-wallet-card.toml:{line}:25")),
        "{err}"
    );
    assert!(err.contains("noncharacter U+FFFF"), "{err}");
    let (code, stderr) = build(&p, &[]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        !p.path().join("out").join("oxfordshire").exists() || {
            common::files_below(&p.path().join("out"))
                .iter()
                .all(|f| f.extension().is_none_or(|e| e != "pdf"))
        }
    );
}

#[test]
fn control_characters_in_a_csv_cell_are_errors_at_row_and_column() {
    let p = TempProject::new();
    p.write(
        "areas/t.toml",
        &GOOD_AREA.replacen(
            "nation = \"england\"\n",
            "nation = \"england\"\ncontacts = \"t.csv\"\n",
            1,
        ),
    );
    p.write(
        "areas/t.csv",
        "name,phone,hours\nA Group,01632 960 003,Mon\u{0}day\nB Group,01632 960 004,\"Tue \u{9b}\"\n",
    );
    let err = p.load().expect_err("must fail");
    assert!(err.contains("areas/t.csv:2:26"), "{err}");
    assert!(err.contains("row 2, column C: "), "{err}");
    assert!(err.contains("U+0000 (NUL)"), "{err}");
    assert!(err.contains("areas/t.csv:3:28"), "{err}");
    assert!(err.contains("row 3, column C: "), "{err}");
    assert!(err.contains("U+009B"), "{err}");
}

#[test]
fn a_character_no_font_has_in_an_area_is_blamed_on_the_area_file() {
    let p = TempProject::new();
    p.write(
        "areas/t.toml",
        &GOOD_AREA.replace("name = \"Testshire\"", "name = \"Testshire 漢\""),
    );
    let (code, stderr) = build(&p, &["--resource", "chime-wallet-card"]);
    assert_ne!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("no bundled font has the character"),
        "{stderr}"
    );
    assert!(stderr.contains("areas/t.toml:2:8"), "{stderr}");
    assert!(
        !stderr.contains("resources/chime-wallet-card.toml:91"),
        "the resource only prints it: {stderr}"
    );
}

// ---- Item 9: locations and wording -------------------------------------

#[test]
fn an_area_file_that_is_not_utf8_names_line_and_column() {
    let p = TempProject::new();
    let mut bytes = GOOD_AREA.as_bytes().to_vec();
    // "name = \"Test\xE9shire\"": Latin-1 é on line 2, column 13.
    let at = GOOD_AREA.find("Testshire").expect("name") + 4;
    bytes.splice(at..at, [0xE9]);
    fs::write(p.path().join("areas/t.toml"), bytes).expect("write");
    let err = p.load().expect_err("must fail");
    assert!(err.contains("areas/t.toml:2:13"), "{err}");
    assert!(err.contains("is not UTF-8 text"), "{err}");
    assert!(err.contains("save the file as UTF-8"), "{err}");
}

#[test]
fn a_duplicate_area_id_names_both_files() {
    let p = TempProject::new();
    p.write("areas/a.toml", GOOD_AREA);
    p.write("areas/b.toml", GOOD_AREA);
    let err = p.load().expect_err("must fail");
    assert!(err.contains("areas/b.toml:1:6"), "{err}");
    assert!(err.contains("the first is at areas/a.toml:1:6"), "{err}");
    let (code, stderr) = check(&p);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("areas/a.toml:1:6"), "{stderr}");
    assert!(stderr.contains("b.toml"), "{stderr}");
}

// ---- Item 10: several mistakes, one run --------------------------------

#[test]
fn every_missing_key_of_a_file_is_reported_in_one_run() {
    let p = TempProject::new();
    let area = GOOD_AREA
        .replace("name = \"Testshire\"\n", "")
        .replace("name = \"Test Recovery College\"\n", "")
        .replace("phone = \"01632 960 901\"\n", "");
    p.write("areas/t.toml", &area);
    let err = p.load().expect_err("must fail");
    for key in ["name", "phone"] {
        let line = format!("areas/t.toml:4:1: error: missing field `{key}`");
        assert!(err.contains(&line), "{line} in:\n{err}");
    }
    assert!(
        err.contains("areas/t.toml:1:1: error: missing field `name`"),
        "the area's own name: {err}"
    );
    let (code, stderr) = check(&p);
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(stderr.matches("missing field").count(), 3, "{stderr}");
}

#[test]
fn missing_keys_in_a_resource_and_national_file_are_all_reported() {
    let p = TempProject::new().with_area("oxfordshire");
    resource_with(&p, "chime-wallet-card", "size = \"85x55mm\"\n", "");
    let text = fs::read_to_string(p.path().join("resources/chime-wallet-card.toml")).expect("read");
    let title = text
        .lines()
        .find(|l| l.starts_with("title = "))
        .expect("title");
    p.write(
        "resources/chime-wallet-card.toml",
        &text.replacen(&format!("{title}\n"), "", 1),
    );
    p.write(
        "areas/national.toml",
        "[[helpline]]\nhours = \"24 hours\"\n",
    );
    let err = p.load().expect_err("must fail");
    for want in [
        "chime-wallet-card.toml:1:1: error: missing field `title`",
        "chime-wallet-card.toml:1:1: error: missing field `size`",
        "areas/national.toml:1:1: error: missing field `name`",
        "areas/national.toml:1:1: error: missing field `phone`",
        "areas/national.toml:1:1: error: missing field `nations`",
    ] {
        assert!(err.contains(want), "{want} in:\n{err}");
    }
}

// ---- Item 11: sizes that cannot print ----------------------------------

#[test]
fn type_below_the_print_minimum_is_an_error_at_its_key() {
    for (size, what) in [("0pt", "zero"), ("5pt", "5.0 pt")] {
        let p = TempProject::new().with_area("oxfordshire");
        let line = resource_with(
            &p,
            "chime-wallet-card",
            "body = \"7.5pt\"",
            &format!("body = \"{size}\""),
        );
        let err = p.load().expect_err("must fail");
        assert!(
            err.contains(&format!("resources/chime-wallet-card.toml:{line}:8")),
            "{size}: {err}"
        );
        assert!(err.contains(what), "{size}: {err}");
        let (code, stderr) = build(&p, &[]);
        assert_eq!(code, Some(2), "{size}: {stderr}");
    }
}

#[test]
fn easy_read_type_below_the_easy_read_minimum_is_an_error_at_its_key() {
    let p = TempProject::new().with_area("oxfordshire");
    let line = resource_with(
        &p,
        "chime-wallet-card",
        "body = \"14pt\"",
        "body = \"12pt\"",
    );
    let err = p.load().expect_err("must fail");
    assert!(
        err.contains(&format!("resources/chime-wallet-card.toml:{line}:8")),
        "{err}"
    );
    assert!(err.contains("Easy Read text is at least 14 pt"), "{err}");
}

#[test]
fn a_zero_or_negative_margin_or_width_is_an_error_at_its_key() {
    for (from, to, at) in [
        ("margin = \"4.5mm\"", "margin = \"0mm\"", 10),
        ("width = \"12mm\"", "width = \"-3mm\"", 9),
    ] {
        let p = TempProject::new().with_area("oxfordshire");
        let line = resource_with(&p, "chime-wallet-card", from, to);
        let err = p.load().expect_err("must fail");
        let want = format!("resources/chime-wallet-card.toml:{line}:{at}");
        assert!(err.contains(&want), "{to}: {want} in {err}");
        assert!(err.contains("cannot print"), "{to}: {err}");
    }
}

#[test]
fn bleed_may_be_zero_on_the_command_line_but_not_negative() {
    let p = TempProject::new().with_area("medway");
    let (code, stderr) = build(&p, &["--resource", "chime-wallet-card", "--bleed", "0mm"]);
    assert_eq!(code, Some(0), "--bleed 0mm means no bleed:\n{stderr}");
    let (code, stderr) = build(&p, &["--resource", "chime-wallet-card", "--bleed=-1mm"]);
    assert_eq!(code, Some(2), "a negative bleed is refused:\n{stderr}");
    assert!(stderr.contains("negative"), "{stderr}");
}
