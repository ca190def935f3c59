package org.broadsheet.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EditorFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {".01.md.swp", ".01.md.swx", "01.md.swp", "01.md~", ".#01.md", "#01.md#", "4913",
            ".DS_Store", "01.md.tmp", "01.md.a1b2c3.tmp", "01.md___jb_tmp___", "01.md___jb_old___",
            ".goutputstream-XYZ123", ".~lock.01.md#", "Thumbs.db", "style.css.crswap"})
    void editorAndSystemDroppingsAreIgnored(String name) {
        assertThat(EditorFiles.ignored(name)).as(name).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"01.md", "_page.yml", "_issue.yml", "site.yml", "article.ftlh", "style.css",
            "普法小课堂.md", "scan.jpg", "4913.md", "swp.md"})
    void realInputsAreNot(String name) {
        assertThat(EditorFiles.ignored(name)).as(name).isFalse();
    }
}
