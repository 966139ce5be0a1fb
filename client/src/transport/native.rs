//! Natively: `reqwest` over rustls (ring), `tokio`'s timer. Dropping a call's future drops the
//! request and its connection.

use std::borrow::Cow;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue, AUTHORIZATION, CONTENT_TYPE};
use reqwest::Url;

use super::{Answer, Failure, Hint, Outgoing};
use crate::error::Error;

/// The HTTP client natively: a `reqwest::Client`.
pub type HttpClient = reqwest::Client;

/// An answer's body as read: the bytes `reqwest` collected.
pub type Body = bytes::Bytes;

/// An answer's headers: the map `reqwest` read.
pub type Headers = HeaderMap;

/// A `reqwest::Client` with rustls and the platform's certificates, whose requests time out
/// after `timeout` (the client's, so that no attempt has to set it: see [`Target::new`]).
pub fn default_client(timeout: Duration) -> Result<HttpClient, Error> {
    // The process's rustls crypto provider, unless the program installed one already. `ring`
    // rather than reqwest's default `aws-lc-rs`: it builds in a fraction of the time with only a
    // C compiler (see ARCHITECTURE.md, "Decisions"); it has no post-quantum key exchange, which
    // rustls marks by deprecating its constructor. A program that wants one installs
    // `aws-lc-rs`'s provider before building the client.
    #[allow(deprecated)]
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .timeout(timeout)
        .build()
        .map_err(|e| Error::Connection {
            message: format!("cannot set up the HTTP client: {e}"),
        })
}

/// What every attempt of a client shares, prepared once when the client is built: its headers
/// as `http` values (neither a name nor a value is parsed again per attempt; the key's value is
/// marked sensitive), the base URL's origin, parsed once, under which each attempt's URL is
/// parsed (the scheme and host are not parsed again per attempt), and the timeout the HTTP
/// client itself sets.
#[derive(Clone)]
pub struct Target {
    headers: Vec<(HeaderName, HeaderValue)>,
    /// The timeout of every request of the HTTP client ([`default_client`]'s), which an attempt
    /// with the same timeout does not set again (a request's own timeout costs `reqwest` a map
    /// of extensions per request); `None` for a caller's client.
    client_timeout: Option<Duration>,
    /// The origin of the base URL and the length of its text there; `None` when the base URL's
    /// path cannot be read relative to it exactly as the whole URL reads (then every attempt's
    /// URL is parsed whole, as given).
    origin: Option<(Url, usize)>,
}

impl Target {
    /// The headers (lower-case names; the client checked them), the base URL (checked too:
    /// `http://` or `https://`, no query or fragment, no trailing `/`), and the timeout the HTTP
    /// client sets on its every request, if it does. A header `http` cannot carry is refused,
    /// naming `default_headers`.
    pub fn new(
        base_url: &str,
        headers: &[(String, String)],
        client_timeout: Option<Duration>,
    ) -> Result<Target, Error> {
        let headers = headers
            .iter()
            .map(|(name, value)| {
                let invalid = || Error::InvalidArgument {
                    param: "default_headers".into(),
                    message: format!("The header `{name}` is not a valid HTTP header"),
                };
                let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| invalid())?;
                let mut value = HeaderValue::from_str(value).map_err(|_| invalid())?;
                value.set_sensitive(name == AUTHORIZATION);
                Ok((name, value))
            })
            .collect::<Result<_, Error>>()?;
        Ok(Target {
            headers,
            client_timeout,
            origin: origin(base_url),
        })
    }

    /// `url` (the base URL followed by a path and query) as `reqwest` reads it.
    fn url(&self, url: &str) -> Option<Url> {
        let (origin, len) = self.origin.as_ref()?;
        Url::options()
            .base_url(Some(origin))
            .parse(url.get(*len..)?)
            .ok()
    }
}

/// The base URL's origin (`scheme://authority`) parsed, and its length in `base_url`, when the
/// rest of the base URL (its path) followed by any path reads under it as the whole URL reads:
/// the rest starts with one `/` (two would be read as another host), and the base URL reads the
/// same both ways.
fn origin(base_url: &str) -> Option<(Url, usize)> {
    let after_scheme = base_url.find("://")? + 3;
    let len = base_url[after_scheme..]
        .find(['/', '\\'])
        .map_or(base_url.len(), |at| after_scheme + at);
    let rest = &base_url[len..];
    if rest.starts_with('\\') || rest[1.min(rest.len())..].starts_with(['/', '\\']) {
        return None;
    }
    let origin = Url::parse(&base_url[..len]).ok()?;
    let under = Url::options().base_url(Some(&origin)).parse(rest).ok()?;
    (Url::parse(base_url).ok()? == under).then_some((origin, len))
}

/// The hints' header names as `http` values, built at compile time (in `Hint::ALL`'s order).
static HINT_NAMES: [HeaderName; 4] = [
    HeaderName::from_static(Hint::ALL[0].name()),
    HeaderName::from_static(Hint::ALL[1].name()),
    HeaderName::from_static(Hint::ALL[2].name()),
    HeaderName::from_static(Hint::ALL[3].name()),
];

