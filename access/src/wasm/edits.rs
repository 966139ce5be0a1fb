//! The exports that plan a change made on screen and apply a plan to the model in memory:
//! membership, person and project-membership edits, `apply`, and the one `{ from }` resolution.
//! Without the feature `edit` the module answers questions only (`bench/access-split.sh`
//! measures what these exports weigh).

use js_sys::JSON;
use wasm_bindgen::prelude::*;

use super::{error, from_json, to_js, to_json, AccessModel};
use crate::apply::Outcome;
use crate::json::{FromJson, ObjectWriter, Value};
use crate::plan::{
    plan_membership, plan_person, plan_project_membership, EditError, Plan, PlanId, PlanOperation,
};
use crate::Model;

impl AccessModel {
    /// The body of every edit export: the edit read from `edit` (`what` names it in an error),
    /// then planned by `plan` (a reference the organization does not have is thrown).
    fn plan_edit<E: FromJson>(
        &self,
        edit: &JsValue,
        what: &str,
        plan: fn(&Model, &E) -> Result<Plan, EditError>,
    ) -> Result<JsValue, JsValue> {
        let edit: E = from_json(edit, what)?;
        to_js(&plan(self.model(), &edit).map_err(|e| error(&e.to_string()))?)
    }
}

#[wasm_bindgen]
impl AccessModel {
    /// The plan that adds people to a group and removes others (ids or emails; the group by id
    /// or name). Throws for a reference the organization does not have, naming the argument.
    #[wasm_bindgen(js_name = planMembership, unchecked_return_type = "AccessPlan")]
    pub fn plan_membership(
        &self,
        #[wasm_bindgen(unchecked_param_type = "MembershipEdit")] edit: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.plan_edit(&edit, "the membership edit", plan_membership)
    }

    /// The plan of one person's change: organization role, groups joined and left, direct
    /// roles assigned and unassigned. Throws for a reference the organization does not have.
    #[wasm_bindgen(js_name = planPerson, unchecked_return_type = "AccessPlan")]
    pub fn plan_person(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PersonEdit")] edit: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.plan_edit(&edit, "the person edit", plan_person)
    }

    /// Applies a plan's operations to the model in memory: all of them, or those whose outcome
    /// (same index) is `done`, taking created ids from the outcomes' results.
    pub fn apply(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "AccessPlan")] plan: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "readonly AccessOutcome[]")]
        outcomes: Option<js_sys::Array>,
    ) -> Result<(), JsValue> {
        let plan: Plan = crate::json::from_str(&to_json(&plan, "the plan")?)
            .map_err(|e| error(&format!("not a plan: {e}")))?;
        let outcomes: Option<Vec<Outcome>> = match outcomes {
            None => None,
            Some(outcomes) => Some(
                crate::json::from_str(&to_json(&outcomes, "outcomes")?)
                    .map_err(|e| error(&format!("not outcomes: {e}")))?,
            ),
        };
        self.org
            .change(|m| crate::apply::apply(m, &plan, outcomes.as_deref()))
            .map_err(|e| error(&e))
    }

    /// The plan of one project's member changes: people added with a project role (`owner` or
    /// `member`) or re-roled, removed, and given or taken back their own project roles. Throws
    /// for a reference the organization does not have, naming the argument.
    #[wasm_bindgen(js_name = planProjectMembership, unchecked_return_type = "AccessPlan")]
    pub fn plan_project_membership(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ProjectMembershipEdit")] edit: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.plan_edit(
            &edit,
            "the project membership edit",
            plan_project_membership,
        )
    }
}

/// `op` with every `{ from: i }` replaced by `ids[i]`: an id (a string), or a new index (a
/// number); `{ missing: i }` for the first `i` with neither. The one `{ from }` resolution.
#[wasm_bindgen(js_name = resolveOperation, unchecked_return_type = "ResolvedOperation")]
pub fn resolve_operation(
    #[wasm_bindgen(unchecked_param_type = "PlanOperation")] op: JsValue,
    #[wasm_bindgen(unchecked_param_type = "readonly (string | number | null)[]")] ids: JsValue,
) -> Result<JsValue, JsValue> {
    let op: PlanOperation = from_json(&op, "the operation")?;
    // What operation i's `{ from: i }` becomes: an id (a string), a new index (a number), or
    // nothing (null).
    let ids: Vec<Value> = from_json(&ids, "ids")?;
    for (i, id) in ids.iter().enumerate() {
        if !matches!(id, Value::Null | Value::String(_)) && id.as_index().is_none() {
            return Err(error(&format!(
                "ids: [{i}]: expected an id, an index or null, not {}",
                id.kind()
            )));
        }
    }
    let lookup = |i: usize| match ids.get(i)? {
        Value::String(id) => Some(PlanId::Known(id.clone())),
        other => Some(PlanId::From {
            from: other.as_index()?,
        }),
    };
    let mut out = String::new();
    let mut o = ObjectWriter::new(&mut out);
    match crate::plan::resolve_operation(&op, lookup) {
        Ok(op) => o.field("operation", &op),
        Err(u) => o.field("missing", &u.from),
    }
    o.end();
    JSON::parse(&out)
}
