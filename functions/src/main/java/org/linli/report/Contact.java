package org.linli.report;

/** How staff reach the reporter. Personal information: shown to him and handling staff only, never logged. */
public record Contact(String name, String phone) {}
