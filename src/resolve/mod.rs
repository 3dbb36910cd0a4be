//! Stage 2: one resource × variant × area becomes a concrete [`Document`].
//!
//! Placeholders (`{area.name}`) are filled, `**bold**` markup is split into
//! runs, contact and helpline blocks are filled from the area, and every
//! choice is made: layout receives no options, only content and sizes.

mod text;

pub use text::{RichText, Run};

use crate::colour::Colour;
use crate::diag::{Diagnostic, SourceResult, Span};
use crate::geom::{Abs, Size};
use crate::model::{
    Anchor, Area, BlockContent, BlockDef, ContactField, Fold, Format, Helpline, Located,
    PHRASE_SEPARATOR, Phrases, PictureRef, Resource, StyleName, TypeSizes, Variant,
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
}

/// A page of blocks.
#[derive(Debug, Clone)]
pub struct Page {
    /// Background colour.
    pub background: Option<Colour>,
    /// Stands for the panels the sections flow into.
    pub flow: bool,
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
    },
    /// Text in one style.
    Text {
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
    /// A list of entries (contacts, helplines), each a short paragraph.
    Entries {
        /// The entries.
        entries: Vec<RichText>,
        /// A picture beside each entry (Easy Read).
        picture: Option<PictureSpec>,
        /// For each entry, in the order they are printed: the phone numbers
        /// and web addresses in it that become live links, and text in
        /// another language (same length as `entries`).
        marks: Vec<Vec<EntryMark>>,
        /// Band colour behind the list, if any.
        fill: Option<Colour>,
        /// Text colour.
        colour: Colour,
    },
    /// The area's logo (left) and "prepared by" line, in small print.
    PreparedBy {
        /// The logo, if the area has one.
        logo: Option<PictureSpec>,
        /// The line, if the area has one.
        text: Option<RichText>,
        /// Text colour.
        colour: Colour,
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
    /// A winding path with numbered signposts.
    Journey {
        /// Stage names.
        stages: Vec<RichText>,
        /// Signpost colour.
        colour: Colour,
        /// Height of the drawing.
        height: Abs,
    },
}

/// Makes the document for one resource, variant and area.
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
    let mut cx = Filler {
        area,
        secure: resource.profile == Some(crate::model::Profile::SecureSetting),
        errors: Vec::new(),
    };
    let mut pages = Vec::new();
    for (pi, page) in def.pages.iter().enumerate() {
        let blocks = cx.blocks(
            &page.blocks,
            &format!("page {}", pi + 1),
            resource.ink,
            helplines,
        );
        pages.push(Page {
            background: page.background,
            flow: page.flow,
            blocks,
        });
    }
    let sections = def
        .sections
        .iter()
        .enumerate()
        .map(|(si, sec)| {
            cx.blocks(
                &sec.blocks,
                &format!("section {}", si + 1),
                resource.ink,
                helplines,
            )
        })
        .collect();
    let title = cx.plain(&resource.title);
    let subject = resource
        .subject
        .as_ref()
        .map(|s| cx.plain(s))
        .unwrap_or_default();
    let author = resource
        .author
        .as_ref()
        .map(|s| cx.plain(s))
        .unwrap_or_default();
    if !cx.errors.is_empty() {
        return Err(cx.errors);
    }
    Ok(Document {
        title,
        subject,
        author,
        lang: "en-GB".to_owned(),
        trim: if format.scale {
            resource.design_size(variant).trim
        } else {
            format.size.trim
        },
        output_trim: format.size.trim,
        page_count: format.pages,
        page_numbers: def.page_numbers,
        fold: format.fold,
        sections,
        margin: def.margin,
        type_sizes: def.type_scale,
        paper: resource.paper,
        ink: resource.ink,
        pages,
        filled: std::iter::once(area.name.clone())
            .chain(
                area.prepared_by
                    .iter()
                    .flat_map(|l| l.parts.iter().map(|p| p.text.clone())),
            )
            .collect(),
    })
}

/// The "prepared by" line: its parts in their languages, joined by " · "
/// (`**` is printed as written, not as bold).
fn prepared_by(line: &Phrases) -> Option<RichText> {
    let first = line.parts.first()?;
    let mut runs = Vec::new();
    for (i, p) in line.parts.iter().enumerate() {
        if i > 0 {
            runs.push(Run::new(PHRASE_SEPARATOR, false));
        }
        runs.push(Run {
            text: p.text.value.replace("**", ""),
            bold: false,
            lang: p.lang.as_ref().map(|l| l.value.clone()),
        });
    }
    Some(RichText {
        runs,
        span: Some(first.text.span.clone()),
    })
}

