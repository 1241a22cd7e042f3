# Lakeward's authorization policy: the same decisions as the built-in evaluator
# (policy-engine/src/main/java/dev/lakeward/policy/BuiltInAuthorizer.java), for OPA.
#
# input: {"principal": {"name", "kind"}, "checks": [{"action", "securable"}]}, where a securable is
#        {"type", "id", "full_name", "owner", "parent"} with its parents up to the metastore.
# data.lakeward: {"grants": {securable id: {principal key: [privilege]}},
#                 "groups": {member key: [group key]}, "applies_to": {privilege: [securable type]},
#                 "roles": {"provisioners": group name, "lineage_writers": group name}}
#                as served by the catalog's bundle endpoint.
# Query data.lakeward.authz.decisions: one {"allowed", "reason"} per check, in order.
package lakeward.authz

import rego.v1

decisions := [decide(check) | some check in input.checks]

grants := object.get(data, ["lakeward", "grants"], {})

groups := object.get(data, ["lakeward", "groups"], {})

applies_to := object.get(data, ["lakeward", "applies_to"], {})

# Without data.lakeward.roles (an older bundle) no one holds a role: fail closed.
roles := object.get(data, ["lakeward", "roles"], {})

# The principal and every group it belongs to, directly or through nested groups.
identities := graph.reachable(groups, {lower(input.principal.name)})

kind_label := {"USER": "User", "SERVICE_PRINCIPAL": "Service principal", "GROUP": "Group"}

type_label := {
	"METASTORE": "metastore", "CATALOG": "catalog", "SCHEMA": "schema", "TABLE": "table",
	"VOLUME": "volume", "FUNCTION": "function", "REGISTERED_MODEL": "registered model",
	"EXTERNAL_LOCATION": "external location", "STORAGE_CREDENTIAL": "credential",
}

use_privilege := {"CATALOG": "USE_CATALOG", "SCHEMA": "USE_SCHEMA"}

visibility_privilege := {"CATALOG": "USE_CATALOG", "SCHEMA": "USE_SCHEMA"}

# The securable and its parents, nearest first (a path is at most four deep).
lineage(s) := array.concat([s], [p |
	some path in [["parent"], ["parent", "parent"], ["parent", "parent", "parent"], ["parent", "parent", "parent", "parent"]]
	p := object.get(s, path, null)
	p != null
])

owns(s) if lower(s.owner) in identities

implies(held, wanted) if held == wanted

implies("ALL_PRIVILEGES", wanted) if not wanted in {"MANAGE", "EXTERNAL_USE_SCHEMA"}

# Whether the principal holds the privilege on s: by owning s or a parent, or by a grant on either.
holds(privilege, s) if {
	some a in lineage(s)
	owns(a)
}

holds(privilege, s) if {
	some a in lineage(s)
	some identity in identities
	some held in object.get(grants, [a.id, identity], [])
	implies(held, privilege)
}

# Any privilege that takes effect on s's type, held on s or above it.
any_privilege_on(s) if {
	some a in lineage(s)
	owns(a)
}

any_privilege_on(s) if {
	some a in lineage(s)
	some identity in identities
	some held in object.get(grants, [a.id, identity], [])
	s.type in object.get(applies_to, held, [])
}

# The containers whose USE privilege is missing on the way down to s, top-down;
# s itself counts only when something is created in it.
missing_use(s, include_self) := [{"privilege": use_privilege[c.type], "on": c} |
	some c in array.reverse(lineage(s))
	use_privilege[c.type]
	counts(c, s, include_self)
	not holds(use_privilege[c.type], c)
]

counts(c, s, _) if c.id != s.id

counts(c, s, true) if c.id == s.id

allow(reason) := {"allowed": true, "reason": reason}

deny(privilege, s) := {"allowed": false, "reason": sprintf("%s %s does not have %s on %s '%s'", [
	kind_label[input.principal.kind], input.principal.name,
	replace(privilege, "_", " "), type_label[s.type], s.full_name,
])}

first_missing(s, include_self) := deny(m.privilege, m.on) if {
	missing := missing_use(s, include_self)
	count(missing) > 0
	m := missing[0]
}

# USE on the containers (and on s itself when creating in it), then the privilege on s.
require_on_path(s, include_self, privilege) := d if {
	d := first_missing(s, include_self)
} else := require_privilege(s, privilege)

read_metadata(s) := allow("the metastore is visible to every principal") if s.type == "METASTORE"

else := allow("holds BROWSE") if holds("BROWSE", s)

else := d if {
	d := first_missing(s, false)
}

else := allow("holds a privilege on it") if any_privilege_on(s)

else := deny(object.get(visibility_privilege, s.type, "BROWSE"), s)

required_privilege := {
	"SELECT": ["SELECT", false], "MODIFY": ["MODIFY", false],
	"CREATE_SCHEMA": ["CREATE_SCHEMA", true], "CREATE_TABLE": ["CREATE_TABLE", true],
	"CREATE_VOLUME": ["CREATE_VOLUME", true], "CREATE_FUNCTION": ["CREATE_FUNCTION", true],
	"CREATE_MODEL": ["CREATE_MODEL", true], "READ_VOLUME": ["READ_VOLUME", false],
	"WRITE_VOLUME": ["WRITE_VOLUME", false], "EXECUTE": ["EXECUTE", false],
	"MANAGE": ["MANAGE", false], "CREATE_EXTERNAL_VOLUME": ["CREATE_EXTERNAL_VOLUME", false],
	"EXTERNAL_USE_SCHEMA": ["EXTERNAL_USE_SCHEMA", false], "READ_FILES": ["READ_FILES", false],
	"WRITE_FILES": ["WRITE_FILES", false], "CREATE_EXTERNAL_TABLE": ["CREATE_EXTERNAL_TABLE", false],
}

decide(check) := read_metadata(check.securable) if check.action == "READ_METADATA"

decide(check) := d if {
	check.action == "CREATE_CATALOG"
	d := require_privilege(check.securable, "CREATE_CATALOG")
}

decide(check) := d if {
	rule := required_privilege[check.action]
	d := require_on_path(check.securable, rule[1], rule[0])
}

# A role is held by the members of its group, through nested groups; bearing the group's name
# (a user named like a group that was deleted or never created) is not membership.
member_of_role(role) if {
	group := lower(roles[role])
	group in identities
	group != lower(input.principal.name)
}

role_allowed(role) := allow(sprintf("member of '%s'", [roles[role]]))

# Provisioning principals (SCIM), asked on the metastore: its admins, or the provisioners.
decide(check) := role_allowed("provisioners") if {
	check.action == "PROVISION_IDENTITIES"
	member_of_role("provisioners")
}

decide(check) := d if {
	check.action == "PROVISION_IDENTITIES"
	not member_of_role("provisioners")
	d := require_privilege(check.securable, "MANAGE")
}

# Reporting lineage with a table (a path in a volume) as an output: the lineage writers, or
# MODIFY on the table (WRITE VOLUME on the volume).
decide(check) := role_allowed("lineage_writers") if {
	check.action == "WRITE_LINEAGE"
	member_of_role("lineage_writers")
}

decide(check) := d if {
	check.action == "WRITE_LINEAGE"
	not member_of_role("lineage_writers")
	d := require_on_path(check.securable, false, lineage_output_privilege(check.securable))
}

lineage_output_privilege(s) := "WRITE_VOLUME" if s.type == "VOLUME"

lineage_output_privilege(s) := "MODIFY" if s.type != "VOLUME"

require_privilege(s, privilege) := allow(sprintf("holds %s", [privilege])) if holds(privilege, s)

else := deny(privilege, s)
