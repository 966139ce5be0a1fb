use openai_admin_derive::Model;

#[derive(Model)]
pub struct ListParams {
    #[model(len = 1..=255)]
    pub limit: Option<u32>,
}

fn main() {}
