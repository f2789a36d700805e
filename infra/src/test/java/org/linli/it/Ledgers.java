package org.linli.it;

import org.linli.registers.IdNumber;

/** Synthetic register ledgers of the demo communities (柳园小区1-12号楼 in DEMO-W1), for the registers' tests. */
final class Ledgers {
    static final String HEADER = "户号,楼栋,单元,房号,姓名,身份证号,电话,与户主关系,关怀类别\n";

    private Ledgers() {}

    /** A valid ID number for person {@code n} of run {@code run} (0-999). */
    static String id(int run, int n) {
        String born = java.time.LocalDate.of(1940, 1, 1).plusDays(n * 11L).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        String first17 = "140302" + born + String.format("%03d", run % 1000);
        return first17 + IdNumber.checkCharacter(first17);
    }

    /**
     * {@code households} households of two residents of DEMO-W1 (the head with a phone, a spouse
     * without), 户号 {@code prefix}1..n; when {@code spoilt}, one row each of households 10, 20, 30,
     * 40 and 50 is bad: an ID number's check character, a phone, a building not on the map, a care
     * category not configured, an ID number given twice.
     */
    static String ledger(String prefix, int run, int households, boolean spoilt) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int h = 1; h <= households; h++) {
            // Even households by building code (2 in G1, 4 in G2, 6 in G3, ...), odd ones by the building's name.
            String building = h % 2 == 0 ? "DEMO-W1-G" + ((h / 2 - 1) % 3 + 1) + "-M1-B1" : "柳园小区" + (1 + h % 12) + "号楼";
            String headId = id(run, 2 * h);
            if (spoilt && h == 10) headId = headId.substring(0, 17) + (headId.charAt(17) == '1' ? '2' : '1');
            String phone = spoilt && h == 20 ? "12345" : String.format("139%08d", run * 10_000 + h);
            String care = spoilt && h == 40 ? "外星人" : h % 3 == 0 ? "独居/空巢老人;残疾" : h % 5 == 0 ? "低保" : h % 7 == 0 ? "留守儿童" : "";
            csv.append(prefix).append(h).append(',').append(spoilt && h == 30 ? "柳园小区99号楼" : building).append(",1,").append(100 + h)
                    .append(",张").append(h).append(',').append(headId).append(',').append(phone).append(",户主,").append(care).append('\n');
            String spouseId = spoilt && h == 50 ? headId : id(run, 2 * h + 1);
            csv.append(prefix).append(h).append(',').append(building).append(",1,").append(100 + h).append(",李").append(h).append(',')
                    .append(spouseId).append(",,配偶,\n");
        }
        return csv.toString();
    }
}
