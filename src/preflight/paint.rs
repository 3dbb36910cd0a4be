//! A content-stream walker for what preflight needs beyond text: stroke
//! widths, image placements and CMYK ink, with the graphics state (`q`,
//! `Q`, `cm`, `w`, colour operators) and form XObjects followed.

use lopdf::content::Operation;
use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::inspect::BoxPt;

/// Deepest nesting of form XObjects followed.
const MAX_DEPTH: usize = 8;
/// Most operators interpreted per page.
const MAX_OPS: usize = 5_000_000;

/// `[a b c d e f]`.
type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// First `m`, then `n`.
fn then(m: Matrix, n: Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn apply(m: Matrix, x: f64, y: f64) -> (f64, f64) {
    (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])
}

/// One image drawn with `Do`.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageUse {
    /// Resource name.
    pub name: String,
    /// Pixels across.
    pub width: i64,
    /// Pixels down.
    pub height: i64,
    /// Effective resolution at the placed size (the lower axis).
    pub ppi: f64,
}

/// What the walk found on one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Paint {
    /// Thinnest effective stroke width, points.
    pub thinnest_line: Option<f64>,
    /// Number of strokes thinner than the minimum.
    pub thin_lines: usize,
    /// Every image placement.
    pub images: Vec<ImageUse>,
    /// Highest CMYK total of any colour used to paint inside the BleedBox,
    /// percent.
    pub max_ink: f64,
    /// Text runs painted in a near-black CMYK colour that is not exactly
    /// 100 % K (see [`near_black`]).
    pub not_pure_black_text: usize,
    /// The first such colour, `[c, m, y, k]` 0.0–1.0.
    pub not_pure_black: Option<[f64; 4]>,
}

/// Whether a CMYK colour reads as black: K at least 80 % and C, M, Y
/// within 10 % of each other (a K tint, or a rich black).
pub fn near_black([c, m, y, k]: [f64; 4]) -> bool {
    let (lo, hi) = (c.min(m).min(y), c.max(m).max(y));
    k >= 0.8 - 1e-6 && hi - lo <= 0.1 + 1e-6
}

#[derive(Debug, Clone, Copy)]
struct State {
    ctm: Matrix,
    width: f64,
    fill: Option<f64>,
    stroke: Option<f64>,
    /// The fill colour when it is CMYK.
    fill_cmyk: Option<[f64; 4]>,
}

struct Walker<'a> {
    doc: &'a Document,
    bleed: BoxPt,
    out: Paint,
    ops: usize,
}

/// Walks the page's content, already decoded into `operations` (by
/// [`crate::inspect`], which reads the same page for its text).
pub fn walk(doc: &Document, page: ObjectId, operations: &[Operation], bleed: BoxPt) -> Paint {
    let mut w = Walker {
        doc,
        bleed,
        out: Paint::default(),
        ops: 0,
    };
    let resources = doc
        .get_dictionary(page)
        .ok()
        .and_then(|p| resolve_dict(doc, p.get(b"Resources").ok()?));
    let state = State {
        ctm: IDENTITY,
        width: 1.0,
        fill: None,
        stroke: None,
        fill_cmyk: None,
    };
    w.run(operations, resources, state, 0);
    w.out
}

fn resolve<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    match o {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    }
}

fn resolve_dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    resolve(doc, o)?.as_dict().ok()
}

