//! From the raw serde types to checked model types: colour names looked up,
//! block keys checked against the block's kind.

use std::collections::BTreeMap;

use toml::Spanned;

use super::area::{AreaFile, LinesFile, NationalFile, PHRASE_SEPARATOR, Phrase, Phrases, TextFile};
use super::length::Length;
use super::phone;
use super::resource::{Fold, PageFile, ResourceFile, Theme, TypeScale, VariantFile};
use super::{
    Area, Contact, Format, Helpline, Id, Located, PageDef, Resource, SectionDef, TypeSizes,
    Variant, VariantDef,
};
use crate::colour::Colour;
use crate::diag::{Diagnostic, FileId, SourceResult, Span};
use crate::geom::Abs;

mod blocks;
mod fit;

/// Default largest gap between blocks on a page with distributed spacing.
const DEFAULT_MAX_GAP_MM: f64 = 12.0;

/// Default margin between trim edge and text.
const DEFAULT_MARGIN_MM: f64 = 5.0;

/// The shortest `measure` a variant may set, in millimetres.
const MIN_MEASURE_MM: f64 = 40.0;

/// Checks a parsed resource file.
pub fn resource(file: FileId, raw: ResourceFile) -> SourceResult<Resource> {
    let mut errors = Vec::new();
    let theme = inked(&raw.theme, file, &mut errors);
    let mut cx = Checker {
        file,
        theme: &theme,
        errors,
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
    for (variant, def) in &variants {
        formats_named(&mut cx.errors, *variant, def, &formats);
    }
    let welsh = raw
        .welsh
        .as_ref()
        .map(|w| super::Welsh::new(file, w, id_span.clone()));
    if let Some(standard) = variants.get(&Variant::Standard) {
        let large = super::large_print::derive(standard, &id_span);
        if let Some(w) = &welsh {
            let own = if standard.formats.is_empty() {
                &formats
            } else {
                &standard.formats
            };
            let bilingual = super::welsh::derive(standard, own, w.pairing);
            variants.insert(Variant::Bilingual, bilingual);
        }
        variants.insert(Variant::LargePrint, large);
    }
    let edition = match raw.edition.as_ref().map(|e| super::Edition::new(file, e)) {
        Some(Ok(e)) => Some(e),
        Some(Err(mut e)) => {
            cx.errors.append(&mut e);
            None
        }
        None => None,
    };
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
        ink: theme.ink,
        paper: theme.paper,
        variants,
        welsh,
        edition,
    })
}

