//! Area files as fields: reading the fields the page edits, applying its
//! changes with `toml_edit` (comments, order and formatting kept), and
//! naming the field a byte offset falls in (to show a mistake beside it).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use toml_edit::{DocumentMut, Item, Table, Value};

/// The top-level keys the page edits.
pub const AREA_KEYS: [&str; 3] = ["name", "nation", "prepared-by"];

/// The keys of a contact the page edits: the same as a contacts CSV's
/// columns, which are every key a `[[contact]]` takes.
pub const CONTACT_KEYS: [&str; 8] = crate::model::CSV_COLUMNS;

/// The fields of an area file, as text (tags joined with `, `). A value
/// the page cannot edit as one line (a list of lines in several
/// languages) is left out; edit it in the text.
#[derive(Debug, Serialize)]
pub struct Fields {
    /// `name`, `nation`, `prepared-by`.
    pub area: BTreeMap<String, String>,
    /// Each `[[contact]]` table's keys.
    pub contacts: Vec<BTreeMap<String, String>>,
    /// The CSV file of more contacts, if any (edited in the CSV).
    pub contacts_csv: Option<String>,
}

/// Where a field is: a top-level key, or a key of the contact at `contact`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldPath {
    /// The contact's index among the `[[contact]]` tables.
    pub contact: Option<usize>,
    /// The key (`phone`); none for the contact as a whole.
    pub key: Option<String>,
}

/// One change the page asks for.
#[derive(Debug, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Change {
    /// Sets a field's text (an empty text removes an optional field; tags
    /// are separated by commas).
    Set {
        /// The field.
        field: FieldPath,
        /// Its new text.
        value: String,
    },
    /// Adds an empty contact at the end.
    AddContact,
    /// Removes the contact at `index`.
    RemoveContact {
        /// Its index.
        index: usize,
    },
    /// Moves the contact at `index` to `to` (the others close up),
    /// comments and all.
    MoveContact {
        /// Its index.
        index: usize,
        /// Its new index.
        to: usize,
    },
}

/// The fields of `text`, or the TOML parser's message.
pub fn fields(text: &str) -> Result<Fields, String> {
    let doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| e.to_string())?;
    let area = AREA_KEYS
        .iter()
        .filter_map(|k| Some((k.to_string(), as_text(doc.get(k)?)?)))
        .collect();
    let contacts = contact_tables(doc.as_table())
        .map(|t| {
            CONTACT_KEYS
                .iter()
                .filter_map(|k| Some((k.to_string(), as_text(t.get(k)?)?)))
                .collect()
        })
        .collect();
    let contacts_csv = doc.get("contacts").and_then(as_text);
    Ok(Fields {
        area,
        contacts,
        contacts_csv,
    })
}

/// The `[[contact]]` tables of `table`.
fn contact_tables(table: &Table) -> impl Iterator<Item = &Table> {
    table
        .get("contact")
        .and_then(Item::as_array_of_tables)
        .into_iter()
        .flat_map(|a| a.iter())
}

/// An item as one line of text: a string, the `text` of a `{ text, lang }`
/// table, or a list of strings joined with `, `.
fn as_text(item: &Item) -> Option<String> {
    let value = item.as_value()?;
    match value {
        Value::String(s) => Some(s.value().clone()),
        Value::InlineTable(t) => t.get("text")?.as_str().map(str::to_owned),
        Value::Array(a) => a
            .iter()
            .map(|v| v.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .map(|v| v.join(", ")),
        _ => None,
    }
}

/// `text` with `changes` applied, comments and order kept.
pub fn apply(text: &str, changes: &[Change]) -> Result<String, String> {
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| e.to_string())?;
    for change in changes {
        match change {
            Change::Set { field, value } => set(&mut doc, field, value)?,
            Change::AddContact => add_contact(&mut doc),
            Change::RemoveContact { index } => {
                let contacts = doc
                    .get_mut("contact")
                    .and_then(Item::as_array_of_tables_mut)
                    .filter(|a| *index < a.len())
                    .ok_or(format!("there is no contact {index}"))?;
                contacts.remove(*index);
            }
            Change::MoveContact { index, to } => move_contact(&mut doc, *index, *to)?,
        }
    }
    Ok(doc.to_string())
}

/// Moves the `[[contact]]` at `index` to `to`. A table's comments are its
/// own (the lines above its header), so they move with it.
fn move_contact(doc: &mut DocumentMut, index: usize, to: usize) -> Result<(), String> {
    let contacts = doc
        .get_mut("contact")
        .and_then(Item::as_array_of_tables_mut)
        .filter(|a| index < a.len() && to < a.len())
        .ok_or(format!("there is no contact {}", index.max(to)))?;
    let mut tables: Vec<Table> = contacts.iter().cloned().collect();
    let moved = tables.remove(index);
    tables.insert(to, moved);
    // Document positions decide where a table is written: give each its
    // new place's position.
    let positions: Vec<_> = contacts.iter().map(Table::position).collect();
    contacts.clear();
    for (mut table, position) in tables.into_iter().zip(positions) {
        if let Some(p) = position {
            table.set_position(p);
        }
        contacts.push(table);
    }
    Ok(())
}

