//! Running the Easy Read rules over a resource's Easy Read variant, as
//! written: text rules on every sentence, type sizes, contrast of each text
//! colour on the page, a picture beside all text.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use toml::Spanned;

use crate::colour::Colour;
use crate::diag::{Diagnostic, Sources, Span};
use crate::model::{BlockContent, BlockDef, Located, Resource, StyleName, TypeSizes, Variant};

use super::{
    Finding, Policy, Report, Rule, Waiver, block_span, check_contrast, check_font_size,
    check_picture_alt, check_row_picture, check_text_in,
};

/// Checks the Easy Read variant of `resource`, if it has one. Malformed
/// waivers come back as errors.
pub fn check_resource(
    sources: &Sources,
    resource: &Resource,
    policy: &Policy,
) -> Option<Result<Report, Vec<Diagnostic>>> {
    let def = resource.variants.get(&Variant::EasyRead)?;
    let mut findings = type_sizes(sources, resource, policy);
    let mut waivers = Vec::new();
    let mut bad = Vec::new();
    let mut cx = Blocks {
        sources,
        policy,
        resource,
        sizes: def.type_scale,
        explained: BTreeSet::new(),
        findings: Vec::new(),
    };
    let blocks = def.blocks();
    for block in blocks {
        if let Some((rule, reason)) = &block.waive {
            match Waiver::parse(rule, reason, block_span(sources, &block.span)) {
                Ok(w) => waivers.push(w),
                Err(e) => bad.push(e),
            }
        }
        cx.block(block);
    }
    if !bad.is_empty() {
        return Some(Err(bad));
    }
    findings.extend(cx.findings);
    findings.extend(reused_pictures(sources, def));
    Some(Ok(Report::new(findings, &waivers)))
}

/// The rules on one block at a time, in reading order.
struct Blocks<'a> {
    sources: &'a Sources,
    policy: &'a Policy,
    resource: &'a Resource,
    /// The Easy Read type sizes.
    sizes: TypeSizes,
    /// Acronyms explained (or reported) so far.
    explained: BTreeSet<String>,
    findings: Vec<Finding>,
}

impl Blocks<'_> {
    fn text(&mut self, t: &Located<String>) {
        let found = check_text_in(self.sources, t, self.policy, &mut self.explained);
        self.findings.extend(found);
    }

    fn contrast(&mut self, colour: Colour, size: crate::geom::Abs, bold: bool, span: &Span) {
        let paper = self.resource.paper;
        let found = check_contrast(colour, paper, size.to_pt(), bold, span, self.policy);
        self.findings.extend(found);
    }

    /// `RowWithoutPicture` for text in `block` with no picture beside it.
    fn no_picture(&mut self, what: &str, block: &BlockDef, hint: &str) {
        if let Some(mut f) = check_row_picture(false, what, &block.span) {
            f.hint = hint.to_owned();
            self.findings.push(f);
        }
    }

    fn block(&mut self, block: &BlockDef) {
        let t = self.sizes;
        let ink = self.resource.ink;
        const AS_ROW: &str =
            "make each idea a `row` with a picture on the left (a row's `items` are bullet points)";
        match &block.content {
            BlockContent::Row {
                picture,
                label,
                heading,
                text,
                items,
                colour,
            } => {
                let alt = check_picture_alt(Some(&picture.alt.value), &picture.src.span);
                self.findings.extend(alt);
                if let Some(l) = label {
                    self.text(l);
                    self.contrast(*colour, t.body, true, &l.span);
                }
                if let Some(h) = heading {
                    self.contrast(*colour, t.heading, true, &h.span);
                }
                for item in text.iter().chain(items) {
                    self.text(item);
                    self.contrast(ink, t.body, false, &item.span);
                }
            }
            BlockContent::Paragraph {
                text,
                style,
                colour,
            } => {
                // Small print (picture licences, sources) is legal text, not
                // reading matter: only size and contrast apply to it.
                if *style == StyleName::Body {
                    self.text(text);
                    if let Some(mut f) = check_row_picture(false, "this paragraph", &text.span) {
                        f.hint = "make it a `row` with a picture on the left, or a small-print note (`style = \"small\"`)".to_owned();
                        self.findings.push(f);
                    }
                }
                self.contrast(*colour, t.body, false, &text.span);
            }
            BlockContent::List { items, colour } => {
                for item in items {
                    self.text(item);
                    self.contrast(*colour, t.body, false, &item.span);
                }
                self.no_picture("this list", block, AS_ROW);
            }
            BlockContent::Cards { cards, .. } => {
                for c in cards {
                    self.text(&c.text);
                }
                self.no_picture("these cards", block, AS_ROW);
            }
            BlockContent::KeyList { items } => {
                for item in items {
                    self.text(&item.text);
                }
                self.no_picture("this key list", block, AS_ROW);
            }
            BlockContent::Heading { text, colour } => {
                self.contrast(*colour, t.heading, true, &text.span);
            }
            BlockContent::Contacts { picture, .. } | BlockContent::Helplines { picture, .. } => {
                let what = match &block.content {
                    BlockContent::Contacts { .. } => "this contact list",
                    _ => "these helplines",
                };
                if let Some(p) = picture {
                    self.findings
                        .extend(check_picture_alt(Some(&p.alt.value), &p.src.span));
                } else {
                    self.no_picture(
                        what,
                        block,
                        "add picture = \"assets/pictures/phone.svg\" and alt = \"A telephone\"",
                    );
                }
            }
            _ => {}
        }
    }
}

