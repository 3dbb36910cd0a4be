//! Raster pictures as image XObjects, each embedded once per document.

use std::collections::BTreeMap;
use std::sync::Arc;

use printpdf::{
    Op, PdfDocument, Pt, RawImage, RawImageData, RawImageFormat, XObject, XObjectId,
    XObjectTransform,
};

use crate::geom::Point;
use crate::layout::ImageItem;
use crate::pictures::Raster;

use super::PageSpace;

/// The resolution printpdf assumes when placing an image at scale 1.
const BASE_DPI: f32 = 300.0;

/// Image XObjects already added to a document, by picture; named `Im1`,
/// `Im2`, … in order of first use, so the same document gets the same
/// names on every build.
#[derive(Default)]
pub(super) struct Images {
    ids: BTreeMap<usize, XObjectId>,
}

impl Images {
    /// The XObject for `raster`, adding it on first use. Pixels are passed
    /// as they are: no re-encoding, no down-sampling.
    pub(super) fn id(&mut self, doc: &mut PdfDocument, raster: &Arc<Raster>) -> XObjectId {
        let key = Arc::as_ptr(raster) as usize;
        if let Some(id) = self.ids.get(&key) {
            return id.clone();
        }
        let (pixels, format) = match &raster.alpha {
            Some(alpha) => {
                let mut rgba = Vec::with_capacity(alpha.len() * 4);
                for (rgb, a) in raster.rgb.chunks_exact(3).zip(alpha) {
                    rgba.extend_from_slice(rgb);
                    rgba.push(*a);
                }
                (rgba, RawImageFormat::RGBA8)
            }
            None => (raster.rgb.clone(), RawImageFormat::RGB8),
        };
        let image = RawImage {
            pixels: RawImageData::U8(pixels),
            width: raster.width as usize,
            height: raster.height as usize,
            data_format: format,
            tag: Vec::new(),
        };
        // printpdf's `add_image` names the XObject at random, so every
        // build would differ: name it by order of first use instead.
        let id = XObjectId(format!("Im{}", self.ids.len() + 1));
        doc.resources
            .xobjects
            .map
            .insert(id.clone(), XObject::Image(image));
        self.ids.insert(key, id.clone());
        id
    }
}

/// Places the image with its top-left corner at `pos`.
pub(super) fn write(
    ops: &mut Vec<Op>,
    space: PageSpace,
    pos: Point,
    item: &ImageItem,
    id: XObjectId,
) {
    // At scale 1 printpdf draws the image at (pixels / BASE_DPI) inches.
    let natural_w = item.raster.width as f32 / BASE_DPI * 72.0;
    let natural_h = item.raster.height as f32 / BASE_DPI * 72.0;
    let bottom_left = Point::new(pos.x, pos.y + item.size.h);
    let (x, y) = space.to_pdf(bottom_left);
    ops.push(Op::UseXobject {
        id,
        transform: XObjectTransform {
            translate_x: Some(Pt(x)),
            translate_y: Some(Pt(y)),
            rotate: None,
            scale_x: Some(item.size.w.to_pt() as f32 / natural_w),
            scale_y: Some(item.size.h.to_pt() as f32 / natural_h),
            dpi: Some(BASE_DPI),
            no_auto_scale: false,
        },
    });
}
