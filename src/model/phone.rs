//! Checks for the contact details people will dial or type: UK phone
//! numbers, e-mail addresses and web addresses; and the language tag of a
//! contact written in another language. Also where phone numbers are in
//! running text and their `tel:` URIs.
//!
//! Each check returns the problem as a message and a hint; the caller adds
//! the location. The rules are documented in `docs/areas.md`.

/// What is wrong with a value, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// One sentence: what is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

impl Problem {
    fn new(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Problem {
            message: message.into(),
            hint: hint.into(),
        }
    }
}

/// Short numbers that are complete on their own.
const SHORT_NUMBERS: [&str; 4] = ["111", "999", "112", "101"];

/// A local contact's phone number: a UK number alone, digits grouped with
/// single spaces.
///
/// Accepted: 11 digits starting `01`, `02`, `03`, `07` or `08`
/// (`"01632 960 001"`), 10-digit `0800` freephone numbers
/// (`"0800 83 85 87"`), `116` numbers (`"116 123"`), `111`, `999`, `112`,
/// `101`, and 5-digit text short codes starting 6, 7 or 8 (`"85258"`).
pub fn check_phone(phone: &str) -> Result<(), Problem> {
    let trimmed = phone.trim();
    if trimmed.is_empty() {
        return Err(Problem::new(
            "the phone number is empty",
            "write the number, for example \"01632 960 001\"",
        ));
    }
    if trimmed.starts_with('+') {
        let rest: String = trimmed
            .trim_start_matches('+')
            .trim_start_matches("44")
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        let rest = rest.strip_prefix('0').unwrap_or(&rest);
        return Err(Problem::new(
            format!("write UK phone numbers the way people dial them at home, not `{trimmed}`"),
            format!(
                "start with 0 instead of +44: \"{}\"",
                group(&format!("0{rest}"))
            ),
        ));
    }
    if trimmed.contains(['(', ')']) {
        let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
        return Err(Problem::new(
            format!("the phone number `{trimmed}` has brackets"),
            format!(
                "write it without brackets, grouped with spaces: \"{}\"",
                group(&digits)
            ),
        ));
    }
    if let Some(c) = trimmed.chars().find(|c| !c.is_ascii_digit() && *c != ' ') {
        let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
        let hint = if matches!(c, '-' | '.' | '/') && digits.len() >= 10 {
            format!(
                "group the digits with spaces instead: \"{}\"",
                group(&digits)
            )
        } else if c.is_alphabetic() {
            "a contact's phone is the number alone; put opening hours in `hours` and other notes in `description`".to_owned()
        } else {
            "use digits grouped with single spaces, like \"01632 960 001\"".to_owned()
        };
        return Err(Problem::new(
            format!("the phone number `{trimmed}` contains `{c}`"),
            hint,
        ));
    }
    if phone != trimmed || trimmed.contains("  ") {
        return Err(Problem::new(
            format!("the phone number `{phone}` has extra spaces"),
            format!(
                "use single spaces between groups: \"{}\"",
                trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
            ),
        ));
    }
    check_digits(trimmed)
}

/// A national helpline's number as published: the first number in the text
/// must be a valid UK number (see [`check_phone`]); words around it are kept
/// as written (`"111, option 2"`, `"text SHOUT to 85258"`).
pub fn check_helpline_phone(phone: &str) -> Result<(), Problem> {
    let Some(start) = phone.find(|c: char| c.is_ascii_digit() || c == '+' || c == '(') else {
        return Err(Problem::new(
            format!("the helpline `phone` text `{phone}` has no number in it"),
            "write the number as published, for example \"116 123\" or \"text SHOUT to 85258\"",
        ));
    };
    let rest = &phone[start..];
    let end = rest
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_digit() || c == ' ' || (i == 0 && c == '+') || c == '(' || c == ')')
        })
        .map_or(rest.len(), |(i, _)| i);
    check_phone(rest[..end].trim_end())
}

