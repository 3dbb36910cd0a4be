//! `build --combine`: one file for the print shop per resource × variant ×
//! format, every area in id order, the same pages per area (stated in the
//! file name and report.json), a bookmark per area.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{GOOD_AREA, TempProject, file_contents, run};
use lopdf::{Document, Object};

/// A second good area, sorting before `testshire`.
fn second_area() -> String {
    GOOD_AREA
        .replace("id = \"testshire\"", "id = \"ambridge\"")
        .replace("name = \"Testshire\"", "name = \"Ambridge Vale\"")
}

/// A project with two good areas (`ambridge`, `testshire`).
fn project() -> TempProject {
    let p = TempProject::new();
    p.write("areas/testshire.toml", GOOD_AREA);
    p.write("areas/ambridge.toml", &second_area());
    p
}

/// The outline of `doc`: (title, 1-based page) per entry, in order.
fn outline(doc: &Document) -> Vec<(String, usize)> {
    let pages: BTreeMap<_, _> = doc
        .get_pages()
        .into_iter()
        .map(|(n, id)| (id, n as usize))
        .collect();
    let catalog = doc.catalog().expect("catalog");
    let root = catalog
        .get(b"Outlines")
        .and_then(Object::as_reference)
        .expect("an outline");
    let mut item = doc
        .get_dictionary(root)
        .expect("outlines")
        .get(b"First")
        .and_then(Object::as_reference)
        .ok();
    let mut out = Vec::new();
    while let Some(id) = item {
        let d = doc.get_dictionary(id).expect("outline item");
        let title = match d.get(b"Title").expect("title") {
            Object::String(b, _) if b.starts_with(&[0xFE, 0xFF]) => {
                let u: Vec<u16> = b[2..]
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect();
                String::from_utf16(&u).expect("utf-16")
            }
            Object::String(b, _) => String::from_utf8(b.clone()).expect("ascii"),
            o => panic!("title {o:?}"),
        };
        let dest = d.get(b"Dest").and_then(Object::as_array).expect("dest");
        let page = dest[0].as_reference().expect("page ref");
        out.push((title, pages[&page]));
        item = d.get(b"Next").and_then(Object::as_reference).ok();
    }
    out
}

/// The report's `combined` list.
fn combined_report(out: &Path) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(out.join("report.json")).expect("report");
    let json: serde_json::Value = serde_json::from_str(&text).expect("json");
    json["combined"].as_array().expect("combined").clone()
}

