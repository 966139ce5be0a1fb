//! When to retry a failed attempt, and how long to wait first. Pure functions: the caller
//! supplies the response headers, the clock and the random jitter.

// The defaults of `maxRetries` and `timeout` are the package's (`pkg-template/src/options.ts`):
// the retry count and the timer are the transport's; this module decides only each retry.
/// A server-requested wait at or above this is ignored in favour of the backoff.
const MAX_SERVER_DELAY_MS: f64 = 60_000.0;
const INITIAL_DELAY_S: f64 = 0.5;
const MAX_DELAY_S: f64 = 8.0;

/// The response headers retry decisions read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RetryHeaders<'a> {
    /// `x-should-retry`
    pub should_retry: Option<&'a str>,
    /// `retry-after-ms`
    pub retry_after_ms: Option<&'a str>,
    /// `retry-after`: seconds, or an HTTP date
    pub retry_after: Option<&'a str>,
}

/// Whether a response with this status deserves another attempt. An explicit `x-should-retry`
/// of `true` or `false` wins; otherwise 408, 409, 429 and 5xx are retried.
pub fn should_retry_status(status: u16, headers: &RetryHeaders<'_>) -> bool {
    match headers.should_retry {
        Some("true") => return true,
        Some("false") => return false,
        _ => {}
    }
    matches!(status, 408 | 409 | 429) || status >= 500
}

/// How long to wait before the next attempt, in milliseconds.
///
/// `retries_done` counts the retries made so far (0 before the first retry). A `retry-after-ms`
/// or `retry-after` header (seconds, or an HTTP date compared with `now_ms`, the Unix time in
/// milliseconds) is honoured when it asks for 0 to 60 s; otherwise the wait is
/// `min(0.5 * 2^retries_done, 8)` seconds, shortened by up to 25 % with `jitter` in `[0, 1)`.
pub fn retry_delay_ms(
    retries_done: u32,
    headers: &RetryHeaders<'_>,
    now_ms: f64,
    jitter: f64,
) -> f64 {
    if let Some(ms) = server_delay_ms(headers, now_ms) {
        if (0.0..MAX_SERVER_DELAY_MS).contains(&ms) {
            return ms;
        }
    }
    let exponent = i32::try_from(retries_done).unwrap_or(i32::MAX).min(16);
    let seconds = (INITIAL_DELAY_S * 2f64.powi(exponent)).min(MAX_DELAY_S);
    // `clamp` passes NaN through; a NaN jitter means none.
    let jitter = if jitter.is_nan() {
        0.0
    } else {
        jitter.clamp(0.0, 1.0)
    };
    seconds * (1.0 - jitter * 0.25) * 1000.0
}

/// What the server asked for with `retry-after-ms` or `retry-after` (seconds, or an HTTP date
/// compared with `now_ms`), in milliseconds, however long; `None` when neither header says. A
/// date in the past gives a negative value. [`retry_delay_ms`] honours it only under a minute;
/// the access schedulers (`pkg-template/src/access/scheduler.ts`, and `pace.rs` for Rust callers)
/// honour it up to their own cap.
pub fn server_delay_ms(headers: &RetryHeaders<'_>, now_ms: f64) -> Option<f64> {
    if let Some(ms) = headers.retry_after_ms.and_then(decimal) {
        return Some(ms);
    }
    let value = headers.retry_after?.trim();
    if let Some(seconds) = decimal(value) {
        return Some(seconds * 1000.0);
    }
    http_date_ms(value).map(|at| at - now_ms)
}

/// A non-negative decimal such as `2`, `0.25` or `150.5`. (Hand-written: the standard float
/// parser costs kilobytes of wasm, and these headers never need exponents.)
fn decimal(value: &str) -> Option<f64> {
    let value = value.trim();
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 15 || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let mut result = whole.parse::<u64>().ok()? as f64;
    let mut scale = 0.1;
    for digit in fraction.bytes().take(9) {
        result += f64::from(digit - b'0') * scale;
        scale /= 10.0;
    }
    Some(result)
}

/// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) to Unix milliseconds.
pub fn http_date_ms(value: &str) -> Option<f64> {
    let rest = value.split_once(',')?.1.strip_prefix(' ')?;
    let mut parts = rest.split(' ');
    let day: u32 = parts.next()?.parse().ok()?;
    let month = match parts.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year: i64 = parts.next()?.parse().ok()?;
    let mut clock = parts.next()?.split(':');
    let hour: i64 = clock.next()?.parse().ok()?;
    let minute: i64 = clock.next()?.parse().ok()?;
    let second: i64 = clock.next()?.parse().ok()?;
    if parts.next()? != "GMT" || parts.next().is_some() || clock.next().is_some() {
        return None;
    }
    // An IMF-fixdate has a four-digit year and two-digit times; a larger year would overflow
    // the arithmetic below.
    if !(1..=31).contains(&day)
        || !(0..=9999).contains(&year)
        || !(0..=23).contains(&hour)
        || !(0..=59).contains(&minute)
        || !(0..=60).contains(&second)
    {
        return None;
    }
    let days = days_from_civil(year, month, i64::from(day));
    Some(((days * 86_400 + hour * 3600 + minute * 60 + second) * 1000) as f64)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: RetryHeaders<'static> = RetryHeaders {
        should_retry: None,
        retry_after_ms: None,
        retry_after: None,
    };

    #[test]
    fn retryable_statuses() {
        for status in [408, 409, 429, 500, 502, 503, 504] {
            assert!(should_retry_status(status, &NONE), "{status}");
        }
        for status in [400, 401, 403, 404, 422] {
            assert!(!should_retry_status(status, &NONE), "{status}");
        }
    }

    #[test]
    fn x_should_retry_wins() {
        let no = RetryHeaders {
            should_retry: Some("false"),
            ..NONE
        };
        let yes = RetryHeaders {
            should_retry: Some("true"),
            ..NONE
        };
        assert!(!should_retry_status(503, &no));
        assert!(should_retry_status(400, &yes));
    }

    #[test]
    fn backoff_doubles_up_to_eight_seconds() {
        assert_eq!(retry_delay_ms(0, &NONE, 0.0, 0.0), 500.0);
        assert_eq!(retry_delay_ms(1, &NONE, 0.0, 0.0), 1000.0);
        assert_eq!(retry_delay_ms(5, &NONE, 0.0, 0.0), 8000.0);
        assert_eq!(retry_delay_ms(u32::MAX, &NONE, 0.0, 0.0), 8000.0);
        assert_eq!(
            retry_delay_ms(0, &NONE, 0.0, 0.999_999),
            500.0 * (1.0 - 0.999_999 * 0.25)
        );
    }

    #[test]
    fn server_delays_are_honoured_under_a_minute() {
        let ms = RetryHeaders {
            retry_after_ms: Some("150"),
            retry_after: Some("9"),
            ..NONE
        };
        assert_eq!(retry_delay_ms(0, &ms, 0.0, 0.0), 150.0);
        let secs = RetryHeaders {
            retry_after: Some("2"),
            ..NONE
        };
        assert_eq!(retry_delay_ms(0, &secs, 0.0, 0.0), 2000.0);
        let long = RetryHeaders {
            retry_after: Some("61"),
            ..NONE
        };
        assert_eq!(retry_delay_ms(0, &long, 0.0, 0.0), 500.0);
        let junk = RetryHeaders {
            retry_after: Some("soon"),
            retry_after_ms: Some("x"),
            ..NONE
        };
        assert_eq!(retry_delay_ms(1, &junk, 0.0, 0.0), 1000.0);
    }

    #[test]
    fn server_delays_are_read_whatever_their_size() {
        let long = RetryHeaders {
            retry_after: Some("3600"),
            ..NONE
        };
        assert_eq!(server_delay_ms(&long, 0.0), Some(3_600_000.0));
        let ms = RetryHeaders {
            retry_after_ms: Some("90000"),
            retry_after: Some("1"),
            ..NONE
        };
        assert_eq!(server_delay_ms(&ms, 0.0), Some(90_000.0));
        let date = RetryHeaders {
            retry_after: Some("Sun, 06 Nov 1994 08:49:40 GMT"),
            ..NONE
        };
        assert_eq!(server_delay_ms(&date, 784_111_777_000.0), Some(3000.0));
        assert_eq!(server_delay_ms(&NONE, 0.0), None);
        let junk = RetryHeaders {
            retry_after: Some("soon"),
            ..NONE
        };
        assert_eq!(server_delay_ms(&junk, 0.0), None);
    }

    #[test]
    fn decimals_without_the_float_parser() {
        let fraction = RetryHeaders {
            retry_after: Some("0.25"),
            ..NONE
        };
        assert_eq!(retry_delay_ms(0, &fraction, 0.0, 0.0), 250.0);
        assert_eq!(decimal("150.5"), Some(150.5));
        assert_eq!(decimal(" 2 "), Some(2.0));
        assert_eq!(decimal("1."), Some(1.0));
        assert_eq!(decimal(".5"), None);
        assert_eq!(decimal("-1"), None);
        assert_eq!(decimal("1e3"), None);
        assert_eq!(decimal(""), None);
    }

    #[test]
    fn http_dates_count_from_now() {
        let at = http_date_ms("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        assert_eq!(at, 784_111_777_000.0);
        let date = RetryHeaders {
            retry_after: Some("Sun, 06 Nov 1994 08:49:40 GMT"),
            ..NONE
        };
        assert_eq!(retry_delay_ms(0, &date, at, 0.0), 3000.0);
        // A date in the past is no usable hint.
        assert_eq!(retry_delay_ms(0, &date, at + 10_000.0, 0.0), 500.0);
        assert_eq!(http_date_ms("Sun, 06 Nov 1994 08:49:37 UTC"), None);
        assert_eq!(http_date_ms("06 Nov 1994"), None);
        assert_eq!(http_date_ms("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0.0));
        assert_eq!(
            http_date_ms("Tue, 29 Feb 2028 12:00:00 GMT"),
            Some(1_835_438_400_000.0)
        );
    }

    #[test]
    fn out_of_range_dates_are_refused_not_overflowed() {
        // Found by fuzzing (fuzz/fuzz_targets/retry_headers.rs): the year overflowed i64.
        assert_eq!(http_date_ms("un, 06 Nov 19944422547 08:4:40 GMT"), None);
        assert_eq!(
            http_date_ms("Sun, 06 Nov 9223372036854775807 23:59:59 GMT"),
            None
        );
        assert_eq!(http_date_ms("Sun, 06 Nov 1994 -8:49:37 GMT"), None);
        assert_eq!(
            http_date_ms("Fri, 31 Dec 9999 23:59:59 GMT"),
            Some(253_402_300_799_000.0)
        );
        let huge = RetryHeaders {
            retry_after: Some("Sun, 06 Nov 19944422547 08:49:40 GMT"),
            ..NONE
        };
        assert_eq!(retry_delay_ms(0, &huge, 0.0, 0.0), 500.0);
    }

    #[test]
    fn a_nan_jitter_means_none() {
        // Found by fuzzing (fuzz/fuzz_targets/retry_headers.rs): the wait came out NaN.
        let empty = RetryHeaders {
            should_retry: Some(""),
            retry_after_ms: Some(""),
            retry_after: Some(""),
        };
        assert_eq!(retry_delay_ms(0, &empty, 7e-78, f64::NAN), 500.0);
    }
}
