//! From the raw serde types to checked model types: colour names looked up,
//! block keys checked against the block's kind.

use std::collections::BTreeMap;

use toml::Spanned;

use super::area::{AreaFile, LinesFile, NationalFile, PHRASE_SEPARATOR, Phrase, Phrases, TextFile};
use super::phone;
use super::resource::{
    BlockFile, BlockKind, ContactField, Fold, PageFile, ResourceFile, Theme, TypeScale, VariantFile,
};
use super::{
    Area, BlockContent, BlockDef, Card, Contact, Format, Helpline, Id, KeyItem, Located, PageDef,
    PictureRef, Resource, SectionDef, TypeSizes, Variant, VariantDef,
};
use crate::colour::Colour;
use crate::diag::{Diagnostic, FileId, SourceResult, Span};
use crate::geom::Abs;

/// Default margin between trim edge and text.
const DEFAULT_MARGIN_MM: f64 = 5.0;

/// Checks a parsed resource file.
pub fn resource(file: FileId, raw: ResourceFile) -> SourceResult<Resource> {
    let mut cx = Checker {
        file,
        theme: &raw.theme,
        errors: Vec::new(),
    };
    let id_span = cx.span(&raw.id);
    let id = Id::located(file, &raw.id, "resource id").map_err(|e| cx.errors.push(e));
    let top = Span::new(file, 0..0);
    let title = required(raw.title, &top, "title", "\"…\"", &mut cx.errors);
    let size = required(raw.size, &top, "size", "\"a5\"", &mut cx.errors).map(Spanned::into_inner);
    let mut variants = BTreeMap::new();
    for (variant, def) in [
        (Variant::Standard, &raw.standard),
        (Variant::EasyRead, &raw.easy_read),
    ] {
        if let Some(def) = def {
            variants.insert(variant, cx.variant(variant, def, &id_span));
        }
    }
    if variants.is_empty() {
        cx.errors.push(
            Diagnostic::error(cx.span(&raw.id), "this resource has no variant to build")
                .with_hint("add a [standard] table with at least one [[standard.page]]"),
        );
    }
    for (variant, def) in &variants {
        if def.pages.is_empty() {
            cx.errors.push(
                Diagnostic::error(
                    cx.span(&raw.id),
                    format!("the {variant} variant has no pages"),
                )
                .with_hint(format!(
                    "add a page with [[{}.page]] and blocks with [[{}.page.block]]",
                    variant.name(),
                    variant.name()
                )),
            );
        }
    }
    let design = size.unwrap_or(super::PageSize {
        trim: crate::geom::Size::mm(210.0, 297.0),
    });
    let formats = cx.formats(&raw.format, design);
    for (variant, file) in [
        (Variant::Standard, &raw.standard),
        (Variant::EasyRead, &raw.easy_read),
    ] {
        if let (Some(file), Some(def)) = (file, variants.get_mut(&variant))
            && let Some(first) = file.format.first()
        {
            def.formats = cx.formats(&file.format, *first.get_ref().size.get_ref());
        }
    }
    let errors = cx.errors;
    let (Ok(id), Some(title), Some(size), true) = (id, title, size, errors.is_empty()) else {
        return Err(errors);
    };
    Ok(Resource {
        formats,
        profile: raw.profile,
        id,
        title: Located::from_spanned(file, title),
        subject: raw.subject.map(|s| Located::from_spanned(file, s)),
        author: raw.author.map(|s| Located::from_spanned(file, s)),
        size,
        ink: raw.theme.ink,
        paper: raw.theme.paper,
        variants,
    })
}

/// What an area file refers to, read by the loader: the rows of its
/// contacts CSV and its logo.
#[derive(Debug, Default)]
pub struct AreaExtras {
    /// Contacts from the CSV file, after the TOML ones.
    pub csv_contacts: Vec<Contact>,
    /// The checked logo.
    pub logo: Option<super::Logo>,
}

