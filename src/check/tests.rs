//! Unit tests of the checker's parts: splitting, syllables, Flesch, rules on
//! plain strings, span mapping, waivers, JSON, and a no-panic sweep.

use std::collections::BTreeSet;

use super::*;
use crate::colour::Colour;
use crate::diag::{FileId, Sources};

/// The rules `text` breaks; readability is left out unless `score` (the
/// formula misjudges short test sentences full of long names).
fn rules_scored(text: &str, score: bool) -> Vec<Rule> {
    let policy = Policy {
        min_readability_words: if score { 10 } else { usize::MAX },
        ..Policy::default()
    };
    let mut explained = BTreeSet::new();
    wording::check(text, &policy, &mut explained)
        .into_iter()
        .map(|r| r.rule)
        .collect()
}

fn rules_of(text: &str) -> Vec<Rule> {
    rules_scored(text, false)
}

fn sentence_texts(text: &str) -> Vec<&str> {
    sentences(text).into_iter().map(|(_, s)| s).collect()
}

#[test]
fn sentences_end_at_stops_and_marks() {
    assert_eq!(
        sentence_texts("You can talk to us. We will listen! Is that OK? Yes."),
        [
            "You can talk to us.",
            "We will listen!",
            "Is that OK?",
            "Yes."
        ]
    );
}

#[test]
fn sentences_keep_titles_numbers_and_initials() {
    assert_eq!(
        sentence_texts("Dr. Patel will see you. Take 1.5 tablets. Ask J. Smith at 9 a.m. today."),
        [
            "Dr. Patel will see you.",
            "Take 1.5 tablets.",
            "Ask J. Smith at 9 a.m. today."
        ]
    );
    assert_eq!(
        sentence_texts("Call 01632.960.001 or visit www.example.org today. Then rest."),
        [
            "Call 01632.960.001 or visit www.example.org today.",
            "Then rest."
        ]
    );
}

#[test]
fn sentences_handle_ellipsis_quotes_and_brackets() {
    assert_eq!(
        sentence_texts("Wait... then breathe. It helps… A lot."),
        ["Wait... then breathe.", "It helps…", "A lot."]
    );
    assert_eq!(
        sentence_texts("She said \"Stop.\" Then she sat down (for a rest.) Good."),
        [
            "She said \"Stop.\"",
            "Then she sat down (for a rest.)",
            "Good."
        ]
    );
    assert_eq!(
        sentence_texts("tea, cake etc. and more"),
        ["tea, cake etc. and more"]
    );
    assert_eq!(
        sentence_texts("tea, cake etc. Then more"),
        ["tea, cake etc.", "Then more"]
    );
}

#[test]
fn sentences_break_at_blank_lines_and_list_lines() {
    assert_eq!(
        sentence_texts("You can:\n- talk to us\n- call us\n\nWe are here"),
        ["You can:", "- talk to us", "- call us", "We are here"]
    );
    // A wrapped line inside one sentence.
    assert_eq!(
        sentence_texts("This sentence goes on\nacross two lines."),
        ["This sentence goes on\nacross two lines."]
    );
    assert!(sentences("").is_empty());
    assert!(sentences("... - !").is_empty());
}

#[test]
fn sentence_ranges_point_into_the_text() {
    let text = "  One idea.  Two ideas.  ";
    for (range, s) in sentences(text) {
        assert_eq!(&text[range], s);
    }
}

#[test]
fn words_strip_markup_and_join_phone_numbers() {
    assert_eq!(
        words("**Hope** means you don't give up — ever."),
        ["Hope", "means", "you", "don't", "give", "up", "ever"]
    );
    assert_eq!(
        words("Call 01632 960 001 now."),
        ["Call", "01632 960 001", "now"]
    );
    assert_eq!(words("From 9 to 5, 2 3"), ["From", "9", "to", "5", "2 3"]);
    assert_eq!(words("well-being {area.name}"), ["well-being", "area.name"]);
    assert!(words("").is_empty());
    assert!(words("— ** ...").is_empty());
}

