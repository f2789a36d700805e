package org.linli.core;

import java.util.List;

/** Input that breaks the rules, with one message per offending field. */
public final class ValidationFailed extends DomainException {
    private final List<FieldError> fields;

    public ValidationFailed(String message, List<FieldError> fields) {
        super("VALIDATION_FAILED", message);
        this.fields = List.copyOf(fields);
    }

    public ValidationFailed(String code, String message, List<FieldError> fields) {
        super(code, message);
        this.fields = List.copyOf(fields);
    }

    public static ValidationFailed of(String field, String message) {
        return new ValidationFailed("The request is invalid.", List.of(new FieldError(field, message)));
    }

    public List<FieldError> fields() {
        return fields;
    }
}
