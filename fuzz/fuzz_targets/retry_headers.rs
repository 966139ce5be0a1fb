//! Arbitrary retry headers, clock and jitter: the retry decision never panics, and the wait is
//! finite, either a server hint under a minute or the exponential backoff.
//!
//! Input: lines of text, `status`, `x-should-retry`, `retry-after-ms`, `retry-after`,
//! `retries_done`, `now_ms`, `jitter`. A header line `-` means the header is absent; a number that
//! does not parse is taken from the line's first 8 bytes, so NaN, infinities and extremes occur.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openai_admin_wasm::retry::{http_date_ms, retry_delay_ms, should_retry_status, RetryHeaders};

fn float(line: &str) -> f64 {
    line.trim().parse().unwrap_or_else(|_| {
        let mut bytes = [0u8; 8];
        for (b, l) in bytes.iter_mut().zip(line.bytes()) {
            *b = l;
        }
        f64::from_le_bytes(bytes)
    })
}

fn header(line: Option<&str>) -> Option<&str> {
    line.filter(|l| *l != "-")
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut lines = text.split('\n');
    let status = lines
        .next()
        .map_or(0, |l| l.trim().parse().unwrap_or(float(l) as u16));
    let headers = RetryHeaders {
        should_retry: header(lines.next()),
        retry_after_ms: header(lines.next()),
        retry_after: header(lines.next()),
    };
    let retries_done = lines
        .next()
        .map_or(0, |l| l.trim().parse().unwrap_or(float(l) as u32));
    let now_ms = lines.next().map_or(0.0, float);
    let jitter = lines.next().map_or(0.0, float);

    let retry = should_retry_status(status, &headers);
    match headers.should_retry {
        Some("true") => assert!(retry),
        Some("false") => assert!(!retry),
        _ => assert_eq!(retry, matches!(status, 408 | 409 | 429) || status >= 500),
    }

    let wait = retry_delay_ms(retries_done, &headers, now_ms, jitter);
    assert!(
        wait.is_finite() && (0.0..60_000.0).contains(&wait),
        "wait {wait} for {headers:?}, retries {retries_done}, now {now_ms}, jitter {jitter}"
    );
    // Without a server hint, the backoff: min(0.5 * 2^n, 8) s, shortened by at most 25 %.
    let none = RetryHeaders::default();
    let backoff = retry_delay_ms(retries_done, &none, now_ms, jitter);
    let full = (500.0 * 2f64.powi(retries_done.min(16) as i32)).min(8000.0);
    assert!(
        (full * 0.75..=full).contains(&backoff),
        "backoff {backoff} after {retries_done} retries, jitter {jitter}"
    );

    for value in [
        headers.retry_after,
        headers.retry_after_ms,
        headers.should_retry,
    ]
    .into_iter()
    .flatten()
    {
        if let Some(ms) = http_date_ms(value) {
            assert!(ms.is_finite(), "{value:?} gave {ms}");
            assert_eq!(ms % 1000.0, 0.0, "{value:?} gave {ms}");
        }
    }
});
