//! Placeholders and inline markup.

use std::ops::Range;

use crate::diag::{Diagnostic, Span};
use crate::model::{Area, Located};

/// A run of text in one weight, size and language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The characters; `\n` forces a line break.
    pub text: String,
    /// Bold or regular.
    pub bold: bool,
    /// The size it is set at.
    pub size: RunSize,
    /// Natural language of the run (BCP 47, `cy`) when it is not the
    /// document's: screen readers switch voice for it.
    pub lang: Option<String>,
}

/// The size a run is set at, named by what the run is: the size itself
/// comes from the resource's type scale.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum RunSize {
    /// The paragraph's size.
    #[default]
    Text,
    /// The type scale's `phone` size: a phone number in a contact entry,
    /// set a little larger than the words around it to be found at a
    /// glance.
    Phone,
}

impl Run {
    /// A run in the document's language, at the paragraph's size.
    pub fn new(text: impl Into<String>, bold: bool) -> Run {
        Run {
            text: text.into(),
            bold,
            size: RunSize::Text,
            lang: None,
        }
    }

    /// The same run at `size`.
    pub fn at(self, size: RunSize) -> Run {
        Run { size, ..self }
    }
}

/// Byte ranges of a text in another language than the document's, with
/// their BCP 47 tag.
pub type Langs = [(Range<usize>, String)];

/// Text with its placeholders filled, and where filled values are in
/// another language (`{area.name}` of an area with a Welsh name).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filled {
    /// The text.
    pub text: String,
    /// Byte ranges of `text` in another language.
    pub langs: Vec<(Range<usize>, String)>,
}

/// Text made of runs, with the place it was written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RichText {
    /// Runs in reading order.
    pub runs: Vec<Run>,
    /// Where the text is written.
    pub span: Option<Span>,
}

impl RichText {
    /// Splits `**bold**` markup into runs.
    pub fn parse(text: &str, span: &Span) -> Result<RichText, Diagnostic> {
        RichText::parse_in(text, &[], span)
    }

    /// Splits `**bold**` markup into runs, and runs further where `langs`
    /// (byte ranges of `text`) begin and end, each run with its language.
    pub fn parse_in(text: &str, langs: &Langs, span: &Span) -> Result<RichText, Diagnostic> {
        let mut runs = Vec::new();
        let mut bold = false;
        let mut at = 0;
        for (i, part) in text.split("**").enumerate() {
            bold = i % 2 == 1;
            push_runs(&mut runs, part, at, bold, langs);
            at += part.len() + 2;
        }
        if bold {
            return Err(Diagnostic::error(
                span.clone(),
                "a `**` that starts bold text is never closed",
            )
            .with_hint("close the bold words with `**`, as in \"**Hope** is …\""));
        }
        Ok(RichText {
            runs,
            span: Some(span.clone()),
        })
    }

    /// A bold name, a separator and regular details (contacts, helplines).
    pub fn entry(name: &str, separator: &str, details: &str, span: &Span) -> RichText {
        let mut runs = vec![Run::new(name, true)];
        if !details.is_empty() {
            runs.push(Run::new(format!("{separator}{details}"), false));
        }
        RichText {
            runs,
            span: Some(span.clone()),
        }
    }

    /// All runs' text joined.
    pub fn plain(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// Pushes `part` (at byte `offset` of the whole text) as runs in `bold`,
/// cut where a range of `langs` begins or ends.
fn push_runs(runs: &mut Vec<Run>, part: &str, offset: usize, bold: bool, langs: &Langs) {
    let end = offset + part.len();
    let mut cuts = vec![offset, end];
    for (r, _) in langs {
        cuts.extend(
            [r.start, r.end]
                .into_iter()
                .filter(|&b| offset < b && b < end),
        );
    }
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let Some(text) = part.get(s - offset..e - offset).filter(|t| !t.is_empty()) else {
            continue;
        };
        let lang = langs
            .iter()
            .find(|(r, _)| r.start <= s && e <= r.end)
            .map(|(_, l)| l.clone());
        runs.push(Run {
            lang,
            ..Run::new(text, bold)
        });
    }
}

/// The placeholders text may use.
pub const PLACEHOLDERS: &[&str] = &[
    "area.name",
    "area.nation",
    "edition.published",
    "edition.review",
    "edition.version",
    "other-formats",
    "other-formats-from",
];

/// What fills one placeholder: its text, and its language when that is
/// not the text's.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    /// The text.
    pub text: String,
    /// Its BCP 47 tag, when it differs from the surrounding text's.
    pub lang: Option<String>,
}

