//! Test support: starts the mock binary on a free port and talks raw HTTP/1.1 to it, so paths
//! are sent exactly as written (percent-encoding included) and broken responses can be seen.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

/// The admin key the tests start the mock with.
pub const KEY: &str = "sk-admin-test-key-123";

/// A running mock; killed by PID on drop.
pub struct Mock {
    child: Child,
    /// `host:port`
    pub addr: String,
}

impl Mock {
    /// Starts `openai-admin-mock --port 0 --seed demo` plus `extra` flags.
    pub fn start(extra: &[&str]) -> Mock {
        let mut child = Command::new(env!("CARGO_BIN_EXE_openai-admin-mock"))
            .args(["--port", "0", "--seed", "demo", "--admin-key", KEY])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn mock");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read listening line");
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
            .to_owned();
        Mock { child, addr }
    }

    /// A request with the right key.
    pub fn call(&self, method: &str, path: &str, body: Option<&str>) -> Resp {
        let auth = format!("Bearer {KEY}");
        self.raw(method, path, &[("Authorization", &auth)], body)
            .expect("response")
    }

    /// `GET path` with auth.
    pub fn get(&self, path: &str) -> Resp {
        self.call("GET", path, None)
    }

    /// `POST path` with a JSON body and auth.
    pub fn post(&self, path: &str, body: Value) -> Resp {
        self.call("POST", path, Some(&body.to_string()))
    }

    /// `DELETE path` with auth.
    pub fn delete(&self, path: &str) -> Resp {
        self.call("DELETE", path, None)
    }

    /// Any request with the given headers. `Err` when the connection closed with no response.
    pub fn raw(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> Result<Resp, String> {
        let mut s = TcpStream::connect(&self.addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.addr
        );
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        if let Some(b) = body {
            req.push_str(&format!(
                "Content-Type: application/json\r\nContent-Length: {}\r\n",
                b.len()
            ));
        }
        req.push_str("\r\n");
        req.push_str(body.unwrap_or(""));
        s.write_all(req.as_bytes()).expect("write");
        let mut raw = Vec::new();
        let read = s.read_to_end(&mut raw);
        if raw.is_empty() {
            return Err(format!("no response ({read:?})"));
        }
        Ok(Resp::parse(&raw, read.is_err()))
    }

    /// All ids of a list page.
    pub fn ids(&self, path: &str) -> Vec<String> {
        let r = self.get(path);
        assert_eq!(r.status, 200, "{path}: {}", r.text());
        r.json()["data"]
            .as_array()
            .expect("data")
            .iter()
            .map(|v| v["id"].as_str().expect("id").to_owned())
            .collect()
    }

    /// The id of the first item named `name` in a list.
    pub fn id_named(&self, list_path: &str, name: &str) -> String {
        let r = self.get(list_path).json();
        r["data"]
            .as_array()
            .expect("data")
            .iter()
            .find(|v| v["name"] == name)
            .and_then(|v| v["id"].as_str())
            .unwrap_or_else(|| panic!("no {name} in {list_path}"))
            .to_owned()
    }
}

impl Drop for Mock {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A parsed response.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// The connection failed while reading.
    pub broken: bool,
}

impl Resp {
    fn parse(raw: &[u8], broken: bool) -> Resp {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("end of head");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut lines = head.split("\r\n");
        let status_line = lines.next().expect("status line");
        let status = status_line
            .split(' ')
            .nth(1)
            .expect("status")
            .parse()
            .expect("number");
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_owned()))
            .collect();
        let mut body = raw[split + 4..].to_vec();
        let chunked = headers
            .iter()
            .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"));
        if chunked {
            body = dechunk(&body);
        }
        Resp {
            status,
            headers,
            body,
            broken,
        }
    }

    /// A header value (names are lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    /// Asserts an OpenAI error with this status and all four keys, and returns its `error`.
    pub fn error(&self, status: u16) -> Value {
        assert_eq!(self.status, status, "body: {}", self.text());
        let e = self.json()["error"].clone();
        for key in ["message", "type", "param", "code"] {
            assert!(e.get(key).is_some(), "missing {key} in {e}");
        }
        assert!(e["message"].is_string());
        e
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(pos) = b.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&b[..pos]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = pos + 2;
        let end = (start + size).min(b.len());
        out.extend_from_slice(&b[start..end]);
        b = b.get(end + 2..).unwrap_or(&[]);
    }
    out
}

/// Percent-encodes every byte outside `A-Za-z0-9-._~`.
pub fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
