//! Opening hours written out for Easy Read: "Mon–Fri 10am–4pm" becomes
//! "Monday to Friday, 10am to 4pm". Easy Read spells days and months in
//! full, says "to" rather than a dash, lists days with "and" (never "&"), and uses no
//! "·" or ";" separators. Only the way the area's hours are written
//! changes, never what they say: words wellprint does not know are kept
//! as written.

/// A piece of an hours text.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// Letters (a day, a month, a word).
    Word(String),
    /// Starts with a digit: a time ("10am", "9:30pm"), a date, a number.
    Num(String),
    /// `–`, `—` or `-`.
    Dash,
    /// Anything else, as written (spaces, commas, full stops).
    Other(char),
}

const DAYS: [(&[&str], &str); 7] = [
    (&["Mon"], "Monday"),
    (&["Tue", "Tues"], "Tuesday"),
    (&["Wed"], "Wednesday"),
    (&["Thu", "Thur", "Thurs"], "Thursday"),
    (&["Fri"], "Friday"),
    (&["Sat"], "Saturday"),
    (&["Sun"], "Sunday"),
];

const MONTHS: [(&str, &str); 12] = [
    ("Jan", "January"),
    ("Feb", "February"),
    ("Mar", "March"),
    ("Apr", "April"),
    ("Jun", "June"),
    ("Jul", "July"),
    ("Aug", "August"),
    ("Sep", "September"),
    ("Sept", "September"),
    ("Oct", "October"),
    ("Nov", "November"),
    ("Dec", "December"),
];

/// `hours` written out for Easy Read.
pub fn spelt_out(hours: &str) -> String {
    let text = hours
        .replace("24/7", "24 hours a day, 7 days a week")
        .replace(" & ", " and ");
    let sentences: Vec<String> = text
        .split(['·', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| render(&with_and(&with_commas(&ranges(&expanded(tokens(s)))))))
        .collect();
    sentences
        .iter()
        .enumerate()
        .map(|(i, s)| if i == 0 { s.clone() } else { capitalised(s) })
        .collect::<Vec<_>>()
        .join(". ")
}

fn tokens(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphabetic() || c.is_ascii_digit() {
            let mut word = c.to_string();
            while let Some(&n) = chars.peek() {
                if n.is_alphanumeric()
                    || (c.is_ascii_digit() && matches!(n, ':' | '.') && {
                        let mut ahead = chars.clone();
                        ahead.next();
                        ahead.peek().is_some_and(char::is_ascii_digit)
                    })
                {
                    word.push(n);
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(if c.is_ascii_digit() {
                Tok::Num(word)
            } else {
                Tok::Word(word)
            });
        } else if matches!(c, '–' | '—' | '-') {
            out.push(Tok::Dash);
        } else {
            out.push(Tok::Other(c));
        }
    }
    out
}

/// Days and months in full; the full stop of "Sept." goes with it.
fn expanded(toks: Vec<Tok>) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    for t in toks {
        if t == Tok::Other('.')
            && let Some(Tok::Word(w)) = out.last()
            && (is_day(w) || is_month(w))
            && !matches!(w.as_str(), "May")
        {
            continue;
        }
        out.push(match t {
            Tok::Word(w) => Tok::Word(full(&w).map_or(w, str::to_owned)),
            other => other,
        });
    }
    out
}

fn full(word: &str) -> Option<&'static str> {
    DAYS.iter()
        .find(|(short, _)| short.contains(&word))
        .map(|(_, f)| *f)
        .or_else(|| MONTHS.iter().find(|(s, _)| *s == word).map(|(_, f)| *f))
}

fn is_day(w: &str) -> bool {
    let single = w.strip_suffix('s').unwrap_or(w);
    DAYS.iter().any(|(_, f)| *f == single || *f == w)
}

fn is_month(w: &str) -> bool {
    MONTHS.iter().any(|(_, f)| *f == w) || w == "May"
}

/// Whether `t` can stand at one end of a range: a day, a month, a time.
fn rangeable(t: Option<&Tok>) -> bool {
    match t {
        Some(Tok::Word(w)) => is_day(w) || is_month(w) || matches!(w.as_str(), "noon" | "midnight"),
        Some(Tok::Num(_)) => true,
        _ => false,
    }
}

