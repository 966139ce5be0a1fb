use openai_admin_derive::Model;

#[derive(Model)]
#[serde(rename_all = "snake_case")]
pub enum GroupType {
    Group,
    Other(String),
}

fn main() {}
