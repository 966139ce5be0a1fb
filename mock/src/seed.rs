//! Starting data. Deterministic: the same ids, names and times on every start and reset.

use std::collections::BTreeSet;

use crate::config::{Config, SeedKind};
use crate::store::{Group, OrgRole, Role, Store, User};

/// Creation time of the seeded organization (2024-03-26), in Unix seconds.
const T0: i64 = 1_711_471_533;

/// Demo users: (name, is owner). Emails are `first.last@example.com`.
const PEOPLE: &[(&str, bool)] = &[
    ("Ada Lovelace", true),
    ("Grace Hopper", true),
    ("Alan Turing", true),
    ("Katherine Johnson", true),
    ("Linus Torvalds", false),
    ("Margaret Hamilton", false),
    ("Dennis Ritchie", false),
    ("Barbara Liskov", false),
    ("Ken Thompson", false),
    ("Frances Allen", false),
    ("Donald Knuth", false),
    ("Radia Perlman", false),
    ("John McCarthy", false),
    ("Shafi Goldwasser", false),
    ("Edsger Dijkstra", false),
    ("Hedy Lamarr", false),
    ("Tim Berners-Lee", false),
    ("Annie Easley", false),
    ("Vint Cerf", false),
    ("Jean Bartik", false),
    ("Bjarne Stroustrup", false),
    ("Sophie Wilson", false),
    ("Guido van Rossum", false),
    ("Adele Goldberg", false),
    ("James Gosling", false),
    ("Evelyn Boyd Granville", false),
    ("Niklaus Wirth", false),
    ("Mary Kenneth Keller", false),
    ("Leslie Lamport", false),
    ("Carol Shaw", false),
    ("Yukihiro Matsumoto", false),
    ("Joan Clarke", false),
    ("Anders Hejlsberg", false),
    ("Lynn Conway", false),
    ("Rob Pike", false),
    ("Susan Kare", false),
    ("Whitfield Diffie", false),
    ("Elizabeth Feinler", false),
    ("Bob Kahn", false),
    ("Kathleen Booth", false),
    ("Chinedu Okafor", false),
    ("Mei Tanaka", false),
    ("José Álvarez", false),
    ("Zoë Müller", false),
];

/// Demo groups: (name, SCIM managed).
const GROUPS: &[(&str, bool)] = &[
    ("Engineering", false),
    ("Platform", false),
    ("Data Science", false),
    ("Support Team", false),
    ("Sales", false),
    ("Marketing", false),
    ("Finance", false),
    ("Security", true),
    ("Legal", false),
    ("Design", false),
    ("Research", true),
    ("Operations", false),
];

/// Demo custom roles: (name, description, permissions).
const CUSTOM_ROLES: &[(&str, &str, &[&str])] = &[
    (
        "API Group Manager",
        "Allows managing organization groups",
        &["api.groups.read", "api.groups.write"],
    ),
    (
        "User Auditor",
        "Read-only access to users and groups",
        &["api.users.read", "api.groups.read"],
    ),
    (
        "Role Administrator",
        "Manages custom roles and their assignments",
        &["api.roles.read", "api.roles.write"],
    ),
    (
        "Billing Viewer",
        "Can view usage and invoices",
        &["api.usage.read", "api.billing.read"],
    ),
];

/// Builds the store the configuration asks for.
pub fn build(cfg: &Config) -> Store {
    let mut s = Store::default();
    predefined_roles(&mut s);
    if cfg.seed == SeedKind::Demo {
        demo(&mut s);
    }
    if cfg.seed == SeedKind::Medium {
        bench(&mut s, &medium(cfg));
    } else {
        bench(&mut s, cfg);
    }
    // Projects last, so that the ids of everything else are as they were before projects.
    if cfg.seed == SeedKind::Demo {
        crate::seed_projects::demo(&mut s);
    }
    crate::seed_projects::bench(&mut s, cfg.projects);
    s
}

