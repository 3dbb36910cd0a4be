//! Screen PDFs checked as a screen reader and a PDF/UA validator would: a
//! structure tree in the resource's order, every piece of content either in
//! it or marked as decoration, headings in order, alternative text, title and
//! language, live links with descriptions.

mod common;

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use wellprint::Loaded;
use wellprint::model::Variant;
use wellprint::resolve::Content as Block;
use wellprint::{BuildOptions, Job, Target};

use common::{fonts, load, pdf_dict, pdf_name, pdf_text, root};

/// Every resource × variant × area, built for the screen.
fn screen_pdfs(project: &Loaded) -> Vec<(String, Vec<u8>, String)> {
    built_pdfs(project, &BuildOptions::for_target(Target::Screen), false)
}

/// Every resource × variant × area × format, built as `build` writes the
/// print files (imposed on their sheets), or with `--pdfx` when `pdfx`.
fn print_pdfs(project: &Loaded, pdfx: bool) -> Vec<(String, Vec<u8>, String)> {
    let mut options = BuildOptions::for_target(Target::Print);
    if pdfx {
        options.pdf.pdfx = true;
        options.pdf.colour = wellprint::render::ColourMode::Cmyk;
    }
    built_pdfs(project, &options, true)
}

/// Builds with `options`: the first format of each resource × variant, or
/// every format when `every_format`. Each with the text a reader should
/// hear.
fn built_pdfs(
    project: &Loaded,
    options: &BuildOptions,
    every_format: bool,
) -> Vec<(String, Vec<u8>, String)> {
    let fonts = fonts();
    let mut out = Vec::new();
    for resource in &project.resources {
        for variant in resource.variants.keys() {
            for area in &project.areas {
                let formats = resource.formats_for(*variant);
                let take = if every_format { formats.len() } else { 1 };
                for format in formats.iter().take(take) {
                    let job = Job {
                        resource,
                        variant: *variant,
                        area,
                        format,
                    };
                    let name = if every_format {
                        format!(
                            "{}-{}-{}-{}",
                            area.id.value, resource.id.value, variant, format.name
                        )
                    } else {
                        format!("{}-{}-{}", area.id.value, resource.id.value, variant)
                    };
                    let built = wellprint::build(project, &job, &fonts, options)
                        .unwrap_or_else(|_| panic!("{name} builds"));
                    let expected = expected_text(project, &job, &common::left_out(&built));
                    out.push((name, built.bytes, expected));
                }
            }
        }
    }
    out
}

/// The resource's text in source order, as a reader should hear it:
/// bullets and decorative initials are not part of it; journey stages are
/// numbered.
/// A bilingual document reads its whole Welsh version first, then the
/// English. Contacts named in `left_out` are not printed.
fn expected_text(project: &Loaded, job: &Job, left_out: &[String]) -> String {
    let doc = job.resolve(project).expect("resolves");
    match &doc.welsh {
        Some((welsh, _)) => version_text(welsh, left_out) + &version_text(&doc, left_out),
        None => version_text(&doc, left_out),
    }
}

/// [`expected_text`] of one language version.
fn version_text(doc: &wellprint::resolve::Document, left_out: &[String]) -> String {
    let mut text = String::new();
    let mut blocks = Vec::new();
    for page in &doc.pages {
        blocks.extend(page.blocks.iter());
        if page.flow {
            blocks.extend(doc.sections.iter().flatten());
        }
    }
    for block in blocks {
        let mut push = |s: String| {
            text.push_str(&s);
            text.push(' ');
        };
        match &block.content {
            Block::Banner {
                title, subtitle, ..
            } => {
                push(title.plain());
                if let Some(s) = subtitle {
                    push(s.plain());
                }
            }
            Block::Heading { text, .. } | Block::Paragraph { text, .. } => push(text.plain()),
            Block::KeyList { items, .. } => {
                for (term, explanation, _) in items {
                    push(term.plain());
                    push(explanation.plain());
                }
            }
            Block::Contacts(list) | Block::Helplines(list) => list
                .entries
                .iter()
                .map(|e| e.plain())
                .filter(|e| !left_out.iter().any(|name| e.starts_with(name.as_str())))
                .for_each(push),
            Block::Spacer { .. } | Block::Picture(_) | Block::Logo { .. } => {}
            Block::PreparedBy { text, .. } => text.iter().for_each(|t| push(t.plain())),
            Block::Row {
                label,
                heading,
                text,
                items,
                ..
            } => {
                label
                    .iter()
                    .chain(heading)
                    .chain(text)
                    .for_each(|t| push(t.plain()));
                items.iter().for_each(|t| push(t.plain()));
            }
            Block::List { items, .. } => items.iter().for_each(|t| push(t.plain())),
            Block::Cards { cards, .. } => {
                for (title, body, _) in cards {
                    push(title.plain());
                    push(body.plain());
                }
            }
            Block::Journey { stages, .. } => {
                for (i, s) in stages.iter().enumerate() {
                    push(format!("{} {}", i + 1, s.label.plain()));
                    if let Some((heading, text, _)) = &s.tip {
                        push(heading.plain());
                        push(text.plain());
                    }
                }
            }
        }
    }
    text
}

