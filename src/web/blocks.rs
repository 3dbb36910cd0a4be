//! Each kind of block as HTML, with headings kept in order.

use std::fmt::Write as _;

use super::html::escape;
use super::picture;
use crate::colour::Colour;
use crate::model::phone;
use crate::pictures::Pictures;
use crate::resolve::{Block, Content, EntryLink, EntryMark, PictureSpec, RichText, TextStyle};

/// Writes blocks in reading order and keeps the heading levels: one `h1`,
/// and no heading deeper than one below the last.
pub struct Writer<'a> {
    pictures: &'a Pictures,
    out: String,
    /// The level of the last heading written (0: none yet).
    level: u8,
    /// Every sentence starts a line (Easy Read), as on paper.
    sentence_lines: bool,
}

/// Whether the block supplies the page's `h1` (a banner).
pub fn is_title(content: &Content) -> bool {
    matches!(content, Content::Banner { .. })
}

impl<'a> Writer<'a> {
    /// An empty page body; with `sentence_lines`, every sentence of its
    /// running text starts a line.
    pub fn new(pictures: &'a Pictures, sentence_lines: bool) -> Self {
        Writer {
            pictures,
            out: String::new(),
            level: 0,
            sentence_lines,
        }
    }

    /// Running text as HTML ([`text_html`]), each sentence after a `<br>`
    /// when the page starts every sentence on a line.
    fn said(&self, text: &RichText) -> String {
        if self.sentence_lines {
            text_html(&sentence_lines(text))
        } else {
            text_html(text)
        }
    }

    /// Bytes written so far.
    pub fn len(&self) -> usize {
        self.out.len()
    }

    /// The body's HTML.
    pub fn finish(self) -> String {
        self.out
    }

    /// The document title as the page's `h1`, for documents without a
    /// banner.
    pub fn title(&mut self, title: &str) {
        self.level = 1;
        let _ = writeln!(self.out, "<h1>{}</h1>", escape(title));
    }

    /// A heading at `want`, or shallower so that no level is skipped; a
    /// second `h1` becomes an `h2`.
    fn heading(&mut self, want: u8, text: &RichText) -> String {
        let level = self.level_for(want);
        self.level = level;
        format!("<h{level}>{}</h{level}>\n", inline(text, &[]))
    }

    /// The level a heading that wants `want` gets here.
    fn level_for(&self, want: u8) -> u8 {
        want.clamp(if self.level >= 1 { 2 } else { 1 }, self.level + 1)
    }

    /// One block.
    pub fn block(&mut self, block: &Block) {
        let html = match &block.content {
            Content::Banner {
                title,
                subtitle,
                fill,
                colour,
                picture,
            } => self.banner(title, subtitle.as_ref(), (*fill, *colour), picture.as_ref()),
            Content::Heading { text, .. } => self.heading(2, text),
            Content::Paragraph { text, style, .. } => self.text(text, *style),
            Content::KeyList { items, .. } => key_list(items),
            Content::Contacts(e) | Content::Helplines(e) => entries(&e.entries, &e.marks),
            Content::PreparedBy { logo, text, .. } => self.prepared_by(logo.as_ref(), text),
            Content::Logo { logo, .. } => format!("<p class=\"logo\">{}</p>\n", self.picture(logo)),
            Content::Spacer { .. } => String::new(),
            Content::Picture(spec) => format!(
                "<figure class=\"picture\">{}</figure>\n",
                self.picture(spec)
            ),
            Content::Row {
                picture,
                label,
                heading,
                text,
                items,
                ..
            } => self.row(picture, [label, heading, text].map(Option::as_ref), items),
            Content::List { items, .. } => list(items),
            Content::Cards { cards, .. } => self.cards(cards),
            Content::Journey { stages, .. } => self.journey(stages),
        };
        self.out.push_str(&html);
    }

