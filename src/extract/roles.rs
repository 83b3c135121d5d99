//! Titles that name a person by office: "South Korea's defence minister
//! said" is whoever held that office on the document's date.
//!
//! Gazetteer entries carry `role`, `country` and `from`/`to` dates in their
//! attributes (PETRARCH's date-restricted actors are the model); only
//! entries with dates take part, so a stale role never names the wrong
//! person in an old article.

use std::collections::{HashMap, HashSet};

use super::gazetteer::Gazetteer;
use super::lexicon::{Frame, Lexicon, Trigger};
use super::{sentence_of, EntityRef, Mention, Source};
use crate::{Date, Span};

/// (country's entity index, office) → (entity index, first day, last day)
/// of each holder.
type Holders = HashMap<(u32, String), Vec<(u32, Date, Date)>>;

/// Office holders by (country, role), each with the dates of the office.
#[derive(Debug, Default)]
pub struct Offices {
    holders: Holders,
}

/// A role or title in a canonical spelling: lower case, American
/// "defense", "minister of defense" → "defense minister".
fn office(role: &str) -> String {
    let r = role.trim().to_lowercase().replace("defence", "defense");
    match r.strip_prefix("minister of ") {
        Some(rest) => format!("{rest} minister"),
        None => r,
    }
}

/// The first day of `from` or the last day of `to` (`2024`, `2024-09`,
/// `2024-09-06`).
fn bound(s: &str, end: bool) -> Option<Date> {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let year: i32 = parts.first()?.parse().ok()?;
    let month: u32 = match parts.get(1) {
        Some(m) => m.parse().ok()?,
        None if end => 12,
        None => 1,
    };
    let day: u32 = match parts.get(2) {
        Some(d) => d.parse().ok()?,
        None if end => crate::days_in_month(year, month),
        None => 1,
    };
    Date::new(year, month, day)
}

impl Offices {
    /// Indexes the entries of `gazetteer` that have `role`, `country` and at
    /// least one of `from`/`to`.
    pub fn new(gazetteer: &Gazetteer) -> Offices {
        let mut holders = Holders::new();
        let mut dated = Vec::new();
        for (i, e) in gazetteer.entities().iter().enumerate() {
            let (Some(role), Some(country)) = (e.attribute("role"), e.attribute("country")) else {
                continue;
            };
            let from = e.attribute("from").and_then(|s| bound(s, false));
            let to = e.attribute("to").and_then(|s| bound(s, true));
            if from.is_none() && to.is_none() {
                continue;
            }
            let from = from.unwrap_or(Date { year: 1, month: 1, day: 1 });
            let to = to.unwrap_or(Date { year: 9999, month: 12, day: 31 });
            dated.push((i as u32, role, country, from, to));
        }
        // Only the places office holders name: a large gazetteer has
        // hundreds of thousands of places and few office holders.
        let named: HashSet<&str> = dated.iter().map(|&(_, _, country, _, _)| country).collect();
        let places: HashMap<&str, u32> = gazetteer
            .entities()
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == "PLACE" && named.contains(e.name.as_str()))
            .map(|(i, e)| (e.name.as_str(), i as u32))
            .collect();
        for (i, role, country, from, to) in dated {
            let Some(&country) = places.get(country) else { continue };
            holders.entry((country, office(role))).or_default().push((i, from, to));
        }
        Offices { holders }
    }

    /// Who held `role` in the country with entity index `country` on `date`, if exactly one entry says so.
    pub fn holder(&self, country: u32, role: &str, date: Date) -> Option<u32> {
        let all = self.holders.get(&(country, office(role)))?;
        let mut valid = all.iter().filter(|(_, from, to)| *from <= date && date <= *to);
        let (first, _, _) = valid.next()?;
        valid.next().is_none().then_some(*first)
    }

    /// Adds a mention for each title that follows a country and names no
    /// one ("South Korean Defense Minister said"), pointing at the person
    /// who held the office on `date`.
    pub fn resolve(
        &self,
        text: &str,
        sentences: &[Span],
        mentions: &mut Vec<Mention>,
        lexicon: &Lexicon,
        triggers: &[Trigger],
        date: Option<Date>,
    ) {
        let Some(date) = date else { return };
        if self.holders.is_empty() {
            return;
        }
        let is_title =
            |t: &&Trigger| t.entries.iter().any(|&e| lexicon.entries()[e].frame == Frame::Title);
        let lookup = Lookup::new(mentions, triggers.iter().filter(is_title).count());
        let mut added = Vec::new();
        for t in triggers.iter().filter(is_title) {
            // Named already: "Defense Minister Kim Yong-Hyun".
            let after = text[t.span.end..].trim_start();
            let at = text.len() - after.len();
            if lookup.named(mentions, at, t.span) {
                continue;
            }
            // The country right before: "South Korean", "South Korea's".
            let head = text[..t.span.start].trim_end();
            let head = head.strip_suffix("'s").or_else(|| head.strip_suffix("’s")).unwrap_or(head);
            let Some(country) = lookup.ending_at(mentions, head.len()) else {
                continue;
            };
            let EntityRef::Known(c) = country.entity else { continue };
            let Some(person) = self.holder(c, &text[t.span.start..t.span.end], date) else {
                continue;
            };
            added.push(Mention {
                span: t.span,
                sentence: sentence_of(sentences, t.span.start),
                entity: EntityRef::Known(person),
                source: Source::Coref,
                demonym: false,
            });
        }
        if !added.is_empty() {
            mentions.extend(added);
            mentions.sort_by_key(|m| m.span.start);
        }
    }
}

