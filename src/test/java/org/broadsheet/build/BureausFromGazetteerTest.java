package org.broadsheet.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.broadsheet.archive.Bureau;
import org.broadsheet.config.BureauEntry;
import org.broadsheet.config.Gazetteer;
import org.broadsheet.config.SiteConfig;
import org.junit.jupiter.api.Test;

/**
 * The gazetteer (config) and the bureaus of the model (archive) meet in the build: each entry becomes the
 * model's bureau unchanged. Both sides read a printed dateline's place with {@code text.Datelines}.
 */
class BureausFromGazetteerTest {
    @Test
    void everyEntryBecomesTheModelsBureauWithItsNameSlugAndDatelines() {
        Gazetteer gazetteer = Gazetteer.of(List.of(
                new SiteConfig.BureauSetting("包头市", "", List.of("𬘭村")),
                new SiteConfig.BureauSetting("自治区高级人民法院", "gaoyuan", List.of("高院"))));

        List<Bureau> model = gazetteer.bureaus().stream().map(ArchiveAssembler::toModel).toList();

        assertThat(model).hasSize(13);
        for (int i = 0; i < model.size(); i++) {
            BureauEntry entry = gazetteer.bureaus().get(i);
            assertThat(model.get(i)).isEqualTo(new Bureau(entry.name(), entry.slug(), entry.datelines()));
        }
        assertThat(model.get(1).datelines()).startsWith("𬘭村").contains("达茂旗");
    }
}
