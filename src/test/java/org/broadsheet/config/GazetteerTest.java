package org.broadsheet.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Datelines → bureaus: the 12 leagues and cities of Inner Mongolia, plus what a site adds. */
class GazetteerTest {
    private static final Gazetteer BUILT_IN = Gazetteer.of(List.of());

    private static String slugOf(Gazetteer gazetteer, String dateline) {
        return gazetteer.byDateline(dateline).map(BureauEntry::slug).orElse("(none)");
    }

    @Test
    void hasTwelveBureausInOrderWithTheirSlugs() {
        assertThat(BUILT_IN.bureaus()).extracting(BureauEntry::name, BureauEntry::slug).containsExactly(
                org.assertj.core.groups.Tuple.tuple("呼和浩特市", "hohhot"),
                org.assertj.core.groups.Tuple.tuple("包头市", "baotou"),
                org.assertj.core.groups.Tuple.tuple("呼伦贝尔市", "hulunbuir"),
                org.assertj.core.groups.Tuple.tuple("兴安盟", "hinggan"),
                org.assertj.core.groups.Tuple.tuple("通辽市", "tongliao"),
                org.assertj.core.groups.Tuple.tuple("赤峰市", "chifeng"),
                org.assertj.core.groups.Tuple.tuple("锡林郭勒盟", "xilingol"),
                org.assertj.core.groups.Tuple.tuple("乌兰察布市", "ulanqab"),
                org.assertj.core.groups.Tuple.tuple("鄂尔多斯市", "ordos"),
                org.assertj.core.groups.Tuple.tuple("巴彦淖尔市", "bayannur"),
                org.assertj.core.groups.Tuple.tuple("乌海市", "wuhai"),
                org.assertj.core.groups.Tuple.tuple("阿拉善盟", "alxa"));
    }

    @Test
    void noDatelineBelongsToTwoBureaus() {
        List<String> all = BUILT_IN.bureaus().stream().flatMap(b -> b.datelines().stream()).toList();

        assertThat(all).doesNotHaveDuplicates().doesNotContain("");
    }

    @ParameterizedTest
    @CsvSource({
        "那吉讯, hulunbuir", "达茂旗讯, baotou", "百灵庙讯, baotou", "包头讯, baotou", "包头电, baotou",
        "呼市讯, hohhot", "土左旗讯, hohhot", "满洲里讯, hulunbuir", "乌兰浩特讯, hinggan", "霍林郭勒讯, tongliao",
        "林东讯, chifeng", "二连浩特讯, xilingol", "集宁讯, ulanqab", "康巴什讯, ordos", "临河讯, bayannur",
        "海勃湾讯, wuhai", "额济纳旗讯, alxa", "'  鄂尔多斯讯 ', ordos", "海拉尔, hulunbuir"})
    void datelineMapsToItsBureau(String dateline, String slug) {
        assertThat(slugOf(BUILT_IN, dateline)).isEqualTo(slug);
    }

    /** The list comes from a published dataset (see the file's header), not from gazetteer.yml itself. */
    @ParameterizedTest
    @CsvFileSource(resources = "county-divisions.csv", numLinesToSkip = 1)
    void everyCountyLevelDivisionMapsToItsLeague(String division, String slug) {
        assertThat(slugOf(BUILT_IN, division + "讯")).as(division).isEqualTo(slug);
    }

    @ParameterizedTest
    @CsvSource({
        "察素齐讯, hohhot", "可可以力更讯, hohhot", "萨拉齐讯, baotou", "金山镇讯, baotou", "尼尔基讯, hulunbuir",
        "阿木古郎讯, hulunbuir", "音德尔讯, hinggan", "巴彦呼舒讯, hinggan", "甘旗卡讯, tongliao",
        "大沁他拉讯, tongliao", "经棚讯, chifeng", "天义讯, chifeng", "新惠镇讯, chifeng", "别力古台讯, xilingol",
        "巴拉嘎尔高勒讯, xilingol", "多伦诺尔讯, xilingol", "乌兰花讯, ulanqab", "白音察干讯, ulanqab",
        "树林召讯, ordos", "阿勒腾席热讯, ordos", "嘎鲁图讯, ordos", "陕坝讯, bayannur", "海流图讯, bayannur",
        "隆兴昌讯, bayannur", "巴丹吉林讯, alxa", "达来呼布讯, alxa"})
    void countySeatsMapToTheirCountysLeague(String dateline, String slug) {
        assertThat(slugOf(BUILT_IN, dateline)).isEqualTo(slug);
    }

