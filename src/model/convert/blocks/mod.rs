//! A block's keys checked against its kind's row in the table
//! ([`BlockKind::keys`]), then one function per kind turns the keys into
//! [`BlockContent`], in a file named after the kind.

mod banner;
mod cards;
mod contacts;
mod heading;
mod helplines;
mod journey;
mod key_list;
mod list;
mod logo;
mod paragraph;
mod picture;
mod prepared_by;
mod row;
mod spacer;

use toml::Spanned;

use super::Checker;
use crate::colour::Colour;
use crate::diag::{Diagnostic, Span};
use crate::model::resource::{BlockFile, BlockKind};
use crate::model::{BlockContent, BlockDef, Located, PictureRef};

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
            BlockContent::Logo { .. } => BlockKind::Logo,
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
            formats: self.locs(b.formats.as_deref()),
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
        let check = match *b.kind.get_ref() {
            BlockKind::Banner => banner::check,
            BlockKind::Heading => heading::check,
            BlockKind::Paragraph => paragraph::check,
            BlockKind::KeyList => key_list::check,
            BlockKind::Contacts => contacts::check,
            BlockKind::Helplines => helplines::check,
            BlockKind::PreparedBy => prepared_by::check,
            BlockKind::Logo => logo::check,
            BlockKind::Spacer => spacer::check,
            BlockKind::Picture => picture::check,
            BlockKind::Row => row::check,
            BlockKind::List => list::check,
            BlockKind::Cards => cards::check,
            BlockKind::Journey => journey::check,
        };
        check(self, b, span)
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
            max_width: b.max_width.as_ref().map(|w| w.get_ref().0),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Sources;
    use crate::model::resource::{BlockKey, BlockKind, ResourceFile};

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
            BlockKey::MaxWidth => "max-width = \"30mm\"",
            BlockKey::Label => "label = \"Stage\"",
            BlockKey::Heading => "heading = \"Heading\"",
            BlockKey::Items => "items = [\"one\", \"two\"]",
            BlockKey::Card => {
                "card = [{ title = \"Tip\", text = \"Sleep well\", colour = \"#336699\" }]"
            }
            BlockKey::Columns => "columns = 2",
            BlockKey::Stage => "stage = [{ label = \"One\" }, { label = \"Two\" }]",
            BlockKey::Start => {
                "start = { picture = \"assets/pictures/hospital.svg\", alt = \"A hospital\" }"
            }
            BlockKey::End => "end = { picture = \"assets/pictures/home.svg\", alt = \"A house\" }",
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
