//! Times the same two shapes with three clients against one release mock (started by
//! `bench/rust-client.sh` with 100,000 groups):
//!
//! - **list**: every one of the 100,000 groups, 1,000 a page (100 requests);
//! - **retrieve**: 2,000 sequential `groups.retrieve` of distinct groups.
//!
//! Clients: `openai-admin` (this project), async-openai 0.43 (`administration`, cursors by hand
//! through `query`), and a floor: bare `reqwest` + `serde_json` into minimal structs. Each shape
//! runs once to warm up, then `RUNS` times per client, interleaved; the median wall time (and its
//! spread, and the median CPU time of the client's thread, which a busy machine inflates less)
//! is printed as JSON.
//!
//!     bench-rust BASE_URL KEY [RUNS]

use std::time::Instant;

mod clients;

use clients::{
    floor_body, list_floor, list_ours, list_theirs, retrieve_floor, retrieve_ours, retrieve_theirs,
    Clients, FloorPage,
};

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// The CPU time (user + system) this thread has used, in milliseconds: the client's own work,
/// which the other processes on a shared machine do not inflate the way they inflate wall time.
/// Every client runs on this one thread (`current_thread` runtime; the mock is another process).
fn thread_cpu_ms() -> f64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: `getrusage` writes a `rusage` into the pointer it is given.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_THREAD, usage.as_mut_ptr());
        usage.assume_init()
    };
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1000.0 + t.tv_usec as f64 / 1000.0;
    ms(usage.ru_utime) + ms(usage.ru_stime)
}

/// What each client does with an answer, without the network: one page of 1,000 groups (as the
/// mock sent it) read 200 times by each client's own answer path, interleaved, 7 rounds; the
/// median CPU milliseconds of the 200 reads. `openai-admin` reads through the core's
/// `read_answer` (the model; no drift report asked), async-openai through serde into its
/// `GroupListResource`, the floor into the minimal structs.
async fn parse_page(c: &Clients) -> serde_json::Value {
    let body = floor_body(c, &format!("{}/organization/groups?limit=1000", c.base)).await;
    let body = std::str::from_utf8(&body).expect("floor: UTF-8");
    let op = openai_admin_wasm::ops::find("groups.list").expect("groups.list");
    let mut samples: [Vec<f64>; 3] = Default::default();
    for _ in 0..7 {
        for (i, samples) in samples.iter_mut().enumerate() {
            let cpu = thread_cpu_ms();
            for _ in 0..200 {
                let items =
                    match i {
                        0 => openai_admin_wasm::response::read_answer::<
                            openai_admin::models::GroupList,
                        >(op, 200, None, body, None)
                        .expect("ours: parse")
                        .data
                        .len(),
                        1 => serde_json::from_str::<
                            async_openai::types::admin::groups::GroupListResource,
                        >(body)
                        .expect("async-openai: parse")
                        .data
                        .len(),
                        _ => serde_json::from_str::<FloorPage>(body)
                            .expect("floor: parse")
                            .data
                            .len(),
                    };
                assert_eq!(items, 1000);
            }
            samples.push(thread_cpu_ms() - cpu);
        }
    }
    let [ours, theirs, floor] = samples.map(median);
    serde_json::json!({
        "openai-admin": ours,
        "async-openai": theirs,
        "floor": floor,
        "vs_async_openai": ours / theirs,
        "vs_floor": ours / floor,
    })
}

/// One measure of one client on one shape: wall and CPU time of each run.
#[derive(Default)]
struct Samples {
    wall: Vec<f64>,
    cpu: Vec<f64>,
}

impl Samples {
    fn push(&mut self, wall: f64, cpu: f64) {
        self.wall.push(wall);
        self.cpu.push(cpu);
    }

    /// `{ median, min, max }` of wall and CPU milliseconds.
    fn summary(&self) -> serde_json::Value {
        let spread = |v: &Vec<f64>| {
            serde_json::json!({
                "median": median(v.clone()),
                "min": v.iter().copied().fold(f64::INFINITY, f64::min),
                "max": v.iter().copied().fold(f64::NEG_INFINITY, f64::max),
            })
        };
        serde_json::json!({ "wall": spread(&self.wall), "cpu": spread(&self.cpu) })
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut args = std::env::args().skip(1);
    let base = args.next().expect("BASE_URL");
    let key = args.next().expect("KEY");
    let runs: usize = args.next().map_or(5, |n| n.parse().expect("RUNS"));
    let clients = Clients::new(&base, &key);
    let ids = clients.ids().await;

    let names = ["openai-admin", "async-openai", "floor"];
    let parse = parse_page(&clients).await;
    let mut list: [Samples; 3] = Default::default();
    let mut retrieve: [Samples; 3] = Default::default();
    for run in 0..=runs {
        for (i, samples) in list.iter_mut().enumerate() {
            let (started, cpu) = (Instant::now(), thread_cpu_ms());
            let count = match i {
                0 => list_ours(&clients).await,
                1 => list_theirs(&clients).await,
                _ => list_floor(&clients).await,
            };
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            assert!(count >= 100_000, "{}: listed {count}", names[i]);
            if run > 0 {
                samples.push(ms, thread_cpu_ms() - cpu);
            }
        }
        for (i, samples) in retrieve.iter_mut().enumerate() {
            let (started, cpu) = (Instant::now(), thread_cpu_ms());
            match i {
                0 => retrieve_ours(&clients, &ids).await,
                1 => retrieve_theirs(&clients, &ids).await,
                _ => retrieve_floor(&clients, &ids).await,
            };
            if run > 0 {
                samples.push(
                    started.elapsed().as_secs_f64() * 1000.0,
                    thread_cpu_ms() - cpu,
                );
            }
        }
    }
    let wall = |s: &[Samples; 3], i: usize| median(s[i].wall.clone());
    let cpu = |s: &[Samples; 3], i: usize| median(s[i].cpu.clone());
    let by_client = |s: &[Samples; 3]| {
        let mut out = serde_json::Map::new();
        for (i, name) in names.iter().enumerate() {
            out.insert((*name).to_owned(), s[i].summary());
        }
        serde_json::Value::Object(out)
    };
    let out = serde_json::json!({
        "runs": runs,
        "list_100k_ms": { "openai-admin": wall(&list, 0), "async-openai": wall(&list, 1), "floor": wall(&list, 2) },
        "retrieve_2000_ms": { "openai-admin": wall(&retrieve, 0), "async-openai": wall(&retrieve, 1), "floor": wall(&retrieve, 2) },
        "ratios": {
            "list_vs_async_openai": wall(&list, 0) / wall(&list, 1),
            "list_vs_floor": wall(&list, 0) / wall(&list, 2),
            "retrieve_vs_async_openai": wall(&retrieve, 0) / wall(&retrieve, 1),
            "retrieve_vs_floor": wall(&retrieve, 0) / wall(&retrieve, 2),
        },
        "cpu_ratios": {
            "list_vs_async_openai": cpu(&list, 0) / cpu(&list, 1),
            "list_vs_floor": cpu(&list, 0) / cpu(&list, 2),
            "retrieve_vs_async_openai": cpu(&retrieve, 0) / cpu(&retrieve, 1),
            "retrieve_vs_floor": cpu(&retrieve, 0) / cpu(&retrieve, 2),
        },
        "spread": { "list_100k": by_client(&list), "retrieve_2000": by_client(&retrieve) },
        "parse_1000_groups_x200_ms": parse,
    });
    println!("{}", serde_json::to_string_pretty(&out).expect("JSON"));
}
