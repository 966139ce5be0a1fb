//! Starting projects. Deterministic: the same ids, names and times on every start and reset.
//!
//! The demo seed has seven projects over the demo people and groups: the default project, four
//! active ones with owners, members, groups with access, custom project roles and role
//! assignments (direct, and through groups), and two archived ones. `--projects N` adds N
//! synthetic projects over every user and group (see [`bench`]).

use crate::store::projects::{long_role_id, GroupAccess, Member, MemberRole, Project};
use crate::store::{Role, Store};

/// Creation time of the seeded projects (2024-04-01), in Unix seconds.
const T0: i64 = 1_711_929_600;

/// A demo project: name, archived, owners, members, groups with their predefined role (short
/// id), custom roles (name, permissions), and assignments of those custom roles (to a member by
/// name, or to a group by name).
struct Demo {
    name: &'static str,
    archived: bool,
    owners: &'static [&'static str],
    members: &'static [&'static str],
    groups: &'static [(&'static str, &'static str)],
    roles: &'static [(&'static str, &'static [&'static str])],
    assigned: &'static [(&'static str, &'static str)],
}

const KEYS: &[&str] = &[
    "api.organization.projects.api_keys.read",
    "api.organization.projects.api_keys.write",
];

const DEMO: &[Demo] = &[
    Demo {
        name: "Default project",
        archived: false,
        owners: &["Ada Lovelace"],
        members: &[],
        groups: &[],
        roles: &[],
        assigned: &[],
    },
    Demo {
        name: "billing-bot",
        archived: false,
        owners: &["Grace Hopper"],
        members: &["Linus Torvalds", "Margaret Hamilton", "Frances Allen"],
        groups: &[
            ("Finance", "role-api-project-member"),
            ("Support Team", "role-api-project-viewer"),
        ],
        roles: &[
            ("API Project Key Manager", KEYS),
            ("Invoice Reader", &["api.billing.read"]),
        ],
        assigned: &[
            ("Frances Allen", "API Project Key Manager"),
            ("Finance", "Invoice Reader"),
        ],
    },
    Demo {
        name: "Support Assistant",
        archived: false,
        owners: &["Alan Turing", "Donald Knuth"],
        members: &["Radia Perlman", "John McCarthy", "Shafi Goldwasser"],
        groups: &[("Support Team", "role-api-project-member")],
        roles: &[("API Project Key Manager", KEYS)],
        assigned: &[("Radia Perlman", "API Project Key Manager")],
    },
    Demo {
        name: "Research Sandbox",
        archived: false,
        owners: &["Katherine Johnson"],
        members: &["Barbara Liskov", "Leslie Lamport"],
        groups: &[
            ("Research", "role-api-project-member"),
            ("Data Science", "role-api-project-owner"),
        ],
        roles: &[("Model Evaluator", &["api.model.read", "api.evals.write"])],
        assigned: &[
            ("Data Science", "Model Evaluator"),
            ("Leslie Lamport", "Model Evaluator"),
        ],
    },
    Demo {
        name: "Data Pipeline",
        archived: false,
        owners: &["Dennis Ritchie", "Ken Thompson"],
        members: &["Edsger Dijkstra", "Hedy Lamarr"],
        groups: &[
            ("Engineering", "role-api-project-member"),
            ("Platform", "role-api-project-owner"),
        ],
        roles: &[("Key Rotator", KEYS)],
        assigned: &[("Platform", "Key Rotator")],
    },
    Demo {
        name: "Legacy Chatbot",
        archived: true,
        owners: &["Ada Lovelace"],
        members: &["Vint Cerf"],
        groups: &[],
        roles: &[],
        assigned: &[],
    },
    Demo {
        name: "Old Experiments",
        archived: true,
        owners: &["Tim Berners-Lee"],
        members: &[],
        groups: &[],
        roles: &[],
        assigned: &[],
    },
];

fn id_named<'a, V>(
    map: impl Iterator<Item = (&'a String, V)>,
    name: impl Fn(&V) -> bool,
) -> Option<String> {
    map.filter(|(_, v)| name(v)).map(|(k, _)| k.clone()).next()
}

/// A custom project role of `project`.
fn custom_role(s: &mut Store, p: &mut Project, name: &str, perms: &[&str], at: i64) -> String {
    let id = s.ids.next("role");
    p.roles.insert(
        id.clone(),
        Role {
            id: id.clone(),
            name: name.to_owned(),
            description: Some(format!("{name} for {}", p.name)),
            permissions: perms.iter().map(|x| x.to_string()).collect(),
            resource_type: "api.project".to_owned(),
            predefined: false,
            created_at: at,
            updated_at: at,
            created_by: None,
            groups: Default::default(),
            users: Default::default(),
        },
    );
    id
}