/// Adds an empty `[[contact]]` with a name and phone to fill in.
fn add_contact(doc: &mut DocumentMut) {
    let mut table = Table::new();
    table.insert("name", toml_edit::value(""));
    table.insert("phone", toml_edit::value(""));
    match doc
        .get_mut("contact")
        .and_then(Item::as_array_of_tables_mut)
    {
        Some(contacts) => contacts.push(table),
        None => {
            let mut contacts = toml_edit::ArrayOfTables::new();
            contacts.push(table);
            doc.insert("contact", Item::ArrayOfTables(contacts));
        }
    }
}

/// Sets one field, keeping the comments around its old value.
fn set(doc: &mut DocumentMut, field: &FieldPath, value: &str) -> Result<(), String> {
    let key = field.key.as_deref().ok_or("a change names no key")?;
    let (table, keys): (&mut Table, &[&str]) = match field.contact {
        None => (doc.as_table_mut(), &AREA_KEYS),
        Some(i) => (
            doc.get_mut("contact")
                .and_then(Item::as_array_of_tables_mut)
                .and_then(|a| a.get_mut(i))
                .ok_or(format!("there is no contact {i}"))?,
            &CONTACT_KEYS,
        ),
    };
    if !keys.contains(&key) {
        return Err(format!("\"{key}\" is not a field the editor changes"));
    }
    if value.is_empty() && key != "name" && key != "phone" {
        table.remove(key);
        return Ok(());
    }
    let new = if key == "tags" {
        Value::Array(
            value
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .collect(),
        )
    } else {
        Value::from(value)
    };
    match table.get_mut(key).and_then(Item::as_value_mut) {
        Some(Value::InlineTable(t)) if t.contains_key("text") && key != "tags" => {
            t.insert("text", Value::from(value));
        }
        Some(old) => {
            let decor = old.decor().clone();
            *old = new;
            *old.decor_mut() = decor;
        }
        None => {
            table.insert(key, Item::Value(new));
        }
    }
    Ok(())
}

/// The field of `text` that byte `offset` falls in (its key or value).
pub fn field_at(text: &str, offset: usize) -> Option<FieldPath> {
    let doc = toml_edit::Document::parse(text).ok()?;
    let table = doc.as_table();
    if let Some(key) = key_at(table, offset) {
        return Some(FieldPath {
            contact: None,
            key: Some(key),
        });
    }
    let contacts = table.get("contact").and_then(Item::as_array_of_tables)?;
    for (i, contact) in contacts.iter().enumerate() {
        let key = key_at(contact, offset);
        let header = contact.span().is_some_and(|s| s.contains(&offset));
        if key.is_some() || header {
            return Some(FieldPath {
                contact: Some(i),
                key,
            });
        }
    }
    None
}

/// The key of `table` whose key or value holds byte `offset`.
fn key_at(table: &Table, offset: usize) -> Option<String> {
    table.iter().find_map(|(name, item)| {
        let (key, _) = table.get_key_value(name)?;
        let start = key.span().map_or(usize::MAX, |s| s.start);
        let end = item.span().map_or(0, |s| s.end);
        (item.is_value() && (start..end.max(start + 1)).contains(&offset)).then(|| name.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const AREA: &str = "# top\nid = \"a\"\nname = \"A\" # the name\n\n[[contact]]\n# the college\nname = \"C\"\nphone = \"01632 960 001\" # drama\n";

    #[test]
    fn a_phone_change_keeps_comments() {
        let change = Change::Set {
            field: FieldPath {
                contact: Some(0),
                key: Some("phone".into()),
            },
            value: "01632 960 999".into(),
        };
        let new = apply(AREA, &[change]).expect("applies");
        assert_eq!(new, AREA.replace("960 001", "960 999"));
    }

    #[test]
    fn contacts_move_with_their_comments() {
        let two =
            format!("{AREA}\n[[contact]]\n# second\nname = \"D\"\nphone = \"01632 960 002\"\n");
        let moved = apply(&two, &[Change::MoveContact { index: 1, to: 0 }]).expect("moves");
        let fields = fields(&moved).expect("parses");
        assert_eq!(fields.contacts[0]["name"], "D");
        assert_eq!(fields.contacts[1]["name"], "C");
        let d = moved.find("# second").expect("comment kept");
        let c = moved.find("# the college").expect("comment kept");
        assert!(d < c, "{moved}");
        assert!(moved.find("phone = \"01632 960 001\" # drama").is_some());
        let back = apply(&moved, &[Change::MoveContact { index: 0, to: 1 }]).expect("moves");
        assert_eq!(back, two);
        assert!(apply(&two, &[Change::MoveContact { index: 0, to: 2 }]).is_err());
    }

    #[test]
    fn offsets_name_fields() {
        let at = AREA.find("01632").expect("phone");
        let field = field_at(AREA, at).expect("a field");
        assert_eq!(field.contact, Some(0));
        assert_eq!(field.key.as_deref(), Some("phone"));
        let at = AREA.find("\"A\"").expect("name");
        assert_eq!(
            field_at(AREA, at).and_then(|f| f.key).as_deref(),
            Some("name")
        );
        let fields = fields(AREA).expect("parses");
        assert_eq!(fields.contacts[0]["phone"], "01632 960 001");
    }
}
