package org.linli.categories;

import java.time.Duration;

/** Time allowed for each step of the loop: accept, dispatch, handle, feed back (限时受理、派单、处置、反馈). */
public record StepLimits(Duration accept, Duration dispatch, Duration handle, Duration feedback) {}
