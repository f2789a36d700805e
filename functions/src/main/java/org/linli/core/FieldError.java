package org.linli.core;

/** One invalid input field: a JSON-pointer-like path ({@code location.lat}) and what is wrong with it. */
public record FieldError(String field, String message) {}