fn role(
    s: &mut Store,
    name: &str,
    desc: &str,
    perms: &[&str],
    predefined: bool,
    by: Option<String>,
) -> String {
    let id = s.ids.next("role");
    let t = T0 + s.roles.len() as i64 * 3600;
    s.roles.insert(
        id.clone(),
        Role {
            id: id.clone(),
            name: name.to_owned(),
            description: Some(desc.to_owned()),
            permissions: perms.iter().map(|p| p.to_string()).collect(),
            resource_type: "api.organization".to_owned(),
            predefined,
            created_at: t,
            updated_at: t,
            created_by: by,
            groups: BTreeSet::new(),
            users: BTreeSet::new(),
        },
    );
    id
}

fn predefined_roles(s: &mut Store) {
    let all = [
        "api.organization.read",
        "api.organization.write",
        "api.groups.read",
        "api.groups.write",
        "api.users.read",
        "api.users.write",
        "api.roles.read",
        "api.roles.write",
    ];
    role(
        s,
        "Owner",
        "Full administrative access to the organization",
        &all,
        true,
        None,
    );
    let read = [
        "api.organization.read",
        "api.groups.read",
        "api.users.read",
        "api.roles.read",
    ];
    role(
        s,
        "Reader",
        "Read-only access to the organization",
        &read,
        true,
        None,
    );
}

/// `first.last@example.com`, ASCII only.
fn email_for(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| match c {
            'á' | 'à' => 'a',
            'é' => 'e',
            'ë' => 'e',
            'ü' => 'u',
            c => c,
        })
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ' || *c == '-')
        .collect();
    format!(
        "{}@example.com",
        ascii
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(".")
    )
}

fn user(
    s: &mut Store,
    name: &str,
    email: Option<String>,
    role: OrgRole,
    service: bool,
    at: i64,
) -> String {
    let id = s.ids.next("user");
    s.insert_user(User {
        id: id.clone(),
        name: name.to_owned(),
        email,
        role,
        added_at: at,
        is_service_account: service,
        technical_level: None,
        developer_persona: None,
        groups: BTreeSet::new(),
        roles: BTreeSet::new(),
    });
    id
}

fn group(s: &mut Store, name: &str, scim: bool, at: i64) -> String {
    let id = s.ids.next("group");
    s.groups.insert(
        id.clone(),
        Group {
            id: id.clone(),
            name: name.to_owned(),
            created_at: at,
            is_scim_managed: scim,
            members: BTreeSet::new(),
            roles: BTreeSet::new(),
        },
    );
    id
}

fn demo(s: &mut Store) {
    let mut users = Vec::new();
    for (i, (name, owner)) in PEOPLE.iter().enumerate() {
        let role = if *owner {
            OrgRole::Owner
        } else {
            OrgRole::Reader
        };
        users.push(user(
            s,
            name,
            Some(email_for(name)),
            role,
            false,
            T0 + i as i64 * 86_400,
        ));
    }
    let bot_at = T0 + PEOPLE.len() as i64 * 86_400;
    users.push(user(s, "Deploy Bot", None, OrgRole::Reader, true, bot_at));

    let groups: Vec<String> = GROUPS
        .iter()
        .enumerate()
        .map(|(i, (name, scim))| group(s, name, *scim, T0 + 3_600 + i as i64 * 7 * 86_400))
        .collect();
    // Everyone is in one or two groups; the last group ("Operations") stays empty.
    let filled = groups.len() - 1;
    for (i, uid) in users.iter().enumerate() {
        s.link_member(&groups[i % filled], uid);
        if i % 3 == 0 {
            s.link_member(&groups[(i * 7 + 1) % filled], uid);
        }
    }
    let custom: Vec<String> = CUSTOM_ROLES
        .iter()
        .map(|(name, desc, perms)| role(s, name, desc, perms, false, Some(users[0].clone())))
        .collect();
    let owner = s
        .role_named("Owner")
        .map(|r| r.id.clone())
        .unwrap_or_default();
    let reader = s
        .role_named("Reader")
        .map(|r| r.id.clone())
        .unwrap_or_default();
    for (g, r) in [
        (0, &custom[0]),
        (1, &custom[0]),
        (1, &owner),
        (7, &custom[1]),
        (7, &custom[2]),
        (6, &custom[3]),
        (3, &reader),
    ] {
        s.link_group_role(&groups[g], r);
    }
    for (u, r) in [
        (0, &owner),
        (1, &custom[2]),
        (4, &custom[0]),
        (4, &custom[1]),
        (5, &custom[1]),
        (9, &custom[3]),
    ] {
        s.link_user_role(&users[u], r);
    }
}

