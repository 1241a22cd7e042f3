package dev.lakeward.policy;

/** A privilege on a securable (by id) held by a principal (user, group or service principal). */
public record Grant(String securableId, String principal, Privilege privilege) {
}
