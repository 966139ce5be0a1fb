//! The client, its options and where their defaults come from.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use openai_admin_wasm::schema::Drift;

use crate::error::{Error, Result};
use crate::transport::{HttpClient, Target};

/// The official SDK's default base URL.
pub const DEFAULT_BASE_URL: &str = "https://api.openai.com/v1";
/// The official SDK's default timeout of one attempt: 10 minutes.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(600);
/// The official SDK's default number of retries.
pub const DEFAULT_MAX_RETRIES: u32 = 2;

/// What a drift callback receives: the operation's name (`groups.list`) and how its answer
/// differs from the spec's model.
pub type DriftCallback = dyn Fn(&str, &[Drift]) + Send + Sync;

/// An async client of the Admin API: cheap to clone (the clones share one connection pool).
///
/// ```no_run
/// # async fn run() -> Result<(), openai_admin::Error> {
/// // OPENAI_ADMIN_KEY (and OPENAI_BASE_URL, if set) from the environment:
/// let client = openai_admin::Client::new()?;
/// let groups = client.admin().organization().groups().list(None).await?;
/// for group in groups.data() {
///     println!("{} {}", group.id, group.name);
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) api_key: String,
    pub(crate) base_url: String,
    /// The headers, and the base URL as the transport reads it, prepared once.
    pub(crate) target: Target,
    pub(crate) timeout: Duration,
    pub(crate) max_retries: u32,
    pub(crate) http: HttpClient,
    pub(crate) on_drift: Option<Arc<DriftCallback>>,
    pub(crate) log_drift: bool,
    /// Every attempt goes through it when set (`Client::with_pacer`, `pace.rs`).
    #[cfg(feature = "pace")]
    pub(crate) pacer: Option<Arc<dyn crate::pace::Pacer>>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("api_key", &"[redacted]")
            .field("base_url", &self.inner.base_url)
            .field("timeout", &self.inner.timeout)
            .field("max_retries", &self.inner.max_retries)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client with every option from the environment: `OPENAI_ADMIN_KEY` (required),
    /// `OPENAI_BASE_URL`, `OPENAI_ORG_ID`, `OPENAI_PROJECT_ID`, as the official SDK reads them.
    /// On wasm32 there is no environment: use [`Client::builder`].
    pub fn new() -> Result<Client> {
        ClientBuilder::new().build()
    }

    /// A builder, starting from the environment's values (see [`Client::new`]).
    ///
    /// ```
    /// use std::time::Duration;
    /// let client = openai_admin::Client::builder()
    ///     .api_key("sk-admin-example")
    ///     .base_url("http://127.0.0.1:8787/v1")
    ///     .timeout(Duration::from_secs(20))
    ///     .max_retries(3)
    ///     .build()?;
    /// assert!(!format!("{client:?}").contains("sk-admin-example"));
    /// # Ok::<(), openai_admin::Error>(())
    /// ```
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    /// The Admin API: `client.admin().organization()…`.
    pub fn admin(&self) -> Admin {
        Admin {
            client: self.clone(),
        }
    }

    /// The base URL the client sends to.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The timeout of one attempt.
    pub fn timeout(&self) -> Duration {
        self.inner.timeout
    }

    /// How many times a failed attempt is retried.
    pub fn max_retries(&self) -> u32 {
        self.inner.max_retries
    }
}

impl Client {
    /// A copy of this client (the same options, pacer and connection pool) that retries a
    /// failed attempt at most `retries` times.
    ///
    /// ```
    /// let client = openai_admin::Client::builder().api_key("sk-admin-example").build()?;
    /// assert_eq!(client.with_max_retries(0).max_retries(), 0);
    /// # Ok::<(), openai_admin::Error>(())
    /// ```
    pub fn with_max_retries(&self, retries: u32) -> Client {
        self.copy(|inner| inner.max_retries = retries)
    }

    /// A copy of this client with `change` made to its options.
    // The wasm32 transport's `HttpClient` is `Copy`; the native one (`reqwest::Client`) is not.
    #[cfg_attr(target_arch = "wasm32", allow(clippy::clone_on_copy))]
    pub(crate) fn copy(&self, change: impl FnOnce(&mut Inner)) -> Client {
        let i = &self.inner;
        let mut inner = Inner {
            api_key: i.api_key.clone(),
            base_url: i.base_url.clone(),
            target: i.target.clone(),
            timeout: i.timeout,
            max_retries: i.max_retries,
            http: i.http.clone(),
            on_drift: i.on_drift.clone(),
            log_drift: i.log_drift,
            #[cfg(feature = "pace")]
            pacer: i.pacer.clone(),
        };
        change(&mut inner);
        Client {
            inner: Arc::new(inner),
        }
    }
}

