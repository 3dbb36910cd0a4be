//! The bad-input matrix of issue 8, end to end: for every mistake a
//! coordinator can make, `wellprint build` prints the message and the
//! place, exits with code 2 and leaves no PDF (and no temporary file) in
//! out/. One test per row; the README's Troubleshooting table quotes these
//! messages.

mod common;

use std::path::PathBuf;

use common::{GOOD_AREA, TempProject, run};

const CSV_AREA: &str = r#"id = "testshire"
name = "Testshire"
nation = "england"
contacts = "testshire.csv"
"#;

const CARD: &str = "resources/chime-wallet-card.toml";

/// No PDF and no temporary file in out/ (report.json may be there).
fn assert_nothing_written(p: &TempProject) {
    let left: Vec<PathBuf> = common::files_below(&p.path().join("out"))
        .into_iter()
        .filter(|f| !f.ends_with("out/report.json"))
        .collect();
    assert!(left.is_empty(), "files left in out/: {left:?}");
}

/// Runs `wellprint build ARGS`, expects exit code 2, every needle in
/// stderr and nothing written. Returns stderr.
fn build_fails(p: &TempProject, args: &[&str], needles: &[&str]) -> String {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let out = run(p.path(), &all);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.code(),
        Some(2),
        "exit code 2 expected:\n{stderr}"
    );
    for n in needles {
        assert!(stderr.contains(n), "expected `{n}` in:\n{stderr}");
    }
    assert_nothing_written(p);
    stderr
}

fn area(find: &str, replace: &str) -> TempProject {
    assert!(GOOD_AREA.contains(find), "{find}");
    let p = TempProject::new();
    p.write("areas/t.toml", &GOOD_AREA.replacen(find, replace, 1));
    p
}

fn csv(text: &str) -> TempProject {
    let p = TempProject::new();
    p.write("areas/testshire.toml", CSV_AREA);
    p.write("areas/testshire.csv", text);
    p
}

/// A project whose card has `find` replaced (the first time) by `replace`;
/// also returns the 1-based line of the change.
fn card(find: &str, replace: &str) -> (TempProject, usize) {
    let p = TempProject::new();
    p.write("areas/t.toml", GOOD_AREA);
    let text = std::fs::read_to_string(p.path().join(CARD)).expect("read card");
    let at = text.find(find).expect("text in the card");
    let line = text[..at].matches('\n').count() + 1;
    p.write(CARD, &text.replacen(find, replace, 1));
    (p, line)
}

const TALKING: &str = "assets/pictures/phone-anytime.svg";

// ---- TOML -------------------------------------------------------------------

#[test]
fn toml_syntax_error() {
    let p = area("nation = \"england\"", "nation = \"england");
    build_fails(
        &p,
        &[],
        &["areas/t.toml:3:18", "invalid basic string, expected `\"`"],
    );
}

#[test]
fn toml_wrong_type() {
    let p = area("\"01632 960 901\"", "1632960901");
    build_fails(
        &p,
        &[],
        &["areas/t.toml:7:9", "invalid type", "double quotes"],
    );
}

#[test]
fn toml_number_with_leading_zero() {
    let p = area("\"01632 960 901\"", "01632960901");
    build_fails(
        &p,
        &[],
        &[
            "areas/t.toml:7:",
            "unexpected leading zero",
            "phone = \"01632 960 001\"",
        ],
    );
}

#[test]
fn toml_unknown_field_with_suggestion() {
    let p = area("name = \"Testshire\"", "naem = \"Testshire\"");
    build_fails(
        &p,
        &[],
        &[
            "areas/t.toml:2:1",
            "unknown field `naem`",
            "did you mean `name`?",
        ],
    );
}

#[test]
fn toml_missing_required_field() {
    let p = area("phone = \"01632 960 901\"\n", "");
    build_fails(&p, &[], &["areas/t.toml:5:", "missing field `phone`"]);
}

#[test]
fn duplicate_area_id() {
    let p = TempProject::new();
    p.write("areas/t.toml", GOOD_AREA);
    p.write("areas/u.toml", GOOD_AREA);
    build_fails(
        &p,
        &[],
        &[
            "areas/u.toml:1:6",
            "two areas have the id `testshire`",
            "give each area its own id",
        ],
    );
}

#[test]
fn duplicate_resource_id() {
    let p = TempProject::new();
    p.write("areas/t.toml", GOOD_AREA);
    let text = std::fs::read_to_string(p.path().join(CARD)).expect("read");
    p.write("resources/zz-copy.toml", &text);
    build_fails(
        &p,
        &[],
        &[
            "resources/zz-copy.toml:",
            "two resources have the id `chime-wallet-card`",
            "give each resource its own id",
        ],
    );
}

