//! Contacts kept in a spreadsheet: a CSV file next to the area file
//! (`contacts = "oxfordshire.csv"`).
//!
//! The first row names the columns, in any order: `name`, `phone`, `hours`,
//! `web`, `email`, `description`, `lang`, `tags` (tags separated by `;`). `name` and
//! `phone` are required. The file is kept in [`Sources`](crate::diag::Sources)
//! so every problem points at its row and cell (file:line:column).

use std::ops::Range;

use super::{Contact, Located};
use crate::diag::{Diagnostic, FileId, Span};

/// The columns a contacts CSV may have, in documentation order.
pub const COLUMNS: [&str; 8] = [
    "name",
    "phone",
    "hours",
    "web",
    "email",
    "description",
    "lang",
    "tags",
];

/// Which column a header cell names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    Phone,
    Hours,
    Web,
    Email,
    Description,
    Lang,
    Tags,
}

impl Column {
    fn parse(header: &str) -> Option<Column> {
        Some(match header.trim().to_lowercase().as_str() {
            "name" => Column::Name,
            "phone" => Column::Phone,
            "hours" => Column::Hours,
            "web" => Column::Web,
            "email" | "e-mail" => Column::Email,
            "description" => Column::Description,
            "lang" => Column::Lang,
            "tags" => Column::Tags,
            _ => return None,
        })
    }
}

/// Whether a header cell names the `phone` column.
pub(super) fn names_phone(header: &str) -> bool {
    Column::parse(header) == Some(Column::Phone)
}

/// Reads contacts from the CSV text of `file`. Returns the contacts that
/// could be read and every problem found (one run reports all of them).
pub fn contacts(file: FileId, text: &str) -> (Vec<Contact>, Vec<Diagnostic>) {
    let mut errors = Vec::new();
    let mut out = Vec::new();
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();

    // The header row.
    let header = match records.next() {
        None => {
            errors.push(
                Diagnostic::error(Span::new(file, 0..0), "the contacts file is empty").with_hint(
                    format!("the first row names the columns: {}", COLUMNS.join(",")),
                ),
            );
            return (out, errors);
        }
        Some(Err(e)) => {
            errors.push(csv_error(file, &e));
            return (out, errors);
        }
        Some(Ok(r)) => r,
    };
    let columns = header_columns(file, text, &header, &mut errors);
    if !errors.is_empty() {
        return (out, errors);
    }

    // One contact per row.
    for record in records {
        match record {
            Ok(r) => out.extend(row(file, text, &columns, &r, &mut errors)),
            Err(e) => errors.push(csv_error(file, &e)),
        }
    }
    (out, errors)
}

