/** Points (积分制): the ledger and its monthly cap, awards, ratings folded into members' aggregates; ports PointsStore, RatingQueue. */
package org.linli.volunteer.points;
