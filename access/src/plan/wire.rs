//! Plans as the boundary writes them (`AccessPlan` in `wasm/types.rs`) and reads them back
//! (`apply`, `resolveOperation`).

use super::{Blocked, Change, Plan, PlanId, PlanOperation, Refusal, Unmanaged};
use crate::json::{json_object, FromJson, Object, ObjectWriter, ToJson, Value};

impl ToJson for PlanId {
    fn write_json(&self, out: &mut String) {
        match self {
            PlanId::Known(id) => id.write_json(out),
            PlanId::From { from } => {
                let mut o = ObjectWriter::new(out);
                o.field("from", from);
                o.end();
            }
        }
    }
}

impl FromJson for PlanId {
    fn from_json(value: &Value) -> Result<Self, String> {
        match value {
            Value::String(id) => Ok(PlanId::Known(id.clone())),
            _ => match value.get("from").map(usize::from_json) {
                Some(Ok(from)) => Ok(PlanId::From { from }),
                _ => Err("expected an id or `{ from: i }`".to_owned()),
            },
        }
    }
}

impl Change {
    /// Its sign on the wire.
    pub fn sign(self) -> &'static str {
        match self {
            Change::Add => "+",
            Change::Remove => "-",
            Change::Update => "~",
        }
    }
}

impl ToJson for Change {
    fn write_json(&self, out: &mut String) {
        self.sign().write_json(out);
    }
}

impl FromJson for Change {
    fn from_json(value: &Value) -> Result<Self, String> {
        [Change::Add, Change::Remove, Change::Update]
            .into_iter()
            .find(|c| value.as_str() == Some(c.sign()))
            .ok_or_else(|| "expected `+`, `-` or `~`".to_owned())
    }
}

impl ToJson for Refusal {
    fn write_json(&self, out: &mut String) {
        match self {
            Refusal::NoOwnerLeft => "noOwnerLeft".write_json(out),
            Refusal::NoProjectOwnerLeft => "noProjectOwnerLeft".write_json(out),
        }
    }
}

impl FromJson for Refusal {
    fn from_json(value: &Value) -> Result<Self, String> {
        match value.as_str() {
            Some("noOwnerLeft") => Ok(Refusal::NoOwnerLeft),
            Some("noProjectOwnerLeft") => Ok(Refusal::NoProjectOwnerLeft),
            _ => Err("expected `noOwnerLeft` or `noProjectOwnerLeft`".to_owned()),
        }
    }
}

json_object!(PlanOperation {
    "operation" => operation,
    "ids" => ids,
    "body" => body,
    "summary" => summary,
    "change" => change,
    "dependsOn" => depends_on,
});
json_object!(Blocked { "subject" => subject, "reason" => reason });
json_object!(Unmanaged { "kind" => kind, "name" => name, "id" => id });
json_object!(Plan {
    "operations" => operations,
    "blocked" => blocked,
    "unmanaged" => unmanaged,
    "refused" => refused,
});

impl FromJson for PlanOperation {
    fn from_json(value: &Value) -> Result<Self, String> {
        let o = Object::of(value)?;
        Ok(PlanOperation {
            operation: o.req("operation")?,
            ids: o.req("ids")?,
            body: o.req("body")?,
            summary: o.req("summary")?,
            change: o.req("change")?,
            depends_on: o.opt("dependsOn")?,
        })
    }
}

impl FromJson for Blocked {
    fn from_json(value: &Value) -> Result<Self, String> {
        let o = Object::of(value)?;
        Ok(Blocked {
            subject: o.req("subject")?,
            reason: o.req("reason")?,
        })
    }
}

impl FromJson for Unmanaged {
    fn from_json(value: &Value) -> Result<Self, String> {
        let o = Object::of(value)?;
        Ok(Unmanaged {
            kind: o.req("kind")?,
            name: o.req("name")?,
            id: o.req("id")?,
        })
    }
}

impl FromJson for Plan {
    fn from_json(value: &Value) -> Result<Self, String> {
        let o = Object::of(value)?;
        Ok(Plan {
            operations: o.req("operations")?,
            blocked: o.req("blocked")?,
            unmanaged: o.req("unmanaged")?,
            refused: o.req("refused")?,
        })
    }
}
