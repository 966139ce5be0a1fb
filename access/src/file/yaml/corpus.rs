//! The differential test's corpus: the repository's YAML samples, hand-written cases for each
//! feature, a seeded generator of documents and a seeded mutator of texts.

use std::path::Path;

/// Hand-written cases, one or more per feature of YAML an access file may use.
pub(super) const FEATURES: &[&str] = &[
    // Block mappings and sequences, compact and indentation variants.
    "roles:\n  Auditor:\n    id: role_abc\n    permissions:\n      - api.groups.read\n      - api.users.read\n",
    "groups:\n  Eng:\n    members:\n    - ada@example.com\n    - grace@example.com\n",
    "- a: 1\n  b: 2\n- c\n-   d: 3\n    e: 4\n",
    "a:\n- b\n-\n- - c\n  - d\n",
    "a:\n   b:\n      c: d\n   e: f\n",
    "a: b\n c\n",
    "a: b\n- c\n",
    "a:\n  - b\n  c: d\n",
    "? a\n: b\n? - c\n  - d\n: e\n",
    "? a\n? b\nc:\n",
    "a: &x\n  b: c\nd: *x\ne: *x\n",
    "&a a: &b b\n*a : *b\n",
    "- &x [1, 2]\n- *x\n- *y\n",
    "a: !!str 1\nb: !custom x\nc: !<tag:yaml.org,2002:str> y\nd: ! z\n",
    "%TAG !e! tag:example.com,2000:\n---\na: !e!foo b\n",
    "a: !e!foo b\n",
    "%YAML 1.2\n---\na: b\n...\n",
    "%YAML 1.2\n%YAML 1.1\n---\na\n",
    "%FOO bar baz\n--- a\n",
    "--- \na: b\n--- \nc: d\n",
    "---\n...\n---\n",
    "\u{feff}a: b\n",
    "a: b\u{feff}\n",
    "# only a comment\n",
    "a: b #c\nd: 'e' # f\n#g\n",
    "a: b#c\n",
    "a: \"b\"#c\n",
    // Flow collections, nested, multi-line.
    "{a: [b, c], d: {e: f}, g: }\n",
    "[a, [b, [c, {d: e}]], {f: g, h}, ]\n",
    "a: [\n  b,\n  c\n]\nd: {\n  e: f,\n  g: h }\n",
    "[a: b, c: d, ? e : f, : g]\n",
    "{\"a\":1,\"b\":[true,null,\"c\\u00e9\"]}\n",
    "[a, b\n",
    "{a: b\n",
    "a: [b, c]]\n",
    "[ - a ]\n",
    "{a: [b]: c}\n",
    "[\"a\":b, 'c':[d], e:{f}]\n",
    "[a\n:b]\n",
    "{ ? : x }\n",
    // Plain scalars, folded over lines.
    "a: b c\n  d e\n\n  f\n",
    "a b\nc d\n",
    "key: value: more\n",
    "a: -b\nc: :d\ne: ?f\ng: x:y\nh: x #z\n",
    "a: b\n  # c\n  d\n",
    "a: b # c\n  d\n",
    "a: 1.0\nb: true\nc: ~\nd: null\ne: Null\nf: NULL\ng:\n",
    // Single- and double-quoted, escapes and folding.
    "a: 'it''s'\nb: 'x\n  y\n\n  z'\n",
    "a: \"\\n\\t\\u00e9\\x41\\U0001F600\\\\\\\"\\/\\0\\a\\b\\v\\f\\r\\e\\ \\N\\_\\L\\P\"\n",
    "a: \"line \\\n  folded\"\nb: \"x\n\n  y\"\n",
    "a: \"\\q\"\n",
    "a: \"\\x4\"\n",
    "a: \"\\UFFFFFFFF\"\n",
    "a: \"b\" c\n",
    "a: 'b\n",
    "a: \"b\n---\nc\"\n",
    "\"a\": b\n'c': d\n",
    "a: \"b\nc\"\n",
    // Block scalars, chomping, indentation indicators.
    "a: |\n  b\n  c\n\nd: >\n  e\n  f\n\n  g\n",
    "a: |-\n  b\n\n\nc: |+\n  d\n\n\ne: >-\n  f\n",
    "a: |2\n    b\n   c\nd: >1\n  e\n",
    "a: |0\n  b\n",
    "a: |\n    b\n  c\n",
    "a: |\n  b\n # c\n",
    "a: >\n\n  b\n   c\n  d\n\n",
    "- |\n  a\n- >-\n  b\n",
    "a: |x\n",
    "a: |\n\tb\n",
    "a: |+\n",
    "|\n  a\n  b",
    ">\n a\n\n b\n  c\n",
    // Tabs where YAML allows them and where it does not.
    "a:\tb\nc: d\t# e\n",
    "a:\n\tb: c\n",
    "-\ta\n",
    "a: [b,\tc]\n",
    "a: b\n\t\nc: d\n",
    // Line breaks.
    "a: b\r\nc:\r\n  - d\r\n",
    "a: b\rc: d\r",
    "a: |\r\n  b\r\n  c\r\n",
    // Errors of all kinds.
    "a: b: c\n",
    "a:\n  b\n c: d\n",
    "- a\nb: c\n",
    "]\n",
    "a: @b\n",
    "a: `b\n",
    "a: %b\n",
    "&\n",
    "*a\n",
    "!<x\n",
    "a: !%zz b\n",
    "a: !e!\n",
    "%TAG !e\n",
    "%TAG !e! x\n%TAG !e! y\n---\na\n",
    "%YAML 1\n",
    "%YAML 1.1234567890\n",
    "%\n",
    "a\0b\n",
    "... x\n",
    "a: b\n---\nc: d\n",
    "a: b\n%YAML 1.2\n---\n",
    "'a\n---\n'\n",
    "a: 'b'c\n",
    "? a\n? b\n  c: d\n",
    "a: &x b\n&y c: d\n",
    "- &a\n- a\n",
    "&a\n- b\n",
    "key:\n  - a\n  -b\n",
    "{a: 1, a: 2}\n",
    "a: 1\na: 2\n",
    "[a]: b\n{c: d}: e\n",
    "long: [\"\\u00e9\", 'é', \"\\u2028\", naïve, 日本]\n",
    "a:\n  - [b, c]\n  - {d: e}\n  -\n    f: g\n",
];

