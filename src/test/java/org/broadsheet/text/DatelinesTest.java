package org.broadsheet.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatelinesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "包头讯|包头", "包头电|包头", "  鄂尔多斯讯 |鄂尔多斯", "𬘭村讯|𬘭村", "本报讯|本报", "讯|''", "''|''",
            "讯讯|讯", "北京 电|北京", "Hohhot讯|Hohhot", "包头市|包头市", "那吉讯|那吉"})
    void aDatelineNamesThePlaceBeforeItsTrailingXunOrDian(String dateline, String place) {
        assertThat(Datelines.placeOf(dateline)).isEqualTo(place);
    }
}
