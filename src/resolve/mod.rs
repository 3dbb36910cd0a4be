//! Stage 2: one resource × variant × area becomes a concrete [`Document`].
//!
//! Placeholders (`{area.name}`) are filled, `**bold**` markup is split into
//! runs, contact and helpline blocks are filled from the area, and every
//! choice is made: layout receives no options, only content and sizes.

mod blocks;
mod hours;
mod text;

pub use text::{RichText, Run, RunSize};

use crate::colour::Colour;
use crate::diag::{Diagnostic, SourceResult, Span};
use crate::geom::{Abs, Size};
use crate::model::{
    Anchor, Area, BlockDef, Edition, Fold, Format, Helpline, Located, Pairing, PictureRef,
    Resource, TypeSizes, Variant, VariantDef, Welsh,
};

/// A document ready for layout.
#[derive(Debug, Clone)]
pub struct Document {
    /// Title (PDF metadata).
    pub title: String,
    /// Subject (PDF metadata).
    pub subject: String,
    /// Author (PDF metadata).
    pub author: String,
    /// Natural language, BCP 47 (`en-GB`).
    pub lang: String,
    /// Trimmed page size that layout works at (the design size when the
    /// format scales it).
    pub trim: Size,
    /// The format's own trimmed size, which the laid-out pages are scaled
    /// to (equal to `trim` unless the format scales the design).
    pub output_trim: Size,
    /// Total pages or panels, if the format fixes it.
    pub page_count: Option<usize>,
    /// How panels go on sheets.
    pub fold: Option<Fold>,
    /// Print "Page N of M" at the foot of each page.
    pub page_numbers: bool,
    /// The longest line of a row's words, if the variant sets one.
    pub measure: Option<Abs>,
    /// Every sentence starts a line (Easy Read: "start each new sentence
    /// on a new line").
    pub sentence_lines: bool,
    /// Text margin inside the trim.
    pub margin: Abs,
    /// Font sizes.
    pub type_sizes: TypeSizes,
    /// Page colour.
    pub paper: Colour,
    /// Default text colour.
    pub ink: Colour,
    /// The pages.
    pub pages: Vec<Page>,
    /// Sections that flow into the flow page's panels.
    pub sections: Vec<Vec<Block>>,
    /// Area values that placeholders fill in (`{area.name}`), with where
    /// the area file writes them: a character no font has is blamed there.
    pub filled: Vec<Located<String>>,
    /// Things worth knowing that did not stop the document, such as
    /// contacts a block's `count` leaves out.
    pub warnings: Vec<Diagnostic>,
    /// In a bilingual document, the Welsh version that goes with this
    /// (English) one, and how the two are put together.
    pub welsh: Option<(Box<Document>, Pairing)>,
}

/// A page of blocks.
#[derive(Debug, Clone)]
pub struct Page {
    /// Background colour.
    pub background: Option<Colour>,
    /// Stands for the panels the sections flow into.
    pub flow: bool,
    /// How the height the blocks leave is shared out.
    pub spacing: crate::model::Spacing,
    /// The largest gap between blocks when spacing is distributed.
    pub max_gap: Abs,
    /// Every row block as tall as the tallest on the page.
    pub grid: bool,
    /// What layout may try when the page does not fit.
    pub fit: crate::model::Fit,
    /// Blocks in source order.
    pub blocks: Vec<Block>,
}

/// A picture to place.
#[derive(Debug, Clone)]
pub struct PictureSpec {
    /// Path inside the project, as written.
    pub src: String,
    /// Alternative text.
    pub alt: String,
    /// Placed width, if set.
    pub width: Option<Abs>,
    /// The most the picture may grow to when its page has room.
    pub max_width: Option<Abs>,
    /// The language of the alternative text (BCP 47, `cy`) when it is not
    /// the document's.
    pub lang: Option<String>,
}

/// A block with its content filled in.
#[derive(Debug, Clone)]
pub struct Block {
    /// Where the block is written.
    pub span: Span,
    /// Human name for messages: "page 2, block 1 (contacts)".
    pub label: String,
    /// Top or bottom stacking.
    pub anchor: Anchor,
    /// What to lay out.
    pub content: Content,
}

