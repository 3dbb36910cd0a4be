//! The README's promises about output, through the real binary: nothing is
//! written outside `--out`, ids that cannot be file names are errors at
//! their key, rebuilds with raster pictures are byte-identical, written
//! files are readable by others under the usual umask, no report of an
//! earlier run is left standing for this one, and a file where an area's
//! folder should be is named as the cause.

mod common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::TempProject;

const BIN: &str = env!("CARGO_BIN_EXE_wellprint");

/// `wellprint ARGS` in the project folder, with a fixed creation date.
fn wellprint(p: &TempProject, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(p.path())
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .expect("run wellprint")
}

/// `wellprint ARGS` run by `sh` after `umask MASK`, as a login shell
/// would have it.
fn wellprint_with_umask(p: &TempProject, mask: &str, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("umask {mask}; exec \"$0\" \"$@\""))
        .arg(BIN)
        .args(args)
        .current_dir(p.path())
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .expect("run sh")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every file below `dir`, by path relative to it.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    common::file_contents(dir)
}

/// A project with the real resources and `medway`, whose resource file
/// `rel` has `from` replaced by `to` (which must be there).
fn with_edit(rel: &str, from: &str, to: &str) -> TempProject {
    let p = TempProject::new().with_area("medway");
    let text = std::fs::read_to_string(p.path().join(rel)).expect("read resource");
    assert!(text.contains(from), "{rel} no longer has {from}");
    p.write(rel, &text.replacen(from, to, 1));
    p
}

