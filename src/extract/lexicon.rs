//! The relation lexicon (`gazetteers/relations.tsv`): the words that signal
//! a relation, their label, and the frame that says where the arguments are.
//!
//! Users extend it like a gazetteer; it goes through the same TSV reader.

use std::collections::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::extract::fixed::{self, Hit};
use crate::extract::tsv::{list, Table};
use crate::{LoadError, LoadErrors, Span};

/// The relation lexicon shipped with gazette.
pub const EMBEDDED: (&str, &str) =
    ("gazetteers/relations.tsv", include_str!("../../gazetteers/relations.tsv"));

/// How a trigger word's arguments are laid out in the sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// Attribution: `X said (that) CLAUSE`, `CLAUSE, X said`, `according to X`.
    Say,
    /// A report named by a noun: `X's statement that CLAUSE`, `a report
    /// from X said CLAUSE`, `In a report, X found CLAUSE`.
    Report,
    /// An action: `X verb Y`, or passive `Y was verbed by X`.
    Act,
    /// A symmetric action: `X and Y agreed`, `X met with Y`.
    Mutual,
    /// A nominal event: `X's visit to Y`, `cooperation between X and Y`.
    Noun,
    /// A title or job: `Kremlin spokesperson Dmitry Peskov`.
    Title,
}

impl Frame {
    fn parse(s: &str) -> Option<Frame> {
        Some(match s {
            "say" => Frame::Say,
            "report" => Frame::Report,
            "act" => Frame::Act,
            "mutual" => Frame::Mutual,
            "noun" => Frame::Noun,
            "title" => Frame::Title,
            _ => return None,
        })
    }
}

/// One row of the lexicon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Relation label (`supplied`).
    pub relation: String,
    /// Where the arguments are.
    pub frame: Frame,
    /// Prepositions introducing the preferred object (`to`).
    pub object_after: Vec<String>,
    /// Words one of which must be in the object phrase for this row to apply.
    pub when: Vec<String>,
    /// Event class for quantities counted by this word.
    pub event: String,
}

/// A trigger word found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trigger {
    /// Bytes of the word or phrase.
    pub span: Span,
    /// Indexes into [`Lexicon::entries`] of the rows for this form, in file order.
    pub entries: Vec<usize>,
}

/// The compiled relation lexicon.
#[derive(Clone, Debug)]
pub struct Lexicon {
    entries: Vec<Entry>,
    phrases: Vec<String>,
    forms: Vec<Vec<usize>>,
    automaton: AhoCorasick,
    title_words: HashSet<String>,
}

impl Lexicon {
    /// The embedded default lexicon.
    pub fn with_defaults() -> Result<Lexicon, LoadErrors> {
        Lexicon::from_files(&[EMBEDDED])
    }

    /// Builds a lexicon from `(path, contents)` files, in order. Every
    /// problem is reported with its file and line.
    pub fn from_files(files: &[(&str, &str)]) -> Result<Lexicon, LoadErrors> {
        let mut errors = Vec::new();
        let mut entries = Vec::new();
        let mut by_form: HashMap<String, Vec<usize>> = HashMap::new();
        let mut order = Vec::new();
        for (path, data) in files {
            let table = Table::parse(path, data, &["phrase", "relation"], &mut errors);
            for row in table.rows() {
                let err = |msg: String| LoadError::new(path, row.line, msg);
                let relation = row.get("relation");
                if relation.is_empty()
                    || !relation.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                {
                    errors.push(err(format!(
                        "relation `{relation}` must be a lower-case label such as supplied"
                    )));
                    continue;
                }
                let frame = match row.get("frame") {
                    "" => Frame::Act,
                    f => match Frame::parse(f) {
                        Some(frame) => frame,
                        None => {
                            errors.push(err(format!(
                                "unknown frame `{f}` (expected say, report, act, mutual, noun or title)"
                            )));
                            continue;
                        }
                    },
                };
                let phrases: Vec<String> = list(row.get("phrase")).map(str::to_lowercase).collect();
                if phrases.is_empty() {
                    errors.push(err("empty phrase".into()));
                    continue;
                }
                let event = match row.get("event") {
                    "" => relation.to_string(),
                    e => e.to_string(),
                };
                let index = entries.len();
                entries.push(Entry {
                    relation: relation.to_string(),
                    frame,
                    object_after: list(row.get("object_after")).map(str::to_lowercase).collect(),
                    when: list(row.get("when")).map(str::to_lowercase).collect(),
                    event,
                });
                for phrase in phrases {
                    let rows = by_form.entry(phrase.clone()).or_insert_with(|| {
                        order.push(phrase);
                        Vec::new()
                    });
                    if !rows.contains(&index) {
                        rows.push(index);
                    }
                }
            }
        }
        if !errors.is_empty() {
            return Err(LoadErrors(errors));
        }
        // A DFA: a few hundred phrases, scanned over every document.
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .build(&order)
            .map_err(|e| LoadErrors(vec![LoadError::new("relations", 0, e.to_string())]))?;
        let forms = order.iter().map(|f| by_form.remove(f).unwrap_or_default()).collect();
        let mut lexicon =
            Lexicon { entries, phrases: order, forms, automaton, title_words: HashSet::new() };
        lexicon.title_words =
            lexicon.phrases(Frame::Title).flat_map(|p| p.split(' ')).map(String::from).collect();
        Ok(lexicon)
    }

