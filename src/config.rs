//! The resolved client configuration and the headers every request carries.
//!
//! The options themselves (`new OpenAIAdmin({ … })`, the environment, the browser guard) are
//! resolved by the package's TypeScript entry, synchronously, so that a bad option throws at
//! construction in every environment, before and after the wasm module has loaded. The core gets
//! the result: base URL, retries, timeout and the headers, the `Authorization` header included.

use std::fmt;

/// Headers in order, names lower-cased, a `None` value removing the header.
///
/// A list rather than a map: there are a handful at most, and a map costs kilobytes of wasm.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HeaderList(pub Vec<(String, Option<String>)>);

impl HeaderList {
    /// Sets `name` (any case) to `value`, replacing an earlier value.
    pub fn set(&mut self, name: &str, value: Option<String>) {
        let name = name.to_ascii_lowercase();
        match self.0.iter_mut().find(|(n, _)| *n == name) {
            Some(entry) => entry.1 = value,
            None => self.0.push((name, value)),
        }
    }

    /// Sets every header of `other`, in order.
    pub fn merge(&mut self, other: &HeaderList) {
        for (name, value) in &other.0 {
            self.set(name, value.clone());
        }
    }
}

/// A resolved client configuration.
#[derive(Clone, PartialEq, Eq)]
pub struct ClientConfig {
    /// Base URL, without a trailing `/`.
    pub base_url: String,
    /// Retries after a failed attempt.
    pub max_retries: u32,
    /// Milliseconds before an attempt times out.
    pub timeout_ms: u64,
    /// Headers sent with every request (the key's `Authorization` among them).
    pub headers: HeaderList,
    /// Query pairs sent with every request (`defaultQuery`), under the call's own.
    pub default_query: Vec<(String, String)>,
}

impl fmt::Debug for ClientConfig {
    /// Never prints the headers: one of them holds the key.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfig")
            .field("base_url", &self.base_url)
            .field("max_retries", &self.max_retries)
            .field("timeout_ms", &self.timeout_ms)
            .finish_non_exhaustive()
    }
}

impl ClientConfig {
    /// The headers of one request: `Accept`, `Content-Type` when there is a body, the client's
    /// headers, then the call's. Names are lower-case; later ones win; `None` removes.
    pub fn request_headers(
        &self,
        has_body: bool,
        call: Option<&HeaderList>,
    ) -> Vec<(String, String)> {
        let mut headers = HeaderList::default();
        headers.set("accept", Some("application/json".to_owned()));
        if has_body {
            headers.set("content-type", Some("application/json".to_owned()));
        }
        headers.merge(&self.headers);
        if let Some(call) = call {
            headers.merge(call);
        }
        headers
            .0
            .into_iter()
            .filter_map(|(k, v)| Some((k, v?)))
            .collect()
    }

    /// Adds the client's `defaultQuery` pairs whose key the call's query does not set (the
    /// official SDK's `{ ...defaultQuery, ...query }`).
    pub fn add_default_query(&self, query: &mut Vec<(String, String)>) {
        if self.default_query.is_empty() {
            return;
        }
        let base = |key: &str| key.split('[').next().unwrap_or(key).to_owned();
        let own: Vec<String> = query.iter().map(|(k, _)| base(k)).collect();
        let defaults = self
            .default_query
            .iter()
            .filter(|(k, _)| !own.contains(&base(k)))
            .cloned();
        let merged: Vec<_> = defaults.chain(query.drain(..)).collect();
        *query = merged;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> ClientConfig {
        ClientConfig {
            base_url: "http://127.0.0.1:9/v1".into(),
            max_retries: 2,
            timeout_ms: 600_000,
            headers: HeaderList(vec![
                (
                    "authorization".into(),
                    Some("Bearer sk-admin-secret".into()),
                ),
                ("openai-project".into(), Some("proj_1".into())),
                ("x-team".into(), Some("a".into())),
            ]),
            default_query: vec![
                ("api-version".into(), "1".into()),
                ("limit".into(), "5".into()),
            ],
        }
    }

    #[test]
    fn call_headers_override_and_remove() {
        let call = HeaderList(vec![
            ("X-Team".into(), Some("b".into())),
            ("OpenAI-Project".into(), None),
        ]);
        let headers = config().request_headers(false, Some(&call));
        assert!(headers.contains(&("x-team".into(), "b".into())));
        assert!(headers.contains(&("accept".into(), "application/json".into())));
        assert!(!headers
            .iter()
            .any(|(k, _)| k == "openai-project" || k == "content-type"));
        let headers = config().request_headers(true, None);
        assert!(headers.contains(&("content-type".into(), "application/json".into())));
    }

    #[test]
    fn the_default_query_goes_under_the_calls_own() {
        let mut query = vec![("limit".to_owned(), "10".to_owned())];
        config().add_default_query(&mut query);
        assert_eq!(
            query,
            vec![
                ("api-version".to_owned(), "1".to_owned()),
                ("limit".to_owned(), "10".to_owned())
            ]
        );
    }

    #[test]
    fn debug_output_hides_the_key() {
        assert!(!format!("{:?}", config()).contains("secret"));
    }
}
