//! The page's stylesheet: the document's own colours, a readable measure,
//! type no smaller than the browser's default, and print rules.

use crate::resolve::Document;

/// CSS for `doc`. Sizes follow the document's type scale, but body text
/// is never below 1rem (the reader's own default size), so a card's 7 pt
/// print does not become 9 px on screen.
pub fn css(doc: &Document) -> String {
    let t = &doc.type_sizes;
    let rem = |size: crate::geom::Abs| {
        let ratio = size.to_pt() / t.body.to_pt().max(1.0);
        (ratio * body_rem(doc)).max(1.0)
    };
    format!(
        "{BASE}\
         body {{ color: {ink}; background: {paper}; font-size: {body:.3}rem; \
         line-height: {leading:.2}; }}\n\
         h1 {{ font-size: {title:.3}rem; }}\n\
         h2 {{ font-size: {heading:.3}rem; }}\n\
         h3 {{ font-size: {sub:.3}rem; }}\n\
         .small {{ font-size: {small:.3}rem; }}\n",
        ink = doc.ink,
        paper = doc.paper,
        body = body_rem(doc),
        leading = doc.type_sizes.leading.max(1.5),
        title = rem(t.title).max(rem(t.heading) * 1.2),
        heading = rem(t.heading).max(1.2),
        sub = (rem(t.heading) * 0.9).max(1.1),
        small = rem(t.small),
    )
}

/// Body size in rem: the document's body size against 12 pt, at least 1
/// (Easy Read's 14 pt body gives 1.17rem).
fn body_rem(doc: &Document) -> f64 {
    (doc.type_sizes.body.to_pt() / 12.0).max(1.0)
}

/// Layout, lists and the print stylesheet, the same for every page.
const BASE: &str = "\
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font-family: \"Atkinson Hyperlegible\", Verdana, Arial, sans-serif; }
main { max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1, h2, h3 { line-height: 1.25; margin: 1.5em 0 0.5em; }
h1 { margin-top: 0.5em; }
p { margin: 0 0 0.75em; }
a { color: inherit; }
a:focus-visible { outline: 3px solid currentColor; outline-offset: 2px; }
.banner { padding: 1rem 1.25rem; border-radius: 0.5rem; margin: 0 0 1.5rem; }
.banner h1, .banner h2 { margin: 0 0 0.25em; }
.banner p { margin: 0; }
.banner .disc { float: right; margin: 0 0 0.5rem 1rem; width: 7rem; height: 7rem; border-radius: 50%; background: #fff; display: flex; align-items: center; justify-content: center; }
.banner .disc > * { width: 80%; height: auto; }
.banner::after { content: \"\"; display: block; clear: both; }
dl.key-list dt { font-weight: bold; margin-top: 0.75em; }
dl.key-list dt::before { content: \"\"; display: inline-block; width: 0.8em; height: 0.8em; \
border-radius: 50%; margin-right: 0.4em; background: var(--marker); }
dl.key-list dd { margin: 0 0 0.5em 1.2em; }
ul.contacts { list-style: none; padding: 0; }
ul.contacts li { margin: 0 0 1em; }
ul.contacts address { font-style: normal; }
.row { display: grid; grid-template-columns: 6rem 1fr; gap: 1rem; align-items: start; margin: 0 0 1.5rem; }
.row h2, .row h3 { margin-top: 0; }
.row .label { font-weight: bold; margin: 0 0 0.25rem; }
.picture svg, .picture img { width: 100%; height: auto; display: block; }
figure.picture { margin: 0 0 1rem; max-width: 20rem; }
ul.cards { list-style: none; padding: 0; display: grid; \
grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; }
ul.cards li { border-left: 0.4rem solid var(--accent); padding: 0.5rem 0.75rem; }
ul.cards h3 { margin: 0 0 0.25em; }
ol.journey { padding-left: 1.5rem; }
ol.journey li { margin: 0 0 0.4em; padding-left: 0.25rem; }
footer.prepared-by { display: flex; gap: 1rem; align-items: center; margin-top: 2rem; }
footer.prepared-by img, footer.prepared-by svg { max-width: 8rem; max-height: 4rem; width: auto; }
p.logo img, p.logo svg { max-width: 12rem; max-height: 6rem; width: auto; height: auto; }
@media print {
  body { background: #fff; }
  main { max-width: none; padding: 0; }
  a { text-decoration: none; }
  .row, ul.contacts li, ul.cards li { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
}
";
