package org.linli.cases;

import java.time.Instant;

/**
 * One summoned department's task on a case (部门报到): it must check in by {@code deadline}, then
 * complete within the handling limit. {@code deadline} is null once done.
 */
public record SummonsTask(String department, String departmentName, Status status, Instant summonedAt,
                          Instant deadline, String result) {
    public enum Status { SUMMONED, CHECKED_IN, DONE }

    public boolean open() {
        return status != Status.DONE;
    }

    public SummonsTask with(Status s, Instant newDeadline, String newResult) {
        return new SummonsTask(department, departmentName, s, summonedAt, newDeadline, newResult);
    }
}