    fn banner(
        &mut self,
        title: &RichText,
        subtitle: Option<&RichText>,
        (fill, colour): (Colour, Colour),
        picture: Option<&PictureSpec>,
    ) -> String {
        let heading = self.heading(1, title);
        let sub = subtitle
            .map(|s| format!("<p>{}</p>\n", self.said(s)))
            .unwrap_or_default();
        let picture = picture
            .map(|p| format!("<figure class=\"disc\">{}</figure>\n", self.picture(p)))
            .unwrap_or_default();
        format!(
            "<header class=\"banner\" style=\"background:{fill};color:{colour}\">\n{picture}{heading}{sub}</header>\n"
        )
    }

    fn text(&mut self, text: &RichText, style: TextStyle) -> String {
        match style {
            TextStyle::Title => self.heading(1, text),
            TextStyle::Heading => self.heading(2, text),
            TextStyle::Subtitle => format!("<p class=\"subtitle\">{}</p>\n", self.said(text)),
            TextStyle::Body => format!("<p>{}</p>\n", self.said(text)),
            TextStyle::Small => format!("<p class=\"small\">{}</p>\n", self.said(text)),
        }
    }

    fn prepared_by(&mut self, logo: Option<&PictureSpec>, text: &Option<RichText>) -> String {
        let logo = logo.map(|l| self.picture(l)).unwrap_or_default();
        let text = text
            .as_ref()
            .map(|t| format!("<p class=\"small\">{}</p>", self.said(t)))
            .unwrap_or_default();
        format!("<footer class=\"prepared-by\">{logo}{text}</footer>\n")
    }

    fn row(
        &mut self,
        picture: &PictureSpec,
        [label, heading, text]: [Option<&RichText>; 3],
        items: &[RichText],
    ) -> String {
        let pic = self.picture(picture);
        let label = label
            .map(|l| format!("<p class=\"label\">{}</p>\n", self.said(l)))
            .unwrap_or_default();
        let heading = heading.map(|h| self.heading(2, h)).unwrap_or_default();
        let text = text
            .map(|t| format!("<p>{}</p>\n", self.said(t)))
            .unwrap_or_default();
        let items = if items.is_empty() {
            String::new()
        } else {
            list(items)
        };
        format!(
            "<div class=\"row\"><div class=\"picture\">{pic}</div>\n<div>\n{label}{heading}{text}{items}</div></div>\n"
        )
    }

    fn cards(&mut self, cards: &[(RichText, RichText, Colour)]) -> String {
        let mut out = String::from("<ul class=\"cards\">\n");
        // Every card's title at one level, below the last heading.
        let level = self.level_for(3);
        for (title, text, accent) in cards {
            let heading = format!("<h{level}>{}</h{level}>", inline(title, &[]));
            let _ = writeln!(
                out,
                "<li style=\"--accent:{accent}\">{heading}<p>{}</p></li>",
                self.said(text)
            );
        }
        out.push_str("</ul>\n");
        self.level = level;
        out
    }