/// A phone number, web or e-mail address inside an entry's text.
///
/// The description is what a screen reader says for the link, right after
/// the entry's name: it says what the link does and repeats the printed
/// characters, but not the name ("Call 116 123", not "Call Samaritans on
/// 116 123", which would read the name twice in a row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryLink {
    /// The characters as printed (`01632 960 101`).
    pub text: String,
    /// Where it goes (`tel:+441632960101`, `https://example.org/…`).
    pub uri: String,
    /// What it does, in words ("Call 116 123").
    pub description: String,
}

impl EntryLink {
    /// The number in a phone field (`111, option 2`) as a `tel:` link.
    /// A number to text (`text SHOUT to 85258`) gets no link: links are
    /// only ever `tel:`, `mailto:` and `https:` (see the README's security
    /// rules), and a `tel:` link would ring a number that only takes texts.
    pub fn phone(phone: &str) -> Option<EntryLink> {
        // The first run of digits and spaces with at least three digits.
        let chars: Vec<char> = phone.chars().collect();
        let mut start = None;
        let mut best = None;
        for (i, c) in chars.iter().enumerate() {
            let part = c.is_ascii_digit() || (*c == ' ' && start.is_some());
            match (part, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    best = Some((s, i));
                    break;
                }
                _ => {}
            }
        }
        let (s, e) = best.or(start.map(|s| (s, chars.len())))?;
        let text: String = chars[s..e].iter().collect::<String>().trim().to_owned();
        if text.chars().filter(char::is_ascii_digit).count() < 3 {
            return None;
        }
        if phone.to_lowercase().contains("text") {
            return None;
        }
        Some(EntryLink::call(&text))
    }

    /// A `tel:` link for a number as printed (`116 123`).
    pub fn call(number: &str) -> EntryLink {
        EntryLink {
            uri: crate::model::phone::tel_uri(number),
            description: format!("Call {number}"),
            text: number.to_owned(),
        }
    }

    /// A web address as written (`example.org/x`) as an `https:` link.
    pub fn web(web: &str) -> EntryLink {
        let text = web.trim().to_owned();
        let uri = if text.contains("://") {
            text.clone()
        } else {
            format!("https://{text}")
        };
        EntryLink {
            description: format!("Website {text}"),
            uri,
            text,
        }
    }

    /// An e-mail address as a `mailto:` link.
    pub fn email(email: &str) -> EntryLink {
        let text = email.trim().to_owned();
        EntryLink {
            uri: format!("mailto:{text}"),
            description: format!("E-mail {text}"),
            text,
        }
    }
}

/// A piece of an entry's text that a screen reader treats specially.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryMark {
    /// A live link.
    Link(EntryLink),
    /// Text in another language than the document's.
    Lang {
        /// The characters as printed.
        text: String,
        /// BCP 47 tag (`cy`).
        lang: String,
    },
}

/// Text style of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextStyle {
    /// Banner title.
    Title,
    /// Banner subtitle.
    Subtitle,
    /// Heading.
    Heading,
    /// Body text.
    Body,
    /// Small print.
    Small,
}

/// A list of entries (contacts, helplines), each a short paragraph.
#[derive(Debug, Clone)]
pub struct Entries {
    /// The entries.
    pub entries: Vec<RichText>,
    /// A picture beside each entry (Easy Read).
    pub picture: Option<PictureSpec>,
    /// For each entry, in the order they are printed: the phone numbers
    /// and web addresses in it that become live links, and text in
    /// another language (same length as `entries`).
    pub marks: Vec<Vec<EntryMark>>,
    /// Band colour behind the list, if any.
    pub fill: Option<Colour>,
    /// 1 or 2 columns; `None`: two when every entry fits half the width
    /// on as many lines as in the whole width.
    pub columns: Option<usize>,
    /// Text colour.
    pub colour: Colour,
}

