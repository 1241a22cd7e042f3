package dev.lakeward.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StorageLocationTest {

    @Test
    void everySchemeParsesToBucketAndPrefix() {
        assertThat(StorageLocation.parse("s3://lake/sales/raw/orders/")).isEqualTo(new StorageLocation("s3", "lake", "sales/raw/orders"));
        assertThat(StorageLocation.parse("s3a://lake/x")).isEqualTo(new StorageLocation("s3", "lake", "x"));
        assertThat(StorageLocation.parse("gs://bucket")).isEqualTo(new StorageLocation("gs", "bucket", ""));
        StorageLocation abfss = StorageLocation.parse("abfss://data@acct.dfs.core.windows.net/t/1");
        assertThat(abfss).isEqualTo(new StorageLocation("abfss", "data@acct", "t/1"));
        assertThat(abfss.container()).isEqualTo("data");
        assertThat(abfss.account()).isEqualTo("acct");
        assertThat(StorageLocation.parse("https://acct.blob.core.windows.net/data/t/1"))
                .isEqualTo(new StorageLocation("abfss", "data@acct", "t/1"));
        assertThat(StorageLocation.parse("wasbs://data@acct.blob.core.windows.net/t").scheme()).isEqualTo("abfss");
        assertThat(StorageLocation.parse("file:///tmp/lake/t").url()).isEqualTo("file:///tmp/lake/t");
        assertThat(abfss.url()).isEqualTo("abfss://data@acct.dfs.core.windows.net/t/1");
    }

    @Test
    void withinAndOverlapRespectPathBoundaries() {
        StorageLocation root = StorageLocation.parse("s3://lake/sales");
        assertThat(StorageLocation.parse("s3://lake/sales/raw").isWithin(root)).isTrue();
        assertThat(StorageLocation.parse("s3://lake/sales").isWithin(root)).isTrue();
        assertThat(StorageLocation.parse("s3://lake/salesforce").isWithin(root)).as("not at a '/'").isFalse();
        assertThat(StorageLocation.parse("s3://other/sales/raw").isWithin(root)).isFalse();
        assertThat(StorageLocation.parse("s3://lake/x").isWithin(StorageLocation.parse("s3://lake"))).isTrue();
        assertThat(root.overlaps(StorageLocation.parse("s3://lake/sales/raw"))).isTrue();
        assertThat(root.overlaps(StorageLocation.parse("s3://lake/marketing"))).isFalse();
        assertThat(StorageLocation.parse("wasbs://c@a.blob.core.windows.net/p/q")
                .isWithin(StorageLocation.parse("abfss://c@a.dfs.core.windows.net/p"))).as("one Azure store").isTrue();
    }

    /** {@code locations/canonical.tsv}: a spelling, a tab, its canonical URL. */
    static Stream<Arguments> spellings() throws IOException {
        return rows("canonical.tsv").map(row -> row.split("\t")).map(cols -> Arguments.of(cols[0], cols[1]));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("spellings")
    void everySpellingOfOnePlaceHasOneCanonicalUrl(String spelling, String canonical) {
        StorageLocation location = StorageLocation.parse(spelling);
        assertThat(location.url()).isEqualTo(canonical);
        assertThat(StorageLocation.parse(location.url())).as("the canonical URL reads back").isEqualTo(location);
    }

    static Stream<String> refused() throws IOException {
        return rows("refused.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void whatCouldNameTwoPlacesOrNoneIsRefused(String bad) {
        assertThatThrownBy(() -> StorageLocation.parse(bad)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyPrefixIsDecodedForTheStore() {
        assertThat(StorageLocation.parse("s3://lake/a%20b/100%25").prefix()).isEqualTo("a b/100%");
        assertThat(StorageLocation.parse("s3://lake/odd/%70ct").isWithin(StorageLocation.parse("s3a://LAKE/odd/"))).isTrue();
    }

    @Test
    void childrenAreLiteralSegments() {
        assertThat(StorageLocation.parse("file:///").resolve("__unitystorage", "tables", "1").url())
                .isEqualTo("file:///__unitystorage/tables/1");
        assertThat(StorageLocation.parse("s3://lake/m").resolve("a b").url()).isEqualTo("s3://lake/m/a%20b");
        assertThatThrownBy(() -> StorageLocation.parse("s3://lake").resolve("..")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Stream<String> rows(String file) throws IOException {
        try (InputStream in = StorageLocationTest.class.getResourceAsStream("/locations/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList().stream();
        }
    }
}
