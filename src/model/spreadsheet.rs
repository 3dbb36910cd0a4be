//! Contacts kept in a spreadsheet as coordinators keep them: an Excel or
//! LibreOffice file next to the area file (`contacts = "glasgow.xlsx"`),
//! read with `calamine`, with no "Save as CSV" in between.
//!
//! The chosen sheet (the first, or `sheet = "…"`) becomes CSV text, one
//! line per sheet row, which [`csv`](super::csv) reads like a contacts
//! CSV: the same columns and checks. That text is what
//! [`Sources`](crate::diag::Sources) keeps for the file, so every span
//! points at a cell, and [`Places`] names the sheet, row and column of
//! each problem in its message. Cells become text here: a phone number
//! stored as a number gets its leading zero back only where that is
//! unambiguous (see [`phone_from_number`]).

use std::collections::BTreeSet;
use std::io::Cursor;
use std::ops::Range;
use std::path::Path;

use calamine::{Data, Reader, SheetType, SheetVisible, Sheets};

use super::phone::{self, Problem};
use crate::diag::{Diagnostic, FileId, Span};

/// The file name endings read as spreadsheets (case ignored).
pub const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// Largest spreadsheet accepted, in bytes (a contacts list is a few
/// kilobytes; the limit keeps a wrong file from filling the memory).
pub const MAX_BYTES: u64 = 10 * 1024 * 1024;

/// The lower-case ending of `path` (`xlsx`).
fn extension(path: &str) -> String {
    Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Whether `path` names a spreadsheet (by its ending).
pub fn is_spreadsheet(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Why no sheet could be read.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetError {
    /// The file is not a spreadsheet calamine reads (with its words).
    Unreadable(String),
    /// The workbook has no sheet with cells in it.
    NoSheets,
    /// `sheet = "…"` names no sheet; the sheets there are.
    NoSuchSheet(Vec<String>),
}

/// A sheet turned into contacts CSV text.
#[derive(Debug)]
pub struct SheetText {
    /// The sheet's name.
    pub sheet: String,
    /// The CSV text: line `n` is the sheet's row `n`.
    pub text: String,
    /// Where each cell is in `text`.
    pub places: Places,
    /// Cells that did not become text as they are (a number in the phone
    /// column, a date, an error value), by index into the places.
    pub problems: Vec<(usize, Problem)>,
}

/// The places of a sheet's cells in its CSV text, to name them in
/// messages: `areas/glasgow.xlsx, sheet "Contacts", row 4, column C
/// (phone)`.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// `areas/glasgow.xlsx, sheet "Contacts"`.
    prefix: String,
    /// Every cell, in text order.
    cells: Vec<Cell>,
    /// Each row's line: its byte range and row number (from 1).
    rows: Vec<(Range<usize>, u32)>,
}

/// One cell's place.
#[derive(Debug, Clone)]
struct Cell {
    /// Its text in the CSV text, without quotes.
    range: Range<usize>,
    /// Row, from 1.
    row: u32,
    /// Column letters (`C`).
    column: String,
    /// The header cell above it (`phone`), trimmed; may be empty.
    header: String,
}

/// Reads the sheet `wanted` (none: the first visible worksheet) of the
/// spreadsheet `bytes`. A file that makes calamine panic is unreadable,
/// not a crash.
pub fn read(bytes: &[u8], shown: &str, wanted: Option<&str>) -> Result<SheetText, SheetError> {
    let open = || -> Result<(String, calamine::Range<Data>), SheetError> {
        let mut book = open(bytes, &extension(shown))?;
        let name = choose(&book, wanted)?;
        let range = book
            .worksheet_range(&name)
            .map_err(|e| SheetError::Unreadable(e.to_string()))?;
        Ok((name, range))
    };
    let (name, range) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(open))
        .unwrap_or_else(|_| Err(SheetError::Unreadable("the file is damaged".to_owned())))?;
    Ok(to_text(shown, name, &range))
}