/// Whitespace and bullets removed: line breaks and list markers are
/// presentation.
fn normalise(s: &str) -> String {
    // A contact's details are joined by " · ", or put one below the other
    // in a narrow column: the separator is not read either way.
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '•' && *c != '·')
        .collect()
}

/// A structure element, flattened: type, alt, depth, and its marked
/// content (page index, MCID) and annotations in order.
#[derive(Debug)]
struct Element {
    id: Option<ObjectId>,
    kind: String,
    alt: String,
    lang: String,
    depth: usize,
    mcids: Vec<(usize, i64)>,
    annots: Vec<ObjectId>,
}

/// Walks the structure tree depth first (reading order).
fn walk(
    doc: &Document,
    element: &Object,
    depth: usize,
    pages: &BTreeMap<ObjectId, usize>,
    out: &mut Vec<Element>,
    order: &mut Vec<(usize, i64)>,
) {
    let d = pdf_dict(doc, element);
    let index = out.len();
    out.push(Element {
        id: element.as_reference().ok(),
        kind: pdf_name(d, b"S"),
        alt: pdf_text(d, b"Alt"),
        lang: pdf_text(d, b"Lang"),
        depth,
        mcids: Vec::new(),
        annots: Vec::new(),
    });
    let page_of = |d: &Dictionary| {
        d.get(b"Pg")
            .and_then(Object::as_reference)
            .ok()
            .and_then(|p| pages.get(&p).copied())
            .expect("marked content names its page")
    };
    let kids = match d.get(b"K") {
        Ok(Object::Array(a)) => a.clone(),
        Ok(o) => vec![o.clone()],
        Err(_) => Vec::new(),
    };
    for kid in &kids {
        match kid {
            Object::Integer(mcid) => {
                let page = page_of(d);
                out[index].mcids.push((page, *mcid));
                order.push((page, *mcid));
            }
            _ => {
                let k = pdf_dict(doc, kid);
                match pdf_name(k, b"Type").as_str() {
                    "MCR" => {
                        let mcid = k.get(b"MCID").and_then(Object::as_i64).expect("MCID");
                        out[index].mcids.push((page_of(k), mcid));
                        order.push((page_of(k), mcid));
                    }
                    "OBJR" => {
                        let obj = k.get(b"Obj").and_then(Object::as_reference).expect("Obj");
                        out[index].annots.push(obj);
                    }
                    _ => walk(doc, kid, depth + 1, pages, out, order),
                }
            }
        }
    }
}