/// The repository's YAML samples: fuzz seeds, the `yaml` and `json` blocks of its Markdown, the
/// string literals of the access crate's sources and of the access tests.
pub(super) fn repository_samples() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut out = Vec::new();
    if let Ok(dir) = std::fs::read_dir(root.join("fuzz/seeds/access_file")) {
        for entry in dir.flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                out.push(text);
            }
        }
    }
    let mut files = Vec::new();
    walk(&root, &mut files);
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let name = path.to_string_lossy();
        if name.ends_with(".md") {
            out.extend(fenced(&text));
        } else if name.contains("/access/") || name.contains("/tests/access/") {
            out.extend(literals(&text).into_iter().filter(|s| looks_like_yaml(s)));
        }
    }
    out.sort();
    out.dedup();
    out
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if !matches!(
                name.as_str(),
                "target" | "node_modules" | "pkg" | ".git" | "results" | "corpus" | "artifacts"
            ) {
                walk(&path, out);
            }
        } else if name.ends_with(".md") || name.ends_with(".rs") || name.ends_with(".mjs") {
            out.push(path);
        }
    }
}

/// The bodies of ```yaml and ```json blocks (and a crate doc's `//!` blocks).
fn fenced(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut block: Option<String> = None;
    for line in text.lines() {
        let bare = line.trim_start_matches("//!").trim_start_matches(' ');
        match &mut block {
            None if bare.starts_with("```yaml") || bare.starts_with("```json") => {
                block = Some(String::new())
            }
            Some(b) if bare.starts_with("```") => {
                out.push(std::mem::take(b));
                block = None;
            }
            Some(b) => {
                b.push_str(line.strip_prefix("//! ").unwrap_or(line));
                b.push('\n');
            }
            None => {}
        }
    }
    out
}

fn looks_like_yaml(s: &str) -> bool {
    s.len() >= 3 && (s.contains(": ") || s.contains(":\n") || s.contains("- ") || s.contains('{'))
}

/// The string literals of Rust or JavaScript source, crudely unescaped (any text is a case).
fn literals(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    let c: Vec<char> = src.chars().collect();
    let mut i = 0;
    while i < c.len() {
        if c[i] == 'r' && c.get(i + 1) == Some(&'#') && c.get(i + 2) == Some(&'"') {
            let mut s = String::new();
            i += 3;
            while i < c.len() && !(c[i] == '"' && c.get(i + 1) == Some(&'#')) {
                s.push(c[i]);
                i += 1;
            }
            out.push(s);
        } else if (c[i] == '"' || c[i] == '`') && !(i > 0 && c[i - 1] == '\'') {
            let quote = c[i];
            let mut s = String::new();
            i += 1;
            while i < c.len() && c[i] != quote {
                if c[i] == '\\' && i + 1 < c.len() {
                    i += 1;
                    match c[i] {
                        'n' => s.push('\n'),
                        't' => s.push('\t'),
                        'r' => s.push('\r'),
                        '0' => s.push('\0'),
                        '\n' => {
                            while i + 1 < c.len() && c[i + 1].is_whitespace() {
                                i += 1;
                            }
                        }
                        'u' if c.get(i + 1) == Some(&'{') => {
                            let end = (i..c.len()).find(|j| c[*j] == '}').unwrap_or(i);
                            let hex: String = c[i + 2..end].iter().collect();
                            if let Some(ch) =
                                u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                            {
                                s.push(ch);
                            }
                            i = end;
                        }
                        other => s.push(other),
                    }
                } else {
                    s.push(c[i]);
                }
                i += 1;
            }
            out.push(s);
        }
        i += 1;
    }
    out
}

/// A seeded generator (splitmix64).
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x5851_f42d_4c95_7f2d)
    }

    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub(super) fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

#[path = "generate.rs"]
mod generate;
pub(super) use generate::{generate, mutate};