/// The workbook in `bytes`: in the format its name says (`ext`), else in
/// the one its content shows (a renamed file); the first reader's words
/// if neither reads it.
fn open<'a>(bytes: &'a [u8], ext: &str) -> Result<Sheets<Cursor<&'a [u8]>>, SheetError> {
    let data = Cursor::new(bytes);
    let by_name = match ext {
        "xlsx" | "xlsm" => calamine::Xlsx::new(data)
            .map(Sheets::Xlsx)
            .map_err(|e| e.to_string()),
        "xlsb" => calamine::Xlsb::new(data)
            .map(Sheets::Xlsb)
            .map_err(|e| e.to_string()),
        "xls" => calamine::Xls::new(data)
            .map(Sheets::Xls)
            .map_err(|e| e.to_string()),
        _ => calamine::Ods::new(data)
            .map(Sheets::Ods)
            .map_err(|e| e.to_string()),
    };
    by_name.or_else(|why| {
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| {
            SheetError::Unreadable(format!(
                "it is damaged, or not an Excel (.xlsx, .xls, .xlsb) or LibreOffice (.ods) file ({why})"
            ))
        })
    })
}

/// The name of the sheet to read: `wanted`, or the first visible
/// worksheet (the first sheet if none is visible).
fn choose(book: &Sheets<Cursor<&[u8]>>, wanted: Option<&str>) -> Result<String, SheetError> {
    let names = book.sheet_names();
    if let Some(w) = wanted {
        return names
            .iter()
            .find(|n| n.as_str() == w)
            .cloned()
            .ok_or(SheetError::NoSuchSheet(names));
    }
    let sheets = book.sheets_metadata();
    sheets
        .iter()
        .find(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
        .or(sheets.first())
        .map(|s| s.name.clone())
        .ok_or(SheetError::NoSheets)
}

/// The sheet `range` as CSV text with its places. Rows above the first
/// used row are empty lines (the CSV reader skips them), so line numbers
/// are row numbers.
fn to_text(shown: &str, sheet: String, range: &calamine::Range<Data>) -> SheetText {
    let mut out = SheetText {
        places: Places {
            prefix: format!("{shown}, sheet \"{sheet}\""),
            ..Places::default()
        },
        sheet,
        text: String::new(),
        problems: Vec::new(),
    };
    let Some((top, left)) = range.start() else {
        return out;
    };
    out.text.push_str(&"\n".repeat(top as usize));
    let mut headers: Vec<String> = Vec::new();
    for (i, cells) in range.rows().enumerate() {
        let row = top + i as u32 + 1;
        if i == 0 {
            headers = cells.iter().map(|c| plain(c).trim().to_owned()).collect();
        }
        let start = out.text.len();
        for (j, data) in cells.iter().enumerate() {
            if j > 0 {
                out.text.push(',');
            }
            let header = headers.get(j).cloned().unwrap_or_default();
            let is_phone = i > 0 && super::csv::names_phone(&header);
            let text = cell_text(data, is_phone).unwrap_or_else(|(shown, problem)| {
                out.problems.push((out.places.cells.len(), problem));
                shown
            });
            let range = push_cell(&mut out.text, &text);
            out.places.cells.push(Cell {
                range,
                row,
                column: letters(left + j as u32),
                header,
            });
        }
        out.places.rows.push((start..out.text.len(), row));
        out.text.push('\n');
    }
    out
}

/// Appends one CSV cell (quoted when it must be) and returns the range of
/// its text.
fn push_cell(text: &mut String, cell: &str) -> Range<usize> {
    if cell.contains([',', '"']) {
        text.push('"');
        let start = text.len();
        text.push_str(&cell.replace('"', "\"\""));
        let end = text.len();
        text.push('"');
        start..end
    } else {
        let start = text.len();
        text.push_str(cell);
        start..text.len()
    }
}

/// Spreadsheet column letters for the column index `n` (from 0): A, B,
/// …, Z, AA.
fn letters(n: u32) -> String {
    let mut out = Vec::new();
    let mut n = n + 1;
    while n > 0 {
        n -= 1;
        out.push(char::from(b'A' + (n % 26) as u8));
        n /= 26;
    }
    out.into_iter().rev().collect()
}

/// A cell's text as a header (anything but text is taken as written).
fn plain(data: &Data) -> String {
    match data {
        Data::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The text of a cell; a line break inside it reads as a space. A cell
/// that cannot be text as it is gives what it shows and the problem.
fn cell_text(data: &Data, is_phone: bool) -> Result<String, (String, Problem)> {
    let shown = || plain(data);
    let fail = |p: Problem| (shown(), p);
    match data {
        Data::Empty => Ok(String::new()),
        Data::String(s) => Ok(one_line(s)),
        Data::Int(n) if is_phone => phone_from_number(*n as f64).map_err(fail),
        Data::Float(n) if is_phone => phone_from_number(*n).map_err(fail),
        Data::Int(n) => Ok(n.to_string()),
        Data::Float(n) => Ok(number_text(*n)),
        Data::DateTime(d) if !is_phone && d.is_datetime() => Ok(date_text(d)),
        Data::DateTimeIso(s) if !is_phone => Ok(s.replace('T', " ")),
        Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => Err(fail(problem(
            "the cell holds a date or time, not text",
            "format the column as Text in the spreadsheet and type what should be printed",
        ))),
        Data::Bool(b) => Err(fail(problem(
            format!(
                "the cell holds {}, a true-or-false value, not text",
                if *b { "TRUE" } else { "FALSE" }
            ),
            "type the text to print, or format the cell as Text",
        ))),
        Data::Error(e) => Err(fail(problem(
            format!("the cell shows the error {e}"),
            "fix the formula in the spreadsheet, or type the text to print",
        ))),
    }
}

/// A problem with a message and a hint.
fn problem(message: impl Into<String>, hint: impl Into<String>) -> Problem {
    Problem {
        message: message.into(),
        hint: hint.into(),
    }
}

/// `s` with every line break (and the spaces around it) as one space.
fn one_line(s: &str) -> String {
    if !s.contains(['\n', '\r']) {
        return s.to_owned();
    }
    s.split(['\n', '\r'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A number as a person would type it: whole numbers without `.0`.
fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A date as `2026-03-01`, a time as `09:30`, both as `2026-03-01 09:30`.
fn date_text(d: &calamine::ExcelDateTime) -> String {
    let (y, mo, day, h, mi, _, _) = d.to_ymd_hms_milli();
    let value = d.as_f64();
    if value.fract() == 0.0 {
        format!("{y:04}-{mo:02}-{day:02}")
    } else if value < 1.0 {
        format!("{h:02}:{mi:02}")
    } else {
        format!("{y:04}-{mo:02}-{day:02} {h:02}:{mi:02}")
    }
}

/// The phone number of a cell stored as a number, which lost its leading
/// zero. It is read back only where one reading is a valid UK number:
/// ten digits starting 1–9 that are a valid number with a `0` in front
/// (`1632960461` → `01632 960 461`), or a short number that is valid as
/// it is (`111`, `85258`). Anything else is an error: the cell was stored
/// as a number, so format the column as Text.
pub fn phone_from_number(n: f64) -> Result<String, Problem> {
    let as_text = number_text(n);
    let digits = (n >= 0.0 && n.fract() == 0.0 && n < 1e15).then(|| format!("{}", n as u64));
    let restored = digits.as_deref().and_then(|d| {
        let candidate = if d.len() == 10 {
            phone::group(&format!("0{d}"))
        } else {
            phone::group(d)
        };
        (d.len() <= 6 || d.len() == 10)
            .then_some(candidate)
            .filter(|c| phone::check_phone(c).is_ok())
    });
    restored.ok_or_else(|| {
        problem(
            format!(
                "the phone number is stored as the number {as_text}, so its leading zero (if it had one) is lost"
            ),
            "format the phone column as Text in the spreadsheet (Format Cells → Text) and type the number again as it is dialled, like 01632 960 001",
        )
    })
}

impl SheetText {
    /// The cells that did not become text, as errors in `file` (the
    /// sheet's text in the sources).
    pub fn problem_diagnostics(&self, file: FileId) -> Vec<Diagnostic> {
        self.problems
            .iter()
            .map(|(i, p)| {
                let span = Span::new(file, self.places.cells[*i].range.clone());
                Diagnostic::error(span, p.message.clone()).with_hint(p.hint.clone())
            })
            .collect()
    }
}

impl Places {
    /// The place of `range` in the text: a cell (`…, row 4, column C
    /// (phone)`), else a row, else the sheet.
    /// A message that names its row already (`row 4 has no name`) is not
    /// told the row twice.
    fn describe(&self, range: &Range<usize>, message: &str) -> String {
        let row = |row: u32| {
            if message.starts_with(&format!("row {row} ")) {
                String::new()
            } else {
                format!(", row {row}")
            }
        };
        if let Some(c) = self.cell_of(range) {
            let header = if c.header.is_empty() {
                String::new()
            } else {
                format!(" ({})", c.header)
            };
            return format!("{}{}, column {}{header}", self.prefix, row(c.row), c.column);
        }
        match self.rows.iter().find(|(r, _)| r.contains(&range.start)) {
            Some((_, n)) => format!("{}{}", self.prefix, row(*n)),
            None => self.prefix.clone(),
        }
    }

    /// The index of the cell that holds all of `range`.
    fn cell_index(&self, range: &Range<usize>) -> Option<usize> {
        let i = self.cells.partition_point(|c| c.range.end < range.start);
        let c = self.cells.get(i)?;
        (c.range.start <= range.start && range.end <= c.range.end).then_some(i)
    }

    /// The cell that holds all of `range`.
    fn cell_of(&self, range: &Range<usize>) -> Option<&Cell> {
        self.cell_index(range).map(|i| &self.cells[i])
    }

    /// Names the sheet, row and column in the message of every diagnostic
    /// at a place in `file` (the sheet's text), and keeps only the first
    /// problem of each cell (a phone stored as a number is not also "not a
    /// UK phone number").
    pub fn name(&self, file: FileId, diagnostics: &mut Vec<Diagnostic>) {
        let mut seen = BTreeSet::new();
        diagnostics.retain_mut(|d| {
            let Some(span) = d.span.as_ref().filter(|s| s.file == file) else {
                return true;
            };
            if let Some(i) = self.cell_index(&span.range)
                && !seen.insert(i)
            {
                return false;
            }
            let place = self.describe(&span.range, &d.message);
            d.message = format!("{place}: {}", d.message);
            true
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_the_phone_column_get_their_zero_back_only_when_unambiguous() {
        assert_eq!(
            phone_from_number(1632960461.0).as_deref(),
            Ok("01632 960 461")
        );
        assert_eq!(
            phone_from_number(7700900461.0).as_deref(),
            Ok("07700 900 461")
        );
        assert_eq!(phone_from_number(85258.0).as_deref(), Ok("85258"));
        assert_eq!(phone_from_number(111.0).as_deref(), Ok("111"));
        for bad in [
            800838587.0,
            9632960461.0,
            44163296046.0,
            1632960461.5,
            1.6e20,
            -111.0,
        ] {
            let e = phone_from_number(bad).expect_err("ambiguous");
            assert!(e.message.contains("stored as the number"), "{e:?}");
            assert!(e.hint.contains("as Text"), "{e:?}");
        }
    }

    #[test]
    fn cells_become_text() {
        assert_eq!(cell_text(&Data::Float(24.0), false), Ok("24".to_owned()));
        assert_eq!(cell_text(&Data::Float(2.5), false), Ok("2.5".to_owned()));
        assert_eq!(
            cell_text(&Data::String("Mon–Fri\n 9am–5pm".into()), false),
            Ok("Mon–Fri 9am–5pm".to_owned())
        );
        assert!(cell_text(&Data::Bool(true), false).is_err());
        assert!(cell_text(&Data::Error(calamine::CellErrorType::Ref), false).is_err());
        let time =
            calamine::ExcelDateTime::new(0.375, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(
            cell_text(&Data::DateTime(time), false),
            Ok("09:00".to_owned())
        );
        assert!(cell_text(&Data::DateTime(time), true).is_err());
        assert_eq!(letters(0), "A");
        assert_eq!(letters(26), "AA");
    }

    #[test]
    fn garbage_is_unreadable_not_a_panic() {
        for bytes in [&b""[..], b"not a spreadsheet", b"PK\x03\x04garbage"] {
            assert!(matches!(
                read(bytes, "a.xlsx", None),
                Err(SheetError::Unreadable(_))
            ));
        }
    }
}