/// The medium seed's sizes: 300 users, 30 groups of 20, 5 custom roles, 2 SCIM groups, 1 owner,
/// each replaced by its flag when given.
fn medium(cfg: &Config) -> Config {
    let or = |given: usize, default: usize| if given == 0 { default } else { given };
    Config {
        users: or(cfg.users, 300),
        groups: or(cfg.groups, 30),
        members_per_group: Some(cfg.members_per_group.unwrap_or(20)),
        roles: or(cfg.roles, 5),
        scim_groups: or(cfg.scim_groups, 2),
        owners: or(cfg.owners, 1),
        ..cfg.clone()
    }
}

/// Synthetic data for load tests: users named `Bench User 000001` (email
/// `bench.user.000001@example.com`, the first `owners` of them owners, the rest readers), groups
/// `Bench Group 000001` (`scim_groups` of them SCIM managed, spread evenly). Without
/// `members_per_group`, user i joins group i mod N; with it, see [`member_index`]. Links are built
/// directly (no map lookups) so 100k users and 100k groups seed quickly.
fn bench(s: &mut Store, cfg: &Config) {
    let t = T0 + 400 * 86_400;
    let (users, groups) = (cfg.users, cfg.groups);
    let scim_every = (cfg.scim_groups > 0).then(|| (groups / cfg.scim_groups).max(1));
    let mut gs: Vec<Group> = (1..=groups)
        .map(|i| Group {
            id: s.ids.next("group"),
            name: format!("Bench Group {i:06}"),
            created_at: t,
            is_scim_managed: scim_every
                .is_some_and(|every| (i - 1) % every == 0 && (i - 1) / every < cfg.scim_groups),
            members: BTreeSet::new(),
            roles: BTreeSet::new(),
        })
        .collect();
    let mut us: Vec<User> = (1..=users)
        .map(|i| User {
            id: s.ids.next("user"),
            name: format!("Bench User {i:06}"),
            email: Some(format!("bench.user.{i:06}@example.com")),
            role: if i <= cfg.owners {
                OrgRole::Owner
            } else {
                OrgRole::Reader
            },
            added_at: t,
            is_service_account: false,
            technical_level: None,
            developer_persona: None,
            groups: BTreeSet::new(),
            roles: BTreeSet::new(),
        })
        .collect();
    let mut join = |g: usize, u: usize| {
        gs[g].members.insert(us[u].id.clone());
        us[u].groups.insert(gs[g].id.clone());
    };
    match cfg.members_per_group {
        _ if groups == 0 || users == 0 => {}
        None => (1..=users).for_each(|i| join(i % groups, i - 1)),
        Some(m) => {
            let m = m.min(users);
            for g in 0..groups {
                (0..m).for_each(|k| join(g, member_index(g, k, m, users)));
            }
        }
    }
    bench_roles(s, cfg.roles, &mut gs, &mut us);
    us.into_iter().for_each(|u| s.insert_user(u));
    s.groups.extend(gs.into_iter().map(|g| (g.id.clone(), g)));
}