/// The column each header cell names (`None` for a cell in error), with an
/// error for each unknown or repeated column and for a missing `name` or
/// `phone`.
fn header_columns(
    file: FileId,
    text: &str,
    header: &::csv::StringRecord,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Option<Column>> {
    let at = |range: Range<usize>| Span::new(file, range);
    let body_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let header_start = header
        .position()
        .map_or(0, |p| p.byte() as usize)
        .max(body_start);
    let header_spans = cell_spans(text, header_start, header.len());
    let mut columns: Vec<Option<Column>> = Vec::new();
    for (i, cell) in header.iter().enumerate() {
        let span = at(header_spans[i].clone());
        let cell = cell.trim_start_matches('\u{feff}');
        match Column::parse(cell) {
            Some(c) if columns.contains(&Some(c)) => {
                errors.push(Diagnostic::error(
                    span,
                    format!("the column `{cell}` appears twice"),
                ));
                columns.push(None);
            }
            Some(c) => columns.push(Some(c)),
            None => {
                errors.push(unknown_column(span, cell, header.len()));
                columns.push(None);
            }
        }
    }
    for required in [Column::Name, Column::Phone] {
        if !columns.contains(&Some(required)) {
            let name = if required == Column::Name {
                "name"
            } else {
                "phone"
            };
            errors.push(
                Diagnostic::error(
                    at(header_start..header_start + line_len(text, header_start)),
                    format!("the header row has no `{name}` column"),
                )
                .with_hint(format!(
                    "the first row names the columns: {}",
                    COLUMNS.join(",")
                )),
            );
        }
    }
    columns
}

/// The error for a header cell that names no column, with a hint: the
/// wrong separator, the column it was likely meant to be, or the list.
fn unknown_column(span: Span, cell: &str, cells: usize) -> Diagnostic {
    let d = Diagnostic::error(span, format!("unknown column `{cell}` in the header row"));
    if cells == 1 && cell.contains(';') {
        d.with_hint(
            "the cells are separated by `;`: save the spreadsheet as \"CSV (comma delimited)\"",
        )
    } else if let Some(best) = super::load::closest(&cell.to_lowercase(), COLUMNS) {
        d.with_hint(format!("did you mean `{best}`?"))
    } else {
        d.with_hint(format!("the columns are: {}", COLUMNS.join(", ")))
    }
}

/// The contact of one row; `None` for a blank row and for a row whose
/// cells do not match the header (with an error).
fn row(
    file: FileId,
    text: &str,
    columns: &[Option<Column>],
    record: &::csv::StringRecord,
    errors: &mut Vec<Diagnostic>,
) -> Option<Contact> {
    let at = |range: Range<usize>| Span::new(file, range);
    let start = record.position().map_or(0, |p| p.byte() as usize);
    let row = record.position().map_or(0, |p| p.line() as usize);
    let line = start..start + line_len(text, start);
    if record.iter().all(|c| c.trim().is_empty()) {
        return None; // spreadsheets often leave blank rows at the end
    }
    if record.len() != columns.len() {
        errors.push(cell_count(
            at(line.clone()),
            text,
            row,
            record.len(),
            columns.len(),
        ));
        return None;
    }
    let spans = cell_spans(text, start, record.len());
    let mut contact = blank(at(line));
    for (i, cell) in record.iter().enumerate() {
        let Some(column) = columns[i] else { continue };
        let value = Located {
            value: cell.trim().to_owned(),
            span: at(spans[i].clone()),
        };
        let optional = (!value.value.is_empty()).then(|| value.clone());
        match column {
            Column::Name => contact.name = value,
            Column::Phone => contact.phone = value,
            Column::Hours => contact.hours = optional,
            Column::Web => contact.web = optional,
            Column::Email => contact.email = optional,
            Column::Description => contact.description = optional,
            Column::Lang => contact.lang = optional,
            Column::Tags => contact.tags = tags(text, cell, file, spans[i].clone()),
        }
    }
    for (what, value) in [("name", &contact.name), ("phone", &contact.phone)] {
        if value.value.is_empty() {
            errors.push(
                Diagnostic::error(value.span.clone(), format!("row {row} has no {what}"))
                    .with_hint(format!(
                        "every contact needs a {what}; delete the row if it is not a contact"
                    )),
            );
        }
    }
    Some(contact)
}

/// A contact with no name or phone yet, both at `line`.
fn blank(line: Span) -> Contact {
    let empty = Located {
        value: String::new(),
        span: line.clone(),
    };
    Contact {
        name: empty.clone(),
        phone: empty,
        hours: None,
        web: None,
        email: None,
        description: None,
        lang: None,
        tags: Vec::new(),
        span: line,
    }
}

/// The error for row `row` (at `line`) with `cells` cells where the header
/// has `columns`: an unclosed quote, or a comma outside quotes.
fn cell_count(line: Span, text: &str, row: usize, cells: usize, columns: usize) -> Diagnostic {
    if text[line.range.clone()].matches('"').count() % 2 == 1 {
        // An opening quote with no closing one: the csv reader took the
        // rest of the file as one cell.
        return Diagnostic::error(
            line,
            format!("row {row} has a double quote (\") that is never closed"),
        )
        .with_hint("remove the stray \" or close it; inside a quoted cell, write a quote as \"\"");
    }
    Diagnostic::error(
        line,
        format!("row {row} has {cells} cells but the header row has {columns}"),
    )
    .with_hint("a cell with a comma in it must be in double quotes: \"Mon, Wed 9am–5pm\"")
}

/// Characters in the CSV text that cannot print (see
/// [`printable`](super::printable)), each named by its spreadsheet row and
/// column as well as its line and column.
pub fn unprintable(file: FileId, text: &str) -> Vec<Diagnostic> {
    let mut errors = super::printable::check(file, text, false);
    for d in &mut errors {
        if let Some(span) = &d.span {
            let (row, column) = cell_at(text, span.range.start);
            d.message = format!("row {row}, column {column}: {}", d.message);
        }
    }
    errors
}

/// The row (from 1) and spreadsheet column letter (A, B, …, Z, AA) of the
/// byte at `offset`, counting quoted line breaks and commas as cell text.
fn cell_at(text: &str, offset: usize) -> (usize, String) {
    let (mut row, mut cell, mut quoted) = (1, 0usize, false);
    for b in text.as_bytes().iter().take(offset) {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => cell += 1,
            b'\n' if !quoted => {
                row += 1;
                cell = 0;
            }
            _ => {}
        }
    }
    let mut letters = Vec::new();
    let mut n = cell + 1;
    while n > 0 {
        n -= 1;
        letters.push(char::from(b'A' + (n % 26) as u8));
        n /= 26;
    }
    (row, letters.into_iter().rev().collect())
}

/// The `;`-separated tags of a cell, each with its own span when the cell
/// is written without quotes.
fn tags(text: &str, cell: &str, file: FileId, span: Range<usize>) -> Vec<Located<String>> {
    let raw = text.get(span.clone()).unwrap_or("");
    let unquoted = raw == cell;
    let mut offset = 0;
    let mut out = Vec::new();
    for part in cell.split(';') {
        let trimmed = part.trim();
        if !trimmed.is_empty() {
            let lead = part.len() - part.trim_start().len();
            let range = if unquoted {
                let s = span.start + offset + lead;
                s..s + trimmed.len()
            } else {
                span.clone()
            };
            out.push(Located {
                value: trimmed.to_owned(),
                span: Span::new(file, range),
            });
        }
        offset += part.len() + 1;
    }
    out
}