/// The demo projects (only with the demo seed, over its people and groups).
pub fn demo(s: &mut Store) {
    for (i, d) in DEMO.iter().enumerate() {
        let at = T0 + i as i64 * 86_400;
        let user = |name: &str| id_named(s.users.iter(), |u| u.name == name);
        let group = |name: &str| id_named(s.groups.iter(), |g| g.name == name);
        let owners = d.owners.iter().map(|n| (user(n), MemberRole::Owner));
        let people: Vec<_> = owners
            .chain(d.members.iter().map(|n| (user(n), MemberRole::Member)))
            .collect();
        let granted: Vec<_> = d
            .groups
            .iter()
            .map(|(n, short)| (group(n), *short))
            .collect();
        let assigned: Vec<_> = d
            .assigned
            .iter()
            .map(|(who, role)| (user(who), group(who), *role))
            .collect();

        let mut p = Project::new(s.ids.next("proj"), d.name.to_owned(), at);
        p.is_default = i == 0;
        for (id, role) in people {
            if let Some(id) = id {
                let roles = Default::default();
                p.users.insert(
                    id,
                    Member {
                        role,
                        added_at: at + 60,
                        roles,
                    },
                );
            }
        }
        for (name, perms) in d.roles {
            custom_role(s, &mut p, name, perms, at + 180);
        }
        for (id, short) in granted {
            if let Some(id) = id {
                let roles = Default::default();
                p.groups.insert(
                    id.clone(),
                    GroupAccess {
                        created_at: at + 120,
                        roles,
                    },
                );
                p.link_group_role(&id, &long_role_id(short, &p.id));
            }
        }
        for (u, g, role) in assigned {
            let Some(role) = p.role_named(role).map(|r| r.id.clone()) else {
                continue;
            };
            if let Some(u) = u {
                p.link_user_role(&u, &role);
            } else if let Some(g) = g {
                p.link_group_role(&g, &role);
            }
        }
        if d.archived {
            p.archived_at = Some(at + 30 * 86_400);
        }
        s.projects.insert(p.id.clone(), p);
    }
}

/// `n` synthetic projects `Bench Project 001`…, over every user and group there is: project k has
/// an owner and 9 members (user k·7 mod users onwards, every 11th), one group with access as
/// members (group k mod groups), and one custom role `Bench Project Role` assigned to its second
/// member and to its group.
pub fn bench(s: &mut Store, n: usize) {
    let users: Vec<String> = s.users.keys().cloned().collect();
    let groups: Vec<String> = s.groups.keys().cloned().collect();
    let at = T0 + 400 * 86_400;
    for k in 0..n {
        let mut p = Project::new(
            s.ids.next("proj"),
            format!("Bench Project {:03}", k + 1),
            at,
        );
        let people: Vec<&String> = if users.is_empty() {
            Vec::new()
        } else {
            let count = users.len().min(10);
            (0..count)
                .map(|j| &users[(k * 7 + j * 11) % users.len()])
                .collect()
        };
        for (j, id) in people.iter().enumerate() {
            let role = if j == 0 {
                MemberRole::Owner
            } else {
                MemberRole::Member
            };
            let member = Member {
                role,
                added_at: at,
                roles: Default::default(),
            };
            p.users.entry((*id).clone()).or_insert(member);
        }
        let role = custom_role(s, &mut p, "Bench Project Role", KEYS, at);
        if let Some(g) = (!groups.is_empty()).then(|| groups[k % groups.len()].clone()) {
            p.groups.insert(
                g.clone(),
                GroupAccess {
                    created_at: at,
                    roles: Default::default(),
                },
            );
            p.link_group_role(&g, &long_role_id("role-api-project-member", &p.id));
            p.link_group_role(&g, &role);
        }
        if let Some(second) = people.get(1) {
            p.link_user_role(second, &role);
        }
        s.projects.insert(p.id.clone(), p);
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, SeedKind};
    use crate::seed::build;

    #[test]
    fn the_demo_has_seven_projects_two_archived_and_bench_adds_n() {
        let s = build(&Config::default());
        assert_eq!(s.projects.len(), 7);
        assert_eq!(
            s.projects
                .values()
                .filter(|p| p.archived_at.is_some())
                .count(),
            2
        );
        let bot = s
            .projects
            .values()
            .find(|p| p.name == "billing-bot")
            .unwrap();
        assert_eq!(bot.users.len(), 4);
        assert_eq!(bot.groups.len(), 2);
        assert_eq!(bot.roles.values().filter(|r| !r.predefined).count(), 2);
        assert!(bot.users.values().any(|m| !m.roles.is_empty()));
        assert!(bot.groups.values().all(|g| !g.roles.is_empty()));

        let cfg = Config {
            seed: SeedKind::Empty,
            users: 100,
            groups: 10,
            projects: 40,
            ..Config::default()
        };
        let s = build(&cfg);
        assert_eq!(s.projects.len(), 40);
        assert!(s
            .projects
            .values()
            .all(|p| p.users.len() == 10 && p.groups.len() == 1));
        assert!(s.projects.values().all(|p| p.archived_at.is_none()));
    }
}
