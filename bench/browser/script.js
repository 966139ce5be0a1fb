// What the size case bundles and the browser case runs, the same for both SDKs: list groups,
// create a group role, list users. `org` is `client.admin.organization`. The Node list cases
// (bench/case.mjs) run the same list loops.
export function script(org) {
  return {
    /** The first page of groups (one item): loads whatever the SDK loads lazily. */
    async firstPage() {
      const page = await org.groups.list({ limit: 1 });
      return page.data.length;
    },
    /** Every group, pages of 1,000. */
    async listGroups() {
      let n = 0;
      for await (const g of org.groups.list({ limit: 1000 })) if (g.id) n++;
      return n;
    },
    /** Every user, pages of 100. */
    async listUsers() {
      let n = 0;
      for await (const u of org.users.list({ limit: 100 })) if (u.id) n++;
      return n;
    },
    /** Assigns a role to a group (bundled for the size case; the benchmark never calls it). */
    createGroupRole(groupID, roleID) {
      return org.groups.roles.create(groupID, { role_id: roleID });
    },
  };
}
