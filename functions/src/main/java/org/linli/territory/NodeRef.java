package org.linli.territory;

/** A territory node named by code, with its display name and level. */
public record NodeRef(String code, String name, Level level) {}
