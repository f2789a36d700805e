package org.linli.volunteer;

import java.time.Duration;

/**
 * Time rules of micro-wishes: a wish's date must lie between {@code minLead} and
 * {@code maxHorizon} ahead when placed; a published wish unclaimed after {@code claimWindow}, or
 * a claimed one not served by its deadline, shows up in the staff's supervision lists. A claim's
 * deadline is the wish's date, but at most {@code serveWindow} after the claim.
 */
public record WishRules(Duration minLead, Duration maxHorizon, Duration claimWindow, Duration serveWindow) {}
