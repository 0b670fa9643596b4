package io.trackctl.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CarrierInputTest {

    @Test
    void aSeventeenTrackRecordGetsASlugOfItsNameAndKeyAsCode() {
        CarrierInput c = CarrierInput.fromSeventeenTrack(190271, "Cainiao (菜鸟) Global", "CN", "https://x.example");
        assertThat(c.code()).isEqualTo("cainiao-global-190271");
        assertThat(c.trackKey()).isEqualTo(190271);
        assertThat(c.country()).isEqualTo("CN");
    }

    @Test
    void accentsAreFoldedAndANameWithoutLettersStillGetsACode() {
        assertThat(CarrierInput.fromSeventeenTrack(1, "Correios Brésil", null, null).code()).isEqualTo("correios-bresil-1");
        assertThat(CarrierInput.fromSeventeenTrack(2, "中国邮政", null, null).code()).isEqualTo("carrier-2");
    }

    @Test
    void aRecordWithoutKeyHasNoCodeSoValidationRefusesIt() {
        assertThat(CarrierInput.fromSeventeenTrack(null, "X", null, null).code()).isNull();
    }
}
