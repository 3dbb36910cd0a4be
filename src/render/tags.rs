//! Tagged PDF: marked content in the page streams, and the structure tree,
//! ParentTree, MarkInfo and link annotations added with lopdf.
//!
//! Layout says what every item is with [`Role`] groups; nothing here
//! guesses. While a page is written, [`Tagger`] wraps each run of content in
//! `/<Type> <</MCID n>> BDC … EMC` (or `/Artifact BMC … EMC` for decoration)
//! and records the structure element it belongs to. [`finish`] then writes
//! those elements as a tree in reading order (the order of the roled groups
//! in the frames, with the panels of a folding sheet put back in panel
//! order by their [`Group::reading`] number, whatever page and slot they
//! are printed on) and ties every MCID and annotation back to its element
//! through the ParentTree.
//!
//! Rules: content attaches to the nearest enclosing roled group if that role
//! holds content (headings, P, Lbl, LBody, Figure, Link); content with no
//! such group, directly inside a container (L, LI), or inside an
//! [`Role::Artifact`] group is an artifact.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId};
use printpdf::{DictItem, Op};

use crate::layout::{Group, Role};

use super::post::text_string;

/// A structure element being collected.
#[derive(Debug, Clone)]
struct Node {
    role: Role,
    alt: Option<String>,
    lang: Option<String>,
    /// The reading number of the panel the element is on (0 when not
    /// imposed): siblings are written in this order, stably.
    reading: usize,
    kids: Vec<Kid>,
}

/// A child of a structure element.
#[derive(Debug, Clone, Copy)]
enum Kid {
    /// Another element.
    Node(usize),
    /// A marked-content sequence on a page.
    Mcid { page: usize, mcid: i64 },
    /// A link annotation on a page (index into the page's links).
    Annot { page: usize, index: usize },
}

/// A link annotation to add to a page.
#[derive(Debug, Clone)]
struct LinkAnnot {
    /// `[x0 y0 x1 y1]` in PDF points.
    rect: [f32; 4],
    uri: String,
    description: String,
}

/// Where the walk is: the element new elements go into, and the element
/// content goes into (`None`: artifact).
#[derive(Debug, Clone, Copy)]
struct Context {
    parent: usize,
    content: Option<usize>,
    artifact: bool,
    /// The reading number new elements get ([`Group::reading`]).
    reading: usize,
}

/// What the open marked-content sequence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Artifact,
    Node(usize),
}

/// Collects the structure of the whole document while its pages are
/// written.
#[derive(Debug)]
pub(super) struct Tagger {
    /// Element 0 is the Document.
    nodes: Vec<Node>,
    /// Per page: the element each MCID belongs to (index = MCID).
    mcids: Vec<Vec<usize>>,
    /// Per page: link annotations and their Link element.
    links: Vec<Vec<(LinkAnnot, usize)>>,
    stack: Vec<Context>,
    open: Option<Open>,
}

impl Tagger {
    /// An empty tree with its Document element.
    pub(super) fn new() -> Tagger {
        Tagger {
            nodes: vec![Node {
                role: Role::P,
                alt: None,
                lang: None,
                reading: 0,
                kids: Vec::new(),
            }],
            mcids: Vec::new(),
            links: Vec::new(),
            stack: Vec::new(),
            open: None,
        }
    }

    /// Starts a new page.
    pub(super) fn begin_page(&mut self) {
        self.mcids.push(Vec::new());
        self.links.push(Vec::new());
        self.stack = vec![Context {
            parent: 0,
            content: None,
            artifact: false,
            reading: 0,
        }];
        self.open = None;
    }

    /// Ends the page: closes any open sequence.
    pub(super) fn end_page(&mut self, ops: &mut Vec<Op>) {
        self.close(ops);
    }

    fn top(&self) -> Context {
        self.stack.last().copied().unwrap_or(Context {
            parent: 0,
            content: None,
            artifact: false,
            reading: 0,
        })
    }

