package org.linli.notify;

import java.util.List;

/**
 * The phones a reporter gave in the reports of one case - the only phones Linli holds for a
 * resident (accounts carry none). A pseudonymous reporter (the hotline's, an Open311 client's)
 * files many reports, each with its caller's phone: all of this case's are listed, each a person.
 */
public interface ReporterPhones {
    /** The distinct phones, as given (normalised), of {@code reporterId}'s reports in the case; empty when none (or erased). */
    List<String> phones(String caseId, String reporterId);
}
