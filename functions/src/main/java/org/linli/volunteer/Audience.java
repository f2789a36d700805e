package org.linli.volunteer;

/**
 * Who is looking at a wish or a log, which decides what he sees: staff covering the community and
 * the resident himself see everything; the claimant sees what he needs to serve (address and
 * phone); an approved member browsing published wishes sees the wish without address and with
 * the phone masked; everyone else sees only fulfilled wishes, masked, in the public feed.
 */
public enum Audience {
    STAFF,
    OWNER,
    CLAIMANT,
    MEMBER,
    PUBLIC
}
