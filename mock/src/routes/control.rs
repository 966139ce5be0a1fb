//! Test controls under `/__mock`: reset, fault rules, the request log and traffic figures.

use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::error::{ApiError, ApiResult};
use crate::faults::FaultRule;
use crate::state::Shared;

/// The `/__mock` routes.
pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/reset", post(reset))
        .route(
            "/faults",
            get(list_faults).post(set_faults).delete(clear_faults),
        )
        .route("/requests", get(requests).delete(clear_requests))
        .route("/stats", get(stats).delete(clear_stats))
}

/// `POST /__mock/reset`: reseed as at start; clear faults and the request log.
async fn reset(State(st): State<Shared>) -> Json<Value> {
    st.reset();
    Json(json!({ "object": "mock.reset", "ok": true }))
}

/// `GET /__mock/faults`: the rules still armed, with their remaining counts.
async fn list_faults(State(st): State<Shared>) -> Json<Value> {
    let rules: Vec<Value> = st.faults().iter().map(FaultRule::to_json).collect();
    Json(json!({ "object": "list", "data": rules }))
}

/// `POST /__mock/faults`: replace the rules with a JSON list (a single object is also accepted).
async fn set_faults(State(st): State<Shared>, body: axum::body::Bytes) -> ApiResult<Json<Value>> {
    let value: Value = serde_json::from_slice(&body).map_err(|e| {
        ApiError::bad_request(format!(
            "We could not parse the JSON body of your request. ({e})"
        ))
    })?;
    let items = match value {
        Value::Array(items) => items,
        obj @ Value::Object(_) => vec![obj],
        _ => {
            return Err(ApiError::bad_request(
                "Expected a JSON list of fault rules.",
            ))
        }
    };
    let rules = items
        .iter()
        .enumerate()
        .map(|(i, v)| FaultRule::parse(v).map_err(|m| ApiError::bad(format!("[{i}]"), m)))
        .collect::<ApiResult<Vec<_>>>()?;
    let out: Vec<Value> = rules.iter().map(FaultRule::to_json).collect();
    *st.faults() = rules;
    Ok(Json(json!({ "object": "list", "data": out })))
}

/// `DELETE /__mock/faults`: disarm every rule.
async fn clear_faults(State(st): State<Shared>) -> Json<Value> {
    st.faults().clear();
    Json(json!({ "object": "list", "data": [] }))
}

/// `GET /__mock/requests`: the last requests received, oldest first.
async fn requests(State(st): State<Shared>) -> Json<Value> {
    let data: Vec<Value> = st.log().iter().map(|r| r.to_json()).collect();
    Json(json!({ "object": "list", "data": data }))
}

/// `DELETE /__mock/requests`: empty the log.
async fn clear_requests(State(st): State<Shared>) -> Json<Value> {
    st.log().clear();
    Json(json!({ "object": "list", "data": [] }))
}

/// `GET /__mock/stats`: `/v1` requests received, how many `--rate-limit` refused, and the most
/// received within any one second (since start, reset or `DELETE /__mock/stats`).
async fn stats(State(st): State<Shared>) -> Json<Value> {
    Json(st.traffic().to_json())
}

/// `DELETE /__mock/stats`: start counting again (the limiter forgets its windows too).
async fn clear_stats(State(st): State<Shared>) -> Json<Value> {
    *st.traffic() = crate::traffic::Traffic::default();
    Json(st.traffic().to_json())
}
