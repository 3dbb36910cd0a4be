//! A resource's edition: the month it was published, the month it is due
//! for review, its version, and whom to ask for another format. NHS and
//! charity comms teams print these on everything; the resource's texts
//! print them through the `{edition.published}`, `{edition.review}`,
//! `{edition.version}`, `{other-formats}` and `{other-formats-from}`
//! placeholders.

use serde::Deserialize;
use toml::Spanned;

use super::Located;
use crate::diag::{Diagnostic, FileId, Span};

/// `[edition]` as written in a resource file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EditionFile {
    /// The month of publication, `"YYYY-MM"`.
    pub published: Spanned<String>,
    /// The month by which the resource is to be reviewed, `"YYYY-MM"`,
    /// after `published`.
    pub review: Spanned<String>,
    /// The version or reference, printed as written (`"1.0"`).
    pub version: Spanned<String>,
    /// Whom to ask for another format, for areas whose file does not say
    /// (`other-formats-from` there).
    pub other_formats_from: Spanned<String>,
}

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month {
    /// The year.
    pub year: u16,
    /// The month, 1 to 12.
    pub month: u8,
}

/// The months' names, January first.
const NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Month {
    /// Reads `"YYYY-MM"`.
    pub fn parse(text: &str) -> Option<Month> {
        let (year, month) = text.split_once('-')?;
        if year.len() != 4 || month.len() != 2 {
            return None;
        }
        let year: u16 = year.parse().ok()?;
        let month: u8 = month.parse().ok()?;
        (1..=12).contains(&month).then_some(Month { year, month })
    }

    /// The month's English name ("December").
    pub fn name(self) -> &'static str {
        NAMES[usize::from(self.month.clamp(1, 12)) - 1]
    }
}

/// A resource's edition, checked.
#[derive(Debug, Clone)]
pub struct Edition {
    /// The month of publication.
    pub published: Month,
    /// The month it is due for review.
    pub review: Month,
    /// Where `review` is written.
    pub review_span: Span,
    /// The version or reference.
    pub version: Located<String>,
    /// Whom to ask for another format when the area does not say.
    pub other_formats_from: Located<String>,
    /// Where the table is, for texts made from it (the months' names).
    pub span: Span,
}

impl Edition {
    /// Checks the `[edition]` table of the resource file `file`.
    pub fn new(file: FileId, raw: &EditionFile) -> Result<Edition, Vec<Diagnostic>> {
        let month = |s: &Spanned<String>, key: &str| {
            Month::parse(s.get_ref()).ok_or_else(|| {
                Diagnostic::error(
                    Span::new(file, s.span()),
                    format!("`{key}` is not a month written as \"YYYY-MM\""),
                )
                .with_hint("write the year and the month, e.g. \"2026-12\" for December 2026")
            })
        };
        let published = month(&raw.published, "published");
        let review = month(&raw.review, "review");
        let review_span = Span::new(file, raw.review.span());
        let (published, review) = match (published, review) {
            (Ok(p), Ok(r)) if r > p => (p, r),
            (Ok(_), Ok(_)) => {
                return Err(vec![
                    Diagnostic::error(
                        review_span,
                        "the review month is not after the month of publication",
                    )
                    .with_hint(
                        "NHS leaflets are usually reviewed two or three years after publication",
                    ),
                ]);
            }
            (p, r) => return Err(p.err().into_iter().chain(r.err()).collect()),
        };
        Ok(Edition {
            published,
            review,
            review_span,
            version: Located::from_spanned(file, raw.version.clone()),
            other_formats_from: Located::from_spanned(file, raw.other_formats_from.clone()),
            span: Span::new(file, raw.published.span()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_read_and_named() {
        let m = Month::parse("2026-12").expect("a month");
        assert_eq!((m.year, m.month, m.name()), (2026, 12, "December"));
        for bad in [
            "2026-13", "2026-00", "26-12", "2026-1", "2026/12", "December",
        ] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
    }
}
