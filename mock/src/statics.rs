//! Static files for `--www DIR` (mounted at `/`) and `--static PREFIX=DIR`.

use std::path::{Path, PathBuf};

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use percent_encoding::percent_decode_str;

/// The content type for a file name.
pub fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs" | "cjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json" | "map") => "application/json",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("txt" | "md") => "text/plain; charset=utf-8",
        Some("ts") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Maps a raw URL path onto a file below one of the mounts (longest prefix first).
/// Returns `None` when no mount covers it or it tries to leave the directory.
pub fn resolve(mounts: &[(String, PathBuf)], raw_path: &str) -> Option<PathBuf> {
    let path = percent_decode_str(raw_path).decode_utf8().ok()?;
    for (prefix, dir) in mounts {
        let prefix = prefix.trim_end_matches('/');
        let rest = if prefix.is_empty() {
            &path[..]
        } else if path == prefix {
            ""
        } else if let Some(rest) = path.strip_prefix(prefix).filter(|r| r.starts_with('/')) {
            rest
        } else {
            continue;
        };
        let mut file = dir.clone();
        for seg in rest.split('/').filter(|s| !s.is_empty()) {
            if seg == ".." || seg == "." || seg.contains('\\') {
                return None;
            }
            file.push(seg);
        }
        return Some(file);
    }
    None
}

/// Reads and serves a file (or a directory's `index.html`); `None` if there is none.
pub async fn serve(file: PathBuf, head_only: bool) -> Option<Response> {
    let file = if tokio::fs::metadata(&file).await.ok()?.is_dir() {
        file.join("index.html")
    } else {
        file
    };
    let bytes = tokio::fs::read(&file).await.ok()?;
    let ct = HeaderValue::from_static(content_type(&file));
    let len = bytes.len();
    let mut resp = if head_only {
        StatusCode::OK.into_response()
    } else {
        (StatusCode::OK, bytes).into_response()
    };
    resp.headers_mut().insert("content-type", ct);
    resp.headers_mut()
        .insert("content-length", HeaderValue::from(len));
    resp.headers_mut()
        .insert("cache-control", HeaderValue::from_static("no-cache"));
    Some(resp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_longest_prefix_and_refuses_escapes() {
        let mounts = vec![
            ("/pkg".to_owned(), PathBuf::from("p")),
            ("/".to_owned(), PathBuf::from("w")),
        ];
        assert_eq!(
            resolve(&mounts, "/pkg/a.wasm"),
            Some(PathBuf::from("p/a.wasm"))
        );
        assert_eq!(resolve(&mounts, "/pkgx"), Some(PathBuf::from("w/pkgx")));
        assert_eq!(resolve(&mounts, "/"), Some(PathBuf::from("w")));
        assert_eq!(resolve(&mounts, "/a/../../etc/passwd"), None);
        assert_eq!(resolve(&mounts, "/a/%2E%2E/x"), None);
    }
}
