package dev.lakeward.catalog.storage;

import dev.lakeward.catalog.LakewardConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Seals storage credentials' secrets with AES-256-GCM before they reach the database. The key is
 * {@code lakeward.credentials.encryption-key} (base64 of 32 bytes), shared by every replica; on
 * the embedded default without one, a key is generated once into {@code <data-dir>/credentials-key}
 * (mode 600), never beside the data it protects in the database.
 */
@ApplicationScoped
public class SecretBox {

    private static final Logger LOG = Logger.getLogger(SecretBox.class);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    @Inject
    LakewardConfig config;

    private final SecureRandom random = new SecureRandom();
    private SecretKeySpec key;

    @PostConstruct
    void init() {
        byte[] raw = config.credentials().encryptionKey().map(k -> Base64.getDecoder().decode(k.trim()))
                .orElseGet(this::localKey);
        if (raw.length != 32) {
            throw new IllegalStateException("lakeward.credentials.encryption-key must be base64 of 32 bytes.");
        }
        key = new SecretKeySpec(raw, "AES");
    }

    public byte[] seal(String secret) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    public String open(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            return new String(cipher.doFinal(sealed, NONCE, sealed.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A storage credential's secret does not open with this key:"
                    + " lakeward.credentials.encryption-key changed since it was stored.");
        }
    }

    private byte[] localKey() {
        Path file = config.dataDir().resolve("credentials-key");
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                Files.createDirectories(file.getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                LOG.infof("Storage credentials' secrets are sealed with a key generated into %s;"
                        + " set lakeward.credentials.encryption-key to share one between replicas", file);
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