/// The values of the placeholders: `None` for a name that is not one,
/// an error for one that cannot be filled here.
pub type Values<'a> = dyn FnMut(&str) -> Option<Result<Value, Diagnostic>> + 'a;

/// The `{area.name}` and `{area.nation}` values of an area.
pub fn area_value(area: &Area, name: &str) -> Option<Value> {
    match name {
        "area.name" => Some(Value {
            text: area.name.value.clone(),
            lang: area.name_lang.as_ref().map(|l| l.value.clone()),
        }),
        "area.nation" => Some(Value {
            text: area.nation.name().to_owned(),
            lang: None,
        }),
        _ => None,
    }
}

/// Replaces `{area.name}` and friends; `{{` and `}}` write literal braces.
pub fn fill(text: &Located<String>, values: &mut Values<'_>) -> Result<String, Diagnostic> {
    fill_marked(text, values).map(|f| f.text)
}

/// Like [`fill`], noting where a filled value is in another language.
pub fn fill_marked(text: &Located<String>, values: &mut Values<'_>) -> Result<Filled, Diagnostic> {
    let src = &text.value;
    let mut langs = Vec::new();
    let mut out = String::with_capacity(src.len());
    let mut rest = src.as_str();
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if tail.starts_with('}') {
            return Err(
                Diagnostic::error(text.span.clone(), "a `}` without a matching `{`")
                    .with_hint("write `}}` for a literal brace"),
            );
        }
        let Some(end) = tail.find('}') else {
            return Err(
                Diagnostic::error(text.span.clone(), "a `{` without a matching `}`").with_hint(
                    "placeholders look like {area.name}; write `{{` for a literal brace",
                ),
            );
        };
        let name = &tail[1..end];
        let Some(value) = values(name) else {
            return Err(unknown(text, name));
        };
        let value = value?;
        let start = out.len();
        out.push_str(&value.text);
        if let Some(lang) = value.lang {
            langs.push((start..out.len(), lang));
        }
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    Ok(Filled { text: out, langs })
}

/// The error for `{name}` that is no placeholder.
fn unknown(text: &Located<String>, name: &str) -> Diagnostic {
    Diagnostic::error(
        text.span.clone(),
        format!("unknown placeholder `{{{name}}}`"),
    )
    .with_hint(format!(
        "the placeholders are: {}",
        PLACEHOLDERS
            .iter()
            .map(|p| format!("{{{p}}}"))
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

/// Whether `text` contains something that looks like a web or e-mail
/// address (`https://`, `www.`, `example.org/…`, `name@host`).
pub fn has_web_address(text: &str) -> bool {
    let lower = text.to_lowercase();
    if lower.contains("http://") || lower.contains("https://") || lower.contains("www.") {
        return true;
    }
    lower.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let at = w.find('@').is_some_and(|i| i > 0 && w[i..].contains('.'));
        let domain = [".org", ".com", ".uk", ".net", ".nhs"]
            .iter()
            .any(|tld| w.contains(&format!("{tld}/")) || w.ends_with(tld));
        at || domain
    })
}

#[cfg(test)]
mod tests {
    use super::has_web_address;

    #[test]
    fn finds_web_and_email_addresses() {
        for yes in [
            "see www.example.org",
            "https://x.y",
            "example.org/help",
            "mail a@example.org",
            "visit nhs.uk",
        ] {
            assert!(has_web_address(yes), "{yes}");
        }
        for no in [
            "Call 01632 960 001",
            "Mon–Fri 9am–5pm",
            "Dr. Smith",
            "e.g. tea",
            "3.5 hours",
        ] {
            assert!(!has_web_address(no), "{no}");
        }
    }
}
