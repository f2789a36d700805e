package org.linli.territory.imports;

import java.util.List;

/**
 * An import of another kind than a territory that rides the same pipeline - the jobs and their
 * parts, the import queue, the worker, the progress on the job: a 12345 hotline's daily export of
 * work orders. Unlike a territory (all or nothing), it takes its good rows and leaves out the bad
 * ones, each a problem with its line number; its parts are all of {@link #kind()}. Defined here so
 * that the runner can hand such a job over without knowing the feature (no package cycle).
 */
public interface RowImport {
    ImportPart.Kind kind();

    /** Takes the rows of {@code parts} (CSV slices, each repeating the header), reporting through {@code meter}. */
    Result run(List<ImportPart.Content> parts, ProgressMeter meter);

    /** How many rows were taken now, how many had been taken before (and were left as they were), the bad rows. */
    record Result(int taken, int takenBefore, List<ImportProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }
}
