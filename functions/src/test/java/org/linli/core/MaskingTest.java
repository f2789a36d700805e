package org.linli.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
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

    /** Issue 13 defect 1 (the whole corpus is infra's MaskingCorpusTest): what is found on the normalised copy is masked in the original. */
    @Test
    void obfuscatedNumbersAndNamesAreMaskedAndWhatIsAroundThemKept() {
        assertEquals("请联系我139****5317，谢谢", Masking.text("请联系我１３９.２４６８.５３１７，谢谢"));
        assertEquals("请联系我139****5317，谢谢", Masking.text("请联系我139\u200B2468\u200B5317，谢谢"));
        assertEquals("身份证号140202********432X。", Masking.text("身份证号１４０２０２１９８７０６１５４３２Ｘ。"));
        assertEquals("我是王*，楼道灯坏了", Masking.text("我是王\u200D芳，楼道灯坏了", "王芳"));
        assertEquals("我是王*，楼道灯坏了", Masking.text("我是王 芳，楼道灯坏了", "王芳"));
        assertEquals("电话139****5317 5号楼3单元", Masking.text("电话13924685317 5号楼3单元"));
        assertEquals("座机0351-****6925找物业", Masking.text("座机0351 7306925找物业"));
    }

    @Test
    void datesRoomNumbersAndOrdinaryWordsAreLeftAlone() {
        for (String plain : List.of("2026-11-23 送了3袋米，5号楼", "2026.11.23 09:30 到 2026.11.24", "3号楼2单元501室", "第1 2 3批",
                "王先生和芳芳", "12345", "¥1,280.50", "电话打不通 ok")) {
            assertEquals(plain, Masking.text(plain, "王芳"), plain);
        }
    }

}
