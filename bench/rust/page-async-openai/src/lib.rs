//! `examples/wasm-page` with async-openai: the same page, the same work (every group, page
//! after page, into `#groups`; the outcome into `#status`), for the size comparison.

#[cfg(target_arch = "wasm32")]
mod page {
    use async_openai::config::OpenAIConfig;
    use async_openai::traits::RequestOptionsBuilder;
    use async_openai::Client;
    use wasm_bindgen::prelude::*;

    /// Lists every group into `#groups`, and what happened into `#status`.
    #[wasm_bindgen]
    pub async fn list_groups(base_url: String, key: String) -> Result<(), JsValue> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| JsValue::from_str("no document"))?;
        let list = document.get_element_by_id("groups").ok_or("no #groups")?;
        let status = document.get_element_by_id("status").ok_or("no #status")?;
        list.set_inner_html("");
        let client = Client::with_config(
            OpenAIConfig::new()
                .with_api_key(key)
                .with_api_base(base_url),
        );
        let mut after: Option<String> = None;
        let mut count = 0;
        loop {
            let query: Vec<(&str, String)> = after.iter().map(|a| ("after", a.clone())).collect();
            let admin = client.admin();
            let groups = admin.groups();
            let page = match groups.query(&query) {
                Ok(groups) => groups.list().await,
                Err(error) => Err(error),
            };
            let page = match page {
                Ok(page) => page,
                Err(error) => {
                    status.set_text_content(Some(&format!("Error: {error}")));
                    return Ok(());
                }
            };
            for group in &page.data {
                let item = document.create_element("li")?;
                item.set_text_content(Some(&group.name));
                item.set_attribute("data-id", &group.id)?;
                list.append_child(&item)?;
                count += 1;
            }
            match (page.has_more, page.next) {
                (true, Some(next)) => after = Some(next),
                _ => break,
            }
        }
        status.set_text_content(Some(&format!("{count} groups")));
        Ok(())
    }
}