#[test]
fn combine_writes_one_file_per_resource_variant_format_with_a_bookmark_per_area() {
    let p = project();
    let before = file_contents(p.path());
    let args = [
        "build",
        "--combine",
        "--resource",
        "chime-wallet-card",
        "--resource",
        "wellbeing-leaflet",
        "--out",
        "out",
    ];
    let o = run(p.path(), &args);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = p.path().join("out");
    let entries = combined_report(&out);
    // card: 2 variants × 1 format; leaflet: formats of both variants.
    let mut groups = 0;
    let (_, project) = p.load().expect("loads");
    for r in &project.resources {
        if ["chime-wallet-card", "wellbeing-leaflet"].contains(&r.id.value.as_str()) {
            // No area of this project is in Wales: no bilingual files.
            groups += r
                .variants
                .keys()
                .filter(|&&v| v != wellprint::model::Variant::Bilingual)
                .map(|&v| r.formats_for(v).len())
                .sum::<usize>();
        }
    }
    assert_eq!(entries.len(), groups, "{entries:#?}");
    let names: Vec<String> = std::fs::read_dir(out.join("combined"))
        .expect("combined folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), groups, "{names:?}");
    for e in &entries {
        let rel = e["path"].as_str().expect("written");
        let per_area = e["pages_per_area"].as_u64().expect("n") as usize;
        assert!(per_area > 0);
        assert!(
            rel.starts_with("combined/") && rel.ends_with(&format!("-{per_area}pp.pdf")),
            "{rel}"
        );
        assert!(
            stdout.contains(&format!("wrote out/combined/{}", &rel[9..])),
            "{stdout}"
        );
        let bytes = std::fs::read(out.join(rel)).expect("file");
        let doc = Document::load_mem(&bytes).expect("pdf");
        assert_eq!(doc.get_pages().len(), 2 * per_area, "{rel}");
        assert_eq!(e["pages"].as_u64(), Some(2 * per_area as u64));
        assert_eq!(
            outline(&doc),
            vec![
                ("Ambridge Vale".to_owned(), 1),
                ("Testshire".to_owned(), 1 + per_area)
            ],
            "{rel}"
        );
        let areas: Vec<&str> = e["areas"]
            .as_array()
            .expect("areas")
            .iter()
            .map(|a| a["area"].as_str().expect("id"))
            .collect();
        assert_eq!(areas, ["ambridge", "testshire"]);
        // Still a tagged PDF.
        let catalog = doc.catalog().expect("catalog");
        assert!(catalog.get(b"StructTreeRoot").is_ok(), "{rel}");
    }
    assert!(
        out.join("combined/chime-wallet-card-standard-2pp.pdf")
            .is_file()
    );

    // Nothing written outside --out.
    let mut after = file_contents(p.path());
    after.retain(|path, _| !path.starts_with("out"));
    assert_eq!(before, after);

    // Byte-identical on rebuild.
    let first = file_contents(&out);
    let o = run(p.path(), &args);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(first, file_contents(&out), "rebuild changed bytes");
}

#[test]
fn combine_works_with_the_print_flags() {
    let p = project();
    let o = run(
        p.path(),
        &[
            "build",
            "--combine",
            "--resource",
            "chime-wallet-card",
            "--variant",
            "standard",
            "--marks",
            "--slug",
            "--pdfx",
            "--bleed",
            "5mm",
            "--out",
            "out",
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let path = p
        .path()
        .join("out/combined/chime-wallet-card-standard-2pp.pdf");
    let bytes = std::fs::read(&path).expect("file");
    let doc = Document::load_mem(&bytes).expect("pdf");
    assert_eq!(doc.get_pages().len(), 4);
    assert_eq!(outline(&doc).len(), 2);
    let catalog = doc.catalog().expect("catalog");
    assert!(catalog.get(b"OutputIntents").is_ok(), "PDF/X output intent");
    // Each area's pages carry its own slug line.
    let text = String::from_utf8_lossy(
        &std::process::Command::new("pdftotext")
            .args([path.to_str().expect("utf-8"), "-"])
            .output()
            .map(|o| o.stdout)
            .unwrap_or_default(),
    )
    .into_owned();
    if !text.is_empty() {
        assert!(text.contains("chime-wallet-card · ambridge"), "{text}");
        assert!(text.contains("chime-wallet-card · testshire"), "{text}");
    }
}

#[test]
fn a_broken_area_makes_no_combined_file_and_is_named() {
    let p = project();
    p.write(
        "areas/zedshire.toml",
        "id = \"zedshire\"\nname = \"Zedshire\"\nnation = \"atlantis\"\n",
    );
    let o = run(
        p.path(),
        &[
            "build",
            "--combine",
            "--resource",
            "chime-wallet-card",
            "--out",
            "out",
        ],
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no combined file"), "{stderr}");
    assert!(stderr.contains("area `zedshire` failed"), "{stderr}");
    let combined = p.path().join("out/combined");
    assert!(common::files_below(&combined).is_empty(), "no partial file");
    for e in combined_report(&p.path().join("out")) {
        assert!(e["path"].is_null());
        assert_eq!(e["failed"]["area"].as_str(), Some("zedshire"), "{e}");
    }
}

#[test]
fn an_area_failing_one_resource_stops_only_that_combined_file() {
    // No advocacy contact: the poster cannot be made for this area.
    let p = project();
    p.write(
        "areas/bare.toml",
        "id = \"bare\"\nname = \"Bare\"\nnation = \"england\"\n\n[[contact]]\nname = \"Bare Recovery College\"\nphone = \"01632 960 903\"\ntags = [\"card\"]\n",
    );
    let o = run(
        p.path(),
        &[
            "build",
            "--combine",
            "--resource",
            "chime-wallet-card",
            "--resource",
            "tips-poster",
            "--variant",
            "standard",
            "--out",
            "out",
        ],
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("no combined file for tips-poster standard"),
        "{stderr}"
    );
    assert!(stderr.contains("area `bare` failed"), "{stderr}");
    let files = common::files_below(&p.path().join("out/combined"));
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].ends_with("chime-wallet-card-standard-2pp.pdf"));
    let doc = Document::load(&files[0]).expect("pdf");
    let titles: Vec<String> = outline(&doc).into_iter().map(|(t, _)| t).collect();
    assert_eq!(titles, ["Ambridge Vale", "Bare", "Testshire"]);
}

#[test]
fn combine_for_screen_is_refused() {
    let p = project();
    let o = run(
        p.path(),
        &["build", "--combine", "--for", "screen", "--out", "out"],
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--combine cannot be used with --for screen"));
    assert!(!p.path().join("out").exists());
}

#[test]
fn without_combine_nothing_is_combined() {
    let p = project();
    let o = run(
        p.path(),
        &["build", "--resource", "chime-wallet-card", "--out", "out"],
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(!p.path().join("out/combined").exists());
    let report = std::fs::read_to_string(p.path().join("out/report.json")).expect("report");
    assert!(!report.contains("\"combined\""));
}