/// The two questions [`Offices::resolve`] asks of the mentions for each
/// title. With few mentions or few titles, a scan of the list; otherwise
/// their starts and ends, sorted once, so that a long document with
/// thousands of titles and mentions is not read in full for each title.
struct Lookup {
    /// The mentions' starts, and (end, index) of each by end, when it pays.
    sorted: Option<(super::Starts, Vec<(usize, usize)>)>,
}

impl Lookup {
    fn new(mentions: &[Mention], titles: usize) -> Lookup {
        let sorted = super::Starts::new(mentions, titles).map(|starts| {
            let mut ends: Vec<(usize, usize)> =
                mentions.iter().enumerate().map(|(i, m)| (m.span.end, i)).collect();
            ends.sort_unstable();
            (starts, ends)
        });
        Lookup { sorted }
    }

    /// Whether a mention starts at `at` or shares a byte with `title`.
    fn named(&self, mentions: &[Mention], at: usize, title: Span) -> bool {
        let Some((starts, _)) = &self.sorted else {
            return mentions.iter().any(|m| m.span.start == at || m.span.overlaps(title));
        };
        starts.any_at(at)
            || starts.near(title).any(|i| mentions.get(i).is_some_and(|m| m.span.overlaps(title)))
    }

    /// The first mention, in list order, that ends at `end`.
    fn ending_at<'m>(&self, mentions: &'m [Mention], end: usize) -> Option<&'m Mention> {
        let Some((_, ends)) = &self.sorted else {
            return mentions.iter().find(|m| m.span.end == end);
        };
        // Sorted by (end, index): the first with this end has the lowest index.
        let k = ends.partition_point(|&(e, _)| e < end);
        ends.get(k).filter(|&&(e, _)| e == end).and_then(|&(_, i)| mentions.get(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::gazetteer::GazetteerBuilder;
    use crate::{Document, Pipeline};

    const ROWS: &str = "id\tname\ttype\taliases\tdemonyms\tattributes\n\
        P1\tSouth Korea\tPLACE\t\tSouth Korean\t\n\
        H1\tShin Won-sik\tPERSON\t\t\tcountry=South Korea;role=Defence Minister;from=2023-10-07;to=2024-09-05\n\
        H2\tKim Yong-hyun\tPERSON\t\t\tcountry=South Korea;role=Minister of Defense;from=2024-09-06;to=2024-12-05\n";

    fn said_by(text: &str, date: Date) -> Vec<String> {
        let mut b = GazetteerBuilder::new();
        b.add_file("t.tsv", ROWS);
        let pipeline = Pipeline::new(b.build().unwrap(), Lexicon::with_defaults().unwrap());
        let x = pipeline.extract(&Document::new("t", text), Some(date));
        x.relations
            .iter()
            .filter(|r| r.label == "stated")
            .map(|r| pipeline.entity(&x, x.mentions[r.subject].entity).name.clone())
            .collect()
    }

    #[test]
    fn office_holder_on_the_date() {
        let text = "South Korea's defence minister said the reports were credible.";
        assert_eq!(said_by(text, Date::new(2024, 10, 15).unwrap()), ["Kim Yong-hyun"]);
        assert_eq!(said_by(text, Date::new(2024, 3, 1).unwrap()), ["Shin Won-sik"]);
        // Nobody on record then: no subject.
        assert_eq!(said_by(text, Date::new(2020, 3, 1).unwrap()), Vec::<String>::new());
    }

    /// The sorted starts and ends answer as a scan of the list does:
    /// random mentions (in any order, overlapping, some empty) and titles.
    #[test]
    fn lookup_as_a_scan() {
        let mut random = crate::testing::xorshift(0x6a09_e667_f3bc_c908);
        let mut next = |n: u64| (random() % n) as usize;
        let (mut named, mut ending) = (0, 0);
        for _ in 0..2_000 {
            let mentions: Vec<Mention> = (0..next(40))
                .map(|_| {
                    let start = next(200);
                    Mention {
                        span: Span::new(start, start + next(12)),
                        sentence: 0,
                        entity: EntityRef::Known(next(5) as u32),
                        source: Source::Gazetteer,
                        demonym: false,
                    }
                })
                .collect();
            let (scan, sorted) = (Lookup::new(&mentions, 0), Lookup::new(&mentions, usize::MAX));
            assert!(scan.sorted.is_none() && sorted.sorted.is_some() != mentions.is_empty());
            for _ in 0..20 {
                let (at, start) = (next(215), next(210));
                let title = Span::new(start, start + next(8));
                let want = scan.named(&mentions, at, title);
                assert_eq!(sorted.named(&mentions, at, title), want, "{at} {title:?}");
                named += usize::from(want);
                let end = next(215);
                let want = scan.ending_at(&mentions, end).map(|m| m as *const Mention);
                let got = sorted.ending_at(&mentions, end).map(|m| m as *const Mention);
                assert_eq!(got, want, "end {end}");
                ending += usize::from(want.is_some());
            }
        }
        assert!(named > 1_000 && ending > 1_000, "{named} named, {ending} ending");
    }

    #[test]
    fn spelled_offices_and_bounds() {
        assert_eq!(office("Minister of Defence"), "defense minister");
        assert_eq!(bound("2024", true), Date::new(2024, 12, 31));
        assert_eq!(bound("2024-02", true), Date::new(2024, 2, 29));
        assert_eq!(bound("x", false), None);
    }
}
