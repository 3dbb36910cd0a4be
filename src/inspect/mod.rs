//! Reads PDFs back: page boxes, fonts, positioned text.
