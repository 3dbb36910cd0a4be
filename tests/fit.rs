//! Layouts that adapt to real areas: when a page does not fit, layout
//! tries the page's fit strategies (tighter spacing, two columns of
//! contacts, a smaller logo, smaller type down to a floor) before it gives
//! up. Each case here is ordinary area data that used to fail a shipped
//! design.

mod common;

use wellprint::model::Variant;

/// Oxfordshire's header and its contacts, with `extra` added to the file.
fn area(extra: &str) -> String {
    let base = std::fs::read_to_string(common::root().join("areas/oxfordshire.toml"))
        .expect("oxfordshire");
    format!("{base}\n{extra}")
}

/// A temporary project with `area` as `areas/testshire.toml` (its id
/// renamed) and, if given, a logo of `w` × `h` pixels.
fn project(area: &str, logo: Option<(u32, u32)>) -> common::TempProject {
    let p = common::TempProject::new();
    let mut text = area.replace("id = \"oxfordshire\"", "id = \"testshire\"");
    if let Some((w, h)) = logo {
        std::fs::create_dir_all(p.path().join("areas/logos")).expect("mkdir");
        let mut img = image::RgbImage::new(w, h);
        for px in img.pixels_mut() {
            *px = image::Rgb([0x20, 0x60, 0xA0]);
        }
        img.save(p.path().join("areas/logos/testshire.png"))
            .expect("png");
        text = text.replace(
            "nation = \"england\"\n",
            "nation = \"england\"\nlogo = \"logos/testshire.png\"\nprepared-by = \"Prepared by the Testshire Recovery Network\"\n",
        );
    }
    p.write("areas/testshire.toml", &text);
    p
}

/// Builds `resource` × `variant` in `format` for the project's testshire
/// area; the diagnostics as text if it fails.
fn build(
    p: &common::TempProject,
    resource: &str,
    variant: Variant,
    format: Option<&str>,
) -> Result<wellprint::Built, String> {
    let (sources, loaded) = p.load().expect("loads");
    common::build_format(&sources, &loaded, resource, variant, "testshire", format)
}

/// Every character printed on the pages, white space left out (a name
/// may break over lines).
fn frames_text(frames: &[wellprint::layout::Frame]) -> String {
    let mut out = String::new();
    for f in frames {
        f.visit(&mut |_, item| {
            if let wellprint::layout::FrameItem::Text(t) = item {
                out.push_str(&t.text());
            }
        });
    }
    out.retain(|c| !c.is_whitespace());
    out
}

/// Whether `text` (from [`frames_text`]) prints `words`.
fn prints(text: &str, words: &str) -> bool {
    let words: String = words.chars().filter(|c| !c.is_whitespace()).collect();
    text.contains(&words)
}

/// The placed size (width, height in points) of every raster picture.
fn image_sizes(frames: &[wellprint::layout::Frame]) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    for f in frames {
        f.visit(&mut |_, item| {
            if let wellprint::layout::FrameItem::Image(i) = item {
                out.push((i.size.w.to_pt(), i.size.h.to_pt()));
            }
        });
    }
    out
}

/// A second advocacy contact, as the README suggests (PALS and an
/// advocacy service).
const SECOND_ADVOCACY: &str = r#"
[[contact]]
name = "Oxfordshire Mental Health Advocacy Service"
phone = "01632 960 151"
hours = "Mon–Fri 9am–5pm"
tags = ["advocacy"]
"#;

#[test]
fn a_second_advocacy_contact_fits_the_poster() {
    let p = project(&area(SECOND_ADVOCACY), None);
    for format in ["a3", "a2"] {
        let built = build(&p, "tips-poster", Variant::Standard, Some(format))
            .unwrap_or_else(|e| panic!("{format}: {e}"));
        let text = frames_text(&built.frames);
        assert!(prints(&text, "Advocacy Service"), "{format}: {text}");
        assert!(prints(&text, "Advocacy and PALS"), "{format}: {text}");
    }
}

