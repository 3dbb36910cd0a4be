//! A block's keys checked against its kind's row in the table
//! ([`BlockKind::keys`]), then one function per kind turns the keys into
//! [`BlockContent`].

use toml::Spanned;

use super::super::resource::{BlockFile, BlockKind, ContactField};
use super::super::{BlockContent, BlockDef, Card, KeyItem, Located, PictureRef};
use super::Checker;
use crate::colour::Colour;
use crate::diag::{Diagnostic, Span};
use crate::geom::Abs;

impl BlockContent {
    /// The kind of block this content came from.
    pub fn kind(&self) -> BlockKind {
        match self {
            BlockContent::Banner { .. } => BlockKind::Banner,
            BlockContent::Heading { .. } => BlockKind::Heading,
            BlockContent::Paragraph { .. } => BlockKind::Paragraph,
            BlockContent::KeyList { .. } => BlockKind::KeyList,
            BlockContent::Contacts { .. } => BlockKind::Contacts,
            BlockContent::Helplines { .. } => BlockKind::Helplines,
            BlockContent::Spacer { .. } => BlockKind::Spacer,
            BlockContent::PreparedBy { .. } => BlockKind::PreparedBy,
            BlockContent::Picture { .. } => BlockKind::Picture,
            BlockContent::Row { .. } => BlockKind::Row,
            BlockContent::List { .. } => BlockKind::List,
            BlockContent::Cards { .. } => BlockKind::Cards,
            BlockContent::Journey { .. } => BlockKind::Journey,
        }
    }
}

