use openai_admin_derive::Model;

#[derive(Model)]
pub struct Id(pub String);

fn main() {}
