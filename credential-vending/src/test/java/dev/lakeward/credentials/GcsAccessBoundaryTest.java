package dev.lakeward.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GcsAccessBoundaryTest {

    @Test
    void readAndReadWriteBoundaries() throws IOException {
        S3SessionPolicyTest.assertGolden(GcsAccessBoundary.of(List.of(StorageLocation.parse("gs://lake/sales/orders")),
                AccessLevel.READ), "gcs-read.json");
        S3SessionPolicyTest.assertGolden(GcsAccessBoundary.of(List.of(StorageLocation.parse("gs://lake/sales/orders"),
                StorageLocation.parse("gs://other")), AccessLevel.READ_WRITE), "gcs-read-write.json");
    }

    @Test
    void quotesInPathsCannotEscapeTheCondition() {
        assertThat(GcsAccessBoundary.cel("it's\\x")).isEqualTo("'it\\'s\\\\x'");
        assertThatThrownBy(() -> GcsAccessBoundary.of(List.of(), AccessLevel.READ)).isInstanceOf(IllegalArgumentException.class);
    }
}
