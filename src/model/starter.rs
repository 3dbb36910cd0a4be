//! A new area's starter file, as `wellprint new-area` and the editor's
//! "New area" write it, and the id made from the area's name.

use super::Nation;

/// `"Ynys Môn & Gwynedd"` → `"ynys-mon-gwynedd"`: lower-case ASCII letters,
/// digits and single hyphens.
pub fn area_id(name: &str) -> String {
    let mut id = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ŵ' | 'ẁ' | 'ẃ' | 'ẅ' => 'w',
            'ŷ' | 'ỳ' | 'ý' | 'ÿ' => 'y',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if c == '\'' || c == '’' {
            // "King's Lynn" → "kings-lynn"
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_owned()
}

/// The starter area file's text for the area `id` called `name`: every
/// key explained, one example contact for the card and one for the
/// poster, both with Ofcom drama numbers.
pub fn starter(id: &str, name: &str, nation: Nation) -> String {
    let nation = match nation {
        Nation::England => "england",
        Nation::Scotland => "scotland",
        Nation::Wales => "wales",
        Nation::NorthernIreland => "northern-ireland",
    };
    let name = name.replace('\\', "\\\\").replace('"', "\\\"");
    format!(
        r#"# {name}: area file written by `wellprint new-area`.
# Every key is explained in docs/areas.md. Check your edits with
#     wellprint check --area {id}
# The example contact uses an Ofcom drama number (01632 960xxx) and an
# example.org address: replace it with a real service before printing.

id = "{id}"                  # lower-case, hyphens: the output folder name
name = "{name}"              # printed on the card
nation = "{nation}"          # england, scotland, wales, northern-ireland:
                             # chooses the national helplines

# Optional: who prepared these resources, and the area's logo (PNG or JPEG
# inside the project folder, at least 480 pixels wide). Both are printed
# on the leaflet, the poster and the Easy Read booklets.
# prepared-by = "Prepared by the {name} Recovery Network"
# logo = "logos/{id}.png"

# Optional: keep contacts in a spreadsheet instead. Save it as CSV UTF-8
# next to this file with the columns
#     name,phone,hours,web,email,description,lang,tags
# (tags separated by ;) and write its name here:
# contacts = "{id}.csv"

[[contact]]
name = "Example Recovery College"   # each contact needs its own name
phone = "01632 960 001"             # grouped with spaces, no brackets
hours = "Mon–Fri 10am–4pm"
web = "example.org/recovery"        # without https://
# email = "hello@example.org"
# description = "Free courses about recovery, run by people who have been there"
# lang = "cy"                       # name and hours in Welsh (gd: Gaelic, ga: Irish)
tags = ["card"]                     # the wallet card shows contacts tagged "card"
                                    # (at most 4 fit on its back)

[[contact]]
name = "Example Advocacy Service"
phone = "01632 960 002"
hours = "Mon–Fri 9am–5pm; ask ward staff to help you call"
tags = ["advocacy"]                 # the tips poster shows contacts tagged "advocacy"
"#
    )
}

#[cfg(test)]
mod tests {
    use super::area_id;

    #[test]
    fn ids_from_names() {
        assert_eq!(area_id("West Berkshire"), "west-berkshire");
        assert_eq!(area_id("Ynys Môn & Gwynedd"), "ynys-mon-gwynedd");
        assert_eq!(area_id("  King's Lynn  "), "kings-lynn");
        assert_eq!(area_id("Caerdydd ŵŷ"), "caerdydd-wy");
        assert_eq!(area_id("!!"), "");
    }
}