/// Checks the digits of a number written with digits and single spaces.
fn check_digits(number: &str) -> Result<(), Problem> {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let n = digits.len();
    if SHORT_NUMBERS.contains(&digits.as_str()) {
        return Ok(());
    }
    if digits.starts_with("116") && n == 6 {
        return if number == format!("116 {}", &digits[3..]) {
            Ok(())
        } else {
            Err(Problem::new(
                format!("write the number `{number}` as published"),
                format!("\"116 {}\"", &digits[3..]),
            ))
        };
    }
    if n == 5 && matches!(digits.as_bytes()[0], b'6' | b'7' | b'8') {
        return if number.contains(' ') {
            Err(Problem::new(
                format!("the text short code `{number}` is written without spaces"),
                format!("\"{digits}\""),
            ))
        } else {
            Ok(())
        };
    }
    if !digits.starts_with('0') {
        return Err(Problem::new(
            format!("`{number}` is not a UK phone number"),
            "UK numbers start with 0 and have 11 digits (\"01632 960 001\"); short numbers such as \"116 123\", \"111\" and \"85258\" are also accepted",
        ));
    }
    let prefix_ok = matches!(&digits[..2.min(n)], "01" | "02" | "03" | "07" | "08");
    if !prefix_ok {
        return Err(Problem::new(
            format!("`{number}` does not start with 01, 02, 03, 07 or 08"),
            "use a geographic (01, 02), non-geographic (03), mobile (07) or freephone (0800, 0808) number; premium-rate 09 numbers do not belong on a support card",
        ));
    }
    let length_ok = n == 11 || (n == 10 && digits.starts_with("0800"));
    if !length_ok {
        return Err(Problem::new(
            format!("`{number}` has {n} digits; a UK number has 11"),
            "check for a missing or extra digit (0800 numbers may have 10)",
        ));
    }
    if !number.contains(' ') {
        return Err(Problem::new(
            format!("the phone number `{number}` is not grouped"),
            format!(
                "group the digits with spaces so it is easy to read aloud: \"{}\"",
                group(&digits)
            ),
        ));
    }
    Ok(())
}

/// Byte ranges of phone numbers in running text: groups of digits joined
/// by single spaces, at least two groups and six digits ("116 123",
/// "01632 960 001"). Line breaking keeps them whole, and
/// [`callable_in`] makes links of the ones that can be rung.
pub fn numbers_in(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if !(bytes[i].is_ascii_digit() && starts_word) {
            i += 1;
            continue;
        }
        let (start, mut end, mut groups, mut digits) = (i, i, 0, 0);
        let mut j = i;
        loop {
            let group = bytes[j..].iter().take_while(|b| b.is_ascii_digit()).count();
            if group == 0 {
                break;
            }
            j += group;
            groups += 1;
            digits += group;
            end = j;
            if bytes.get(j) == Some(&b' ') && bytes.get(j + 1).is_some_and(u8::is_ascii_digit) {
                j += 1;
            } else {
                break;
            }
        }
        if groups >= 2 && digits >= 6 {
            out.push(start..end);
        }
        i = end.max(i + 1);
    }
    out
}

/// The phone numbers in running text that a `tel:` link may ring: those
/// [`numbers_in`] finds that are UK numbers by [`check_phone`] and do not
/// follow the word "text" (a number that only takes texts gets no link).
pub fn callable_in(text: &str) -> Vec<std::ops::Range<usize>> {
    numbers_in(text)
        .into_iter()
        .filter(|r| check_phone(&text[r.clone()]).is_ok())
        .filter(|r| {
            let before = text[..r.start].trim_end();
            let word = before.rsplit(|c: char| !c.is_alphanumeric()).next();
            !word.is_some_and(|w| w.eq_ignore_ascii_case("text"))
        })
        .collect()
}

/// The `tel:` URI of a number written in digits and spaces: a UK number
/// of ten or more digits in international form (`01632 960 001` →
/// `tel:+441632960001`), a short number as it is (`116 123` →
/// `tel:116123`).
pub fn tel_uri(number: &str) -> String {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    match digits.strip_prefix('0') {
        Some(rest) if digits.len() >= 10 => format!("tel:+44{rest}"),
        _ => format!("tel:{digits}"),
    }
}