/// The TOML name of a block's kind, for labels.
fn kind_name(content: &BlockContent) -> &'static str {
    match content {
        BlockContent::Banner { .. } => "banner",
        BlockContent::Heading { .. } => "heading",
        BlockContent::Paragraph { .. } => "paragraph",
        BlockContent::KeyList { .. } => "key-list",
        BlockContent::Contacts { .. } => "contacts",
        BlockContent::Helplines { .. } => "helplines",
        BlockContent::Spacer { .. } => "spacer",
        BlockContent::PreparedBy { .. } => "prepared-by",
        BlockContent::Picture { .. } => "picture",
        BlockContent::Row { .. } => "row",
        BlockContent::List { .. } => "list",
        BlockContent::Cards { .. } => "cards",
        BlockContent::Journey { .. } => "journey",
    }
}

/// Fills placeholders and area data, collecting errors.
struct Filler<'a> {
    area: &'a Area,
    /// The secure-setting profile: no web or e-mail addresses.
    secure: bool,
    errors: Vec<Diagnostic>,
}

impl Filler<'_> {
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
            let label = format!("{place}, block {} ({})", bi + 1, kind_name(&block.content));
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
        let parsed = text::fill_marked(text, self.area)
            .and_then(|f| RichText::parse_in(&f.text, &f.langs, &text.span));
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
        match text::fill(text, self.area) {
            Ok(s) => s.replace("**", ""),
            Err(e) => {
                self.errors.push(e);
                String::new()
            }
        }
    }

    fn content(
        &mut self,
        content: &BlockContent,
        ink: Colour,
        helplines: &[Helpline],
        span: &Span,
    ) -> Option<Content> {
        Some(match content {
            BlockContent::Banner {
                title,
                subtitle,
                fill,
                colour,
            } => Content::Banner {
                title: self.rich(title),
                subtitle: subtitle.as_ref().map(|s| self.rich(s)),
                fill: *fill,
                colour: *colour,
            },
            BlockContent::Heading { text, colour } => Content::Text {
                text: self.rich(text),
                style: TextStyle::Heading,
                colour: *colour,
            },
            BlockContent::Paragraph {
                text,
                style,
                colour,
            } => Content::Text {
                text: self.rich(text),
                style: match style {
                    StyleName::Body => TextStyle::Body,
                    StyleName::Small => TextStyle::Small,
                },
                colour: *colour,
            },
            BlockContent::KeyList { items } => Content::KeyList {
                items: items
                    .iter()
                    .map(|i| (self.rich(&i.term), self.rich(&i.text), i.colour))
                    .collect(),
                colour: ink,
            },
            BlockContent::Contacts {
                tags,
                fields,
                picture,
                count,
            } => {
                let picture = picture.as_ref().map(|p| self.picture(p));
                let chosen: Vec<_> = self
                    .area
                    .contacts
                    .iter()
                    .filter(|c| {
                        tags.is_empty()
                            || c.tags
                                .iter()
                                .any(|t| tags.iter().any(|w| w.value == t.value))
                    })
                    .take(*count)
                    .collect();
                if chosen.is_empty() {
                    let wanted: Vec<&str> = tags.iter().map(|t| t.value.as_str()).collect();
                    let msg = if wanted.is_empty() {
                        format!("the area `{}` has no contacts", self.area.id.value)
                    } else {
                        format!(
                            "the area `{}` has no contacts tagged {}",
                            self.area.id.value,
                            wanted.join(" or ")
                        )
                    };
                    self.errors
                        .push(Diagnostic::error(span.clone(), msg).with_hint(format!(
                            "add a [[contact]] with one of these tags to {}",
                            "the area file"
                        )));
                    return None;
                }
                let marks = chosen
                    .iter()
                    .map(|c| {
                        let name = &c.name.value;
                        let lang = |text: &str| {
                            c.lang.as_ref().map(|l| EntryMark::Lang {
                                text: text.to_owned(),
                                lang: l.value.clone(),
                            })
                        };
                        let mut marks: Vec<EntryMark> = lang(name).into_iter().collect();
                        for f in fields {
                            if self.secure && matches!(f, ContactField::Web | ContactField::Email) {
                                continue;
                            }
                            let mark = match f {
                                ContactField::Phone => {
                                    EntryLink::phone(&c.phone.value).map(EntryMark::Link)
                                }
                                ContactField::Web => c
                                    .web
                                    .as_ref()
                                    .map(|w| EntryMark::Link(EntryLink::web(&w.value))),
                                ContactField::Email => c
                                    .email
                                    .as_ref()
                                    .map(|m| EntryMark::Link(EntryLink::email(&m.value))),
                                ContactField::Hours => {
                                    c.hours.as_ref().and_then(|h| lang(&h.value))
                                }
                                ContactField::Description => None,
                            };
                            marks.extend(mark);
                        }
                        marks
                    })
                    .collect();
                let entries = chosen
                    .into_iter()
                    .map(|c| {
                        let mut details = Vec::new();
                        for f in fields {
                            if self.secure && matches!(f, ContactField::Web | ContactField::Email) {
                                continue;
                            }
                            let v = match f {
                                ContactField::Phone => Some(&c.phone),
                                ContactField::Hours => c.hours.as_ref(),
                                ContactField::Web => c.web.as_ref(),
                                ContactField::Email => c.email.as_ref(),
                                ContactField::Description => c.description.as_ref(),
                            };
                            if let Some(v) = v {
                                details.push(v.value.clone());
                            }
                        }
                        RichText::entry(&c.name.value, "\n", &details.join(" · "), &c.span)
                    })
                    .collect();
                Content::Entries {
                    entries,
                    picture,
                    marks,
                    fill: None,
                    colour: ink,
                }
            }
            BlockContent::Helplines {
                count,
                fill,
                colour,
            } => {
                let nation = self.area.nation;
                let shown: Vec<_> = helplines
                    .iter()
                    .filter(|h| h.nations.contains(&nation))
                    .take(*count)
                    .collect();
                let marks = shown
                    .iter()
                    .map(|h| {
                        EntryLink::phone(&h.phone.value)
                            .map(EntryMark::Link)
                            .into_iter()
                            .collect()
                    })
                    .collect();
                let entries: Vec<_> = shown
                    .into_iter()
                    .map(|h| {
                        let mut detail = h.phone.value.clone();
                        if let Some(hours) = &h.hours {
                            detail.push_str(" · ");
                            detail.push_str(&hours.value);
                        }
                        RichText::entry(&h.name.value, "  ", &detail, &h.name.span)
                    })
                    .collect();
                if entries.is_empty() {
                    self.errors.push(
                        Diagnostic::error(
                            span.clone(),
                            format!("no national helpline is listed for {}", nation.name()),
                        )
                        .with_hint("add a [[helpline]] for this nation to areas/national.toml"),
                    );
                    return None;
                }
                Content::Entries {
                    entries,
                    picture: None,
                    marks,
                    fill: *fill,
                    colour: *colour,
                }
            }
            BlockContent::Spacer { height } => Content::Spacer { height: *height },
            BlockContent::PreparedBy { width, colour } => {
                let logo = self.area.logo.as_ref().map(|l| PictureSpec {
                    src: l.src(),
                    alt: format!("{} logo", self.area.name.value),
                    width: *width,
                });
                let text = self.area.prepared_by.as_ref().and_then(prepared_by);
                if logo.is_none() && text.is_none() {
                    return None;
                }
                Content::PreparedBy {
                    logo,
                    text,
                    colour: *colour,
                }
            }
            BlockContent::Picture { picture } => Content::Picture(self.picture(picture)),
            BlockContent::Row {
                picture,
                heading,
                text,
                items,
                colour,
            } => Content::Row {
                picture: self.picture(picture),
                heading: heading.as_ref().map(|h| self.rich(h)),
                text: text.as_ref().map(|t| self.rich(t)),
                items: items.iter().map(|i| self.rich(i)).collect(),
                colour: *colour,
                ink,
            },
            BlockContent::List { items, colour } => Content::List {
                items: items.iter().map(|i| self.rich(i)).collect(),
                colour: *colour,
            },
            BlockContent::Cards { cards, columns } => Content::Cards {
                cards: cards
                    .iter()
                    .map(|c| (self.rich(&c.title), self.rich(&c.text), c.colour))
                    .collect(),
                columns: *columns,
                ink,
            },
            BlockContent::Journey {
                stages,
                colour,
                height,
            } => Content::Journey {
                stages: stages.iter().map(|s| self.rich(s)).collect(),
                colour: *colour,
                height: *height,
            },
        })
    }
}
