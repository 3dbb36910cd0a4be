//! `check` says everything `build` would, in one run; every documented Easy
//! Read rule runs on real resources; the library stops an Easy Read document
//! whose text has errors, and `report.json` says which findings stopped it.

mod common;

use common::{GOOD_AREA, TempProject, run};
use serde_json::Value;
use wellprint::model::Variant;

/// The leaflet's Easy Read row that the fixtures below change.
const ROW_TEXT: &str = "text = \"Connection means having people in your life.\"";

/// A sentence of 20 words: `sentence-too-long`.
const LONG: &str = "Connection means having people in your life that you can talk to about anything at all when you feel low.";

/// The shipped leaflet with `find` replaced by `replace` (which must occur).
fn leaflet_with(find: &str, replace: &str) -> String {
    let text = std::fs::read_to_string(common::root().join("resources/wellbeing-leaflet.toml"))
        .expect("read");
    assert!(
        text.contains(find),
        "the fixture text is in the leaflet: {find}"
    );
    text.replacen(find, replace, 1)
}

/// A project with the `testshire` area and the leaflet changed.
fn project(leaflet: &str) -> TempProject {
    let p = TempProject::new();
    p.write("areas/testshire.toml", GOOD_AREA);
    p.write("resources/wellbeing-leaflet.toml", leaflet);
    p
}

/// An area file with a mistake: an unknown nation.
const BROKEN_AREA: &str = "id = \"broken\"\nname = \"Broken\"\nnation = \"narnia\"\n";

/// The 1-based line of the first occurrence of `needle` after `after` in
/// `text`.
fn line_of(text: &str, after: &str, needle: &str) -> usize {
    let from = text.find(after).expect("anchor");
    let at = from + text[from..].find(needle).expect("needle");
    text[..at].matches('\n').count() + 1
}

fn stdout_json(out: &std::process::Output) -> Value {
    let text = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("stdout is one JSON object ({e}):\n{text}"))
}

/// The rules of every Easy Read finding in `check --format json` output.
fn finding_rules(json: &Value) -> Vec<String> {
    json["easy_read"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|r| r["findings"].as_array().into_iter().flatten())
        .filter_map(|f| f["rule"].as_str().map(str::to_owned))
        .collect()
}

/// `wellprint check --resource wellbeing-leaflet --format json` in `p`.
fn check_leaflet_json(p: &TempProject) -> std::process::Output {
    run(
        p.path(),
        &[
            "check",
            "--resource",
            "wellbeing-leaflet",
            "--format",
            "json",
        ],
    )
}

#[test]
fn check_reports_a_broken_area_and_easy_read_errors_in_one_run() {
    let p = project(&leaflet_with(ROW_TEXT, &format!("text = \"{LONG}\"")));
    p.write("areas/broken.toml", BROKEN_AREA);
    let args = ["--resource", "wellbeing-leaflet"];
    let build = run(p.path(), &[&["build"][..], &args].concat());
    let build_err = String::from_utf8_lossy(&build.stderr);
    let check = run(p.path(), &[&["check"][..], &args].concat());
    let check_err = String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(2), "{check_err}");
    for stderr in [&build_err, &check_err] {
        assert!(stderr.contains("areas/broken.toml"), "{stderr}");
        assert!(stderr.contains("[sentence-too-long]"), "{stderr}");
    }
    // The good area was still checked: its layout ran (no load stop).
    assert!(
        !check_err.contains("problem in wellbeing-leaflet"),
        "{check_err}"
    );
}