/// Known syllable counts (from a dictionary); all are counted exactly.
const SYLLABLES: &[(&str, usize)] = &[
    ("the", 1),
    ("cat", 1),
    ("make", 1),
    ("table", 2),
    ("people", 2),
    ("happy", 2),
    ("my", 1),
    ("yes", 1),
    ("you", 1),
    ("beyond", 2),
    ("crying", 2),
    ("day", 1),
    ("money", 2),
    ("walked", 1),
    ("wanted", 2),
    ("needed", 2),
    ("times", 1),
    ("changes", 2),
    ("tables", 2),
    ("being", 2),
    ("doing", 2),
    ("lovely", 2),
    ("statement", 2),
    ("someone", 2),
    ("something", 2),
    ("maybe", 2),
    ("idea", 3),
    ("area", 3),
    ("recovery", 4),
    ("hospital", 3),
    ("community", 4),
    ("connectedness", 4),
    ("identity", 4),
    ("meaning", 2),
    ("empowerment", 4),
    ("wellbeing", 3),
    ("because", 2),
    ("advice", 2),
    ("service", 2),
    ("patient", 2),
    ("liaison", 3),
    ("usual", 3),
    ("serious", 3),
    ("radio", 3),
    ("social", 2),
    ("nation", 2),
    ("hundred", 2),
    ("families", 3),
    ("anyone", 3),
    ("hope", 1),
    ("NHS", 3),
    ("GP", 2),
    ("Mary's", 2),
    ("well-being", 3),
    ("2026", 1),
    ("a", 1),
    ("", 1),
];

