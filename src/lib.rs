//! wellprint: TOML descriptions of recovery resources in, print-ready PDFs out.
//!
//! The pipeline runs in stages, each handing one typed value to the next:
//! model -> resolve -> layout -> render -> finish.

pub mod inspect;
