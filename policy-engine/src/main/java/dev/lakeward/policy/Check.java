package dev.lakeward.policy;

/** One question of a batch: may the principal do this action on this securable? */
public record Check(Action action, Securable securable) {
}
