//! The structure tree of imposed print files reads in the resource's order
//! (panels in panel order, whatever sheet they are printed on), and in
//! Easy Read rows each heading comes before its picture.

mod common;

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId};
use wellprint::model::Variant;

use common::{Example, pdf_dict, pdf_name, pdf_text};

/// The top-level elements of the tree in order: type, and their text (or
/// Alt for figures).
fn elements(bytes: &[u8]) -> Vec<(String, String)> {
    let doc = Document::load_mem(bytes).expect("loads");
    let pages: BTreeMap<ObjectId, usize> = doc
        .get_pages()
        .into_values()
        .enumerate()
        .map(|(i, id)| (id, i))
        .collect();
    let report = wellprint::inspect::inspect(bytes).expect("inspects");
    let mut by_mcid: BTreeMap<(usize, i64), String> = BTreeMap::new();
    for (p, page) in report.pages.iter().enumerate() {
        for run in page.text.iter().filter(|r| !r.artifact) {
            if let Some(m) = run.mcid {
                by_mcid.entry((p, m)).or_default().push_str(&run.text);
            }
        }
    }
    let catalog = doc.catalog().expect("catalog");
    let root = pdf_dict(&doc, catalog.get(b"StructTreeRoot").expect("tree"));
    let document = pdf_dict(&doc, root.get(b"K").expect("K"));
    let mut out = Vec::new();
    for kid in document.get(b"K").and_then(Object::as_array).expect("kids") {
        let d = pdf_dict(&doc, kid);
        let kind = pdf_name(d, b"S");
        let mut text = String::new();
        collect(&doc, d, &pages, &by_mcid, &mut text);
        if kind == "Figure" {
            text = pdf_text(d, b"Alt");
        }
        out.push((kind, text));
    }
    out
}

fn collect(
    doc: &Document,
    d: &Dictionary,
    pages: &BTreeMap<ObjectId, usize>,
    by_mcid: &BTreeMap<(usize, i64), String>,
    out: &mut String,
) {
    let kids = d
        .get(b"K")
        .and_then(Object::as_array)
        .cloned()
        .unwrap_or_default();
    for kid in &kids {
        let k = pdf_dict(doc, kid);
        if pdf_name(k, b"Type") == "MCR" {
            let page = k
                .get(b"Pg")
                .and_then(Object::as_reference)
                .ok()
                .and_then(|p| pages.get(&p).copied())
                .expect("page");
            let mcid = k.get(b"MCID").and_then(Object::as_i64).expect("MCID");
            out.push_str(by_mcid.get(&(page, mcid)).map_or("", String::as_str));
        } else if pdf_name(k, b"Type") == "StructElem" {
            collect(doc, k, pages, by_mcid, out);
        }
    }
}

/// Where the first element whose text contains `needle` is.
fn position(elements: &[(String, String)], needle: &str) -> usize {
    elements
        .iter()
        .position(|(_, t)| t.contains(needle))
        .unwrap_or_else(|| panic!("\"{needle}\" not in {elements:#?}"))
}

/// Asserts the needles come in this order in the tree.
fn in_order(what: &str, elements: &[(String, String)], needles: &[&str]) {
    let at: Vec<usize> = needles.iter().map(|n| position(elements, n)).collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "{what}: {needles:?} at {at:?} in {elements:#?}"
    );
}

/// The Easy Read folding strip is printed Samaritans, E, contacts, cover
/// on the outside and C H I M (turned head to foot) inside; the tree
/// reads cover, C, H, I, M, E, contacts, Samaritans.
#[test]
fn easy_read_strip_reads_panels_in_order() {
    let built =
        Example::shipped().build("chime-wallet-card", Variant::EasyRead, "oxfordshire", None);
    let e = elements(&built.bytes);
    in_order(
        "strip",
        &e,
        &[
            "CHIME",
            "Connection",
            "Hope",
            "Identity",
            "Meaning",
            "Empowerment",
            "Oxford Recovery College",
            "Samaritans",
        ],
    );
}