#[test]
fn square_wide_and_tall_logos_fit_the_poster() {
    for (w, h) in [(1299, 364), (400, 400), (300, 600)] {
        let p = project(&area(SECOND_ADVOCACY), Some((w, h)));
        for format in ["a3", "a2"] {
            let built = build(&p, "tips-poster", Variant::Standard, Some(format))
                .unwrap_or_else(|e| panic!("{w}×{h} {format}: {e}"));
            let (lw, lh) = image_sizes(&built.frames)
                .into_iter()
                .next()
                .unwrap_or_else(|| panic!("{w}×{h} {format}: no logo"));
            // The aspect ratio is kept.
            let ratio = lw / lh;
            let want = f64::from(w) / f64::from(h);
            assert!((ratio - want).abs() < 0.01 * want, "{ratio} vs {want}");
        }
    }
}

/// An area whose card contacts have names of 60 characters and more.
fn long_names() -> String {
    let mut a = String::from("id = \"testshire\"\nname = \"Testshire\"\nnation = \"england\"\n");
    for (i, name) in [
        "Testshire and District Community Mental Health Recovery College",
        "North Testshire Peer Support and Wellbeing Network for Adults",
        "South Testshire Carers, Families and Friends Support Association",
    ]
    .iter()
    .enumerate()
    {
        assert!(name.chars().count() >= 60, "{name}");
        a.push_str(&format!(
            "\n[[contact]]\nname = \"{name}\"\nphone = \"01632 960 1{i:02}\"\nhours = \"Mon–Fri 9am–5pm\"\ntags = [\"card\"]\n"
        ));
    }
    a
}

#[test]
fn long_names_fit_the_card_and_the_leaflets() {
    let p = project(&long_names(), None);
    for (resource, variant, format) in [
        ("chime-wallet-card", Variant::Standard, None),
        ("wellbeing-leaflet", Variant::Standard, Some("a5")),
        ("wellbeing-leaflet", Variant::Standard, Some("dl")),
        ("wellbeing-leaflet", Variant::EasyRead, None),
    ] {
        let built = build(&p, resource, variant, format)
            .unwrap_or_else(|e| panic!("{resource} {variant:?} {format:?}: {e}"));
        let text = frames_text(&built.frames);
        assert!(
            prints(&text, "Community Mental Health Recovery College"),
            "{text}"
        );
    }
}

/// The Easy Read card's contacts panel (85 × 55 mm, 14 pt type at the
/// least) has no room for two contacts with names of 60 characters. The
/// shipped panel lists `fewer`: it prints the first and names the second
/// in a warning. Without `fewer` it is an error that names the contact,
/// says what was tried, and how many contacts would fit.
#[test]
fn long_names_on_the_easy_read_card_leave_one_out_or_are_a_clear_error() {
    let p = project(&long_names(), None);
    let built = build(&p, "chime-wallet-card", Variant::EasyRead, None).expect("builds");
    assert!(
        built
            .warnings
            .iter()
            .any(|w| w.message.contains("has room for the first 1")),
        "{:?}",
        built.warnings
    );
    let path = p.path().join("resources/chime-wallet-card.toml");
    let card = std::fs::read_to_string(&path).expect("card");
    let without = card.replace("fit = [\"spacing\", \"fewer\"]", "fit = [\"spacing\"]");
    assert_ne!(card, without);
    std::fs::write(&path, without).expect("write");
    let err = build(&p, "chime-wallet-card", Variant::EasyRead, None)
        .expect_err("two 60-character names do not fit a panel at 14 pt");
    assert!(err.contains("mm too tall"), "{err}");
    assert!(err.contains("note: areas/testshire.toml:"), "{err}");
    assert!(
        err.contains("the type stops at `min-size` = 14.0 pt"),
        "{err}"
    );
    assert!(err.contains("with `count = 1`"), "{err}");
}

/// An area with eight card contacts of ordinary length.
fn eight_contacts() -> String {
    let mut a = String::from("id = \"testshire\"\nname = \"Testshire\"\nnation = \"england\"\n");
    let names = [
        "Testshire Recovery College",
        "Cowley Road Peer Support Group",
        "Banbury Community Wellbeing Café",
        "Witney Carers’ Network",
        "Didcot Hearing Voices Group",
        "Abingdon Men’s Shed",
        "Thame Walking for Health",
        "Bicester Talking Café",
    ];
    for (i, name) in names.iter().enumerate() {
        a.push_str(&format!(
            "\n[[contact]]\nname = \"{name}\"\nphone = \"01632 960 1{i:02}\"\nhours = \"Mon–Fri 10am–4pm\"\ntags = [\"card\"]\n"
        ));
    }
    a
}

