package be.biodiversity.portal.gateway.limit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.TimeMeter;

/**
 * The {@code Authorization} values a data service has accepted, remembered only as fingerprints (HMAC-SHA256
 * with a key made at startup and never stored: a memory dump does not give the token, nor can a fingerprint be
 * checked against guesses elsewhere), bounded and expiring. The gateway cannot tell a right token from a wrong
 * one; the services can, and their answer is remembered, so that a client blocked for guessing does not lock out
 * an editor with the right token behind the same address. Configured SHA-256 hashes of editor tokens count as
 * accepted from the start.
 */
final class AcceptedTokens {

    private final Cache<String, Boolean> fingerprints;

    private final Set<String> configured;

    private final SecretKeySpec key;

    AcceptedTokens(LimitProperties.Remembered remembered, List<String> configuredSha256, TimeMeter clock) {
        this.fingerprints = Caffeine.newBuilder().maximumSize(remembered.maxEntries())
                .expireAfterWrite(remembered.ttl()).ticker(clock::currentTimeNanos).executor(Runnable::run).build();
        this.configured = configuredSha256.stream().map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    void accepted(String authorization) {
        this.fingerprints.put(fingerprint(authorization), Boolean.TRUE);
    }

    boolean known(String authorization) {
        return this.fingerprints.getIfPresent(fingerprint(authorization)) != null
                || (!this.configured.isEmpty() && this.configured.contains(sha256(token(authorization))));
    }

    private String fingerprint(String authorization) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(this.key);
            return HexFormat.of().formatHex(mac.doFinal(authorization.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
        }
    }

    /** The credential without its scheme ({@code Bearer abc} → {@code abc}). */
    private static String token(String authorization) {
        int space = authorization.indexOf(' ');
        return (space < 0 ? authorization : authorization.substring(space + 1)).trim();
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }
}
