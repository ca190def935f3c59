package org.broadsheet.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void theFiveMarkupCharactersAreEscapedWhereverTheyFall() {
        assertThat(Html.escape("<b>\"王𬘭\" & '法'</b>"))
                .isEqualTo("&lt;b&gt;&quot;王𬘭&quot; &amp; &#39;法&#39;&lt;/b&gt;");
        assertThat(Html.escape("普法课堂 & 法治")).isEqualTo("普法课堂 &amp; 法治");
    }

    @Test
    void textWithoutThemIsReturnedAsItIs() {
        String plain = "包头讯 记者张三报道";
        assertThat(Html.escape(plain)).isSameAs(plain);
        assertThat(Html.escape("")).isEmpty();
    }
}
