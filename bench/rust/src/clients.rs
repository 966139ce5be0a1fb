//! The three clients the bench times, and what each does for one shape: shared by the bench
//! (`main.rs`) and the one-client profile (`bin/profile.rs`).

use futures_util::TryStreamExt;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct FloorGroup {
    #[allow(dead_code)]
    id: String,
    #[allow(dead_code)]
    name: String,
    #[allow(dead_code)]
    created_at: i64,
    #[allow(dead_code)]
    is_scim_managed: bool,
}

#[derive(Deserialize)]
pub struct FloorPage {
    pub data: Vec<FloorGroup>,
    has_more: bool,
    next: Option<String>,
}

/// The floor's one request: a bare `reqwest` GET with the key, its body as bytes.
pub async fn floor_body(c: &Clients, url: &str) -> impl std::ops::Deref<Target = [u8]> + use<> {
    c.floor
        .get(url)
        .bearer_auth(&c.key)
        .send()
        .await
        .expect("floor: send")
        .bytes()
        .await
        .expect("floor: body")
}

/// The floor's read: its request, the body read by `serde_json`.
async fn floor_read<T: serde::de::DeserializeOwned>(c: &Clients, url: &str) -> T {
    serde_json::from_slice(&floor_body(c, url).await).expect("floor: JSON")
}

pub struct Clients {
    pub ours: openai_admin::Client,
    pub theirs: async_openai::Client<async_openai::config::OpenAIConfig>,
    pub floor: reqwest::Client,
    pub base: String,
    pub key: String,
}

pub async fn list_ours(c: &Clients) -> usize {
    let params = openai_admin::models::ListParams {
        limit: Some(1000),
        ..Default::default()
    };
    let all: Vec<_> = c
        .ours
        .admin()
        .organization()
        .groups()
        .list_all(params)
        .try_collect()
        .await
        .expect("ours: list");
    all.len()
}

pub async fn list_theirs(c: &Clients) -> usize {
    let mut all = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let mut query = vec![("limit", "1000".to_owned())];
        if let Some(after) = &after {
            query.push(("after", after.clone()));
        }
        use async_openai::traits::RequestOptionsBuilder;
        let page = c
            .theirs
            .admin()
            .groups()
            .query(&query)
            .expect("query")
            .list()
            .await
            .expect("async-openai: list");
        all.extend(page.data);
        match (page.has_more, page.next) {
            (true, Some(next)) => after = Some(next),
            _ => break,
        }
    }
    all.len()
}

pub async fn list_floor(c: &Clients) -> usize {
    let mut all = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let mut url = format!("{}/organization/groups?limit=1000", c.base);
        if let Some(after) = &after {
            url.push_str("&after=");
            url.push_str(after);
        }
        let page: FloorPage = floor_read(c, &url).await;
        all.extend(page.data);
        match (page.has_more, page.next) {
            (true, Some(next)) => after = Some(next),
            _ => break,
        }
    }
    all.len()
}

pub async fn retrieve_ours(c: &Clients, ids: &[String]) -> usize {
    let groups = c.ours.admin().organization().groups();
    for id in ids {
        groups.retrieve(id).await.expect("ours: retrieve");
    }
    ids.len()
}

pub async fn retrieve_theirs(c: &Clients, ids: &[String]) -> usize {
    for id in ids {
        c.theirs
            .admin()
            .groups()
            .retrieve(id)
            .await
            .expect("async-openai: retrieve");
    }
    ids.len()
}

pub async fn retrieve_floor(c: &Clients, ids: &[String]) -> usize {
    for id in ids {
        let _: FloorGroup = floor_read(c, &format!("{}/organization/groups/{id}", c.base)).await;
    }
    ids.len()
}

impl Clients {
    /// The three clients of the mock at `base` with `key`: ours first, whose building installs
    /// the process's rustls crypto provider, which the other two's `reqwest` needs.
    pub fn new(base: &str, key: &str) -> Clients {
        Clients {
            ours: openai_admin::Client::builder()
                .api_key(key)
                .base_url(base)
                .build()
                .expect("ours"),
            theirs: async_openai::Client::with_config(
                async_openai::config::OpenAIConfig::new()
                    .with_api_key(key)
                    .with_api_base(base),
            ),
            floor: reqwest::Client::new(),
            base: base.to_owned(),
            key: key.to_owned(),
        }
    }

    /// 2,000 ids to retrieve: the first page's 1,000 groups, twice.
    pub async fn ids(&self) -> Vec<String> {
        let page = self
            .ours
            .admin()
            .organization()
            .groups()
            .list(openai_admin::models::ListParams {
                limit: Some(1000),
                ..Default::default()
            })
            .await
            .expect("ids");
        let first: Vec<String> = page.data().iter().map(|g| g.id.clone()).collect();
        first.iter().cycle().take(2000).cloned().collect()
    }
}