#[test]
fn check_json_is_one_object_with_area_easy_read_and_load_errors() {
    let p = project(&leaflet_with(ROW_TEXT, &format!("text = \"{LONG}\"")));
    p.write("areas/broken.toml", BROKEN_AREA);
    let out = run(p.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let json = stdout_json(&out);
    assert_eq!(json["version"], 2);
    assert_eq!(json["areas"][0]["area"], "broken", "{json:#}");
    assert_eq!(json["areas"][0]["file"], "areas/broken.toml");
    assert!(
        json["areas"][0]["errors"][0]["line"].as_u64().is_some(),
        "{json:#}"
    );
    assert!(
        finding_rules(&json).contains(&"sentence-too-long".to_owned()),
        "{json:#}"
    );
    let f = json["easy_read"]
        .as_array()
        .and_then(|rs| rs.iter().find(|r| r["resource"] == "wellbeing-leaflet"))
        .expect("the leaflet's Easy Read report");
    assert_eq!(f["findings"][0]["file"], "resources/wellbeing-leaflet.toml");
    assert!(json["errors"].as_u64().is_some_and(|n| n >= 2), "{json:#}");

    // A resource that does not load: the load errors, still one object.
    p.write(
        "resources/wellbeing-leaflet.toml",
        &leaflet_with("kind = \"banner\"", "kind = \"banner\"\nnot-a-key = 1"),
    );
    let out = run(p.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let json = stdout_json(&out);
    let load = json["load"].as_array().expect("load errors");
    assert!(
        load.iter()
            .any(|d| d["file"] == "resources/wellbeing-leaflet.toml" && d["line"].is_u64()),
        "{json:#}"
    );
}

#[test]
fn report_json_lists_the_easy_read_findings_behind_a_blocked_document() {
    let leaflet = leaflet_with(ROW_TEXT, &format!("text = \"{LONG}\""));
    let p = project(&leaflet);
    let out = run(p.path(), &["build", "--resource", "wellbeing-leaflet"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_str(
        &std::fs::read_to_string(p.path().join("out/report.json")).expect("report"),
    )
    .expect("JSON");
    let failed = report["failed"].as_array().expect("failed");
    let easy = failed
        .iter()
        .find(|f| f["variant"] == "easy-read")
        .unwrap_or_else(|| panic!("{report:#}"));
    let finding = easy["errors"]
        .as_array()
        .and_then(|es| es.iter().find(|e| e["rule"] == "sentence-too-long"))
        .unwrap_or_else(|| panic!("the finding is listed: {report:#}"));
    assert_eq!(finding["file"], "resources/wellbeing-leaflet.toml");
    assert_eq!(
        finding["line"],
        line_of(&leaflet, "[easy-read]", LONG) as u64,
        "{finding:#}"
    );
    assert!(finding["column"].as_u64().is_some_and(|c| c > 1));
    assert!(!finding["message"].as_str().unwrap_or("").starts_with('['));
    assert!(!report.to_string().contains("listed above"), "{report:#}");
}

#[test]
fn the_library_refuses_an_easy_read_document_whose_text_has_errors() {
    let p = project(&leaflet_with(ROW_TEXT, &format!("text = \"{LONG}\"")));
    let (sources, project) = p.load().expect("loads");
    let fonts = common::fonts();
    let options = wellprint::BuildOptions::default();
    let job = common::job(
        &project,
        "wellbeing-leaflet",
        Variant::EasyRead,
        "testshire",
        None,
    );
    let errors = match wellprint::build(&project, &job, &fonts, &options) {
        Ok(_) => panic!("an Easy Read document with errors must not be built"),
        Err(e) => e,
    };
    let rules: Vec<_> = errors
        .iter()
        .filter_map(|d| wellprint::check::rule_of(d).map(|(r, _)| r.id()))
        .collect();
    assert_eq!(
        rules,
        ["sentence-too-long"],
        "{}",
        common::render(&sources, &errors)
    );
    assert!(errors.iter().skip(1).all(|d| d.span.is_some()));
    // The standard version is not affected.
    let job = common::job(
        &project,
        "wellbeing-leaflet",
        Variant::Standard,
        "testshire",
        None,
    );
    assert!(wellprint::build(&project, &job, &fonts, &options).is_ok());
}

#[test]
fn easy_read_text_without_a_picture_is_found_by_check_and_build() {
    let list = "[[easy-read.page.block]]\nkind = \"list\"\nitems = [\"You can read this on your own.\", \"You can ask someone to read it with you.\"]";
    let row = "[[easy-read.page.block]]\nkind = \"row\"\npicture = \"assets/pictures/reading-together.svg\"\nalt = \"Two people reading a booklet together\"\nwidth = \"28mm\"\nmax-width = \"35mm\"\ntext = \"You can read this on your own. Or you can ask someone to read it with you.\"";
    let leaflet = leaflet_with(row, list);
    let p = project(&leaflet);
    let out = check_leaflet_json(&p);
    assert_eq!(out.status.code(), Some(2));
    let json = stdout_json(&out);
    let line = line_of(&leaflet, "kind = \"list\"", "kind") as u64 - 1;
    let found = json["easy_read"][0]["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|f| f["rule"] == "row-without-picture" && f["line"] == line);
    assert!(found, "at the list's line {line}: {json:#}");
    let out = run(p.path(), &["build", "--resource", "wellbeing-leaflet"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("[row-without-picture]"));
    assert!(
        !p.path()
            .join("out/testshire/wellbeing-leaflet-easy-read.pdf")
            .exists()
    );
}

#[test]
fn a_waiver_that_waives_nothing_is_a_warning_from_check_and_build() {
    let waiver = "waive = { rule = \"contractions\", reason = \"Quoting a patient.\" }";
    let leaflet = leaflet_with(ROW_TEXT, &format!("{ROW_TEXT}\n{waiver}"));
    let p = project(&leaflet);
    let block_line = leaflet[..leaflet.find(ROW_TEXT).expect("row")]
        .rfind("[[easy-read")
        .map(|at| leaflet[..at].matches('\n').count() + 1)
        .expect("block header");
    let args = ["--resource", "wellbeing-leaflet"];
    let check = run(p.path(), &[&["check"][..], &args].concat());
    let build = run(p.path(), &[&["build"][..], &args].concat());
    let at = format!("resources/wellbeing-leaflet.toml:{block_line}:");
    for out in [&check, &build] {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "a warning only: {stderr}");
        assert!(stderr.contains("waives nothing"), "{stderr}");
        assert!(stderr.contains(&at), "{at}: {stderr}");
    }
    let json = stdout_json(&run(
        p.path(),
        &[&["check", "--format", "json"][..], &args].concat(),
    ));
    let unused = &json["easy_read"][0]["unused_waivers"][0];
    assert_eq!(unused["rule"], "contractions", "{json:#}");
    assert_eq!(unused["line"], block_line as u64);
}

#[test]
fn font_too_small_points_at_the_size_key() {
    let leaflet = leaflet_with(
        "body = \"16pt\"\nsmall = \"14pt\"",
        "body = \"12pt\"\nsmall = \"14pt\"",
    );
    let p = project(&leaflet);
    let key_line = line_of(&leaflet, "[easy-read.type]", "body = \"12pt\"");
    let id_line = line_of(&leaflet, "", "id = ");
    let out = check_leaflet_json(&p);
    assert_eq!(out.status.code(), Some(2));
    let json = stdout_json(&out);
    let places: Vec<(Value, Value)> = ["load", "easy_read"]
        .iter()
        .flat_map(|k| json[k].as_array().cloned().unwrap_or_default())
        .flat_map(|e| {
            let nested = e["findings"].as_array().cloned().unwrap_or_default();
            std::iter::once(e).chain(nested)
        })
        .filter(|e| e["file"] == "resources/wellbeing-leaflet.toml")
        .map(|e| (e["line"].clone(), e["rule"].clone()))
        .collect();
    assert!(
        places.iter().any(|(l, _)| *l == key_line as u64),
        "line {key_line}: {json:#}"
    );
    assert!(
        !places
            .iter()
            .any(|(l, r)| *l == id_line as u64 && *r == "font-too-small"),
        "{json:#}"
    );
}

#[test]
fn a_waiver_of_a_removed_rule_is_an_unknown_rule() {
    let waiver = "waive = { rule = \"sentence-split-across-pages\", reason = \"Old.\" }";
    let p = project(&leaflet_with(ROW_TEXT, &format!("{ROW_TEXT}\n{waiver}")));
    let out = run(p.path(), &["check", "--resource", "wellbeing-leaflet"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("is not an Easy Read rule"), "{stderr}");
}

/// The promise that replaced `sentence-split-across-pages`: layout never
/// splits a block, so every piece of resource text of a shipped Easy Read
/// document lies on one page or panel.
#[test]
fn no_text_of_a_shipped_easy_read_document_is_split_across_pages() {
    let ex = common::Example::shipped();
    let fonts = common::fonts();
    let options = wellprint::BuildOptions::for_target(wellprint::Target::Screen);
    let mut checked = 0;
    for job in wellprint::all_jobs(&ex.project) {
        if job.variant != Variant::EasyRead {
            continue;
        }
        let frames = wellprint::lay_out(&ex.project, &job, &fonts, &options).expect("lays out");
        let file = job.resource.id.span.file;
        let mut seen: std::collections::BTreeMap<(usize, usize), usize> = Default::default();
        for (page, frame) in frames.iter().enumerate() {
            frame.visit(&mut |_, item| {
                if let wellprint::layout::FrameItem::Text(t) = item
                    && let Some(span) = t.span.as_ref().filter(|s| s.file == file)
                {
                    let first = *seen
                        .entry((span.range.start, span.range.end))
                        .or_insert(page);
                    assert_eq!(
                        first,
                        page,
                        "{} {:?}: text split",
                        job.resource.id.value,
                        t.text()
                    );
                    checked += 1;
                }
            });
        }
    }
    assert!(checked > 100, "{checked} text runs checked");
}

#[test]
fn a_picture_beside_two_easy_read_rows_is_found_by_check_and_build() {
    let text = std::fs::read_to_string(common::root().join("resources/wellbeing-leaflet.toml"))
        .expect("read");
    let easy_read = text.find("[easy-read]").expect("an Easy Read variant");
    let candle = "picture = \"assets/pictures/candle-lit.svg\"\nalt = \"A lit candle\"";
    let at = easy_read
        + text[easy_read..]
            .find(candle)
            .expect("the Easy Read candle");
    let leaflet = format!(
        "{}picture = \"assets/pictures/people-tea.svg\"\nalt = \"Two people having a cup of tea together\"{}",
        &text[..at],
        &text[at + candle.len()..]
    );
    let line = leaflet[..at].matches('\n').count() as u64 + 1;
    let p = project(&leaflet);
    let out = check_leaflet_json(&p);
    assert_eq!(out.status.code(), Some(2));
    let json = stdout_json(&out);
    let reused: Vec<&Value> = json["easy_read"][0]["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["rule"] == "picture-reused")
        .collect();
    // Only the second tea, at its line; the telephone that every contact
    // list shows is not a second meaning.
    assert_eq!(reused.len(), 1, "{json:#}");
    assert_eq!(reused[0]["line"], line, "{json:#}");
    let out = run(p.path(), &["build", "--resource", "wellbeing-leaflet"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("[picture-reused]"));
    assert!(
        !p.path()
            .join("out/testshire/wellbeing-leaflet-easy-read.pdf")
            .exists()
    );
}
