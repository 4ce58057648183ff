package dev.finnews.parser;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CreditLinesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "来源：示例日报|示例日报",
            "来源： 示例日报|示例日报",
            "（来源：示例日报）|示例日报",
            "文章来源:示例网|示例网"})
    void originLines(String line, String media) {
        assertThat(CreditLines.classify(line)).isEqualTo(new CreditLines.Kind.Origin(media));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "责任编辑：张恒星 SF142|张恒星",
            "责任编辑：李昂|李昂",
            "责任编辑：王五 NE1234|王五"})
    void editorLinesLoseTheirWorkCodes(String line, String name) {
        assertThat(CreditLines.classify(line)).isEqualTo(new CreditLines.Kind.Editor(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"原标题：另一个标题", "每经编辑 黄五", "示例报记者方六", "（驻京记者 宋七）", "（作者：见习记者,李八）",
            "图表：陈九", "示例时报（www.example.cn）记者 王一 徐二 北京报道", "文/张三"})
    void bylinesAndOriginalTitlesAreCredits(String line) {
        assertThat(CreditLines.classify(line)).isInstanceOf(CreditLines.Kind.Credit.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"示例小镇商业街（示例新闻见习记者丁一摄）", "记者梳理发现，该项目多次出现在官方文件中。", "收入46967亿元",
            "财政部发布", "据来源于市场的消息，价格上涨。"})
    void ordinaryLinesAndPhotoCaptionsStayText(String line) {
        assertThat(CreditLines.classify(line)).isInstanceOf(CreditLines.Kind.Text.class);
    }
}
