use openai_admin_derive::Model;

#[derive(Model)]
pub struct Page {
    #[serde(flatten)]
    pub rest: String,
}

fn main() {}