/// Checks a parsed area file: the id, every contact's phone, e-mail and web
/// address, and that no two contacts share a name.
pub fn area(file: FileId, raw: AreaFile, extras: AreaExtras) -> SourceResult<Area> {
    let mut errors = Vec::new();
    let id = Id::located(file, &raw.id, "area id").map_err(|e| errors.push(e));
    let top = Span::new(file, 0..0);
    let name = required(raw.name, &top, "name", "\"Oxfordshire\"", &mut errors);
    let nation = required(raw.nation, &top, "nation", "\"england\"", &mut errors);
    let mut contacts: Vec<Contact> = raw
        .contact
        .into_iter()
        .filter_map(|c| contact(file, c, &mut errors))
        .collect();
    contacts.extend(extras.csv_contacts);
    check_contacts(&contacts, &mut errors);
    let name = name.map(|n| phrase(file, n, &mut errors));
    let prepared_by = raw.prepared_by.map(|p| prepared_by(file, p, &mut errors));
    let (Ok(id), Some(name), Some(nation), true) = (id, name, nation, errors.is_empty()) else {
        return Err(errors);
    };
    Ok(Area {
        id,
        name: name.text,
        name_lang: name.lang,
        nation: nation.into_inner(),
        contacts,
        logo: extras.logo,
        prepared_by,
        warnings: Vec::new(),
    })
}

/// Area text with its language, the tag checked. The span of plain text
/// is the value's; a table's is its `text`'s.
fn phrase(file: FileId, raw: Spanned<TextFile>, errors: &mut Vec<Diagnostic>) -> Phrase {
    let loc = |s: Spanned<String>| Located::from_spanned(file, s);
    let span = raw.span();
    let phrase = match raw.into_inner() {
        TextFile::Plain(text) => Phrase {
            text: Located::from_spanned(file, Spanned::new(span, text)),
            lang: None,
        },
        TextFile::Table(t) => Phrase {
            text: loc(t.text),
            lang: t.lang.map(loc),
        },
    };
    if let Some(l) = &phrase.lang
        && let Err(p) = phone::check_lang(&l.value)
    {
        errors.push(Diagnostic::error(l.span.clone(), p.message).with_hint(p.hint));
    }
    phrase
}

/// A `prepared-by` line and its parts; none of them may be empty.
fn prepared_by(file: FileId, raw: Spanned<LinesFile>, errors: &mut Vec<Diagnostic>) -> Phrases {
    let span = raw.span();
    let parts = match raw.into_inner() {
        LinesFile::One(t) => vec![Spanned::new(span.clone(), t)],
        LinesFile::Many(parts) => parts,
    };
    if parts.is_empty() {
        errors.push(
            Diagnostic::error(
                Span::new(file, span.clone()),
                "the `prepared-by` line is empty",
            )
            .with_hint("write who prepared it, or remove the key"),
        );
    }
    let parts: Vec<Phrase> = parts.into_iter().map(|p| phrase(file, p, errors)).collect();
    for p in parts.iter().filter(|p| p.text.value.trim().is_empty()) {
        errors.push(
            Diagnostic::error(p.text.span.clone(), "the `prepared-by` line is empty")
                .with_hint("write who prepared it, or remove the key"),
        );
    }
    Phrases {
        value: parts
            .iter()
            .map(|p| p.text.value.as_str())
            .collect::<Vec<_>>()
            .join(PHRASE_SEPARATOR),
        span: Span::new(file, span),
        parts,
    }
}

