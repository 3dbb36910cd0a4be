//! Spreadsheets made in the tests, so no binary fixture is committed:
//! `.xlsx` with `rust_xlsxwriter`, `.ods` written by hand (a ZIP of a
//! `mimetype` and a `content.xml`). Included with
//! `#[path = "common/sheets.rs"] mod sheets;` by the tests that need it.

#![allow(dead_code)]

use std::io::Write;

/// One cell as a spreadsheet program stores it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A number (what Excel makes of `01632 960461` typed into a
    /// General cell, without its zero).
    Number(f64),
    /// TRUE or FALSE.
    Bool(bool),
    /// Nothing.
    Empty,
}

/// A text cell.
pub fn t(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_owned())
    }
}

/// Rows of text cells, from CSV-like lines (cells separated by `|`).
pub fn rows(lines: &[&str]) -> Vec<Vec<Cell>> {
    lines
        .iter()
        .map(|l| l.split('|').map(t).collect())
        .collect()
}

/// A sheet: its name and rows.
pub type Sheet = (String, Vec<Vec<Cell>>);

/// An `.xlsx` workbook with `sheets`, in order.
pub fn xlsx(sheets: &[Sheet]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(name).expect("sheet name");
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    Cell::Text(s) => sheet.write_string(r, c, s).map(|_| ()),
                    Cell::Number(n) => sheet.write_number(r, c, *n).map(|_| ()),
                    Cell::Bool(b) => sheet.write_boolean(r, c, *b).map(|_| ()),
                    Cell::Empty => Ok(()),
                }
                .expect("write cell");
            }
        }
    }
    book.save_to_buffer().expect("xlsx bytes")
}

/// An `.ods` spreadsheet with `sheets`, in order.
pub fn ods(sheets: &[Sheet]) -> Vec<u8> {
    let mut content = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>"#,
    );
    for (name, rows) in sheets {
        content.push_str(&format!(r#"<table:table table:name="{}">"#, xml(name)));
        for row in rows {
            content.push_str("<table:table-row>");
            for cell in row {
                content.push_str(&ods_cell(cell));
            }
            content.push_str("</table:table-row>");
        }
        content.push_str("</table:table>");
    }
    content.push_str("</office:spreadsheet></office:body></office:document-content>");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", MANIFEST),
        ("content.xml", content.as_str()),
    ] {
        zip.start_file(name, stored).expect("zip entry");
        zip.write_all(bytes.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

/// The package's list of files.
const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

/// One `table:table-cell`.
fn ods_cell(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => format!(
            r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
            xml(s)
        ),
        Cell::Number(n) => format!(
            r#"<table:table-cell office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell>"#
        ),
        Cell::Bool(b) => format!(
            r#"<table:table-cell office:value-type="boolean" office:boolean-value="{b}"><text:p>{b}</text:p></table:table-cell>"#
        ),
        Cell::Empty => "<table:table-cell/>".to_owned(),
    }
}

/// `s` escaped for XML text and attributes.
fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
