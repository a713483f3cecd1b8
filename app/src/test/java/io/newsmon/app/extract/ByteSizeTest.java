package io.newsmon.app.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ByteSizeTest {
    @Test
    void parsesBytesAndBinaryUnitsInAnyCase() {
        assertThat(ByteSize.parse("1")).isEqualTo(1);
        assertThat(ByteSize.parse("1048576")).isEqualTo(1 << 20);
        assertThat(ByteSize.parse("512KiB")).isEqualTo(512 << 10);
        assertThat(ByteSize.parse(" 10 mib ")).isEqualTo(10 << 20);
        assertThat(ByteSize.parse("1GiB")).isEqualTo(1 << 30);
        assertThat(ByteSize.parse("300 bytes")).isEqualTo(300);
    }

    @Test
    void refusesOtherUnitsFractionsAndSizesOutOfRange() {
        for (String bad : new String[] {"0", "0MiB", "-1", "1.5MiB", "10MB", "10 M", "1025MiB", "2GiB", "99999999999999GiB",
                "", "MiB"}) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> ByteSize.parse(bad)).withMessage(ByteSize.RULE);
        }
    }

    @Test
    void printsTheLargestUnitThatDividesTheSize() {
        assertThat(ByteSize.human(10L << 20)).isEqualTo("10 MiB");
        assertThat(ByteSize.human(512 << 10)).isEqualTo("512 KiB");
        assertThat(ByteSize.human(1 << 30)).isEqualTo("1 GiB");
        assertThat(ByteSize.human(1000)).isEqualTo("1000 bytes");
        assertThat(ByteSize.human(1)).isEqualTo("1 byte");
        assertThat(ByteSize.human(1536)).isEqualTo("1536 bytes");
    }
}
