package org.linli.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MaskingTest {
    @Test
    void aNameKeepsItsFirstCharacterAndOneStarWhateverItsLength() {
        assertEquals("张*", Masking.name("张三"));
        assertEquals("欧*", Masking.name("欧阳娜娜"));
        assertEquals("J*", Masking.name(" John Smith "));
        assertEquals("𠀀*", Masking.name("𠀀明")); // a supplementary character stays whole
        assertNull(Masking.name(" "));
    }

    @Test
    void aPhoneKeepsItsPrefixAndLastFourDigits() {
        assertEquals("138****1234", Masking.phone("13812341234"));
        assertEquals("0353-****0010", Masking.phone("0353-7000010"));
        assertEquals("****", Masking.phone("12345"));
    }

    @Test
    void freeTextHasPhonesAndIdNumbersMaskedButKeepsDatesAndShortNumbers() {
        assertEquals("请联系138****1234或138****5678", Masking.text("请联系13812341234或138 1234 5678"));
        assertEquals("座机0351-****4567", Masking.text("座机0351-1234567"));
        assertEquals("身份证140202********123X", Masking.text("身份证14020219900101123X"));
        assertEquals("QQ ****", Masking.text("QQ 123456789"));
        assertEquals("2026-11-23 送了3袋米，5号楼", Masking.text("2026-11-23 送了3袋米，5号楼"));
    }

    @Test
    void theNamesOfThePeopleATextIsAboutAreMaskedInIt() {
        assertEquals("感谢赵*帮王*修好水管", Masking.text("感谢赵建国帮王小明修好水管", "王小明", "赵建国", null));
    }
}
