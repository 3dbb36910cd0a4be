//! A paper mock-up of the Easy Read folding card, in code.
//!
//! The card is a strip of four card-sized panels, printed on both sides
//! and folded like an accordion. Which panel a reader sees after each
//! unfold, and whether it is the right way up, follows from three facts:
//! which panel the build puts in each slot of each side; how the printer
//! turns the sheet for the back (long edge: top over bottom, so the back
//! of a front slot is the same slot of the back page, and the back page
//! is upright when the sheet is turned top over bottom); and how an
//! accordion folds (each fold turns a panel over about a vertical line).
//! This test folds the strip the build makes, unfolds it the way a reader
//! does, and checks each view against the table in docs/print.md.

mod common;

use wellprint::layout::{Frame, FrameItem};
use wellprint::model::Variant;

use common::Example;

/// How the printer turns the sheet to print the back.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Duplex {
    /// Top over bottom (most printers' default).
    LongEdge,
    /// Left over right.
    ShortEdge,
}

/// One panel of the strip: where it lies now, and whether it has been
/// turned over (about a vertical line) an odd number of times.
#[derive(Debug, Clone, Copy)]
struct Leaf {
    /// Which card-width slot it covers, counted from the left.
    slot: i32,
    /// Its height in the pile: larger is nearer the reader.
    z: i32,
    /// Turned over: the reader sees its back.
    over: bool,
}

/// What a face shows: the panel (1-based reading order) and whether it is
/// the right way up.
type Face = (usize, bool);

/// The strip: four leaves, and what is printed on each side of each.
struct Strip {
    leaves: [Leaf; 4],
    front: [Face; 4],
    back: [Face; 4],
}

impl Strip {
    /// The printed strip, lying flat with its front up. `front[i]` and
    /// `back[i]` are the panels (1-based) in slot `i` of the PDF's first
    /// and second page, from the left, and `turned` whether the second
    /// page's artwork is turned head to foot.
    fn printed(front: [usize; 4], back: [usize; 4], turned: bool, duplex: Duplex) -> Strip {
        let leaves = std::array::from_fn(|i| Leaf {
            slot: i as i32,
            z: 0,
            over: false,
        });
        // The back of front slot i, as the reader sees it when the leaf is
        // turned over about a vertical line (an accordion fold).
        let back = std::array::from_fn(|i| match duplex {
            // Printed top over bottom: the same slot; seen turned left
            // over right instead, it is upside down unless the page was
            // turned head to foot.
            // A page turned head to foot also puts frame slot i at the
            // mirrored slot of the sheet.
            Duplex::LongEdge => (back[if turned { 3 - i } else { i }], turned),
            // Printed left over right: the mirrored slot, upright as
            // drawn.
            Duplex::ShortEdge => (back[if turned { i } else { 3 - i }], !turned),
        });
        Strip {
            leaves,
            front: front.map(|p| (p, true)),
            back,
        }
    }

    /// Where leaf `i` is joined to leaf `i + 1`: its right edge as printed.
    fn hinge(&self, i: usize) -> i32 {
        let l = self.leaves[i];
        if l.over { l.slot } else { l.slot + 1 }
    }

    /// Turns `leaves` over together about the vertical line `at`, onto
    /// the top of the pile (`above`) or under it.
    fn turn(&mut self, leaves: std::ops::RangeInclusive<usize>, at: i32, above: bool) {
        let moving: Vec<usize> = leaves.collect();
        let zs = |pick: &dyn Fn(usize) -> bool| {
            let z: Vec<i32> = (0..4)
                .filter(|&i| pick(i))
                .map(|i| self.leaves[i].z)
                .collect();
            (z.iter().copied().min(), z.iter().copied().max())
        };
        let (lo, hi) = zs(&|i| moving.contains(&i));
        let (rest_lo, rest_hi) = zs(&|i| !moving.contains(&i));
        let (lo, hi) = (lo.unwrap_or(0), hi.unwrap_or(0));
        for &i in &moving {
            let l = &mut self.leaves[i];
            l.slot = 2 * at - l.slot - 1;
            l.over = !l.over;
            // Turning a pile over reverses it.
            l.z = if above {
                rest_hi.unwrap_or(0) + 1 + (hi - l.z)
            } else {
                rest_lo.unwrap_or(0) - 1 - (l.z - lo)
            };
        }
    }

    /// Folds the flat strip shut, the cover (the rightmost front panel)
    /// on top: each hinge from the cover's end, the rest folded under.
    fn fold(&mut self) {
        for i in (0..3).rev() {
            let at = self.hinge(i);
            self.turn(0..=i, at, false);
        }
    }

    /// What the reader sees from above, left to right: the top face in
    /// each slot.
    fn view(&self) -> Vec<Face> {
        let mut slots: Vec<i32> = self.leaves.iter().map(|l| l.slot).collect();
        slots.sort_unstable();
        slots.dedup();
        slots
            .into_iter()
            .filter_map(|s| {
                let (i, l) = (0..4)
                    .map(|i| (i, self.leaves[i]))
                    .filter(|(_, l)| l.slot == s)
                    .max_by_key(|(_, l)| l.z)?;
                Some(if l.over { self.back[i] } else { self.front[i] })
            })
            .collect()
    }