#[test]
fn unknown_placeholder() {
    let (p, line) = card("{area.name}", "{area.nmae}");
    build_fails(
        &p,
        &["--resource", "chime-wallet-card", "--variant", "standard"],
        &[
            &format!("{CARD}:{line}:"),
            "unknown placeholder `{area.nmae}`",
            "{area.name}",
        ],
    );
}

#[test]
fn contact_tag_with_no_contacts() {
    let p = area("tags = [\"advocacy\"]", "tags = [\"card\"]");
    build_fails(
        &p,
        &["--resource", "tips-poster"],
        &[
            "resources/tips-poster.toml:",
            "the area `testshire` has no contacts tagged advocacy",
        ],
    );
}

#[test]
fn empty_resource_file() {
    let p = TempProject::new();
    p.write("areas/t.toml", GOOD_AREA);
    p.write("resources/empty.toml", "");
    build_fails(&p, &[], &["resources/empty.toml", "missing field `id`"]);
}

#[test]
fn resource_with_no_pages() {
    let p = TempProject::new();
    p.write("areas/t.toml", GOOD_AREA);
    p.write(
        "resources/empty.toml",
        "id = \"empty\"\ntitle = \"Empty\"\nsize = \"85x55mm\"\n",
    );
    build_fails(&p, &[], &["resources/empty.toml:1:"]);
}

// ---- CSV --------------------------------------------------------------------

#[test]
fn csv_missing_column() {
    let p = csv("name,hours\nA,x\n");
    build_fails(
        &p,
        &[],
        &[
            "areas/testshire.csv:1:1",
            "the header row has no `phone` column",
        ],
    );
}

#[test]
fn csv_extra_column() {
    let p = csv("name,phone,tags\nA,01632 960 001,card;advocacy\nB,01632 960 002,card,extra\n");
    build_fails(
        &p,
        &[],
        &[
            "areas/testshire.csv:3:1",
            "row 3 has 4 cells but the header row has 3",
            "double quotes",
        ],
    );
}

#[test]
fn csv_bad_phone() {
    let p = csv("name,phone,tags\nA,01632 960 001,card;advocacy\nB,(01632) 960 002,card\n");
    build_fails(
        &p,
        &[],
        &[
            "areas/testshire.csv:3:3",
            "has brackets",
            "\"01632 960 002\"",
        ],
    );
}

#[test]
fn csv_stray_quote() {
    let p = csv(
        "name,phone,tags\nA,01632 960 001,card;advocacy\n\"B,01632 960 002,card\nC,01632 960 003,card\n",
    );
    build_fails(
        &p,
        &[],
        &[
            "areas/testshire.csv:3:1",
            "row 3 has a double quote (\") that is never closed",
            "remove the stray",
        ],
    );
}

// ---- Pictures ---------------------------------------------------------------

#[test]
fn picture_missing() {
    let (p, line) = card(TALKING, "assets/pictures/no-such.svg");
    build_fails(
        &p,
        &[],
        &[
            &format!("{CARD}:{line}:11"),
            "cannot open the picture `assets/pictures/no-such.svg`",
            "check the spelling",
        ],
    );
}

