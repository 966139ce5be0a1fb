//! Command line flags.

use std::path::PathBuf;

/// Which data the store starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedKind {
    /// A realistic, deterministic organization.
    Demo,
    /// Only the predefined roles.
    Empty,
    /// A medium organization: the synthetic generator with 300 users, 30 groups of 20 members,
    /// 5 custom roles, 2 SCIM groups and 1 owner (each replaced by its flag when given).
    Medium,
}

/// `--route-limit N/SECONDS`: at most `requests` answered requests per endpoint in any `window`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteLimit {
    /// N
    pub requests: u32,
    /// SECONDS
    pub window: std::time::Duration,
}

impl std::str::FromStr for RouteLimit {
    type Err = String;

    fn from_str(v: &str) -> Result<Self, String> {
        let bad = || format!("--route-limit expects N/SECONDS (e.g. 10/60), got {v}");
        let (n, secs) = v.split_once('/').ok_or_else(bad)?;
        let requests: u32 = n.trim().parse().map_err(|_| bad())?;
        let secs: f64 = secs.trim().parse().map_err(|_| bad())?;
        if requests == 0 || !secs.is_finite() || secs <= 0.0 || secs > 86_400.0 {
            return Err(bad());
        }
        Ok(Self {
            requests,
            window: std::time::Duration::from_secs_f64(secs),
        })
    }
}

/// Which fields the answers carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shapes {
    /// Every field the spec's schemas name (the default).
    Full,
    /// Only the fields the spec's example answers show, per operation (e.g. no `group_type` in
    /// group lists), to test that a client tolerates them.
    Examples,
}

/// What `users.roles.list` (and retrieve) answer for roles that come from groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sources {
    /// Inherited roles are listed too, with `assignment_sources` naming their groups (default).
    Groups,
    /// Only direct assignments are listed, each with `assignment_sources: null`; a client works
    /// out inheritance from group members and group roles.
    Null,
}

/// The server configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Interface to bind.
    pub host: String,
    /// Port to bind (0: any free port).
    pub port: u16,
    /// Base data.
    pub seed: SeedKind,
    /// Answer shapes.
    pub shapes: Shapes,
    /// Extra synthetic users.
    pub users: usize,
    /// Extra synthetic groups.
    pub groups: usize,
    /// Members per synthetic group (`None`: synthetic user i joins group i mod groups).
    pub members_per_group: Option<usize>,
    /// Synthetic custom roles, assigned to half the synthetic groups and every tenth user.
    pub roles: usize,
    /// How many of the synthetic groups are SCIM managed (spread evenly).
    pub scim_groups: usize,
    /// How many of the synthetic users (the first ones) are owners.
    pub owners: usize,
    /// Extra synthetic projects, over every user and group.
    pub projects: usize,
    /// What user role lists say about inherited roles.
    pub sources: Sources,
    /// Delay added to every `/v1` answer, in milliseconds.
    pub latency_ms: u64,
    /// At most this many `/v1` requests per second per key (0: no limit), then 429.
    pub rate_limit: u32,
    /// At most this many answered requests per endpoint in a sliding window, then 429.
    pub route_limit: Option<RouteLimit>,
    /// Whether a `--route-limit` 429 carries `Retry-After` (by default it carries no header).
    pub route_limit_retry_after: bool,
    /// The admin key every API call must present.
    pub admin_key: String,
    /// Static mounts `(url prefix, directory)`, longest prefix first.
    pub mounts: Vec<(String, PathBuf)>,
}