/// Everything the checker found wrong with one PDF.
fn check(pdf: &str, bytes: &[u8], expected: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let doc = Document::load_mem(bytes).expect("lopdf loads it");
    let catalog = doc.catalog().expect("catalog");
    let pages = page_indices(&doc);

    // Document-level facts.
    if pdf_text(catalog, b"Lang").is_empty() {
        problems.push("no /Lang".into());
    }
    let prefs = catalog.get(b"ViewerPreferences").map(|o| pdf_dict(&doc, o));
    if prefs
        .ok()
        .and_then(|p| p.get(b"DisplayDocTitle").ok())
        .and_then(|o| o.as_bool().ok())
        != Some(true)
    {
        problems.push("DisplayDocTitle is not true".into());
    }
    let info = doc
        .trailer
        .get(b"Info")
        .map(|o| pdf_dict(&doc, o))
        .expect("Info");
    if pdf_text(info, b"Title").is_empty() {
        problems.push("no Title".into());
    }
    let marked = catalog
        .get(b"MarkInfo")
        .map(|o| pdf_dict(&doc, o))
        .ok()
        .and_then(|m| m.get(b"Marked").ok())
        .and_then(|o| o.as_bool().ok());
    if marked != Some(true) {
        problems.push("MarkInfo /Marked is not true".into());
    }
    match catalog
        .get(b"Metadata")
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_object(id))
        .and_then(Object::as_stream)
    {
        Ok(s) => {
            let xml = String::from_utf8_lossy(&s.content);
            for want in ["<dc:title>", "<pdfuaid:part>1</pdfuaid:part>"] {
                if !xml.contains(want) {
                    problems.push(format!("XMP metadata lacks {want}"));
                }
            }
        }
        Err(_) => problems.push("no XMP metadata".into()),
    }

    // The structure tree.
    let Ok(root) = catalog.get(b"StructTreeRoot").map(|o| pdf_dict(&doc, o)) else {
        problems.push("no structure tree".into());
        return problems;
    };
    let mut elements = Vec::new();
    let mut order = Vec::new();
    let top = root.get(b"K").expect("StructTreeRoot has K").clone();
    walk(&doc, &top, 0, &pages, &mut elements, &mut order);
    if elements.first().map(|e| e.kind.as_str()) != Some("Document") {
        problems.push("the tree does not start with Document".into());
    }

    // Headings in order, starting at H1, never skipping a level.
    let mut last = 0;
    for e in &elements {
        if let Some(level) = e.kind.strip_prefix('H').and_then(|l| l.parse::<u32>().ok()) {
            if level > last + 1 {
                problems.push(format!("H{level} follows H{last}"));
            }
            last = level;
        }
        if e.kind == "Figure" && e.alt.trim().is_empty() {
            problems.push("a Figure without Alt".into());
        }
    }
    // An LI sits in an L (its parent is the nearest shallower element).
    for (i, e) in elements.iter().enumerate() {
        if e.kind == "LI" {
            let parent = elements[..i].iter().rev().find(|p| p.depth + 1 == e.depth);
            if parent.map(|p| p.kind.as_str()) != Some("L") {
                problems.push("an LI outside an L".into());
            }
        }
    }

    // ParentTree: page MCIDs and annotations back to their elements.
    let nums = root
        .get(b"ParentTree")
        .map(|o| pdf_dict(&doc, o))
        .and_then(|t| t.get(b"Nums"))
        .and_then(Object::as_array)
        .cloned()
        .unwrap_or_default();
    let mut parent_tree: BTreeMap<i64, Object> = BTreeMap::new();
    for pair in nums.chunks(2) {
        if let [Object::Integer(k), v] = pair {
            parent_tree.insert(*k, v.clone());
        }
    }
    let owner: BTreeMap<(usize, i64), usize> = elements
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.mcids.iter().map(move |m| (*m, i)))
        .collect();

    // Content: every MCID has an element (via ParentTree); nothing is
    // painted outside marked content.
    for (&page_id, &index) in &pages {
        let page = doc.get_dictionary(page_id).expect("page");
        let key = page
            .get(b"StructParents")
            .and_then(Object::as_i64)
            .expect("page has StructParents");
        if pdf_name(page, b"Tabs") != "S" {
            problems.push(format!("page {} has no /Tabs /S", index + 1));
        }
        let array = match parent_tree.get(&key) {
            Some(Object::Array(a)) => a.clone(),
            Some(Object::Reference(id)) => doc
                .get_object(*id)
                .and_then(Object::as_array)
                .cloned()
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let content = doc.get_page_content(page_id);
        let ops = Content::decode(&content)
            .expect("content parses")
            .operations;
        let mut depth = 0usize;
        for op in &ops {
            match op.operator.as_str() {
                "BDC" => {
                    depth += 1;
                    let mcid = op
                        .operands
                        .get(1)
                        .and_then(|o| o.as_dict().ok())
                        .and_then(|d| d.get(b"MCID").ok())
                        .and_then(|o| o.as_i64().ok());
                    if let Some(mcid) = mcid {
                        let listed = array.get(mcid as usize).and_then(|o| o.as_reference().ok());
                        let element = owner.get(&(index, mcid)).and_then(|i| elements[*i].id);
                        if listed.is_none() || listed != element {
                            problems.push(format!(
                                "page {} MCID {mcid} is not tied to its structure element",
                                index + 1
                            ));
                        }
                    }
                }
                "BMC" => depth += 1,
                "EMC" => depth = depth.saturating_sub(1),
                "Tj" | "TJ" | "'" | "\"" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" | "S"
                | "s" | "Do" | "sh" | "BI"
                    if depth == 0 =>
                {
                    problems.push(format!(
                        "page {}: `{}` paints outside marked content",
                        index + 1,
                        op.operator
                    ));
                }
                _ => {}
            }
        }

        // Link annotations: Contents, StructParent, a Link element with OBJR.
        let annots = page
            .get(b"Annots")
            .and_then(Object::as_array)
            .cloned()
            .unwrap_or_default();
        for a in &annots {
            let id = a.as_reference().expect("annotation by reference");
            let annot = pdf_dict(&doc, a);
            if pdf_name(annot, b"Subtype") != "Link" {
                continue;
            }
            if pdf_text(annot, b"Contents").trim().is_empty() {
                problems.push("a link without Contents".into());
            }
            let Ok(sp) = annot.get(b"StructParent").and_then(Object::as_i64) else {
                problems.push("a link without StructParent".into());
                continue;
            };
            let element = parent_tree.get(&sp).and_then(|o| o.as_reference().ok());
            let owner = elements.iter().find(|e| e.annots.contains(&id));
            if owner.map(|e| e.kind.as_str()) != Some("Link") || element != owner.and_then(|e| e.id)
            {
                problems.push("a link annotation is not in a Link element".into());
            }
        }
    }

    // Text in structure order equals the resource's text in source order.
    let report = wellprint::inspect::inspect(bytes).expect("inspect reads it");
    for run in report.pages.iter().flat_map(|p| &p.text) {
        if run.mcid.is_none() && !run.artifact {
            problems.push(format!("unmarked text \"{}\"", run.text));
        }
    }
    let by_mcid = marked_text(bytes);
    let mut read = String::new();
    for m in &order {
        read.push_str(by_mcid.get(m).map_or("", String::as_str));
        read.push(' ');
    }
    // Words are read as words: a line break inside a paragraph must not
    // glue the last word of one line to the first of the next.
    let words: std::collections::BTreeSet<&str> = expected.split_whitespace().collect();
    let glued: Vec<&str> = read
        .split_whitespace()
        .filter(|w| *w != "•" && !words.contains(w) && !words.iter().any(|x| x.contains(w)))
        .collect();
    if !glued.is_empty() {
        problems.push(format!("words read that the text does not have: {glued:?}"));
    }
    if normalise(&read) != normalise(expected) {
        problems.push(format!(
            "reading order differs\n  read:     {read}\n  expected: {expected}"
        ));
    }
    problems
        .into_iter()
        .map(|p| format!("{pdf}: {p}"))
        .collect()
}

