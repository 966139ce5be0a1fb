//! The YAML reader against `saphyr-parser` (a dev-dependency), event for event: the same events
//! with the same positions, or the same error (message, line, column), on every YAML sample of
//! the repository, hand-written cases for each feature, and a few thousand generated documents
//! and mutations of valid files (`corpus.rs`).
//!
//! Compared: every event's kind and value (scalar text, plain or not, anchor ids, alias ids)
//! and its start, except the start of a `MappingEnd` (saphyr places the end of a flow
//! sequence's single-pair mapping at the end of a token, this reader at its start; the tree
//! never reads it).

use saphyr_parser::{Event as SEvent, Parser as SParser, ScalarStyle};

use super::{corpus, Event, Mark, Parser};

/// One event or the error, with its line and column (`None`: the column is not compared).
type Step = Result<(Event, usize, Option<usize>), (String, usize, usize)>;

fn ours(text: &str) -> Vec<Step> {
    let mut parser = Parser::new(text);
    let mut out = Vec::new();
    while let Some(next) = parser.next_event() {
        out.push(match next {
            Ok((event, Mark { line, col, .. })) => {
                let col = (event != Event::MappingEnd).then_some(col);
                Ok((event, line, col))
            }
            Err(e) => Err((e.info.to_owned(), e.mark.line, e.mark.col)),
        });
    }
    out
}

fn saphyr(text: &str) -> Vec<Step> {
    let mut parser = SParser::new_from_str(text);
    let mut out = Vec::new();
    while let Some(next) = parser.next_event() {
        let step = match next {
            Ok((event, span)) => {
                let event = match event {
                    SEvent::StreamStart => Event::StreamStart,
                    SEvent::StreamEnd => Event::StreamEnd,
                    SEvent::DocumentStart(_) => Event::DocumentStart,
                    SEvent::DocumentEnd => Event::DocumentEnd,
                    SEvent::Alias(id) => Event::Alias(id),
                    SEvent::Scalar(text, style, anchor, _) => {
                        Event::Scalar(text.into_owned(), style == ScalarStyle::Plain, anchor)
                    }
                    SEvent::SequenceStart(anchor, _) => Event::SequenceStart(anchor),
                    SEvent::SequenceEnd => Event::SequenceEnd,
                    SEvent::MappingStart(anchor, _) => Event::MappingStart(anchor),
                    SEvent::MappingEnd => Event::MappingEnd,
                    SEvent::Nothing => continue,
                };
                let col = (event != Event::MappingEnd).then_some(span.start.col());
                Ok((event, span.start.line(), col))
            }
            Err(e) => Err((e.info().to_owned(), e.marker().line(), e.marker().col())),
        };
        let stop = step.is_err();
        out.push(step);
        if stop {
            break;
        }
    }
    out
}

/// Both readers on `text`: `Err` with both streams when they differ.
pub(super) fn differs(text: &str) -> Option<String> {
    let reference = std::panic::catch_unwind(|| saphyr(text)).ok()?;
    let got = ours(text);
    if got == reference {
        return None;
    }
    let at = got
        .iter()
        .zip(&reference)
        .position(|(a, b)| a != b)
        .unwrap_or(got.len().min(reference.len()));
    Some(format!(
        "{text:?}\nfirst difference at event {at}:\n  ours   {:?}\n  saphyr {:?}",
        got.get(at),
        reference.get(at)
    ))
}

fn check_all(texts: impl IntoIterator<Item = String>) -> usize {
    let mut n = 0;
    let mut failures = Vec::new();
    for text in texts {
        n += 1;
        if let Some(d) = differs(&text) {
            failures.push(d);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n} differ; the first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(5)].join("\n")
    );
    n
}

#[test]
fn the_repository_samples_read_as_saphyr_reads_them() {
    let samples = corpus::repository_samples();
    assert!(samples.len() > 1000, "only {} samples found", samples.len());
    check_all(samples);
}

#[test]
fn each_feature_reads_as_saphyr_reads_it() {
    check_all(corpus::FEATURES.iter().map(|t| (*t).to_owned()));
}

#[test]
fn every_prefix_of_each_feature_reads_as_saphyr_reads_it() {
    // A cut anywhere: the end of the text in every state of the scanner.
    check_all(corpus::FEATURES.iter().flat_map(|t| {
        t.char_indices()
            .map(|(i, _)| t[..i].to_owned())
            .collect::<Vec<_>>()
    }));
}

/// How many generated cases (`YAML_DIFF_CASES` for a longer run; 3,000 by default).
fn cases() -> u64 {
    std::env::var("YAML_DIFF_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3000)
}

#[test]
fn generated_documents_read_as_saphyr_reads_them() {
    let texts: Vec<String> = (0..cases()).map(corpus::generate).collect();
    // The generator makes both kinds: documents read whole, and documents refused.
    let refused = texts
        .iter()
        .filter(|t| ours(t).iter().any(Result::is_err))
        .count();
    assert!(
        refused > texts.len() / 20 && refused < texts.len() * 19 / 20,
        "{refused} of {} refused",
        texts.len()
    );
    check_all(texts);
}

#[test]
fn mutated_files_read_as_saphyr_reads_them() {
    let mut bases: Vec<String> = corpus::FEATURES.iter().map(|t| (*t).to_owned()).collect();
    bases.extend(corpus::repository_samples().into_iter().take(300));
    let n = check_all((0..2 * cases()).map(|seed| {
        let base = &bases[(seed as usize * 7919) % bases.len()];
        corpus::mutate(base, seed)
    }));
    assert_eq!(n as u64, 2 * cases());
}

#[test]
fn the_comparison_sees_a_difference() {
    // The harness itself: a reader that differed would be caught.
    let text = "a: [b, c]\n";
    let mut wrong = ours(text);
    wrong.swap(3, 4);
    assert_ne!(wrong, saphyr(text));
    assert_eq!(ours(text), saphyr(text));
    assert!(ours(text).len() > 6);
}