#[test]
fn ids_and_format_names_that_are_not_file_names_are_errors_at_their_key() {
    let long = "a".repeat(65);
    let card = "resources/chime-wallet-card.toml";
    let poster = "resources/tips-poster.toml";
    let cases = [
        // (file, from, to, file, words in the message)
        (
            card,
            "id = \"chime-wallet-card\"",
            "id = \"../evil\"".to_owned(),
            "chime-wallet-card.toml",
            "resource id `../evil` cannot be a file name",
        ),
        (
            card,
            "id = \"chime-wallet-card\"",
            format!("id = \"{long}\""),
            "chime-wallet-card.toml",
            "65 characters long, and at most 64",
        ),
        (
            poster,
            "name = \"a3\"",
            "name = \"/tmp/x\"".to_owned(),
            "tips-poster.toml",
            "format name `/tmp/x` cannot be a file name: it contains a slash",
        ),
    ];
    for (rel, from, to, file, words) in cases {
        let text = std::fs::read_to_string(common::root().join(rel)).expect("read resource");
        let line = text[..text.find(from).expect("has it")]
            .matches('\n')
            .count()
            + 1;
        let location = format!("{file}:{line}:");
        let p = with_edit(rel, from, &to);
        let mut before = common::files_below(p.path());
        before.sort();
        let out = wellprint(&p, &["build", "--out", "nest/out"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{to}: bad input: {err}");
        assert!(
            err.contains(&location),
            "{to}: the key's file:line:column: {err}"
        );
        assert!(err.contains(words), "{to}: says what is wrong: {err}");
        assert!(
            err.contains("lower-case letters") || err.contains("shorten it"),
            "{to}: a hint: {err}"
        );
        assert!(
            !err.contains("too long (os error"),
            "{to}: not the system's words: {err}"
        );
        // Nothing was written anywhere in the project, inside or outside
        // `--out`.
        let mut after = common::files_below(p.path());
        after.sort();
        assert_eq!(after, before, "{to}: no file was written");
    }
}

#[test]
fn an_area_id_that_is_a_path_is_an_error_at_its_key() {
    let p = TempProject::new();
    let area = std::fs::read_to_string(common::root().join("areas/medway.toml"))
        .expect("read")
        .replacen("id = \"medway\"", "id = \"../../evil\"", 1);
    p.write("areas/medway.toml", &area);
    let out = wellprint(&p, &["build", "--out", "nest/out"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("areas/medway.toml:"), "{err}");
    assert!(
        err.contains("area id `../../evil` cannot be a file name"),
        "{err}"
    );
    assert!(
        common::files_below(p.path())
            .iter()
            .all(|f| !f.to_string_lossy().contains("evil")),
        "nothing written for it"
    );
}

/// A JPEG of `width` × `height` pixels with a pattern in it.
fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut bytes = std::io::Cursor::new(Vec::new());
    img.write_to(&mut bytes, image::ImageFormat::Jpeg)
        .expect("encode");
    bytes.into_inner()
}

/// The project with `glasgow` (its CSV and PNG logo) and the leaflet's
/// first picture replaced by a JPEG photo.
fn project_with_raster_pictures() -> TempProject {
    let p = TempProject::new().with_area("glasgow");
    for rel in ["areas/glasgow.csv", "areas/logos/glasgow.png"] {
        let to = p.path().join(rel);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        std::fs::copy(common::root().join(rel), to).expect("copy");
    }
    std::fs::write(p.path().join("assets/pictures/photo.jpg"), jpeg(400, 300)).expect("write");
    let leaflet = "resources/wellbeing-leaflet.toml";
    let text = std::fs::read_to_string(p.path().join(leaflet)).expect("read");
    let chimes = "picture = \"assets/pictures/wind-chimes-tubes.svg\"";
    assert!(text.contains(chimes), "the leaflet's first picture moved");
    p.write(
        leaflet,
        &text.replacen(chimes, "picture = \"assets/pictures/photo.jpg\"", 1),
    );
    p
}

#[test]
fn rebuilds_with_a_logo_and_a_photo_in_parallel_are_byte_identical() {
    let p = project_with_raster_pictures();
    for out in ["a", "b"] {
        let run = wellprint(&p, &["build", "-j", "2", "--out", out]);
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    }
    let (a, b) = (files(&p.path().join("a")), files(&p.path().join("b")));
    assert_eq!(
        a.len(),
        12 + 1,
        "every document of glasgow, and the report: {:?}",
        a.keys()
    );
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    let mut with_images = 0;
    for (path, bytes) in &a {
        // report.json too: its paths are relative to the output folder and
        // it holds no run time.
        assert!(
            bytes == &b[path],
            "{} differs between two runs",
            path.display()
        );
        let has_image = lopdf::Document::load_mem(bytes).is_ok_and(|d| {
            d.objects
                .values()
                .filter_map(|o| o.as_stream().ok())
                .any(|s| {
                    s.dict.get(b"Subtype").ok().and_then(|v| v.as_name().ok()) == Some(b"Image")
                })
        });
        with_images += usize::from(has_image);
    }
    assert!(
        with_images >= 5,
        "the logo and the photo are in most documents: {with_images}"
    );
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("written")
        .permissions()
        .mode()
        & 0o777
}

#[cfg(unix)]
#[test]
fn written_files_get_the_permissions_the_umask_gives() {
    let p = TempProject::new().with_area("medway");
    let card = ["--resource", "chime-wallet-card", "--variant", "standard"];
    for (mask, want) in [("022", 0o644), ("027", 0o640)] {
        let out = format!("out-{mask}");
        let run = wellprint_with_umask(&p, mask, &[&["build", "--out", &out][..], &card].concat());
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        let sheets = format!("sheets-{mask}");
        let run = wellprint_with_umask(
            &p,
            mask,
            &[&["sheets", "--out", &sheets][..], &card].concat(),
        );
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        for file in [
            format!("{out}/medway/chime-wallet-card-standard.pdf"),
            format!("{out}/report.json"),
            format!("{sheets}/avery-c32011-medway.pdf"),
            format!("{sheets}/avery-c32011-calibration.pdf"),
        ] {
            assert_eq!(
                mode(&p.path().join(&file)),
                want,
                "{file} under umask {mask}"
            );
        }
    }
}

#[test]
fn a_run_that_stops_early_leaves_no_report_of_an_earlier_run() {
    let p = TempProject::new().with_area("medway").with_area("cardiff");
    let stale = "{\"stale\": \"the report of an earlier run\"}";
    p.write("out/report.json", stale);
    // Killed (power cut, `kill -9`) after its first document: it never
    // gets to write its own report.
    let mut child = Command::new(BIN)
        .args(["build", "-j", "1", "--out", "out"])
        .current_dir(p.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("run wellprint");
    let stdout = child.stdout.take().expect("stdout");
    let first = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find(|l| l.starts_with("wrote "));
    assert!(first.is_some(), "a document was written");
    child.kill().expect("kill");
    child.wait().expect("wait");
    let report = std::fs::read_to_string(p.path().join("out/report.json"));
    assert!(
        report.as_deref().map_or(true, |r| r != stale),
        "the earlier run's report is gone (or this run's replaced it)"
    );
}

#[test]
fn a_file_where_an_area_folder_should_be_is_named_as_the_cause() {
    let p = TempProject::new().with_area("medway").with_area("cardiff");
    p.write("out/medway", "not a folder");
    let run = wellprint(&p, &["build", "--resource", "chime-wallet-card"]);
    let err = stderr(&run);
    assert_eq!(
        run.status.code(),
        Some(1),
        "cardiff is built, medway fails: {err}"
    );
    assert!(
        err.contains("`out/medway` is a file, not a folder"),
        "{err}"
    );
    assert!(err.contains("move or rename what is in the way"), "{err}");
    assert!(
        !err.contains("File exists"),
        "not the system's words: {err}"
    );
    assert!(
        !err.contains("disk is not full"),
        "not a disk-full hint: {err}"
    );
    assert!(
        p.path()
            .join("out/cardiff/chime-wallet-card-standard.pdf")
            .is_file()
    );
}
