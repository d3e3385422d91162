package org.spacettx.app.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle's implementation) in the PHC string format,
 * {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}: 19 MiB and 2 passes, the OWASP minimum for Argon2id. The
 * parameters are stored with each hash, so they can be raised later without breaking old ones.
 */
public final class Passwords {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MEMORY_KIB = 19_456;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int HASH_BYTES = 32;

    /**
     * Hashes computed at once: one. Argon2 takes a core for tens of milliseconds by design, so a spray of logins
     * could otherwise take both cores from the exercise; waiting callers give up after {@link #WAIT_SECONDS}.
     */
    private static final java.util.concurrent.Semaphore HASHING = new java.util.concurrent.Semaphore(1, true);
    static final long WAIT_SECONDS = 3;

    /** More logins are waiting for a hash than can be served within the wait: try again later. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("too many password checks at once", null, false, false);
        }
    }

    private Passwords() {
    }

    public static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] out = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + b64.encodeToString(salt) + "$" + b64.encodeToString(out);
    }

    /** Whether a password matches a stored hash; false for anything that is not an Argon2id PHC string. */
    public static boolean verify(String password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return false;
        }
        try {
            int m = 0;
            int t = 0;
            int p = 0;
            for (String kv : parts[3].split(",")) {
                String[] pair = kv.split("=");
                int v = Integer.parseInt(pair[1]);
                switch (pair[0]) {
                    case "m" -> m = v;
                    case "t" -> t = v;
                    case "p" -> p = v;
                    default -> {
                        return false;
                    }
                }
            }
            byte[] salt = Base64.getDecoder().decode(parts[4]);
            byte[] expected = Base64.getDecoder().decode(parts[5]);
            byte[] actual = derive(password, salt, m, t, p, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * @throws Busy when the hash could not start within the wait
     */
    private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        try {
            if (!HASHING.tryAcquire(WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        try {
            return argon2id(password, salt, memoryKib, iterations, parallelism, length);
        } finally {
            HASHING.release();
        }
    }

    private static byte[] argon2id(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(memoryKib).withIterations(iterations)
                .withParallelism(parallelism).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    /** A random password for generated accounts: 16 characters, letters and digits without look-alikes. */
    public static String generate() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