#[test]
fn syllables_of_known_words() {
    let wrong: Vec<String> = SYLLABLES
        .iter()
        .filter(|(w, n)| syllables(w) != *n)
        .map(|(w, n)| format!("{w}: expected {n}, counted {}", syllables(w)))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Reference values, worked by hand from the formula with dictionary
/// syllable counts; the counter gets these counts exactly, so the tolerance
/// only covers floating point.
#[test]
fn flesch_matches_reference_sentences() {
    // 6 words, 1 sentence, 6 syllables: 206.835 - 6.09 - 84.6 = 116.145.
    assert!((flesch_reading_ease("The cat sat on the mat.") - 116.145).abs() < 0.01);
    // 8 words, 2 sentences, 9 syllables: 206.835 - 4.06 - 95.175 = 107.6.
    assert!((flesch_reading_ease("You can talk to us. We will listen.") - 107.6).abs() < 0.01);
    // 16 words, 1 sentence, 23 syllables: 206.835 - 16.24 - 121.6125 = 68.9825.
    let hard =
        "This sentence, taken as a reading passage unto itself, is being used to prove a point.";
    assert!((flesch_reading_ease(hard) - 68.9825).abs() < 0.01);
    assert!((flesch_reading_ease("") - 206.835).abs() < 1e-9);
}

#[test]
fn rule_ids_round_trip_and_are_kebab_case() {
    let mut seen = BTreeSet::new();
    for r in Rule::ALL {
        assert_eq!(Rule::from_id(r.id()), Some(r));
        assert!(r.id().chars().all(|c| c.is_ascii_lowercase() || c == '-'));
        assert!(seen.insert(r.id()));
        assert!(!r.describe().is_empty());
        assert!(!r.source().is_empty());
    }
    assert_eq!(Rule::from_id("Sentence-Too-Long"), None);
    assert_eq!(Rule::ReadabilityLow.severity(), Severity::Warning);
    assert_eq!(Rule::SentenceTooLong.severity(), Severity::Error);
}

#[test]
fn long_sentences_and_long_paragraphs() {
    let long = "You can talk to a member of staff on the ward about your plan for going home soon.";
    assert_eq!(words(long).len(), 18);
    assert_eq!(rules_of(long), [Rule::SentenceTooLong]);
    assert!(rules_of("You can talk to a member of staff about your plan.").is_empty());
    let six = "Talk to us. Call us. Visit us. Write to us. Ask us. Meet us.";
    assert_eq!(rules_of(six), [Rule::TooManySentences]);
}

#[test]
fn emphasis_markup() {
    assert_eq!(
        rules_of("Please *do* call us."),
        [Rule::ItalicUnderlineCaps]
    );
    assert_eq!(
        rules_of("Please _do_ call us."),
        [Rule::ItalicUnderlineCaps]
    );
    assert_eq!(
        rules_of("Please __do__ call us."),
        [Rule::ItalicUnderlineCaps]
    );
    assert_eq!(
        rules_of("Please ***do*** call us."),
        [Rule::ItalicUnderlineCaps]
    );
    assert_eq!(
        rules_of("Please <u>do</u> call us."),
        [Rule::ItalicUnderlineCaps]
    );
    assert!(rules_of("Please **do** call us.").is_empty());
    assert!(rules_of("Email first_name@example.org today.").is_empty());
    assert!(rules_of("* tea\n* a walk").is_empty());
}

#[test]
fn capitals_and_acronyms() {
    assert_eq!(rules_of("Please DO NOT wait."), [Rule::ItalicUnderlineCaps]);
    assert_eq!(rules_of("This is IMPORTANT."), [Rule::ItalicUnderlineCaps]);
    assert_eq!(rules_of("Please do NOT wait."), [Rule::ItalicUnderlineCaps]);
    assert_eq!(rules_of("Ask PALS for help."), [Rule::UnexplainedAcronym]);
    assert!(rules_of("Ask PALS (the Patient Advice and Liaison Service) for help.").is_empty());
    assert!(rules_of("Ask the Patient Advice and Liaison Service (PALS) for help.").is_empty());
    assert!(rules_of("Ask PALS - the people who help with problems.").is_empty());
    assert!(rules_of("PALS means the people who help with problems.").is_empty());
    assert!(rules_of("The NHS is here. I am OK.").is_empty());
    assert!(rules_of("Open at 5PM.").is_empty());
    // Plural and possessive forms share the acronym.
    assert_eq!(rules_of("Talk to the GPs."), [Rule::UnexplainedAcronym]);
}

#[test]
fn explained_acronyms_carry_over_and_are_reported_once() {
    let policy = Policy::default();
    let mut explained = BTreeSet::new();
    let first = wording::check(
        "CHIME (the ideas about recovery) helps.",
        &policy,
        &mut explained,
    );
    assert!(first.is_empty());
    let later = wording::check("CHIME is for you.", &policy, &mut explained);
    assert!(later.is_empty());
    let once = wording::check("Ask PALS. Then ask PALS again.", &policy, &mut explained);
    assert_eq!(once.len(), 1);
    let again = wording::check("PALS can help.", &policy, &mut explained);
    assert!(again.is_empty());
}

#[test]
fn phone_brackets() {
    assert_eq!(
        rules_of("Call (01632) 960 001 today."),
        [Rule::PhoneBrackets]
    );
    assert_eq!(
        rules_of("Call +44 (0)1632 960 001 today."),
        [Rule::PhoneBrackets]
    );
    assert_eq!(
        rules_of("Call us (01632 960 001) today."),
        [Rule::PhoneBrackets]
    );
    assert!(rules_of("Call 01632 960 001 today.").is_empty());
    assert!(rules_of("Open (Monday to Friday) now.").is_empty());
    let mut explained = BTreeSet::new();
    let found = wording::check(
        "Call +44 (0)1632 960 001.",
        &Policy::default(),
        &mut explained,
    );
    assert_eq!(found[0].range, 5..24);
    assert!(
        found[0].hint.contains("\"01632 960 001\""),
        "{}",
        found[0].hint
    );
}

#[test]
fn contractions_abbreviations_and_number_words() {
    assert_eq!(rules_of("You don't need to wait."), [Rule::Contractions]);
    assert_eq!(rules_of("It’s fine to ask."), [Rule::Contractions]);
    assert_eq!(rules_of("We're here."), [Rule::Contractions]);
    assert!(rules_of("Mary's plan is good.").is_empty());
    assert_eq!(
        rules_of("Bring things, e.g. a book."),
        [Rule::Abbreviations]
    );
    assert_eq!(rules_of("Bring a book, a pen etc."), [Rule::Abbreviations]);
    assert_eq!(rules_of("Take two tablets."), [Rule::NumbersAsWords]);
    assert!(rules_of("No one will mind.").is_empty());
    assert!(rules_of("Take 2 tablets.").is_empty());
    let mut explained = BTreeSet::new();
    let found = wording::check("Don't worry.", &Policy::default(), &mut explained);
    assert_eq!(found[0].hint, "write it in full: \"Do not\"");
}

#[test]
fn readability_is_scored_only_on_paragraphs_of_ten_words_or_more() {
    let hard = "Comprehensive multidisciplinary rehabilitation facilitates individualised recovery \
                through therapeutic collaboration for patients.";
    assert!(flesch_reading_ease(hard) < 0.0);
    assert_eq!(rules_scored(hard, true), [Rule::ReadabilityLow]);
    assert!(rules_scored("Empowerment.", true).is_empty());
    assert!(rules_scored("You can talk to us about how you feel today.", true).is_empty());
}

fn located(text: &str, value: &str) -> (Sources, Located<String>) {
    let mut sources = Sources::new();
    let file = sources.add("t.toml", text.to_owned());
    let start = text.find('=').map_or(0, |i| i + 2);
    let span = Span::new(file, start..text.trim_end().len());
    (
        sources,
        Located {
            value: value.to_owned(),
            span,
        },
    )
}

#[test]
fn text_map_follows_escapes_and_multiline_strings() {
    let cases = [
        ("t = \"Ask PALS.\"\n", "Ask PALS."),
        ("t = 'Ask PALS.'\n", "Ask PALS."),
        (
            "t = \"A \\\"b\\\" \\u00e9 Ask PALS.\"\n",
            "A \"b\" é Ask PALS.",
        ),
        ("t = \"\"\"\nAsk\nPALS.\"\"\"\n", "Ask\nPALS."),
        ("t = \"\"\"\nAsk \\\n    PALS.\"\"\"\n", "Ask PALS."),
        ("t = '''\r\nAsk\r\nPALS.'''\n", "Ask\r\nPALS."),
        ("t = '''\r\nAsk\r\nPALS.'''\n", "Ask\nPALS."),
    ];
    for (src, value) in cases {
        let (sources, loc) = located(src, value);
        let map = TextMap::new(&loc, Some(&sources));
        assert!(map.is_exact(), "{src:?}");
        let at = value.find("PALS").expect("PALS");
        let span = map.span(at..at + 4);
        assert_eq!(&src[span.range], "PALS", "{src:?}");
    }
    // A literal that does not match the value maps to the whole span.
    let (sources, loc) = located("t = \"something else\"\n", "Ask PALS.");
    let map = TextMap::new(&loc, Some(&sources));
    assert!(!map.is_exact());
    assert_eq!(map.span(4..8), loc.span);
    // Guessing from the length only works without escapes.
    let (_, loc) = located("t = \"Ask PALS.\"\n", "Ask PALS.");
    assert_eq!(TextMap::guess(&loc).span(4..8).range, 9..13);
    let (_, loc) = located("t = \"\\tAsk PALS.\"\n", "\tAsk PALS.");
    assert!(!TextMap::guess(&loc).is_exact());
    // Out of range and a file not in the sources.
    assert_eq!(TextMap::guess(&loc).span(3..100), loc.span);
    let foreign = Located {
        value: "x".to_owned(),
        span: Span::new(other_file(), 0..3),
    };
    assert!(TextMap::new(&foreign, Some(&Sources::new())).is_exact());
}

/// The id of a second file in some other set of sources.
fn other_file() -> FileId {
    let mut s = Sources::new();
    s.add("x", String::new());
    s.add("y", String::new())
}

#[test]
fn contrast_uses_wcag_thresholds() {
    let span = Span::new(other_file(), 0..1);
    let policy = Policy::default();
    let grey = |s: &str| s.parse::<Colour>().expect("colour");
    let white = Colour::WHITE;
    // #767676 on white is 4.54:1: passes 4.5.
    assert!(check_contrast(grey("#767676"), white, 16.0, false, &span, &policy).is_none());
    // #777777 on white is 4.48:1: fails 4.5 for body text...
    let f = check_contrast(grey("#777777"), white, 16.0, false, &span, &policy).expect("fails");
    assert_eq!(f.rule, Rule::LowContrast);
    assert!(
        f.message.contains("4.47:1") || f.message.contains("4.48:1"),
        "{}",
        f.message
    );
    // ...but passes 3:1 as large text (18 pt, or 14 pt bold).
    assert!(check_contrast(grey("#777777"), white, 18.0, false, &span, &policy).is_none());
    assert!(check_contrast(grey("#777777"), white, 14.0, true, &span, &policy).is_none());
    assert!(check_contrast(grey("#777777"), white, 14.0, false, &span, &policy).is_some());
    // #959595 on white is about 2.9:1: fails even as large text.
    assert!(check_contrast(grey("#959595"), white, 24.0, true, &span, &policy).is_some());
    assert!(check_contrast(Colour::BLACK, white, 8.0, false, &span, &policy).is_none());
}

#[test]
fn layout_rules_on_plain_values() {
    let span = Span::new(other_file(), 0..1);
    let policy = Policy::default();
    assert!(check_font_size(14.0, &span, &policy).is_none());
    assert_eq!(
        check_font_size(12.0, &span, &policy).map(|f| f.rule),
        Some(Rule::FontTooSmall)
    );
    assert!(check_font_size(f64::NAN, &span, &policy).is_some());
    assert!(check_row_picture(true, "this list", &span).is_none());
    assert!(check_row_picture(false, "this list", &span).is_some());
    assert!(check_picture_alt(Some("A phone"), &span).is_none());
    assert!(check_picture_alt(Some("  "), &span).is_some());
    assert!(check_picture_alt(None, &span).is_some());
    assert!(check_picture_alt(Some("phone.svg"), &span).is_some());
}

#[test]
fn waivers_cover_one_rule_in_one_block() {
    let mut sources = Sources::new();
    let file = sources.add("w.toml", "x".repeat(100));
    let f = |rule, range| Finding::new(rule, Span::new(file, range), "m".to_owned(), "h");
    let findings = vec![
        f(Rule::SentenceTooLong, 10..20),
        f(Rule::SentenceTooLong, 60..70),
        f(Rule::PhoneBrackets, 12..15),
    ];
    let waiver = Waiver {
        rule: Rule::SentenceTooLong,
        reason: "a quotation".to_owned(),
        span: Span::new(file, 5..50),
    };
    let (kept, waived) = apply_waivers(findings, std::slice::from_ref(&waiver));
    assert_eq!(kept.len(), 2);
    assert_eq!(waived.len(), 1);
    assert_eq!(waived[0].0.span.range, 10..20);
    assert!(unused_waivers(std::slice::from_ref(&waiver), &waived).is_empty());
    let other = Waiver {
        span: Span::new(file, 80..90),
        ..waiver.clone()
    };
    assert_eq!(
        unused_waivers(std::slice::from_ref(&other), &waived).len(),
        1
    );
}

#[test]
fn waiver_parse_checks_the_rule_and_reason() {
    let mut sources = Sources::new();
    let file = sources.add("w.toml", "x".repeat(100));
    let loc = |s: &str| Located {
        value: s.to_owned(),
        span: Span::new(file, 0..1),
    };
    let block = Span::new(file, 0..50);
    let w = Waiver::parse(&loc("phone-brackets"), &loc(" reason "), block.clone()).expect("ok");
    assert_eq!((w.rule, w.reason.as_str()), (Rule::PhoneBrackets, "reason"));
    let e = Waiver::parse(&loc("sentence-to-long"), &loc("r"), block.clone()).expect_err("bad id");
    assert!(
        e.hints.iter().any(|h| h.contains("sentence-too-long")),
        "{e:?}"
    );
    assert!(Waiver::parse(&loc("phone-brackets"), &loc("  "), block).is_err());
}

#[test]
fn json_is_escaped_and_stable() {
    let mut sources = Sources::new();
    let file = sources.add("dir\\r.toml", "a = 1\nb = \"x\"\n".to_owned());
    let finding = Finding::new(
        Rule::SentenceTooLong,
        Span::new(file, 10..13),
        "say \"hi\"\n\tnow \\ \u{1}".to_owned(),
        "ŵ",
    );
    let waived = Finding::new(
        Rule::ReadabilityLow,
        Span::new(file, 0..1),
        "m".to_owned(),
        "h",
    );
    let waiver = Waiver {
        rule: Rule::ReadabilityLow,
        reason: "a \"quote\"".to_owned(),
        span: Span::new(file, 0..5),
    };
    let unused = Waiver {
        rule: Rule::Contractions,
        reason: "old".to_owned(),
        span: Span::new(file, 6..11),
    };
    let report = Report::new(vec![finding, waived], &[waiver, unused]);
    let json: serde_json::Value = serde_json::from_str(&report.to_json(&sources)).expect("JSON");
    let expected = serde_json::json!({
        "errors": 1,
        "warnings": 0,
        "findings": [
            {"rule": "sentence-too-long", "severity": "error", "file": "dir/r.toml", "line": 2, "column": 5, "message": "say \"hi\"\n\tnow \\ \u{1}", "hint": "ŵ"}
        ],
        "waived": [
            {"rule": "readability-low", "severity": "warning", "file": "dir/r.toml", "line": 1, "column": 1, "message": "m", "hint": "h", "reason": "a \"quote\"", "waiver": {"file": "dir/r.toml", "line": 1, "column": 1}}
        ],
        "unused_waivers": [
            {"rule": "contractions", "reason": "old", "file": "dir/r.toml", "line": 2, "column": 1}
        ]
    });
    assert_eq!(json, expected);
    assert_eq!(report.to_json(&sources), report.to_json(&sources), "stable");
    let empty: serde_json::Value =
        serde_json::from_str(&Report::default().to_json(&sources)).expect("JSON");
    assert_eq!(
        empty,
        serde_json::json!({"errors": 0, "warnings": 0, "findings": [], "waived": [], "unused_waivers": []})
    );
    // A span from another run's sources does not panic.
    let foreign = Report::new(
        vec![Finding::new(
            Rule::FontTooSmall,
            Span::new(other_file(), 0..1),
            "m".to_owned(),
            "h",
        )],
        &[],
    );
    assert!(foreign.to_json(&Sources::new()).contains("\"line\": 0"));
}

#[test]
fn rule_of_reads_back_what_to_diagnostic_wrote() {
    let f = Finding::new(
        Rule::PhoneBrackets,
        Span::new(other_file(), 0..1),
        "the number has [brackets]".to_owned(),
        "h",
    );
    let d = f.to_diagnostic();
    assert_eq!(
        rule_of(&d),
        Some((Rule::PhoneBrackets, "the number has [brackets]"))
    );
    assert_eq!(rule_of(&Diagnostic::error(None, "[no-such-rule] x")), None);
    assert_eq!(rule_of(&Diagnostic::error(None, "plain")), None);
}

/// A small deterministic generator (xorshift), for the no-panic sweep.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    ".",
    "..",
    "...",
    "…",
    "!",
    "?",
    "?!",
    "(",
    ")",
    "*",
    "**",
    "***",
    "_",
    "__",
    "'",
    "’",
    "\"",
    "-",
    "–",
    "—",
    ":",
    "Dr.",
    "e.g.",
    "etc.",
    "i.e.",
    "1.5",
    "(01632)",
    " 960 001",
    "+44 (0)",
    "PALS",
    "NHS",
    "GPs",
    "DO NOT",
    "A&E",
    "CHIME's",
    "you",
    "can",
    "talk",
    "don't",
    "it's",
    "one",
    "twenty-one",
    "ŵ",
    "é",
    "ß",
    "İ",
    "ﬁ",
    "😀",
    "\u{301}",
    "日本語",
    "\u{0}",
    "\u{200b}",
    "{area.name}",
    "<i>",
    "</i>",
    "<u>",
    "Hope",
    "recovery",
    "y",
    "Y",
    "ing",
    "queue",
    "ΣΑΣ",
    "ǅ",
    "\\",
    "\\u00e9",
    "\"\"\"",
];