/// A PNG of `w` × `h` pixels.
fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(w, h, image::Rgb([10, 20, 30]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("encode");
    out.into_inner()
}

fn card_with_png(bytes: &[u8]) -> (TempProject, usize) {
    let (p, line) = card(TALKING, "assets/pictures/photo.png");
    std::fs::write(p.path().join("assets/pictures/photo.png"), bytes).expect("write");
    (p, line)
}

/// The card with `bytes` as its picture fails, naming the picture line.
fn unusable_picture(bytes: &[u8]) {
    let (p, line) = card_with_png(bytes);
    build_fails(
        &p,
        &[],
        &[
            &format!("{CARD}:{line}:11"),
            "`assets/pictures/photo.png` is not a usable picture",
        ],
    );
}

#[test]
fn picture_truncated() {
    let whole = png(64, 48);
    unusable_picture(&whole[..whole.len() / 2]);
}

#[test]
fn picture_that_is_a_text_file() {
    unusable_picture(b"this is not a picture\n");
}

#[test]
fn picture_claiming_100000_by_100000_pixels() {
    // A PNG header (IHDR) claiming 100 000 × 100 000 pixels, no data.
    let mut bytes = png(1, 1);
    bytes[16..20].copy_from_slice(&100_000u32.to_be_bytes());
    bytes[20..24].copy_from_slice(&100_000u32.to_be_bytes());
    // Keep the header's checksum valid (CRC-32 of chunk type and data), so
    // only the size is wrong.
    let crc = crc32fast::hash(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    let (p, line) = card_with_png(&bytes);
    let started = std::time::Instant::now();
    build_fails(
        &p,
        &[],
        &[
            &format!("{CARD}:{line}:11"),
            "is not a usable picture",
            "100000 × 100000",
        ],
    );
    assert!(
        started.elapsed().as_secs() < 20,
        "refused from the header, not by decoding"
    );
}

#[test]
fn picture_path_leaving_the_project() {
    for path in ["../../etc/passwd", "/etc/passwd"] {
        let (p, line) = card(TALKING, path);
        build_fails(
            &p,
            &[],
            &[
                &format!("{CARD}:{line}:11"),
                &format!("the picture path `{path}` leaves the project folder"),
            ],
        );
    }
}

#[test]
fn environment_variables_in_a_path_are_not_expanded() {
    // `$HOME` and `~` are plain folder names to wellprint: a picture there
    // is looked for inside the project and not found, never in the home
    // folder.
    let home = tempfile::tempdir().expect("home");
    std::fs::write(home.path().join("talking.svg"), "<svg/>").expect("write");
    for path in ["$HOME/talking.svg", "~/talking.svg", "${HOME}/talking.svg"] {
        let (p, line) = card(TALKING, path);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_wellprint"))
            .args(["build", "--resource", "chime-wallet-card"])
            .current_dir(p.path())
            .env("HOME", home.path())
            .output()
            .expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{path}: {err}");
        assert!(err.contains(&format!("{CARD}:{line}:11")), "{err}");
        assert!(
            err.contains(&format!("cannot open the picture `{path}`")),
            "{path}: {err}"
        );
    }
}

#[cfg(unix)]
#[test]
fn picture_symlink_pointing_outside() {
    let outside = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        common::root().join(TALKING),
        outside.path().join("talking.svg"),
    )
    .expect("copy");
    let (p, line) = card(TALKING, "assets/pictures/link.svg");
    std::os::unix::fs::symlink(
        outside.path().join("talking.svg"),
        p.path().join("assets/pictures/link.svg"),
    )
    .expect("symlink");
    build_fails(
        &p,
        &[],
        &[
            &format!("{CARD}:{line}:11"),
            "the picture `assets/pictures/link.svg` is a link to a file outside the project",
        ],
    );
}

// ---- Fonts and text ---------------------------------------------------------

#[test]
fn font_missing() {
    let p = TempProject::new();
    p.write("areas/t.toml", GOOD_AREA);
    std::fs::remove_file(p.path().join("fonts/AtkinsonHyperlegibleNext_700Bold.ttf"))
        .expect("remove");
    build_fails(&p, &[], &["AtkinsonHyperlegibleNext_700Bold.ttf"]);
}

#[test]
fn font_that_is_not_a_font() {
    let p = TempProject::new();
    p.write("areas/t.toml", GOOD_AREA);
    p.write("fonts/AtkinsonHyperlegibleNext_700Bold.ttf", "not a font");
    build_fails(
        &p,
        &[],
        &[
            "AtkinsonHyperlegibleNext_700Bold.ttf",
            "is not a usable TrueType/OpenType font",
        ],
    );
}

#[test]
fn character_no_font_has() {
    // (Some emoji print: DejaVu Sans has 😀. The unicorn it lacks.)
    for (ch, code) in [("漢", "U+6F22"), ("🦄", "U+1F984")] {
        let p = area("Test Recovery College", &format!("Test {ch} College"));
        build_fails(
            &p,
            &["--resource", "chime-wallet-card"],
            &[
                "areas/t.toml:5:1",
                &format!("no bundled font has the character `{ch}` ({code})"),
                &format!("Test {ch} College"),
            ],
        );
    }
}

#[test]
fn word_longer_than_its_column() {
    // A web address with no place to break but after its dots (the
    // leaflet prints `web`): its first part is the word too wide.
    let web = format!("{}.example.org", "recoverycollege".repeat(8));
    let p = area("web = \"example.org/college\"", &format!("web = \"{web}\""));
    build_fails(
        &p,
        &["--resource", "wellbeing-leaflet", "--variant", "standard"],
        &[
            "areas/t.toml:",
            &format!("the word \"{}.\"", "recoverycollege".repeat(8)),
            "wider than its column",
            "shorten it",
        ],
    );
}
