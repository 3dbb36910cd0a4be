//! Each Easy Read rule against a small TOML fixture that breaks it (the
//! checker reports exactly that rule, at the right line and column) and one
//! that keeps it (no findings).
//!
//! The fixtures are parsed with `toml::Spanned`, as the model does, so spans
//! are real. Rules that need layout are driven with the fixture's values
//! through the plain checking functions.

use std::collections::BTreeSet;

use serde::Deserialize;
use toml::Spanned;
use wellprint::check::{
    self, Finding, Policy, Report, Rule, Waiver, block_span, check_contrast, check_font_size,
    check_picture_alt, check_row_picture, check_text_in,
};
use wellprint::colour::Colour;
use wellprint::diag::{Severity, Sources, Span};
use wellprint::model::Located;

/// A tiny stand-in for an Easy Read document: rows of text with the values
/// the layout rules look at.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    #[serde(default)]
    row: Vec<Spanned<Row>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Row {
    text: Spanned<String>,
    size: Option<Spanned<f64>>,
    bold: Option<bool>,
    colour: Option<Spanned<String>>,
    background: Option<String>,
    picture: Option<Spanned<String>>,
    alt: Option<Spanned<String>>,
    waive: Option<WaiveDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WaiveDef {
    rule: Spanned<String>,
    reason: Spanned<String>,
}

/// Checks a fixture the way the build will: text rules per row in reading
/// order, then the structure and layout rules, then waivers.
fn run(src: &str) -> (Sources, Report) {
    let mut sources = Sources::new();
    let file = sources.add("fixture.toml", src.to_owned());
    let doc: Doc = toml::from_str(src).expect("fixture parses");
    let policy = Policy::default();
    let mut explained = BTreeSet::new();
    let mut findings: Vec<Finding> = Vec::new();
    let mut waivers = Vec::new();
    for spanned in doc.row {
        // toml spans an `[[row]]` entry by its header only; widen it to
        // the row's keys, as the model must for waivers.
        let block = block_span(&sources, &Span::new(file, spanned.span()));
        let row = spanned.into_inner();
        let text = Located::from_spanned(file, row.text);
        findings.extend(check_text_in(&sources, &text, &policy, &mut explained));
        let at = |s: std::ops::Range<usize>| Span::new(file, s);
        let size = row.size.as_ref().map_or(16.0, |s| *s.get_ref());
        if let Some(s) = &row.size {
            findings.extend(check_font_size(size, &at(s.span()), &policy));
        }
        if let Some(c) = &row.colour {
            let fg: Colour = c.get_ref().parse().expect("colour");
            let bg: Colour = row
                .background
                .as_deref()
                .unwrap_or("#FFFFFF")
                .parse()
                .expect("colour");
            findings.extend(check_contrast(
                fg,
                bg,
                size,
                row.bold.unwrap_or(false),
                &at(c.span()),
                &policy,
            ));
        }
        findings.extend(check_row_picture(row.picture.is_some(), "this row", &block));
        if let Some(p) = &row.picture {
            findings.extend(check_picture_alt(
                row.alt.as_ref().map(|a| a.get_ref().as_str()),
                &at(p.span()),
            ));
        }
        if let Some(w) = row.waive {
            let rule = Located::from_spanned(file, w.rule);
            let reason = Located::from_spanned(file, w.reason);
            waivers.push(Waiver::parse(&rule, &reason, block.clone()).expect("waiver"));
        }
    }
    (sources, Report::new(findings, &waivers))
}

/// Asserts that `src` yields exactly one finding, of `rule`, at `line:column`.
#[track_caller]
fn breaks(rule: Rule, line: usize, column: usize, src: &str) {
    let (sources, report) = run(src);
    let got: Vec<(Rule, usize, usize)> = report
        .findings
        .iter()
        .map(|f| {
            let lc = sources.line_col(&f.span);
            (f.rule, lc.line, lc.column)
        })
        .collect();
    assert_eq!(got, [(rule, line, column)], "{:#?}", report.findings);
    assert_eq!(report.findings[0].severity, rule.severity());
    assert!(!report.findings[0].hint.is_empty());
}

/// Asserts that `src` yields no finding at all.
#[track_caller]
fn keeps(src: &str) {
    let (_, report) = run(src);
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
}

const PICTURE: &str = "picture = \"phone\"\nalt = \"A phone\"\n";

fn row(text_line: &str) -> String {
    format!("[[row]]\n{PICTURE}{text_line}\n")
}

#[test]
fn sentence_too_long() {
    // Line 4 is the text; the second sentence starts at column 16.
    breaks(
        Rule::SentenceTooLong,
        4,
        16,
        &row(
            r#"text = "Hello. You can talk to a member of staff on the ward about your plan for going home soon.""#,
        ),
    );
    keeps(&row(
        r#"text = "Hello. You can talk to staff about your plan for going home.""#,
    ));
}

#[test]
fn too_many_sentences() {
    // The sixth sentence, "Meet us.", starts at column 61.
    breaks(
        Rule::TooManySentences,
        4,
        61,
        &row(r#"text = "Talk to us. Call us. Visit us. Write to us. Ask us. Meet us.""#),
    );
    keeps(&row(
        r#"text = "Talk to us. Call us. Visit us. Write to us. Ask us.""#,
    ));
}

#[test]
fn font_too_small() {
    breaks(
        Rule::FontTooSmall,
        5,
        8,
        &row("text = \"You can talk to us.\"\nsize = 12.0"),
    );
    keeps(&row("text = \"You can talk to us.\"\nsize = 14.0"));
}

#[test]
fn italic_underline_caps() {
    breaks(
        Rule::ItalicUnderlineCaps,
        4,
        16,
        &row(r#"text = "Please DO NOT wait.""#),
    );
    breaks(
        Rule::ItalicUnderlineCaps,
        4,
        16,
        &row(r#"text = "Please _do_ call us.""#),
    );
    breaks(
        Rule::ItalicUnderlineCaps,
        4,
        16,
        &row(r#"text = "Please *do* call us.""#),
    );
    keeps(&row(r#"text = "Please **do** call us.""#));
}

#[test]
fn low_contrast() {
    // #777777 on white is 4.48:1, under 4.5:1 for 16 pt text.
    breaks(
        Rule::LowContrast,
        5,
        10,
        &row("text = \"You can talk to us.\"\ncolour = \"#777777\""),
    );
    // #767676 on white is 4.54:1.
    keeps(&row("text = \"You can talk to us.\"\ncolour = \"#767676\""));
}

#[test]
fn row_without_picture() {
    let (sources, report) = run("[[row]]\ntext = \"You can talk to us.\"\n");
    let got: Vec<Rule> = report.findings.iter().map(|f| f.rule).collect();
    assert_eq!(got, [Rule::RowWithoutPicture]);
    // The finding points into the row (toml's span of an array-of-tables entry).
    let line = sources.line_col(&report.findings[0].span).line;
    assert!((1..=2).contains(&line), "line {line}");
    keeps(&row(r#"text = "You can talk to us.""#));
}

#[test]
fn picture_without_alt() {
    breaks(
        Rule::PictureWithoutAlt,
        2,
        11,
        "[[row]]\npicture = \"phone\"\ntext = \"You can talk to us.\"\n",
    );
    breaks(
        Rule::PictureWithoutAlt,
        2,
        11,
        "[[row]]\npicture = \"phone\"\nalt = \"phone.svg\"\ntext = \"You can talk to us.\"\n",
    );
    keeps(&row(r#"text = "You can talk to us.""#));
}

#[test]
fn unexplained_acronym() {
    breaks(
        Rule::UnexplainedAcronym,
        4,
        21,
        &row(r#"text = "You can ask PALS for help.""#),
    );
    keeps(&row(
        r#"text = "You can ask PALS (the people who help with problems) for help.""#,
    ));
}

#[test]
fn acronyms_explained_in_an_earlier_row_are_fine_later() {
    let src = format!(
        "{}{}",
        row(r#"text = "The Patient Advice and Liaison Service (PALS) can help.""#),
        row(r#"text = "You can ask PALS for help. The NHS is here for you.""#)
    );
    keeps(&src);
    // The other way round: the first use is reported, on line 4.
    let src = format!(
        "{}{}",
        row(r#"text = "You can ask PALS for help.""#),
        row(r#"text = "The Patient Advice and Liaison Service (PALS) can help.""#)
    );
    breaks(Rule::UnexplainedAcronym, 4, 21, &src);
}

#[test]
fn phone_brackets() {
    breaks(
        Rule::PhoneBrackets,
        4,
        20,
        &row(r#"text = "Call us on (01632) 960 001.""#),
    );
    keeps(&row(r#"text = "Call us on 01632 960 001.""#));
}

#[test]
fn readability_low() {
    breaks(
        Rule::ReadabilityLow,
        4,
        9,
        &row(
            r#"text = "Multidisciplinary teams facilitate individualised rehabilitation and therapeutic opportunities for patients.""#,
        ),
    );
    keeps(&row(
        r#"text = "You can talk to us about how you feel. We will listen to you.""#,
    ));
}

#[test]
fn contractions() {
    breaks(
        Rule::Contractions,
        4,
        13,
        &row(r#"text = "You don't need to wait.""#),
    );
    keeps(&row(r#"text = "You do not need to wait.""#));
}

#[test]
fn abbreviations() {
    breaks(
        Rule::Abbreviations,
        4,
        32,
        &row(r#"text = "Bring something to do, e.g. a book.""#),
    );
    keeps(&row(r#"text = "Bring something to do. A book is good.""#));
}

#[test]
fn numbers_as_words() {
    breaks(
        Rule::NumbersAsWords,
        4,
        22,
        &row(r#"text = "You can have two visitors.""#),
    );
    keeps(&row(
        r#"text = "You can have 2 visitors. No one will mind.""#,
    ));
}

#[test]
fn multi_line_strings_report_the_right_line() {
    let src = format!(
        "[[row]]\n{PICTURE}text = \"\"\"\nYou can talk to us.\nYou can ask PALS.\n\"\"\"\n"
    );
    breaks(Rule::UnexplainedAcronym, 6, 13, &src);
    let src =
        format!("[[row]]\n{PICTURE}text = '''\nYou can talk to us.\nPlease DO NOT wait.'''\n");
    breaks(Rule::ItalicUnderlineCaps, 6, 8, &src);
}

#[test]
fn escapes_do_not_shift_columns() {
    // `\"` is two bytes in the file and one in the value.
    breaks(
        Rule::UnexplainedAcronym,
        4,
        24,
        &row(r#"text = "\"Hello.\" Ask PALS for help.""#),
    );
}

#[test]
fn a_waiver_covers_one_rule_in_one_block() {
    let src = format!(
        "[[row]]\n{PICTURE}text = \"You can ask PALS for help.\"\nwaive = {{ rule = \"unexplained-acronym\", reason = \"Everyone on the ward knows PALS.\" }}\n\
         [[row]]\n{PICTURE}text = \"You can ask ICB staff.\"\n"
    );
    let (sources, report) = run(&src);
    assert_eq!(report.waived.len(), 1);
    assert_eq!(report.waived[0].0.rule, Rule::UnexplainedAcronym);
    assert_eq!(
        report.waived[0].1.reason,
        "Everyone on the ward knows PALS."
    );
    // The second row is not covered.
    assert_eq!(report.findings.len(), 1);
    assert_eq!(sources.line_col(&report.findings[0].span).line, 9);
    let json: serde_json::Value = serde_json::from_str(&report.to_json(&sources)).expect("JSON");
    assert_eq!(
        json["waived"][0]["reason"], "Everyone on the ward knows PALS.",
        "{json}"
    );
    let f = &json["findings"][0];
    assert_eq!(
        (
            &f["rule"],
            &f["severity"],
            &f["file"],
            &f["line"],
            &f["column"]
        ),
        (
            &"unexplained-acronym".into(),
            &"error".into(),
            &"fixture.toml".into(),
            &9.into(),
            &21.into()
        ),
        "{json}"
    );
}

#[test]
fn the_json_report_lists_every_finding() {
    let (sources, report) = run(&row(r#"text = "You can't call (01632) 960 001.""#));
    assert_eq!(report.errors(), 2);
    assert!(report.has_errors());
    let json: serde_json::Value = serde_json::from_str(&report.to_json(&sources)).expect("JSON");
    assert_eq!((&json["errors"], &json["warnings"]), (&2.into(), &0.into()));
    assert_eq!(json["findings"][0]["rule"], "contractions");
    assert_eq!(json["findings"][1]["rule"], "phone-brackets");
    let diags = report.diagnostics();
    assert!(diags[0].message.starts_with("[contractions] "));
    assert_eq!(diags[0].severity, Severity::Error);
}

#[test]
fn a_good_easy_read_row_has_no_findings() {
    keeps(&row(
        r#"text = "**Hope** means you believe things can get better. You can talk to someone about how you feel. Call 01632 960 001.""#,
    ));
    assert_eq!(
        check::Rule::from_id("phone-brackets"),
        Some(Rule::PhoneBrackets)
    );
}
