//! The one reading of `{ from: i }`: an id a plan's operation takes from the result of its
//! operation `i`. The in-memory apply ([`crate::apply`]), the package's `applyPlan` (the id to
//! send) and its `retryPlan` (the id, or the operation's new index) all resolve through
//! [`resolve_operation`].

use super::{PlanId, PlanOperation};
use crate::json::{Object, Value};

/// An operation whose `{ from }` names an operation that gave no id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unresolved {
    /// The operation it needs.
    pub from: usize,
}

/// `op` with every `{ from: i }`, in its ids and anywhere in its body, replaced by `lookup(i)`: a
/// known id, or another `{ from }` (an operation renumbered). Fails with the first `i` that
/// `lookup` has no answer for.
pub fn resolve_operation(
    op: &PlanOperation,
    lookup: impl Fn(usize) -> Option<PlanId>,
) -> Result<PlanOperation, Unresolved> {
    let mut ids = op.ids.clone();
    for id in ids.values_mut() {
        if let PlanId::From { from } = *id {
            *id = lookup(from).ok_or(Unresolved { from })?;
        }
    }
    let body = match &op.body {
        Some(body) => Some(resolve_value(body, &lookup)?),
        None => None,
    };
    Ok(PlanOperation {
        ids,
        body,
        ..op.clone()
    })
}

/// The index of a `{ from: i }` value: an object with the one key `from`, a whole number.
fn from_index(value: &Value) -> Option<usize> {
    let map = value.as_object()?;
    if map.len() != 1 {
        return None;
    }
    map.get("from")?.as_index()
}

fn resolve_value(
    value: &Value,
    lookup: &impl Fn(usize) -> Option<PlanId>,
) -> Result<Value, Unresolved> {
    if let Some(from) = from_index(value) {
        return Ok(match lookup(from).ok_or(Unresolved { from })? {
            PlanId::Known(id) => Value::String(id),
            PlanId::From { from } => crate::json::object([("from", from.into())]),
        });
    }
    Ok(match value {
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|v| resolve_value(v, lookup))
                .collect::<Result<_, _>>()?,
        ),
        Value::Object(map) => {
            let mut out = Object::new();
            for (k, v) in map.iter() {
                out.insert(k.clone(), resolve_value(v, lookup)?);
            }
            Value::Object(out)
        }
        other => other.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{from_serde, to_serde};
    use crate::plan::Change;
    use serde_json::json;

    fn op() -> PlanOperation {
        from_serde(json!({
            "operation": "groups.roles.create",
            "ids": { "group_id": { "from": 0 } },
            "body": { "role_id": { "from": 1 }, "keep": { "from": 1, "other": 2 } },
            "summary": "assign role Auditor to group Ops",
            "change": "+",
            "dependsOn": [0, 1]
        }))
    }

    #[test]
    fn replaces_every_from_in_ids_and_body() {
        let done = resolve_operation(&op(), |i| Some(PlanId::Known(format!("id_{i}")))).unwrap();
        assert_eq!(done.ids["group_id"], PlanId::Known("id_0".into()));
        assert_eq!(
            done.body.as_ref().map(to_serde),
            Some(json!({ "role_id": "id_1", "keep": { "from": 1, "other": 2 } }))
        );
        assert_eq!(done.change, Change::Add);
        assert_eq!(done.depends_on, [0, 1]);
    }

    #[test]
    fn renumbers_or_names_the_missing_operation() {
        let renumbered = resolve_operation(&op(), |i| match i {
            0 => Some(PlanId::From { from: 0 }),
            _ => Some(PlanId::Known("role_x".into())),
        })
        .unwrap();
        assert_eq!(renumbered.ids["group_id"], PlanId::From { from: 0 });
        assert_eq!(to_serde(&renumbered.body)["role_id"], "role_x");
        let missing = resolve_operation(&op(), |i| (i == 0).then(|| PlanId::Known("g".into())));
        assert_eq!(missing, Err(Unresolved { from: 1 }));
    }
}
