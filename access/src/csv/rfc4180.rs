//! CSV as RFC 4180 has it, read and written as the `csv` crate did (with `has_headers(false)`,
//! `flexible(true)`, `Trim::All` and CRLF records): written by hand, 15 KB less wasm than the
//! crate with its `csv-core` (ARCHITECTURE.md, "access").
//!
//! Reading: records end at `\n`, `\r` or `\r\n`, blank lines are skipped, a field that starts
//! with `"` runs to the next lone `"` (`""` is one `"`, line ends included) and whatever follows
//! it up to the next `,` is kept; a `"` inside an unquoted field is a plain character.

/// One record: where it starts (a byte offset) and its fields, each trimmed.
pub(super) struct Record {
    pub start: usize,
    pub fields: Vec<String>,
}

/// Every record of `text`, in order.
pub(super) fn records(text: &str) -> Vec<Record> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if matches!(bytes[at], b'\r' | b'\n') {
            at += 1;
            continue;
        }
        let start = at;
        let mut fields = Vec::new();
        let mut field: Vec<u8> = Vec::new();
        let mut quoted = false;
        let mut field_start = true;
        while at < bytes.len() {
            let b = bytes[at];
            at += 1;
            if quoted {
                if b != b'"' {
                    field.push(b);
                } else if bytes.get(at) == Some(&b'"') {
                    field.push(b'"');
                    at += 1;
                } else {
                    quoted = false;
                }
                continue;
            }
            match b {
                b'"' if field_start => quoted = true,
                b',' => {
                    fields.push(take(&mut field));
                    field_start = true;
                    continue;
                }
                b'\r' | b'\n' => {
                    if b == b'\r' && bytes.get(at) == Some(&b'\n') {
                        at += 1;
                    }
                    break;
                }
                _ => field.push(b),
            }
            field_start = false;
        }
        fields.push(take(&mut field));
        out.push(Record { start, fields });
    }
    out
}

/// The field's text, trimmed (the bytes are whole characters: only ASCII bytes split them).
fn take(field: &mut Vec<u8>) -> String {
    let text = String::from_utf8_lossy(field).trim().to_owned();
    field.clear();
    text
}

/// `rows` as CSV: CRLF after each record, a field quoted when it holds `,`, `"`, `\r` or `\n`
/// (its `"` doubled).
pub(super) fn write(rows: &[Vec<&str>]) -> String {
    let mut out = String::new();
    for row in rows {
        for (i, field) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            if field.contains([',', '"', '\r', '\n']) {
                out.push('"');
                out.push_str(&field.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(field);
            }
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<(usize, Vec<String>)> {
        records(text)
            .into_iter()
            .map(|r| (r.start, r.fields))
            .collect()
    }

    #[test]
    fn reads_quotes_line_ends_and_blank_lines_as_the_csv_crate() {
        let text = "a, b ,c\r\n\r\n\"x,\"\"y\"\"\n z\",q\"r\n\"s\"t,\rlast,";
        assert_eq!(
            fields(text),
            [
                (0, vec!["a".into(), "b".into(), "c".into()]),
                (11, vec!["x,\"y\"\n z".into(), "q\"r".into()]),
                (28, vec!["st".into(), "".into()]),
                (34, vec!["last".into(), "".into()]),
            ]
        );
        assert!(records("\n\r\n").is_empty());
        assert_eq!(fields("é,ü"), [(0, vec!["é".into(), "ü".into()])]);
    }

    #[test]
    fn writes_what_it_reads_back() {
        let rows = vec![
            vec!["group", "email"],
            vec!["a,b", "say \"hi\"\n"],
            vec!["", "x"],
        ];
        let text = write(&rows);
        assert_eq!(
            text,
            "group,email\r\n\"a,b\",\"say \"\"hi\"\"\n\"\r\n,x\r\n"
        );
        let back: Vec<Vec<String>> = records(&text).into_iter().map(|r| r.fields).collect();
        assert_eq!(back[1], ["a,b", "say \"hi\""]);
    }
}
