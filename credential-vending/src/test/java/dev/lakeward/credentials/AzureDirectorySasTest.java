package dev.lakeward.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakeward.credentials.StorageCredential.AzureAccountKey;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Azurite has no hierarchical namespace, so the directory-scoped SAS of an ADLS Gen2 account is
 * checked here by recomputing its signature from Azure's documented service-SAS string-to-sign
 * ("Create a service SAS", version 2020-12-06 and later) with the account key.
 */
class AzureDirectorySasTest {

    private static final AzureAccountKey KEY = new AzureAccountKey("k", "lakeacct", Azurite.KEY, Optional.empty());
    private static final OffsetDateTime EXPIRY = OffsetDateTime.of(2026, 12, 1, 13, 0, 0, 0, ZoneOffset.UTC);

    private static Map<String, String> query(String sas) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : sas.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static String documentedSignature(Map<String, String> sas, String canonicalizedResource) throws Exception {
        String stringToSign = String.join("\n", sas.getOrDefault("sp", ""), sas.getOrDefault("st", ""),
                sas.getOrDefault("se", ""), canonicalizedResource, sas.getOrDefault("si", ""),
                sas.getOrDefault("sip", ""), sas.getOrDefault("spr", ""), sas.getOrDefault("sv", ""),
                sas.getOrDefault("sr", ""), sas.getOrDefault("snapshot", ""), sas.getOrDefault("ses", ""),
                sas.getOrDefault("rscc", ""), sas.getOrDefault("rscd", ""), sas.getOrDefault("rsce", ""),
                sas.getOrDefault("rscl", ""), sas.getOrDefault("rsct", ""));
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(Base64.getDecoder().decode(KEY.accountKey()), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(hmac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aReadSasIsScopedToTheTableDirectoryAndSignedAsDocumented() throws Exception {
        StorageLocation table = StorageLocation.parse("abfss://lake@lakeacct.dfs.core.windows.net/sales/raw/orders");
        Map<String, String> sas = query(AzureCredentialVendor.directorySas(table, KEY, EXPIRY,
                AzureCredentialVendor.permissions(AccessLevel.READ)));
        assertThat(sas.get("sr")).isEqualTo("d");
        assertThat(sas.get("sdd")).as("depth of sales/raw/orders").isEqualTo("3");
        assertThat(sas.get("sp")).isEqualTo("rl");
        assertThat(sas.get("se")).isEqualTo("2026-12-01T13:00:00Z");
        assertThat(sas.get("sig")).isEqualTo(documentedSignature(sas, "/blob/lakeacct/lake/sales/raw/orders"));
    }

    @Test
    void aReadWriteSasAddsWriteAndDelete() throws Exception {
        StorageLocation table = StorageLocation.parse("https://lakeacct.dfs.core.windows.net/lake/t");
        Map<String, String> sas = query(AzureCredentialVendor.directorySas(table, KEY, EXPIRY,
                AzureCredentialVendor.permissions(AccessLevel.READ_WRITE)));
        assertThat(sas.get("sp")).isEqualTo("racwdl");
        assertThat(sas.get("sdd")).isEqualTo("1");
        assertThat(sas.get("sig")).isEqualTo(documentedSignature(sas, "/blob/lakeacct/lake/t"));
    }
}
