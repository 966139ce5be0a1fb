//! Arbitrary text as an access file: the reader never panics, and every error it returns has a
//! position inside the text (line from 1, within the text's lines; column from 1). A file it
//! accepts plans against an empty organization and against a small one without panicking, and
//! reads the same way twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openai_admin_access::file::{dump, read, Format};
use openai_admin_access::model::{Group, Role, User};
use openai_admin_access::plan::{plan, PlanOptions};
use openai_admin_access::Model;

fn small_org() -> Model {
    let mut m = Model::new();
    m.add_user(User {
        id: "u1".into(),
        name: Some("Ada".into()),
        email: Some("a@x.com".into()),
        role: Some("owner".into()),
        scim: false,
    });
    m.add_group(Group { id: "g1".into(), name: "Eng".into(), scim: false });
    m.add_group(Group { id: "g2".into(), name: "Sup".into(), scim: true });
    m.add_role(Role {
        id: "r1".into(),
        name: "R".into(),
        description: None,
        permissions: vec!["p".into()],
        predefined: false,
    });
    m.set_members("g1", ["u1".to_owned()]);
    m
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match read(text) {
        Err(e) => {
            // YAML's line breaks: `\n`, `\r\n`, and a lone `\r`.
            let lines = 1 + text.replace("\r\n", "\n").matches(['\n', '\r']).count();
            assert!(e.line >= 1 && e.line <= lines + 1, "line {} of {lines}: {e}", e.line);
            assert!(e.column >= 1, "{e}");
            assert!(!e.message.is_empty());
        }
        Ok(file) => {
            assert_eq!(read(text).ok().as_ref(), Some(&file));
            for model in [Model::new(), small_org()] {
                for prune in [false, true] {
                    let p = plan(&model, &file, PlanOptions { prune });
                    for (i, op) in p.operations.iter().enumerate() {
                        assert!(op.depends_on.iter().all(|d| *d < i), "{op:?}");
                    }
                }
                let _ = dump(&model, Format::Yaml);
            }
        }
    }
});
