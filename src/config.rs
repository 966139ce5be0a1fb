//! Client options, their defaults, and the headers every request carries.

use std::fmt;

use serde::Deserialize;
use tsify::Tsify;

use crate::error::Error;
use crate::retry::{DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS};
use crate::schema::{Field, FromMembers, Members, Model, Schema, Ty};

/// The API's address unless `baseURL` or `OPENAI_BASE_URL` says otherwise.
pub const DEFAULT_BASE_URL: &str = "https://api.openai.com/v1";

/// Headers in order, names lower-cased, a `None` value removing the header. Read from a JSON
/// object such as `{ "X-Team": "a", "OpenAI-Project": null }`.
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

/// In the object's order, as [`Members::string_map`] reads it: `{"x-a": null, "X-A": "1"}` sets
/// the header, as the same object passed from JavaScript does.
impl<'de> Deserialize<'de> for HeaderList {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> serde::de::Visitor<'de> for Entries {
            type Value = HeaderList;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<HeaderList, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, Option<String>>()? {
                    entries.push(entry);
                }
                Ok(HeaderList(entries))
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

/// Options of `new OpenAIAdmin({...})`, as the official SDK names them (but `fetch`, which the
/// JavaScript layer keeps).
#[derive(Debug, Clone, Default, Deserialize, Tsify)]
#[serde(deny_unknown_fields)]
pub struct ClientOptions {
    /// The admin API key. Defaults to `process.env.OPENAI_ADMIN_KEY` in Node.
    #[serde(rename = "adminAPIKey", default)]
    pub admin_api_key: Option<String>,
    /// Accepted for compatibility with the official SDK; admin calls do not use it.
    #[serde(rename = "apiKey", default)]
    pub api_key: Option<String>,
    /// Defaults to `process.env.OPENAI_BASE_URL` in Node, else `https://api.openai.com/v1`.
    #[serde(rename = "baseURL", default)]
    pub base_url: Option<String>,
    /// Sent as `OpenAI-Organization`. Defaults to `process.env.OPENAI_ORG_ID` in Node.
    #[serde(default)]
    pub organization: Option<String>,
    /// Sent as `OpenAI-Project`. Defaults to `process.env.OPENAI_PROJECT_ID` in Node.
    #[serde(default)]
    pub project: Option<String>,
    /// Retries after a failed attempt (default 2).
    #[serde(rename = "maxRetries", default)]
    pub max_retries: Option<u32>,
    /// Milliseconds before an attempt times out (default 600000); at most 2^32 - 1, as the
    /// schema reads it.
    #[serde(default)]
    pub timeout: Option<u32>,
    /// Headers added to every request; a `null` value removes a default header.
    #[serde(rename = "defaultHeaders", default)]
    #[tsify(optional, type = "Record<string, string | null>")]
    pub default_headers: Option<HeaderList>,
    /// Allow an admin key in a browser-like environment, where every visitor could read it.
    #[serde(rename = "dangerouslyAllowBrowser", default)]
    pub dangerously_allow_browser: Option<bool>,
}

/// Per-call options (`{ timeout, maxRetries, headers }`; `signal` stays in JavaScript).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallOptions {
    /// Overrides the client's `maxRetries` for this call.
    #[serde(rename = "maxRetries", default)]
    pub max_retries: Option<u32>,
    /// Overrides the client's `timeout` for this call.
    #[serde(default)]
    pub timeout: Option<u32>,
    /// Extra headers for this call; a `null` value removes a header.
    #[serde(default)]
    pub headers: Option<HeaderList>,
}

impl Model for ClientOptions {
    const SCHEMA: &'static Schema = &Schema {
        name: "ClientOptions",
        fields: &[
            Field::opt("adminAPIKey", Ty::Str),
            Field::opt("apiKey", Ty::Str),
            Field::opt("baseURL", Ty::Str),
            Field::opt("organization", Ty::Str),
            Field::opt("project", Ty::Str),
            Field::opt("maxRetries", Ty::UInt),
            Field::opt("timeout", Ty::UInt),
            Field::opt("defaultHeaders", Ty::StrMap),
            Field::opt("dangerouslyAllowBrowser", Ty::Bool),
        ],
        strict: true,
    };
}

impl FromMembers for ClientOptions {
    fn from_members(m: &Members<'_>) -> Self {
        ClientOptions {
            admin_api_key: m.string("adminAPIKey"),
            api_key: m.string("apiKey"),
            base_url: m.string("baseURL"),
            organization: m.string("organization"),
            project: m.string("project"),
            max_retries: m.uint("maxRetries"),
            timeout: m.uint("timeout"),
            default_headers: m.string_map("defaultHeaders").map(HeaderList),
            dangerously_allow_browser: m.boolean("dangerouslyAllowBrowser"),
        }
    }
}

