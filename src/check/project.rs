//! The Easy Read check of every resource of a project, made once per run.

use std::collections::BTreeMap;

use crate::diag::{Diagnostic, Sources};
use crate::model::Resource;

use super::{Policy, Report, check_resource};

/// What the Easy Read check of one resource found: its report, or the
/// malformed waivers that stopped it.
pub type ResourceCheck = Result<Report, Vec<Diagnostic>>;

/// The Easy Read check of each resource that has an Easy Read variant, by
/// resource id. Made once when a project loads ([`Checks::new`]), so a run
/// of many documents checks each resource's text once; the library's build
/// reads it to stop an Easy Read document whose text has errors
/// ([`Checks::gate`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Checks {
    by_resource: BTreeMap<String, ResourceCheck>,
}

impl Checks {
    /// Checks every resource with an Easy Read variant against `policy`.
    pub fn new(sources: &Sources, resources: &[Resource], policy: &Policy) -> Checks {
        let by_resource = resources
            .iter()
            .filter_map(|r| check_resource(sources, r, policy).map(|c| (r.id.value.to_string(), c)))
            .collect();
        Checks { by_resource }
    }

    /// The check of the resource `id`; `None` when it has no Easy Read
    /// variant.
    pub fn get(&self, id: &str) -> Option<&ResourceCheck> {
        self.by_resource.get(id)
    }

    /// Every resource's check, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &ResourceCheck)> {
        self.by_resource.iter().map(|(id, c)| (id.as_str(), c))
    }

    /// `Ok` when the Easy Read version of the resource `id` may be built;
    /// otherwise the reasons: a summary line, then every error finding (or
    /// malformed waiver) with its place.
    pub fn gate(&self, id: &str) -> Result<(), Vec<Diagnostic>> {
        let errors = match self.by_resource.get(id) {
            None => return Ok(()),
            Some(Ok(report)) if !report.has_errors() => return Ok(()),
            Some(Ok(report)) => report.error_diagnostics(),
            Some(Err(bad_waivers)) => bad_waivers.clone(),
        };
        let n = errors.len();
        let summary = Diagnostic::error(
            None,
            format!(
                "the Easy Read text of `{id}` has {n} error{}, so its Easy Read version is not built",
                if n == 1 { "" } else { "s" }
            ),
        )
        .with_hint("fix the places named below, or waive a rule for one block with a reason");
        Err(std::iter::once(summary).chain(errors).collect())
    }
}
