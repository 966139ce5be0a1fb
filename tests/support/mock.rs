//! The mock Admin API for the native suites that talk to it (`core_against_mock.rs`,
//! `proptest_paths.rs`): started with the demo seed on a free loopback port, stopped by its PID
//! when dropped, and one raw HTTP/1.1 exchange at a time. Each suite includes it with
//! `#[path = "support/mock.rs"] mod mock;`.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use openai_admin_wasm::ApiRequest;

/// A running mock, killed (by its PID: `Child::kill`) when dropped.
pub struct Mock {
    child: Child,
    /// `HOST:PORT`.
    pub host: String,
    key: String,
}

impl Mock {
    /// Starts the mock (demo seed) with admin key `key` on a free loopback port.
    pub fn start(key: &str) -> Mock {
        Mock::start_with(key, &["--seed", "demo"])
    }

    /// Starts the mock with admin key `key` and the flags `args` (`--seed`, `--users`, …) on a
    /// free loopback port.
    pub fn start_with(key: &str, args: &[&str]) -> Mock {
        let bin = mock_bin();
        assert!(
            bin.is_file(),
            "the mock server binary {} does not exist: build it with `cargo build -p openai-admin-mock` \
             (or point MOCK_BIN at it)",
            bin.display()
        );
        let mut child = Command::new(&bin)
            .args(["--host", "127.0.0.1", "--port", "0", "--admin-key", key])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
        let stdout = child.stdout.take().expect("piped stdout");
        let mut mock = Mock {
            child,
            host: String::new(),
            key: key.to_owned(),
        };
        let mut lines = BufReader::new(stdout).lines();
        for line in lines.by_ref() {
            let line = line.expect("mock stdout");
            if let Some(host) = line.trim().strip_prefix("listening on http://") {
                mock.host = host.to_owned();
                break;
            }
        }
        assert!(
            !mock.host.is_empty(),
            "the mock exited without printing `listening on http://HOST:PORT`"
        );
        // Keep draining stdout so the mock never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        mock
    }

    /// Sends `request` with the key the mock was started with.
    pub fn send(&self, request: &ApiRequest) -> Reply {
        self.send_with_key(request, &self.key)
    }

    /// Sends `request` with admin key `key` and returns the raw answer.
    pub fn send_with_key(&self, request: &ApiRequest, key: &str) -> Reply {
        let target = format!("/v1{}", request.path_and_query());
        self.exchange(
            request.method.as_str(),
            &target,
            request.body.as_deref(),
            key,
        )
    }

    /// Sends a `/__mock` control (`POST /__mock/faults` with a JSON body, `GET
    /// /__mock/stats`, …) with the mock's key.
    pub fn control(&self, method: &str, path: &str, body: Option<&str>) -> Reply {
        self.exchange(method, path, body, &self.key)
    }

    fn exchange(&self, method: &str, target: &str, body: Option<&str>, key: &str) -> Reply {
        let mut stream = TcpStream::connect(&self.host).expect("connect to the mock");
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .expect("read timeout");
        let has_body = body.is_some();
        let body = body.unwrap_or("");
        let mut head = format!(
            "{method} {target} HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {key}\r\nAccept: application/json\r\nConnection: close\r\n",
            self.host,
        );
        if has_body {
            head.push_str("Content-Type: application/json\r\n");
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        stream.write_all(head.as_bytes()).expect("write request");
        stream.write_all(body.as_bytes()).expect("write body");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("read response");
        Reply::from_bytes(&raw)
    }
}

impl Drop for Mock {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Where the mock binary is: `MOCK_BIN` at build or run time, else the debug build.
fn mock_bin() -> PathBuf {
    if let Some(path) = option_env!("MOCK_BIN") {
        return PathBuf::from(path);
    }
    if let Some(path) = std::env::var_os("MOCK_BIN") {
        return PathBuf::from(path);
    }
    // The workspace's target folder: the suite's crate is the workspace root or one of its
    // members.
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            manifest
                .ancestors()
                .map(|dir| dir.join("target"))
                .find(|dir| dir.is_dir())
        })
        .unwrap_or_else(|| manifest.join("target"));
    target
        .join("debug")
        .join(format!("openai-admin-mock{}", std::env::consts::EXE_SUFFIX))
}

/// A raw HTTP answer.
pub struct Reply {
    /// The status.
    pub status: u16,
    /// The `x-request-id` header.
    pub request_id: Option<String>,
    /// The body (chunked encoding undone).
    pub body: String,
}

impl Reply {
    /// Parses a whole HTTP/1.1 answer.
    pub fn from_bytes(raw: &[u8]) -> Reply {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a complete response head");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut payload = raw[split + 4..].to_vec();
        let mut lines = head.split("\r\n");
        let status_line = lines.next().expect("status line");
        let status = status_line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
        let mut request_id = None;
        let mut chunked = false;
        for line in lines {
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let (name, value) = (name.trim().to_ascii_lowercase(), value.trim());
            if name == "x-request-id" {
                request_id = Some(value.to_owned());
            }
            if name == "transfer-encoding" && value.eq_ignore_ascii_case("chunked") {
                chunked = true;
            }
        }
        if chunked {
            payload = dechunk(&payload);
        }
        Reply {
            status,
            request_id,
            body: String::from_utf8(payload).expect("a UTF-8 body"),
        }
    }
}

/// Decodes a `Transfer-Encoding: chunked` body.
fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let end = data
            .windows(2)
            .position(|w| w == b"\r\n")
            .expect("chunk size line");
        let size_text = String::from_utf8_lossy(&data[..end]);
        let size_hex = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_hex, 16).expect("hex chunk size");
        data = &data[end + 2..];
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[..size]);
        data = &data[size + 2..];
    }
}
