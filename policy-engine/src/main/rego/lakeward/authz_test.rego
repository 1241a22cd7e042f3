package lakeward.authz_test

import rego.v1

import data.lakeward.authz

metastore := {"type": "METASTORE", "id": "m", "full_name": "lakeward", "owner": "admin"}

catalog := {"type": "CATALOG", "id": "c", "full_name": "main", "owner": "main_owner", "parent": metastore}

schema := {"type": "SCHEMA", "id": "s", "full_name": "main.sales", "owner": "sales_owner", "parent": catalog}

table := {"type": "TABLE", "id": "t", "full_name": "main.sales.orders", "owner": "orders_owner", "parent": schema}

applies_to := {
	"USE_CATALOG": ["CATALOG"], "USE_SCHEMA": ["SCHEMA"], "SELECT": ["TABLE"], "MODIFY": ["TABLE"],
	"CREATE_TABLE": ["SCHEMA"], "BROWSE": ["CATALOG", "SCHEMA", "TABLE"], "MANAGE": ["CATALOG", "SCHEMA", "TABLE"],
}

roles := {"provisioners": "scim-provisioners", "lineage_writers": "lineage-writers"}

reader_grants := {"c": {"alice": ["USE_CATALOG"]}, "s": {"alice": ["USE_SCHEMA"]}, "t": {"analysts": ["SELECT"]}}

decide(principal, action, securable, grants, groups) := authz.decisions with input as {
	"principal": {"name": principal, "kind": "USER"},
	"checks": [{"action": action, "securable": securable}],
}
	with data.lakeward as {"grants": grants, "groups": groups, "applies_to": applies_to, "roles": roles}

test_group_grant_reaches_member if {
	decide("alice", "SELECT", table, reader_grants, {"alice": ["analysts"]}) == [{"allowed": true, "reason": "holds SELECT"}]
}

test_nested_group_grant_reaches_member if {
	[d] := decide("alice", "SELECT", table, reader_grants, {"alice": ["team"], "team": ["analysts"]})
	d.allowed
}

test_first_missing_use_is_named if {
	[d] := decide("bob", "SELECT", table, reader_grants, {})
	not d.allowed
	d.reason == "User bob does not have USE CATALOG on catalog 'main'"
}

test_missing_select_is_named if {
	[d] := decide("alice", "SELECT", table, reader_grants, {})
	d.reason == "User alice does not have SELECT on table 'main.sales.orders'"
}

test_owner_of_metastore_is_admin if {
	[d] := decide("admin", "MANAGE", table, {}, {})
	d.allowed
}

test_all_privileges_is_not_manage if {
	[d] := decide("alice", "MANAGE", table, {"c": {"alice": ["ALL_PRIVILEGES"]}}, {})
	d.reason == "User alice does not have MANAGE on table 'main.sales.orders'"
}

test_browse_shows_metadata_without_use if {
	[d] := decide("alice", "READ_METADATA", table, {"c": {"alice": ["BROWSE"]}}, {})
	d.allowed
}

test_create_table_needs_use_schema_on_the_schema if {
	[d] := decide("alice", "CREATE_TABLE", schema, {"c": {"alice": ["USE_CATALOG"]}, "s": {"alice": ["CREATE_TABLE"]}}, {})
	d.reason == "User alice does not have USE SCHEMA on schema 'main.sales'"
}

test_batch_answers_in_order if {
	result := authz.decisions with input as {
		"principal": {"name": "alice", "kind": "USER"},
		"checks": [{"action": "SELECT", "securable": table}, {"action": "MODIFY", "securable": table}],
	}
		with data.lakeward as {"grants": reader_grants, "groups": {"alice": ["analysts"]}, "applies_to": applies_to}
	[r.allowed | some r in result] == [true, false]
}

test_provisioner_through_a_nested_group if {
	[d] := decide("okta", "PROVISION_IDENTITIES", metastore, {}, {"okta": ["idp-apps"], "idp-apps": ["scim-provisioners"]})
	d == {"allowed": true, "reason": "member of 'scim-provisioners'"}
}

test_metastore_admin_provisions if {
	[d] := decide("admin", "PROVISION_IDENTITIES", metastore, {}, {})
	d.allowed
}

test_non_member_may_not_provision if {
	[d] := decide("bob", "PROVISION_IDENTITIES", metastore, {}, {"bob": ["analysts"]})
	d == {"allowed": false, "reason": "User bob does not have MANAGE on metastore 'lakeward'"}
}

test_bearing_the_group_name_is_not_membership if {
	[d] := decide("scim-provisioners", "PROVISION_IDENTITIES", metastore, {}, {})
	not d.allowed
}

test_lineage_writer_needs_no_modify if {
	[d] := decide("spark", "WRITE_LINEAGE", table, {}, {"spark": ["lineage-writers"]})
	d == {"allowed": true, "reason": "member of 'lineage-writers'"}
}

test_other_reporters_need_modify if {
	[d] := decide("alice", "WRITE_LINEAGE", table, reader_grants, {"alice": ["analysts"]})
	d.reason == "User alice does not have MODIFY on table 'main.sales.orders'"
}

test_a_provisioner_is_no_lineage_writer if {
	[d] := decide("okta", "WRITE_LINEAGE", table, {}, {"okta": ["scim-provisioners"]})
	d.reason == "User okta does not have USE CATALOG on catalog 'main'"
}

test_without_roles_data_no_one_holds_a_role if {
	[d] := authz.decisions with input as {
		"principal": {"name": "okta", "kind": "SERVICE_PRINCIPAL"},
		"checks": [{"action": "PROVISION_IDENTITIES", "securable": metastore}],
	}
		with data.lakeward as {"grants": {}, "groups": {"okta": ["scim-provisioners"]}, "applies_to": applies_to}
	d.reason == "Service principal okta does not have MANAGE on metastore 'lakeward'"
}