/// A dash between days, months or times becomes " to ".
fn ranges(toks: &[Tok]) -> Vec<Tok> {
    let word = |i: usize, step: isize| {
        let mut j = i as isize + step;
        while j >= 0 && (j as usize) < toks.len() && toks[j as usize] == Tok::Other(' ') {
            j += step;
        }
        usize::try_from(j).ok().and_then(|j| toks.get(j))
    };
    let mut out = Vec::with_capacity(toks.len());
    for (i, t) in toks.iter().enumerate() {
        if *t == Tok::Dash && rangeable(word(i, -1)) && rangeable(word(i, 1)) {
            while out.last() == Some(&Tok::Other(' ')) {
                out.pop();
            }
            out.extend([Tok::Other(' '), Tok::Word("to".into()), Tok::Other(' ')]);
        } else if !(*t == Tok::Other(' ') && out.last() == Some(&Tok::Other(' '))) {
            out.push(t.clone());
        }
    }
    out
}

/// A comma between the days and the times: "Thursdays, 6pm to 8pm".
fn with_commas(toks: &[Tok]) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    for (i, t) in toks.iter().enumerate() {
        if *t == Tok::Other(' ')
            && matches!(out.last(), Some(Tok::Word(w)) if is_day(w) || matches!(w.as_str(), "weekends" | "daily" | "weekdays"))
            && matches!(toks.get(i + 1), Some(Tok::Num(_)))
        {
            out.push(Tok::Other(','));
        }
        out.push(t.clone());
    }
    out
}

/// The last comma of a list of days becomes " and ": "Monday, Wednesday
/// and Friday".
fn with_and(toks: &[Tok]) -> Vec<Tok> {
    let mut out = toks.to_vec();
    let mut i = 0;
    while i < out.len() {
        let run = day_run(&out[i..]);
        if run > 1 {
            // The run's last ", " is at 3 × (run − 1) − 2 from its start.
            let comma = i + 3 * (run - 1) - 2;
            out.splice(
                comma..comma + 2,
                [Tok::Other(' '), Tok::Word("and".into()), Tok::Other(' ')],
            );
            i += 3 * (run - 1) + 2;
        } else {
            i += 1;
        }
    }
    out
}

/// How many days `toks` starts with, joined by ", " (0 when it does not
/// start with a day).
fn day_run(toks: &[Tok]) -> usize {
    match toks {
        [Tok::Word(w), rest @ ..] if is_day(w) => match rest {
            [Tok::Other(','), Tok::Other(' '), next @ ..] if day_run(next) > 0 => 1 + day_run(next),
            _ => 1,
        },
        _ => 0,
    }
}

fn render(toks: &[Tok]) -> String {
    toks.iter()
        .map(|t| match t {
            Tok::Word(w) | Tok::Num(w) => w.clone(),
            Tok::Dash => "–".to_owned(),
            Tok::Other(c) => c.to_string(),
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::spelt_out;

    #[test]
    fn hours_are_written_out() {
        for (short, long) in [
            ("Mon–Fri 10am–4pm", "Monday to Friday, 10am to 4pm"),
            ("Thursdays 6pm–8pm", "Thursdays, 6pm to 8pm"),
            (
                "Mon, Wed, Fri 9am–1pm",
                "Monday, Wednesday and Friday, 9am to 1pm",
            ),
            ("Saturdays 11am–2pm", "Saturdays, 11am to 2pm"),
            ("April–October, Sundays", "April to October, Sundays"),
            (
                "Mon–Fri 9am–5pm; ask ward staff to help you call",
                "Monday to Friday, 9am to 5pm. Ask ward staff to help you call",
            ),
            ("Tues 9.30am - 12 noon", "Tuesday, 9.30am to 12 noon"),
            (
                "Sept–Dec · Sat 10:30am–1pm",
                "September to December. Saturday, 10:30am to 1pm",
            ),
            ("24/7", "24 hours a day, 7 days a week"),
            (
                "free, any time, day or night",
                "free, any time, day or night",
            ),
            ("Mon and Wed 6pm–8pm", "Monday and Wednesday, 6pm to 8pm"),
            ("Tue & Thu 10am–3pm", "Tuesday and Thursday, 10am to 3pm"),
        ] {
            assert_eq!(spelt_out(short), long, "{short}");
        }
    }
}
