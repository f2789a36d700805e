package org.linli.adapters.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.linli.cycle.DispatchWork;
import org.linli.json.Json;

/** {@code {"type":"cycle.dispatch","v":1,...}} ⇄ {@link DispatchWork}. Codes and dates only. */
public final class DispatchMessage {
    public static final String TYPE = "cycle.dispatch";

    private DispatchMessage() {}

    public static String encode(DispatchWork w) {
        ObjectNode o = Json.object().put("type", TYPE).put("v", 1)
                .put("cycleId", w.cycleId()).put("district", w.district()).put("community", w.community())
                .put("step", w.step()).put("cycleMonth", w.cycleMonth().toString()).put("firedOn", w.firedOn().toString());
        if (w.deadline() != null) o.put("deadline", w.deadline().toString());
        if (w.eventDate() != null) o.put("eventDate", w.eventDate().toString());
        var kinds = o.putArray("kinds");
        w.kinds().forEach(kinds::add);
        return Json.write(o);
    }

    /** Throws IllegalArgumentException for anything that is not a v1 cycle.dispatch message. */
    public static DispatchWork decode(String body) {
        JsonNode n = Messages.parse(body, TYPE);
        try {
            List<String> kinds = new ArrayList<>();
            n.path("kinds").forEach(k -> kinds.add(k.asText()));
            if (kinds.isEmpty()) throw new IllegalArgumentException("no kinds");
            String deadline = Messages.optional(n, "deadline");
            String event = Messages.optional(n, "eventDate");
            return new DispatchWork(Messages.required(n, "cycleId"), Messages.required(n, "district"),
                    Messages.required(n, "community"), Messages.required(n, "step"),
                    YearMonth.parse(Messages.required(n, "cycleMonth")), LocalDate.parse(Messages.required(n, "firedOn")),
                    deadline == null ? null : LocalDate.parse(deadline), event == null ? null : LocalDate.parse(event), kinds);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed cycle.dispatch: " + e.getMessage());
        }
    }
}
