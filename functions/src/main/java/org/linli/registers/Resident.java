package org.linli.registers;

/** A member of a household: name, ID number (GB 11643), phone (may be null) and relation to the head (户主, 配偶, 子女...). */
public record Resident(String name, String idNumber, String phone, String relation) {
    /** As lists and other staff see it: 张*, 140302********0021, 138****1234. */
    public Resident masked() {
        return new Resident(org.linli.core.Masking.name(name), IdNumber.mask(idNumber), org.linli.core.Masking.phone(phone), relation);
    }
}