    /// Enters a group (with its role, alternative text, language and
    /// reading number).
    pub(super) fn enter(&mut self, group: &Group, ops: &mut Vec<Op>) {
        let mut top = self.top();
        top.reading = group.reading.unwrap_or(top.reading);
        let (alt, lang) = (group.alt.as_ref(), group.lang.as_ref());
        let context = match group.role.as_ref() {
            None => top,
            Some(_) if top.artifact => top,
            Some(Role::Artifact) => Context {
                content: None,
                artifact: true,
                ..top
            },
            Some(role) => {
                self.close(ops);
                let id = self.nodes.len();
                self.nodes.push(Node {
                    role: role.clone(),
                    alt: alt.cloned(),
                    lang: lang.cloned(),
                    reading: top.reading,
                    kids: Vec::new(),
                });
                self.nodes[top.parent].kids.push(Kid::Node(id));
                let holds_content = !matches!(role, Role::L | Role::LI);
                Context {
                    parent: id,
                    content: holds_content.then_some(id),
                    artifact: false,
                    reading: top.reading,
                }
            }
        };
        self.stack.push(context);
    }

    /// Leaves the group entered last.
    pub(super) fn leave(&mut self, ops: &mut Vec<Op>) {
        let left = self.stack.pop();
        if left.map(|c| c.parent) != Some(self.top().parent) {
            self.close(ops);
        }
    }

    /// Closes the open marked-content sequence (before `q`/`Q`, so that
    /// sequences and graphics states nest).
    pub(super) fn close(&mut self, ops: &mut Vec<Op>) {
        if self.open.take().is_some() {
            ops.push(Op::EndMarkedContent);
        }
    }

    /// Makes sure the right sequence is open before content is painted.
    pub(super) fn content(&mut self, ops: &mut Vec<Op>) {
        let want = match self.top().content {
            Some(id) => Open::Node(id),
            None => Open::Artifact,
        };
        if self.open == Some(want) {
            return;
        }
        self.close(ops);
        match want {
            Open::Artifact => ops.push(Op::BeginMarkedContent {
                tag: "Artifact".to_owned(),
            }),
            Open::Node(id) => {
                let page = self.mcids.len().saturating_sub(1);
                let Some(mcids) = self.mcids.last_mut() else {
                    return;
                };
                let mcid = mcids.len() as i64;
                mcids.push(id);
                self.nodes[id].kids.push(Kid::Mcid { page, mcid });
                ops.push(Op::BeginMarkedContentWithProperties {
                    tag: self.nodes[id].role.structure_type().to_owned(),
                    properties: DictItem::Dict {
                        map: BTreeMap::from([("MCID".to_owned(), DictItem::Int(mcid))]),
                    },
                });
            }
        }
        self.open = Some(want);
    }

    /// Records that text covering `rect` (PDF points) was painted; inside a
    /// link, the rectangle becomes (part of) its annotation.
    pub(super) fn painted_text(&mut self, rect: [f32; 4]) {
        let Some(id) = self.top().content else {
            return;
        };
        let Role::Link { uri, description } = &self.nodes[id].role else {
            return;
        };
        let page = self.links.len().saturating_sub(1);
        let Some(links) = self.links.last_mut() else {
            return;
        };
        // Pieces of one link on the same line become one annotation.
        if let Some((last, node)) = links.last_mut() {
            let same_line = (last.rect[1] - rect[1]).abs() < 0.5;
            if *node == id && same_line {
                last.rect[0] = last.rect[0].min(rect[0]);
                last.rect[2] = last.rect[2].max(rect[2]);
                last.rect[3] = last.rect[3].max(rect[3]);
                return;
            }
        }
        let index = links.len();
        links.push((
            LinkAnnot {
                rect,
                uri: uri.clone(),
                description: description.clone(),
            },
            id,
        ));
        self.nodes[id].kids.push(Kid::Annot { page, index });
    }
}

