package org.broadsheet.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.broadsheet.archive.Archive;
import org.broadsheet.archive.Article;
import org.broadsheet.archive.ArticleId;
import org.broadsheet.archive.Body;
import org.broadsheet.archive.Bureau;
import org.broadsheet.archive.Byline;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.config.SiteConfigLoader;
import org.junit.jupiter.api.Test;

/**
 * A story's digest, which decides whether the pages showing it are rendered again, changes whenever any
 * component of the story changes. The digest spells the components out by hand for speed, so this test
 * counts them: a component added to {@link Article} without a case here fails it.
 */
class ArticleDigestTest {
    private static final SiteConfig CONFIG = SiteConfigLoader.parse(Path.of("site.yml"),
            "title: 北疆法治报\nbaseUrl: https://example.org/\n").config().orElseThrow();

    private static final Article BASE = new Article(new ArticleId(LocalDate.of(2025, 12, 12), 6, "xianfa"),
            "content/2025/12/12/06/xianfa.md", "宪法宣传周启动", "引题", "副题", "包头讯",
            Optional.of(new Bureau("包头市", "baotou", List.of("包头"))), new Byline(List.of("张三"), "某某法院供稿"),
            List.of("宪法"), Body.of("<p>正文</p>"), false, OptionalInt.empty(), List.of(10.0, 20.0, 30.0, 40.0),
            List.of("html/2019-03/05/content_1.htm"), Map.of("photo", "a.jpg"));

    private static Article with(UnaryOperator<Object[]> change) {
        Object[] c = {BASE.id(), BASE.source(), BASE.title(), BASE.kicker(), BASE.subtitle(), BASE.dateline(),
            BASE.bureau(), BASE.byline(), BASE.tags(), BASE.body(), BASE.withdrawn(), BASE.continuesOn(),
            BASE.area(), BASE.aliases(), BASE.extra()};
        Object[] v = change.apply(c);
        @SuppressWarnings("unchecked")
        Article changed = new Article((ArticleId) v[0], (String) v[1], (String) v[2], (String) v[3], (String) v[4],
                (String) v[5], (Optional<Bureau>) v[6], (Byline) v[7], (List<String>) v[8], (Body) v[9],
                (Boolean) v[10], (OptionalInt) v[11], (List<Double>) v[12], (List<String>) v[13],
                (Map<String, Object>) v[14]);
        return changed;
    }

    private static UnaryOperator<Object[]> set(int index, Object value) {
        return c -> {
            c[index] = value;
            return c;
        };
    }

    private static String digest(Article article) {
        Archive archive = new Archive(List.of(), List.of(), List.of(), List.of());
        return new ViewInputs(archive, CONFIG).articleDigest(article);
    }

    @Test
    void everyComponentOfAStoryChangesItsDigest() {
        Map<String, Article> changes = new LinkedHashMap<>();
        changes.put("id", with(set(0, new ArticleId(LocalDate.of(2025, 12, 12), 6, "xianfa-2"))));
        changes.put("source", with(set(1, "content/2025/12/12/06/other.md")));
        changes.put("title", with(set(2, "宪法宣传周开幕")));
        changes.put("kicker", with(set(3, "新引题")));
        changes.put("subtitle", with(set(4, "新副题")));
        changes.put("dateline", with(set(5, "鄂尔多斯讯")));
        changes.put("bureau", with(set(6, Optional.of(new Bureau("鄂尔多斯市", "ordos", List.of("鄂尔多斯"))))));
        changes.put("byline", with(set(7, new Byline(List.of("李四"), "某某法院供稿"))));
        changes.put("tags", with(set(8, List.of("普法"))));
        changes.put("body", with(set(9, Body.of("<p>新正文</p>"))));
        changes.put("withdrawn", with(set(10, true)));
        changes.put("continuesOn", with(set(11, OptionalInt.of(8))));
        changes.put("area", with(set(12, List.of(10.0, 20.0, 30.0, 41.0))));
        changes.put("aliases", with(set(13, List.of())));
        changes.put("extra", with(set(14, Map.of("photo", "b.jpg"))));

        assertThat(changes).as("one change per component of Article")
                .hasSize(Article.class.getRecordComponents().length);
        String base = digest(BASE);
        changes.forEach((component, changed) ->
                assertThat(digest(changed)).as("digest after changing " + component).isNotEqualTo(base));
        assertThat(digest(with(c -> c))).as("the same story").isEqualTo(base);
    }
}