/// A `[[contact]]` table; `None` (with an error for each) when it lacks
/// `name` or `phone`.
fn contact(
    file: FileId,
    c: Spanned<super::area::ContactFile>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Contact> {
    let loc = |s: Spanned<String>| Located::from_spanned(file, s);
    let span = Span::new(file, c.span());
    let c = c.into_inner();
    let name = required(c.name, &span, "name", "\"Recovery College\"", errors);
    let phone = required(c.phone, &span, "phone", "\"01632 960 001\"", errors);
    Some(Contact {
        name: loc(name?),
        phone: loc(phone?),
        hours: c.hours.map(loc),
        web: c.web.map(loc),
        email: c.email.map(loc),
        description: c.description.map(loc),
        lang: c.lang.map(loc),
        tags: c.tags.into_iter().map(loc).collect(),
        span,
    })
}

/// A required key, or an error at `table` (the table that lacks it) and
/// `None`. Keys are optional in the serde types so that every missing key
/// of a file is reported in one run.
fn required<T>(
    value: Option<Spanned<T>>,
    table: &Span,
    key: &str,
    example: &str,
    errors: &mut Vec<Diagnostic>,
) -> Option<Spanned<T>> {
    if value.is_none() {
        errors.push(
            Diagnostic::error(table.clone(), format!("missing field `{key}`")).with_hint(format!(
                "add {key} = {example} to this table; docs/format.md lists every key"
            )),
        );
    }
    value
}

/// Phone, e-mail and web rules, and unique names.
fn check_contacts(contacts: &[Contact], errors: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (i, c) in contacts.iter().enumerate() {
        let name = c.name.value.trim();
        if name.is_empty() {
            errors.push(Diagnostic::error(
                c.name.span.clone(),
                "the contact's name is empty",
            ));
        } else if let Some(first) = seen.get(&name.to_lowercase()) {
            errors.push(
                Diagnostic::error(
                    c.name.span.clone(),
                    format!(
                        "two contacts are called `{name}` (contacts {} and {})",
                        first + 1,
                        i + 1
                    ),
                )
                .with_hint("give each contact its own name, or merge the two into one"),
            );
        } else {
            seen.insert(name.to_lowercase(), i);
        }
        let checks = [
            Some((
                &c.phone,
                phone::check_phone as fn(&str) -> Result<(), phone::Problem>,
            )),
            c.email
                .as_ref()
                .map(|e| (e, phone::check_email as fn(&str) -> _)),
            c.web
                .as_ref()
                .map(|w| (w, phone::check_web as fn(&str) -> _)),
            c.lang
                .as_ref()
                .map(|l| (l, phone::check_lang as fn(&str) -> _)),
        ];
        for (value, check) in checks.into_iter().flatten() {
            if let Err(p) = check(&value.value) {
                errors.push(Diagnostic::error(value.span.clone(), p.message).with_hint(p.hint));
            }
        }
        for t in &c.tags {
            if t.value.trim().is_empty() {
                errors.push(Diagnostic::error(t.span.clone(), "a tag is empty"));
            }
        }
    }
}

/// Converts the national helplines file, checking each number (words
/// around the number are allowed, see [`phone::check_helpline_phone`]).
pub fn helplines(file: FileId, raw: NationalFile) -> SourceResult<Vec<Helpline>> {
    let loc = |s: Spanned<String>| Located::from_spanned(file, s);
    let mut errors = Vec::new();
    let helplines = raw
        .helpline
        .into_iter()
        .filter_map(|h| {
            let span = Span::new(file, h.span());
            let h = h.into_inner();
            let name = required(h.name, &span, "name", "\"Samaritans\"", &mut errors);
            let phone = required(h.phone, &span, "phone", "\"116 123\"", &mut errors);
            let nations = required(h.nations, &span, "nations", "[\"england\"]", &mut errors);
            let phone = loc(phone?);
            if let Err(p) = phone::check_helpline_phone(&phone.value) {
                errors.push(Diagnostic::error(phone.span.clone(), p.message).with_hint(p.hint));
            }
            Some(Helpline {
                name: loc(name?),
                phone,
                hours: h.hours.map(loc),
                nations: nations?.into_inner(),
            })
        })
        .collect();
    if errors.is_empty() {
        Ok(helplines)
    } else {
        Err(errors)
    }
}

impl Checker<'_> {
    /// The picture and alternative text of a picture or row block; both are
    /// required, and the text may not be empty.
    fn picture_ref(&mut self, b: &BlockFile, span: &Span) -> Option<PictureRef> {
        let Some(src) = &b.picture else {
            self.errors.push(
                Diagnostic::error(span.clone(), "this block needs `picture`")
                    .with_hint("picture = \"assets/pictures/candle.svg\""),
            );
            return None;
        };
        let alt = match &b.alt {
            Some(a) if !a.get_ref().trim().is_empty() => self.loc(a),
            _ => {
                self.errors.push(
                    Diagnostic::error(self.span(src), "this picture has no alternative text")
                        .with_hint("add alt = \"…\" saying what the picture shows, for people who cannot see it"),
                );
                return None;
            }
        };
        Some(PictureRef {
            src: self.loc(src),
            alt,
            width: b.width.as_ref().map(|w| w.get_ref().0),
        })
    }
}

/// Collects errors while converting one resource.
struct Checker<'a> {
    file: FileId,
    theme: &'a Theme,
    errors: Vec<Diagnostic>,
}

