//! What a screen reader says: Welsh read as Welsh, every phone number a
//! link, and link descriptions that do not repeat the name just read.

mod common;

use lopdf::{Dictionary, Document, Object, ObjectId};
use wellprint::model::Variant;
use wellprint::{BuildOptions, Target};

use common::{Example, fonts, job, pdf_name};

/// The screen PDF of a resource's variant for `area`.
fn screen(ex: &Example, resource: &str, variant: Variant, area: &str) -> Vec<u8> {
    let job = job(&ex.project, resource, variant, area, None);
    let options = BuildOptions::for_target(Target::Screen);
    wellprint::build(&ex.project, &job, &fonts(), &options)
        .unwrap_or_else(|_| panic!("{resource} {variant:?} {area} builds"))
        .bytes
}

/// One structure element: its type, `/Lang`, and the text of the marked
/// content below it.
#[derive(Debug)]
struct Element {
    kind: String,
    lang: Option<String>,
    text: String,
}

/// Every structure element of the file, in tree order.
fn elements(bytes: &[u8]) -> Vec<Element> {
    let doc = Document::load_mem(bytes).expect("loads");
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let report = wellprint::inspect::inspect(bytes).expect("inspects");
    let text_of = |page: ObjectId, mcid: i64| -> String {
        let Some(p) = pages.iter().position(|&id| id == page) else {
            return String::new();
        };
        report.pages[p]
            .text
            .iter()
            .filter(|r| r.mcid == Some(mcid))
            .map(|r| r.text.as_str())
            .collect()
    };
    let catalog = doc.catalog().expect("catalog");
    let root = resolve(&doc, catalog.get(b"StructTreeRoot").expect("tree"));
    let mut out = Vec::new();
    walk(&doc, root, None, &text_of, &mut out);
    out
}

fn resolve<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).expect("object"),
        other => other,
    }
}

/// Adds the elements below `o`; returns the text of its marked content.
fn walk(
    doc: &Document,
    o: &Object,
    page: Option<ObjectId>,
    text_of: &dyn Fn(ObjectId, i64) -> String,
    out: &mut Vec<Element>,
) -> String {
    match resolve(doc, o) {
        Object::Integer(mcid) => page.map_or(String::new(), |p| text_of(p, *mcid)),
        Object::Array(kids) => kids
            .iter()
            .map(|k| walk(doc, k, page, text_of, out))
            .collect(),
        Object::Dictionary(d) => {
            let page = d.get(b"Pg").and_then(Object::as_reference).ok().or(page);
            if pdf_name(d, b"Type") == "MCR" {
                let mcid = d.get(b"MCID").and_then(Object::as_i64).unwrap_or(-1);
                return page.map_or(String::new(), |p| text_of(p, mcid));
            }
            let at = out.len();
            if pdf_name(d, b"Type") == "StructElem" {
                out.push(Element {
                    kind: pdf_name(d, b"S"),
                    lang: d
                        .get(b"Lang")
                        .and_then(Object::as_str)
                        .ok()
                        .map(|l| String::from_utf8_lossy(l).into_owned()),
                    text: String::new(),
                });
            }
            let text = d
                .get(b"K")
                .map(|k| walk(doc, k, page, text_of, out))
                .unwrap_or_default();
            if let Some(e) = out.get_mut(at) {
                e.text = text.clone();
            }
            text
        }
        _ => String::new(),
    }
}

/// Every Link annotation's (URI, Contents).
fn links(bytes: &[u8]) -> Vec<(String, String)> {
    let doc = Document::load_mem(bytes).expect("loads");
    let mut out = Vec::new();
    for page in doc.get_pages().into_values() {
        let page = doc.get_dictionary(page).expect("page");
        let Ok(annots) = page.get(b"Annots") else {
            continue;
        };
        let Object::Array(list) = resolve(&doc, annots) else {
            continue;
        };
        for a in list {
            let Object::Dictionary(a) = resolve(&doc, a) else {
                continue;
            };
            let text = |d: &Dictionary, k: &[u8]| {
                d.get(k)
                    .and_then(Object::as_str)
                    .map(|s| String::from_utf8_lossy(s).into_owned())
                    .unwrap_or_default()
            };
            let uri = match a.get(b"A").map(|o| resolve(&doc, o)) {
                Ok(Object::Dictionary(action)) => text(action, b"URI"),
                _ => String::new(),
            };
            out.push((uri, text(a, b"Contents")));
        }
    }
    out
}

#[test]
fn welsh_area_names_and_prepared_by_are_marked_as_welsh() {
    let ex = Example::shipped();
    for (resource, variant) in [
        ("chime-wallet-card", Variant::Standard),
        ("wellbeing-leaflet", Variant::Standard),
        ("wellbeing-leaflet", Variant::EasyRead),
    ] {
        let all = elements(&screen(&ex, resource, variant, "cardiff"));
        let welsh: Vec<&Element> = all
            .iter()
            .filter(|e| e.lang.as_deref() == Some("cy"))
            .collect();
        assert!(
            welsh
                .iter()
                .any(|e| e.kind == "Span" && e.text.trim() == "Caerdydd"),
            "{resource} {variant:?}: \"Caerdydd\" in a Welsh Span: {welsh:?}"
        );
        if resource == "wellbeing-leaflet" {
            assert!(
                welsh
                    .iter()
                    .any(|e| e.text.contains("Paratowyd gan Rwydwaith Adferiad Caerdydd")),
                "{resource} {variant:?}: the Welsh prepared-by part: {welsh:?}"
            );
            assert!(
                !welsh
                    .iter()
                    .any(|e| e.text.contains("Prepared by the Cardiff")),
                "the English part is not marked Welsh"
            );
        }
    }
}

#[test]
fn samaritans_in_easy_read_text_is_a_phone_link() {
    let ex = Example::shipped();
    for resource in ["chime-wallet-card", "wellbeing-leaflet"] {
        let links = links(&screen(&ex, resource, Variant::EasyRead, "oxfordshire"));
        assert!(
            links.iter().any(|(uri, _)| uri == "tel:116123"),
            "{resource} Easy Read: Samaritans 116 123 is a tel: link: {links:?}"
        );
    }
}

#[test]
fn link_descriptions_do_not_repeat_the_name_just_read() {
    let ex = Example::shipped();
    let area = ex
        .project
        .areas
        .iter()
        .find(|a| a.id.value == "oxfordshire")
        .expect("area");
    let names: Vec<&str> = area
        .contacts
        .iter()
        .map(|c| c.name.value.as_str())
        .collect();
    assert!(!names.is_empty());
    let mut checked = 0;
    for resource in ["chime-wallet-card", "wellbeing-leaflet"] {
        for (uri, contents) in links(&screen(&ex, resource, Variant::Standard, "oxfordshire")) {
            checked += 1;
            assert!(!contents.is_empty(), "{uri} has a description");
            for n in &names {
                assert!(
                    !contents.contains(n),
                    "{resource}: the link {uri} says the name again: {contents:?}"
                );
            }
        }
    }
    assert!(checked >= 5, "only {checked} links");
}

#[test]
fn a_bad_language_on_an_area_name_is_an_error_at_its_key() {
    let p = common::TempProject::new();
    p.write(
        "areas/t.toml",
        &common::GOOD_AREA.replacen(
            "name = \"Testshire\"",
            "name = { text = \"Testshire\", lang = \"Welsh\" }",
            1,
        ),
    );
    let out = common::run(p.path(), &["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("areas/t.toml:"), "{stderr}");
    assert!(stderr.contains("Welsh"), "{stderr}");
}
