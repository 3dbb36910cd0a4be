//! Contacts kept in a spreadsheet (`contacts = "testshire.xlsx"` or
//! `.ods`): read directly, the same columns and checks as a CSV, phone
//! numbers kept as text, and every problem naming the file, sheet, row
//! and column. The spreadsheets are made by the tests (`common/sheets.rs`).

mod common;
#[path = "common/sheets.rs"]
mod sheets;

use common::{TempProject, build, contact_fields as fields, run};
use sheets::{Cell, Sheet, ods, rows, t, xlsx};
use wellprint::diag::Sources;
use wellprint::inspect::inspect;
use wellprint::model::Variant;

/// The area, with its contacts in `file` (and `extra` keys).
fn area(file: &str, extra: &str) -> String {
    format!(
        "id = \"testshire\"\nname = \"Testshire\"\nnation = \"england\"\ncontacts = \"{file}\"\n{extra}"
    )
}

/// The contacts, as CSV text and as sheet rows (`|` between cells).
const CSV: &str = "name,phone,hours,web,email,description,lang,tags
Test Recovery College,01632 960 901,Mon–Fri 9am–5pm,example.org/college,,,,card
\"Grŵp Cymorth, Tŷ Test\",07700 900 902,\"Mon, Wed 6pm–8pm\",,grwp@example.org,\"Peer support, \"\"drop in\"\"\",cy,card;advocacy
";

fn contact_rows() -> Vec<Vec<Cell>> {
    rows(&[
        "name|phone|hours|web|email|description|lang|tags",
        "Test Recovery College|01632 960 901|Mon–Fri 9am–5pm|example.org/college||||card",
        "Grŵp Cymorth, Tŷ Test|07700 900 902|Mon, Wed 6pm–8pm||grwp@example.org|Peer support, \"drop in\"|cy|card;advocacy",
    ])
}

fn sheet(name: &str, rows: Vec<Vec<Cell>>) -> Sheet {
    (name.to_owned(), rows)
}

/// A project whose area keeps its contacts in `file` with `bytes`.
fn project(file: &str, bytes: &[u8], extra: &str) -> TempProject {
    let p = TempProject::new();
    p.write("areas/testshire.toml", &area(file, extra));
    std::fs::write(p.path().join("areas").join(file), bytes).expect("write");
    p
}

/// The errors of a project that must not load, as plain text.
fn errors(file: &str, bytes: &[u8], extra: &str) -> String {
    project(file, bytes, extra).load().expect_err("must fail")
}

fn assert_has(text: &str, needles: &[&str]) {
    for n in needles {
        assert!(text.contains(n), "expected `{n}` in:\n{text}");
    }
}

#[test]
fn xlsx_and_ods_read_like_the_csv_and_print_the_same() {
    let csv = TempProject::new();
    csv.write("areas/testshire.toml", &area("testshire.csv", ""));
    csv.write("areas/testshire.csv", CSV);
    let (cs, cp) = csv.load().expect("the CSV loads");
    let sheets = [sheet("Contacts", contact_rows())];
    for (file, bytes) in [
        ("testshire.xlsx", xlsx(&sheets)),
        ("testshire.ods", ods(&sheets)),
    ] {
        let (ss, sp) = project(file, &bytes, "")
            .load()
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(fields(&sp), fields(&cp), "{file}");
        // Spans point at the cell: line 3 is row 3.
        let email = sp.areas[0].contacts[1].email.as_ref().expect("email");
        assert!(
            ss.locate(&email.span)
                .starts_with(&format!("areas/{file}:3:")),
            "{}",
            ss.locate(&email.span)
        );
        for resource in ["chime-wallet-card", "wellbeing-leaflet"] {
            let a = build(&cs, &cp, resource, Variant::Standard, "testshire").expect("CSV builds");
            let b = build(&ss, &sp, resource, Variant::Standard, "testshire").expect("builds");
            let text = inspect(&b.bytes).expect("parses").text();
            assert!(text.contains("Grŵp Cymorth, Tŷ Test"), "{text}");
            assert_eq!(inspect(&a.bytes).expect("parses").text(), text, "{file}");
        }
    }
}