#[test]
fn screen_pdfs_are_tagged_in_reading_order() {
    let (_, project) = load(&root());
    let pdfs = screen_pdfs(&project);
    assert!(!pdfs.is_empty());
    let problems: Vec<String> = pdfs
        .iter()
        .flat_map(|(name, bytes, expected)| check(name, bytes, expected))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The print files, imposed on their sheets (DL tri-fold, A5 booklet,
/// Easy Read folding strip), read in the resource's order too, as default
/// print files and with `--pdfx`.
#[test]
fn print_and_pdfx_pdfs_are_tagged_in_reading_order() {
    let (_, project) = load(&root());
    for pdfx in [false, true] {
        let pdfs = print_pdfs(&project, pdfx);
        assert!(pdfs.len() > screen_pdfs(&project).len(), "every format");
        let problems: Vec<String> = pdfs
            .iter()
            .flat_map(|(name, bytes, expected)| check(name, bytes, expected))
            .collect();
        assert!(problems.is_empty(), "pdfx {pdfx}:\n{}", problems.join("\n"));
    }
}

#[test]
fn screen_pdfs_are_trimmed_and_have_live_links() {
    let (_, project) = load(&root());
    for (name, bytes, _) in screen_pdfs(&project) {
        let report = wellprint::inspect::inspect(&bytes).expect("parses");
        for page in &report.pages {
            let trim = page.trim_box.as_ref().expect("TrimBox");
            assert!(
                (trim.width() - page.media_box.width()).abs() < 0.01,
                "{name}: no bleed"
            );
        }
        let doc = Document::load_mem(&bytes).expect("loads");
        let mut uris = Vec::new();
        for (_, page) in doc.get_pages() {
            let page = doc.get_dictionary(page).expect("page");
            for a in page
                .get(b"Annots")
                .and_then(Object::as_array)
                .cloned()
                .unwrap_or_default()
            {
                let action = pdf_dict(&doc, &a).get(b"A").map(|o| pdf_dict(&doc, o));
                if let Ok(action) = action {
                    uris.push(pdf_text(action, b"URI"));
                }
            }
        }
        assert!(
            uris.iter().any(|u| u.starts_with("tel:")),
            "{name}: phone links in {uris:?}"
        );
        if name == "oxfordshire-chime-wallet-card-standard" {
            assert!(uris.contains(&"tel:+441632960101".to_owned()), "{uris:?}");
            assert!(uris.contains(&"tel:116123".to_owned()), "{uris:?}");
        }
    }
}

#[test]
fn print_pdfs_are_tagged_too() {
    let (sources, project) = load(&root());
    let built = common::build(
        &sources,
        &project,
        "chime-wallet-card",
        Variant::Standard,
        "oxfordshire",
    )
    .expect("builds");
    let doc = Document::load_mem(&built.bytes).expect("loads");
    let catalog = doc.catalog().expect("catalog");
    assert!(catalog.get(b"StructTreeRoot").is_ok());
}

/// Whether `python3` can import the PyPI checker `module` (package
/// `package`, which `.ci/run` installs). When it cannot, the test fails in
/// CI (`CI=true`): a CI run that skips it checks nothing. Elsewhere the
/// test prints a note and is skipped.
fn checker_installed(module: &str, package: &str) -> bool {
    let found = std::process::Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        let install = format!("python3 -m pip install {package}");
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "the PDF/UA checker `{package}` is not installed, and CI=true: `.ci/run` installs it ({install})"
        );
        eprintln!("note: `{package}` is not installed ({install}); skipping (in CI this fails)");
    }
    found
}

