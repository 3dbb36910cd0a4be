//! Content-stream interpreter for text: tracks the graphics and text state
//! and turns each string-showing operator into a [`TextRun`].

use std::collections::BTreeMap;
use std::rc::Rc;

use lopdf::content::Operation;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::boxes::number;
use super::fonts::{FontCache, FontInfo};
use super::{
    MAX_DECOMPRESSED_BYTES, MAX_FORM_DEPTH, MAX_OPERATIONS_PER_PAGE, TextRun, deref, dict_entry,
};

/// A PDF transformation matrix `[a b c d e f]`, mapping a row vector
/// `[x y 1]` to `[x·a + y·c + e, x·b + y·d + f]`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix {
    a: f64,
    b: f64,
    c: f64,
    d: f64,
    e: f64,
    f: f64,
}

impl Matrix {
    const IDENTITY: Self = Self {
        a: 1.0,
        b: 0.0,
        c: 0.0,
        d: 1.0,
        e: 0.0,
        f: 0.0,
    };

    fn translate(tx: f64, ty: f64) -> Self {
        Self {
            e: tx,
            f: ty,
            ..Self::IDENTITY
        }
    }

    /// From six numbers (operands of `cm`/`Tm`, or a `/Matrix` array).
    fn from_objects(doc: &Document, items: &[Object]) -> Option<Self> {
        if items.len() != 6 {
            return None;
        }
        let mut v = [0.0; 6];
        for (slot, item) in v.iter_mut().zip(items) {
            *slot = deref(doc, item).and_then(number)?;
        }
        Some(Self {
            a: v[0],
            b: v[1],
            c: v[2],
            d: v[3],
            e: v[4],
            f: v[5],
        })
    }

    /// `self × other`: first `self`, then `other`.
    fn then(self, o: Self) -> Self {
        Self {
            a: self.a * o.a + self.b * o.c,
            b: self.a * o.b + self.b * o.d,
            c: self.c * o.a + self.d * o.c,
            d: self.c * o.b + self.d * o.d,
            e: self.e * o.a + self.f * o.c + o.e,
            f: self.e * o.b + self.f * o.d + o.f,
        }
    }

    fn apply(self, x: f64, y: f64) -> (f64, f64) {
        (
            x * self.a + y * self.c + self.e,
            x * self.b + y * self.d + self.f,
        )
    }

    /// Length of the image of the unit x vector.
    fn x_scale(self) -> f64 {
        self.a.hypot(self.b)
    }

    /// Length of the image of the unit y vector.
    fn y_scale(self) -> f64 {
        self.c.hypot(self.d)
    }
}

/// The parts of the graphics state that matter for text (saved by `q`).
#[derive(Clone)]
struct GraphicsState {
    ctm: Matrix,
    font: Option<Rc<FontInfo>>,
    font_size: f64,
    char_spacing: f64,
    word_spacing: f64,
    /// `Tz` / 100.
    horizontal_scale: f64,
    leading: f64,
    rise: f64,
}