fn failure(error: &reqwest::Error) -> Failure {
    if error.is_timeout() {
        return Failure::Timeout;
    }
    // The URL is the caller's; the key is never in it. Say the whole chain of causes.
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    Failure::Connection(message)
}

/// Sends one attempt and reads the whole answer within its timeout.
pub async fn send(http: &HttpClient, out: Outgoing<'_>) -> Result<Answer, Failure> {
    let method = match out.method {
        "POST" => reqwest::Method::POST,
        "DELETE" => reqwest::Method::DELETE,
        _ => reqwest::Method::GET,
    };
    // The builder only for what it does with a URL (credentials in it become a header); a URL
    // that does not read under the origin is handed over as text, for reqwest's own error.
    let builder = match out.target.url(out.url) {
        Some(url) => http.request(method, url),
        None => http.request(method, out.url),
    };
    let mut request = builder.build().map_err(|e| failure(&e))?;
    if out.target.client_timeout != Some(out.timeout) {
        *request.timeout_mut() = Some(out.timeout);
    }
    let headers = request.headers_mut();
    for (name, value) in &out.target.headers {
        headers.append(name.clone(), value.clone());
    }
    if let Some(body) = out.body {
        headers.append(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        *request.body_mut() = Some(body.to_owned().into());
    }
    let mut response = http.execute(request).await.map_err(|e| failure(&e))?;
    let status = response.status().as_u16();
    let headers = std::mem::take(response.headers_mut());
    // Kept as read: its text is taken in place when it is valid UTF-8 (`Answer::text`).
    let body = response.bytes().await.map_err(|e| failure(&e))?;
    Ok(Answer {
        status,
        headers,
        body,
    })
}

impl Answer {
    /// The value of header `which`, if it is there and is visible ASCII.
    pub fn header(&self, which: Hint) -> Option<&str> {
        self.headers.get(&HINT_NAMES[which as usize])?.to_str().ok()
    }

    /// The body as text: in place when it is valid UTF-8, else with the invalid bytes replaced
    /// (as reqwest's `text` without its `charset` feature).
    pub fn text(&self) -> Cow<'_, str> {
        // `from_utf8` first: `from_utf8_lossy` checks a valid body several times slower.
        match std::str::from_utf8(&self.body) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(&self.body),
        }
    }
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: f64) {
    tokio::time::sleep(Duration::from_secs_f64(ms.max(0.0) / 1000.0)).await;
}

/// The Unix time in milliseconds.
pub fn now_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

/// A number in `[0, 1)`.
pub fn random() -> f64 {
    fastrand::f64()
}

#[cfg(test)]
mod tests {
    use super::{Target, Url};

    /// Each attempt's URL reads under the origin exactly as the whole URL reads, or is handed
    /// over whole.
    #[test]
    fn urls_read_under_the_origin_as_whole() {
        let paths = [
            "/organization/groups/group_abc",
            "/organization/groups?limit=1000&after=group_x%2Fy",
            "/organization/users/u%20%C3%A9/roles",
            "/organization/groups/%2E%2E",
        ];
        let bases = [
            ("http://127.0.0.1:8787/v1", true),
            ("http://127.0.0.1:8787", true),
            ("https://api.openai.com/v1", true),
            ("https://user:pw@Example.COM:443/v1", true),
            ("http://[::1]:8080/v1", true),
            ("https://bücher.example/v1", true),
            ("http://host/a/../v1", true),
            ("http://host/a%2fb", true),
            // Another host, or a path read differently: handed over whole.
            ("http://host//v1", false),
            ("http://host\\v1", false),
            ("http://host/\\v1", false),
            ("http://[::1/v1", false),
        ];
        for (base, under) in bases {
            let target = Target::new(base, &[], None).expect("a target");
            assert_eq!(target.origin.is_some(), under, "{base}");
            for path in paths {
                let url = format!("{base}{path}");
                let whole = Url::parse(&url).ok();
                match target.url(&url) {
                    Some(read) => assert_eq!(Some(read), whole, "{url}"),
                    None => assert!(!under || whole.is_none(), "{url}"),
                }
            }
        }
    }

    #[test]
    fn headers_http_cannot_carry_are_refused_naming_default_headers() {
        let ok = [("authorization".to_owned(), "Bearer sk-admin-x".to_owned())];
        let target = Target::new("http://h/v1", &ok, None).expect("a target");
        assert!(target.headers[0].1.is_sensitive());
        for (name, value) in [("x(y)", "v"), ("x-y", "a\u{1}b")] {
            let error = Target::new("http://h/v1", &[(name.to_owned(), value.to_owned())], None)
                .err()
                .expect("refused");
            assert_eq!(error.param(), Some("default_headers"), "{name}");
            assert!(!error.to_string().contains("sk-admin"), "{error}");
        }
    }
}