/// `client.admin()`.
#[derive(Debug, Clone)]
pub struct Admin {
    client: Client,
}

impl Admin {
    /// `client.admin().organization()`: groups, users and roles.
    pub fn organization(&self) -> Organization {
        Organization {
            client: self.client.clone(),
        }
    }
}

/// `client.admin().organization()`: the resources, generated from the operation table.
#[derive(Debug, Clone)]
pub struct Organization {
    pub(crate) client: Client,
}

/// Builds a [`Client`]: the key, the base URL, the organization and project headers, default
/// headers, the timeout, the retries, the HTTP client, and drift reports.
#[derive(Clone)]
pub struct ClientBuilder {
    api_key: Option<String>,
    base_url: Option<String>,
    organization: Option<String>,
    project: Option<String>,
    headers: Vec<(String, String)>,
    timeout: Duration,
    max_retries: u32,
    http: Option<HttpClient>,
    on_drift: Option<Arc<DriftCallback>>,
    log_drift: bool,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("api_key", &self.api_key.as_ref().map(|_| "[redacted]"))
            .field("base_url", &self.base_url)
            .field("timeout", &self.timeout)
            .field("max_retries", &self.max_retries)
            .finish_non_exhaustive()
    }
}

impl Default for ClientBuilder {
    fn default() -> Self {
        Self::new()
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

impl ClientBuilder {
    /// The environment's values (see [`Client::new`]) and the official defaults: 10 minutes'
    /// timeout, 2 retries.
    pub fn new() -> Self {
        ClientBuilder {
            api_key: std::env::var("OPENAI_ADMIN_KEY").ok(),
            base_url: env("OPENAI_BASE_URL"),
            organization: env("OPENAI_ORG_ID"),
            project: env("OPENAI_PROJECT_ID"),
            headers: Vec::new(),
            timeout: DEFAULT_TIMEOUT,
            max_retries: DEFAULT_MAX_RETRIES,
            http: None,
            on_drift: None,
            log_drift: false,
        }
    }

    /// The admin key (`sk-admin-…`), sent as `Authorization: Bearer`.
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    /// The base URL, e.g. `https://api.openai.com/v1`.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// The `OpenAI-Organization` header.
    pub fn organization(mut self, id: impl Into<String>) -> Self {
        self.organization = Some(id.into());
        self
    }

    /// The `OpenAI-Project` header.
    pub fn project(mut self, id: impl Into<String>) -> Self {
        self.project = Some(id.into());
        self
    }

    /// A header sent with every request (after the client's own, which it may replace).
    pub fn default_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// The timeout of one attempt (default 10 minutes).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How many times a failed attempt is retried (default 2): connection errors, timeouts,
    /// 408, 409, 429 and 5xx, as the core's retry rule decides.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// The HTTP client to send with: a `reqwest::Client` natively (its own proxy, TLS and pool
    /// settings). On wasm32 the browser's `fetch` is the only transport, and this option does
    /// not exist.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Calls `callback` with the operation's name and the differences whenever an answer differs
    /// from the spec's model (unknown fields, enum values, missing or mistyped fields). Off by
    /// default: without it (or [`ClientBuilder::log_drift`]) answers are not compared.
    ///
    /// ```
    /// let client = openai_admin::Client::builder()
    ///     .api_key("sk-admin-example")
    ///     .on_drift(|op, drift| eprintln!("{op}: {} differences", drift.len()))
    ///     .build()?;
    /// # Ok::<(), openai_admin::Error>(())
    /// ```
    pub fn on_drift(mut self, callback: impl Fn(&str, &[Drift]) + Send + Sync + 'static) -> Self {
        self.on_drift = Some(Arc::new(callback));
        self
    }

    /// Reports drift (see [`ClientBuilder::on_drift`]) through the `log` crate, at `warn`, one
    /// line per difference. Off by default.
    pub fn log_drift(mut self, on: bool) -> Self {
        self.log_drift = on;
        self
    }

    /// The client. Refuses, naming the option, a missing or empty key, a key that cannot be a
    /// header, and a base URL that is not an `http` or `https` URL; nothing is sent.
    ///
    /// ```
    /// let error = openai_admin::Client::builder().api_key("").build().unwrap_err();
    /// assert_eq!(error.param(), Some("api_key"));
    /// let error = openai_admin::Client::builder()
    ///     .api_key("sk-admin-example")
    ///     .base_url("not a url")
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(error.param(), Some("base_url"));
    /// ```
    pub fn build(self) -> Result<Client> {
        let api_key = match self.api_key {
            None => {
                return Err(Error::InvalidArgument {
                    param: "api_key".into(),
                    message: "The admin key is missing: set OPENAI_ADMIN_KEY or call \
                              ClientBuilder::api_key"
                        .into(),
                });
            }
            Some(key) if key.trim().is_empty() => {
                return Err(Error::InvalidArgument {
                    param: "api_key".into(),
                    message: "The admin key is empty".into(),
                });
            }
            Some(key) => key,
        };
        if api_key.chars().any(|c| c.is_control() || !c.is_ascii()) {
            return Err(Error::InvalidArgument {
                param: "api_key".into(),
                message: "The admin key holds characters a header cannot carry".into(),
            });
        }
        let base_url = check_base_url(self.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL))?;
        let mut headers = vec![("authorization".to_owned(), format!("Bearer {api_key}"))];
        if let Some(org) = self.organization {
            headers.push(("openai-organization".to_owned(), org));
        }
        if let Some(project) = self.project {
            headers.push(("openai-project".to_owned(), project));
        }
        for (name, value) in self.headers {
            let lower = name.to_ascii_lowercase();
            headers.retain(|(n, _)| *n != lower);
            headers.push((lower, value));
        }
        for (name, value) in &headers {
            if name.is_empty()
                || !name.bytes().all(|b| b.is_ascii_graphic() && b != b':')
                || value.chars().any(|c| c == '\r' || c == '\n' || c == '\0')
            {
                return Err(Error::InvalidArgument {
                    param: "default_headers".into(),
                    message: format!("The header `{name}` is not a valid HTTP header"),
                });
            }
        }
        let (http, client_timeout) = match self.http {
            Some(http) => (http, None),
            // The client's own HTTP client times its every request out.
            None => (
                crate::transport::default_client(self.timeout)?,
                Some(self.timeout),
            ),
        };
        let target = Target::new(&base_url, &headers, client_timeout)?;
        Ok(Client {
            inner: Arc::new(Inner {
                api_key,
                base_url,
                target,
                timeout: self.timeout,
                max_retries: self.max_retries,
                http,
                on_drift: self.on_drift,
                log_drift: self.log_drift,
                #[cfg(feature = "pace")]
                pacer: None,
            }),
        })
    }
}

/// The base URL without its trailing `/`, if it is an `http` or `https` URL with a host.
fn check_base_url(url: &str) -> Result<String> {
    let invalid = || Error::InvalidArgument {
        param: "base_url".into(),
        message: format!("The base URL `{url}` is not an http or https URL"),
    };
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(invalid)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty()
        || url.chars().any(|c| c.is_whitespace() || c.is_control())
        || rest.contains(['?', '#'])
    {
        return Err(invalid());
    }
    Ok(url.trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::{check_base_url, ClientBuilder};

    #[test]
    fn no_key_is_refused_naming_the_variable() {
        let mut builder = ClientBuilder::new();
        builder.api_key = None;
        let error = builder.build().expect_err("no key");
        assert_eq!(error.param(), Some("api_key"));
        assert!(error.to_string().contains("OPENAI_ADMIN_KEY"), "{error}");
    }

    #[test]
    fn base_urls() {
        assert_eq!(
            check_base_url("http://127.0.0.1:1/v1/").ok().as_deref(),
            Some("http://127.0.0.1:1/v1")
        );
        for bad in [
            "",
            "127.0.0.1:8787",
            "ftp://x",
            "http://",
            "http:// x",
            "https://a/v1?x=1",
        ] {
            let err = check_base_url(bad)
                .err()
                .map(|e| e.param().map(str::to_owned));
            assert_eq!(err, Some(Some("base_url".to_owned())), "{bad}");
        }
    }
}
