//! `kind = "contacts"`: the area's contacts with the block's tags, each an
//! entry of its name and chosen fields, with the links and languages in it.

use super::super::{Content, Entries, EntryLink, EntryMark, Filler, RichText, Run, RunSize};
use crate::colour::Colour;
use crate::diag::{Diagnostic, Span};
use crate::model::{Contact, ContactField, Located, PictureRef};

/// The contacts block for the area; `None` (with an error at `span`) when
/// no contact has one of `tags`.
pub(super) fn resolve(
    cx: &mut Filler,
    tags: &[Located<String>],
    fields: &[ContactField],
    picture: Option<&PictureRef>,
    count: usize,
    ink: Colour,
    span: &Span,
) -> Option<Content> {
    let picture = picture.map(|p| cx.picture(p));
    let mut chosen: Vec<&Contact> = cx
        .area
        .contacts
        .iter()
        .filter(|c| {
            tags.is_empty()
                || c.tags
                    .iter()
                    .any(|t| tags.iter().any(|w| w.value == t.value))
        })
        .collect();
    if chosen.is_empty() {
        cx.errors.push(none_tagged(cx, tags, span));
        return None;
    }
    if chosen.len() > count {
        let left_out = chosen.split_off(count);
        cx.warnings.push(left_out_warning(count, &left_out, span));
    }
    // The secure-setting profile prints no web or e-mail addresses.
    let fields: Vec<ContactField> = fields
        .iter()
        .copied()
        .filter(|f| !(cx.secure && matches!(f, ContactField::Web | ContactField::Email)))
        .collect();
    // Only English hours are written out: "Llun–Gwener 10yb–4yp" (a
    // contact with `lang = "cy"`) is printed as the area wrote it, never
    // half in English.
    let hours = |c: &Contact| {
        c.hours
            .as_ref()
            .map(|h| match cx.easy_read && in_english(c) {
                true => super::super::hours::spelt_out(&h.value),
                false => h.value.clone(),
            })
    };
    let marks = chosen.iter().map(|c| marks(c, &fields, hours(c))).collect();
    let entries = chosen
        .into_iter()
        .map(|c| entry(c, &fields, hours(c), cx.easy_read))
        .collect();
    Some(Content::Contacts(Entries {
        entries,
        picture,
        marks,
        fill: None,
        colour: ink,
        columns: None,
    }))
}

/// Whether a contact's words are English: no `lang`, or `en` or `en-…`.
fn in_english(c: &Contact) -> bool {
    c.lang.as_ref().is_none_or(|l| {
        let primary = l.value.split('-').next().unwrap_or_default();
        primary.eq_ignore_ascii_case("en")
    })
}

/// The contacts block with its columns (1, 2, or `None`: layout decides).
pub(super) fn with_columns(content: Content, columns: Option<usize>) -> Content {
    match content {
        Content::Contacts(entries) => Content::Contacts(Entries { columns, ..entries }),
        other => other,
    }
}

/// The warning for contacts that match the block but are past its
/// `count`: each is named, at its place in the area file.
fn left_out_warning(count: usize, left_out: &[&Contact], span: &Span) -> Diagnostic {
    let names: Vec<String> = left_out
        .iter()
        .map(|c| format!("\"{}\"", c.name.value))
        .collect();
    let (n, them) = match left_out.len() {
        1 => ("1 contact is".to_owned(), "it"),
        n => (format!("{n} contacts are"), "them"),
    };
    Diagnostic::warning(
        span.clone(),
        format!(
            "{n} not printed: this block shows the first {count} (`count = {count}`), which leaves out {}",
            names.join(", ")
        ),
    )
    .with_hint(format!(
        "to print {them}, move {them} up the area's list, give the most important contacts their own tag, or raise `count` if the design has room"
    ))
}

/// The error for a contacts block that finds no contact.
fn none_tagged(cx: &Filler, tags: &[Located<String>], span: &Span) -> Diagnostic {
    let wanted: Vec<&str> = tags.iter().map(|t| t.value.as_str()).collect();
    let msg = if wanted.is_empty() {
        format!("the area `{}` has no contacts", cx.area.id.value)
    } else {
        format!(
            "the area `{}` has no contacts tagged {}",
            cx.area.id.value,
            wanted.join(" or ")
        )
    };
    Diagnostic::error(span.clone(), msg).with_hint(format!(
        "add a [[contact]] with one of these tags to {}",
        "the area file"
    ))
}

/// The links and other-language text in a contact's entry, in print order.
fn marks(c: &Contact, fields: &[ContactField], hours: Option<String>) -> Vec<EntryMark> {
    let lang = |text: &str| {
        c.lang.as_ref().map(|l| EntryMark::Lang {
            text: text.to_owned(),
            lang: l.value.clone(),
        })
    };
    let mut marks: Vec<EntryMark> = lang(&c.name.value).into_iter().collect();
    for f in fields {
        let mark = match f {
            ContactField::Phone => EntryLink::phone(&c.phone.value).map(EntryMark::Link),
            ContactField::Web => c
                .web
                .as_ref()
                .map(|w| EntryMark::Link(EntryLink::web(&w.value))),
            ContactField::Email => c
                .email
                .as_ref()
                .map(|m| EntryMark::Link(EntryLink::email(&m.value))),
            ContactField::Hours => hours.as_deref().and_then(lang),
            ContactField::Description => None,
        };
        marks.extend(mark);
    }
    marks
}

/// A contact's entry: its name and fields as [`entry_lines`] sets them.
fn entry(c: &Contact, fields: &[ContactField], hours: Option<String>, easy_read: bool) -> RichText {
    let details: Vec<(String, bool)> = fields
        .iter()
        .filter_map(|f| {
            let text = match f {
                ContactField::Phone => Some(c.phone.value.clone()),
                ContactField::Hours => hours.clone(),
                ContactField::Web => c.web.as_ref().map(|v| v.value.clone()),
                ContactField::Email => c.email.as_ref().map(|v| v.value.clone()),
                ContactField::Description => c.description.as_ref().map(|v| v.value.clone()),
            };
            text.map(|t| (t, *f == ContactField::Phone))
        })
        .collect();
    entry_lines(&c.name.value, &details, easy_read, &c.span)
}

/// An entry: the name in bold, then its details (`(text, is a phone
/// number)`), the first on the next line and the others joined by " · ",
/// or in Easy Read one below the other (no "·" separators there); a phone
/// number in bold at the type scale's `phone` size. Helplines in Easy
/// Read are set the same way.
pub(super) fn entry_lines(
    name: &str,
    details: &[(String, bool)],
    easy_read: bool,
    span: &Span,
) -> RichText {
    let mut runs = vec![Run::new(name.to_owned(), true)];
    for (i, (text, phone)) in details.iter().enumerate() {
        let separator = if i == 0 || easy_read { "\n" } else { " · " };
        runs.push(Run::new(separator, false));
        let run = match phone {
            true => Run::new(text.clone(), true).at(RunSize::Phone),
            false => Run::new(text.clone(), false).at(RunSize::Text),
        };
        runs.push(run);
    }
    RichText {
        runs,
        span: Some(span.clone()),
    }
}
