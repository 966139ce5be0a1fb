//! `--rate-limit` (a sliding one-second window per key), `--route-limit` (a sliding window per
//! endpoint) and the traffic figures served at `GET /__mock/stats`: how many `/v1` requests
//! arrived, how many were refused with 429, the most that arrived within any one second, and per
//! endpoint the requests, 2xx answers and 429s.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::time::{Duration, Instant};

use serde_json::{json, Map, Value};

use crate::config::RouteLimit;

const WINDOW: Duration = Duration::from_secs(1);

/// Arrival times and limiter windows.
#[derive(Debug, Default)]
pub struct Traffic {
    /// Admitted requests in the last second, per key (the `Authorization` header as sent).
    admitted: HashMap<String, VecDeque<Instant>>,
    /// Every `/v1` arrival in the last second.
    recent: VecDeque<Instant>,
    requests: u64,
    limited: u64,
    max_per_second: usize,
    /// Admitted requests within the route limit's window, per endpoint.
    routes: HashMap<String, VecDeque<Instant>>,
    /// Per endpoint: requests, 2xx answers, 429 answers.
    endpoints: BTreeMap<String, [u64; 3]>,
}

impl Traffic {
    /// Counts an arrival, then admits it (`None`) or refuses it with the time until the key's
    /// window has room again. `limit` 0 admits everything.
    pub fn arrive(&mut self, key: &str, limit: u32, now: Instant) -> Option<Duration> {
        self.requests += 1;
        expire(&mut self.recent, now);
        self.recent.push_back(now);
        self.max_per_second = self.max_per_second.max(self.recent.len());
        if limit == 0 {
            return None;
        }
        let window = self.admitted.entry(key.to_owned()).or_default();
        expire(window, now);
        if window.len() >= limit as usize {
            self.limited += 1;
            let oldest = window.front().copied().unwrap_or(now);
            return Some((oldest + WINDOW).saturating_duration_since(now));
        }
        window.push_back(now);
        None
    }

    /// Admits a request the key's limit admitted (`None`) or refuses it under `--route-limit`
    /// with the time until its endpoint's window has room again; counts the arrival per endpoint.
    pub fn arrive_route(
        &mut self,
        endpoint: &str,
        limit: Option<RouteLimit>,
        now: Instant,
    ) -> Option<Duration> {
        self.endpoints.entry(endpoint.to_owned()).or_default()[0] += 1;
        let limit = limit?;
        let window = self.routes.entry(endpoint.to_owned()).or_default();
        while window
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= limit.window)
        {
            window.pop_front();
        }
        if window.len() >= limit.requests as usize {
            self.limited += 1;
            let oldest = window.front().copied().unwrap_or(now);
            return Some((oldest + limit.window).saturating_duration_since(now));
        }
        window.push_back(now);
        None
    }

    /// Counts an answer's status under its endpoint (2xx and 429 are kept).
    pub fn answered(&mut self, endpoint: &str, status: u16) {
        let counts = self.endpoints.entry(endpoint.to_owned()).or_default();
        match status {
            200..=299 => counts[1] += 1,
            429 => counts[2] += 1,
            _ => {}
        }
    }

    /// The figures as JSON.
    pub fn to_json(&self) -> Value {
        let endpoints: Map<String, Value> = self
            .endpoints
            .iter()
            .map(|(name, [requests, ok, limited])| {
                let counts = json!({ "requests": requests, "ok": ok, "rate_limited": limited });
                (name.clone(), counts)
            })
            .collect();
        json!({
            "object": "mock.stats",
            "requests": self.requests,
            "rate_limited": self.limited,
            "max_requests_in_one_second": self.max_per_second,
            "endpoints": endpoints,
        })
    }
}

/// Drops the times a second or more before `now`.
fn expire(times: &mut VecDeque<Instant>, now: Instant) {
    while times
        .front()
        .is_some_and(|t| now.saturating_duration_since(*t) >= WINDOW)
    {
        times.pop_front();
    }
}

/// The `Retry-After` value for a wait: whole seconds, rounded up, at least 1.
pub fn retry_after_secs(wait: Duration) -> u64 {
    wait.as_millis().div_ceil(1000).max(1) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_key_over_a_sliding_second() {
        let mut t = Traffic::default();
        let t0 = Instant::now();
        assert!(t.arrive("a", 2, t0).is_none());
        assert!(t.arrive("a", 2, t0 + Duration::from_millis(100)).is_none());
        let wait = t.arrive("a", 2, t0 + Duration::from_millis(400));
        assert_eq!(wait, Some(Duration::from_millis(600)));
        assert!(
            t.arrive("b", 2, t0 + Duration::from_millis(400)).is_none(),
            "per key"
        );
        assert!(t.arrive("a", 2, t0 + Duration::from_millis(1000)).is_none());
        assert!(t.arrive("a", 2, t0 + Duration::from_millis(1050)).is_some());
        let s = t.to_json();
        assert_eq!(s["requests"], 6);
        assert_eq!(s["rate_limited"], 2);
        assert_eq!(s["max_requests_in_one_second"], 5);
        assert!(
            Traffic::default().arrive("a", 0, t0).is_none(),
            "0 = no limit"
        );
        assert_eq!(retry_after_secs(Duration::from_millis(600)), 1);
        assert_eq!(retry_after_secs(Duration::from_millis(1001)), 2);
        assert_eq!(retry_after_secs(Duration::ZERO), 1);
    }

    #[test]
    fn limits_per_endpoint_over_a_sliding_window() {
        let mut t = Traffic::default();
        let t0 = Instant::now();
        let limit = Some(RouteLimit {
            requests: 2,
            window: Duration::from_secs(6),
        });
        let (a, b) = ("GET /organization/users", "GET /organization/groups");
        assert!(t.arrive_route(a, limit, t0).is_none());
        assert!(t
            .arrive_route(a, limit, t0 + Duration::from_secs(1))
            .is_none());
        let wait = t.arrive_route(a, limit, t0 + Duration::from_secs(2));
        assert_eq!(wait, Some(Duration::from_secs(4)));
        assert!(t
            .arrive_route(b, limit, t0 + Duration::from_secs(2))
            .is_none());
        assert!(t
            .arrive_route(a, limit, t0 + Duration::from_secs(6))
            .is_none());
        t.answered(a, 200);
        t.answered(a, 429);
        t.answered(a, 404);
        let s = t.to_json();
        assert_eq!(s["endpoints"][a]["requests"], 4);
        assert_eq!(s["endpoints"][a]["ok"], 1);
        assert_eq!(s["endpoints"][a]["rate_limited"], 1);
        assert_eq!(s["endpoints"][b]["requests"], 1);
        assert_eq!(s["rate_limited"], 1);
        assert!(t.arrive_route(a, None, t0).is_none(), "no limit");
    }
}