/// The user index of member `k` (of `m`) of synthetic group `g`, over `users` users: group `g`
/// starts at `g * 7919 mod users` and steps by the first number ≥ users / m that is coprime with
/// `users`, so a group's members are distinct and spread over the whole range, and no two groups
/// (up to `users` of them) have the same members.
fn member_index(g: usize, k: usize, m: usize, users: usize) -> usize {
    let mut step = (users / m.max(1)).max(1);
    while gcd(step, users) != 1 {
        step += 1;
    }
    (g * 7919 + k * step) % users
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// Permissions the synthetic roles take two at a time.
const BENCH_PERMISSIONS: &[&str] = &[
    "api.groups.read",
    "api.groups.write",
    "api.users.read",
    "api.users.write",
    "api.roles.read",
    "api.roles.write",
    "api.usage.read",
    "api.billing.read",
];

/// Synthetic custom roles `Bench Role 001`…: role r assigned to every even group g with
/// g / 2 mod n = r, and directly to every tenth user (user 10j gets role j mod n).
fn bench_roles(s: &mut Store, n: usize, gs: &mut [Group], us: &mut [User]) {
    if n == 0 {
        return;
    }
    let ids: Vec<String> = (0..n)
        .map(|r| {
            let p = BENCH_PERMISSIONS;
            let perms = [p[r % p.len()], p[(r + 3) % p.len()]];
            let name = format!("Bench Role {:03}", r + 1);
            role(
                s,
                &name,
                "Synthetic role for load tests",
                &perms,
                false,
                None,
            )
        })
        .collect();
    for (g, group) in gs.iter_mut().enumerate().filter(|(g, _)| g % 2 == 0) {
        let r = &ids[(g / 2) % n];
        group.roles.insert(r.clone());
        if let Some(role) = s.roles.get_mut(r) {
            role.groups.insert(group.id.clone());
        }
    }
    for (u, user) in us.iter_mut().enumerate().filter(|(u, _)| u % 10 == 0) {
        let r = &ids[(u / 10) % n];
        user.roles.insert(r.clone());
        if let Some(role) = s.roles.get_mut(r) {
            role.users.insert(user.id.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn large() -> Store {
        let cfg = Config {
            seed: SeedKind::Empty,
            users: 2000,
            groups: 200,
            members_per_group: Some(50),
            roles: 20,
            scim_groups: 5,
            owners: 2,
            ..Config::default()
        };
        build(&cfg)
    }

    #[test]
    fn medium_seed_has_300_users_and_30_groups() {
        let s = build(&Config {
            seed: SeedKind::Medium,
            ..Config::default()
        });
        let custom = s.roles.values().filter(|r| !r.predefined).count();
        assert_eq!((s.users.len(), s.groups.len(), custom), (300, 30, 5));
        assert!(s.groups.values().all(|g| g.members.len() == 20));
    }

    #[test]
    fn large_org_has_the_asked_sizes() {
        let s = large();
        assert_eq!(s.users.len(), 2000);
        assert_eq!(s.groups.len(), 200);
        let memberships: usize = s.groups.values().map(|g| g.members.len()).sum();
        assert_eq!(memberships, 10_000);
        let back: usize = s.users.values().map(|u| u.groups.len()).sum();
        assert_eq!(back, 10_000, "links kept in both directions");
        assert!(s.groups.values().all(|g| g.members.len() == 50));
        let custom = s.roles.values().filter(|r| !r.predefined).count();
        assert_eq!(custom, 20);
        assert_eq!(s.groups.values().filter(|g| g.is_scim_managed).count(), 5);
        let owners = s.users.values().filter(|u| u.role == OrgRole::Owner);
        assert_eq!(owners.count(), 2);
        assert_eq!(
            s.groups.values().filter(|g| !g.roles.is_empty()).count(),
            100
        );
        assert_eq!(
            s.users.values().filter(|u| !u.roles.is_empty()).count(),
            200
        );
        let distinct: BTreeSet<&BTreeSet<String>> = s.groups.values().map(|g| &g.members).collect();
        assert_eq!(distinct.len(), 200, "no two groups have the same members");
    }

    #[test]
    fn without_members_per_group_user_i_joins_group_i_mod_n() {
        let cfg = Config {
            seed: SeedKind::Empty,
            users: 10,
            groups: 3,
            ..Config::default()
        };
        let s = build(&cfg);
        assert!(s.users.values().all(|u| u.groups.len() == 1));
        let sizes: Vec<usize> = s.groups.values().map(|g| g.members.len()).collect();
        assert_eq!(sizes, vec![3, 4, 3]);
    }
}
