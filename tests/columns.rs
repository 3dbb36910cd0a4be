//! Contacts in two columns: when every contact fits half the width on as
//! many lines (`columns` left out), or when the block asks (`columns = 2`);
//! filled down the first column, then the second, which is the order a
//! screen reader reads them in.

mod common;

use wellprint::layout::FrameItem;
use wellprint::model::Variant;

/// An area with `n` advocacy contacts, short enough for half the poster.
fn area(n: usize) -> String {
    let mut s = String::from(
        "id = \"testshire\"\nname = \"Testshire\"\nnation = \"england\"\n\n\
         [[contact]]\nname = \"Testshire Recovery College\"\nphone = \"01632 960 001\"\ntags = [\"card\"]\n",
    );
    for i in 0..n {
        s.push_str(&format!(
            "\n[[contact]]\nname = \"Advocacy {i}\"\nphone = \"01632 960 1{i:02}\"\nhours = \"Mon–Fri\"\ntags = [\"advocacy\"]\n"
        ));
    }
    s
}

/// The left edge (mm) and text of every line that names an advocacy
/// contact, in the order the page paints (and tags) them.
fn advocacy_lines(project: &common::TempProject, variant: Variant) -> Vec<(f64, f64, String)> {
    let (sources, loaded) = project.load().expect("loads");
    let built = common::build(&sources, &loaded, "tips-poster", variant, "testshire")
        .expect("the poster builds");
    let mut out = Vec::new();
    built.frames.last().expect("a page").visit(&mut |at, item| {
        if let FrameItem::Text(t) = item
            && t.text().starts_with("Advocacy")
        {
            out.push((at.x.to_mm(), at.y.to_mm(), t.text()));
        }
    });
    out
}

#[test]
fn short_contacts_on_a_wide_block_take_two_columns_in_reading_order() {
    let project = common::TempProject::new();
    project.write("areas/testshire.toml", &area(4));
    let lines = advocacy_lines(&project, Variant::LargePrint);
    assert_eq!(lines.len(), 4, "{lines:?}");
    let xs: Vec<f64> = lines.iter().map(|l| l.0).collect();
    let left = xs.iter().cloned().fold(f64::MAX, f64::min);
    let right: Vec<&(f64, f64, String)> = lines.iter().filter(|l| l.0 > left + 50.0).collect();
    assert_eq!(
        right.len(),
        2,
        "two of four in the second column: {lines:?}"
    );
    // Reading order: the first column top to bottom, then the second.
    let names: Vec<&str> = lines.iter().map(|l| l.2.as_str()).collect();
    assert_eq!(
        names,
        ["Advocacy 0", "Advocacy 1", "Advocacy 2", "Advocacy 3"]
    );
    assert!(
        lines[2].0 > left + 50.0 && lines[2].1 < lines[1].1,
        "{lines:?}"
    );
}

#[test]
fn a_second_advocacy_contact_fits_the_poster_beside_the_first() {
    // One column made the A3 poster 3.1 mm too tall.
    let project = common::TempProject::new();
    project.write("areas/testshire.toml", &area(2));
    let lines = advocacy_lines(&project, Variant::Standard);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        (lines[0].1 - lines[1].1).abs() < 0.01,
        "side by side: {lines:?}"
    );
    assert!(lines[1].0 > lines[0].0 + 50.0, "{lines:?}");
}

#[test]
fn columns_1_keeps_one_column() {
    let project = common::TempProject::new();
    project.write("areas/testshire.toml", &area(4));
    let path = project.path().join("resources/tips-poster.toml");
    let text = std::fs::read_to_string(&path).expect("poster");
    let tagged = "tags = [\"advocacy\"]";
    assert!(text.contains(tagged));
    std::fs::write(
        &path,
        text.replacen(tagged, &format!("{tagged}\ncolumns = 1"), 1),
    )
    .expect("write");
    let lines = advocacy_lines(&project, Variant::LargePrint);
    assert_eq!(lines.len(), 4, "{lines:?}");
    let x0 = lines[0].0;
    assert!(lines.iter().all(|l| (l.0 - x0).abs() < 0.01), "{lines:?}");
}

#[test]
fn contacts_take_1_or_2_columns() {
    let project = common::TempProject::new().with_area("medway");
    let path = project.path().join("resources/tips-poster.toml");
    let text = std::fs::read_to_string(&path).expect("poster");
    let tagged = "tags = [\"advocacy\"]";
    std::fs::write(
        &path,
        text.replacen(tagged, &format!("{tagged}\ncolumns = 3"), 1),
    )
    .expect("write");
    let errors = project.load().expect_err("columns = 3 is refused");
    assert!(
        errors.contains("`columns` must be 1 or 2 for contacts"),
        "{errors}"
    );
    assert!(errors.contains("tips-poster.toml"), "{errors}");
}

/// The poster with its advocacy contacts asked for in two columns.
fn two_column_poster(project: &common::TempProject) {
    let path = project.path().join("resources/tips-poster.toml");
    let text = std::fs::read_to_string(&path).expect("poster");
    let from = "tags = [\"advocacy\"]\nfields = [\"phone\", \"hours\"]\n\n";
    assert!(text.contains(from), "the poster's advocacy block");
    let text = text.replacen(
        from,
        "tags = [\"advocacy\"]\nfields = [\"phone\", \"hours\"]\ncolumns = 2\n\n",
        1,
    );
    std::fs::write(path, text).expect("write");
}

#[test]
fn details_that_would_wrap_in_a_narrow_column_take_a_line_each() {
    const HOURS: &str = "Mon–Fri 9am–5pm, Sat 10am–2pm";
    let project = common::TempProject::new();
    let mut area = area(0);
    for i in 0..2 {
        area.push_str(&format!(
            "\n[[contact]]\nname = \"Advocacy {i}\"\nphone = \"01632 960 1{i:02}\"\nhours = \"{HOURS}\"\ntags = [\"advocacy\"]\n"
        ));
    }
    project.write("areas/testshire.toml", &area);
    two_column_poster(&project);
    let (sources, loaded) = project.load().expect("loads");
    let built = common::build(
        &sources,
        &loaded,
        "tips-poster",
        Variant::Standard,
        "testshire",
    )
    .expect("the poster builds");
    let mut lines = Vec::new();
    built.frames.last().expect("a page").visit(&mut |at, item| {
        if let FrameItem::Text(t) = item {
            lines.push((at.x.to_mm(), at.y.to_mm(), t.text()));
        }
    });
    for i in 0..2 {
        let phone = format!("01632 960 1{i:02}");
        // The phone number is a line of its own, and the hours the next.
        let at = lines
            .iter()
            .position(|l| l.2.trim() == phone)
            .unwrap_or_else(|| panic!("{phone} on a line of its own: {lines:?}"));
        assert_eq!(lines[at + 1].2.trim(), HOURS, "{lines:?}");
    }
    // The two contacts stand side by side.
    let name = |n: &str| {
        lines
            .iter()
            .find(|l| l.2.starts_with(n))
            .expect("name")
            .clone()
    };
    let (a, b) = (name("Advocacy 0"), name("Advocacy 1"));
    assert!((a.1 - b.1).abs() < 0.01 && b.0 > a.0 + 50.0, "{a:?} {b:?}");
}
