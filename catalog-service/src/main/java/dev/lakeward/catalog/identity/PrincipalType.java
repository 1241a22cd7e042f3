package dev.lakeward.catalog.identity;

public enum PrincipalType {
    USER, GROUP, SERVICE_PRINCIPAL
}
