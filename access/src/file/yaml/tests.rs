//! The YAML reader against `saphyr-parser` (a dev-dependency), event for event: the same events
//! with the same positions, or the same error (message, line, column), on every YAML sample of
//! the repository, hand-written cases for each feature, and a few thousand generated documents
//! and mutations of valid files (`corpus.rs`).
//!
//! Compared: every event's kind and value (scalar text, plain or not, anchor ids, alias ids)
//! and its start, except the start of a `MappingEnd` (saphyr places the end of a flow
//! sequence's single-pair mapping at the end of a token, which may be on the next line, this
//! reader at its start; the tree never reads it), and the column of an error on a directive
//! line with non-ASCII text (saphyr counts those columns in bytes: `same_but_bytes`).

use saphyr_parser::{Event as SEvent, Parser as SParser, ScalarStyle};

use super::{corpus, Event, Mark, Parser};

/// One event or the error, with its line and column (`None`: a `MappingEnd`, not compared).
type Step = Result<(Event, Option<(usize, usize)>), (String, usize, usize)>;

fn ours(text: &str) -> Vec<Step> {
    let mut parser = Parser::new(text);
    let mut out = Vec::new();
    while let Some(next) = parser.next_event() {
        out.push(match next {
            Ok((event, Mark { line, col, .. })) => {
                let at = (event != Event::MappingEnd).then_some((line, col));
                Ok((event, at))
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
                let at =
                    (event != Event::MappingEnd).then_some((span.start.line(), span.start.col()));
                Ok((event, at))
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
    // This reader never panics; a text saphyr panics on is not compared.
    let got = ours(text);
    let reference = std::panic::catch_unwind(|| saphyr(text)).ok()?;
    if got == reference || same_but_bytes(text, &got, &reference) {
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

/// The one place the columns differ on purpose: saphyr moves its column by bytes, not
/// characters, over a directive's name and parameters (`%GET …/x` then a BOM: saphyr's column is
/// two more than this reader's, `…` being three bytes), so an error later on a `%` line with
/// non-ASCII text is compared by message and line only. Everywhere else, and here, a column
/// counts characters.
fn same_but_bytes(text: &str, got: &[Step], reference: &[Step]) -> bool {
    let (Some(Err((a, line, _))), Some(Err((b, line_b, _)))) = (got.last(), reference.last())
    else {
        return false;
    };
    let directive = text
        .replace("\r\n", "\n")
        .split(['\n', '\r'])
        .nth(line - 1)
        .is_some_and(|l| l.starts_with('%') && !l.is_ascii());
    directive
        && a == b
        && line == line_b
        && got.len() == reference.len()
        && got[..got.len() - 1] == reference[..reference.len() - 1]
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
    // 300 samples spread over the sorted list (its start is mostly short literals).
    let samples = corpus::repository_samples();
    let step = (samples.len() / 300).max(1);
    bases.extend(samples.into_iter().step_by(step));
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

#[test]
fn a_directive_with_non_ascii_text_differs_only_in_saphyr_s_byte_column() {
    let text = "%GET \u{2026}/x\u{feff}\n";
    assert_eq!(
        ours(text).last(),
        Some(&Err((
            "a byte order mark must not appear inside a document".to_owned(),
            1,
            8
        )))
    );
    assert_ne!(ours(text), saphyr(text));
    assert_eq!(differs(text), None);
}