impl Checker<'_> {
    /// The output formats: as listed, or one at the design size.
    fn formats(
        &mut self,
        list: &[Spanned<super::resource::FormatFile>],
        design: super::PageSize,
    ) -> Vec<Format> {
        if list.is_empty() {
            return vec![Format {
                name: Id::default_format(),
                size: design,
                pages: None,
                scale: false,
                fold: None,
            }];
        }
        let mut seen = std::collections::BTreeSet::new();
        list.iter()
            .filter_map(|f| {
                let span = self.span(f);
                let f = f.get_ref();
                let size = *f.size.get_ref();
                let name = Id::located(self.file, &f.name, "format name")
                    .map_err(|e| self.errors.push(e));
                if !seen.insert(f.name.get_ref().clone()) {
                    self.errors.push(Diagnostic::error(
                        self.span(&f.name),
                        format!("two formats are called `{}`", f.name.get_ref()),
                    ));
                }
                if f.scale {
                    let a = design.trim.w / design.trim.h;
                    let b = size.trim.w / size.trim.h;
                    if (a - b).abs() > 0.01 * a {
                        self.errors.push(
                            Diagnostic::error(span.clone(), "`scale = true` needs a size with the same proportions as the design")
                                .with_hint("A sizes (A4, A3, A2) share proportions; other sizes need their own design"),
                        );
                    }
                }
                if let Some(fold) = f.fold {
                    let pages = f.pages.as_ref().map(|p| *p.get_ref());
                    if !pages.is_some_and(|p| fold.fits(p)) {
                        let need = match fold {
                            Fold::TriFold => "pages = 6",
                            Fold::Concertina => "pages = 8",
                            Fold::Booklet => "pages = 4 (or 8, 12, …)",
                        };
                        self.errors.push(
                            Diagnostic::error(
                                f.pages.as_ref().map_or(span.clone(), |p| self.span(p)),
                                format!(
                                    "a `{}` fold needs {need}, not {}",
                                    fold.name(),
                                    pages.map_or("no page count".to_owned(), |p| p.to_string())
                                ),
                            )
                            .with_hint(format!("set {need} in this [[format]]")),
                        );
                    }
                }
                Some(Format {
                    name: name.ok()?.value,
                    size,
                    pages: f.pages.as_ref().map(|p| *p.get_ref()),
                    scale: f.scale,
                    fold: f.fold,
                })
            })
            .collect()
    }

    fn span<T>(&self, s: &Spanned<T>) -> Span {
        Span::new(self.file, s.span())
    }

    fn loc(&self, s: &Spanned<String>) -> Located<String> {
        Located {
            value: s.get_ref().clone(),
            span: self.span(s),
        }
    }

    /// A colour: a theme name or `#RRGGBB`.
    fn colour(&mut self, s: &Spanned<String>) -> Colour {
        let name = s.get_ref();
        if name.starts_with('#') {
            return match name.parse() {
                Ok(c) => c,
                Err(e) => {
                    self.errors
                        .push(Diagnostic::error(self.span(s), e.to_string()));
                    Colour::BLACK
                }
            };
        }
        if let Some(c) = self.theme.colours.get(name) {
            return *c;
        }
        let known: Vec<&str> = self.theme.colours.keys().map(String::as_str).collect();
        let mut d = Diagnostic::error(self.span(s), format!("there is no colour called `{name}`"));
        d = match known
            .iter()
            .map(|k| (strsim::jaro_winkler(name, k), *k))
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
        {
            Some((_, k)) => d.with_hint(format!("did you mean `{k}`?")),
            None if known.is_empty() => {
                d.with_hint("name colours under [theme.colours], or write \"#RRGGBB\"")
            }
            None => d.with_hint(format!(
                "the theme has: {}; or write \"#RRGGBB\"",
                known.join(", ")
            )),
        };
        self.errors.push(d);
        Colour::BLACK
    }

    /// A variant's design. `fallback` is where a type size that was left
    /// out (and takes its default) is reported.
    fn variant(&mut self, variant: Variant, raw: &VariantFile, fallback: &Span) -> VariantDef {
        let type_scale = self.type_sizes(variant, &raw.type_scale, fallback);
        VariantDef {
            formats: Vec::new(),
            margin: raw
                .margin
                .as_ref()
                .map_or(Abs::mm(DEFAULT_MARGIN_MM), |m| m.get_ref().0),
            type_scale,
            pages: raw.page.iter().map(|p| self.page(p)).collect(),
            sections: raw
                .section
                .iter()
                .map(|sec| SectionDef {
                    span: self.span(sec),
                    blocks: sec
                        .get_ref()
                        .block
                        .iter()
                        .filter_map(|b| self.block(b))
                        .collect(),
                })
                .collect(),
            page_numbers: raw.page_numbers,
        }
    }

    fn page(&mut self, raw: &Spanned<PageFile>) -> PageDef {
        let span = self.span(raw);
        let page = raw.get_ref();
        PageDef {
            background: page.background.as_ref().map(|b| self.colour(b)),
            flow: page.flow,
            blocks: page.block.iter().filter_map(|b| self.block(b)).collect(),
            span,
        }
    }

    /// Checks that a block has the keys its kind needs and no others.
    fn block(&mut self, raw: &Spanned<BlockFile>) -> Option<BlockDef> {
        let span = self.span(raw);
        let b = raw.get_ref();
        let kind = *b.kind.get_ref();
        let allowed: &[&str] = match kind {
            BlockKind::Banner => &["text", "subtitle", "fill", "colour"],
            BlockKind::Heading => &["text", "colour"],
            BlockKind::Paragraph => &["text", "style", "colour"],
            BlockKind::KeyList => &["item"],
            BlockKind::Contacts => &["tags", "fields", "picture", "alt", "width", "count"],
            BlockKind::Helplines => &["count", "fill", "colour"],
            BlockKind::Spacer => &["height"],
            BlockKind::Picture => &["picture", "alt", "width"],
            BlockKind::Row => &[
                "picture", "alt", "width", "heading", "text", "items", "colour",
            ],
            BlockKind::List => &["items", "colour"],
            BlockKind::Cards => &["card", "columns"],
            BlockKind::Journey => &["stages", "colour", "height"],
            BlockKind::PreparedBy => &["width", "colour"],
        };
        let present: [(&str, bool, Option<Span>); 9] = [
            (
                "text",
                b.text.is_some(),
                b.text.as_ref().map(|s| self.span(s)),
            ),
            (
                "subtitle",
                b.subtitle.is_some(),
                b.subtitle.as_ref().map(|s| self.span(s)),
            ),
            (
                "style",
                b.style.is_some(),
                b.style.as_ref().map(|s| self.span(s)),
            ),
            (
                "fill",
                b.fill.is_some(),
                b.fill.as_ref().map(|s| self.span(s)),
            ),
            (
                "colour",
                b.colour.is_some(),
                b.colour.as_ref().map(|s| self.span(s)),
            ),
            ("item", b.item.is_some(), None),
            ("tags", b.tags.is_some(), None),
            ("fields", b.fields.is_some(), None),
            (
                "count",
                b.count.is_some(),
                b.count.as_ref().map(|s| self.span(s)),
            ),
        ];
        let more: [(&str, bool, Option<Span>); 9] = [
            (
                "height",
                b.height.is_some(),
                b.height.as_ref().map(|s| self.span(s)),
            ),
            (
                "picture",
                b.picture.is_some(),
                b.picture.as_ref().map(|s| self.span(s)),
            ),
            ("alt", b.alt.is_some(), b.alt.as_ref().map(|s| self.span(s))),
            (
                "width",
                b.width.is_some(),
                b.width.as_ref().map(|s| self.span(s)),
            ),
            (
                "heading",
                b.heading.is_some(),
                b.heading.as_ref().map(|s| self.span(s)),
            ),
            ("items", b.items.is_some(), None),
            ("card", b.card.is_some(), None),
            (
                "columns",
                b.columns.is_some(),
                b.columns.as_ref().map(|s| self.span(s)),
            ),
            ("stages", b.stages.is_some(), None),
        ];
        let mut ok = true;
        for (key, is_set, key_span) in present.into_iter().chain(more) {
            if is_set && !allowed.contains(&key) {
                ok = false;
                self.errors.push(
                    Diagnostic::error(
                        key_span.unwrap_or_else(|| span.clone()),
                        format!("a `{}` block does not take `{key}`", kind.name()),
                    )
                    .with_hint(format!(
                        "a `{}` block takes: kind, anchor, {}",
                        kind.name(),
                        allowed.join(", ")
                    )),
                );
            }
        }
        let ink = self.theme.ink;
        let text_colour = |cx: &mut Self| b.colour.as_ref().map_or(ink, |c| cx.colour(c));
        let need_text = |cx: &mut Self| match &b.text {
            Some(t) if !t.get_ref().trim().is_empty() => Some(cx.loc(t)),
            Some(t) => {
                cx.errors.push(Diagnostic::error(
                    cx.span(t),
                    format!("the `{}` block's text is empty", kind.name()),
                ));
                None
            }
            None => {
                cx.errors.push(
                    Diagnostic::error(
                        span.clone(),
                        format!("a `{}` block needs `text`", kind.name()),
                    )
                    .with_hint("add text = \"…\" to this block"),
                );
                None
            }
        };
        let content = match kind {
            BlockKind::Banner => {
                let title = need_text(self);
                let fill = match &b.fill {
                    Some(f) => self.colour(f),
                    None => {
                        self.errors.push(
                            Diagnostic::error(span.clone(), "a `banner` block needs `fill`")
                                .with_hint("add fill = \"a theme colour name\" or \"#RRGGBB\""),
                        );
                        Colour::BLACK
                    }
                };
                let colour = b.colour.as_ref().map_or(Colour::WHITE, |c| self.colour(c));
                BlockContent::Banner {
                    title: title?,
                    subtitle: b.subtitle.as_ref().map(|s| self.loc(s)),
                    fill,
                    colour,
                }
            }
            BlockKind::Heading => {
                let colour = text_colour(self);
                BlockContent::Heading {
                    text: need_text(self)?,
                    colour,
                }
            }
            BlockKind::Paragraph => {
                let colour = text_colour(self);
                BlockContent::Paragraph {
                    text: need_text(self)?,
                    style: b.style.as_ref().map(|s| *s.get_ref()).unwrap_or_default(),
                    colour,
                }
            }
            BlockKind::KeyList => {
                let Some(items) = &b.item else {
                    self.errors.push(
                        Diagnostic::error(
                            span.clone(),
                            "a `key-list` block needs at least one item",
                        )
                        .with_hint("add [[…page.block.item]] tables with term, text and colour"),
                    );
                    return None;
                };
                let items = items
                    .iter()
                    .map(|i| {
                        let i = i.get_ref();
                        KeyItem {
                            term: self.loc(&i.term),
                            text: self.loc(&i.text),
                            colour: self.colour(&i.colour),
                        }
                    })
                    .collect();
                BlockContent::KeyList { items }
            }
            BlockKind::Contacts => BlockContent::Contacts {
                count: b.count.as_ref().map_or(usize::MAX, |c| *c.get_ref()),
                picture: match &b.picture {
                    Some(_) => Some(self.picture_ref(b, &span)?),
                    None => None,
                },
                tags: b.tags.iter().flatten().map(|t| self.loc(t)).collect(),
                fields: b
                    .fields
                    .clone()
                    .unwrap_or_else(|| vec![ContactField::Phone, ContactField::Hours]),
            },
            BlockKind::Helplines => BlockContent::Helplines {
                count: b.count.as_ref().map_or(usize::MAX, |c| *c.get_ref()),
                fill: b.fill.as_ref().map(|f| self.colour(f)),
                colour: text_colour(self),
            },
            BlockKind::PreparedBy => BlockContent::PreparedBy {
                width: b.width.as_ref().map(|w| w.get_ref().0),
                colour: text_colour(self),
            },
            BlockKind::Spacer => BlockContent::Spacer {
                height: b.height.as_ref().map_or(Abs::mm(2.0), |h| h.get_ref().0),
            },
            BlockKind::Picture => BlockContent::Picture {
                picture: self.picture_ref(b, &span)?,
            },
            BlockKind::Row => {
                let colour = text_colour(self);
                BlockContent::Row {
                    picture: self.picture_ref(b, &span)?,
                    heading: b.heading.as_ref().map(|h| self.loc(h)),
                    text: b.text.as_ref().map(|t| self.loc(t)),
                    items: b.items.iter().flatten().map(|i| self.loc(i)).collect(),
                    colour,
                }
            }
            BlockKind::List => {
                let colour = text_colour(self);
                let items: Vec<_> = b.items.iter().flatten().map(|i| self.loc(i)).collect();
                if items.is_empty() {
                    self.errors.push(
                        Diagnostic::error(span.clone(), "a `list` block needs `items`")
                            .with_hint("add items = [\"first point\", \"second point\"]"),
                    );
                    return None;
                }
                BlockContent::List { items, colour }
            }
            BlockKind::Cards => {
                let cards: Vec<Card> = b
                    .card
                    .iter()
                    .flatten()
                    .map(|c| {
                        let c = c.get_ref();
                        Card {
                            title: self.loc(&c.title),
                            text: self.loc(&c.text),
                            colour: self.colour(&c.colour),
                        }
                    })
                    .collect();
                if cards.is_empty() {
                    self.errors.push(
                        Diagnostic::error(span.clone(), "a `cards` block needs at least one card")
                            .with_hint("add [[….block.card]] tables with title, text and colour"),
                    );
                    return None;
                }
                let columns = b.columns.as_ref().map_or(2, |c| *c.get_ref());
                if !(1..=4).contains(&columns) {
                    self.errors.push(Diagnostic::error(
                        b.columns.as_ref().map_or(span.clone(), |c| self.span(c)),
                        "`columns` must be 1 to 4",
                    ));
                }
                BlockContent::Cards { cards, columns }
            }
            BlockKind::Journey => {
                let stages: Vec<_> = b.stages.iter().flatten().map(|s| self.loc(s)).collect();
                if !(2..=10).contains(&stages.len()) {
                    self.errors.push(
                        Diagnostic::error(span.clone(), "a `journey` needs 2 to 10 `stages`")
                            .with_hint("stages = [\"Admission\", \"Care Planning\", …]"),
                    );
                    return None;
                }
                BlockContent::Journey {
                    stages,
                    colour: text_colour(self),
                    height: b.height.as_ref().map_or(Abs::mm(80.0), |h| h.get_ref().0),
                }
            }
        };
        ok.then_some(BlockDef {
            span,
            anchor: b.anchor,
            content,
            waive: b
                .waive
                .as_ref()
                .map(|w| (self.loc(&w.rule), self.loc(&w.reason))),
        })
    }
}

