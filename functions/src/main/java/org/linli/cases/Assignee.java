package org.linli.cases;

import org.linli.territory.WorkerChoice;

/** The person a case is assigned to and the rule that chose him. */
public record Assignee(String userId, String name, WorkerChoice.Rule rule) {}
