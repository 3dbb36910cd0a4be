//! `wellprint build` as a batch: reproducible bytes, one broken area among
//! good ones, parallel and sequential runs agreeing, filters, and the
//! report's schema.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::TempProject;
use serde_json::Value;
use sha2::{Digest, Sha256};

const CARD: &str = "chime-wallet-card";

/// Every file below `dir` with its bytes, by relative path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    common::file_contents(dir)
        .into_iter()
        .map(|(path, bytes)| (path.to_string_lossy().replace('\\', "/"), bytes))
        .collect()
}

fn report(dir: &Path) -> Value {
    let text = std::fs::read_to_string(dir.join("report.json")).expect("report written");
    serde_json::from_str(&text).expect("report is JSON")
}

fn build(p: &TempProject, args: &[&str], epoch: Option<&str>) -> std::process::Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_wellprint"));
    cmd.arg("build").args(args).current_dir(p.path());
    match epoch {
        Some(e) => cmd.env("SOURCE_DATE_EPOCH", e),
        None => cmd.env_remove("SOURCE_DATE_EPOCH"),
    };
    cmd.output().expect("run wellprint")
}

#[test]
fn rebuilding_unchanged_input_gives_identical_bytes() {
    let p = TempProject::new().with_area("medway").with_area("cardiff");
    // Without SOURCE_DATE_EPOCH the date is the newest input's mtime.
    let first = build(&p, &["--out", "a"], None);
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let second = build(&p, &["--out", "b", "--jobs", "1"], None);
    assert_eq!(second.status.code(), Some(0));
    let a = files(&p.path().join("a"));
    let b = files(&p.path().join("b"));
    // Medway's 12 documents; Cardiff's 12 and, as an area in Wales, its 5
    // bilingual ones (card, A5 and A5 booklet leaflet, A3 and A2 poster).
    assert!(
        a.len() == 12 + 12 + 5 + 1,
        "every resource × variant × format × area, and the report: {:?}",
        a.keys()
    );
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs between two runs");
    }
    // SOURCE_DATE_EPOCH fixes the date: same epoch, same bytes; another
    // epoch, other bytes.
    build(&p, &["--out", "c", "--resource", CARD], Some("1700000000"));
    build(&p, &["--out", "d", "--resource", CARD], Some("1700000000"));
    build(&p, &["--out", "e", "--resource", CARD], Some("1800000000"));
    let (c, d, e) = (
        files(&p.path().join("c")),
        files(&p.path().join("d")),
        files(&p.path().join("e")),
    );
    assert_eq!(c, d);
    let pdf = "medway/chime-wallet-card-standard.pdf";
    assert_ne!(c[pdf], e[pdf], "the date is in the PDF");
    assert_eq!(report(&p.path().join("c"))["timestamp"], 1_700_000_000);
}

