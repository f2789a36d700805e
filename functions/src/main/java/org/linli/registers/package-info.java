/**
 * Households and special-care registers of a community (底数清、情况明): households placed on the
 * map's buildings, their residents (name, ID number, phone, relation), care categories
 * (独居/空巢老人, 残疾, 低保/特困, 留守儿童, 退役军人; configurable), the 包联 binding of a care
 * household to a member or grid worker, and the import of a community's ledger. Sensitive personal
 * information under PIPL: who may read what whole is decided here ({@link org.linli.registers.Registers});
 * the store keeps the sensitive fields encrypted (docs/registers.md).
 */
package org.linli.registers;
