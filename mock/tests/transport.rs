//! Everything around the operations: auth, CORS, request ids, unknown routes, percent-encoded
//! ids, static files.

// Test code: a panic is how a failed expectation is reported.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::HashSet;

use common::{enc, Mock, KEY};
use serde_json::json;

const G: &str = "/v1/organization/groups";

#[test]
fn auth_is_required_and_the_key_is_never_echoed() {
    let m = Mock::start(&[]);
    let none = m.raw("GET", G, &[], None).unwrap();
    let e = none.error(401);
    assert_eq!(e["code"], "invalid_api_key");
    assert_eq!(e["type"], "invalid_request_error");

    let wrong = "sk-admin-WRONG-secret-value";
    let r = m
        .raw(
            "GET",
            G,
            &[("Authorization", &format!("Bearer {wrong}"))],
            None,
        )
        .unwrap();
    r.error(401);
    assert!(
        !r.text().contains(wrong) && !r.text().contains("WRONG"),
        "{}",
        r.text()
    );
    m.raw("GET", G, &[("Authorization", KEY)], None)
        .unwrap()
        .error(401);
    m.raw("POST", "/__mock/reset", &[], None)
        .unwrap()
        .error(401);
    assert_eq!(m.get(G).status, 200);
}

#[test]
fn cors_preflight_needs_no_auth_and_echoes_headers() {
    let m = Mock::start(&[]);
    let asked =
        "authorization,content-type,openai-organization,x-stainless-os,x-stainless-retry-count";
    let r = m
        .raw(
            "OPTIONS",
            &format!("{G}/group_x/users"),
            &[
                ("Origin", "http://localhost:5173"),
                ("Access-Control-Request-Method", "DELETE"),
                ("Access-Control-Request-Headers", asked),
            ],
            None,
        )
        .unwrap();
    assert_eq!(r.status, 204);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    let methods = r.header("access-control-allow-methods").unwrap();
    for m in ["GET", "POST", "DELETE", "OPTIONS"] {
        assert!(methods.contains(m), "{methods}");
    }
    assert_eq!(r.header("access-control-allow-headers"), Some(asked));
    assert!(r.header("x-request-id").is_some());

    let plain = m
        .raw("OPTIONS", G, &[("Origin", "http://x")], None)
        .unwrap();
    let allowed = plain
        .header("access-control-allow-headers")
        .unwrap()
        .to_lowercase();
    for h in [
        "authorization",
        "content-type",
        "openai-organization",
        "openai-project",
    ] {
        assert!(allowed.contains(h), "{allowed}");
    }

    let get = m.get(G);
    assert_eq!(get.header("access-control-allow-origin"), Some("*"));
    let exposed = get.header("access-control-expose-headers").unwrap();
    for h in [
        "x-request-id",
        "retry-after",
        "retry-after-ms",
        "x-should-retry",
    ] {
        assert!(exposed.contains(h), "{exposed}");
    }
}

#[test]
fn every_response_has_a_distinct_request_id() {
    let m = Mock::start(&[]);
    let responses = vec![
        m.get(G),
        m.get(&format!("{G}/nope")),
        m.raw("GET", G, &[], None).unwrap(),
        m.raw("OPTIONS", G, &[], None).unwrap(),
        m.get("/v1/unknown"),
        m.get("/not-served"),
        m.call("POST", G, Some("{")),
        m.get("/__mock/requests"),
    ];
    let mut seen = HashSet::new();
    for r in &responses {
        let id = r
            .header("x-request-id")
            .unwrap_or_else(|| panic!("no x-request-id on {r:?}"));
        assert!(id.starts_with("req_"), "{id}");
        assert!(seen.insert(id.to_owned()), "duplicate {id}");
    }
}

#[test]
fn unknown_routes_answer_loudly() {
    let m = Mock::start(&[]);
    let e = m.get("/v1/organization/invites").error(404);
    let msg = e["message"].as_str().unwrap();
    assert!(
        msg.contains("GET") && msg.contains("/v1/organization/invites"),
        "{msg}"
    );
    let e = m.call("PUT", G, Some("{}")).error(404);
    assert!(e["message"]
        .as_str()
        .unwrap()
        .contains("PUT /v1/organization/groups"));
    let e = m
        .call("PATCH", "/v1/organization/users/u1", Some("{}"))
        .error(404);
    assert!(e["message"].as_str().unwrap().contains("PATCH"));
    m.get("/index.html").error(404);
}

#[test]
fn percent_encoded_ids_are_decoded_once() {
    let m = Mock::start(&[]);
    for id in [
        "a/b",
        "a?b#c",
        "100%25",
        "50%",
        "with space",
        "ünïcødé",
        "..",
        "x%2Fy",
    ] {
        let e = m.get(&format!("{G}/{}", enc(id))).error(404);
        let msg = e["message"].as_str().unwrap();
        assert!(
            msg.contains(&format!("No group found with id '{id}'")),
            "{id}: {msg}"
        );
    }
    let g = m.ids(G)[0].clone();
    let e = m
        .get(&format!("{G}/{g}/users/{}", enc("user/1?x")))
        .error(404);
    assert!(e["message"].as_str().unwrap().contains("'user/1?x'"));
    let e = m
        .delete(&format!(
            "/v1/organization/users/{}/roles/{}",
            enc("u#1"),
            enc("r 2")
        ))
        .error(404);
    assert!(e["message"].as_str().unwrap().contains("'u#1'"));
    // A real id percent-encoded still resolves.
    let encoded: String = g.replace('_', "%5F");
    assert_eq!(m.get(&format!("{G}/{encoded}")).json()["id"], g.as_str());
}

#[test]
fn static_files_with_content_types() {
    let dir = std::env::temp_dir().join(format!("mock-static-{}", std::process::id()));
    let www = dir.join("www");
    let pkg = dir.join("pkg");
    std::fs::create_dir_all(&www).unwrap();
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(www.join("index.html"), "<h1>demo</h1>").unwrap();
    std::fs::write(www.join("app.mjs"), "export {}").unwrap();
    std::fs::write(pkg.join("lib_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(pkg.join("lib.js"), "export default 1").unwrap();
    let www_s = www.to_string_lossy().into_owned();
    let pkg_s = format!("/pkg={}", pkg.to_string_lossy());
    let m = Mock::start(&["--www", &www_s, "--static", &pkg_s]);

    let index = m.raw("GET", "/", &[], None).unwrap();
    assert_eq!(index.status, 200);
    assert_eq!(index.text(), "<h1>demo</h1>");
    assert!(index
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    assert!(index.header("x-request-id").is_some());
    let mjs = m.raw("GET", "/app.mjs", &[], None).unwrap();
    assert!(mjs
        .header("content-type")
        .unwrap()
        .starts_with("text/javascript"));
    let wasm = m.raw("GET", "/pkg/lib_bg.wasm", &[], None).unwrap();
    assert_eq!(wasm.header("content-type"), Some("application/wasm"));
    assert_eq!(wasm.body, b"\0asm\x01\0\0\0");
    let js = m.raw("GET", "/pkg/lib.js", &[], None).unwrap();
    assert!(js
        .header("content-type")
        .unwrap()
        .starts_with("text/javascript"));
    m.raw("GET", "/missing.js", &[], None).unwrap().error(404);
    m.raw("GET", "/pkg/%2E%2E/www/index.html", &[], None)
        .unwrap()
        .error(404);
    // The API still needs its key even with static mounts.
    m.raw("GET", G, &[], None).unwrap().error(401);
    assert_eq!(m.post(G, json!({"name": "x"})).status, 200);
    let _ = std::fs::remove_dir_all(&dir);
}
