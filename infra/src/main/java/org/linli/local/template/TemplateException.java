package org.linli.local.template;

/** The template cannot be run locally as written; the message names the resource or property. */
public class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