    /// Turns the whole card over, left over right.
    fn turn_over(&mut self) {
        let lo = self.leaves.iter().map(|l| l.slot).min().unwrap_or(0);
        let hi = self.leaves.iter().map(|l| l.slot).max().unwrap_or(0) + 1;
        for l in &mut self.leaves {
            l.slot = lo + hi - l.slot - 1;
            l.over = !l.over;
            l.z = -l.z;
        }
    }
}

/// The reader's way through the folded card: the views, each named.
fn read(strip: &mut Strip) -> Vec<(&'static str, Vec<Face>)> {
    let mut views = Vec::new();
    strip.fold();
    views.push(("folded", strip.view()));
    strip.turn_over();
    views.push(("folded, turned over", strip.view()));
    strip.turn_over();
    // Open the cover like a book: it turns over to the left.
    let at = strip.hinge(2);
    strip.turn(3..=3, at, true);
    views.push(("cover opened", strip.view()));
    // Then pull out what is still folded, one fold at a time.
    for i in (0..2).rev() {
        let at = strip.hinge(i);
        strip.turn(0..=i, at, true);
        views.push((["fully opened", "second fold opened"][i], strip.view()));
    }
    strip.turn_over();
    views.push(("opened, turned over", strip.view()));
    views
}

/// The panels (1-based reading order) in each slot of a sheet, from the
/// left: each slot's group carries its panel number.
fn slots(frame: &Frame) -> [usize; 4] {
    let w = frame.size.w / 4.0;
    let mut out = [0; 4];
    for (pos, item) in &frame.items {
        let FrameItem::Group(g) = item else { continue };
        let reading = g.items.iter().find_map(|(_, i)| match i {
            FrameItem::Group(inner) => inner.reading,
            _ => None,
        });
        let slot = ((pos.x + w / 2.0) / w).floor() as usize;
        if let (Some(r), Some(s)) = (reading, out.get_mut(slot)) {
            *s = r + 1;
        }
    }
    out
}

fn printed(duplex: Duplex) -> Strip {
    let built = Example::shipped().build("chime-wallet-card", Variant::EasyRead, "cardiff", None);
    let [outside, inside] = &built.frames[..] else {
        panic!(
            "the folding card is two sides: {} pages",
            built.frames.len()
        );
    };
    assert!(!outside.turned, "the outside is printed upright");
    Strip::printed(slots(outside), slots(inside), inside.turned, duplex)
}

#[test]
fn printed_long_edge_each_unfold_shows_the_next_panels_the_right_way_up() {
    let views = read(&mut printed(Duplex::LongEdge));
    let up = |panels: &[usize]| panels.iter().map(|&p| (p, true)).collect::<Vec<_>>();
    let expected = vec![
        ("folded", up(&[1])),
        ("folded, turned over", up(&[8])),
        ("cover opened", up(&[2, 3])),
        ("second fold opened", up(&[2, 3, 8])),
        ("fully opened", up(&[2, 3, 4, 5])),
        ("opened, turned over", up(&[8, 6, 7, 1])),
    ];
    assert_eq!(views, expected, "docs/print.md's table of the folding card");
}

#[test]
fn printed_short_edge_the_inside_is_upside_down() {
    let views = read(&mut printed(Duplex::ShortEdge));
    let inside = &views[4];
    assert_eq!(inside.0, "fully opened");
    assert!(
        inside.1.iter().all(|&(_, upright)| !upright),
        "the folding card is imposed for long-edge duplex: {views:?}"
    );
}

/// The PDF itself turns the inside: read back, the lines of a paragraph
/// on the inside go up the page, and the panel behind the cover (the
/// rightmost slot as printed) is Connection.
#[test]
fn the_pdf_prints_the_inside_head_to_foot() {
    let built = Example::shipped().build("chime-wallet-card", Variant::EasyRead, "cardiff", None);
    let report = wellprint::inspect::inspect(&built.bytes).expect("inspects");
    let run = |page: usize, text: &str| {
        report.pages[page]
            .text
            .iter()
            .find(|r| r.text.contains(text))
            .unwrap_or_else(|| panic!("\"{text}\" on page {}", page + 1))
            .clone()
    };
    let width = built.frames[1].size.w + built.frames[1].bleed * 2.0;
    let (first, second) = (run(1, "Spend time"), run(1, "about you"));
    assert!(second.y > first.y, "the inside is upside down on the sheet");
    let connection = run(1, "Connection");
    assert!(
        connection.x > (width * 0.75).to_pt(),
        "Connection backs the cover: x = {} of {}",
        connection.x,
        width.to_pt()
    );
    let (first, second) = (run(0, "You can make"), run(0, "choices"));
    assert!(second.y < first.y, "the outside is upright");
}