    /// Every row, indexed by [`Trigger::entries`].
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The phrases (lower-cased) with a row of the given frame.
    pub fn phrases(&self, frame: Frame) -> impl Iterator<Item = &str> {
        self.phrases
            .iter()
            .zip(&self.forms)
            .filter(move |(_, rows)| rows.iter().any(|&r| self.entries[r].frame == frame))
            .map(|(p, _)| p.as_str())
    }

    /// Every word of every title phrase, lower-cased ("defense", "minister").
    pub fn title_words(&self) -> &HashSet<String> {
        &self.title_words
    }

    /// Every trigger in `text`, leftmost-longest on word boundaries, in order.
    pub fn triggers(&self, text: &str) -> Vec<Trigger> {
        self.triggers_from(text, &fixed::hits(&self.automaton, text))
    }

    /// Every phrase, lower-cased, for a scan shared with other stages
    /// ([`fixed::FixedStrings`], ignoring ASCII case): its matches give
    /// [`Lexicon::triggers_from`] what `triggers` finds itself.
    pub fn phrase_list(&self) -> &[String] {
        &self.phrases
    }

    /// [`Lexicon::triggers`] from the leftmost-longest matches of
    /// [`Lexicon::phrase_list`] in `text`.
    pub fn triggers_from(&self, text: &str, hits: &[Hit]) -> Vec<Trigger> {
        hits.iter()
            // "anti-attack" or "attacked" hold no trigger "attack".
            .filter(|m| {
                super::stands_alone(text, m.start, m.end, |c| c.is_alphanumeric() || c == '-')
            })
            .map(|m| Trigger {
                span: Span::new(m.start, m.end),
                entries: self.forms.get(m.pattern).cloned().unwrap_or_default(),
            })
            .collect()
    }

    /// The row that applies to trigger `t` before the words `object`: the
    /// first whose `when` words occur there, else the first without `when`
    /// (`sent troops` → deployed, `sent shells` → supplied).
    pub fn entry_for(&self, t: &Trigger, object: &str) -> Option<&Entry> {
        let object = object.to_lowercase();
        let words: Vec<&str> = object.split(|c: char| !c.is_alphanumeric()).collect();
        let rows = t.entries.iter().map(|&e| &self.entries[e]);
        let mut fallback = None;
        for e in rows {
            if e.when.is_empty() {
                fallback = fallback.or(Some(e));
            } else if e.when.iter().any(|w| words.contains(&w.as_str())) {
                return Some(e);
            }
        }
        fallback
    }

    /// The event class of the action word nearest to `span` in its sentence,
    /// for a quantity there (`six officers had been killed` → `killed`).
    pub fn event_near(&self, text: &str, sentences: &[Span], span: Span) -> Option<String> {
        let sentence = *sentences.get(super::sentence_of(sentences, span.start))?;
        let slice = text.get(sentence.start..sentence.end)?;
        let found = self.triggers(slice);
        let shifted = found
            .iter()
            .map(|t| (Span::new(t.span.start + sentence.start, t.span.end + sentence.start), t));
        self.nearest_event(text, sentence, shifted, span)
    }

