use openai_admin_derive::Model;

#[derive(Model)]
pub struct Group {
    pub id: String,
    pub tags: std::collections::HashMap<String, String>,
}

fn main() {}
