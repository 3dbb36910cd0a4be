//! The PDF reader for preflight: a file's boxes, fonts and text through
//! [`crate::inspect`], its paint through [`super::paint`], and its PDF/X
//! claim, OutputIntent and annotations from the catalog and pages.

use lopdf::{Document, Object};

use crate::inspect::{self, InspectError};

use super::{Facts, PageFacts, Run, paint};

/// What the checks read about the PDF in `bytes`.
pub(super) fn facts(bytes: &[u8]) -> Result<Facts, InspectError> {
    inspect::guarded(|| {
        // One parse of the file and one decoding of each page's content,
        // shared by the text checks and the paint walk.
        let doc = inspect::load(bytes)?;
        let (report, operations) = inspect::inspect_loaded(&doc)?;
        let page_ids: Vec<_> = doc.page_iter().collect();
        let mut pages = Vec::with_capacity(report.pages.len());
        for ((page, id), ops) in report.pages.into_iter().zip(page_ids).zip(&operations) {
            let bleed = page
                .bleed_box
                .or(page.trim_box)
                .or(page.crop_box)
                .unwrap_or(page.media_box);
            pages.push(PageFacts {
                media: page.media_box,
                crop: page.crop_box,
                bleed: page.bleed_box,
                trim: page.trim_box,
                paint: paint::walk(&doc, id, ops, bleed),
                text: page
                    .text
                    .into_iter()
                    .map(|r| Run {
                        text: r.text,
                        size: r.size,
                        x: r.x,
                        y: r.y,
                        width: r.width,
                        turned: r.turned,
                    })
                    .collect(),
            });
        }
        let pdfx = report
            .info
            .get("GTS_PDFXVersion")
            .filter(|v| !v.trim().is_empty())
            .cloned();
        let claims = pdfx.is_some();
        Ok(Facts {
            pages,
            unembedded_fonts: report
                .fonts
                .into_iter()
                .filter(|f| !f.embedded)
                .map(|f| (f.base_font, f.subtype))
                .collect(),
            pdfx,
            pdfx_intent: claims && has_pdfx_intent(&doc),
            annotations: if claims {
                annotations_and_actions(&doc)
            } else {
                Vec::new()
            },
        })
    })
}

/// Every page's annotations and every action: (1-based page or `None`
/// for the document, what was found).
fn annotations_and_actions(doc: &Document) -> Vec<(Option<usize>, String)> {
    let mut found = Vec::new();
    if let Ok(catalog) = doc.catalog() {
        for key in ["OpenAction", "AA"] {
            if catalog.has(key.as_bytes()) {
                found.push((None, format!("a document action (/{key})")));
            }
        }
    }
    for (index, page_id) in doc.page_iter().enumerate() {
        let Ok(page) = doc.get_dictionary(page_id) else {
            continue;
        };
        if page.has(b"AA") {
            found.push((Some(index + 1), "a page action (/AA)".to_owned()));
        }
        let annots = match page.get(b"Annots") {
            Ok(Object::Reference(id)) => doc.get_object(*id).ok(),
            Ok(other) => Some(other),
            Err(_) => None,
        };
        let Some(Object::Array(list)) = annots else {
            continue;
        };
        if list.is_empty() {
            continue;
        }
        let actions = list
            .iter()
            .filter_map(|a| match a {
                Object::Reference(id) => doc.get_dictionary(*id).ok(),
                Object::Dictionary(d) => Some(d),
                _ => None,
            })
            .filter(|d| d.has(b"A") || d.has(b"AA"))
            .count();
        found.push((
            Some(index + 1),
            format!("{} annotation(s), {actions} with an action", list.len()),
        ));
    }
    found
}

/// Whether the catalog has a `/GTS_PDFX` OutputIntent with a
/// `/DestOutputProfile` stream.
fn has_pdfx_intent(doc: &Document) -> bool {
    let Ok(catalog) = doc.catalog() else {
        return false;
    };
    let Ok(intents) = catalog.get(b"OutputIntents") else {
        return false;
    };
    let intents = match intents {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    };
    let Some(Object::Array(intents)) = intents else {
        return false;
    };
    intents.iter().any(|i| {
        let dict = match i {
            Object::Reference(id) => doc.get_dictionary(*id).ok(),
            Object::Dictionary(d) => Some(d),
            _ => None,
        };
        dict.is_some_and(|d| {
            d.get(b"S")
                .and_then(Object::as_name)
                .is_ok_and(|s| s == b"GTS_PDFX")
                && d.get(b"DestOutputProfile")
                    .and_then(Object::as_reference)
                    .and_then(|id| doc.get_object(id))
                    .is_ok_and(|o| o.as_stream().is_ok())
        })
    })
}
