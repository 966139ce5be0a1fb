use openai_admin_derive::Model;

#[derive(Model)]
#[serde(rename_all = "Title Case")]
pub enum Order {
    Asc,
    Desc,
}

fn main() {}
