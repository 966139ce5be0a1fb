//! The pace of one endpoint on a fake clock: hours of simulated time in microseconds.

use super::*;
use crate::ops::OPERATIONS;

const MIN: f64 = 60_000.0;

/// Sends `n` requests at `now` that the API admits.
fn admit(pace: &mut EndpointPace, n: usize, now: f64) {
    for _ in 0..n {
        let serial = pace.take(now);
        pace.admitted(now, serial);
    }
}

#[test]
fn an_endpoint_is_unpaced_until_its_first_429() {
    let caps = Caps::default();
    let mut pace = EndpointPace::new();
    admit(&mut pace, 100, 0.0);
    assert_eq!(pace.ready_at(0.0, &caps), 0.0);
    assert_eq!(pace.per_minute(), None);
    assert_eq!(pace.eta_ms(10, 0.0), None);
}

#[test]
fn requests_of_the_burst_admitted_after_its_429_count_in_the_rate_learned() {
    // 10 per 6 s (caps scaled by 0.1): the 11th's 429 comes back before six of the ten 200s.
    let caps = Caps {
        retry_after_cap_ms: 30_000.0,
        backoff_cap_ms: 6_000.0,
    };
    let mut pace = EndpointPace::new();
    let serials: Vec<u64> = (0..10).map(|_| pace.take(0.0)).collect();
    for serial in &serials[..4] {
        pace.admitted(0.0, *serial);
    }
    let eleventh = pace.take(5.0);
    assert!(pace.limited(eleventh, None, 10.0, 0.5, &caps));
    assert_eq!(pace.per_minute(), Some(0.9 * 40.0));
    // One more, sent after that 429 was acted on, is answered 429 too: a run of two.
    let twelfth = pace.take(12.0);
    assert!(pace.limited(twelfth, None, 14.0, 0.5, &caps));
    assert_eq!(pace.per_minute(), Some(0.9 * 40.0));
    let ready = pace.ready_at(14.0, &caps);
    assert_eq!(ready, 6_120.0);
    for serial in &serials[4..] {
        pace.admitted(0.0, *serial);
    }
    assert_eq!(pace.per_minute(), Some(0.9 * 100.0));
    // The pause for the first slot stands; the pace after it is the corrected one.
    assert_eq!(pace.ready_at(10.0, &caps), ready);
    pace.take(ready);
    assert_eq!(pace.ready_at(ready, &caps), ready + 6_000.0 / 9.0);
    // A request sent after the 429 and admitted resets the backoff and teaches nothing more.
    let after = pace.take(ready + 700.0);
    pace.admitted(ready + 700.0, after);
    assert_eq!(pace.per_minute(), Some(0.9 * 100.0));
}

#[test]
fn a_late_answer_never_raises_the_pace_above_what_it_was_before_the_429() {
    let caps = Caps::default();
    let mut pace = EndpointPace::learned(6.0, 0.0, 0.0).expect("a rate");
    let serials: Vec<u64> = (0..10).map(|_| pace.take(0.0)).collect();
    pace.admitted(0.0, serials[0]);
    let eleventh = pace.take(0.0);
    assert!(pace.limited(eleventh, None, 0.0, 0.5, &caps));
    assert_eq!(pace.per_minute(), Some(0.9));
    for serial in &serials[1..] {
        pace.admitted(0.0, *serial);
    }
    // Ten a minute were admitted, but the endpoint was paced at six before.
    assert_eq!(pace.per_minute(), Some(6.0));
}

#[test]
fn a_429_without_headers_learns_the_rate_and_waits_for_a_slot() {
    let caps = Caps::default();
    let mut pace = EndpointPace::new();
    admit(&mut pace, 10, 0.0);
    let serial = pace.take(0.0);
    assert!(pace.limited(serial, None, 0.0, 0.5, &caps));
    assert_eq!(pace.per_minute(), Some(9.0));
    // The oldest admitted (0) leaves the window at 60 s, plus 2 % of it.
    assert_eq!(pace.ready_at(0.0, &caps), 61_200.0);
    assert_eq!(
        pace.waiting(1000.0),
        (60_200.0, Some(WaitReason::RateLimit))
    );
    // Then one request every 60/9 s.
    pace.take(61_200.0);
    assert!((pace.ready_at(61_200.0, &caps) - (61_200.0 + MIN / 9.0)).abs() < 1e-6);
    // 18 more take 17 steps after the next.
    let eta = pace.eta_ms(18, 61_200.0).unwrap_or_default();
    assert!((eta - (MIN / 9.0 + 17.0 * MIN / 9.0)).abs() < 1e-6, "{eta}");
}

#[test]
fn the_rate_is_learned_down_to_one_request_a_minute_and_no_lower_than_the_floor() {
    let caps = Caps::default();
    let mut pace = EndpointPace::new();
    let mut now = 0.0;
    // The API admits one request every two minutes at most; the endpoint asks whenever allowed.
    let mut last_admitted = f64::NEG_INFINITY;
    let mut limited = 0;
    for _ in 0..400 {
        now = pace.ready_at(now, &caps).max(now);
        let serial = pace.take(now);
        if now - last_admitted >= 2.0 * MIN {
            last_admitted = now;
            pace.admitted(now, serial);
        } else {
            limited += 1;
            pace.limited(serial, None, now, 0.5, &caps);
        }
    }
    let learned = pace.per_minute().unwrap_or_default();
    assert!(learned <= 1.0, "learned {learned}/min");
    assert!(learned >= FLOOR_PER_MINUTE, "learned {learned}/min");
    assert!(now > 10.0 * 60.0 * MIN, "simulated {} h", now / 3_600_000.0);
    assert!(limited < 400);
}