/// Concrete block content.
#[derive(Debug, Clone)]
pub enum Content {
    /// A coloured band across the top with a title and subtitle.
    Banner {
        /// Title.
        title: RichText,
        /// Second line.
        subtitle: Option<RichText>,
        /// Band colour.
        fill: Colour,
        /// Text colour.
        colour: Colour,
        /// The picture at the right of the title.
        picture: Option<PictureSpec>,
    },
    /// A heading.
    Heading {
        /// The text.
        text: RichText,
        /// Its colour.
        colour: Colour,
    },
    /// Running text in one style (body or small).
    Paragraph {
        /// The text.
        text: RichText,
        /// Its style.
        style: TextStyle,
        /// Its colour.
        colour: Colour,
    },
    /// Terms with coloured markers.
    KeyList {
        /// (term, explanation, marker colour).
        items: Vec<(RichText, RichText, Colour)>,
        /// Text colour.
        colour: Colour,
    },
    /// The area's contacts that the block selects.
    Contacts(Entries),
    /// The national helplines of the area's nation.
    Helplines(Entries),
    /// The area's logo (left) and "prepared by" line, in small print.
    PreparedBy {
        /// The logo, if the area has one.
        logo: Option<PictureSpec>,
        /// The line, if the area has one.
        text: Option<RichText>,
        /// Where the area file names the logo (blamed when it does not
        /// fit).
        logo_at: Option<Span>,
        /// Text colour.
        colour: Colour,
    },
    /// The area's logo on its own.
    Logo {
        /// The logo.
        logo: PictureSpec,
        /// Where the area file names it (blamed when it does not fit).
        logo_at: Span,
    },
    /// Empty space.
    Spacer {
        /// Its height.
        height: Abs,
    },
    /// A picture.
    Picture(PictureSpec),
    /// Picture left; heading, text and bullets right.
    Row {
        /// The picture.
        picture: PictureSpec,
        /// A short bold line above the heading, in the heading's colour.
        label: Option<RichText>,
        /// Heading.
        heading: Option<RichText>,
        /// Text.
        text: Option<RichText>,
        /// Bullet points.
        items: Vec<RichText>,
        /// Heading colour.
        colour: Colour,
        /// Body colour.
        ink: Colour,
    },
    /// Bullet points.
    List {
        /// The points.
        items: Vec<RichText>,
        /// Text colour.
        colour: Colour,
    },
    /// Cards in a grid.
    Cards {
        /// (title, text, accent colour).
        cards: Vec<(RichText, RichText, Colour)>,
        /// Columns.
        columns: usize,
        /// Body colour.
        ink: Colour,
    },
    /// A path winding down through numbered signposts, each stage's tip
    /// beside its signpost.
    Journey {
        /// The stages in order.
        stages: Vec<Stage>,
        /// The path's colour.
        colour: Colour,
        /// The least height of the scene.
        height: Abs,
        /// The picture the path starts at.
        start: Option<PictureSpec>,
        /// The picture the path ends at.
        end: Option<PictureSpec>,
        /// The tips' text colour.
        ink: Colour,
    },
}

/// One stage of a journey, filled in.
#[derive(Debug, Clone)]
pub struct Stage {
    /// The signpost's label.
    pub label: RichText,
    /// The signpost's and tip's colour.
    pub colour: Colour,
    /// The tip: headline, text and picture.
    pub tip: Option<(RichText, RichText, PictureSpec)>,
}