/// The Oxfordshire screen card with the catalog's `/Lang` removed: a
/// PDF/UA error both checkers must find, so a checker that finds nothing
/// is known to be working.
fn card_without_language(project: &Loaded) -> Vec<u8> {
    let (_, bytes, _) = screen_pdfs(project)
        .into_iter()
        .find(|(name, _, _)| name == "oxfordshire-chime-wallet-card-standard")
        .expect("the Oxfordshire card");
    let mut doc = Document::load_mem(&bytes).expect("loads");
    let catalog = doc.catalog_mut().expect("catalog");
    assert!(
        catalog.remove(b"Lang").is_some(),
        "premise: the card has /Lang"
    );
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("saves");
    out
}

/// Writes every screen PDF, every default print PDF and every `--pdfx`
/// PDF (and the card without a language) to `dir`.
fn write_screen_pdfs(
    project: &Loaded,
    dir: &std::path::Path,
) -> (Vec<std::path::PathBuf>, std::path::PathBuf) {
    let mut paths = Vec::new();
    let kinds = [
        ("screen", screen_pdfs(project)),
        ("print", print_pdfs(project, false)),
        ("pdfx", print_pdfs(project, true)),
    ];
    for (kind, pdfs) in kinds {
        for (name, bytes, _) in pdfs {
            let path = dir.join(format!("{name}-{kind}.pdf"));
            std::fs::write(&path, &bytes).expect("write");
            paths.push(path);
        }
    }
    let broken = dir.join("card-without-language.pdf");
    std::fs::write(&broken, card_without_language(project)).expect("write");
    (paths, broken)
}