impl Default for GraphicsState {
    fn default() -> Self {
        Self {
            ctm: Matrix::IDENTITY,
            font: None,
            font_size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// A `TJ` adjustment that moves the pen forward at least this far (in
/// thousandths of an em, i.e. `TJ` numbers of -200 or less) is taken as a
/// word space.
const TJ_SPACE_THRESHOLD: f64 = 200.0;

/// Decodes a page's (decompressed, concatenated) content into operators.
pub(super) fn decode(content: &[u8]) -> Result<Vec<Operation>, String> {
    if content.iter().all(u8::is_ascii_whitespace) {
        return Ok(Vec::new());
    }
    super::content::decode(content).map_err(|e| format!("content stream: {e}"))
}

/// Extracts the text runs of one page from its decoded content (see
/// [`decode`]). `resources` is the page's resource dictionary.
pub(super) fn extract<'a>(
    doc: &'a Document,
    operations: &[Operation],
    resources: Option<&'a Dictionary>,
    cache: &mut FontCache,
) -> Result<Vec<TextRun>, String> {
    let mut interpreter = Interpreter {
        doc,
        cache,
        runs: Vec::new(),
        operations: 0,
        form_stack: Vec::new(),
        forms: BTreeMap::new(),
        marked: Vec::new(),
    };
    interpreter.run(operations, resources, GraphicsState::default())?;
    Ok(interpreter.runs)
}

struct Interpreter<'a, 'c> {
    doc: &'a Document,
    cache: &'c mut FontCache,
    runs: Vec<TextRun>,
    /// Operators interpreted so far on this page.
    operations: usize,
    /// Form XObjects being drawn, innermost last (for cycle and depth checks).
    form_stack: Vec<ObjectId>,
    /// Decoded form XObject content, by object id.
    forms: BTreeMap<ObjectId, Rc<Vec<Operation>>>,
    /// Open marked-content sequences, innermost last: (MCID, artifact).
    marked: Vec<(Option<i64>, bool)>,
}

/// A `BMC`/`BDC` sequence's MCID and whether it is an `/Artifact`.
fn marked_content(operands: &[Object]) -> (Option<i64>, bool) {
    let artifact = operands.first().and_then(|o| o.as_name().ok()) == Some(b"Artifact".as_slice());
    let mcid = operands
        .get(1)
        .and_then(|o| o.as_dict().ok())
        .and_then(|d| d.get(b"MCID").ok())
        .and_then(|o| o.as_i64().ok());
    (mcid, artifact)
}

/// `Tc`, `Tw`, `Tz`, `TL` or `Ts` with its operand.
fn set_text_state(gs: &mut GraphicsState, operator: &str, value: f64) {
    match operator {
        "Tc" => gs.char_spacing = value,
        "Tw" => gs.word_spacing = value,
        "Tz" => gs.horizontal_scale = value / 100.0,
        "TL" => gs.leading = value,
        "Ts" => gs.rise = value,
        _ => {}
    }
}

impl<'a> Interpreter<'a, '_> {
    fn run(
        &mut self,
        operations: &[Operation],
        resources: Option<&'a Dictionary>,
        mut gs: GraphicsState,
    ) -> Result<(), String> {
        let doc = self.doc;
        let mut saved: Vec<GraphicsState> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;

        for op in operations {
            self.operations += 1;
            if self.operations > MAX_OPERATIONS_PER_PAGE {
                return Err(format!(
                    "more than {MAX_OPERATIONS_PER_PAGE} content operators (nested forms?)"
                ));
            }
            let operands = &op.operands;
            let num = |i: usize| operands.get(i).and_then(number);
            match op.operator.as_str() {
                "BMC" | "BDC" => self.marked.push(marked_content(operands)),
                "EMC" => {
                    self.marked.pop();
                }
                "q" => saved.push(gs.clone()),
                "Q" => {
                    if let Some(previous) = saved.pop() {
                        gs = previous;
                    }
                }
                "cm" => {
                    if let Some(m) = Matrix::from_objects(doc, operands) {
                        gs.ctm = m.then(gs.ctm);
                    }
                }
                "BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                "Tf" => {
                    if let (Some(Object::Name(name)), Some(size)) = (operands.first(), num(1)) {
                        gs.font = Some(self.font(resources, name));
                        gs.font_size = size;
                    }
                }
                "gs" => {
                    if let Some(Object::Name(name)) = operands.first() {
                        self.ext_g_state(resources, name, &mut gs);
                    }
                }
                "Tc" | "Tw" | "Tz" | "TL" | "Ts" => {
                    if let Some(value) = num(0) {
                        set_text_state(&mut gs, &op.operator, value);
                    }
                }
                "Td" | "TD" => {
                    if let (Some(tx), Some(ty)) = (num(0), num(1)) {
                        if op.operator == "TD" {
                            gs.leading = -ty;
                        }
                        tlm = Matrix::translate(tx, ty).then(tlm);
                        tm = tlm;
                    }
                }
                "Tm" => {
                    if let Some(m) = Matrix::from_objects(doc, operands) {
                        tlm = m;
                        tm = m;
                    }
                }
                "T*" => {
                    tlm = Matrix::translate(0.0, -gs.leading).then(tlm);
                    tm = tlm;
                }
                "Tj" => {
                    if let Some(s @ Object::String(..)) = operands.first() {
                        self.show(&gs, &mut tm, std::slice::from_ref(s));
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = operands.first() {
                        self.show(&gs, &mut tm, items);
                    }
                }
                "'" => {
                    tlm = Matrix::translate(0.0, -gs.leading).then(tlm);
                    tm = tlm;
                    if let Some(s @ Object::String(..)) = operands.first() {
                        self.show(&gs, &mut tm, std::slice::from_ref(s));
                    }
                }
                "\"" => {
                    if let (Some(aw), Some(ac)) = (num(0), num(1)) {
                        gs.word_spacing = aw;
                        gs.char_spacing = ac;
                    }
                    tlm = Matrix::translate(0.0, -gs.leading).then(tlm);
                    tm = tlm;
                    if let Some(s @ Object::String(..)) = operands.get(2) {
                        self.show(&gs, &mut tm, std::slice::from_ref(s));
                    }
                }
                "Do" => {
                    if let Some(Object::Name(name)) = operands.first() {
                        self.draw_form(resources, name, &gs)?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// The font a `/Font` resource names (a stand-in if it is missing).
    fn font(&mut self, resources: Option<&'a Dictionary>, name: &[u8]) -> Rc<FontInfo> {
        let entry = resources
            .and_then(|r| dict_entry(self.doc, r, b"Font"))
            .and_then(|fonts| fonts.get(name).ok());
        match entry {
            Some(entry) => self.cache.get(self.doc, entry, name),
            None => Rc::new(FontInfo::unknown(name)),
        }
    }

    /// Applies the `/Font [font size]` entry of an ExtGState, if any.
    fn ext_g_state(
        &mut self,
        resources: Option<&'a Dictionary>,
        name: &[u8],
        gs: &mut GraphicsState,
    ) {
        let doc = self.doc;
        let font = resources
            .and_then(|r| dict_entry(doc, r, b"ExtGState"))
            .and_then(|states| dict_entry(doc, states, name))
            .and_then(|state| state.get(b"Font").ok())
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_array().ok());
        if let Some([font, size]) = font.map(Vec::as_slice)
            && let Some(size) = deref(doc, size).and_then(number)
        {
            gs.font = Some(self.cache.get(doc, font, b"ExtGState font"));
            gs.font_size = size;
        }
    }

    /// Shows the strings of a `Tj`/`TJ` operand (strings and, for `TJ`,
    /// numeric adjustments), records a run, and advances the text matrix.
    fn show(&mut self, gs: &GraphicsState, tm: &mut Matrix, items: &[Object]) {
        let font = gs
            .font
            .clone()
            .unwrap_or_else(|| Rc::new(FontInfo::unknown(b"")));
        let size = gs.font_size;
        let hscale = gs.horizontal_scale;
        // Text space at the start of the run -> user space.
        let start = tm.then(gs.ctm);

        let mut text = String::new();
        let mut advance = 0.0;
        let mut advance_to_last_glyph = 0.0;
        let mut any_glyph = false;
        let mut pending_space = false;
        for item in items {
            match item {
                Object::String(bytes, _) => {
                    for glyph in font.decode(bytes) {
                        if pending_space
                            && !text.ends_with(char::is_whitespace)
                            && !glyph.text.starts_with(char::is_whitespace)
                        {
                            text.push(' ');
                        }
                        pending_space = false;
                        text.push_str(&glyph.text);
                        let word_spacing = if glyph.is_word_space {
                            gs.word_spacing
                        } else {
                            0.0
                        };
                        advance += (glyph.width * size + gs.char_spacing + word_spacing) * hscale;
                        // A space paints nothing: the run's width ends at
                        // its last visible glyph.
                        if !glyph.text.chars().all(char::is_whitespace) {
                            advance_to_last_glyph = advance;
                        }
                        any_glyph = true;
                    }
                }
                other => {
                    if let Some(n) = number(other) {
                        advance -= n / 1000.0 * size * hscale;
                        if n <= -TJ_SPACE_THRESHOLD && any_glyph {
                            pending_space = true;
                        }
                    }
                }
            }
        }
        *tm = Matrix::translate(advance, 0.0).then(*tm);

        if any_glyph {
            let (x, y) = start.apply(0.0, gs.rise);
            self.runs.push(TextRun {
                text,
                font: font.name.clone(),
                size: (size * start.y_scale()).abs(),
                x,
                y,
                width: advance_to_last_glyph * start.x_scale(),
                turned: start.a < 0.0 && start.d < 0.0,
                mcid: self.marked.iter().rev().find_map(|m| m.0),
                artifact: self.marked.iter().any(|m| m.1),
            });
        }
    }

    /// `Do`: runs a form XObject's content with its matrix and resources.
    /// Images and unreadable or too deeply nested forms are skipped.
    fn draw_form(
        &mut self,
        resources: Option<&'a Dictionary>,
        name: &[u8],
        gs: &GraphicsState,
    ) -> Result<(), String> {
        let doc = self.doc;
        let Some(Ok(id)) = resources
            .and_then(|r| dict_entry(doc, r, b"XObject"))
            .and_then(|x| x.get(name).ok())
            .map(Object::as_reference)
        else {
            return Ok(());
        };
        if self.form_stack.len() >= MAX_FORM_DEPTH || self.form_stack.contains(&id) {
            return Ok(());
        }
        let Ok(Object::Stream(stream)) = doc.get_object(id) else {
            return Ok(());
        };
        if stream
            .dict
            .get(b"Subtype")
            .ok()
            .and_then(|o| o.as_name().ok())
            != Some(b"Form")
        {
            return Ok(());
        }
        let operations = match self.forms.get(&id) {
            Some(ops) => Rc::clone(ops),
            None => {
                let bytes = stream
                    .get_plain_content_with_limit(MAX_DECOMPRESSED_BYTES)
                    .map_err(|e| format!("form XObject {} {}: {e}", id.0, id.1))?;
                let ops = if bytes.iter().all(u8::is_ascii_whitespace) {
                    Vec::new()
                } else {
                    super::content::decode(&bytes)
                        .map_err(|e| format!("form XObject {} {}: {e}", id.0, id.1))?
                };
                let ops = Rc::new(ops);
                self.forms.insert(id, Rc::clone(&ops));
                ops
            }
        };
        let form_resources = dict_entry(doc, &stream.dict, b"Resources").or(resources);
        let mut form_gs = gs.clone();
        if let Some(matrix) = stream
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_array().ok())
            .and_then(|m| Matrix::from_objects(doc, m))
        {
            form_gs.ctm = matrix.then(gs.ctm);
        }
        self.form_stack.push(id);
        let result = self.run(&operations, form_resources, form_gs);
        self.form_stack.pop();
        result
    }
}
