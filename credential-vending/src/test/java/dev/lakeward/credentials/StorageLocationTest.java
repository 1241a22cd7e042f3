package dev.lakeward.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
        assertThat(StorageLocation.parse("wasbs://data@acct.blob.core.windows.net/t").scheme()).isEqualTo("wasbs");
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

    @Test
    void whatCannotBeScopedIsRefused() {
        for (String bad : new String[] {"http://example.com/x", "s3://lake/a?versionId=1", "s3://lake/a/../b",
                "s3:///nobucket", "abfss://acct.dfs.core.windows.net/x", "https://example.com/c/x", "not a url",
                "ftp://host/x"}) {
            assertThatThrownBy(() -> StorageLocation.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void everySpellingACatalogMayHaveRecordedIsNamed() {
        assertThat(StorageLocation.parse("s3a://lake/sales/").spellings())
                .containsExactly("s3://lake/sales", "s3a://lake/sales");
        assertThat(StorageLocation.parse("s3://lake").spellings()).containsExactly("s3://lake", "s3a://lake");
        assertThat(StorageLocation.parse("https://acct.dfs.core.windows.net/c/p").spellings())
                .containsExactly("abfss://c@acct.dfs.core.windows.net/p", "abfs://c@acct.dfs.core.windows.net/p");
        assertThat(StorageLocation.parse("gs://b/p").spellings()).containsExactly("gs://b/p");
        assertThat(StorageLocation.parse("file:///tmp/t").spellings()).containsExactly("file:///tmp/t");
    }
}
