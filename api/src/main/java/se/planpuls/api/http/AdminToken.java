package se.planpuls.api.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The admin bearer token: from {@code PLANPULS_ADMIN_TOKEN}, or generated once and kept in the data
 * directory. Compared in constant time; its value is never logged.
 */
public final class AdminToken {
    static final String FILE_NAME = "admin-token";

    private final byte[] token;
    private final Path file;

    private AdminToken(String token, Path file) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.file = file;
    }

    /** {@code configured} when set, else the token kept in {@code dataDir}, generated there the first time. */
    public static AdminToken resolve(String configured, Path dataDir) {
        if (configured != null) {
            return new AdminToken(configured, null);
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!stored.isEmpty()) {
                    return new AdminToken(stored, file);
                }
            }
            Files.createDirectories(dataDir);
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system; the data directory's own permissions apply.
            }
            return new AdminToken(generated, file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the admin token at " + file, e);
        }
    }

    /** Where a generated token is kept, or null when it came from the environment. */
    public Path file() {
        return file;
    }

    byte[] bytes() {
        return token.clone();
    }

    boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** An HMAC-SHA256 of {@code message} keyed with the token: capabilities derived from it (map links). */
    public byte[] hmac(String message) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(token, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
