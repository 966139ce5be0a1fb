//! The exports that read or write text: the access file (`plan`, `planRoleReads`, `dump`) and
//! CSV (`planCsv`, `exportCsv`). Without the feature `file` the module has no text reader or
//! writer (`bench/access-split.sh` measures what these exports weigh).

use js_sys::{Error as JsError, Reflect};
use wasm_bindgen::prelude::*;

use super::{error, to_js, AccessModel};
use crate::csv;
use crate::file::{self, FileError, Format};
use crate::plan::PlanOptions;

fn file_error(e: &FileError) -> JsValue {
    let err = JsError::new(&e.message);
    err.set_name("AccessFileError");
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&err, &"line".into(), &(e.line as f64).into());
    let _ = Reflect::set(&err, &"column".into(), &(e.column as f64).into());
    err.into()
}

/// The first error, thrown, carrying every error found in `errors` (`{ message, line, column }`).
fn file_errors(errors: &[FileError]) -> JsValue {
    let err = file_error(&errors[0]);
    let all = js_sys::Array::new();
    for e in errors {
        let item = js_sys::Object::new();
        let _ = Reflect::set(&item, &"message".into(), &e.message.as_str().into());
        let _ = Reflect::set(&item, &"line".into(), &(e.line as f64).into());
        let _ = Reflect::set(&item, &"column".into(), &(e.column as f64).into());
        all.push(&item);
    }
    let _ = Reflect::set(&err, &"errors".into(), &all);
    err
}

#[wasm_bindgen]
impl AccessModel {
    /// The access file of the organization, as YAML (`"yaml"`, the default) or JSON.
    pub fn dump(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "'yaml' | 'json'")] format: Option<String>,
    ) -> Result<String, JsValue> {
        let format = match format.as_deref() {
            None | Some("yaml") => Format::Yaml,
            Some("json") => Format::Json,
            Some(other) => {
                return Err(error(&format!(
                    "format must be 'yaml' or 'json', not '{other}'"
                )))
            }
        };
        Ok(file::dump(self.model(), format))
    }

    /// The plan that makes the organization match the access file `text` (YAML or JSON).
    /// Throws an `AccessFileError` (`line`, `column`) for a bad file, with every error found in
    /// `errors`.
    #[wasm_bindgen(unchecked_return_type = "AccessPlan")]
    pub fn plan(
        &self,
        text: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "{ prune?: boolean }")] options: Option<
            js_sys::Object,
        >,
    ) -> Result<JsValue, JsValue> {
        let prune = options
            .and_then(|o| Reflect::get(&o, &"prune".into()).ok())
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        let access_file = file::read_all(text).map_err(|e| file_errors(&e))?;
        to_js(&crate::plan::plan(
            self.model(),
            &access_file,
            PlanOptions { prune },
        ))
    }

    /// `group,email` (`"memberships"`), `role,principal_type,principal,source`
    /// (`"assignments"`) or `project,email,role` (`"projects"`) rows, with a header.
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(
        &self,
        #[wasm_bindgen(unchecked_param_type = "'memberships' | 'assignments' | 'projects'")]
        kind: &str,
    ) -> Result<String, JsValue> {
        csv::export(self.model(), kind).map_err(|e| error(&e))
    }

    /// The plan of CSV rows `group,email[,action]` (action `add`, the default, or `remove`) over
    /// the groups they name, or, after a header starting with `project`, of
    /// `project,email,role[,action]` rows (role `owner` or `member`) over the projects they name.
    /// Its `unmanaged` lists the groups the rows do not name, and for project rows the active
    /// projects they do not name (group rows leave the projects alone, unlisted). Throws an
    /// `AccessFileError` with every bad row's line.
    #[wasm_bindgen(js_name = planCsv, unchecked_return_type = "AccessPlan")]
    pub fn plan_csv(&self, text: &str) -> Result<JsValue, JsValue> {
        let plan = csv::plan_csv_all(self.model(), text).map_err(|e| file_errors(&e))?;
        to_js(&plan)
    }

    /// Whether CSV rows are `project,email,role[,action]` rows (a header starting with
    /// `project`), not `group,email[,action]` rows.
    #[wasm_bindgen(js_name = csvHasProjectRows)]
    pub fn csv_has_project_rows(text: &str) -> bool {
        csv::has_project_rows(text)
    }

    /// The members' project role lists a plan of this access file depends on (read or not):
    /// every member of each project whose entry gives `users:`, what a loader reads before
    /// planning it. Throws the file's `AccessFileError` for a bad file.
    #[wasm_bindgen(js_name = planRoleReads, unchecked_return_type = "ProjectRoleRead[]")]
    pub fn plan_role_reads(&self, text: &str) -> Result<JsValue, JsValue> {
        let file = file::read_all(text).map_err(|e| file_errors(&e))?;
        to_js(&crate::plan::plan_role_reads(self.model(), &file))
    }
}