/// Usage text for `--help` and errors.
pub const USAGE: &str = "\
Usage: openai-admin-mock [OPTIONS]

  --host HOST          interface to bind (default 127.0.0.1)
  --port PORT          port, 0 = any free port (default 8787)
  --seed demo|medium|empty
                       starting data (default demo; medium: 300 users, 30 groups)
  --shapes full|examples
                       answer with every field (default) or as the spec's examples do
  --users N            add N synthetic users
  --groups N           add N synthetic groups
  --members-per-group N
                       each synthetic group gets N synthetic members (spread over the users)
  --roles N            add N synthetic custom roles, assigned to groups and users
  --scim-groups N      make N of the synthetic groups SCIM managed
  --owners N           make the first N synthetic users owners
  --projects N         add N synthetic projects (members, a group, a custom role each)
  --assignment-sources groups|null
                       user role lists include inherited roles with their groups (default),
                       or only direct roles with assignment_sources null
  --latency-ms N       delay every /v1 answer by N ms
  --rate-limit N       at most N /v1 requests per second per key, then 429 with Retry-After
  --route-limit N/SECONDS
                       at most N answered requests per endpoint (method and route, ids left
                       out) in any SECONDS, then 429 with no Retry-After or rate-limit headers
  --route-limit-retry-after
                       --route-limit's 429s carry Retry-After (seconds until a slot frees)
  --admin-key KEY      key to require (default $OPENAI_ADMIN_KEY, else sk-admin-demo)
  --www DIR            serve DIR at /
  --static PREFIX=DIR  serve DIR at PREFIX (repeatable), e.g. --static /pkg=pkg
  -h, --help           show this help
";

impl Default for Config {
    fn default() -> Self {
        Self {
            host: "127.0.0.1".to_owned(),
            port: 8787,
            seed: SeedKind::Demo,
            shapes: Shapes::Full,
            users: 0,
            groups: 0,
            members_per_group: None,
            roles: 0,
            scim_groups: 0,
            owners: 0,
            projects: 0,
            sources: Sources::Groups,
            latency_ms: 0,
            rate_limit: 0,
            route_limit: None,
            route_limit_retry_after: false,
            admin_key: std::env::var("OPENAI_ADMIN_KEY")
                .ok()
                .filter(|k| !k.is_empty())
                .unwrap_or_else(|| "sk-admin-demo".to_owned()),
            mounts: Vec::new(),
        }
    }
}

impl Config {
    /// Parses flags (`--flag value` or `--flag=value`). `Ok(None)` means help was asked for.
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Option<Self>, String> {
        let mut cfg = Config::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            if arg == "-h" || arg == "--help" {
                return Ok(None);
            }
            if arg == "--route-limit-retry-after" {
                cfg.route_limit_retry_after = true;
                continue;
            }
            let (flag, inline) = match arg.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
                _ => (arg.clone(), None),
            };
            let mut value = || {
                inline
                    .clone()
                    .or_else(|| args.next())
                    .ok_or(format!("{flag} needs a value"))
            };
            match flag.as_str() {
                "--host" => cfg.host = value()?,
                "--port" => cfg.port = number(&flag, &value()?)?,
                "--users" => cfg.users = number(&flag, &value()?)?,
                "--groups" => cfg.groups = number(&flag, &value()?)?,
                "--members-per-group" => cfg.members_per_group = Some(number(&flag, &value()?)?),
                "--roles" => cfg.roles = number(&flag, &value()?)?,
                "--scim-groups" => cfg.scim_groups = number(&flag, &value()?)?,
                "--owners" => cfg.owners = number(&flag, &value()?)?,
                "--projects" => cfg.projects = number(&flag, &value()?)?,
                "--latency-ms" => cfg.latency_ms = number(&flag, &value()?)?,
                "--rate-limit" => cfg.rate_limit = number(&flag, &value()?)?,
                "--route-limit" => cfg.route_limit = Some(value()?.parse()?),
                "--assignment-sources" => {
                    cfg.sources = match value()?.as_str() {
                        "groups" => Sources::Groups,
                        "null" => Sources::Null,
                        other => {
                            return Err(format!(
                                "--assignment-sources must be groups or null, not {other}"
                            ))
                        }
                    }
                }
                "--admin-key" => cfg.admin_key = value()?,
                "--seed" => {
                    cfg.seed = match value()?.as_str() {
                        "demo" => SeedKind::Demo,
                        "empty" => SeedKind::Empty,
                        "medium" => SeedKind::Medium,
                        other => {
                            return Err(format!(
                                "--seed must be demo, medium or empty, not {other}"
                            ))
                        }
                    }
                }
                "--shapes" => {
                    cfg.shapes = match value()?.as_str() {
                        "full" => Shapes::Full,
                        "examples" => Shapes::Examples,
                        other => {
                            return Err(format!("--shapes must be full or examples, not {other}"))
                        }
                    }
                }
                "--www" => cfg.mounts.push(("/".to_owned(), PathBuf::from(value()?))),
                "--static" => {
                    let v = value()?;
                    let (prefix, dir) = v.split_once('=').ok_or("--static needs PREFIX=DIR")?;
                    let prefix = format!("/{}", prefix.trim_matches('/'));
                    cfg.mounts.push((prefix, PathBuf::from(dir)));
                }
                other => return Err(format!("unknown argument {other}")),
            }
        }
        cfg.mounts.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        Ok(Some(cfg))
    }
}

