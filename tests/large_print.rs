//! Large print: every resource's standard words on A4 pages in type of at
//! least 16 pt, every contact shown, built by the ordinary `build`.

mod common;

use std::collections::BTreeSet;
use std::process::Command;

use wellprint::layout::FrameItem;
use wellprint::model::Variant;

/// Every text run's size in points and its text, over all pages.
fn runs(built: &wellprint::Built) -> Vec<(f64, String)> {
    let mut out = Vec::new();
    for frame in &built.frames {
        frame.visit(&mut |_, item| {
            if let FrameItem::Text(t) = item {
                out.push((t.size.to_pt(), t.text()));
            }
        });
    }
    out
}

/// The words of a document, for comparing what two variants say.
fn words(built: &wellprint::Built) -> BTreeSet<String> {
    runs(built)
        .into_iter()
        .flat_map(|(_, t)| {
            // Split at anything not a letter or digit: a line may break
            // after a hyphen in one variant and not the other.
            t.split(|c: char| !c.is_alphanumeric())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn every_resource_has_a_large_print_a4_variant_with_no_text_under_16_pt() {
    let example = common::Example::shipped();
    let mut checked = 0;
    for resource in &example.project.resources {
        for area in &example.project.areas {
            let built = example.build(
                &resource.id.value,
                Variant::LargePrint,
                &area.id.value,
                None,
            );
            for frame in &built.frames {
                assert!(
                    (frame.size.w.to_mm() - 210.0).abs() < 0.01
                        && (frame.size.h.to_mm() - 297.0).abs() < 0.01,
                    "{}: page {:?}",
                    resource.id.value,
                    frame.size
                );
            }
            for (size, text) in runs(&built) {
                assert!(
                    size >= 16.0 - 1e-6,
                    "{} {}: \"{text}\" at {size} pt",
                    resource.id.value,
                    area.id.value
                );
                checked += 1;
            }
        }
    }
    assert!(
        checked > 500,
        "only {checked} runs: the test checks too little"
    );
}

/// The words of the standard variant's blocks that the resource prints in
/// large print and not in the standard's first format (`formats =
/// ["large-print"]`, docs/format.md).
fn large_print_only(resource: &wellprint::model::Resource) -> BTreeSet<String> {
    use wellprint::model::{BlockContent, printed_in};
    let standard = &resource.variants[&Variant::Standard];
    let first = standard
        .formats
        .first()
        .or(resource.formats.first())
        .map_or("", |f| f.name.as_str());
    let mut out = BTreeSet::new();
    for block in standard.blocks() {
        if printed_in(&block.formats, first) || !printed_in(&block.formats, "large-print") {
            continue;
        }
        let BlockContent::Cards { cards, .. } = &block.content else {
            panic!("teach this test the words of {:?}", block.content);
        };
        for card in cards {
            let text = format!("{} {}", card.title.value, card.text.value);
            out.extend(
                text.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned),
            );
        }
    }
    out
}

#[test]
fn large_print_says_what_the_standard_variant_says() {
    let example = common::Example::shipped();
    let mut own = 0;
    for resource in &example.project.resources {
        let standard = example.build(&resource.id.value, Variant::Standard, "oxfordshire", None);
        let large = example.build(&resource.id.value, Variant::LargePrint, "oxfordshire", None);
        let (mut s, l) = (words(&standard), words(&large));
        // Blocks the resource gives large print alone are its words too.
        let only = large_print_only(resource);
        own += only.len();
        s.extend(only);
        // The page numbers are large print's own words, and so is the
        // standard print it names among the other formats (where the
        // standard names large print); the rest come from the standard
        // variant.
        let extra: Vec<&String> = l
            .difference(&s)
            .filter(|w| {
                !["Page", "of", "standard"].contains(&w.as_str()) && w.parse::<u32>().is_err()
            })
            .collect();
        assert!(
            extra.is_empty(),
            "{}: large print adds {extra:?}",
            resource.id.value
        );
        // Numbers are left out both ways: the journey's signpost numbers
        // become a list's bullets.
        let missing: Vec<&String> = s
            .difference(&l)
            .filter(|w| w.as_str() != "large" && w.parse::<u32>().is_err())
            .collect();
        assert!(
            missing.is_empty(),
            "{}: large print drops {missing:?}",
            resource.id.value
        );
    }
    assert!(own > 0, "the card gives its large print a quote of its own");
}

#[test]
fn large_print_shows_every_contact_the_card_has_no_room_for() {
    let example = common::Example::shipped();
    let built = example.build(
        "chime-wallet-card",
        Variant::LargePrint,
        "oxfordshire",
        None,
    );
    let text: String = runs(&built).into_iter().map(|(_, t)| t + " ").collect();
    let area = example
        .project
        .areas
        .iter()
        .find(|a| a.id.value == "oxfordshire")
        .expect("area");
    let card: Vec<_> = area
        .contacts
        .iter()
        .filter(|c| c.tags.iter().any(|t| t.value == "card"))
        .collect();
    assert!(
        card.len() >= 4,
        "oxfordshire has {} card contacts",
        card.len()
    );
    for c in card {
        let first = c.name.value.split_whitespace().next().expect("name");
        assert!(text.contains(first), "{} is missing", c.name.value);
    }
    assert!(
        !built
            .warnings
            .iter()
            .any(|w| w.message.contains("not printed"))
    );
}

#[test]
fn build_writes_large_print_beside_the_others() {
    let out = tempfile::tempdir().expect("temp dir");
    let status = Command::new(env!("CARGO_BIN_EXE_wellprint"))
        .current_dir(common::root())
        .args(["build", "--area", "cardiff", "--out"])
        .arg(out.path())
        .status()
        .expect("wellprint runs");
    assert!(status.success());
    for resource in ["chime-wallet-card", "tips-poster", "wellbeing-leaflet"] {
        let path = out
            .path()
            .join(format!("cardiff/{resource}-large-print.pdf"));
        assert!(path.is_file(), "{} is missing", path.display());
    }
}

/// Large print keeps each tip with its stage, as the poster's scene does:
/// every stage's name is the line just above its tip's headline, in the
/// stage's order, in every area.
#[test]
fn large_print_names_each_tip_s_stage_above_it() {
    use wellprint::model::BlockContent;
    let example = common::Example::shipped();
    let poster = example
        .project
        .resources
        .iter()
        .find(|r| r.id.value == "tips-poster")
        .expect("the poster");
    let stages: Vec<(String, String)> = poster.variants[&Variant::Standard]
        .blocks()
        .find_map(|b| match &b.content {
            BlockContent::Journey { stages, .. } => Some(stages),
            _ => None,
        })
        .expect("a journey")
        .iter()
        .filter_map(|s| {
            let tip = s.tip.as_ref()?;
            Some((s.label.value.clone(), tip.heading.value.clone()))
        })
        .collect();
    assert_eq!(stages.len(), 6, "the poster's six tips");
    for area in &example.project.areas {
        let id = area.id.value.to_string();
        let built = example.build("tips-poster", Variant::LargePrint, &id, None);
        let lines: Vec<String> = built
            .frames
            .iter()
            .flat_map(|f| common::text_lines(f).into_iter().map(|(_, l)| l))
            .collect();
        let mut from = 0;
        for (label, heading) in &stages {
            let first_words: String = heading.split(' ').take(2).collect::<Vec<_>>().join(" ");
            let at = lines[from..]
                .iter()
                .position(|l| l.starts_with(&first_words))
                .map(|i| i + from)
                .unwrap_or_else(|| panic!("{id}: no headline {heading:?} after line {from}"));
            assert!(
                at > 0 && lines[at - 1] == *label,
                "{id}: {heading:?} is under {:?}, not its stage {label:?}",
                lines.get(at.wrapping_sub(1))
            );
            from = at + 1;
        }
    }
}