/// `pdfua check` (PyPI pdfua, alpha) on `paths`: its report of the files
/// with errors, if any.
fn pdfua_errors(paths: &[std::path::PathBuf]) -> Option<String> {
    let out = std::process::Command::new("python3")
        .args(["-m", "pdfua", "check", "--quiet", "--min-severity", "error"])
        .args(paths)
        .output()
        .expect("pdfua runs");
    (!out.status.success()).then(|| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// Runs the `pdfua` checker on every screen, print and `--pdfx` PDF: no
/// errors. It must find
/// the missing language of a broken copy of the card first.
#[test]
fn pdfua_checker_finds_no_errors() {
    if !checker_installed("pdfua", "pdfua==0.1.3") {
        return;
    }
    let (_, project) = load(&root());
    let dir = tempfile::tempdir().expect("temp dir");
    let (paths, broken) = write_screen_pdfs(&project, dir.path());
    let found = pdfua_errors(&[broken]).unwrap_or_default();
    assert!(
        found.contains("/Lang"),
        "pdfua misses a missing /Lang: {found}"
    );
    if let Some(errors) = pdfua_errors(&paths) {
        panic!("{errors}");
    }
}

/// page-validation's PDF/UA-1 profile on each file: one line per file,
/// `ok` or the failed rules.
const PAGE_VALIDATION: &str = r#"
import sys, page
for path in sys.argv[1:]:
    report = page.validate_pdf(path, profile="ua1")
    rules = sorted({f.rule_id for f in report.failures})
    print(path, "ok" if report.is_compliant else " ".join(rules) or "not compliant")
"#;

/// Runs `page` (PyPI page-validation, a PDF/UA-1 and PDF/A validator
/// that passes the veraPDF corpus) on every screen, default print and
/// `--pdfx` PDF: all conform to PDF/UA-1. It must fail a broken copy of
/// the card first.
#[test]
fn page_validation_finds_every_pdf_pdf_ua_1_conformant() {
    if !checker_installed("page", "page-validation==0.11.0") {
        return;
    }
    let (_, project) = load(&root());
    let dir = tempfile::tempdir().expect("temp dir");
    let (paths, broken) = write_screen_pdfs(&project, dir.path());
    let out = std::process::Command::new("python3")
        .args(["-c", PAGE_VALIDATION])
        .arg(&broken)
        .args(&paths)
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), paths.len() + 1, "one line per file:\n{stdout}");
    assert!(
        lines[0].contains("LANGUAGE"),
        "page misses a missing /Lang: {}",
        lines[0]
    );
    let failures: Vec<&&str> = lines[1..].iter().filter(|l| !l.ends_with(" ok")).collect();
    assert!(failures.is_empty(), "not PDF/UA-1: {failures:#?}");
}

