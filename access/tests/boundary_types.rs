//! The access module's TypeScript declarations (`src/wasm/types.rs`) held to what the boundary
//! writes and reads (`src/json/`): every boundary type is produced by the code that ships (each enum variant at least
//! once; an exhaustive `match` makes a new variant a compile error here), written out as typed
//! TypeScript constants, and type-checked with `tsc --strict` against the declarations. A field
//! added, renamed or removed on either side fails: an object literal may carry no property its
//! type lacks, and must carry every one it requires. The inputs (`MembershipEdit`, `PersonEdit`,
//! the `assignmentOf` subject) go the other way: one value with every field, type-checked as the
//! declared type and read by the boundary's reader with unknown fields denied.

#[cfg(test)]
mod boundary {
    use std::path::{Path, PathBuf};
    use std::process::Command;

    use openai_admin_access::apply::{Outcome, Status};
    use openai_admin_access::assignment::{assignment_of, Subject};
    use openai_admin_access::file::read;
    use openai_admin_access::json::{self as wire, ToJson};
    use openai_admin_access::organization::Organization;
    use openai_admin_access::plan::{
        plan, Change, MembershipEdit, PersonEdit, PlanOptions, ProjectMembershipEdit, Refusal,
    };
    use openai_admin_access::projects::answers as project_answers;
    use openai_admin_access::{answers, Model};
    use serde_json::{json, Value};

    fn every_change() -> Vec<Change> {
        let all = vec![Change::Add, Change::Remove, Change::Update];
        for c in &all {
            match c {
                Change::Add | Change::Remove | Change::Update => {}
            }
        }
        all
    }

    fn every_status() -> Vec<Status> {
        let all = vec![Status::Done, Status::Failed, Status::Skipped];
        for s in &all {
            match s {
                Status::Done | Status::Failed | Status::Skipped => {}
            }
        }
        all
    }

    fn every_refusal() -> Vec<Refusal> {
        let all = vec![Refusal::NoOwnerLeft, Refusal::NoProjectOwnerLeft];
        for r in &all {
            match r {
                Refusal::NoOwnerLeft | Refusal::NoProjectOwnerLeft => {}
            }
        }
        all
    }