fn num(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// The four components, if the operands are four numbers (CMYK).
fn cmyk(operands: &[Object]) -> Option<[f64; 4]> {
    match operands {
        [c, m, y, k] => Some([num(c)?, num(m)?, num(y)?, num(k)?]),
        _ => None,
    }
}

/// Total ink in percent, if the operands are four numbers (CMYK).
fn cmyk_total(operands: &[Object]) -> Option<f64> {
    if operands.len() != 4 {
        return None;
    }
    let mut total = 0.0;
    for o in operands {
        total += num(o)?;
    }
    Some(total * 100.0)
}

impl Walker<'_> {
    fn run(
        &mut self,
        operations: &[Operation],
        resources: Option<&Dictionary>,
        start: State,
        depth: usize,
    ) {
        let mut state = start;
        let mut stack: Vec<State> = Vec::new();
        // The current path's bounding box in page space.
        let mut path: Option<[f64; 4]> = None;
        let extend = |path: &mut Option<[f64; 4]>, m: Matrix, x: f64, y: f64| {
            let (x, y) = apply(m, x, y);
            *path = Some(match *path {
                None => [x, y, x, y],
                Some([a, b, c, d]) => [a.min(x), b.min(y), c.max(x), d.max(y)],
            });
        };
        for op in operations {
            self.ops += 1;
            if self.ops > MAX_OPS {
                return;
            }
            let nums: Vec<f64> = op.operands.iter().filter_map(num).collect();
            match op.operator.as_str() {
                "q" => stack.push(state),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        state = s;
                    }
                }
                "cm" if nums.len() == 6 => {
                    let m = [nums[0], nums[1], nums[2], nums[3], nums[4], nums[5]];
                    state.ctm = then(m, state.ctm);
                }
                "w" if nums.len() == 1 => state.width = nums[0],
                "k" | "sc" | "scn" => {
                    state.fill = cmyk_total(&op.operands);
                    state.fill_cmyk = cmyk(&op.operands);
                }
                "K" | "SC" | "SCN" => state.stroke = cmyk_total(&op.operands),
                "g" | "rg" | "cs" => {
                    state.fill = None;
                    state.fill_cmyk = None;
                }
                "G" | "RG" | "CS" => state.stroke = None,
                "m" | "l" if nums.len() == 2 => extend(&mut path, state.ctm, nums[0], nums[1]),
                "c" if nums.len() == 6 => {
                    for p in nums.chunks(2) {
                        extend(&mut path, state.ctm, p[0], p[1]);
                    }
                }
                "v" | "y" if nums.len() == 4 => {
                    for p in nums.chunks(2) {
                        extend(&mut path, state.ctm, p[0], p[1]);
                    }
                }
                "re" if nums.len() == 4 => {
                    let (x, y, w, h) = (nums[0], nums[1], nums[2], nums[3]);
                    for (px, py) in [(x, y), (x + w, y), (x, y + h), (x + w, y + h)] {
                        extend(&mut path, state.ctm, px, py);
                    }
                }
                "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                    let inside = path.is_none_or(|[x0, y0, x1, y1]| {
                        x1 >= self.bleed.x0
                            && x0 <= self.bleed.x1
                            && y1 >= self.bleed.y0
                            && y0 <= self.bleed.y1
                    });
                    let strokes =
                        matches!(op.operator.as_str(), "S" | "s" | "B" | "B*" | "b" | "b*");
                    let fills = op.operator != "S" && op.operator != "s";
                    if strokes {
                        let m = state.ctm;
                        let scale = (m[0] * m[3] - m[1] * m[2]).abs().sqrt();
                        let w = state.width * scale;
                        self.out.thinnest_line =
                            Some(self.out.thinnest_line.map_or(w, |t: f64| t.min(w)));
                        if w < crate::rules::HAIRLINE.to_pt() - 0.001 {
                            self.out.thin_lines += 1;
                        }
                        if inside {
                            self.ink(state.stroke);
                        }
                    }
                    if fills && inside {
                        self.ink(state.fill);
                    }
                    path = None;
                }
                "n" => path = None,
                "Tj" | "TJ" | "'" | "\"" => {
                    self.ink(state.fill);
                    self.text_black(state.fill_cmyk);
                }
                "Do" => {
                    let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) else {
                        continue;
                    };
                    self.xobject(name, resources, state, depth);
                }
                _ => {}
            }
        }
    }

    fn text_black(&mut self, fill: Option<[f64; 4]>) {
        let Some(colour) = fill else { return };
        let pure = colour
            .iter()
            .zip([0.0, 0.0, 0.0, 1.0])
            .all(|(a, b)| (a - b).abs() < 0.0005);
        if near_black(colour) && !pure {
            self.out.not_pure_black_text += 1;
            self.out.not_pure_black.get_or_insert(colour);
        }
    }

    fn ink(&mut self, total: Option<f64>) {
        if let Some(t) = total {
            self.out.max_ink = self.out.max_ink.max(t);
        }
    }

    fn xobject(&mut self, name: &[u8], resources: Option<&Dictionary>, state: State, depth: usize) {
        let doc = self.doc;
        let Some(stream) = resources
            .and_then(|r| resolve_dict(doc, r.get(b"XObject").ok()?))
            .and_then(|x| resolve(doc, x.get(name).ok()?))
            .and_then(|o| o.as_stream().ok())
        else {
            return;
        };
        let subtype = stream.dict.get(b"Subtype").and_then(Object::as_name).ok();
        if subtype == Some(b"Image".as_slice()) {
            let px = |key: &[u8]| {
                stream
                    .dict
                    .get(key)
                    .ok()
                    .and_then(|o| resolve(doc, o))
                    .and_then(|o| o.as_i64().ok())
                    .unwrap_or(0)
            };
            let (w, h) = (px(b"Width"), px(b"Height"));
            let m = state.ctm;
            let placed_w = (m[0] * m[0] + m[1] * m[1]).sqrt();
            let placed_h = (m[2] * m[2] + m[3] * m[3]).sqrt();
            if placed_w > 0.0 && placed_h > 0.0 {
                let ppi = (w as f64 / (placed_w / 72.0)).min(h as f64 / (placed_h / 72.0));
                self.out.images.push(ImageUse {
                    name: String::from_utf8_lossy(name).into_owned(),
                    width: w,
                    height: h,
                    ppi,
                });
            }
        } else if subtype == Some(b"Form".as_slice()) && depth < MAX_DEPTH {
            let matrix = stream
                .dict
                .get(b"Matrix")
                .ok()
                .and_then(|o| o.as_array().ok())
                .map(|a| a.iter().filter_map(num).collect::<Vec<_>>())
                .filter(|v| v.len() == 6)
                .map_or(IDENTITY, |v| [v[0], v[1], v[2], v[3], v[4], v[5]]);
            let inner = State {
                ctm: then(matrix, state.ctm),
                ..state
            };
            let own = stream
                .dict
                .get(b"Resources")
                .ok()
                .and_then(|o| resolve_dict(doc, o))
                .or(resources);
            let content = stream
                .decompressed_content()
                .unwrap_or_else(|_| stream.content.clone());
            if let Ok(operations) = crate::inspect::decode_content(&content) {
                self.run(&operations, own, inner, depth + 1);
            }
        }
    }
}