impl Model for CallOptions {
    const SCHEMA: &'static Schema = &Schema {
        name: "RequestOptions",
        fields: &[
            Field::opt("maxRetries", Ty::UInt),
            Field::opt("timeout", Ty::UInt),
            Field::opt("headers", Ty::StrMap),
        ],
        strict: true,
    };
}

impl FromMembers for CallOptions {
    fn from_members(m: &Members<'_>) -> Self {
        CallOptions {
            max_retries: m.uint("maxRetries"),
            timeout: m.uint("timeout"),
            headers: m.string_map("headers").map(HeaderList),
        }
    }
}

/// A resolved client configuration.
#[derive(Clone, PartialEq, Eq)]
pub struct ClientConfig {
    /// Base URL, without a trailing `/`.
    pub base_url: String,
    /// The admin key, if any (none when a proxy adds it).
    pub admin_api_key: Option<String>,
    /// Retries after a failed attempt.
    pub max_retries: u32,
    /// Milliseconds before an attempt times out.
    pub timeout_ms: u64,
    /// Headers sent with every request, lower-case names, `None` removing one.
    pub headers: HeaderList,
}

impl fmt::Debug for ClientConfig {
    /// Never prints the key.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfig")
            .field("base_url", &self.base_url)
            .field("admin_api_key", &self.admin_api_key.as_ref().map(|_| "***"))
            .field("max_retries", &self.max_retries)
            .field("timeout_ms", &self.timeout_ms)
            .finish_non_exhaustive()
    }
}

impl ClientConfig {
    /// Resolves options against the environment (`env` reads a variable; it returns `None` in
    /// browsers). `in_browser` says whether the code runs where page visitors could read a key.
    pub fn resolve(
        options: ClientOptions,
        env: impl Fn(&str) -> Option<String>,
        in_browser: bool,
    ) -> Result<Self, Error> {
        let non_empty = |v: Option<String>| v.filter(|s| !s.is_empty());
        let admin_api_key =
            non_empty(options.admin_api_key).or_else(|| non_empty(env("OPENAI_ADMIN_KEY")));
        if in_browser && admin_api_key.is_some() && options.dangerously_allow_browser != Some(true)
        {
            return Err(Error::invalid(
                "dangerouslyAllowBrowser",
                "It looks like you're running in a browser-like environment.\n\n\
                 This is disabled by default, as it risks exposing your secret admin API key to \
                 attackers. If you understand the risks and have appropriate mitigations in place, \
                 you can set the `dangerouslyAllowBrowser` option to `true`, e.g.,\n\n\
                 new OpenAIAdmin({ adminAPIKey, dangerouslyAllowBrowser: true });\n\n\
                 Better: leave the key out and point `baseURL` at a same-origin proxy that adds it.",
            ));
        }
        let base_url = non_empty(options.base_url)
            .or_else(|| non_empty(env("OPENAI_BASE_URL")))
            .unwrap_or_else(|| DEFAULT_BASE_URL.to_owned());
        if !(base_url.starts_with("http://")
            || base_url.starts_with("https://")
            || base_url.starts_with('/'))
        {
            return Err(Error::invalid(
                "baseURL",
                format!("`baseURL` must be an http(s) URL or an absolute path, got `{base_url}`"),
            ));
        }
        let mut headers = HeaderList::default();
        let organization =
            non_empty(options.organization).or_else(|| non_empty(env("OPENAI_ORG_ID")));
        let project = non_empty(options.project).or_else(|| non_empty(env("OPENAI_PROJECT_ID")));
        if let Some(org) = organization {
            headers.set("openai-organization", Some(org));
        }
        if let Some(project) = project {
            headers.set("openai-project", Some(project));
        }
        headers.merge(&options.default_headers.unwrap_or_default());
        Ok(ClientConfig {
            base_url: base_url.trim_end_matches('/').to_owned(),
            admin_api_key,
            max_retries: options.max_retries.unwrap_or(DEFAULT_MAX_RETRIES),
            timeout_ms: options.timeout.map(u64::from).unwrap_or(DEFAULT_TIMEOUT_MS),
            headers,
        })
    }

