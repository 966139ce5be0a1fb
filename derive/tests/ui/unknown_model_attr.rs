use openai_admin_derive::Model;

#[derive(Model)]
pub struct Group {
    #[model(pattern = "^g_")]
    pub id: String,
}

fn main() {}
