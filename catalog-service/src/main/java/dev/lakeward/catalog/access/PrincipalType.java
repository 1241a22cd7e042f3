package dev.lakeward.catalog.access;

public enum PrincipalType {
    USER, GROUP, SERVICE_PRINCIPAL
}
