package dev.lakeward.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Session policies against golden files: what STS is asked for, exactly. */
class S3SessionPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static void assertGolden(String policy, String golden) throws IOException {
        try (var expected = S3SessionPolicyTest.class.getResourceAsStream("/golden/" + golden)) {
            assertThat(expected).as(golden).isNotNull();
            assertThat(JSON.readTree(policy)).isEqualTo(JSON.readTree(expected));
        }
        assertThat(policy).doesNotContain("\n");
    }

    private static List<StorageLocation> locations(String... urls) {
        return List.of(urls).stream().map(StorageLocation::parse).toList();
    }

    @Test
    void readScopesObjectsAndListingToThePrefix() throws IOException {
        assertGolden(S3SessionPolicy.of(locations("s3://lake/sales/raw/orders"), AccessLevel.READ), "s3-read.json");
    }

    @Test
    void readWriteAddsPutDeleteAndMultipart() throws IOException {
        assertGolden(S3SessionPolicy.of(locations("s3://lake/sales/raw/orders"), AccessLevel.READ_WRITE),
                "s3-read-write.json");
    }

    @Test
    void nestedPrefixesAndBucketsAndSpecialCharacters() throws IOException {
        assertGolden(S3SessionPolicy.of(locations("s3://lake/a/b", "s3://lake/a/b/c", "s3://other/weird*key%3F$x"),
                AccessLevel.READ), "s3-many.json");
    }

    @Test
    void aWholeBucketListsWithoutACondition() throws IOException {
        assertGolden(S3SessionPolicy.of(locations("s3://lake"), AccessLevel.READ), "s3-bucket.json");
    }

    @Test
    void noLocationIsADenyAllAndTooManyAreRefusedBeforeTheCall() throws IOException {
        assertGolden(S3SessionPolicy.of(List.of(), AccessLevel.READ), "s3-deny-all.json");
        List<StorageLocation> many = IntStream.range(0, 40)
                .mapToObj(i -> StorageLocation.parse("s3://lake/tables/table_with_a_long_name_" + i)).toList();
        assertThatThrownBy(() -> S3SessionPolicy.of(many, AccessLevel.READ_WRITE))
                .isInstanceOf(S3SessionPolicy.PolicyTooLarge.class).hasMessageContaining("2048");
        assertThatThrownBy(() -> S3SessionPolicy.of(locations("gs://b/x"), AccessLevel.READ))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wildcardsAreEscaped() {
        assertThat(S3SessionPolicy.escape("a*b?c$d")).isEqualTo("a${*}b${?}c${$}d");
    }
}
