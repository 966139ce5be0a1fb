//! `--rate-limit` (a sliding one-second window per key) and the traffic figures served at
//! `GET /__mock/stats`: how many `/v1` requests arrived, how many were refused with 429, and the
//! most that arrived within any one second.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

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

    /// The figures as JSON.
    pub fn to_json(&self) -> Value {
        json!({
            "object": "mock.stats",
            "requests": self.requests,
            "rate_limited": self.limited,
            "max_requests_in_one_second": self.max_per_second,
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
}
