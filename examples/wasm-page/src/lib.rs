//! A minimal page written in Rust: it lists the organization's groups through the async client
//! `openai-admin`, writing them into the page with `web-sys`. `index.html` loads it and calls
//! [`list_groups`] with the base URL and the key typed into the page; the key is kept nowhere.
//! Built and opened in headless Chromium against the mock by `scripts/test-client-page.sh`.

#[cfg(target_arch = "wasm32")]
mod page {
    use openai_admin::Client;
    use wasm_bindgen::prelude::*;
    use web_sys::{Document, Element};

    fn document() -> Result<Document, JsValue> {
        web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| JsValue::from_str("no document"))
    }

    fn by_id(document: &Document, id: &str) -> Result<Element, JsValue> {
        document
            .get_element_by_id(id)
            .ok_or_else(|| JsValue::from_str(&format!("no #{id}")))
    }

    /// Lists every group (page after page) into `#groups`, and what happened into `#status`.
    #[wasm_bindgen]
    pub async fn list_groups(base_url: String, key: String) -> Result<(), JsValue> {
        let document = document()?;
        let list = by_id(&document, "groups")?;
        let status = by_id(&document, "status")?;
        list.set_inner_html("");
        status.set_text_content(Some("Loading…"));
        let result = async {
            let client = Client::builder().api_key(key).base_url(base_url).build()?;
            let mut page = client.admin().organization().groups().list(None).await?;
            let mut count = 0;
            loop {
                for group in page.data() {
                    let item = document.create_element("li")?;
                    item.set_text_content(Some(&group.name));
                    item.set_attribute("data-id", &group.id)?;
                    list.append_child(&item)?;
                    count += 1;
                }
                match page.next_page().await? {
                    Some(next) => page = next,
                    None => break,
                }
            }
            Ok::<usize, Failure>(count)
        }
        .await;
        match result {
            Ok(count) => status.set_text_content(Some(&format!("{count} groups"))),
            Err(Failure::Api(error)) => {
                status.set_text_content(Some(&format!("Error ({:?}): {error}", error.kind())))
            }
            Err(Failure::Dom(error)) => return Err(error),
        }
        Ok(())
    }

    enum Failure {
        Api(openai_admin::Error),
        Dom(JsValue),
    }

    impl From<openai_admin::Error> for Failure {
        fn from(error: openai_admin::Error) -> Self {
            Failure::Api(error)
        }
    }

    impl From<JsValue> for Failure {
        fn from(error: JsValue) -> Self {
            Failure::Dom(error)
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub use page::list_groups;