/// Groups the digits of a UK number the usual way (a suggestion for hints).
pub fn group(digits: &str) -> String {
    let n = digits.len();
    let cut = |parts: &[usize]| {
        let mut out = Vec::new();
        let mut at = 0;
        for &p in parts {
            if at + p > n {
                break;
            }
            out.push(&digits[at..at + p]);
            at += p;
        }
        if at < n {
            out.push(&digits[at..]);
        }
        out.join(" ")
    };
    if n == 11 && digits.starts_with("02") {
        cut(&[3, 4, 4])
    } else if n == 11 && (digits.starts_with("03") || digits.starts_with("08")) {
        cut(&[4, 3, 4])
    } else if n == 11 {
        cut(&[5, 3, 3])
    } else if n == 10 && digits.starts_with("0800") {
        cut(&[4, 3, 3])
    } else {
        digits.to_owned()
    }
}

/// An e-mail address: `name@example.org`, no `mailto:`, no spaces.
pub fn check_email(email: &str) -> Result<(), Problem> {
    let e = email.trim();
    if let Some(rest) = e.strip_prefix("mailto:") {
        return Err(Problem::new(
            format!("the e-mail address `{e}` starts with `mailto:`"),
            format!("write the address alone: \"{rest}\""),
        ));
    }
    if e.contains(char::is_whitespace) {
        return Err(Problem::new(
            format!("the e-mail address `{e}` contains a space"),
            "an e-mail address has no spaces: \"name@example.org\"",
        ));
    }
    let Some((local, domain)) = e.split_once('@') else {
        return Err(Problem::new(
            format!("`{e}` is not an e-mail address: it has no `@`"),
            "write it like \"hello@example.org\"; a web address goes in `web`",
        ));
    };
    if local.is_empty() || domain.contains('@') {
        return Err(Problem::new(
            format!("`{e}` is not an e-mail address"),
            "write it like \"hello@example.org\": one name, one `@`, one domain",
        ));
    }
    check_host(domain).map_err(|why| {
        Problem::new(
            format!("the e-mail address `{e}` has an invalid domain: {why}"),
            "write it like \"hello@example.org\"",
        )
    })
}

/// A language tag as PDF readers expect it (BCP 47): a two- or
/// three-letter language code, optionally followed by subtags (`cy`,
/// `gd`, `en-GB`).
pub fn check_lang(lang: &str) -> Result<(), Problem> {
    let mut parts = lang.split('-');
    let primary = parts.next().unwrap_or("");
    let primary_ok =
        (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase());
    let rest_ok =
        parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if primary_ok && rest_ok {
        Ok(())
    } else {
        Err(Problem::new(
            format!("`{lang}` is not a language tag"),
            "write the language's code in lower case: \"cy\" for Welsh, \"gd\" for Scottish Gaelic, \"ga\" for Irish",
        ))
    }
}

/// A web address as printed: without `https://`, like
/// `example.org/recovery` or `www.example.org`.
pub fn check_web(web: &str) -> Result<(), Problem> {
    let w = web.trim();
    for scheme in ["https://", "http://"] {
        if let Some(rest) = w.strip_prefix(scheme) {
            return Err(Problem::new(
                format!("write the web address without `{scheme}`"),
                format!(
                    "\"{}\" is shorter and fits the card; browsers add the rest",
                    rest.trim_end_matches('/')
                ),
            ));
        }
    }
    if w.contains(char::is_whitespace) {
        return Err(Problem::new(
            format!("the web address `{w}` contains a space"),
            "web addresses have no spaces; check for a missing `/` or `-`",
        ));
    }
    if w.contains('@') {
        return Err(Problem::new(
            format!("`{w}` looks like an e-mail address, not a web address"),
            "put e-mail addresses in `email`",
        ));
    }
    let host = w.split(['/', '?', '#']).next().unwrap_or(w);
    check_host(host).map_err(|why| {
        Problem::new(
            format!("the web address `{w}` has an invalid domain: {why}"),
            "write it like \"example.org/recovery\"",
        )
    })
}