/// Makes the document for one resource, variant and area. A bilingual
/// document is the English one with its Welsh version in
/// [`Document::welsh`]; every text of the resource must have its Welsh.
pub fn resolve(
    resource: &Resource,
    variant: Variant,
    format: &Format,
    area: &Area,
    helplines: &[Helpline],
) -> SourceResult<Document> {
    let Some(def) = resource.variants.get(&variant) else {
        return Err(vec![Diagnostic::error(
            resource.id.span.clone(),
            format!("`{}` has no {variant} variant", resource.id.value),
        )]);
    };
    let one = Version {
        resource,
        def,
        variant,
        format,
        area,
        helplines,
    };
    let welsh = match (variant, &resource.welsh) {
        (Variant::Bilingual, Some(w)) => w,
        _ => return one.resolve(None),
    };
    let (english, cy) = (one.resolve(None), one.resolve(Some(welsh)));
    let (mut english, cy) = match (english, cy) {
        (Ok(en), Ok(cy)) => (en, cy),
        (en, cy) => {
            return Err(en.err().into_iter().chain(cy.err()).flatten().collect());
        }
    };
    english.title = format!("{} / {}", cy.title, english.title);
    english.subject = [cy.subject.as_str(), english.subject.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" / ");
    if !welsh.reviewed {
        english.warnings.push(
            Diagnostic::warning(
                welsh.span.clone(),
                "the Welsh text has not been checked by a Welsh speaker",
            )
            .with_hint("have every line of the [welsh] table checked before printing, then set `reviewed = true` there"),
        );
    }
    english.warnings.extend(cy.warnings.iter().cloned());
    english.welsh = Some((Box::new(cy), welsh.pairing));
    Ok(english)
}

/// One language version of a document: what [`resolve`] fills in.
struct Version<'a> {
    resource: &'a Resource,
    def: &'a VariantDef,
    variant: Variant,
    format: &'a Format,
    area: &'a Area,
    helplines: &'a [Helpline],
}

impl Version<'_> {
    /// What `{other-formats}` names: the resource's other variants this
    /// area gets, then the web page.
    fn other_forms(&self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = self
            .resource
            .variants
            .keys()
            .filter(|v| **v != self.variant)
            .filter(|v| **v != Variant::Bilingual || self.area.bilingual)
            .map(|v| v.form_name())
            .collect();
        names.push("web page");
        names
    }

    /// The document in English, or with the resource's texts in Welsh.
    fn resolve(&self, welsh: Option<&Welsh>) -> SourceResult<Document> {
        let (resource, format, def) = (self.resource, self.format, self.def);
        let mut cx = Filler {
            area: self.area,
            secure: resource.profile == Some(crate::model::Profile::SecureSetting),
            errors: Vec::new(),
            warnings: Vec::new(),
            welsh: welsh.map(|w| (w, std::collections::BTreeSet::new())),
            edition: resource.edition.as_ref(),
            others: self.other_forms(),
            easy_read: self.variant == Variant::EasyRead,
            format: format.name.as_str(),
        };
        let pages = cx.pages(def, resource.ink, self.helplines);
        let sections = cx.sections(def, resource.ink, self.helplines);
        let title = cx.plain(&resource.title);
        let mut meta =
            |s: &Option<Located<String>>| s.as_ref().map(|s| cx.plain(s)).unwrap_or_default();
        let (subject, author) = (meta(&resource.subject), meta(&resource.author));
        cx.unused_welsh();
        if !cx.errors.is_empty() {
            // What did not stop it still explains it (Welsh for an English
            // text that has changed).
            cx.errors.append(&mut cx.warnings);
            return Err(cx.errors);
        }
        Ok(Document {
            title,
            subject,
            author,
            lang: "en-GB".to_owned(),
            trim: if format.scale {
                resource.design_size(self.variant).trim
            } else {
                format.size.trim
            },
            output_trim: format.size.trim,
            page_count: format.pages,
            page_numbers: def.page_numbers,
            measure: def.measure,
            sentence_lines: self.variant == Variant::EasyRead,
            fold: format.fold,
            sections,
            margin: def.margin,
            type_sizes: def.type_scale,
            paper: resource.paper,
            ink: resource.ink,
            pages,
            filled: filled(self.area),
            warnings: cx.warnings,
            welsh: None,
        })
    }
}

/// The area values that placeholders fill in: the name and the parts of
/// the "prepared by" line.
fn filled(area: &Area) -> Vec<Located<String>> {
    std::iter::once(area.name.clone())
        .chain(
            area.prepared_by
                .iter()
                .flat_map(|l| l.parts.iter().map(|p| p.text.clone())),
        )
        .collect()
}