/// The DL tri-fold and the A5 booklet start with their title (not the
/// flap or the back page) and end with the prepared-by line.
#[test]
fn folded_leaflets_read_from_the_cover() {
    let ex = Example::shipped();
    for format in ["dl", "a5-booklet"] {
        let built = ex.build(
            "wellbeing-leaflet",
            Variant::Standard,
            "oxfordshire",
            Some(format),
        );
        let e = elements(&built.bytes);
        assert_eq!(
            e.first().map(|(k, _)| k.as_str()),
            Some("H1"),
            "{format}: {e:#?}"
        );
        let levels: Vec<u32> = e
            .iter()
            .filter_map(|(k, _)| k.strip_prefix('H')?.parse().ok())
            .collect();
        assert!(
            levels.windows(2).all(|w| w[1] <= w[0] + 1),
            "{format}: headings skip a level: {levels:?}"
        );
    }
}

/// In Easy Read rows the heading comes first, then its text, then the
/// picture: heading navigation lands before the picture.
#[test]
fn easy_read_row_headings_come_before_their_pictures() {
    let built =
        Example::shipped().build("chime-wallet-card", Variant::EasyRead, "oxfordshire", None);
    let e = elements(&built.bytes);
    for (heading, alt) in [
        ("Connection", "Two people having a cup of tea together"),
        ("Hope", "A lit candle"),
        (
            "Identity",
            "A person with a hand on their heart, among the things they love",
        ),
        ("Meaning", "A person watering a seedling"),
        (
            "Empowerment",
            "A person at a signpost, choosing which way to go",
        ),
    ] {
        let h = e
            .iter()
            .position(|(k, t)| k.starts_with('H') && t.contains(heading))
            .unwrap_or_else(|| panic!("no heading {heading}: {e:#?}"));
        let f = e
            .iter()
            .position(|(k, t)| k == "Figure" && t == alt)
            .unwrap_or_else(|| panic!("no figure {alt}: {e:#?}"));
        assert_eq!(f, h + 2, "{heading}: heading, text, then picture: {e:#?}");
    }
}

/// The Easy Read card's contacts panel has headings to jump to: each
/// contact's name is a heading, its number the paragraph after it.
#[test]
fn easy_read_card_contacts_have_headings_to_jump_to() {
    let built =
        Example::shipped().build("chime-wallet-card", Variant::EasyRead, "oxfordshire", None);
    let e = elements(&built.bytes);
    for (name, number) in [
        ("Oxford Recovery College", "01632 960 101"),
        ("Cowley Road Peer Support Group", "01632 960 102"),
    ] {
        let h = e
            .iter()
            .position(|(k, t)| k.starts_with('H') && t.replace(' ', "") == name.replace(' ', ""))
            .unwrap_or_else(|| panic!("no heading {name}: {e:#?}"));
        let (kind, text) = &e[h + 1];
        assert_eq!(kind, "P", "{name}: {e:#?}");
        assert!(
            text.replace(' ', "").contains(&number.replace(' ', "")),
            "{name}: {text}"
        );
    }
}

/// The calibration sheet claims PDF/UA, so its note is real content (a
/// tagged paragraph); only the outlines and targets are artifacts.
#[test]
fn calibration_sheet_note_is_tagged() {
    let p = common::TempProject::new().with_area("oxfordshire");
    let out = common::run(p.path(), &["sheets", "--area", "oxfordshire", "--out", "s"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = std::fs::read_dir(p.path().join("s"))
        .expect("out")
        .map(|e| e.expect("entry").path())
        .find(|p| p.to_string_lossy().ends_with("-calibration.pdf"))
        .expect("a calibration sheet");
    let bytes = std::fs::read(path).expect("reads");
    let e = elements(&bytes);
    assert!(
        e.iter()
            .any(|(k, t)| k == "P" && t.contains("wellprint calibration")),
        "{e:#?}"
    );
}