/// The structure tree as an indented outline, with each element's text
/// (or Alt) — what docs/accessibility.md shows.
fn outline(bytes: &[u8]) -> String {
    let doc = Document::load_mem(bytes).expect("loads");
    let pages = page_indices(&doc);
    let catalog = doc.catalog().expect("catalog");
    let root = catalog
        .get(b"StructTreeRoot")
        .map(|o| pdf_dict(&doc, o))
        .expect("tree");
    let mut elements = Vec::new();
    walk(
        &doc,
        root.get(b"K").expect("K"),
        0,
        &pages,
        &mut elements,
        &mut Vec::new(),
    );
    let by_mcid = marked_text(bytes);
    let mut out = String::new();
    for e in &elements {
        let text: Vec<&str> = e
            .mcids
            .iter()
            .filter_map(|m| by_mcid.get(m).map(String::as_str))
            .collect();
        let mut line = format!("{}{}", "  ".repeat(e.depth), e.kind);
        let shown = text.join(" ");
        if !shown.trim().is_empty() {
            line.push_str(&format!(" \"{}\"", shown.trim()));
        }
        if !e.alt.is_empty() {
            line.push_str(&format!(" [Alt: {}]", e.alt));
        }
        if !e.annots.is_empty() {
            line.push_str(&format!(" [{} link annotation(s)]", e.annots.len()));
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// `cargo test --test accessibility dump_outlines -- --ignored --nocapture`
/// prints the structure tree of every screen PDF.
#[test]
#[ignore = "prints outlines for docs/accessibility.md"]
fn dump_outlines() {
    let (_, project) = load(&root());
    for (name, bytes, _) in screen_pdfs(&project) {
        println!("== {name}\n{}", outline(&bytes));
    }
}

/// The text of every structure element with its own `/Lang`, as
/// `(type, lang, text)`.
fn elements_with_lang(bytes: &[u8]) -> Vec<(String, String, String)> {
    all_elements(bytes)
        .into_iter()
        .filter(|(_, lang, _, _)| !lang.is_empty())
        .map(|(kind, lang, _, text)| (kind, lang, text))
        .collect()
}

#[test]
fn welsh_names_and_hours_are_marked_as_welsh() {
    let (_, project) = load(&root());
    let pdfs = screen_pdfs(&project);
    let (_, cardiff, _) = pdfs
        .iter()
        .find(|(name, _, _)| name == "cardiff-chime-wallet-card-standard")
        .expect("the Cardiff card");
    let marked = elements_with_lang(cardiff);
    let welsh: Vec<String> = marked
        .iter()
        .filter(|(kind, lang, _)| kind == "Span" && lang == "cy")
        .map(|(_, _, text)| normalise(text))
        .collect();
    for want in [
        "Canolfan Lles Caerdydd",
        "Llun–Gwener 10yb–4yp",
        "Grŵp Cymorth Cymheiriaid Treganna",
    ] {
        assert!(
            welsh.contains(&normalise(want)),
            "{want} not marked cy in {marked:?}"
        );
    }
    // Phone numbers are not Welsh text, and English areas mark nothing.
    assert!(!welsh.iter().any(|t| t.contains("01632")), "{welsh:?}");
    let (_, oxford, _) = pdfs
        .iter()
        .find(|(name, _, _)| name == "oxfordshire-chime-wallet-card-standard")
        .expect("the Oxfordshire card");
    assert_eq!(elements_with_lang(oxford), Vec::new());
}

/// Every structure element as `(type, lang, alt, text)`.
fn all_elements(bytes: &[u8]) -> Vec<(String, String, String, String)> {
    let doc = Document::load_mem(bytes).expect("loads");
    let pages = page_indices(&doc);
    let catalog = doc.catalog().expect("catalog");
    let root = pdf_dict(&doc, catalog.get(b"StructTreeRoot").expect("tree"));
    let (mut elements, mut order) = (Vec::new(), Vec::new());
    walk(
        &doc,
        root.get(b"K").expect("K"),
        0,
        &pages,
        &mut elements,
        &mut order,
    );
    let by_mcid = marked_text(bytes);
    elements
        .into_iter()
        .map(|e| {
            let text = e
                .mcids
                .iter()
                .filter_map(|m| by_mcid.get(m))
                .cloned()
                .collect();
            (e.kind, e.lang, e.alt, text)
        })
        .collect()
}

/// In each bilingual PDF every Welsh text of the resource's `[welsh]`
/// table that is printed is inside an element tagged `/Lang (cy)`, every
/// Welsh picture description is on a figure tagged `cy`, and no English
/// text of the resource is tagged `cy`.
#[test]
fn every_welsh_text_of_the_bilingual_pdfs_is_marked_as_welsh() {
    let (_, project) = load(&root());
    let pdfs = screen_pdfs(&project);
    for resource in &project.resources {
        let welsh = resource
            .welsh
            .as_ref()
            .expect("every shipped resource has Welsh");
        let name = format!("cardiff-{}-bilingual", resource.id.value);
        let (_, bytes, _) = pdfs.iter().find(|(n, _, _)| *n == name).expect("built");
        let elements = all_elements(bytes);
        let cy_text: String = elements
            .iter()
            .filter(|(_, lang, _, _)| lang == "cy")
            .map(|(_, _, _, text)| normalise(text))
            .collect();
        let cy_alts: Vec<&str> = elements
            .iter()
            .filter(|(kind, lang, _, _)| kind == "Figure" && lang == "cy")
            .map(|(_, _, alt, _)| alt.as_str())
            .collect();
        let metadata = [
            Some(&resource.title),
            resource.subject.as_ref(),
            resource.author.as_ref(),
        ];
        let mut checked = 0;
        for (english, cy) in &welsh.text {
            if metadata.iter().flatten().any(|m| &m.value == english) {
                continue;
            }
            let filled = cy
                .value
                .replace("{area.name}", "Caerdydd")
                .replace("**", "");
            // What fills the edition's placeholders is checked as words of
            // its own ("Rhagfyr"); the pieces of text between them here.
            let pieces: Vec<String> = filled
                .split(['{', '}'])
                .step_by(2)
                .map(normalise)
                .filter(|p| !p.is_empty())
                .collect();
            let marked =
                pieces.iter().all(|p| cy_text.contains(p)) || cy_alts.contains(&filled.as_str());
            assert!(marked, "{name}: {filled:?} is not marked cy");
            checked += 1;
            let english = normalise(&english.replace("{area.name}", "Caerdydd").replace("**", ""));
            if english.len() > 12 && english != normalise(&filled) {
                assert!(
                    !cy_text.contains(&english),
                    "{name}: English {english:?} marked cy"
                );
            }
        }
        assert!(checked >= 10, "{name}: only {checked} texts checked");
    }
}

#[test]
fn build_for_screen_writes_one_screen_pdf_per_resource_and_variant() {
    let p = common::TempProject::new().with_area("oxfordshire");
    let out = common::run(p.path(), &["build", "--for", "screen", "--out", "web"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut names: Vec<String> = std::fs::read_dir(p.path().join("web/oxfordshire"))
        .expect("area folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "chime-wallet-card-easy-read-screen.pdf",
            "chime-wallet-card-large-print-screen.pdf",
            "chime-wallet-card-standard-screen.pdf",
            "tips-poster-easy-read-screen.pdf",
            "tips-poster-large-print-screen.pdf",
            "tips-poster-standard-screen.pdf",
            "wellbeing-leaflet-easy-read-screen.pdf",
            "wellbeing-leaflet-large-print-screen.pdf",
            "wellbeing-leaflet-standard-screen.pdf",
        ]
    );
    // The folding card is its eight panels as pages, in reading order.
    let card = std::fs::read(
        p.path()
            .join("web/oxfordshire/chime-wallet-card-easy-read-screen.pdf"),
    )
    .expect("card");
    let report = wellprint::inspect::inspect(&card).expect("parses");
    assert_eq!(report.pages.len(), 8);
    let first = report.pages[0].trim_box.as_ref().expect("TrimBox");
    assert!(
        (first.width() - 85.0 / 25.4 * 72.0).abs() < 0.5,
        "{}",
        first.width()
    );
    let page_text = |i: usize| {
        report.pages[i]
            .text
            .iter()
            .map(|r| r.text.as_str())
            .collect::<String>()
    };
    assert!(page_text(1).contains("Connection"), "{}", page_text(1));
    assert!(page_text(5).contains("Empowerment"), "{}", page_text(5));
}

#[test]
fn print_flags_are_refused_for_screen_pdfs() {
    let p = common::TempProject::new().with_area("oxfordshire");
    for flags in [
        &["--marks"][..],
        &["--pdfx"],
        &["--bleed", "5mm"],
        &["--cmyk", "--marks"],
    ] {
        let mut args = vec!["build", "--for", "screen", "--out", "web"];
        args.extend(flags);
        let out = common::run(p.path(), &args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{flags:?}: {err}");
        assert!(err.contains("cannot be used with --for screen"), "{err}");
        assert!(err.contains(flags[0]), "{err}");
        assert!(
            !p.path().join("web").exists(),
            "nothing written for {flags:?}"
        );
    }
}

/// Page object → page index.
fn page_indices(doc: &Document) -> BTreeMap<ObjectId, usize> {
    doc.get_pages()
        .into_values()
        .enumerate()
        .map(|(i, id)| (id, i))
        .collect()
}

/// The text of every marked-content sequence that is not an artifact, by
/// (page index, MCID).
fn marked_text(bytes: &[u8]) -> BTreeMap<(usize, i64), String> {
    let report = wellprint::inspect::inspect(bytes).expect("inspect reads it");
    let mut by_mcid: BTreeMap<(usize, i64), String> = BTreeMap::new();
    for (p, page) in report.pages.iter().enumerate() {
        for run in page.text.iter().filter(|r| !r.artifact) {
            if let Some(m) = run.mcid {
                by_mcid.entry((p, m)).or_default().push_str(&run.text);
            }
        }
    }
    by_mcid
}
