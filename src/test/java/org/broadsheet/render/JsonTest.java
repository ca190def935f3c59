package org.broadsheet.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void textThatCouldEndAScriptElementIsEscaped() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("headline", "</script><script>alert(\"王𬘭\")</script>&\u2028");
        data.put("tags", List.of("普法", 1, true));
        assertThat(Json.write(data)).isEqualTo("{\"headline\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert("
                + "\\\"王𬘭\\\")\\u003c/script\\u003e\\u0026\\u2028\",\"tags\":[\"普法\",1,true]}");
    }

    @Test
    void unorderedMapsAreRefusedBecauseTheirOrderChangesBetweenRuns() {
        assertThatThrownBy(() -> Json.write(Map.of("a", 1, "b", 2))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Json.write(Map.of("only", "一"))).isEqualTo("{\"only\":\"一\"}");
    }

    @Test
    void everyEscapeIsWrittenWhereverItFallsInTheText() {
        assertThat(Json.write("\"引号\"\\反斜杠\n换行\r\t\u0001<p>正文</p>\u001f"))
                .isEqualTo("\"\\\"引号\\\"\\\\反斜杠\\n换行\\r\\t\\u0001\\u003cp\\u003e正文\\u003c/p\\u003e\\u001f\"");
        assertThat(Json.write("")).isEqualTo("\"\"");
        assertThat(Json.write("北疆法治报")).isEqualTo("\"北疆法治报\"");
    }

    @Test
    void everyCharIsEitherItselfOrItsEscape() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String expected = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029
                        ? String.format("\\u%04x", c) : String.valueOf((char) c);
            };
            assertThat(Json.write("法" + (char) c + "治")).as("U+%04X", c).isEqualTo("\"法" + expected + "治\"");
        }
    }
}
