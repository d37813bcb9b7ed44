package cl.redlocal.portal.cases.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RunTest {

    @ParameterizedTest
    @ValueSource(strings = {"12.345.678-5", "12345678-5", "123456785", " 12.345.678 - 5 "})
    void acceptsTheUsualWaysOfWritingAValidRun(String written) {
        assertThat(Run.normalize(written)).contains("12345678-5");
    }

    @Test
    void acceptsKAsCheckDigitInEitherCase() {
        assertThat(Run.checkDigit(10_000_013)).isEqualTo('K');
        assertThat(Run.normalize("10.000.013-k")).contains("10000013-K");
    }

    @Test
    void checkDigitIsZeroWhenTheRemainderIsZero() {
        assertThat(Run.checkDigit(11_000_003)).isEqualTo('0');
        assertThat(Run.normalize("11.000.003-0")).contains("11000003-0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.345.678-4", "12345678-K", "", "-", "abc", "0123456-7", "1234567890-1"})
    void rejectsWrongCheckDigitsAndMalformedInput(String written) {
        assertThat(Run.isValid(written)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1-1", "", "-", "0123456-7", "1234567890-1", "12.345.678-X", "12,345,678-5"})
    void tellsAFormatErrorFromAWrongCheckDigit(String written) {
        assertThat(Run.isWellFormed(written)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.345.678-4", "12345678-5", "123456785", " 12.345.678 - 5 ", "10.000.013-k", "1.234.567-4"})
    void aWellFormedRunMayStillHaveAWrongCheckDigit(String written) {
        assertThat(Run.isWellFormed(written)).isTrue();
    }

    @Test
    void formatsWithThousandsDots() {
        assertThat(Run.format("12345678-5")).isEqualTo("12.345.678-5");
        assertThat(Run.format("1234567-4")).isEqualTo("1.234.567-4");
    }
}