/// `PictureReused` at each row, picture, banner or helplines block that shows a picture an
/// earlier one showed (in reading order). Contact lists may share their
/// telephone: it means the same thing each time.
fn reused_pictures(sources: &Sources, def: &crate::model::VariantDef) -> Vec<Finding> {
    let mut first: BTreeMap<&str, &Span> = BTreeMap::new();
    let mut findings = Vec::new();
    let blocks = def.blocks();
    for block in blocks {
        let picture = match &block.content {
            BlockContent::Row { picture, .. } | BlockContent::Picture { picture } => picture,
            BlockContent::Banner {
                picture: Some(picture),
                ..
            }
            | BlockContent::Helplines {
                picture: Some(picture),
                ..
            } => picture,
            _ => continue,
        };
        let src = picture.src.value.as_str();
        match first.get(src) {
            None => {
                first.insert(src, &picture.src.span);
            }
            Some(earlier) => findings.push(Finding::new(
                Rule::PictureReused,
                picture.src.span.clone(),
                format!(
                    "`{src}` is already the picture at line {}: a reader takes one picture to mean one thing",
                    sources.line_col(earlier).line
                ),
                "give this row a picture of its own, one that shows what the row says",
            )),
        }
    }
    findings
}

/// `FontTooSmall` for each Easy Read type size below the policy's minimum,
/// pointing at the key that sets it (`body = "12pt"` under
/// `[easy-read.type]`), or, when the key is left out and a default applies,
/// at the table that should set it.
fn type_sizes(sources: &Sources, resource: &Resource, policy: &Policy) -> Vec<Finding> {
    let Some(def) = resource.variants.get(&Variant::EasyRead) else {
        return Vec::new();
    };
    let keys = SizeKeys::find(sources, resource);
    let t = &def.type_scale;
    let mut out = Vec::new();
    for (size, key) in [(t.body, "body"), (t.small, "small"), (t.heading, "heading")] {
        let (span, written) = keys.span(key, &resource.id.span);
        if let Some(mut f) = check_font_size(size.to_pt(), &span, policy) {
            f.message = if written {
                format!("the Easy Read `{key}` type size: {}", f.message)
            } else {
                f.hint = format!(
                    "add `{key} = \"16pt\"` under [easy-read.type] (16 pt is the Easy Read default for body text)"
                );
                format!(
                    "the Easy Read `{key}` type size is not set, so the default applies: {}",
                    f.message
                )
            };
            out.push(f);
        }
    }
    out
}

/// Where the keys of `[easy-read.type]` are written, read again from the
/// resource's source text (the model keeps sizes, not their places).
#[derive(Default)]
struct SizeKeys {
    file: Option<crate::diag::FileId>,
    /// The `[easy-read]` table.
    variant: Option<std::ops::Range<usize>>,
    /// The `[easy-read.type]` table.
    table: Option<std::ops::Range<usize>>,
    /// Each key's value.
    keys: BTreeMap<String, std::ops::Range<usize>>,
}

#[derive(Deserialize)]
struct FileKeys {
    #[serde(rename = "easy-read")]
    easy_read: Option<Spanned<VariantKeys>>,
}

#[derive(Deserialize)]
struct VariantKeys {
    #[serde(rename = "type")]
    type_scale: Option<Spanned<BTreeMap<String, Spanned<toml::Value>>>>,
}

impl SizeKeys {
    fn find(sources: &Sources, resource: &Resource) -> SizeKeys {
        let file = resource.id.span.file;
        let Some(text) = sources.files().get(file.index()).map(|f| f.text.as_str()) else {
            return SizeKeys::default();
        };
        let Ok(parsed) = toml::from_str::<FileKeys>(text) else {
            return SizeKeys::default();
        };
        let mut out = SizeKeys {
            file: Some(file),
            ..SizeKeys::default()
        };
        if let Some(v) = parsed.easy_read {
            out.variant = Some(v.span());
            if let Some(t) = v.into_inner().type_scale {
                out.table = Some(t.span());
                out.keys = t
                    .into_inner()
                    .into_iter()
                    .map(|(k, v)| (k, v.span()))
                    .collect();
            }
        }
        out
    }

    /// The span of `key`'s value and `true`; or, when it is not written,
    /// the type table, the variant table or `fallback`, and `false`.
    fn span(&self, key: &str, fallback: &Span) -> (Span, bool) {
        let Some(file) = self.file else {
            return (fallback.clone(), false);
        };
        if let Some(r) = self.keys.get(key) {
            return (Span::new(file, r.clone()), true);
        }
        let place = self.table.clone().or_else(|| self.variant.clone());
        (
            place.map_or(fallback.clone(), |r| Span::new(file, r)),
            false,
        )
    }
}
