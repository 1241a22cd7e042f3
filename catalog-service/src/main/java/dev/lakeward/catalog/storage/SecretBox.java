package dev.lakeward.catalog.storage;

import dev.lakeward.catalog.persistence.ServerKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals storage credentials' secrets with AES-256-GCM before they reach the database, under the
 * server's key ({@link ServerKey}), shared by every replica.
 */
@ApplicationScoped
public class SecretBox {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    @Inject
    ServerKey serverKey;

    private final SecureRandom random = new SecureRandom();
    private SecretKeySpec key;

    @PostConstruct
    void init() {
        key = new SecretKeySpec(serverKey.sealingKey(), "AES");
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
}