#[test]
fn the_backoff_without_headers_doubles_with_jitter_and_stops_at_the_cap() {
    let caps = Caps::default();
    let mut waits = Vec::new();
    let mut pace = EndpointPace::new();
    let mut now = 0.0;
    for _ in 0..10 {
        let serial = pace.take(now);
        pace.limited(serial, None, now, 1.0, &caps);
        let at = pace.ready_at(now, &caps);
        waits.push(at - now);
        now = at;
    }
    // Nothing admitted: no rate, no slot; 1/32 of the cap doubling, capped at the cap.
    assert_eq!(waits[0], MIN / 32.0);
    assert_eq!(waits[1], MIN / 16.0);
    assert_eq!(waits[5], MIN);
    assert_eq!(waits[9], MIN);
    // The jitter takes up to half off.
    let mut pace = EndpointPace::new();
    let serial = pace.take(0.0);
    pace.limited(serial, None, 0.0, 0.0, &caps);
    assert_eq!(pace.ready_at(0.0, &caps), MIN / 64.0);
}

#[test]
fn retry_after_is_honoured_up_to_the_cap() {
    let caps = Caps::default();
    let mut pace = EndpointPace::new();
    admit(&mut pace, 5, 0.0);
    let serial = pace.take(0.0);
    pace.limited(serial, Some(3000.0), 0.0, 0.5, &caps);
    assert_eq!(pace.ready_at(0.0, &caps), 3000.0);
    assert_eq!(pace.waiting(0.0), (3000.0, Some(WaitReason::RetryAfter)));
    // Five in the 3 s window the header named: 90 % of 100 a minute.
    assert!((pace.per_minute().unwrap_or_default() - 90.0).abs() < 1e-9);
    let mut pace = EndpointPace::new();
    let serial = pace.take(0.0);
    pace.limited(serial, Some(3_600_000.0), 0.0, 0.5, &caps);
    assert_eq!(pace.ready_at(0.0, &caps), caps.retry_after_cap_ms);
    assert_eq!(pace.waiting(0.0).1, Some(WaitReason::RetryAfterCapped));
    assert_eq!(pace.asked_ms(), Some(3_600_000.0));
}

#[test]
fn one_burst_of_429s_is_acted_on_once() {
    let caps = Caps::default();
    let mut pace = EndpointPace::new();
    admit(&mut pace, 10, 0.0);
    let a = pace.take(0.0);
    let b = pace.take(0.0);
    assert!(pace.limited(a, None, 0.0, 0.5, &caps));
    assert!(!pace.limited(b, None, 0.0, 0.5, &caps));
    let c = pace.take(61_200.0);
    assert!(pace.limited(c, None, 61_200.0, 0.5, &caps));
}

#[test]
fn after_ten_calm_windows_it_tries_ten_percent_faster() {
    let caps = Caps::default();
    let mut pace = EndpointPace::learned(9.0, 0.0, 0.0).expect("a rate");
    assert_eq!(pace.per_minute(), Some(9.0));
    pace.ready_at(9.0 * MIN, &caps);
    assert_eq!(pace.per_minute(), Some(9.0));
    pace.ready_at(10.0 * MIN, &caps);
    assert!((pace.per_minute().unwrap_or_default() - 9.9).abs() < 1e-9);
    assert_eq!(pace.learned_at(), 10.0 * MIN);
    assert!(EndpointPace::learned(0.0, 0.0, 0.0).is_none());
    assert!(EndpointPace::learned(f64::NAN, 0.0, 0.0).is_none());
    // Below the floor, the floor.
    let slow = EndpointPace::learned(0.1, 0.0, 0.0).expect("a rate");
    assert_eq!(slow.per_minute(), Some(FLOOR_PER_MINUTE));
}

#[test]
fn endpoints_leave_the_ids_out() {
    assert_eq!(
        endpoint_of(
            "GET",
            "http://127.0.0.1:1/v1/organization/users/u%2F1/roles?limit=5"
        ),
        "GET /organization/users/{user_id}/roles"
    );
    assert_eq!(
        endpoint_of("delete", "/v1/organization/groups/g/users/u"),
        "DELETE /organization/groups/{group_id}/users/{user_id}"
    );
    assert_eq!(
        endpoint_of("POST", "https://api.openai.com/v1/organization/groups"),
        "POST /organization/groups"
    );
    assert_eq!(endpoint_of("GET", "https://x/v1/models"), "GET /v1/models");
    for op in OPERATIONS {
        let url = format!(
            "https://x/v1{}",
            op.path.replace('{', "id_").replace('}', "")
        );
        assert_eq!(
            endpoint_of(op.method.as_str(), &url),
            endpoint(op),
            "{}",
            op.name
        );
    }
}
