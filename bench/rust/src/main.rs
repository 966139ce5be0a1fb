//! Times the same two shapes with three clients against one release mock (started by
//! `bench/rust-client.sh` with 100,000 groups):
//!
//! - **list**: every one of the 100,000 groups, 1,000 a page (100 requests);
//! - **retrieve**: 2,000 sequential `groups.retrieve` of distinct groups.
//!
//! Clients: `openai-admin` (this project), async-openai 0.43 (`administration`, cursors by hand
//! through `query`), and a floor: bare `reqwest` + `serde_json` into minimal structs. Each shape
//! runs once to warm up, then `RUNS` times per client, interleaved; the median is printed as JSON.
//!
//!     bench-rust BASE_URL KEY [RUNS]

use std::time::Instant;

use futures_util::TryStreamExt;
use serde::Deserialize;

#[derive(Deserialize)]
struct FloorGroup {
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
struct FloorPage {
    data: Vec<FloorGroup>,
    has_more: bool,
    next: Option<String>,
}

struct Clients {
    ours: openai_admin::Client,
    theirs: async_openai::Client<async_openai::config::OpenAIConfig>,
    floor: reqwest::Client,
    base: String,
    key: String,
}

async fn list_ours(c: &Clients) -> usize {
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

async fn list_theirs(c: &Clients) -> usize {
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

async fn list_floor(c: &Clients) -> usize {
    let mut all = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let mut url = format!("{}/organization/groups?limit=1000", c.base);
        if let Some(after) = &after {
            url.push_str("&after=");
            url.push_str(after);
        }
        let bytes = c
            .floor
            .get(&url)
            .bearer_auth(&c.key)
            .send()
            .await
            .expect("floor: send")
            .bytes()
            .await
            .expect("floor: body");
        let page: FloorPage = serde_json::from_slice(&bytes).expect("floor: JSON");
        all.extend(page.data);
        match (page.has_more, page.next) {
            (true, Some(next)) => after = Some(next),
            _ => break,
        }
    }
    all.len()
}

async fn retrieve_ours(c: &Clients, ids: &[String]) -> usize {
    let groups = c.ours.admin().organization().groups();
    for id in ids {
        groups.retrieve(id).await.expect("ours: retrieve");
    }
    ids.len()
}

async fn retrieve_theirs(c: &Clients, ids: &[String]) -> usize {
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

async fn retrieve_floor(c: &Clients, ids: &[String]) -> usize {
    for id in ids {
        let bytes = c
            .floor
            .get(format!("{}/organization/groups/{id}", c.base))
            .bearer_auth(&c.key)
            .send()
            .await
            .expect("floor: send")
            .bytes()
            .await
            .expect("floor: body");
        let _: FloorGroup = serde_json::from_slice(&bytes).expect("floor: JSON");
    }
    ids.len()
}

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut args = std::env::args().skip(1);
    let base = args.next().expect("BASE_URL");
    let key = args.next().expect("KEY");
    let runs: usize = args.next().map_or(5, |n| n.parse().expect("RUNS"));
    let clients = Clients {
        ours: openai_admin::Client::builder()
            .api_key(&key)
            .base_url(&base)
            .build()
            .expect("ours"),
        theirs: async_openai::Client::with_config(
            async_openai::config::OpenAIConfig::new()
                .with_api_key(&key)
                .with_api_base(&base),
        ),
        floor: reqwest::Client::new(),
        base: base.clone(),
        key: key.clone(),
    };
    let first: Vec<String> = {
        let page = clients
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
        page.data().iter().map(|g| g.id.clone()).collect()
    };
    let mut ids = first.clone();
    while ids.len() < 2000 {
        ids.extend(first.iter().cloned());
    }
    ids.truncate(2000);

    let names = ["openai-admin", "async-openai", "floor"];
    let mut list = [Vec::new(), Vec::new(), Vec::new()];
    let mut retrieve = [Vec::new(), Vec::new(), Vec::new()];
    for run in 0..=runs {
        for (i, samples) in list.iter_mut().enumerate() {
            let started = Instant::now();
            let count = match i {
                0 => list_ours(&clients).await,
                1 => list_theirs(&clients).await,
                _ => list_floor(&clients).await,
            };
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            assert!(count >= 100_000, "{}: listed {count}", names[i]);
            if run > 0 {
                samples.push(ms);
            }
        }
        for (i, samples) in retrieve.iter_mut().enumerate() {
            let started = Instant::now();
            match i {
                0 => retrieve_ours(&clients, &ids).await,
                1 => retrieve_theirs(&clients, &ids).await,
                _ => retrieve_floor(&clients, &ids).await,
            };
            if run > 0 {
                samples.push(started.elapsed().as_secs_f64() * 1000.0);
            }
        }
    }
    let list: Vec<f64> = list.into_iter().map(median).collect();
    let retrieve: Vec<f64> = retrieve.into_iter().map(median).collect();
    let out = serde_json::json!({
        "runs": runs,
        "list_100k_ms": { "openai-admin": list[0], "async-openai": list[1], "floor": list[2] },
        "retrieve_2000_ms": { "openai-admin": retrieve[0], "async-openai": retrieve[1], "floor": retrieve[2] },
        "ratios": {
            "list_vs_async_openai": list[0] / list[1],
            "list_vs_floor": list[0] / list[2],
            "retrieve_vs_async_openai": retrieve[0] / retrieve[1],
            "retrieve_vs_floor": retrieve[0] / retrieve[2],
        }
    });
    println!("{}", serde_json::to_string_pretty(&out).expect("JSON"));
}