/// A domain name: dot-separated labels of letters, digits and hyphens, the
/// last at least two letters.
fn check_host(host: &str) -> Result<(), &'static str> {
    if !host.contains('.') {
        return Err("it has no dot (like example.org)");
    }
    let labels: Vec<&str> = host.split('.').collect();
    for label in &labels {
        if label.is_empty() {
            return Err("two dots in a row, or a dot at the start or end");
        }
        if !label.chars().all(|c| c.is_alphanumeric() || c == '-') {
            return Err("only letters, digits, hyphens and dots are allowed");
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err("a part cannot start or end with a hyphen");
        }
    }
    let tld = labels.last().copied().unwrap_or("");
    if tld.chars().count() < 2 || !tld.chars().all(char::is_alphabetic) {
        return Err("it must end in a name like .org or .uk");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        for ok in [
            "01632 960 001",
            "01632 960001",
            "07700 900 123",
            "020 7946 0000",
            "0300 123 4567",
            "0800 83 85 87",
            "0800 132 737",
            "0808 808 8000",
            "116 123",
            "111",
            "999",
            "85258",
        ] {
            assert_eq!(check_phone(ok), Ok(()), "{ok}");
        }
        for (bad, needle) in [
            ("(01632) 960 001", "brackets"),
            ("+44 1632 960 001", "+44"),
            ("01632960001", "not grouped"),
            ("01632 960 01", "10 digits"),
            ("01632 960 0011", "12 digits"),
            ("09632 960 001", "does not start with"),
            ("01632-960-001", "contains `-`"),
            ("111, option 2", "contains `,`"),
            ("01632  960 001", "extra spaces"),
            ("116123", "as published"),
            ("852 58", "without spaces"),
            ("", "empty"),
            ("1632 960 001", "not a UK phone number"),
        ] {
            let p = check_phone(bad).expect_err(bad);
            assert!(p.message.contains(needle), "{bad}: {}", p.message);
        }
        assert!(
            check_phone("(01632) 960 001")
                .expect_err("")
                .hint
                .contains("\"01632 960 001\"")
        );
        assert!(
            check_phone("+44 1632 960001")
                .expect_err("")
                .hint
                .contains("\"01632 960 001\"")
        );
    }

    #[test]
    fn numbers_in_text_and_their_links() {
        let text = "Call 0800 132 737 or 116 123, text SHOUT to 85258 or text 07700 900 123; 1 000 000 people";
        let found: Vec<&str> = numbers_in(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            found,
            ["0800 132 737", "116 123", "07700 900 123", "1 000 000"]
        );
        let callable: Vec<&str> = callable_in(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(callable, ["0800 132 737", "116 123"]);
        assert_eq!(tel_uri("01632 960 001"), "tel:+441632960001");
        assert_eq!(tel_uri("0800 132 737"), "tel:+44800132737");
        assert_eq!(tel_uri("116 123"), "tel:116123");
        assert_eq!(tel_uri("111"), "tel:111");
    }

    #[test]
    fn helpline_phones_may_carry_words() {
        for ok in [
            "116 123",
            "111, option 2",
            "text SHOUT to 85258",
            "0800 83 85 87",
        ] {
            assert_eq!(check_helpline_phone(ok), Ok(()), "{ok}");
        }
        assert!(check_helpline_phone("call us").is_err());
        assert!(check_helpline_phone("text SHOUT to 8525").is_err());
        assert!(check_helpline_phone("(0800) 83 85 87").is_err());
    }

    #[test]
    fn emails_and_webs() {
        assert_eq!(check_lang("cy"), Ok(()));
        assert_eq!(check_lang("en-GB"), Ok(()));
        for bad in ["Welsh", "CY", "c", "cy_GB", "", "cy-"] {
            assert!(check_lang(bad).is_err(), "{bad}");
        }
        assert_eq!(check_email("hello@example.org"), Ok(()));
        assert_eq!(check_email("grwp.cymorth@example.org"), Ok(()));
        for bad in [
            "hello.example.org",
            "mailto:a@example.org",
            "a b@example.org",
            "a@example",
            "a@@example.org",
            "@example.org",
        ] {
            assert!(check_email(bad).is_err(), "{bad}");
        }
        assert_eq!(check_web("example.org/recovery"), Ok(()));
        assert_eq!(check_web("www.example.org"), Ok(()));
        assert_eq!(check_web("example.org/a?b=c"), Ok(()));
        for bad in [
            "https://example.org",
            "http://example.org/x",
            "example",
            "example .org",
            "a@example.org",
            "example..org",
        ] {
            assert!(check_web(bad).is_err(), "{bad}");
        }
        assert!(
            check_web("https://example.org/x/")
                .expect_err("")
                .hint
                .contains("\"example.org/x\"")
        );
    }
}