/// Eight card contacts: the leaflets print them all; the card's back,
/// whose words stay at 7.5 pt, prints the first that fit and names each
/// of the others in a warning (the large-print card prints them all).
#[test]
fn eight_card_contacts_fit_the_leaflets_and_the_card_names_those_it_leaves_out() {
    let p = project(&eight_contacts(), None);
    let card = build(&p, "chime-wallet-card", Variant::Standard, None).expect("builds");
    let text = frames_text(&card.frames);
    assert!(prints(&text, "Testshire Recovery College"), "{text}");
    assert!(!prints(&text, "Bicester Talking Café"), "{text}");
    let left_out = common::left_out(&card);
    assert!(
        left_out.iter().any(|n| n == "Bicester Talking Café"),
        "{left_out:?}"
    );
    let large = build(&p, "chime-wallet-card", Variant::LargePrint, None).expect("builds");
    assert!(prints(&frames_text(&large.frames), "Bicester Talking Café"));
    for (resource, format) in [
        ("wellbeing-leaflet", Some("a5")),
        ("wellbeing-leaflet", Some("dl")),
        ("wellbeing-leaflet", Some("a5-booklet")),
    ] {
        let built = build(&p, resource, Variant::Standard, format)
            .unwrap_or_else(|e| panic!("{resource} {format:?}: {e}"));
        let text = frames_text(&built.frames);
        for name in ["Testshire Recovery College", "Bicester Talking Café"] {
            assert!(
                prints(&text, name),
                "{resource} {format:?}: {name} in {text}"
            );
        }
    }
}

/// The tips poster's resource with `keys` added to its standard page.
fn poster_page_keys(p: &common::TempProject, keys: &str) {
    let path = p.path().join("resources/tips-poster.toml");
    let text = std::fs::read_to_string(&path).expect("poster");
    let text = text.replacen(
        "[[standard.page]]\n",
        &format!("[[standard.page]]\n{keys}\n"),
        1,
    );
    std::fs::write(path, text).expect("write");
}

#[test]
fn fit_empty_tries_nothing() {
    let p = project(&area(SECOND_ADVOCACY), None);
    poster_page_keys(&p, "fit = []");
    let err = build(&p, "tips-poster", Variant::Standard, Some("a3"))
        .expect_err("without strategies the second contact does not fit");
    assert!(err.contains("too tall"), "{err}");
    assert!(err.contains("`fit = []` tries nothing"), "{err}");
}

#[test]
fn a_logo_that_may_not_shrink_is_named() {
    // The logo is named on line 7 of the area file (after `nation`).
    let p = project(&area(SECOND_ADVOCACY), Some((400, 400)));
    poster_page_keys(&p, "fit = [\"logo\"]\nmin-logo = \"30mm\"");
    let err = build(&p, "tips-poster", Variant::Standard, Some("a3"))
        .expect_err("a square logo that keeps its 30 mm does not fit");
    assert!(err.contains("mm too tall"), "{err}");
    assert!(
        err.contains("note: areas/testshire.toml:7:8: the area's logo"),
        "{err}"
    );
}

/// Replaces `at` (which must be there) with `with` in the project's card
/// resource, and returns the line number of the first line from there on
/// that starts with `key`.
fn edit_card(p: &common::TempProject, at: &str, with: &str, key: &str) -> usize {
    let path = p.path().join("resources/chime-wallet-card.toml");
    let text = std::fs::read_to_string(&path).expect("card");
    let start = text.find(at).unwrap_or_else(|| panic!("{at}"));
    let text = text.replace(at, with);
    let before = text[..start].lines().count();
    let after = text[start..].lines().position(|l| l.starts_with(key));
    let line = before + after.expect("line") + 1;
    std::fs::write(path, text).expect("write");
    line
}

#[test]
fn easy_read_type_may_not_step_below_14pt() {
    let p = project(&long_names(), None);
    let at = "[[easy-read.page]]\nfit = [\"spacing\", \"fewer\"]\n";
    let line = edit_card(&p, at, &format!("{at}min-size = \"10pt\"\n"), "min-size");
    let err = p.load().expect_err("10 pt is below the Easy Read floor");
    assert!(
        err.contains(&format!("resources/chime-wallet-card.toml:{line}:")),
        "{err}"
    );
    assert!(err.contains("`min-size` is 10.0 pt"), "{err}");
    assert!(err.contains("may not be smaller than 14.0 pt"), "{err}");
}