fn number<T: std::str::FromStr>(flag: &str, v: &str) -> Result<T, String> {
    v.parse()
        .map_err(|_| format!("{flag} expects a number, got {v}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Config {
        Config::parse(args.iter().map(|s| s.to_string()))
            .expect("valid args")
            .expect("not help")
    }

    #[test]
    fn parses_flags_in_both_forms() {
        let c = parse(&[
            "--port=0",
            "--seed",
            "empty",
            "--shapes=examples",
            "--static",
            "/pkg=pkg",
            "--www",
            "www",
            "--users",
            "5",
        ]);
        assert_eq!(c.port, 0);
        assert_eq!(c.seed, SeedKind::Empty);
        assert_eq!(c.shapes, Shapes::Examples);
        assert_eq!(Config::default().shapes, Shapes::Full);
        assert!(Config::parse(["--shapes".to_owned(), "some".to_owned()]).is_err());
        assert_eq!(c.users, 5);
        assert_eq!(c.mounts[0], ("/pkg".to_owned(), PathBuf::from("pkg")));
        assert_eq!(c.mounts[1], ("/".to_owned(), PathBuf::from("www")));
        assert!(Config::parse(["--bogus".to_owned()]).is_err());
    }

    #[test]
    fn parses_large_org_and_traffic_flags() {
        let c = parse(&[
            "--members-per-group=50",
            "--roles",
            "20",
            "--scim-groups=3",
            "--owners=2",
            "--assignment-sources",
            "null",
            "--latency-ms=20",
            "--rate-limit",
            "50",
        ]);
        assert_eq!(c.members_per_group, Some(50));
        assert_eq!((c.roles, c.scim_groups, c.owners), (20, 3, 2));
        assert_eq!(c.sources, Sources::Null);
        assert_eq!((c.latency_ms, c.rate_limit), (20, 50));
        let d = Config::default();
        assert_eq!(
            (d.members_per_group, d.sources, d.rate_limit),
            (None, Sources::Groups, 0)
        );
        assert!(Config::parse(["--assignment-sources=some".to_owned()]).is_err());
        assert!(Config::parse(["--rate-limit=fast".to_owned()]).is_err());
    }

    #[test]
    fn parses_route_limits_and_the_medium_seed() {
        let c = parse(&[
            "--route-limit",
            "10/6",
            "--route-limit-retry-after",
            "--seed=medium",
        ]);
        let limit = c.route_limit.expect("set");
        assert_eq!(limit.requests, 10);
        assert_eq!(limit.window, std::time::Duration::from_secs(6));
        assert!(c.route_limit_retry_after);
        assert_eq!(c.seed, SeedKind::Medium);
        let d = Config::default();
        assert_eq!((d.route_limit, d.route_limit_retry_after), (None, false));
        assert_eq!(
            parse(&["--route-limit=7/0.5"])
                .route_limit
                .map(|l| l.window),
            Some(std::time::Duration::from_millis(500))
        );
        for bad in ["10", "0/6", "10/0", "x/6", "10/-1", "10/fast"] {
            let e = Config::parse(["--route-limit".to_owned(), bad.to_owned()]).unwrap_err();
            assert!(e.contains("--route-limit"), "{e}");
        }
    }
}
