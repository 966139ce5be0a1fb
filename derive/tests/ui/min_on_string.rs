use openai_admin_derive::Model;

#[derive(Model)]
pub struct Group {
    #[model(min = 0)]
    pub name: String,
}

fn main() {}