#[test]
fn a_phone_size_too_large_for_the_line_spacing_is_an_error_at_its_key() {
    let p = project(&eight_contacts(), None);
    let line = edit_card(&p, "phone = \"8pt\"\n", "phone = \"10pt\"\n", "phone = ");
    let err = p.load().expect_err("10 pt beside 7.5 pt is too large");
    assert!(
        err.contains(&format!("resources/chime-wallet-card.toml:{line}:9")),
        "{err}"
    );
    assert!(
        err.contains("phone numbers at 10.0 pt beside 7.5 pt body text"),
        "{err}"
    );
    assert!(err.contains("set phone to at most \"9.0pt\""), "{err}");
}

/// `n` contacts with names of about 60 characters, for the card and for
/// advocacy, in a Welsh area when `welsh`.
fn many_long_contacts(n: usize, welsh: bool) -> String {
    let nation = if welsh { "wales" } else { "england" };
    let mut a = format!("id = \"testshire\"\nname = \"Testshire\"\nnation = \"{nation}\"\n");
    for i in 0..n {
        a.push_str(&format!(
            "\n[[contact]]\nname = \"Contact {i:02} Community Mental Health Recovery and Wellbeing Network\"\nphone = \"01632 960 1{i:02}\"\nhours = \"Monday to Friday, 9am to 5pm; Saturday, 10am to 1pm\"\ntags = [\"card\", \"advocacy\"]\n"
        ));
    }
    a
}

/// The pages on which `needle` is printed (white space left out).
fn pages_with(frames: &[wellprint::layout::Frame], needle: &str) -> Vec<usize> {
    (0..frames.len())
        .filter(|&i| frames_text(&frames[i..=i]).contains(needle))
        .collect()
}

/// Large print's pages are as many as it needs: the leaflet's support
/// section, too tall for one A4 page with sixteen long contacts, carries
/// the rest of its contacts over to the next page, and none is left out.
#[test]
fn a_large_print_section_too_tall_for_a_page_carries_its_contacts_over() {
    let p = project(&many_long_contacts(16, false), None);
    let built =
        build(&p, "wellbeing-leaflet", Variant::LargePrint, None).unwrap_or_else(|e| panic!("{e}"));
    let first = pages_with(&built.frames, "Contact00");
    let last = pages_with(&built.frames, "Contact15");
    assert_eq!((first.len(), last.len()), (1, 1), "{first:?} {last:?}");
    assert!(first[0] < last[0], "carried over: {first:?} {last:?}");
    for i in 0..16 {
        assert_eq!(
            pages_with(&built.frames, &format!("Contact{i:02}")).len(),
            1
        );
    }
    assert!(
        !built
            .warnings
            .iter()
            .any(|w| w.message.contains("not printed")),
        "{:?}",
        built.warnings
    );
}

/// The bilingual card's back lists `fewer` too: its Welsh and English
/// backs print the same first contacts, and one warning names the rest.
#[test]
fn the_bilingual_card_leaves_the_same_contacts_out_of_both_languages() {
    let p = project(&many_long_contacts(8, true), None);
    let built =
        build(&p, "chime-wallet-card", Variant::Bilingual, None).unwrap_or_else(|e| panic!("{e}"));
    let left: Vec<_> = built
        .warnings
        .iter()
        .filter(|w| w.message.contains("has room for the first"))
        .collect();
    assert_eq!(left.len(), 1, "{:?}", built.warnings);
    let printed = |page: usize| {
        (0..8)
            .filter(|i| pages_with(&built.frames, &format!("0163296010{i}")).contains(&page))
            .collect::<Vec<_>>()
    };
    // Welsh front and back, then English front and back.
    assert_eq!(built.frames.len(), 4);
    let (cy, en) = (printed(1), printed(3));
    assert!(!cy.is_empty() && cy.len() < 8, "{cy:?}");
    assert_eq!(cy, en);
    assert!(left[0].message.contains(&format!("Contact 0{}", cy.len())));
}
