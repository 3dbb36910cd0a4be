//! One file per block kind, named after its TOML `kind`: each turns a
//! checked block ([`BlockContent`]) into concrete [`Content`] for one area.

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

use super::{Content, Filler};
use crate::colour::Colour;
use crate::diag::Span;
use crate::model::{BlockContent, Helpline};

impl Filler<'_> {
    /// A block's content filled in for the area; `None` when it shows
    /// nothing (an error was recorded, or a `prepared-by` block of an area
    /// with no logo and no line). `ink` is the resource's text colour.
    pub(super) fn content(
        &mut self,
        content: &BlockContent,
        ink: Colour,
        helplines: &[Helpline],
        span: &Span,
    ) -> Option<Content> {
        match content {
            BlockContent::Banner {
                title,
                subtitle,
                fill,
                colour,
                picture,
            } => Some(banner::resolve(
                self,
                (title, subtitle.as_ref()),
                (*fill, *colour),
                picture.as_ref(),
            )),
            BlockContent::Heading { text, colour } => Some(heading::resolve(self, text, *colour)),
            BlockContent::Paragraph {
                text,
                style,
                colour,
            } => Some(paragraph::resolve(self, text, *style, *colour)),
            BlockContent::KeyList { items } => Some(key_list::resolve(self, items, ink)),
            BlockContent::Contacts {
                tags,
                fields,
                picture,
                count,
                columns,
            } => {
                let found =
                    contacts::resolve(self, tags, fields, picture.as_ref(), *count, ink, span);
                found.map(|c| contacts::with_columns(c, *columns))
            }
            BlockContent::Helplines {
                count,
                picture,
                fill,
                colour,
            } => helplines::resolve(
                self,
                (helplines, *count),
                picture.as_ref(),
                (*fill, *colour),
                span,
            ),
            BlockContent::Spacer { height } => Some(spacer::resolve(*height)),
            BlockContent::PreparedBy { width, colour } => {
                prepared_by::resolve(self, *width, *colour)
            }
            BlockContent::Logo { width } => logo::resolve(self, *width),
            BlockContent::Picture { picture } => Some(picture::resolve(self, picture)),
            BlockContent::Row {
                picture,
                label,
                heading,
                text,
                items,
                colour,
            } => Some(row::resolve(
                self,
                picture,
                [label, heading, text].map(Option::as_ref),
                items,
                (*colour, ink),
            )),
            BlockContent::List { items, colour } => Some(list::resolve(self, items, *colour)),
            BlockContent::Cards { cards, columns } => {
                Some(cards::resolve(self, cards, *columns, ink))
            }
            BlockContent::Journey {
                stages,
                colour,
                height,
                start,
                end,
            } => Some(journey::resolve(
                self,
                stages,
                (*colour, ink),
                *height,
                (start.as_ref(), end.as_ref()),
            )),
        }
    }
}
