use openai_admin_derive::Model;

#[derive(Model)]
#[serde(tag = "type")]
pub struct Group {
    pub id: String,
}

fn main() {}
