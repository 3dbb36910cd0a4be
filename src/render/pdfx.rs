//! PDF/X-4 finishing: the OutputIntent with the bundled CMYK profile and
//! ICC-tagged RGB images (the XMP packet is [`super::xmp`]'s); and turning pages for short-edge
//! duplex sheets.

use lopdf::{Dictionary, Document, Object};

use super::post::{save, text_string};

/// The CMYK output profile written into PDF/X files (see
/// `assets/ATTRIBUTION.md`): made with ArgyllCMS from the FOGRA39L
/// characterisation data, total ink limit 300 %.
const CMYK_PROFILE: &[u8] = include_bytes!("../../assets/icc/wellprint-FOGRA39L-300.icc");
/// The sRGB profile that tags RGB images in PDF/X files.
const SRGB_PROFILE: &[u8] = include_bytes!("../../assets/icc/sRGB-icc-profiles-free.icc");
/// The version written into Info and XMP.
pub const PDFX_VERSION: &str = "PDF/X-4";

fn name(n: &str) -> Object {
    Object::Name(n.as_bytes().to_vec())
}

fn icc_stream(doc: &mut Document, components: i64, data: &[u8]) -> lopdf::ObjectId {
    let mut dict = Dictionary::new();
    dict.set("N", Object::Integer(components));
    let mut stream = lopdf::Stream::new(dict, data.to_vec());
    let _ = stream.compress();
    doc.add_object(Object::Stream(stream))
}

/// Adds the OutputIntent, replaces DeviceRGB on images and transparency
/// groups, and removes every annotation and action (see
/// [`strip_annotations`]).
pub(super) fn apply(doc: &mut Document) {
    strip_annotations(doc);
    let profile = icc_stream(doc, 4, CMYK_PROFILE);
    let mut intent = Dictionary::new();
    intent.set("Type", name("OutputIntent"));
    intent.set("S", name("GTS_PDFX"));
    intent.set("OutputConditionIdentifier", text_string("FOGRA39"));
    intent.set(
        "OutputCondition",
        text_string("Offset printing, coated paper, ISO 12647-2:2004/Amd 1 (FOGRA39L data)"),
    );
    intent.set("RegistryName", text_string("http://www.color.org"));
    intent.set(
        "Info",
        text_string("wellprint FOGRA39L coated, total ink limit 300 % (ArgyllCMS colprof)"),
    );
    intent.set("DestOutputProfile", Object::Reference(profile));
    let intent = doc.add_object(Object::Dictionary(intent));

    let srgb = icc_stream(doc, 3, SRGB_PROFILE);
    let icc_rgb = Object::Array(vec![name("ICCBased"), Object::Reference(srgb)]);
    for object in doc.objects.values_mut() {
        let dict = match object {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &mut s.dict,
            _ => continue,
        };
        let is_image = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Image");
        let is_rgb = dict
            .get(b"ColorSpace")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"DeviceRGB");
        if is_image && is_rgb {
            dict.set("ColorSpace", icc_rgb.clone());
        }
        // A transparency group's blending space must not be DeviceRGB
        // either; DeviceCMYK matches the output intent.
        if let Ok(Object::Dictionary(group)) = dict.get_mut(b"Group")
            && group
                .get(b"CS")
                .and_then(Object::as_name)
                .is_ok_and(|n| n == b"DeviceRGB")
        {
            group.set("CS", name("DeviceCMYK"));
        }
    }

    let Ok(root) = doc.trailer.get(b"Root").and_then(Object::as_reference) else {
        return;
    };
    if let Ok(catalog) = doc.get_object_mut(root).and_then(Object::as_dict_mut) {
        catalog.set(
            "OutputIntents",
            Object::Array(vec![Object::Reference(intent)]),
        );
    }
}

/// A press file carries no annotations and no actions (PDF/X forbids
/// actions, and RIP preflight rejects annotations on the page): removes
/// each page's `/Annots`, the annotation objects, their `OBJR` entries in
/// the structure tree and their ParentTree entries. A `Link` element left
/// without an annotation becomes a `Span` that reads its text (its `Alt`,
/// the link description, is dropped with the link).
fn strip_annotations(doc: &mut Document) {
    let mut annots = Vec::new();
    for (_, page) in doc.get_pages() {
        if let Ok(dict) = doc.get_object_mut(page).and_then(Object::as_dict_mut)
            && let Ok(Object::Array(list)) = dict.remove(b"Annots").as_ref().ok_or(())
        {
            annots.extend(list.iter().filter_map(|o| o.as_reference().ok()));
        }
    }
    for id in &annots {
        doc.objects.remove(id);
    }
    for object in doc.objects.values_mut() {
        let Object::Dictionary(dict) = object else {
            continue;
        };
        let is = |d: &Dictionary, key: &[u8], v: &[u8]| {
            d.get(key).and_then(Object::as_name).is_ok_and(|n| n == v)
        };
        if is(dict, b"Type", b"StructElem") {
            if let Ok(Object::Array(kids)) = dict.get_mut(b"K") {
                kids.retain(|k| !matches!(k, Object::Dictionary(d) if is(d, b"Type", b"OBJR")));
            }
            if is(dict, b"S", b"Link") {
                dict.set("S", name("Span"));
                dict.remove(b"Alt");
            }
        } else if is(dict, b"Type", b"StructTreeRoot")
            && let Ok(Object::Dictionary(tree)) = dict.get_mut(b"ParentTree")
            && let Ok(Object::Array(nums)) = tree.get_mut(b"Nums")
        {
            // Pages map to arrays of elements; annotations to one element.
            let pairs: Vec<Object> = std::mem::take(nums);
            *nums = pairs
                .chunks(2)
                .filter(|p| matches!(p, [_, Object::Array(_)]))
                .flatten()
                .cloned()
                .collect();
        }
    }
}

/// Turns the given pages (0-based) upside down by wrapping their content
/// in `q -1 0 0 -1 w h cm … Q`: the back sheet for short-edge duplex. The
/// document ID is recomputed.
///
/// # Errors
///
/// If `bytes` is not a PDF lopdf can read.
pub fn turn_pages(bytes: &[u8], pages: &[usize]) -> Result<Vec<u8>, String> {
    let mut doc = Document::load_mem(bytes).map_err(|e| e.to_string())?;
    let ids: Vec<_> = doc.get_pages().into_values().collect();
    for &index in pages {
        let Some(&page_id) = ids.get(index) else {
            continue;
        };
        let Ok(page) = doc.get_dictionary(page_id) else {
            continue;
        };
        let media: Vec<f64> = page
            .get(b"MediaBox")
            .and_then(Object::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|o| o.as_float().ok().map(f64::from))
                    .collect()
            })
            .unwrap_or_default();
        let &[x0, y0, x1, y1] = &media[..] else {
            continue;
        };
        let mut contents = match page.get(b"Contents") {
            Ok(Object::Array(a)) => a.clone(),
            Ok(o @ Object::Reference(_)) => vec![o.clone()],
            _ => continue,
        };
        let before = format!("q -1 0 0 -1 {} {} cm\n", x0 + x1, y0 + y1).into_bytes();
        let open = doc.add_object(lopdf::Stream::new(Dictionary::new(), before));
        let close = doc.add_object(lopdf::Stream::new(Dictionary::new(), b"\nQ\n".to_vec()));
        contents.insert(0, Object::Reference(open));
        contents.push(Object::Reference(close));
        if let Ok(page) = doc.get_object_mut(page_id).and_then(Object::as_dict_mut) {
            page.set("Contents", Object::Array(contents));
        }
    }
    Ok(save(doc))
}
