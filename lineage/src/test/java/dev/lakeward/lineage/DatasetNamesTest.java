package dev.lakeward.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatasetNamesTest {

    @Test
    void storageNamespacesAndPathsMakeLocations() {
        assertThat(DatasetNames.storageLocation(new DatasetRef("s3://test-bucket", "/warehouse/people/")))
                .contains("s3://test-bucket/warehouse/people");
        assertThat(DatasetNames.storageLocation(new DatasetRef("S3A://bucket", "data/t"))).contains("s3a://bucket/data/t");
        assertThat(DatasetNames.storageLocation(new DatasetRef("file", "/tmp/lake/t1"))).contains("file:///tmp/lake/t1");
        assertThat(DatasetNames.storageLocation(new DatasetRef("abfss://c@acct.dfs.core.windows.net", "/x")))
                .contains("abfss://c@acct.dfs.core.windows.net/x");
        // a raw path: what a URL would take for syntax is part of the file's name
        assertThat(DatasetNames.storageLocation(new DatasetRef("file", "/tmp/lake/my file#1?[2] 100%.csv")))
                .contains("file:///tmp/lake/my%20file%231%3F%5B2%5D%20100%25.csv");
        assertThat(DatasetNames.storageLocation(new DatasetRef("s3://bucket", "/a b/%41"))).contains("s3://bucket/a%20b/%41");
        assertThat(DatasetNames.storageLocation(new DatasetRef("postgres://db:5432", "public.t"))).isEmpty();
    }

    @Test
    void threePartNamesAreTableNames() {
        assertThat(DatasetNames.tableName(new DatasetRef("unitycatalog://localhost:8080", "Main.Sales.Orders")))
                .contains("main.sales.orders");
        assertThat(DatasetNames.tableName(new DatasetRef("s3://b", "/a.b.c"))).isEmpty();
        assertThat(DatasetNames.tableName(new DatasetRef("x", "a.b"))).isEmpty();
        assertThat(DatasetNames.tableName(new DatasetRef("x", "a..c"))).isEmpty();
    }
}