/// Smallest type that prints legibly, in points (`docs/format.md`).
pub const PRINT_MIN_PT: f64 = crate::rules::MIN_TEXT.to_pt();

impl Checker<'_> {
    /// The type sizes, defaults filled in. A size below [`PRINT_MIN_PT`],
    /// or in Easy Read below the Easy Read minimum body size
    /// ([`crate::rules::MIN_EASY_READ_TEXT`]), is an error at its key.
    fn type_sizes(&mut self, variant: Variant, raw: &TypeScale, fallback: &Span) -> TypeSizes {
        let (defaults, leading) = TypeScale::DEFAULT;
        let easy_read_min = crate::rules::MIN_EASY_READ_TEXT.to_pt();
        let min = match variant {
            Variant::Standard => PRINT_MIN_PT,
            Variant::EasyRead => easy_read_min.max(PRINT_MIN_PT),
        };
        let keys = [
            ("title", &raw.title),
            ("subtitle", &raw.subtitle),
            ("heading", &raw.heading),
            ("body", &raw.body),
            ("small", &raw.small),
        ];
        let mut sizes = [Abs::pt(0.0); 5];
        for (i, (key, value)) in keys.into_iter().enumerate() {
            let size = value
                .as_ref()
                .map_or(Abs::pt(defaults[i]), |v| v.get_ref().0);
            sizes[i] = size;
            if size.to_pt() >= min - 1e-9 {
                continue;
            }
            let (span, written) = match value {
                Some(v) => (self.span(v), format!("{:.1} pt", size.to_pt())),
                None => (
                    fallback.clone(),
                    format!("{:.1} pt (the default)", size.to_pt()),
                ),
            };
            let (message, hint) = match variant {
                Variant::Standard => (
                    format!(
                        "the {key} type size is {written}; print needs at least {PRINT_MIN_PT} pt"
                    ),
                    format!("set {key} = \"{PRINT_MIN_PT}pt\" or larger under [standard.type]"),
                ),
                Variant::EasyRead => (
                    format!(
                        "the Easy Read {key} type size is {written}; Easy Read text is at least {min} pt"
                    ),
                    format!(
                        "set {key} = \"16pt\" (the usual Easy Read body size) or at least \"{min}pt\" under [easy-read.type]"
                    ),
                ),
            };
            self.errors
                .push(Diagnostic::error(span, message).with_hint(hint));
        }
        let leading = match &raw.leading {
            Some(l) => {
                let v = *l.get_ref();
                if !(1.0..=3.0).contains(&v) {
                    self.errors.push(
                        Diagnostic::error(
                            self.span(l),
                            format!("line spacing `leading = {v}` must be between 1.0 and 3.0"),
                        )
                        .with_hint("1.25 suits most text; Easy Read uses 1.5"),
                    );
                }
                v
            }
            None => leading,
        };
        let [title, subtitle, heading, body, small] = sizes;
        TypeSizes {
            title,
            subtitle,
            heading,
            body,
            small,
            leading,
        }
    }
}