#[test]
fn no_input_text_makes_it_panic() {
    let policy = Policy::default();
    let mut g = Gen(0x9E37_79B9_7F4A_7C15);
    let mut checked = 0;
    for n in 0..600 {
        let len = (g.next() % 24) as usize;
        let text: String = (0..len).map(|_| g.pick(PIECES)).collect();
        for (range, s) in sentences(&text) {
            assert_eq!(text.get(range), Some(s));
        }
        for w in words(&text) {
            assert!(syllables(w) >= 1);
        }
        assert!(flesch_reading_ease(&text).is_finite(), "{text:?}");
        let mut explained = BTreeSet::new();
        // As if written in a file with a plausible (and an implausible) span.
        let mut sources = Sources::new();
        let file = sources.add("p.toml", format!("t = \"{text}\"\n"));
        let reversed = std::ops::Range { start: 3, end: 2 };
        for span in [4..text.len() + 6, 0..1, reversed, n..n + 3] {
            let loc = Located {
                value: text.clone(),
                span: Span::new(file, span),
            };
            for f in check_text(&loc, &policy, &mut explained)
                .into_iter()
                .chain(check_text_in(&sources, &loc, &policy, &mut explained))
            {
                assert!(f.span.range.start <= f.span.range.end.max(loc.span.range.start));
                checked += 1;
            }
        }
        let _ = Report::new(Vec::new(), &[]).to_json(&sources);
    }
    assert!(checked > 0);
    for w in PIECES {
        assert!(syllables(w) >= 1);
    }
}

#[test]
fn block_span_widens_a_table_header_to_its_keys() {
    let src =
        "[[row]]\ntext = \"\"\"\n[not a header]\n\"\"\"\nalt = 'x'\n\n[[row]]\ntext = \"b\"\n\n";
    let mut sources = Sources::new();
    let file = sources.add("b.toml", src.to_owned());
    let first = block_span(&sources, &Span::new(file, 0..7));
    assert_eq!(
        &src[first.range],
        "[[row]]\ntext = \"\"\"\n[not a header]\n\"\"\"\nalt = 'x'"
    );
    let second_at = src.rfind("[[row]]").expect("second row");
    let second = block_span(&sources, &Span::new(file, second_at..second_at + 7));
    assert_eq!(&src[second.range], "[[row]]\ntext = \"b\"");
    // An inline table's span is already whole; a foreign file is left alone.
    let inline = Span::new(file, 8..12);
    assert_eq!(block_span(&sources, &inline), inline);
    let foreign = Span::new(other_file(), 0..7);
    assert_eq!(block_span(&Sources::new(), &foreign), foreign);
}