/// The length of the line starting at `start`, without its line break.
fn line_len(text: &str, start: usize) -> usize {
    text.get(start..)
        .and_then(|rest| rest.find(['\r', '\n']))
        .unwrap_or_else(|| text.len().saturating_sub(start))
}

/// Byte ranges of the first `n` cells of the record starting at `start`
/// (without surrounding quotes). The csv crate gives the record's start;
/// this finds the cells inside it, following RFC 4180 quoting.
fn cell_spans(text: &str, start: usize, n: usize) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut spans = Vec::with_capacity(n);
    let mut i = start;
    while spans.len() < n {
        if i < bytes.len() && bytes[i] == b'"' {
            let cell_start = i + 1;
            i += 1;
            while i < bytes.len() {
                if bytes[i] == b'"' {
                    if bytes.get(i + 1) == Some(&b'"') {
                        i += 2;
                        continue;
                    }
                    break;
                }
                i += 1;
            }
            spans.push(cell_start..i.min(bytes.len()));
            i += 1; // closing quote
            while i < bytes.len() && !matches!(bytes[i], b',' | b'\n' | b'\r') {
                i += 1;
            }
        } else {
            let cell_start = i;
            while i < bytes.len() && !matches!(bytes[i], b',' | b'\n' | b'\r') {
                i += 1;
            }
            spans.push(cell_start..i);
        }
        if i < bytes.len() && bytes[i] == b',' {
            i += 1;
        } else {
            // End of the record: any cells left have no text of their own.
            while spans.len() < n {
                spans.push(i..i);
            }
        }
    }
    spans
}

/// A csv crate error as a diagnostic at the place it happened.
fn csv_error(file: FileId, e: &::csv::Error) -> Diagnostic {
    let (pos, message) = match e.kind() {
        ::csv::ErrorKind::Utf8 { pos, .. } => (
            pos.as_ref(),
            "the contacts file is not UTF-8 text".to_owned(),
        ),
        ::csv::ErrorKind::UnequalLengths { pos, .. } => (pos.as_ref(), e.to_string()),
        _ => (None, format!("cannot read the contacts file: {e}")),
    };
    let span = pos.map(|p| Span::new(file, p.byte() as usize..p.byte() as usize));
    let mut d = Diagnostic::error(span, message);
    if matches!(e.kind(), ::csv::ErrorKind::Utf8 { .. }) {
        d = d.with_hint("save the spreadsheet as \"CSV UTF-8 (comma delimited)\"");
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Sources;

    fn read(text: &str) -> (Sources, Vec<Contact>, Vec<Diagnostic>) {
        let mut s = Sources::new();
        let id = s.add("areas/t.csv", text.to_owned());
        let (c, e) = contacts(id, text);
        (s, c, e)
    }

    #[test]
    fn reads_rows_with_quotes_and_tags() {
        let text = "name,phone,hours,tags\nA Group,01632 960 001,\"Mon, Wed 9am\",card; peer-support\n\"B \"\"Quoted\"\"\",07700 900 002,,\n";
        let (s, c, e) = read(text);
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(c.len(), 2);
        assert_eq!(
            c[0].hours.as_ref().map(|h| h.value.as_str()),
            Some("Mon, Wed 9am")
        );
        let tags: Vec<_> = c[0].tags.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(tags, ["card", "peer-support"]);
        assert_eq!(s.locate(&c[0].tags[1].span), "areas/t.csv:2:44");
        assert_eq!(s.locate(&c[0].phone.span), "areas/t.csv:2:9");
        assert_eq!(c[1].name.value, "B \"Quoted\"");
        assert!(c[1].hours.is_none());
    }

    #[test]
    fn unprintable_characters_name_row_and_column() {
        let text = "name,phone\n\"A,\nB\",1\u{0}\n";
        let mut s = Sources::new();
        let id = s.add("areas/t.csv", text.to_owned());
        let e = unprintable(id, text);
        assert_eq!(e.len(), 1);
        assert!(e[0].message.starts_with("row 2, column B: "), "{e:?}");
        assert_eq!(
            cell_at("a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z,aa", 52).1,
            "AA"
        );
    }

    #[test]
    fn header_and_row_problems_have_places() {
        let (s, _, e) = read("name,phone,hours,webb\nA,01632 960 001,,\n");
        assert_eq!(e.len(), 1);
        assert_eq!(
            s.locate(e[0].span.as_ref().expect("span")),
            "areas/t.csv:1:18"
        );
        assert_eq!(e[0].hints, ["did you mean `web`?"]);
        let (s, _, e) = read("name,phone\nA,01632 960 001\nB,1,2\n,01632 960 003\n");
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(e[0].message.contains("row 3 has 3 cells"));
        assert_eq!(
            s.locate(e[1].span.as_ref().expect("span")),
            "areas/t.csv:4:1"
        );
        assert!(e[1].message.contains("row 4 has no name"));
        let (_, _, e) = read("name;phone\nA;1\n");
        assert!(e[0].hints[0].contains("separated by `;`"), "{e:?}");
    }
}