    /// [`Lexicon::event_near`] with the document's triggers already found
    /// (`triggers` of the whole text, in order): no second scan per
    /// quantity.
    pub fn event_among(
        &self,
        text: &str,
        sentences: &[Span],
        triggers: &[Trigger],
        span: Span,
    ) -> Option<String> {
        let sentence = *sentences.get(super::sentence_of(sentences, span.start))?;
        let first = triggers.partition_point(|t| t.span.start < sentence.start);
        let inside = triggers[first..]
            .iter()
            .take_while(|t| t.span.end <= sentence.end)
            .map(|t| (t.span, t));
        self.nearest_event(text, sentence, inside, span)
    }

    /// The event of the action trigger nearest to `span` among `triggers`
    /// (with their spans in `text`) of `sentence`.
    fn nearest_event<'t>(
        &self,
        text: &str,
        sentence: Span,
        triggers: impl Iterator<Item = (Span, &'t Trigger)>,
        span: Span,
    ) -> Option<String> {
        let slice = text.get(sentence.start..sentence.end)?;
        let action = |e: &Entry| matches!(e.frame, Frame::Act | Frame::Mutual);
        let mut best: Option<(usize, &String)> = None;
        for (at, t) in triggers {
            // The words after a trigger (which `entry_for` allocates to
            // read) matter only if one of its rows is an action, and only
            // if it is nearer than the best so far: the first nearest wins.
            if !t.entries.iter().any(|&e| action(&self.entries[e])) {
                continue;
            }
            let distance = if at.end <= span.start {
                gap_len(text, at.end, span.start)
            } else {
                gap_len(text, span.end, at.start)
            };
            if best.is_some_and(|(d, _)| distance >= d) {
                continue;
            }
            let Some(rest) = slice.get(at.end - sentence.start..) else { continue };
            let after = rest.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
            match self.entry_for(t, &after) {
                Some(e) if action(e) => best = Some((distance, &e.event)),
                _ => {}
            }
        }
        best.map(|(_, e)| e.clone())
    }
}

/// The length of `text[from..to]` with each run of white space one byte:
/// how far apart two words are, whatever the line ends and indents
/// between them.
fn gap_len(text: &str, from: usize, to: usize) -> usize {
    let Some(gap) = text.as_bytes().get(from..to) else { return to.saturating_sub(from) };
    let mut len = 0;
    let mut space = false;
    for &b in gap {
        let next = b.is_ascii_whitespace();
        len += usize::from(!(next && space));
        space = next;
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_loads() {
        let lex = Lexicon::with_defaults().unwrap();
        let text = "According to Reuters, Russia shipped shells and sent troops.";
        let found: Vec<&str> =
            lex.triggers(text).iter().map(|t| &text[t.span.start..t.span.end]).collect();
        assert_eq!(found, ["According to", "shipped", "sent"]);
    }

    #[test]
    fn errors_name_line() {
        let data =
            "phrase\trelation\tframe\nsaid\tStated\tsay\nsaid\tstated\tspeak\n\tstated\tsay\n";
        let err = Lexicon::from_files(&[("r.tsv", data)]).unwrap_err().to_string();
        assert_eq!(
            err,
            "r.tsv:2: relation `Stated` must be a lower-case label such as supplied\n\
             r.tsv:3: unknown frame `speak` (expected say, report, act, mutual, noun or title)\n\
             r.tsv:4: empty phrase"
        );
    }

    #[test]
    fn event_of_nearest_verb() {
        let lex = Lexicon::with_defaults().unwrap();
        let text = "Six officers had been killed in a strike.";
        let s = [Span::new(0, text.len())];
        assert_eq!(lex.event_near(text, &s, Span::new(0, 12)).as_deref(), Some("killed"));
    }

    /// Of two verbs as far from a number in words, the first wins,
    /// however the lines between them are broken and indented.
    #[test]
    fn line_ends_do_not_move_the_nearest_verb() {
        let lex = Lexicon::with_defaults().unwrap();
        for text in [
            "Troops killed then six officers then arrested more.",
            "Troops killed\r\n    then six officers then arrested more.",
            "Troops killed then\n    six officers then arrested more.",
        ] {
            let s = [Span::new(0, text.len())];
            let six = text.find("six").unwrap_or(0);
            let at = Span::new(six, text.find("officers").unwrap_or(0) + "officers".len());
            assert_eq!(lex.event_near(text, &s, at).as_deref(), Some("killed"), "{text:?}");
        }
    }
}
