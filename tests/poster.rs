//! The poster's scene: for every shipped area, in A3 and A2 (and the
//! bilingual poster where the area has one), no text line overlaps
//! another, a picture, a signpost's post or the path; every tip is
//! printed; and the scene takes at least half of the page's height.

mod common;

use wellprint::geom::{Abs, Point};
use wellprint::layout::{Frame, FrameItem, Geometry, PathSeg, Role};
use wellprint::model::Variant;
use wellprint::resolve::Content;

/// A rectangle in points: left, top, right, bottom.
#[derive(Debug, Clone, Copy)]
struct Box4(f64, f64, f64, f64);

impl Box4 {
    /// Whether the two overlap by more than `tol` points both ways.
    fn overlaps(&self, o: &Box4, tol: f64) -> bool {
        self.0 + tol < o.2 && o.0 + tol < self.2 && self.1 + tol < o.3 && o.1 + tol < self.3
    }

    /// The distance from `p` to the box (0 inside).
    fn distance(&self, p: (f64, f64)) -> f64 {
        let dx = (self.0 - p.0).max(p.0 - self.2).max(0.0);
        let dy = (self.1 - p.1).max(p.1 - self.3).max(0.0);
        dx.hypot(dy)
    }

    fn grow(&mut self, p: (f64, f64)) {
        *self = Box4(
            self.0.min(p.0),
            self.1.min(p.1),
            self.2.max(p.0),
            self.3.max(p.1),
        );
    }
}

/// What the page shows, as boxes: text lines (with their text), pictures,
/// posts, and the path as sample points with its half width.
#[derive(Default)]
struct Drawn {
    lines: Vec<(Box4, String)>,
    pictures: Vec<Box4>,
    posts: Vec<Box4>,
    path: Vec<((f64, f64), f64)>,
}

fn pt(p: Point) -> (f64, f64) {
    (p.x.to_pt(), p.y.to_pt())
}

/// The points of a path (cubic segments sampled), moved to `at`.
fn samples(segs: &[PathSeg], at: Point) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    let mut last = at;
    for s in segs {
        match *s {
            PathSeg::Move(p) | PathSeg::Line(p) => {
                last = at + p;
                out.push(pt(last));
            }
            PathSeg::Cubic(a, b, c) => {
                let (p0, p1, p2, p3) = (pt(last), pt(at + a), pt(at + b), pt(at + c));
                for k in 1..=24 {
                    let t = k as f64 / 24.0;
                    let u = 1.0 - t;
                    let f = |a: f64, b: f64, c: f64, d: f64| {
                        u * u * u * a + 3.0 * u * u * t * b + 3.0 * u * t * t * c + t * t * t * d
                    };
                    out.push((f(p0.0, p1.0, p2.0, p3.0), f(p0.1, p1.1, p2.1, p3.1)));
                }
                last = at + c;
            }
            PathSeg::Close => {}
        }
    }
    out
}