    /// The stages as a numbered list, each with its tip (headline, text,
    /// picture).
    fn journey(&mut self, stages: &[crate::resolve::Stage]) -> String {
        let mut out = String::from("<ol class=\"journey\">\n");
        let level = self.level_for(3);
        for stage in stages {
            let _ = write!(out, "<li><strong>{}</strong>", inline(&stage.label, &[]));
            if let Some((heading, text, picture)) = &stage.tip {
                let _ = write!(
                    out,
                    "<h{level}>{}</h{level}><p>{}</p>{}",
                    inline(heading, &[]),
                    self.said(text),
                    self.picture(picture)
                );
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
        self.level = level;
        out
    }

    fn picture(&self, spec: &PictureSpec) -> String {
        match self.pictures.get(&spec.src) {
            Some(p) => picture::element(p, &spec.alt),
            None => String::new(),
        }
    }
}

/// Contacts and helplines: a list of addresses. The picture beside each
/// entry in Easy Read print says the same thing each time; on the page the
/// list already says it, so it is left out.
fn entries(entries: &[RichText], marks: &[Vec<EntryMark>]) -> String {
    let mut out = String::from("<ul class=\"contacts\">\n");
    for (i, entry) in entries.iter().enumerate() {
        let marks = marks.get(i).map(Vec::as_slice).unwrap_or(&[]);
        let _ = writeln!(out, "<li><address>{}</address></li>", inline(entry, marks));
    }
    out.push_str("</ul>\n");
    out
}

fn key_list(items: &[(RichText, RichText, Colour)]) -> String {
    let mut out = String::from("<dl class=\"key-list\">\n");
    for (term, text, marker) in items {
        let _ = writeln!(
            out,
            "<dt style=\"--marker:{marker}\">{}</dt><dd>{}</dd>",
            inline(term, &[]),
            text_html(text)
        );
    }
    out.push_str("</dl>\n");
    out
}

fn list(items: &[RichText]) -> String {
    let mut out = String::from("<ul>\n");
    for item in items {
        let _ = writeln!(out, "<li>{}</li>", text_html(item));
    }
    out.push_str("</ul>\n");
    out
}

/// `text` with the space before each sentence but the first made a line
/// feed, which [`lines`] writes as `<br>`. Sentences are split as the Easy
/// Read checks split them ([`crate::check::sentences`]).
fn sentence_lines(text: &RichText) -> RichText {
    let plain = text.plain();
    let breaks: Vec<usize> = crate::check::sentences(&plain)
        .iter()
        .skip(1)
        .filter_map(|(r, _)| r.start.checked_sub(1))
        .filter(|&at| plain.as_bytes()[at] == b' ')
        .collect();
    let mut out = text.clone();
    let mut offset = 0;
    for run in &mut out.runs {
        let len = run.text.len();
        for at in breaks
            .iter()
            .filter(|&&at| (offset..offset + len).contains(&at))
        {
            // A space and a line feed are one byte each: offsets hold.
            run.text.replace_range(at - offset..at - offset + 1, "\n");
        }
        offset += len;
    }
    out
}

/// Running text: its phone numbers that can be rung become `tel:` links.
fn text_html(text: &RichText) -> String {
    inline(text, &[])
}

/// The runs of `text` as HTML: bold as `<strong>`, other languages in a
/// `<span lang>`, and the `marks`: links and text in another language.
/// Running text without marks gets a link for every number in it that
/// can be rung.
fn inline(text: &RichText, marks: &[EntryMark]) -> String {
    let mut marks = marks.to_vec();
    let mut out = String::new();
    for run in &text.runs {
        if marks.is_empty() {
            for range in phone::callable_in(&run.text) {
                marks.push(EntryMark::Link(EntryLink::call(&run.text[range])));
            }
        }
        let mut html = marked(&run.text, &mut marks);
        if run.bold {
            html = format!("<strong>{html}</strong>");
        }
        if let Some(lang) = &run.lang {
            html = format!("<span lang=\"{}\">{html}</span>", escape(lang));
        }
        out.push_str(&html);
    }
    out
}

/// The characters a mark stands for.
fn mark_text(mark: &EntryMark) -> &str {
    match mark {
        EntryMark::Link(l) => &l.text,
        EntryMark::Lang { text, .. } => text,
    }
}

/// `text` escaped, with the first place each mark's text appears made a
/// link or a `<span lang>` (marks found are used up, so each is used once).
fn marked(text: &str, marks: &mut Vec<EntryMark>) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some((at, i)) = marks
        .iter()
        .enumerate()
        .filter(|(_, m)| !mark_text(m).is_empty())
        .filter_map(|(i, m)| rest.find(mark_text(m)).map(|at| (at, i)))
        .min()
    {
        let mark = marks.remove(i);
        let shown = mark_text(&mark);
        out.push_str(&lines(&rest[..at]));
        let _ = match &mark {
            EntryMark::Link(link) => write!(
                out,
                "<a href=\"{}\" aria-label=\"{}\">{}</a>",
                escape(&link.uri),
                escape(&link.description),
                escape(shown)
            ),
            EntryMark::Lang { lang, .. } => write!(
                out,
                "<span lang=\"{}\">{}</span>",
                escape(lang),
                escape(shown)
            ),
        };
        rest = &rest[at + shown.len()..];
    }
    out.push_str(&lines(rest));
    out
}

/// `text` escaped, each line break a `<br>` (an entry's name and details
/// are on lines of their own).
fn lines(text: &str) -> String {
    escape(text).replace('\n', "<br>\n")
}