    fn model() -> Model {
        let mut m = Model::new();
        m.add_users_json(
            r#"[{"id":"u1","name":"Ada","email":"ada@example.com","role":"owner"},
                {"id":"u2","email":"bob@example.com","role":"reader","is_scim_managed":true},
                {"id":"u3","user":{"name":"Cy"}}]"#,
        )
        .unwrap();
        m.add_groups_json(
            r#"[{"id":"g1","name":"Ops"},{"id":"g2","name":"Idp","is_scim_managed":true}]"#,
        )
        .unwrap();
        m.add_roles_json(
            r#"[{"id":"r1","name":"Auditor","description":"reads","permissions":["api.groups.read"]},
                {"id":"r2","name":"Owner","predefined_role":true}]"#,
        )
        .unwrap();
        m.set_group_members_json("g1", r#"[{"id":"u1"},{"id":"u2"}]"#)
            .unwrap();
        m.set_group_roles_json("g1", r#"[{"id":"r1","name":"Auditor"}]"#)
            .unwrap();
        m.set_user_roles_json(
            "u1",
            r#"[{"id":"r1","name":"Auditor","assignment_sources":[
                {"principal_type":"user","principal_id":"u1"},{"principal_type":"group","principal_id":"g1"}]}]"#,
        )
        .unwrap();
        // A project: Ada owns it, Ops has access with a custom role, Ada's own roles read.
        m.add_projects_json(r#"[{"id":"proj_a","name":"bot","status":"active"},{"id":"proj_z","name":"old","status":"archived"}]"#)
            .unwrap();
        m.set_project_members_json(
            "proj_a",
            r#"[{"id":"u1","role":"owner"},{"id":"u3","role":"member"}]"#,
        )
        .unwrap();
        m.set_project_groups_json("proj_a", r#"[{"group_id":"g1","group_name":"Ops"}]"#)
            .unwrap();
        m.set_project_roles_json("proj_a", r#"[{"id":"role-api-project-owner__api-project__proj_a","name":"Project Owner","predefined_role":true},
            {"id":"role_p","name":"Keys","permissions":["api.keys.read"]}]"#)
            .unwrap();
        m.set_project_group_roles_json("proj_a", "g1", r#"[{"id":"role_p","name":"Keys"}]"#)
            .unwrap();
        m.set_project_user_roles_json("proj_a", "u1", r#"[{"id":"role_p","name":"Keys","assignment_sources":[{"principal_type":"user","principal_id":"u1"}]}]"#)
            .unwrap();
        m
    }

    /// `const name: Type[] = [...values];`
    fn constant<T: ToJson>(name: &str, ty: &str, values: &[T]) -> String {
        let value: Value = serde_json::from_str(&wire::to_string(values)).unwrap();
        let json = serde_json::to_string_pretty(&value).unwrap();
        format!("export const {name}: {ty}[] = {json};\n")
    }

    /// The declarations between `r#"` and `"#` of `src/wasm/types.rs`.
    fn declarations(root: &Path) -> String {
        let text = std::fs::read_to_string(root.join("src/wasm/types.rs")).unwrap();
        let start = text.find("r#\"").expect("a raw string") + 3;
        let end = text.rfind("\"#").expect("its end");
        text[start..end].to_owned()
    }

    fn tsc(workspace: &Path) -> PathBuf {
        let tsc = workspace.join("node_modules/.bin/tsc");
        assert!(
            tsc.exists(),
            "{} is missing: run `npm ci` at the workspace root",
            tsc.display()
        );
        tsc
    }

    #[test]
    fn declarations_match_what_serde_writes_and_reads() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let workspace = root.parent().unwrap();
        let m = model();
        let mut ts = String::from("import type * as T from './types.js';\n");

        ts += &constant(
            "accessOf",
            "T.AccessOfAnswer",
            &["u1", "u2", "u3"].map(|u| answers::access_of(&m, u).unwrap()),
        );
        ts += &constant(
            "holdersOf",
            "T.HoldersOfAnswer",
            &[answers::holders_of(&m, "r1").unwrap()],
        );
        ts += &constant(
            "group",
            "T.GroupAnswer",
            &[answers::group(&m, "g1").unwrap()],
        );
        ts += &constant("users", "T.AccessUserRow", &answers::users(&m, None));
        ts += &constant(
            "user",
            "T.AccessUserRow",
            &[answers::user(&m, "bob@example.com")],
        );
        ts += &constant("stats", "T.AccessStats", &[answers::stats(&m)]);
        ts += &constant(
            "projectHolders",
            "T.ProjectHoldersAnswer",
            &[project_answers::holders_of_project(&m, "bot").unwrap()],
        );
        ts += &constant(
            "projects",
            "T.AccessProjectRow",
            &project_answers::projects(&m, true),
        );
        ts += &constant(
            "roleReads",
            "T.ProjectRoleRead",
            &project_answers::role_reads(&m, None, Some("bot")),
        );
        ts += &constant(
            "projectsRead",
            "T.ProjectsRead",
            &[project_answers::projects_read(&m)],
        );
        let mut org = Organization::new();
        org.change(|o| *o = m.clone());
        let hits: Vec<_> = ["ada", "bob", "ops", "auditor", "bot"]
            .iter()
            .flat_map(|q| org.search(q, 5))
            .collect();
        let hit_values: Value = serde_json::from_str(&wire::to_string(&hits)).unwrap();
        let kinds: Vec<&str> = hit_values
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|h| h["kind"].as_str())
            .collect();
        for kind in ["user", "group", "role", "project"] {
            assert!(kinds.contains(&kind), "a {kind} hit: {kinds:?}");
        }
        ts += &constant("hits", "T.AccessHit", &hits);
        let subject = |user: Option<&str>, group: Option<&str>| Subject {
            user: user.map(str::to_owned),
            group: group.map(str::to_owned),
        };
        ts += &constant(
            "assignments",
            "T.AssignmentOfAnswer",
            &[
                assignment_of(&m, &subject(Some("u1"), None), "r1").unwrap(),
                assignment_of(&m, &subject(None, Some("g1")), "r1").unwrap(),
            ],
        );

        // Plans: every change kind, `{ from }` ids, blocked and unmanaged entries, a refusal.
        let file = read(
            "roles:\n  Writer:\n    permissions: [api.groups.write]\n  Auditor:\n    id: r1\n    description: new\n\
             groups:\n  New:\n    members: [ada@example.com]\n    roles: [Writer]\n  Idp:\n    members: [ada@example.com]\n  Ops:\n    members: []\n",
        )
        .unwrap();
        let full = plan(&m, &file, PlanOptions { prune: false });
        let refused = plan(
            &m,
            &read("users:\n  ada@example.com:\n    role: reader\n").unwrap(),
            PlanOptions::default(),
        );
        let mut changes: Vec<Change> = full.operations.iter().map(|o| o.change).collect();
        changes.sort_by_key(|c| format!("{c:?}"));
        changes.dedup();
        assert_eq!(changes.len(), every_change().len(), "{changes:?}");
        assert!(full.operations.iter().any(|o| o
            .ids
            .values()
            .any(|i| matches!(i, openai_admin_access::plan::PlanId::From { .. }))));
        assert!(!full.blocked.is_empty() && !full.unmanaged.is_empty());
        let project_refused = plan(
            &m,
            &read("projects:\n  bot:\n    members:\n      ada@example.com: member\n").unwrap(),
            PlanOptions::default(),
        );
        let project_plan = plan(
            &m,
            &read("projects:\n  bot:\n    members:\n      ada@example.com: owner\n      bob@example.com: member\n    groups:\n      Ops: [Keys, Project Owner]\n  nope:\n    members: {}\n").unwrap(),
            PlanOptions::default(),
        );
        assert!(!project_plan.operations.is_empty() && !project_plan.blocked.is_empty());
        assert_eq!(
            [refused.refused, project_refused.refused],
            [0, 1].map(|i| every_refusal().get(i).copied())
        );
        ts += &constant(
            "plans",
            "T.AccessPlan",
            &[full, refused, project_refused, project_plan],
        );
        let outcomes: Vec<Outcome> = every_status()
            .into_iter()
            .map(|status| Outcome {
                status,
                result: (status == Status::Done).then(|| wire::parse(r#"{"id":"g9"}"#).unwrap()),
            })
            .collect();
        ts += &constant("outcomes", "T.AccessOutcome", &outcomes);

        // Inputs: one value with every field, checked by tsc as the declared type and read by the
        // boundary's reader.
        let membership = json!({ "group": "Ops", "add": ["ada@example.com"], "remove": ["u2"] });
        let person = json!({
            "user": "u2", "organizationRole": "owner", "addGroups": ["Ops"], "removeGroups": ["g2"],
            "addRoles": ["Auditor"], "removeRoles": ["r2"]
        });
        let who = json!({ "user": "u1", "group": "g1" });
        let read = |v: &Value| wire::parse(&v.to_string()).unwrap();
        wire::from_str::<MembershipEdit>(&membership.to_string()).expect("MembershipEdit reads");
        wire::from_str::<PersonEdit>(&person.to_string()).expect("PersonEdit reads");
        let project = json!({
            "project": "billing-bot", "add": [{ "user": "u2", "role": "owner" }], "remove": ["u3"],
            "addRoles": [{ "user": "u2", "role": "Auditor" }], "removeRoles": [{ "user": "u4", "role": "r2" }]
        });
        wire::from_str::<ProjectMembershipEdit>(&project.to_string())
            .expect("ProjectMembershipEdit reads");
        wire::from_str::<Subject>(&who.to_string()).expect("the subject reads");
        ts += &constant("membership", "T.MembershipEdit", &[read(&membership)]);
        ts += &constant("person", "T.PersonEdit", &[read(&person)]);
        ts += &constant("project", "T.ProjectMembershipEdit", &[read(&project)]);
        ts += &constant("subject", "T.AssignmentSubject", &[read(&who)]);

        let dir = workspace.join("target/access-boundary-types");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("types.d.ts"), declarations(root)).unwrap();
        std::fs::write(dir.join("samples.ts"), ts).unwrap();
        let out = Command::new(tsc(workspace))
            .args([
                "--strict",
                "--noEmit",
                "--exactOptionalPropertyTypes",
                "--target",
                "es2022",
                "--module",
                "nodenext",
            ])
            .arg(dir.join("samples.ts"))
            .output()
            .expect("tsc runs");
        assert!(
            out.status.success(),
            "the declarations and what the boundary writes differ:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