/// Everything of interest on `frame`.
fn drawn(frame: &Frame) -> Drawn {
    let mut d = Drawn::default();
    frame.visit(&mut |at, item| match item {
        FrameItem::Text(t) => {
            let size = t.size.to_pt();
            let (x, y) = pt(at);
            d.lines.push((
                Box4(x, y - size * 0.75, x + t.width().to_pt(), y + size * 0.2),
                t.text(),
            ));
        }
        FrameItem::Group(g) if g.role == Some(Role::Figure) => {
            let mut b = Box4(f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            let mut inner = Frame {
                items: g.items.clone(),
                ..frame.clone()
            };
            inner.items = g.items.clone();
            inner.visit(&mut |p, item| {
                if let FrameItem::Shape(s) = item {
                    match &s.geometry {
                        Geometry::Path(segs) => {
                            samples(segs, at + p).into_iter().for_each(|q| b.grow(q))
                        }
                        Geometry::Rect { size, .. } | Geometry::Ellipse { size } => {
                            b.grow(pt(at + p));
                            b.grow(pt(at + p + Point::new(size.w, size.h)));
                        }
                    }
                }
            });
            d.pictures.push(b);
        }
        FrameItem::Shape(s) => match &s.geometry {
            // A post: a narrow upright bar.
            Geometry::Rect { size, .. } if size.h > size.w * 4.0 && size.w < Abs::mm(5.0) => {
                let (x, y) = pt(at);
                d.posts
                    .push(Box4(x, y, x + size.w.to_pt(), y + size.h.to_pt()));
            }
            // The path: a wide stroke with no fill.
            Geometry::Path(segs) if s.fill.is_none() => {
                if let Some(stroke) = &s.stroke
                    && stroke.thickness > Abs::mm(4.0)
                {
                    let half = stroke.thickness.to_pt() / 2.0;
                    d.path
                        .extend(samples(segs, at).into_iter().map(|p| (p, half)));
                }
            }
            _ => {}
        },
        _ => {}
    });
    d
}

/// Every overlap on the page, in words.
fn overlaps(d: &Drawn) -> Vec<String> {
    let mut out = Vec::new();
    for (i, (a, ta)) in d.lines.iter().enumerate() {
        for (b, tb) in &d.lines[i + 1..] {
            if a.overlaps(b, 0.5) {
                out.push(format!("text {ta:?} overlaps text {tb:?}"));
            }
        }
        for p in &d.pictures {
            if a.overlaps(p, 0.5) {
                out.push(format!("text {ta:?} overlaps a picture {p:?}"));
            }
        }
        for p in &d.posts {
            if a.overlaps(p, 0.0) {
                out.push(format!("text {ta:?} overlaps a signpost's post"));
            }
        }
        if let Some((p, _)) = d.path.iter().find(|(p, half)| a.distance(*p) < *half) {
            out.push(format!("text {ta:?} overlaps the path at {p:?}"));
        }
    }
    out
}

/// The posters to check: every area in A3 and A2, and the bilingual
/// posters.
fn posters(ex: &common::Example) -> Vec<(String, Variant, Option<&'static str>)> {
    let mut out = Vec::new();
    for area in &ex.project.areas {
        let id = area.id.value.to_string();
        out.push((id.clone(), Variant::Standard, None));
        out.push((id.clone(), Variant::Standard, Some("a2")));
        if area.bilingual {
            out.push((id.clone(), Variant::Bilingual, None));
        }
    }
    out
}

#[test]
fn no_text_of_the_poster_overlaps_text_pictures_posts_or_the_path() {
    let ex = common::Example::shipped();
    let fonts = common::fonts();
    let options = wellprint::BuildOptions::default();
    let mut problems = Vec::new();
    for (area, variant, format) in posters(&ex) {
        let job = common::job(&ex.project, "tips-poster", variant, &area, format);
        let frames = wellprint::lay_out(&ex.project, &job, &fonts, &options)
            .unwrap_or_else(|e| panic!("{area} {variant:?} {format:?}: {e:?}"));
        for frame in &frames {
            let d = drawn(frame);
            assert!(d.posts.len() >= 6, "{area}: {} posts", d.posts.len());
            assert!(!d.path.is_empty(), "{area}: no path");
            // Six tip pictures, the hospital and the homes.
            assert!(
                d.pictures.len() >= 8,
                "{area}: {} pictures",
                d.pictures.len()
            );
            problems.extend(
                overlaps(&d)
                    .into_iter()
                    .map(|p| format!("{area} {variant:?} {format:?}: {p}")),
            );
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_tip_is_printed_and_the_scene_takes_half_the_page() {
    let ex = common::Example::shipped();
    let fonts = common::fonts();
    let options = wellprint::BuildOptions::default();
    for (area, variant, format) in posters(&ex) {
        let job = common::job(&ex.project, "tips-poster", variant, &area, format);
        let frames = wellprint::lay_out(&ex.project, &job, &fonts, &options).expect("lays out");
        let mut printed = String::new();
        for f in &frames {
            f.visit(&mut |_, item| {
                if let FrameItem::Text(t) = item {
                    printed.push_str(&t.text());
                }
            });
        }
        printed.retain(|c| !c.is_whitespace());
        let doc = job.resolve(&ex.project.project).expect("resolves");
        let versions = doc.welsh.iter().map(|(w, _)| &**w).chain([&doc]);
        let mut tips = 0;
        for version in versions {
            for block in version.pages.iter().flat_map(|p| &p.blocks) {
                let Content::Journey { stages, .. } = &block.content else {
                    continue;
                };
                for stage in stages {
                    let (heading, text, _) = stage.tip.as_ref().expect("every stage has a tip");
                    for t in [&stage.label, heading, text] {
                        let mut want = t.plain();
                        want.retain(|c| !c.is_whitespace());
                        assert!(
                            printed.contains(&want),
                            "{area} {format:?}: {want} not printed"
                        );
                    }
                    tips += 1;
                }
            }
        }
        assert_eq!(tips % 6, 0, "{area}: {tips} tips");
        assert!(tips >= 6);
        // The path runs over at least half of the page's height.
        for frame in &frames {
            let d = drawn(frame);
            let ys = d.path.iter().map(|((_, y), _)| *y);
            let (top, foot) = ys.fold((f64::MAX, f64::MIN), |(a, b), y| (a.min(y), b.max(y)));
            let h = frame.size.h.to_pt();
            assert!(
                foot - top >= h * 0.5,
                "{area} {format:?}: the path spans {:.0} % of the page",
                (foot - top) / h * 100.0
            );
        }
    }
}

#[test]
fn tip_headlines_are_30_pt_over_22_pt_texts_and_labels_on_a3_and_1_41_times_on_a2() {
    let ex = common::Example::shipped();
    let fonts = common::fonts();
    let options = wellprint::BuildOptions::default();
    for (area, variant, format) in posters(&ex) {
        if variant != Variant::Standard {
            continue;
        }
        let scale = if format == Some("a2") {
            2f64.sqrt()
        } else {
            1.0
        };
        let job = common::job(&ex.project, "tips-poster", variant, &area, format);
        let frames = wellprint::lay_out(&ex.project, &job, &fonts, &options).expect("lays out");
        let doc = job.resolve(&ex.project.project).expect("resolves");
        let mut stages = Vec::new();
        for block in doc.pages.iter().flat_map(|p| &p.blocks) {
            if let Content::Journey { stages: s, .. } = &block.content {
                stages.extend(s.iter());
            }
        }
        assert_eq!(stages.len(), 6, "{area}");
        let mut seen = [0; 3];
        // The scene's signposts and tips: the page's one list.
        let scene = frames[0].items.iter().find_map(|(_, item)| match item {
            FrameItem::Group(g) if g.role == Some(Role::L) => Some(g),
            _ => None,
        });
        let scene = scene.expect("the scene is a list");
        wellprint::layout::visit_items(Point::default(), &scene.items, &mut |_, item| {
            let FrameItem::Text(t) = item else { return };
            let line = t.text().trim().to_owned();
            if line.chars().count() < 5 {
                return;
            }
            let size = t.size.to_pt() / scale;
            for stage in &stages {
                let (heading, text, _) = stage.tip.as_ref().expect("tip");
                let (role, want) = if line == stage.label.plain() {
                    (0, 22.0)
                } else if heading.plain().contains(&line) {
                    (1, 30.0)
                } else if text.plain().contains(&line) {
                    (2, 22.0)
                } else {
                    continue;
                };
                assert!(
                    (size - want).abs() < 0.05,
                    "{area} {format:?}: {line:?} is {size:.2} pt at A3, not {want} pt"
                );
                seen[role] += 1;
                break;
            }
        });
        assert!(
            seen[0] >= 5 && seen[1] >= 12 && seen[2] >= 12,
            "{area}: {seen:?}"
        );
    }
}