#[test]
fn the_first_sheet_is_read_unless_sheet_names_another() {
    let mut other = contact_rows();
    other.truncate(2);
    other[1][0] = t("Only On The Notes Sheet");
    let book = xlsx(&[sheet("Notes", other), sheet("Contacts", contact_rows())]);
    let (_, first) = project("testshire.xlsx", &book, "").load().expect("loads");
    assert_eq!(fields(&first).len(), 1);
    assert_eq!(fields(&first)[0][0], "Only On The Notes Sheet");
    let (_, chosen) = project("testshire.xlsx", &book, "sheet = \"Contacts\"\n")
        .load()
        .expect("loads");
    assert_eq!(fields(&chosen).len(), 2);
    assert_eq!(fields(&chosen)[0][0], "Test Recovery College");
}

#[test]
fn a_missing_sheet_is_an_error_that_lists_the_sheets() {
    let book = xlsx(&[
        sheet("Notes", rows(&["x"])),
        sheet("Contacts", contact_rows()),
    ]);
    let p = project("testshire.xlsx", &book, "sheet = \"Contcts\"\n");
    let text = p.load().expect_err("must fail");
    assert_has(
        &text,
        &[
            "areas/testshire.toml:5:9: error: the spreadsheet `areas/testshire.xlsx` has no sheet called \"Contcts\"",
            "hint: did you mean \"Contacts\"?",
            "hint: its sheets are: \"Notes\", \"Contacts\"",
        ],
    );
    let out = run(p.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

#[test]
fn a_phone_stored_as_a_number_gets_its_zero_back_when_unambiguous() {
    let mut rows = contact_rows();
    rows[1][1] = Cell::Number(1632960461.0);
    rows[2][1] = Cell::Number(7700900902.0);
    for (file, bytes) in [
        ("testshire.xlsx", xlsx(&[sheet("Contacts", rows.clone())])),
        ("testshire.ods", ods(&[sheet("Contacts", rows.clone())])),
    ] {
        let (_, p) = project(file, &bytes, "")
            .load()
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        let phones: Vec<String> = fields(&p).into_iter().map(|f| f[1].clone()).collect();
        assert_eq!(phones, ["01632 960 461", "07700 900 902"], "{file}");
    }
}

#[test]
fn an_ambiguous_number_in_the_phone_column_names_sheet_row_and_column() {
    let mut rows = contact_rows();
    rows[2][1] = Cell::Number(800838587.0); // 0800 83 85 87 without its zero
    let text = errors("testshire.xlsx", &xlsx(&[sheet("Contacts", rows)]), "");
    assert_has(
        &text,
        &[
            "error: areas/testshire.xlsx, sheet \"Contacts\", row 3, column B (phone): the phone number is stored as the number 800838587",
            "hint: format the phone column as Text in the spreadsheet",
        ],
    );
    assert!(
        !text.contains("not a UK phone number"),
        "one error per cell:\n{text}"
    );
    assert_eq!(text.matches("error:").count(), 1, "{text}");
}

#[test]
fn problems_in_cells_name_the_sheet_row_and_column() {
    let mut rows = contact_rows();
    rows[1][1] = t("(01632) 960 901");
    rows[2][7] = Cell::Bool(true);
    let text = errors("testshire.ods", &ods(&[sheet("Kontakte", rows)]), "");
    assert_has(
        &text,
        &[
            "areas/testshire.ods:2:",
            "error: areas/testshire.ods, sheet \"Kontakte\", row 2, column B (phone): the phone number `(01632) 960 901` has brackets",
            "error: areas/testshire.ods, sheet \"Kontakte\", row 3, column H (tags): the cell holds TRUE, a true-or-false value, not text",
        ],
    );
}

#[test]
fn a_missing_required_column_or_name_is_an_error() {
    let no_phone = rows(&["name|hours", "A Group|Mon"]);
    let text = errors("testshire.xlsx", &xlsx(&[sheet("Contacts", no_phone)]), "");
    assert_has(
        &text,
        &[
            "error: areas/testshire.xlsx, sheet \"Contacts\", row 1: the header row has no `phone` column",
        ],
    );
    let no_name = rows(&["name|phone", "A Group|01632 960 001", "|01632 960 002"]);
    let text = errors("testshire.xlsx", &xlsx(&[sheet("Contacts", no_name)]), "");
    assert_has(
        &text,
        &["error: areas/testshire.xlsx, sheet \"Contacts\", column A (name): row 3 has no name"],
    );
}

#[test]
fn a_damaged_file_is_an_error_not_a_panic() {
    let good = xlsx(&[sheet("Contacts", contact_rows())]);
    for (what, bytes) in [
        ("text", b"name,phone\nA,01632 960 001\n".to_vec()),
        ("cut short", good[..good.len() / 2].to_vec()),
        ("empty", Vec::new()),
    ] {
        let text = errors("testshire.xlsx", &bytes, "");
        assert_has(
            &text,
            &["error: cannot read the spreadsheet `areas/testshire.xlsx`"],
        );
        assert!(
            text.contains("hint: open it in Excel or LibreOffice"),
            "{what}: {text}"
        );
    }
}

#[test]
fn sheet_without_a_spreadsheet_is_an_error() {
    let p = TempProject::new();
    p.write(
        "areas/testshire.toml",
        &area("testshire.csv", "sheet = \"Contacts\"\n"),
    );
    p.write("areas/testshire.csv", CSV);
    let text = p.load().expect_err("must fail");
    assert_has(
        &text,
        &[
            "areas/testshire.toml:5:9: error: `sheet` picks a sheet of a spreadsheet, but `contacts` is `testshire.csv`, which is not one",
        ],
    );
}

#[test]
fn a_spreadsheet_loads_from_memory() {
    let p = project(
        "testshire.xlsx",
        &xlsx(&[sheet("Contacts", contact_rows())]),
        "",
    );
    let mut memory = wellprint::files::Memory::new();
    for (path, bytes) in common::file_contents(p.path()) {
        memory.insert(path, bytes);
    }
    let mut sources = Sources::new();
    let project = wellprint::load(&memory, &mut sources)
        .unwrap_or_else(|e| panic!("{}", common::render(&sources, &e)));
    assert_eq!(fields(&project)[1][0], "Grŵp Cymorth, Tŷ Test");
}

#[test]
fn a_table_lower_down_and_to_the_right_keeps_its_row_and_column_names() {
    let shifted: Vec<Vec<Cell>> = [vec![], vec![]]
        .into_iter()
        .chain(contact_rows().into_iter().map(|row| {
            let mut r = vec![Cell::Empty];
            r.extend(row);
            r
        }))
        .collect();
    let (_, p) = project(
        "testshire.xlsx",
        &xlsx(&[sheet("Contacts", shifted.clone())]),
        "",
    )
    .load()
    .expect("a table below two empty rows loads");
    assert_eq!(fields(&p).len(), 2);
    let mut bad = shifted;
    bad[4][2] = t("12");
    let text = errors("testshire.xlsx", &xlsx(&[sheet("Contacts", bad)]), "");
    assert_has(
        &text,
        &[
            "areas/testshire.xlsx:5:",
            "error: areas/testshire.xlsx, sheet \"Contacts\", row 5, column C (phone): `12` is not a UK phone number",
        ],
    );
}

#[test]
fn damaged_bytes_anywhere_give_an_error_or_contacts_never_a_panic() {
    let good = xlsx(&[sheet("Contacts", contact_rows())]);
    let files = common::file_contents(project("testshire.xlsx", &good, "").path());
    for i in (0..good.len()).step_by(good.len() / 150 + 1) {
        let mut bad = good.clone();
        bad[i] ^= 0x5a;
        let mut memory = wellprint::files::Memory::new();
        for (path, bytes) in &files {
            memory.insert(path, bytes.clone());
        }
        memory.insert("areas/testshire.xlsx", bad);
        let mut sources = Sources::new();
        // Loads or fails with diagnostics; a panic fails the test.
        let _ = wellprint::load(&memory, &mut sources);
    }
}
