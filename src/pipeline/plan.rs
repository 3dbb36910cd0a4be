//! Job planning: which documents a run makes, and the documents an area
//! file with mistakes would have made (each a failure naming its errors).

use std::path::Path;

use super::batch::{Failure, JobResult, Outcome};
use super::{Job, Loaded, all_jobs};
use crate::diag::Diagnostic;
use crate::finish::{Target, output_path};
use crate::model::Variant;

/// Which jobs to run: area ids, resource ids and variants, each empty for
/// all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Area ids (`--area`).
    pub areas: Vec<String>,
    /// Resource ids (`--resource`).
    pub resources: Vec<String>,
    /// Variants (`--variant`).
    pub variants: Vec<Variant>,
}

impl Selection {
    /// Whether the area `id` is selected.
    pub fn has_area(&self, id: &str) -> bool {
        self.areas.is_empty() || self.areas.iter().any(|a| a == id)
    }

    /// Whether the resource `id` is selected.
    pub fn has_resource(&self, id: &str) -> bool {
        self.resources.is_empty() || self.resources.iter().any(|r| r == id)
    }

    /// Whether `variant` is selected.
    pub fn has_variant(&self, variant: Variant) -> bool {
        self.variants.is_empty() || self.variants.contains(&variant)
    }

    /// The selected jobs of `loaded`, in a stable order (area, resource,
    /// variant, format). An id that names nothing (a broken area counts as
    /// known) is an error listing the known ones.
    pub fn jobs<'a>(&self, loaded: &'a Loaded) -> Result<Vec<Job<'a>>, Diagnostic> {
        unknown(
            "area",
            &self.areas,
            loaded
                .areas
                .iter()
                .map(|a| a.id.value.as_str())
                .chain(loaded.broken.iter().map(|b| b.id.as_str())),
        )?;
        unknown(
            "resource",
            &self.resources,
            loaded.resources.iter().map(|r| r.id.value.as_str()),
        )?;
        Ok(all_jobs(loaded)
            .into_iter()
            .filter(|j| self.has_area(j.area.id.value.as_str()))
            .filter(|j| self.has_resource(j.resource.id.value.as_str()))
            .filter(|j| self.has_variant(j.variant))
            .collect())
    }

    /// The ids of the selected area files with mistakes, sorted.
    pub fn broken_areas(&self, loaded: &Loaded) -> Vec<String> {
        let mut ids: Vec<String> = loaded
            .broken
            .iter()
            .filter(|a| self.has_area(&a.id))
            .map(|a| a.id.clone())
            .collect();
        ids.sort();
        ids
    }
}

/// The documents the selected area files with mistakes would have made for
/// `target` below `out`, each failed with its area's errors (so the report
/// and summary name them), numbered from `first_index`.
pub fn broken_jobs(
    loaded: &Loaded,
    selection: &Selection,
    target: Target,
    out: &Path,
    first_index: usize,
) -> Vec<JobResult> {
    let mut results = Vec::new();
    let areas = loaded.broken.iter().filter(|a| selection.has_area(&a.id));
    for area in areas {
        let resources = loaded.resources.iter();
        for resource in resources.filter(|r| selection.has_resource(r.id.value.as_str())) {
            // Whether a broken area wants the bilingual version cannot be
            // read: only the others are named.
            for &variant in resource.variants.keys() {
                if !selection.has_variant(variant) || variant == Variant::Bilingual {
                    continue;
                }
                let formats = resource.formats_for(variant);
                let formats = match target {
                    Target::Print => formats,
                    Target::Screen => &formats[..formats.len().min(1)],
                };
                for (i, format) in formats.iter().enumerate() {
                    let suffix = (i > 0).then_some(format.name.as_str());
                    // Nothing is written: a path that would be refused is
                    // only named.
                    let path =
                        output_path(out, &area.id, &resource.id.value, variant, suffix, target)
                            .unwrap_or_else(|e| e.path);
                    results.push(JobResult {
                        index: first_index + results.len(),
                        resource: resource.id.value.to_string(),
                        variant: variant.name().to_owned(),
                        area: area.id.clone(),
                        format: format.name.to_string(),
                        path,
                        outcome: Outcome::Failed {
                            failure: Failure::Input,
                            errors: area.errors.clone(),
                        },
                    });
                }
            }
        }
    }
    results
}

/// An error for ids asked for that do not exist.
fn unknown<'a>(
    what: &str,
    asked: &[String],
    known: impl Iterator<Item = &'a str>,
) -> Result<(), Diagnostic> {
    let known: Vec<&str> = known.collect();
    for id in asked {
        if !known.contains(&id.as_str()) {
            return Err(
                Diagnostic::error(None, format!("there is no {what} `{id}`"))
                    .with_hint(format!("the {what}s are: {}", known.join(", "))),
            );
        }
    }
    Ok(())
}
