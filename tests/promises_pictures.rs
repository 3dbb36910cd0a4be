//! Issue 13, item 4: one bad picture fails one area. A truncated or
//! corrupt logo, or a logo that is not a regular file, fails only its own
//! area (`build` builds the others, exits 1 and names the area in
//! `out/report.json`); nothing that is not a regular file is ever opened,
//! so nothing hangs; a JPEG cut short is an error naming the file.
//!
//! The CLI runs with a time limit: a regression that blocks on a named pipe
//! fails the test instead of hanging it.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{GOOD_AREA, TempProject};

const CARD: &str = "chime-wallet-card";

/// How long one run of the CLI may take before it counts as hanging.
const LIMIT: Duration = Duration::from_secs(60);

/// What a run printed and how it ended.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs the real `wellprint ARGS` in `dir`, killing it and failing the test
/// if it has not finished within [`LIMIT`].
fn run(dir: &Path, args: &[&str]) -> Run {
    let logs = tempfile::tempdir().expect("temp dir");
    let (out_path, err_path) = (logs.path().join("stdout"), logs.path().join("stderr"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_wellprint"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out_path).expect("stdout file"))
        .stderr(fs::File::create(&err_path).expect("stderr file"))
        .spawn()
        .expect("run wellprint");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "`wellprint {}` still running after {LIMIT:?}: it hangs\n{}",
                args.join(" "),
                fs::read_to_string(&err_path).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Run {
        code: status.code(),
        stdout: fs::read_to_string(&out_path).unwrap_or_default(),
        stderr: fs::read_to_string(&err_path).unwrap_or_default(),
    }
}

/// An area with id `id` (in `areas/ID.toml`) and, if given, a logo line.
fn area(id: &str, logo: Option<&str>) -> String {
    let logo = logo.map_or(String::new(), |l| format!("logo = \"{l}\"\n"));
    GOOD_AREA
        .replacen("id = \"testshire\"", &format!("id = \"{id}\""), 1)
        .replacen(
            "nation = \"england\"\n",
            &format!("nation = \"england\"\n{logo}"),
            1,
        )
}

/// A project with a good area `good` and an area `bad` whose logo is
/// `areas/logos/BAD_LOGO`, made by `make` (given its full path).
fn project_with_bad_logo(bad_logo: &str, make: impl FnOnce(&Path)) -> TempProject {
    let p = TempProject::new();
    p.write("areas/good.toml", &area("good", None));
    p.write(
        "areas/bad.toml",
        &area("bad", Some(&format!("logos/{bad_logo}"))),
    );
    fs::create_dir_all(p.path().join("areas/logos")).expect("mkdir");
    make(&p.path().join("areas/logos").join(bad_logo));
    p
}

/// A noisy picture, so that its compressed data is long.
fn noise(w: u32, h: u32) -> image::RgbImage {
    image::RgbImage::from_fn(w, h, |x, y| {
        let v = x
            .wrapping_mul(2_654_435_761)
            .wrapping_add(y.wrapping_mul(40_503));
        image::Rgb([(v >> 3) as u8, (v >> 11) as u8, (v >> 19) as u8])
    })
}

/// The encoded bytes of a noisy picture.
fn encoded(format: image::ImageFormat) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    noise(240, 80).write_to(&mut out, format).expect("encode");
    out.into_inner()
}

/// The first half of an encoded picture.
fn half(format: image::ImageFormat) -> Vec<u8> {
    let whole = encoded(format);
    whole[..whole.len() / 2].to_vec()
}

/// Makes a named pipe at `path` with the `mkfifo` command.
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// The PDFs below `dir`.
fn pdfs(dir: &Path) -> Vec<std::path::PathBuf> {
    common::files_below(dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect()
}

/// `out/report.json`, parsed.
fn report(p: &TempProject) -> serde_json::Value {
    let text = fs::read_to_string(p.path().join("out/report.json")).expect("report.json");
    serde_json::from_str(&text).expect("report is JSON")
}

/// Checks that a `build` of the card with `bad`'s logo broken exits 1,
/// builds `good`, and that stderr and the report name the area, the logo
/// file and every needle.
fn only_bad_fails(p: &TempProject, needles: &[&str]) {
    let out = run(p.path(), &["build", "--resource", CARD]);
    assert_eq!(
        out.code,
        Some(1),
        "exit 1: some documents failed\n{}",
        out.stderr
    );
    for n in needles {
        assert!(out.stderr.contains(n), "expected `{n}` in:\n{}", out.stderr);
    }
    assert!(
        !pdfs(&p.path().join("out/good")).is_empty(),
        "the good area is built"
    );
    assert!(
        pdfs(&p.path().join("out/bad")).is_empty(),
        "nothing for bad"
    );
    let report = report(p);
    let failed = report["failed"].as_array().expect("failed list");
    assert!(!failed.is_empty(), "{report}");
    for f in failed {
        assert_eq!(f["area"], "bad", "{f}");
        let text = f["errors"].to_string();
        assert!(text.contains("areas/bad.toml"), "{text}");
        for n in needles {
            assert!(text.contains(n), "expected `{n}` in the report:\n{text}");
        }
    }
    let built = report["built"].as_array().expect("built list");
    assert!(!built.is_empty() && built.iter().all(|b| b["area"] == "good"));
}

#[test]
fn a_truncated_png_logo_fails_only_its_area() {
    let p = project_with_bad_logo("bad.png", |path| {
        fs::write(path, half(image::ImageFormat::Png)).expect("write");
    });
    only_bad_fails(
        &p,
        &[
            "`areas/logos/bad.png` is not a usable picture",
            "save it again",
        ],
    );
    // Building only the other area succeeds.
    fs::remove_dir_all(p.path().join("out")).expect("rm out");
    let out = run(p.path(), &["build", "--area", "good", "--resource", CARD]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(!pdfs(&p.path().join("out/good")).is_empty());
    let report = report(&p);
    assert_eq!(
        report["failed"].as_array().map(Vec::len),
        Some(0),
        "{report}"
    );
}

#[test]
fn a_jpeg_logo_cut_in_half_is_an_error_naming_the_file() {
    let p = project_with_bad_logo("bad.jpg", |path| {
        fs::write(path, half(image::ImageFormat::Jpeg)).expect("write");
    });
    only_bad_fails(
        &p,
        &[
            "`areas/logos/bad.jpg` is not a usable picture",
            "ends early",
            "cut short",
        ],
    );
    // The whole JPEG is fine.
    fs::write(
        p.path().join("areas/logos/bad.jpg"),
        encoded(image::ImageFormat::Jpeg),
    )
    .expect("write");
    let out = run(p.path(), &["build", "--resource", CARD]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
}

#[test]
fn a_named_pipe_as_logo_fails_its_area_without_hanging() {
    let p = project_with_bad_logo("bad.png", mkfifo);
    only_bad_fails(
        &p,
        &["`areas/logos/bad.png` is a named pipe (FIFO), not a file"],
    );
    let out = run(p.path(), &["check", "--resource", CARD]);
    assert_eq!(out.code, Some(2), "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr.contains("areas/bad.toml")
            && out
                .stderr
                .contains("`areas/logos/bad.png` is a named pipe (FIFO)"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_folder_as_logo_fails_its_area() {
    let p = project_with_bad_logo("bad.png", |path| fs::create_dir(path).expect("mkdir"));
    only_bad_fails(&p, &["`areas/logos/bad.png` is a folder, not a file"]);
}

#[test]
fn a_named_pipe_as_area_file_or_contacts_file_fails_only_that_area() {
    let p = TempProject::new();
    p.write("areas/good.toml", &area("good", None));
    mkfifo(&p.path().join("areas/bad.toml"));
    let out = run(p.path(), &["build", "--resource", CARD]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("`areas/bad.toml` is a named pipe (FIFO), not a file"),
        "{}",
        out.stderr
    );
    assert!(!pdfs(&p.path().join("out/good")).is_empty());
    let out = run(p.path(), &["check", "--resource", CARD]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(
        out.stderr.contains("`areas/bad.toml` is a named pipe"),
        "{}",
        out.stderr
    );

    fs::remove_file(p.path().join("areas/bad.toml")).expect("rm");
    p.write(
        "areas/bad.toml",
        "id = \"bad\"\nname = \"Bad\"\nnation = \"england\"\ncontacts = \"bad.csv\"\n",
    );
    mkfifo(&p.path().join("areas/bad.csv"));
    let out = run(p.path(), &["build", "--resource", CARD]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr.contains("areas/bad.toml:4:12")
            && out
                .stderr
                .contains("`areas/bad.csv` is a named pipe (FIFO), not a file"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_bad_resource_picture_still_fails_the_whole_project_clearly() {
    let card = format!("resources/{CARD}.toml");
    let talking = "assets/pictures/phone-anytime.svg";
    let setup = |picture: &str| {
        let p = TempProject::new();
        p.write("areas/good.toml", &area("good", None));
        let text = fs::read_to_string(p.path().join(&card)).expect("read card");
        assert!(text.contains(talking));
        p.write(&card, &text.replacen(talking, picture, 1));
        p
    };
    // A JPEG cut in half: refused, naming the file (it used to print a
    // grey block).
    let p = setup("assets/pictures/photo.jpg");
    fs::write(
        p.path().join("assets/pictures/photo.jpg"),
        half(image::ImageFormat::Jpeg),
    )
    .expect("write");
    let out = run(p.path(), &["build", "--resource", CARD]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!("{card}:"))
            && out
                .stderr
                .contains("`assets/pictures/photo.jpg` is not a usable picture")
            && out.stderr.contains("ends early"),
        "{}",
        out.stderr
    );
    assert!(pdfs(&p.path().join("out")).is_empty());
    // A named pipe: refused, without hanging.
    let p = setup("assets/pictures/pipe.png");
    mkfifo(&p.path().join("assets/pictures/pipe.png"));
    for cmd in ["build", "check"] {
        let out = run(p.path(), &[cmd, "--resource", CARD]);
        assert_eq!(out.code, Some(2), "{cmd}: {}", out.stderr);
        assert!(
            out.stderr
                .contains("the picture `assets/pictures/pipe.png` is a named pipe (FIFO)"),
            "{cmd}: {}",
            out.stderr
        );
    }
}
