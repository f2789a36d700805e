package org.linli.report;

/** How staff reach the reporter. Personal information: shown to him and handling staff only, never logged. */
public record Contact(String name, String phone) {
    /** Whether there is anything to show (a name or a phone): erased contacts are empty. */
    public boolean present() {
        return name != null || phone != null;
    }
}
