use openai_admin_derive::Model;

#[derive(Model)]
pub struct Group {
    pub created_at: i32,
}

fn main() {}
