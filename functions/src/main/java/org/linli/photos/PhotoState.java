package org.linli.photos;

/**
 * Where a photo stands. GRANTED: an upload grant was given, the bytes are not (yet) checked - a
 * write naming it is refused. VALIDATED: checked and re-encoded, may be named and shown.
 * REFUSED: its bytes broke a rule; they were deleted, it can never be named.
 */
public enum PhotoState {
    GRANTED,
    VALIDATED,
    REFUSED
}
