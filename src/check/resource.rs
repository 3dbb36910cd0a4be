//! Running the Easy Read rules over a resource's Easy Read variant, as
//! written: text rules on every sentence, type sizes, contrast of each text
//! colour on the page, a picture for every row.

use std::collections::BTreeSet;

use crate::diag::{Diagnostic, Sources};
use crate::model::{BlockContent, BlockDef, Located, Resource, StyleName, Variant};

use super::{
    Finding, Policy, Report, Rule, Waiver, block_span, check_contrast, check_font_size,
    check_picture_alt, check_text_in,
};

/// Checks the Easy Read variant of `resource`, if it has one. Malformed
/// waivers come back as errors.
pub fn check_resource(
    sources: &Sources,
    resource: &Resource,
    policy: &Policy,
) -> Option<Result<Report, Vec<Diagnostic>>> {
    let def = resource.variants.get(&Variant::EasyRead)?;
    let mut findings = Vec::new();
    let mut waivers = Vec::new();
    let mut bad = Vec::new();
    let mut explained = BTreeSet::new();
    let t = &def.type_scale;
    for (size, what) in [(t.body, "body"), (t.small, "small"), (t.heading, "heading")] {
        if let Some(mut f) = check_font_size(size.to_pt(), &resource.id.span, policy) {
            f.message = format!("the {what} type size: {}", f.message);
            findings.push(f);
        }
    }
    let blocks: Vec<&BlockDef> = def
        .pages
        .iter()
        .flat_map(|p| &p.blocks)
        .chain(def.sections.iter().flat_map(|s| &s.blocks))
        .collect();
    let paper = resource.paper;
    for block in blocks {
        if let Some((rule, reason)) = &block.waive {
            match Waiver::parse(rule, reason, block_span(sources, &block.span)) {
                Ok(w) => waivers.push(w),
                Err(e) => bad.push(e),
            }
        }
        let mut text = |t: &Located<String>, f: &mut Vec<Finding>| {
            f.extend(check_text_in(sources, t, policy, &mut explained));
        };
        let contrast = |colour, size: f64, bold, span, f: &mut Vec<Finding>| {
            f.extend(check_contrast(colour, paper, size, bold, span, policy));
        };
        match &block.content {
            BlockContent::Row {
                picture,
                heading,
                text: body,
                items,
                colour,
            } => {
                findings.extend(check_picture_alt(
                    Some(&picture.alt.value),
                    &picture.src.span,
                ));
                if let Some(h) = heading {
                    contrast(*colour, t.heading.to_pt(), true, &h.span, &mut findings);
                }
                for item in body.iter().chain(items) {
                    text(item, &mut findings);
                    contrast(
                        resource.ink,
                        t.body.to_pt(),
                        false,
                        &item.span,
                        &mut findings,
                    );
                }
            }
            BlockContent::Paragraph {
                text: p,
                style,
                colour,
            } => {
                // Small print (picture licences, sources) is legal text, not
                // reading matter: only size and contrast apply to it.
                if *style == StyleName::Body {
                    text(p, &mut findings);
                }
                contrast(*colour, t.body.to_pt(), false, &p.span, &mut findings);
                if *style == StyleName::Body {
                    findings.push(Finding::new(
                        Rule::RowWithoutPicture,
                        p.span.clone(),
                        "Easy Read text without a picture beside it".to_owned(),
                        "make it a `row` with a picture on the left, or a small-print note (`style = \"small\"`)",
                    ));
                }
            }
            BlockContent::List { items, colour } => {
                for item in items {
                    text(item, &mut findings);
                    contrast(*colour, t.body.to_pt(), false, &item.span, &mut findings);
                }
            }
            BlockContent::Cards { cards, .. } => {
                for c in cards {
                    text(&c.text, &mut findings);
                }
            }
            BlockContent::Heading { text: h, colour } => {
                contrast(*colour, t.heading.to_pt(), true, &h.span, &mut findings);
            }
            BlockContent::Contacts { picture, .. } if picture.is_none() => {
                findings.push(Finding::new(
                    Rule::RowWithoutPicture,
                    block.span.clone(),
                    "Easy Read contacts without a picture".to_owned(),
                    "add picture = \"assets/pictures/phone.svg\" and alt = \"A telephone\"",
                ));
            }
            _ => {}
        }
    }
    if !bad.is_empty() {
        return Some(Err(bad));
    }
    Some(Ok(Report::new(findings, &waivers)))
}
