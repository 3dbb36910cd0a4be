//! `kind = "journey"`: a path through 2 to 10 `[[….stage]]` tables, each
//! with a `label` and, optionally, a tip (`heading`, `text`, `picture`,
//! `alt`); `start` and `end` pictures at the path's ends.

use crate::diag::{Diagnostic, Span};
use crate::geom::Abs;
use crate::model::convert::Checker;
use crate::model::resource::{BlockFile, EndFile, StageFile};
use crate::model::{BlockContent, Located, PictureRef, Stage, Tip};

/// The checked block; `None` after an error that leaves nothing to show.
pub(super) fn check(cx: &mut Checker, b: &BlockFile, span: &Span) -> Option<BlockContent> {
    let colour = cx.text_colour(b);
    let stages: Vec<Stage> = b
        .stage
        .iter()
        .flatten()
        .filter_map(|s| stage(cx, s.get_ref(), &cx.span(s), colour))
        .collect();
    let written = b.stage.as_ref().map_or(0, Vec::len);
    if !(2..=10).contains(&written) {
        cx.errors.push(
            Diagnostic::error(
                span.clone(),
                "a `journey` needs 2 to 10 `[[….stage]]` tables",
            )
            .with_hint(
                "[[standard.page.block.stage]] with label = \"Admission\", then the next stage",
            ),
        );
        return None;
    }
    let end = |cx: &mut Checker, e: &Option<toml::Spanned<EndFile>>| {
        e.as_ref().map(|e| PictureRef {
            src: cx.loc(&e.get_ref().picture),
            alt: cx.loc(&e.get_ref().alt),
            width: None,
            max_width: None,
        })
    };
    Some(BlockContent::Journey {
        start: end(cx, &b.start),
        end: end(cx, &b.end),
        stages: (stages.len() == written).then_some(stages)?,
        colour,
        height: b.height.as_ref().map_or(Abs::ZERO, |h| h.get_ref().0),
    })
}

/// One stage; `None` after an error (a tip with some of its keys only).
fn stage(
    cx: &mut Checker,
    s: &StageFile,
    span: &Span,
    colour: crate::colour::Colour,
) -> Option<Stage> {
    let colour = s.colour.as_ref().map_or(colour, |c| cx.colour(c));
    let label = nonempty(cx, &s.label, "label")?;
    let parts = [&s.heading, &s.text, &s.picture, &s.alt];
    let tip = match parts.map(Option::as_ref) {
        [None, None, None, None] => None,
        [Some(h), Some(t), Some(p), Some(a)] => Some(Tip {
            heading: nonempty(cx, h, "heading")?,
            text: nonempty(cx, t, "text")?,
            picture: PictureRef {
                src: cx.loc(p),
                alt: nonempty(cx, a, "alt")?,
                width: None,
                max_width: None,
            },
        }),
        _ => {
            cx.errors.push(
                Diagnostic::error(
                    span.clone(),
                    "a stage's tip needs all of `heading`, `text`, `picture` and `alt`",
                )
                .with_hint("give the stage all four keys, or none for a signpost without a tip"),
            );
            return None;
        }
    };
    Some(Stage { label, colour, tip })
}

/// The text of `key`, an error when it is empty.
fn nonempty(cx: &mut Checker, s: &toml::Spanned<String>, key: &str) -> Option<Located<String>> {
    if s.get_ref().trim().is_empty() {
        cx.errors.push(Diagnostic::error(
            cx.span(s),
            format!("the stage's `{key}` is empty"),
        ));
        return None;
    }
    Some(cx.loc(s))
}

#[cfg(test)]
mod tests {
    use crate::diag::Sources;
    use crate::model::resource::ResourceFile;

    /// The errors of a resource with one journey whose stages are
    /// `stages` (TOML for the stage tables).
    fn errors(stages: &str) -> Vec<String> {
        let text = format!(
            "id = \"t\"\ntitle = \"T\"\nsize = \"a3\"\n\n[standard]\n[[standard.page]]\n\
             [[standard.page.block]]\nkind = \"journey\"\n{stages}"
        );
        let raw: ResourceFile = toml::from_str(&text).expect("parses");
        let mut sources = Sources::new();
        let file = sources.add("resources/t.toml", text);
        match super::super::super::resource(file, raw) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.into_iter().map(|d| d.message).collect(),
        }
    }

    const STAGE: &str = "[[standard.page.block.stage]]\nlabel = \"Two\"\n";

    #[test]
    fn a_tip_has_all_four_keys_or_none() {
        let full = "[[standard.page.block.stage]]\nlabel = \"One\"\nheading = \"H\"\n\
                    text = \"T\"\npicture = \"assets/pictures/heart.svg\"\nalt = \"A heart\"\n";
        assert_eq!(errors(&format!("{full}{STAGE}")), Vec::<String>::new());
        let partial = "[[standard.page.block.stage]]\nlabel = \"One\"\nheading = \"H\"\n";
        assert_eq!(
            errors(&format!("{partial}{STAGE}")),
            ["a stage's tip needs all of `heading`, `text`, `picture` and `alt`"]
        );
    }

    #[test]
    fn a_journey_has_two_to_ten_stages() {
        assert_eq!(
            errors(STAGE),
            ["a `journey` needs 2 to 10 `[[….stage]]` tables"]
        );
        assert!(errors(&STAGE.repeat(10)).is_empty());
        assert_eq!(errors(&STAGE.repeat(11)).len(), 1);
    }
}
