package org.broadsheet.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.broadsheet.archive.Bureau;
import org.broadsheet.config.BureauEntry;
import org.broadsheet.config.Gazetteer;
import org.broadsheet.config.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gazetteer (config) and the bureaus of the model (archive) meet in the build: each entry becomes the
 * model's bureau unchanged, and both sides read a printed dateline's place the same way.
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

    @ParameterizedTest
    @ValueSource(strings = {"包头讯", "包头电", "  鄂尔多斯讯 ", "𬘭村讯", "本报讯", "讯", "", "讯讯", "北京 电",
            "Hohhot讯", "包头市"})
    void theGazetteerAndTheModelReadADatelinesPlaceAlike(String dateline) {
        assertThat(Gazetteer.placeOf(dateline)).isEqualTo(Bureau.placeOf(dateline));
    }
}
