package org.linli.open311;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.linli.core.FieldError;
import org.linli.json.JsonInput.TextRule;

/**
 * The text checks of a create_request form, before any field is interpreted: every value is text
 * a person typed (no control or bidi-override characters, no broken UTF-8 - the form decoder turns
 * bad bytes into U+FFFD), names fit the contact's 50 characters, an e-mail looks like one.
 */
public final class Open311Form {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Open311Form() {}

    public static List<FieldError> textProblems(Map<String, List<String>> form) {
        List<FieldError> errors = new ArrayList<>();
        form.forEach((field, values) -> {
            TextRule rule = field.equals("description") ? TextRule.MULTI_LINE : TextRule.SINGLE_LINE;
            for (String v : values) {
                String problem = rule.problem(v.strip());
                if (problem != null) errors.add(new FieldError(field, problem));
            }
        });
        for (String field : List.of("first_name", "last_name")) {
            String v = first(form, field);
            if (v != null && v.codePointCount(0, v.length()) > 50) errors.add(new FieldError(field, "is longer than 50 characters"));
        }
        String email = first(form, "email");
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", "is not an e-mail address"));
        }
        return errors;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() || v.get(0).isBlank() ? null : v.get(0).trim();
    }
}
