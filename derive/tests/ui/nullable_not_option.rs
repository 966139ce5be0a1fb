use openai_admin_derive::Model;

#[derive(Model)]
pub struct Role {
    #[model(nullable)]
    pub description: String,
}

fn main() {}