/// The theme with the inks of `[theme.cmyk]` given to its colours; an
/// error at each entry that names no colour or has an ink over 100 %.
fn inked(raw: &Theme, file: FileId, errors: &mut Vec<Diagnostic>) -> Theme {
    let mut theme = raw.clone();
    for (name, inks) in &raw.cmyk {
        let at = Span::new(file, inks.span());
        let value = *inks.get_ref();
        if value.iter().any(|&i| i > 100) {
            errors.push(
                Diagnostic::error(
                    at,
                    format!("the inks for `{name}` must each be 0 to 100 (percent)"),
                )
                .with_hint("write [c, m, y, k], for example [0, 0, 0, 100] for black"),
            );
            continue;
        }
        let slot = match name.as_str() {
            "ink" => Some(&mut theme.ink),
            "paper" => Some(&mut theme.paper),
            other => theme.colours.get_mut(other),
        };
        match slot {
            Some(colour) => *colour = colour.with_cmyk(value),
            None => {
                let known: Vec<&str> = raw.colours.keys().map(String::as_str).collect();
                errors.push(
                    Diagnostic::error(
                        at,
                        format!("[theme.cmyk] names `{name}`, which is not a theme colour"),
                    )
                    .with_hint(format!("use ink, paper or one of: {}", known.join(", "))),
                );
            }
        }
    }
    theme
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
    let nation = nation.into_inner();
    Ok(Area {
        id,
        name: name.text,
        name_lang: name.lang,
        bilingual: raw.bilingual.unwrap_or(nation == super::Nation::Wales),
        nation,
        contacts,
        logo: extras.logo,
        prepared_by,
        other_formats_from: raw
            .other_formats_from
            .map(|s| Located::from_spanned(file, s)),
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

    /// Each string of a list, with its place (none: an empty list).
    fn locs(&self, list: Option<&[Spanned<String>]>) -> Vec<Located<String>> {
        list.unwrap_or_default()
            .iter()
            .map(|s| self.loc(s))
            .collect()
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
            pages: raw
                .page
                .iter()
                .map(|p| self.page(p, variant, &type_scale))
                .collect(),
            sections: raw
                .section
                .iter()
                .map(|sec| SectionDef {
                    span: self.span(sec),
                    formats: self.locs(sec.get_ref().formats.as_deref()),
                    blocks: sec
                        .get_ref()
                        .block
                        .iter()
                        .filter_map(|b| self.block(b))
                        .collect(),
                })
                .collect(),
            page_numbers: raw.page_numbers,
            measure: self.measure(raw.measure.as_ref()),
        }
    }

    /// A variant's `measure`: at least [`MIN_MEASURE_MM`], or an error at
    /// the key.
    fn measure(&mut self, raw: Option<&Spanned<Length>>) -> Option<Abs> {
        let raw = raw?;
        let measure = raw.get_ref().0;
        if measure < Abs::mm(MIN_MEASURE_MM) {
            let span = self.span(raw);
            self.errors.push(
                Diagnostic::error(
                    span,
                    format!(
                        "`measure` is {:.1} mm: lines that short break every phrase",
                        measure.to_mm()
                    ),
                )
                .with_hint(format!(
                    "write at least {MIN_MEASURE_MM} mm (Easy Read: about 110 to 120 mm on A4), or leave `measure` out"
                )),
            );
            return None;
        }
        Some(measure)
    }

    fn page(&mut self, raw: &Spanned<PageFile>, variant: Variant, sizes: &TypeSizes) -> PageDef {
        let span = self.span(raw);
        let page = raw.get_ref();
        let fit = self.fit(page, variant, sizes);
        PageDef {
            background: page.background.as_ref().map(|b| self.colour(b)),
            flow: page.flow,
            spacing: page.spacing,
            max_gap: page
                .max_gap
                .as_ref()
                .map_or(Abs::mm(DEFAULT_MAX_GAP_MM), |g| g.get_ref().0),
            grid: page.grid,
            fit,
            blocks: page.block.iter().filter_map(|b| self.block(b)).collect(),
            span,
        }
    }
}

/// An error at each name in a block's or section's `formats` that is not
/// one of the formats the variant is made in: its own, or else the
/// resource's (`formats`), and for the standard variant large print.
fn formats_named(
    errors: &mut Vec<Diagnostic>,
    variant: Variant,
    def: &VariantDef,
    formats: &[super::Format],
) {
    let own = if def.formats.is_empty() {
        formats
    } else {
        &def.formats
    };
    let mut names: Vec<&str> = own.iter().map(|f| f.name.as_str()).collect();
    if variant == Variant::Standard {
        names.push(super::large_print::FORMATS_NAME);
    }
    let listed = def
        .sections
        .iter()
        .flat_map(|s| &s.formats)
        .chain(def.blocks().flat_map(|b| &b.formats));
    for name in listed.filter(|n| !names.contains(&n.value.as_str())) {
        let hint = match super::load::closest(&name.value, names.iter().copied()) {
            Some(c) => format!("did you mean `{c}`?"),
            None => format!("this variant is made in: {}", names.join(", ")),
        };
        errors.push(
            Diagnostic::error(
                name.span.clone(),
                format!("there is no format called `{}`", name.value),
            )
            .with_hint(hint),
        );
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
            Variant::Standard | Variant::Bilingual => PRINT_MIN_PT,
            Variant::EasyRead => easy_read_min.max(PRINT_MIN_PT),
            Variant::LargePrint => super::large_print::BODY_PT,
        };
        let body = raw
            .body
            .as_ref()
            .map_or(Abs::pt(defaults[3]), |v| v.get_ref().0);
        let keys = [
            ("title", &raw.title),
            ("subtitle", &raw.subtitle),
            ("heading", &raw.heading),
            ("body", &raw.body),
            ("small", &raw.small),
            ("phone", &raw.phone),
        ];
        // A phone number left to the default is set at the body size.
        let defaults = defaults.map(Abs::pt);
        let defaults = defaults.iter().copied().chain([body]);
        let mut sizes = [Abs::pt(0.0); 6];
        for (i, ((key, value), default)) in keys.into_iter().zip(defaults).enumerate() {
            let size = value.as_ref().map_or(default, |v| v.get_ref().0);
            sizes[i] = size;
            if size.to_pt() >= min - 1e-9 {
                continue;
            }
            let at = value.as_ref().map(|v| self.span(v));
            self.errors
                .push(too_small(variant, key, size, min, at.ok_or(fallback)));
        }
        let leading = raw.leading.as_ref().map_or(leading, |l| self.leading(l));
        let [title, subtitle, heading, body, small, phone] = sizes;
        if let Some(p) = raw
            .phone
            .as_ref()
            .filter(|_| phone > body * MAX_PHONE_RATIO)
        {
            self.errors.push(phone_too_large(self.span(p), phone, body));
        }
        TypeSizes {
            title,
            subtitle,
            heading,
            body,
            small,
            phone,
            leading,
        }
    }

    /// The line spacing, which must be between 1.0 and 3.0.
    fn leading(&mut self, l: &Spanned<f64>) -> f64 {
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
}

/// How much larger than the body phone numbers may be set: the lines
/// keep the body's spacing, so a much larger number would touch the lines
/// above and below it.
const MAX_PHONE_RATIO: f64 = 1.2;

/// The error for a `phone` size too large for the body's line spacing.
fn phone_too_large(span: Span, phone: Abs, body: Abs) -> Diagnostic {
    let most = body * MAX_PHONE_RATIO;
    Diagnostic::error(
        span,
        format!(
            "phone numbers at {:.1} pt beside {:.1} pt body text would touch the lines above and below them",
            phone.to_pt(),
            body.to_pt()
        ),
    )
    .with_hint(format!(
        "set phone to at most \"{:.1}pt\" (a fifth larger than the body), or make the body larger",
        most.to_pt()
    ))
}

/// The error for a type size below `min` points: at its key (`Ok`), or at
/// `Err(fallback)` when the size is the default.
fn too_small(
    variant: Variant,
    key: &str,
    size: Abs,
    min: f64,
    at: Result<Span, &Span>,
) -> Diagnostic {
    let (span, written) = match at {
        Ok(span) => (span, format!("{:.1} pt", size.to_pt())),
        Err(fallback) => (
            fallback.clone(),
            format!("{:.1} pt (the default)", size.to_pt()),
        ),
    };
    let (message, hint) = match variant {
        // Large print's and the bilingual variant's sizes are the standard
        // variant's: this names the standard variant's rule.
        Variant::Standard | Variant::LargePrint | Variant::Bilingual => (
            format!("the {key} type size is {written}; print needs at least {PRINT_MIN_PT} pt"),
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
    Diagnostic::error(span, message).with_hint(hint)
}
