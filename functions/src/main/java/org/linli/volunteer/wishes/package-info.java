/** Micro-wishes (微心愿) through the six orders: place, review, claim, complete, confirm and rate, the public feed; port WishStore. */
package org.linli.volunteer.wishes;