/// Puts every element's child elements in reading order: by the reading
/// number of their panel, keeping painting order within a panel (a stable
/// sort, so a document that is not imposed keeps its order).
fn into_reading_order(nodes: &mut [Node]) {
    let reading: Vec<usize> = nodes.iter().map(|n| n.reading).collect();
    for node in nodes.iter_mut() {
        let own = node.reading;
        node.kids.sort_by_key(|kid| match kid {
            Kid::Node(k) => reading.get(*k).copied().unwrap_or(own),
            Kid::Mcid { .. } | Kid::Annot { .. } => own,
        });
    }
}

/// Writes the structure tree, ParentTree, MarkInfo, page `/StructParents`
/// and `/Tabs /S` and link annotations into `doc`.
pub(super) fn finish(doc: &mut Document, mut tagger: Tagger) {
    into_reading_order(&mut tagger.nodes);
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let root_id = doc.new_object_id();
    let ids: Vec<ObjectId> = tagger.nodes.iter().map(|_| doc.new_object_id()).collect();
    let mut parents: Vec<ObjectId> = vec![root_id; ids.len()];
    for (i, node) in tagger.nodes.iter().enumerate() {
        for kid in &node.kids {
            if let Kid::Node(k) = kid {
                parents[*k] = ids[i];
            }
        }
    }
    let links = link_annotations(doc, &tagger, &pages, &ids);
    for (i, node) in tagger.nodes.iter().enumerate() {
        let dict = element(i, node, parents[i], &ids, &pages, &links.ids);
        doc.objects.insert(ids[i], Object::Dictionary(dict));
    }

    // ParentTree: page k's MCIDs, then each annotation's element.
    let mut nums: Vec<Object> = Vec::new();
    for (p, mcids) in tagger.mcids.iter().enumerate() {
        nums.push(Object::Integer(p as i64));
        nums.push(Object::Array(
            mcids.iter().map(|n| Object::Reference(ids[*n])).collect(),
        ));
    }
    nums.extend(links.parent_tree);
    let mut tree = Dictionary::new();
    tree.set("Nums", Object::Array(nums));
    let mut root = Dictionary::new();
    root.set("Type", Object::Name(b"StructTreeRoot".to_vec()));
    root.set("K", Object::Reference(ids[0]));
    root.set("ParentTree", Object::Dictionary(tree));
    root.set("ParentTreeNextKey", Object::Integer(links.next_key));
    doc.objects.insert(root_id, Object::Dictionary(root));
    set_pages(doc, &pages, &links.ids);
    mark_catalog(doc, root_id);
}

/// The link annotations written, and their entries in the ParentTree.
struct Links {
    /// Each page's annotations.
    ids: Vec<Vec<ObjectId>>,
    /// ParentTree pairs: (key, element) for each annotation.
    parent_tree: Vec<Object>,
    /// The next unused ParentTree key.
    next_key: i64,
}

/// Adds the link annotations, one object each.
fn link_annotations(
    doc: &mut Document,
    tagger: &Tagger,
    pages: &[ObjectId],
    ids: &[ObjectId],
) -> Links {
    let mut out = Links {
        ids: Vec::new(),
        parent_tree: Vec::new(),
        next_key: pages.len() as i64,
    };
    for (p, links) in tagger.links.iter().enumerate() {
        let mut page_annots = Vec::new();
        for (link, node) in links {
            let mut annot = link_annotation(link);
            annot.set("StructParent", Object::Integer(out.next_key));
            if let Some(page) = pages.get(p) {
                annot.set("P", Object::Reference(*page));
            }
            let id = doc.add_object(Object::Dictionary(annot));
            out.parent_tree.push(Object::Integer(out.next_key));
            out.parent_tree.push(Object::Reference(ids[*node]));
            out.next_key += 1;
            page_annots.push(id);
        }
        out.ids.push(page_annots);
    }
    out
}