    @ParameterizedTest
    @CsvSource({
        "莫旗讯, hulunbuir", "鄂温克旗讯, hulunbuir", "科右中旗讯, hinggan", "科左后旗讯, tongliao", "克旗讯, chifeng",
        "翁旗讯, chifeng", "东乌旗讯, xilingol", "西苏旗讯, xilingol", "察右后旗讯, ulanqab", "准旗讯, ordos",
        "鄂前旗讯, ordos", "乌前旗讯, bayannur", "杭后讯, bayannur", "阿右旗讯, alxa", "额旗讯, alxa",
        "锡林郭勒盟讯, xilingol", "阿拉善盟讯, alxa", "哲盟讯, tongliao", "昭乌达盟讯, chifeng", "伊盟讯, ordos",
        "巴盟讯, bayannur", "乌盟讯, ulanqab", "呼盟讯, hulunbuir", "东胜市讯, ordos"})
    void shortFormsAndOldLeagueNamesMapToTheirBureau(String dateline, String slug) {
        assertThat(slugOf(BUILT_IN, dateline)).isEqualTo(slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"城关镇讯", "双河镇讯", "巴彦高勒镇讯", "乌兰讯", "海南讯"})
    void namesThatSeveralPlacesShareHaveNoBureau(String dateline) {
        assertThat(BUILT_IN.byDateline(dateline)).isEmpty();
    }

    @Test
    void nameOfTheBureauForASeatTown() {
        assertThat(BUILT_IN.byDateline("那吉讯")).get().extracting(BureauEntry::name).isEqualTo("呼伦贝尔市");
        assertThat(BUILT_IN.byDateline("达茂旗讯")).get().extracting(BureauEntry::name).isEqualTo("包头市");
    }

    @ParameterizedTest
    @ValueSource(strings = {"本报讯", "本台讯", "本刊讯", " 本报讯 "})
    void newsroomDatelinesHaveNoBureau(String dateline) {
        assertThat(Gazetteer.isNewsroom(dateline)).isTrue();
        assertThat(BUILT_IN.byDateline(dateline)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"北京讯", "讯", "", "包头市讯", "新华社讯"})
    void unknownPlacesHaveNoBureauAndAreNotTheNewsroom(String dateline) {
        assertThat(BUILT_IN.byDateline(dateline)).isEmpty();
        assertThat(Gazetteer.isNewsroom(dateline)).isFalse();
    }

    @Test
    void findsBureausByFullName() {
        assertThat(BUILT_IN.byName("锡林郭勒盟")).get().extracting(BureauEntry::slug).isEqualTo("xilingol");
        assertThat(BUILT_IN.byName("锡林郭勒")).isEmpty();
    }

    @Test
    void siteAddsDatelinesToABuiltInBureauKeepingItsSlugAndOwnDatelines() {
        Gazetteer gazetteer = Gazetteer.of(List.of(
                new SiteConfig.BureauSetting("包头市", "", List.of("希望工业园区", "𬘭村"))));

        assertThat(slugOf(gazetteer, "希望工业园区讯")).isEqualTo("baotou");
        assertThat(slugOf(gazetteer, "𬘭村讯")).isEqualTo("baotou");
        assertThat(slugOf(gazetteer, "达茂旗讯")).isEqualTo("baotou");
        assertThat(gazetteer.bureaus()).hasSize(12);
        assertThat(gazetteer.bureaus().get(1).datelines()).startsWith("希望工业园区", "𬘭村").contains("百灵庙");
    }

    @Test
    void siteOverridesASlugInPlace() {
        Gazetteer gazetteer = Gazetteer.of(List.of(new SiteConfig.BureauSetting("呼和浩特市", "huhehaote", List.of())));

        assertThat(gazetteer.bureaus().get(0).slug()).isEqualTo("huhehaote");
        assertThat(slugOf(gazetteer, "青城讯")).isEqualTo("huhehaote");
    }

    @Test
    void siteAddsANewBureauAfterTheBuiltInOnes() {
        Gazetteer gazetteer = Gazetteer.of(List.of(
                new SiteConfig.BureauSetting("自治区高级人民法院", "gaoyuan", List.of("自治区高院", "高院"))));

        assertThat(gazetteer.bureaus()).hasSize(13);
        assertThat(gazetteer.bureaus().get(12).name()).isEqualTo("自治区高级人民法院");
        assertThat(slugOf(gazetteer, "高院讯")).isEqualTo("gaoyuan");
        assertThat(gazetteer.byName("自治区高级人民法院")).isPresent();
        assertThat(BUILT_IN.bureaus()).as("the built-in gazetteer is not changed").hasSize(12);
    }

    @Test
    void aDatelineClaimedBySiteYmlGoesToTheSitesBureau() {
        Gazetteer gazetteer = Gazetteer.of(List.of(
                new SiteConfig.BureauSetting("满洲里市", "manzhouli", List.of("满洲里", "扎赉诺尔"))));

        assertThat(slugOf(gazetteer, "满洲里讯")).isEqualTo("manzhouli");
    }
}