impl Checker<'_> {
    /// Checks that a block has the keys its kind needs and no others.
    pub(super) fn block(&mut self, raw: &Spanned<BlockFile>) -> Option<BlockDef> {
        let span = self.span(raw);
        let b = raw.get_ref();
        let ok = self.keys_allowed(b, &span);
        let content = self.content(b, &span)?;
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

    /// An error at each key the block's kind does not take; whether there
    /// was none.
    fn keys_allowed(&mut self, b: &BlockFile, span: &Span) -> bool {
        let kind = *b.kind.get_ref();
        let allowed = kind.keys();
        let mut ok = true;
        for (key, at) in b.keys_set() {
            if allowed.contains(&key) {
                continue;
            }
            ok = false;
            let names: Vec<&str> = allowed.iter().map(|k| k.name()).collect();
            self.errors.push(
                Diagnostic::error(
                    at.map_or_else(|| span.clone(), |r| Span::new(self.file, r)),
                    format!("a `{}` block does not take `{}`", kind.name(), key.name()),
                )
                .with_hint(format!(
                    "a `{}` block takes: kind, anchor, {}",
                    kind.name(),
                    names.join(", ")
                )),
            );
        }
        ok
    }

    /// The block's content, by kind; `None` after an error that leaves
    /// nothing to show.
    fn content(&mut self, b: &BlockFile, span: &Span) -> Option<BlockContent> {
        Some(match *b.kind.get_ref() {
            BlockKind::Banner => self.banner(b, span)?,
            BlockKind::Heading => {
                let colour = self.text_colour(b);
                BlockContent::Heading {
                    text: self.need_text(b, span)?,
                    colour,
                }
            }
            BlockKind::Paragraph => {
                let colour = self.text_colour(b);
                BlockContent::Paragraph {
                    text: self.need_text(b, span)?,
                    style: b.style.as_ref().map(|s| *s.get_ref()).unwrap_or_default(),
                    colour,
                }
            }
            BlockKind::KeyList => self.key_list(b, span)?,
            BlockKind::Contacts => self.contacts(b, span)?,
            BlockKind::Helplines => BlockContent::Helplines {
                count: b.count.as_ref().map_or(usize::MAX, |c| *c.get_ref()),
                fill: b.fill.as_ref().map(|f| self.colour(f)),
                colour: self.text_colour(b),
            },
            BlockKind::PreparedBy => BlockContent::PreparedBy {
                width: b.width.as_ref().map(|w| w.get_ref().0),
                colour: self.text_colour(b),
            },
            BlockKind::Spacer => BlockContent::Spacer {
                height: b.height.as_ref().map_or(Abs::mm(2.0), |h| h.get_ref().0),
            },
            BlockKind::Picture => BlockContent::Picture {
                picture: self.picture_ref(b, span)?,
            },
            BlockKind::Row => self.row(b, span)?,
            BlockKind::List => self.list(b, span)?,
            BlockKind::Cards => self.cards(b, span)?,
            BlockKind::Journey => self.journey(b, span)?,
        })
    }

    /// The text colour: `colour`, else the theme's ink.
    fn text_colour(&mut self, b: &BlockFile) -> Colour {
        let ink = self.theme.ink;
        b.colour.as_ref().map_or(ink, |c| self.colour(c))
    }

    /// The block's `text`, which must be there and not empty.
    fn need_text(&mut self, b: &BlockFile, span: &Span) -> Option<Located<String>> {
        let kind = b.kind.get_ref().name();
        match &b.text {
            Some(t) if !t.get_ref().trim().is_empty() => Some(self.loc(t)),
            Some(t) => {
                self.errors.push(Diagnostic::error(
                    self.span(t),
                    format!("the `{kind}` block's text is empty"),
                ));
                None
            }
            None => {
                self.errors.push(
                    Diagnostic::error(span.clone(), format!("a `{kind}` block needs `text`"))
                        .with_hint("add text = \"…\" to this block"),
                );
                None
            }
        }
    }

    fn banner(&mut self, b: &BlockFile, span: &Span) -> Option<BlockContent> {
        let title = self.need_text(b, span);
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
        Some(BlockContent::Banner {
            title: title?,
            subtitle: b.subtitle.as_ref().map(|s| self.loc(s)),
            fill,
            colour,
        })
    }

    fn key_list(&mut self, b: &BlockFile, span: &Span) -> Option<BlockContent> {
        let Some(items) = &b.item else {
            self.errors.push(
                Diagnostic::error(span.clone(), "a `key-list` block needs at least one item")
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
        Some(BlockContent::KeyList { items })
    }

    fn contacts(&mut self, b: &BlockFile, span: &Span) -> Option<BlockContent> {
        Some(BlockContent::Contacts {
            count: b.count.as_ref().map_or(usize::MAX, |c| *c.get_ref()),
            picture: match &b.picture {
                Some(_) => Some(self.picture_ref(b, span)?),
                None => None,
            },
            tags: b.tags.iter().flatten().map(|t| self.loc(t)).collect(),
            fields: b
                .fields
                .clone()
                .unwrap_or_else(|| vec![ContactField::Phone, ContactField::Hours]),
        })
    }

    fn row(&mut self, b: &BlockFile, span: &Span) -> Option<BlockContent> {
        let colour = self.text_colour(b);
        Some(BlockContent::Row {
            picture: self.picture_ref(b, span)?,
            heading: b.heading.as_ref().map(|h| self.loc(h)),
            text: b.text.as_ref().map(|t| self.loc(t)),
            items: b.items.iter().flatten().map(|i| self.loc(i)).collect(),
            colour,
        })
    }

    fn list(&mut self, b: &BlockFile, span: &Span) -> Option<BlockContent> {
        let colour = self.text_colour(b);
        let items: Vec<_> = b.items.iter().flatten().map(|i| self.loc(i)).collect();
        if items.is_empty() {
            self.errors.push(
                Diagnostic::error(span.clone(), "a `list` block needs `items`")
                    .with_hint("add items = [\"first point\", \"second point\"]"),
            );
            return None;
        }
        Some(BlockContent::List { items, colour })
    }

    fn cards(&mut self, b: &BlockFile, span: &Span) -> Option<BlockContent> {
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
        Some(BlockContent::Cards { cards, columns })
    }

    fn journey(&mut self, b: &BlockFile, span: &Span) -> Option<BlockContent> {
        let stages: Vec<_> = b.stages.iter().flatten().map(|s| self.loc(s)).collect();
        if !(2..=10).contains(&stages.len()) {
            self.errors.push(
                Diagnostic::error(span.clone(), "a `journey` needs 2 to 10 `stages`")
                    .with_hint("stages = [\"Admission\", \"Care Planning\", …]"),
            );
            return None;
        }
        Some(BlockContent::Journey {
            stages,
            colour: self.text_colour(b),
            height: b.height.as_ref().map_or(Abs::mm(80.0), |h| h.get_ref().0),
        })
    }

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

#[cfg(test)]
mod tests {
    use super::super::super::resource::{BlockKey, BlockKind, ResourceFile};
    use crate::diag::Sources;

    /// A value of the right type for each key, so that a block with the
    /// key parses. A key added to the table without a sample here fails
    /// the test below.
    fn sample(key: BlockKey) -> &'static str {
        match key {
            BlockKey::Text => "text = \"Hello\"",
            BlockKey::Subtitle => "subtitle = \"Sub\"",
            BlockKey::Style => "style = \"small\"",
            BlockKey::Fill => "fill = \"#336699\"",
            BlockKey::Colour => "colour = \"#112233\"",
            BlockKey::Item => {
                "item = [{ term = \"Hope\", text = \"Being hopeful\", colour = \"#336699\" }]"
            }
            BlockKey::Tags => "tags = [\"card\"]",
            BlockKey::Fields => "fields = [\"phone\"]",
            BlockKey::Count => "count = 2",
            BlockKey::Height => "height = \"10mm\"",
            BlockKey::Picture => "picture = \"assets/pictures/candle.svg\"",
            BlockKey::Alt => "alt = \"A candle\"",
            BlockKey::Width => "width = \"20mm\"",
            BlockKey::Heading => "heading = \"Heading\"",
            BlockKey::Items => "items = [\"one\", \"two\"]",
            BlockKey::Card => {
                "card = [{ title = \"Tip\", text = \"Sleep well\", colour = \"#336699\" }]"
            }
            BlockKey::Columns => "columns = 2",
            BlockKey::Stages => "stages = [\"One\", \"Two\"]",
        }
    }

    /// The errors of a one-block resource whose block has `kind` and `key`.
    fn errors_with(kind: BlockKind, key: BlockKey) -> Vec<String> {
        let text = format!(
            "id = \"t\"\ntitle = \"T\"\nsize = \"a6\"\n\n[standard]\n[[standard.page]]\n\
             [[standard.page.block]]\nkind = \"{}\"\n{}\n",
            kind.name(),
            sample(key)
        );
        let raw: ResourceFile = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("{} with {}: {e}", kind.name(), key.name()));
        let mut sources = Sources::new();
        let file = sources.add("resources/t.toml", text);
        match super::super::resource(file, raw) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.into_iter().map(|d| d.message).collect(),
        }
    }

    #[test]
    fn every_kind_takes_exactly_the_keys_of_its_table_row() {
        for &kind in BlockKind::ALL {
            for &key in BlockKey::ALL {
                let refused = format!("a `{}` block does not take `{}`", kind.name(), key.name());
                let errors = errors_with(kind, key);
                let allowed = kind.keys().contains(&key);
                assert_eq!(
                    !errors.contains(&refused),
                    allowed,
                    "{} with {}: {errors:?}",
                    kind.name(),
                    key.name()
                );
            }
        }
    }

    #[test]
    fn every_key_belongs_to_some_kind() {
        for &key in BlockKey::ALL {
            assert!(
                BlockKind::ALL.iter().any(|k| k.keys().contains(&key)),
                "no kind takes `{}`",
                key.name()
            );
        }
    }
}