/// A link annotation's dictionary, without its page and ParentTree key.
fn link_annotation(link: &LinkAnnot) -> Dictionary {
    let mut action = Dictionary::new();
    action.set("S", Object::Name(b"URI".to_vec()));
    action.set("URI", Object::string_literal(link.uri.as_str()));
    let mut annot = Dictionary::new();
    annot.set("Type", Object::Name(b"Annot".to_vec()));
    annot.set("Subtype", Object::Name(b"Link".to_vec()));
    annot.set(
        "Rect",
        Object::Array(link.rect.iter().map(|v| Object::Real(*v)).collect()),
    );
    annot.set(
        "Border",
        Object::Array(vec![
            Object::Integer(0),
            Object::Integer(0),
            Object::Integer(0),
        ]),
    );
    annot.set("F", Object::Integer(4));
    annot.set("A", Object::Dictionary(action));
    annot.set("Contents", text_string(&link.description));
    annot
}

/// Structure element `i` (0 is the document).
fn element(
    i: usize,
    node: &Node,
    parent: ObjectId,
    ids: &[ObjectId],
    pages: &[ObjectId],
    annots: &[Vec<ObjectId>],
) -> Dictionary {
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"StructElem".to_vec()));
    let kind = if i == 0 {
        "Document"
    } else {
        node.role.structure_type()
    };
    dict.set("S", Object::Name(kind.as_bytes().to_vec()));
    dict.set("P", Object::Reference(parent));
    if let Some(alt) = &node.alt {
        dict.set("Alt", text_string(alt));
    }
    if let Role::Link { description, .. } = &node.role
        && i != 0
    {
        dict.set("Alt", text_string(description));
    }
    if let Some(lang) = &node.lang {
        dict.set("Lang", Object::string_literal(lang.as_str()));
    }
    let kids: Vec<Object> = node
        .kids
        .iter()
        .filter_map(|kid| match *kid {
            Kid::Node(k) => Some(Object::Reference(ids[k])),
            Kid::Mcid { page, mcid } => {
                let mut mcr = Dictionary::new();
                mcr.set("Type", Object::Name(b"MCR".to_vec()));
                mcr.set("Pg", Object::Reference(*pages.get(page)?));
                mcr.set("MCID", Object::Integer(mcid));
                Some(Object::Dictionary(mcr))
            }
            Kid::Annot { page, index } => {
                let mut objr = Dictionary::new();
                objr.set("Type", Object::Name(b"OBJR".to_vec()));
                objr.set("Pg", Object::Reference(*pages.get(page)?));
                objr.set("Obj", Object::Reference(*annots.get(page)?.get(index)?));
                Some(Object::Dictionary(objr))
            }
        })
        .collect();
    dict.set("K", Object::Array(kids));
    dict
}

/// Each page's `/StructParents`, `/Tabs /S` and `/Annots`.
fn set_pages(doc: &mut Document, pages: &[ObjectId], annots: &[Vec<ObjectId>]) {
    for (p, page) in pages.iter().enumerate() {
        if let Ok(dict) = doc.get_object_mut(*page).and_then(Object::as_dict_mut) {
            dict.set("StructParents", Object::Integer(p as i64));
            dict.set("Tabs", Object::Name(b"S".to_vec()));
            if let Some(annots) = annots.get(p).filter(|a| !a.is_empty()) {
                dict.set(
                    "Annots",
                    Object::Array(annots.iter().map(|a| Object::Reference(*a)).collect()),
                );
            }
        }
    }
}

/// The catalog's `/MarkInfo` and `/StructTreeRoot`.
fn mark_catalog(doc: &mut Document, root_id: ObjectId) {
    let Ok(catalog_id) = doc.trailer.get(b"Root").and_then(Object::as_reference) else {
        return;
    };
    if let Ok(catalog) = doc.get_object_mut(catalog_id).and_then(Object::as_dict_mut) {
        let mut mark = Dictionary::new();
        mark.set("Marked", Object::Boolean(true));
        catalog.set("MarkInfo", Object::Dictionary(mark));
        catalog.set("StructTreeRoot", Object::Reference(root_id));
    }
}