    /// The headers of one request: `Accept`, `Content-Type` when there is a body, the key, the
    /// client's headers, then the call's. Names are lower-case; later ones win.
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
        if let Some(key) = &self.admin_api_key {
            headers.set("authorization", Some(format!("Bearer {key}")));
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn headers_keep_the_object_order_with_serde_too() {
        // Found by fuzzing (fuzz/fuzz_targets/params.rs): serde read the headers sorted by
        // name, the schema in the object's order.
        let text = r#"{"baseURL": "http://063j", "maxRetries": 3, "timeout": 50004, "defaultHeaders": {"X-A": "1", "OX-B": null}, "dangerouslyAllowBrowser": null}"#;
        let by_serde: ClientOptions = serde_json::from_str(text).unwrap();
        let read = crate::params::from_json::<ClientOptions>("options", text).unwrap();
        assert_eq!(by_serde.default_headers, read.default_headers);
        let order = r#"{"headers":{"x-a":null,"X-A":"1"}}"#;
        let by_serde: CallOptions = serde_json::from_str(order).unwrap();
        let mut headers = HeaderList::default();
        headers.merge(&by_serde.headers.unwrap());
        assert_eq!(headers.0, vec![("x-a".to_owned(), Some("1".to_owned()))]);
    }

    #[test]
    fn a_timeout_past_u32_is_refused_by_serde_and_the_schema_alike() {
        // Found by fuzzing (fuzz/fuzz_targets/params.rs): serde read a u64, the schema a u32.
        let too_long = r#"{"maxRetries":1,"timeout":5000000000}"#;
        assert!(serde_json::from_str::<ClientOptions>(too_long).is_err());
        assert!(crate::params::from_json::<ClientOptions>("options", too_long).is_err());
        assert!(serde_json::from_str::<CallOptions>(too_long).is_err());
        let longest = r#"{"timeout":4294967295}"#;
        let read = crate::params::from_json::<CallOptions>("options", longest).unwrap();
        assert_eq!(read.timeout, Some(u32::MAX));
    }

    #[test]
    fn defaults_match_the_official_sdk() {
        let config = ClientConfig::resolve(ClientOptions::default(), no_env, false).unwrap();
        assert_eq!(config.base_url, DEFAULT_BASE_URL);
        assert_eq!(config.max_retries, 2);
        assert_eq!(config.timeout_ms, 600_000);
        assert_eq!(config.admin_api_key, None);
    }

    #[test]
    fn environment_fills_what_options_leave_out() {
        let env = |name: &str| match name {
            "OPENAI_ADMIN_KEY" => Some("sk-admin-env".to_owned()),
            "OPENAI_BASE_URL" => Some("http://127.0.0.1:9/v1/".to_owned()),
            "OPENAI_ORG_ID" => Some("org_1".to_owned()),
            _ => None,
        };
        let config = ClientConfig::resolve(ClientOptions::default(), env, false).unwrap();
        assert_eq!(config.admin_api_key.as_deref(), Some("sk-admin-env"));
        assert_eq!(config.base_url, "http://127.0.0.1:9/v1");
        let headers = config.request_headers(true, None);
        assert!(headers.contains(&("authorization".into(), "Bearer sk-admin-env".into())));
        assert!(headers.contains(&("openai-organization".into(), "org_1".into())));
        assert!(headers.contains(&("content-type".into(), "application/json".into())));
    }

    #[test]
    fn call_headers_override_and_remove() {
        let options = ClientOptions {
            admin_api_key: Some("k".into()),
            project: Some("proj_1".into()),
            default_headers: Some(HeaderList(vec![("X-Team".into(), Some("a".into()))])),
            ..Default::default()
        };
        let config = ClientConfig::resolve(options, no_env, false).unwrap();
        let call = HeaderList(vec![
            ("x-team".into(), Some("b".into())),
            ("OpenAI-Project".into(), None),
        ]);
        let headers = config.request_headers(false, Some(&call));
        assert!(headers.contains(&("x-team".into(), "b".into())));
        assert!(!headers
            .iter()
            .any(|(k, _)| k == "openai-project" || k == "content-type"));
    }

    #[test]
    fn a_key_in_a_browser_needs_explicit_consent() {
        let with_key = ClientOptions {
            admin_api_key: Some("sk-admin-secret".into()),
            ..Default::default()
        };
        let err = ClientConfig::resolve(with_key.clone(), no_env, true).unwrap_err();
        assert_eq!(err.param(), Some("dangerouslyAllowBrowser"));
        assert!(!err.to_string().contains("sk-admin-secret"));
        let allowed = ClientOptions {
            dangerously_allow_browser: Some(true),
            ..with_key
        };
        assert!(ClientConfig::resolve(allowed, no_env, true).is_ok());
        let proxy = ClientOptions {
            base_url: Some("/v1".into()),
            ..Default::default()
        };
        assert!(ClientConfig::resolve(proxy, no_env, true).is_ok());
    }

    #[test]
    fn debug_output_hides_the_key() {
        let options = ClientOptions {
            admin_api_key: Some("sk-admin-secret".into()),
            ..Default::default()
        };
        let config = ClientConfig::resolve(options, no_env, false).unwrap();
        assert!(!format!("{config:?}").contains("secret"));
    }

    #[test]
    fn a_base_url_must_be_http_or_a_path() {
        let options = ClientOptions {
            base_url: Some("ftp://x".into()),
            ..Default::default()
        };
        assert_eq!(
            ClientConfig::resolve(options, no_env, false)
                .unwrap_err()
                .param(),
            Some("baseURL")
        );
    }
}
