//! The Rust scheduler (`remote::Scheduler` over the core's `pace`) against the shared table of
//! cases `tests/access/pace-cases.json`, which the package's TypeScript scheduler is held to by
//! `tests/access/pace-cases.test.mjs`: both make the same decisions. Each case sends its requests
//! one after another on a fake clock against a simulated API (a sliding window per endpoint, or a
//! script of answers) and checks each attempt's time and status, the rates learned and the ETAs,
//! and the endpoint of each URL (the core's `pace::endpoint_of`).

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Mutex};

use openai_admin::pace::PaceFuture;
use openai_admin_access::remote::{Clock, LearnedRate, Scheduler, SchedulerOptions};
use openai_admin_wasm::pace::{endpoint_of, Caps};
use serde_json::Value;

/// Time that passes only when the scheduler sleeps.
struct FakeClock {
    now: Mutex<f64>,
    random: f64,
}

impl Clock for FakeClock {
    fn now_ms(&self) -> f64 {
        *self.now.lock().expect("clock")
    }
    fn sleep(&self, ms: f64) -> PaceFuture<'static, ()> {
        *self.now.lock().expect("clock") += ms.max(0.0);
        Box::pin(std::future::ready(()))
    }
    fn random(&self) -> f64 {
        self.random
    }
}

fn table() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/access/pace-cases.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("the table")).expect("JSON")
}

fn num(v: &Value) -> f64 {
    v.as_f64().expect("a number")
}

fn close(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= 1e-6 * expected.abs().max(1.0),
        "{what}: {actual}, expected {expected}"
    );
}

struct Outcome {
    attempts: Vec<(f64, u16)>,
    learned: BTreeMap<String, f64>,
    eta: Vec<Option<f64>>,
}

async fn run(case: &Value) -> Outcome {
    let clock = Arc::new(FakeClock {
        now: Mutex::new(0.0),
        random: num(&case["random"]),
    });
    let learned = case["learned"]
        .as_array()
        .map(|l| {
            l.iter()
                .map(|l| LearnedRate {
                    endpoint: l["endpoint"].as_str().expect("endpoint").to_owned(),
                    per_minute: num(&l["perMinute"]),
                    at: num(&l["at"]),
                })
                .collect()
        })
        .unwrap_or_default();
    let scheduler = Scheduler::new(SchedulerOptions {
        caps: Caps {
            retry_after_cap_ms: num(&case["caps"]["retryAfterCapMs"]),
            backoff_cap_ms: num(&case["caps"]["backoffCapMs"]),
        },
        learned,
        deadline: None,
        clock: clock.clone(),
    })
    .expect("valid options");
    let api = &case["api"];
    let mut script: Option<VecDeque<Value>> = api["script"]
        .as_array()
        .map(|s| s.iter().cloned().collect());
    let mut admitted: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    let mut attempts = Vec::new();
    for request in case["requests"].as_array().expect("requests") {
        let method = request["method"].as_str().expect("method");
        for i in 0..request["repeat"].as_u64().unwrap_or(1) {
            let path = request["path"]
                .as_str()
                .expect("path")
                .replace("{i}", &i.to_string());
            let endpoint = endpoint_of(method, &format!("https://api.test/v1{path}"));
            let answered = scheduler
                .paced(
                    &endpoint,
                    || {
                        let t = clock.now_ms();
                        let (status, headers) = match &mut script {
                            Some(script) => {
                                let next = script.pop_front().unwrap_or(Value::Null);
                                (
                                    next["status"].as_u64().unwrap_or(200),
                                    next["headers"].clone(),
                                )
                            }
                            None => {
                                let window = num(&api["windowMs"]);
                                let sent = admitted.entry(endpoint.clone()).or_default();
                                sent.retain(|at| *at > t - window);
                                if sent.len() as u64 >= api["limit"].as_u64().expect("limit") {
                                    (429, api["headers"].clone())
                                } else {
                                    sent.push(t);
                                    (200, Value::Null)
                                }
                            }
                        };
                        let status = u16::try_from(status).expect("a status");
                        attempts.push((t, status));
                        let header = |name: &str| headers[name].as_str().map(str::to_owned);
                        std::future::ready((
                            status,
                            header("retry-after-ms"),
                            header("retry-after"),
                        ))
                    },
                    |answer| Some(answer.clone()),
                )
                .await
                .expect("no deadline");
            assert_ne!(answered.0, 429, "a 429 reached the caller");
        }
    }
    let learned = scheduler
        .learned()
        .into_iter()
        .map(|l| (l.endpoint, l.per_minute))
        .collect();
    let eta = case["eta"]
        .as_array()
        .map(|e| {
            e.iter()
                .map(|e| {
                    scheduler.eta_ms(
                        e["endpoint"].as_str().expect("endpoint"),
                        e["remaining"].as_u64().expect("remaining"),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    Outcome {
        attempts,
        learned,
        eta,
    }
}

#[tokio::test]
async fn the_rust_scheduler_decides_as_the_table_says() {
    let table = table();
    let cases = table["cases"].as_array().expect("cases");
    assert!(cases.len() >= 10);
    for case in cases {
        let name = case["name"].as_str().expect("name");
        let got = run(case).await;
        let expect = &case["expect"];
        let attempts = expect["attempts"].as_array().expect("attempts");
        assert_eq!(
            got.attempts.len(),
            attempts.len(),
            "{name}: {:?}",
            got.attempts
        );
        for (i, ((at, status), want)) in got.attempts.iter().zip(attempts).enumerate() {
            assert_eq!(
                u64::from(*status),
                want[1].as_u64().expect("status"),
                "{name}: attempt {i}'s status"
            );
            close(*at, num(&want[0]), &format!("{name}: attempt {i}'s time"));
        }
        let learned = expect["learned"].as_object().expect("learned");
        assert_eq!(
            got.learned.keys().collect::<Vec<_>>(),
            learned.keys().collect::<Vec<_>>(),
            "{name}: endpoints learned"
        );
        for (endpoint, per_minute) in learned {
            close(
                got.learned[endpoint],
                num(per_minute),
                &format!("{name}: {endpoint} learned"),
            );
        }
        for (i, want) in expect["eta"].as_array().into_iter().flatten().enumerate() {
            match (got.eta.get(i).copied().flatten(), want.as_f64()) {
                (None, None) => {}
                (Some(got), Some(want)) => close(got, want, &format!("{name}: eta {i}")),
                (got, want) => panic!("{name}: eta {i} is {got:?}, expected {want:?}"),
            }
        }
    }
}

#[test]
fn the_core_names_each_url_s_endpoint_as_the_table_says() {
    for row in table()["endpoints"].as_array().expect("endpoints") {
        let [method, url, endpoint] =
            [&row[0], &row[1], &row[2]].map(|v| v.as_str().expect("text"));
        assert_eq!(endpoint_of(method, url), endpoint, "{method} {url}");
    }
}