/// Fills placeholders and area data, collecting errors.
struct Filler<'a> {
    area: &'a Area,
    /// The secure-setting profile: no web or e-mail addresses.
    secure: bool,
    errors: Vec<Diagnostic>,
    /// Things worth knowing that do not stop the document.
    warnings: Vec<Diagnostic>,
    /// In the Welsh version: the resource's Welsh, and the English texts
    /// looked up in it so far.
    welsh: Option<(&'a Welsh, std::collections::BTreeSet<String>)>,
    /// The resource's edition, for the `{edition.…}` placeholders.
    edition: Option<&'a Edition>,
    /// The names of the other forms the area gets this resource in, for
    /// `{other-formats}`.
    others: Vec<&'static str>,
    /// Easy Read: contacts' hours are written out ("Monday to Friday").
    easy_read: bool,
    /// The format's name: blocks and sections limited to other formats are
    /// left out.
    format: &'a str,
}

impl Filler<'_> {
    /// The variant's pages, their blocks resolved.
    fn pages(&mut self, def: &VariantDef, ink: Colour, helplines: &[Helpline]) -> Vec<Page> {
        let mut pages = Vec::new();
        for (pi, page) in def.pages.iter().enumerate() {
            let blocks = self.blocks(&page.blocks, &format!("page {}", pi + 1), ink, helplines);
            pages.push(Page {
                background: page.background,
                flow: page.flow,
                spacing: page.spacing,
                max_gap: page.max_gap,
                grid: page.grid,
                fit: page.fit.clone(),
                blocks,
            });
        }
        pages
    }

    /// The variant's sections, their blocks resolved.
    fn sections(
        &mut self,
        def: &VariantDef,
        ink: Colour,
        helplines: &[Helpline],
    ) -> Vec<Vec<Block>> {
        def.sections
            .iter()
            .enumerate()
            .filter(|(_, sec)| crate::model::printed_in(&sec.formats, self.format))
            .map(|(si, sec)| {
                self.blocks(&sec.blocks, &format!("section {}", si + 1), ink, helplines)
            })
            .filter(|blocks| !blocks.is_empty())
            .collect()
    }

    /// Resolves a list of blocks; `place` names where they are ("page 2").
    fn blocks(
        &mut self,
        defs: &[BlockDef],
        place: &str,
        ink: Colour,
        helplines: &[Helpline],
    ) -> Vec<Block> {
        let mut blocks = Vec::new();
        for (bi, block) in defs.iter().enumerate() {
            if !crate::model::printed_in(&block.formats, self.format) {
                continue;
            }
            let label = format!(
                "{place}, block {} ({})",
                bi + 1,
                block.content.kind().name()
            );
            if let Some(content) = self.content(&block.content, ink, helplines, &block.span) {
                blocks.push(Block {
                    span: block.span.clone(),
                    label,
                    anchor: block.anchor,
                    content,
                });
            }
        }
        blocks
    }

    /// A picture reference with its alternative text filled in.
    fn picture(&mut self, p: &PictureRef) -> PictureSpec {
        PictureSpec {
            src: p.src.value.clone(),
            alt: self.plain(&p.alt),
            width: p.width,
            max_width: p.max_width,
            lang: self.welsh.is_some().then(|| "cy".to_owned()),
        }
    }

    /// Text with placeholders filled and bold markup parsed.
    fn rich(&mut self, text: &Located<String>) -> RichText {
        if self.secure && text::has_web_address(&text.value) {
            self.errors.push(
                Diagnostic::error(text.span.clone(), "a secure-setting resource may not print web or e-mail addresses")
                    .with_hint("patients on secure wards usually have no internet: give a phone number or the advocacy service instead"),
            );
        }
        let Some((text, lang)) = self.in_language(text) else {
            return RichText::default();
        };
        let parsed = text::fill_marked(&text, &mut |n| self.value(n, &text)).and_then(|mut f| {
            if let Some(lang) = lang {
                f.langs.push((0..f.text.len(), lang.to_owned()));
            }
            RichText::parse_in(&f.text, &f.langs, &text.span)
        });
        match parsed {
            Ok(t) => t,
            Err(e) => {
                self.errors.push(e);
                RichText::default()
            }
        }
    }

    /// Plain text (metadata) with placeholders filled.
    fn plain(&mut self, text: &Located<String>) -> String {
        let Some((text, _)) = self.in_language(text) else {
            return String::new();
        };
        match text::fill(&text, &mut |n| self.value(n, &text)) {
            Ok(s) => s.replace("**", ""),
            Err(e) => {
                self.errors.push(e);
                String::new()
            }
        }
    }

    /// The value of the placeholder `{name}` in `text`.
    fn value(
        &mut self,
        name: &str,
        text: &Located<String>,
    ) -> Option<Result<text::Value, Diagnostic>> {
        if let Some(v) = text::area_value(self.area, name) {
            return Some(Ok(v));
        }
        let plain = |text: String| text::Value { text, lang: None };
        if name == "other-formats" {
            let names: Vec<String> = self
                .others
                .clone()
                .into_iter()
                .map(|n| {
                    self.word(&Located {
                        value: n.to_owned(),
                        span: text.span.clone(),
                    })
                })
                .collect();
            return Some(Ok(plain(names.join(", "))));
        }
        if !matches!(
            name,
            "edition.published" | "edition.review" | "edition.version" | "other-formats-from"
        ) {
            return None;
        }
        let Some(e) = self.edition else {
            return Some(Err(Diagnostic::error(
                text.span.clone(),
                format!("`{{{name}}}` needs the resource's [edition] table"),
            )
            .with_hint(
                "add [edition] with published, review, version and other-formats-from (docs/format.md)",
            )));
        };
        Some(Ok(plain(match name {
            "edition.published" => self.month(e.published, e),
            "edition.review" => self.month(e.review, e),
            "edition.version" => e.version.value.clone(),
            _ => match &self.area.other_formats_from {
                Some(own) => own.value.clone(),
                None => self.word(&e.other_formats_from),
            },
        })))
    }

    /// "December 2026", the month's name in the version's language.
    fn month(&mut self, m: crate::model::Month, e: &Edition) -> String {
        let name = self.word(&Located {
            value: m.name().to_owned(),
            span: e.span.clone(),
        });
        format!("{name} {}", m.year)
    }

    /// A word wellprint puts in a text (a month, a format's name), in the
    /// version's language: in the Welsh version, from the Welsh table.
    fn word(&mut self, english: &Located<String>) -> String {
        match self.in_language(english) {
            Some((t, _)) => t.value,
            None => english.value.clone(),
        }
    }

    /// A resource text in the version's language, with the language to
    /// tag it with when that is not the document's: in the Welsh version
    /// its Welsh (tagged `cy`), or `None` and an error when the table has
    /// none.
    fn in_language(
        &mut self,
        text: &Located<String>,
    ) -> Option<(Located<String>, Option<&'static str>)> {
        let Some((welsh, used)) = &mut self.welsh else {
            return Some((text.clone(), None));
        };
        if let Some(cy) = welsh.of(&text.value) {
            used.insert(text.value.clone());
            return Some((cy.clone(), Some("cy")));
        }
        self.errors.push(
            Diagnostic::error(text.span.clone(), "this text has no Welsh, so the bilingual version is not built")
                .with_hint(format!(
                    "add it to the resource's [welsh.text] table, written by a Welsh speaker: {:?} = \"…\"",
                    text.value
                )),
        );
        None
    }

    /// Warnings for Welsh that no English text of the version asks for
    /// (usually Welsh for a text that has since changed).
    fn unused_welsh(&mut self) {
        let Some((welsh, used)) = &self.welsh else {
            return;
        };
        for (english, cy) in &welsh.text {
            if !used.contains(english) {
                self.warnings.push(
                    Diagnostic::warning(
                        cy.span.clone(),
                        format!("this Welsh is for {english:?}, which the resource no longer has"),
                    )
                    .with_hint("if the English changed, write the Welsh for the new English and delete this line"),
                );
            }
        }
    }
}