#[test]
fn a_broken_area_does_not_stop_the_others() {
    let p = TempProject::new()
        .with_area("medway")
        .with_area("oxfordshire");
    // Fails to load: a bad phone number.
    p.write(
        "areas/broken.toml",
        &std::fs::read_to_string(common::root().join("areas/medway.toml"))
            .expect("read")
            .replace("id = \"medway\"", "id = \"broken\"")
            .replace("\"01632 960 201\"", "\"(01632) 960 201\""),
    );
    // Loads, but its card overflows (on a back whose `fit` does not list
    // `fewer`).
    p.strict_card();
    let mut crowded = String::from("id = \"crowded\"\nname = \"Crowded\"\nnation = \"scotland\"\n");
    // Twelve contacts: neither two columns nor the other fit strategies
    // make room for them all.
    for i in 0..12 {
        crowded.push_str(&format!(
            "\n[[contact]]\nname = \"Group {i} Community Recovery Network\"\nphone = \"01632 960 7{i:02}\"\nhours = \"Tuesdays\"\ntags = [\"card\", \"advocacy\"]\n"
        ));
    }
    p.write("areas/crowded.toml", &crowded);
    let out = build(&p, &[], Some("1700000000"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "some built, some failed: {stderr}"
    );

    let r = report(&p.path().join("out"));
    let built = r["built"].as_array().expect("built");
    let failed = r["failed"].as_array().expect("failed");
    assert_eq!(r["summary"]["built"].as_u64(), Some(built.len() as u64));
    assert_eq!(r["summary"]["failed"].as_u64(), Some(failed.len() as u64));
    assert_eq!(
        r["summary"]["jobs"].as_u64(),
        Some((built.len() + failed.len()) as u64)
    );
    // The good areas are complete, and the report's hashes are the files'.
    for area in ["medway", "oxfordshire"] {
        let mine: Vec<&Value> = built.iter().filter(|b| b["area"] == area).collect();
        assert_eq!(mine.len(), 12, "{area}: every resource × variant × format");
        for b in mine {
            let bytes = std::fs::read(p.path().join("out").join(b["path"].as_str().expect("path")))
                .expect("file");
            assert_eq!(b["bytes"].as_u64(), Some(bytes.len() as u64));
            let sha: String = Sha256::digest(&bytes)
                .iter()
                .map(|x| format!("{x:02x}"))
                .collect();
            assert_eq!(b["sha256"].as_str(), Some(sha.as_str()));
        }
    }
    // The area that does not load fails every document, with its error.
    let broken: Vec<&Value> = failed.iter().filter(|f| f["area"] == "broken").collect();
    assert_eq!(broken.len(), 12, "{failed:?}");
    let e = &broken[0]["errors"][0];
    assert_eq!(broken[0]["reason"], "input");
    assert_eq!(e["file"], "areas/broken.toml");
    assert_eq!(
        (e["line"].as_u64(), e["column"].as_u64()),
        (Some(10), Some(9))
    );
    assert!(e["message"].as_str().expect("message").contains("brackets"));
    assert!(!p.path().join("out/broken").exists());
    // The crowded area fails only where it overflows; its other documents exist.
    let crowded: Vec<&Value> = failed.iter().filter(|f| f["area"] == "crowded").collect();
    assert!(
        crowded
            .iter()
            .any(|f| f["resource"] == CARD && f["variant"] == "standard"),
        "{crowded:?}"
    );
    assert!(
        built.iter().any(|b| b["area"] == "crowded"),
        "the rest of crowded is built"
    );
    assert!(
        !p.path()
            .join("out/crowded/chime-wallet-card-standard.pdf")
            .exists()
    );
    // The summary names every failure.
    assert!(stderr.contains("documents failed"), "{stderr}");
    assert!(
        stderr.contains("out/broken/chime-wallet-card-standard.pdf"),
        "{stderr}"
    );
    assert!(stderr.contains("areas/broken.toml:10:9"), "{stderr}");
    assert!(stderr.contains("does not fit"), "{stderr}");
}

#[test]
fn filters_and_plain_progress_lines() {
    let p = TempProject::new().with_area("medway").with_area("belfast");
    let out = build(
        &p,
        &["--variant", "easy-read", "--area", "belfast", "--jobs", "2"],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let r = report(&p.path().join("out"));
    let built = r["built"].as_array().expect("built");
    assert_eq!(
        built.len(),
        3,
        "one easy-read document per resource: {built:?}"
    );
    for b in built {
        assert_eq!(
            (b["area"].as_str(), b["variant"].as_str()),
            (Some("belfast"), Some("easy-read"))
        );
        // Not a terminal: one plain line per document.
        let line = format!("wrote out/{}", b["path"].as_str().expect("path"));
        assert!(stdout.contains(&line), "{line} in {stdout}");
    }
    assert!(stdout.contains("3 of 3 documents built"), "{stdout}");
    assert!(!p.path().join("out/medway").exists());
    let out = build(&p, &["--jobs", "0"], None);
    assert_eq!(
        out.status.code(),
        Some(2),
        "--jobs 0 is refused by the command line"
    );
}

#[test]
fn the_report_has_the_documented_fields() {
    let p = TempProject::new().with_area("medway");
    build(
        &p,
        &["--resource", CARD, "--variant", "standard"],
        Some("1700000000"),
    );
    let r = report(&p.path().join("out"));
    let keys = |v: &Value| {
        v.as_object()
            .expect("object")
            .keys()
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(
        keys(&r),
        [
            "built",
            "failed",
            "generator",
            "schema",
            "summary",
            "timestamp"
        ]
    );
    assert_eq!(r["schema"], 1);
    assert_eq!(keys(&r["summary"]), ["built", "failed", "jobs", "warnings"]);
    let b = &r["built"][0];
    assert_eq!(
        keys(b),
        [
            "area", "bytes", "format", "pages", "path", "resource", "sha256", "variant", "warnings"
        ]
    );
    assert_eq!(b["path"], "medway/chime-wallet-card-standard.pdf");
    assert_eq!(b["pages"], 2);
}
