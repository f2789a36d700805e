package org.linli.core;

/**
 * How much of a person's information a viewer gets (PIPL). The person himself and the staff
 * handling his matter see it {@link #FULL}; anyone else allowed to see the object sees it
 * {@link #MASKED} (张*, 138****1234, the place to about 100 m, numbers in free text masked);
 * the public sees a reporter who asked to stay anonymous not at all ({@link #ANONYMOUS}).
 */
public enum Disclosure {
    FULL,
    MASKED,
    ANONYMOUS
}
