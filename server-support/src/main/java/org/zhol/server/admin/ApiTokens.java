// SPDX-License-Identifier: MIT
package org.zhol.server.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Issues and checks admin-API tokens. A token is {@code zhol_} followed by 32 random bytes in
 * base64url; only its SHA-256 hash is stored, so a stolen database yields no usable token.
 */
public final class ApiTokens {

    /** Every token starts with this, so that secret scanners and people can recognise one. */
    public static final String PREFIX = "zhol_";

    private final ApiTokenStore store;
    private final SecureRandom random;

    public ApiTokens(ApiTokenStore store, SecureRandom random) {
        this.store = store;
        this.random = random;
    }

    /** Issues a new token called {@code name}. The returned secret is not stored anywhere. */
    public IssuedToken issue(String name, ApiRole role) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new IssuedToken(store.insert(name, role, hash(secret)), secret);
    }

    /** The live token that {@code secret} belongs to, if any. */
    public Optional<ApiToken> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 128) {
            return Optional.empty();
        }
        return store.findByHash(hash(secret)).filter(t -> !t.revoked());
    }

    /** The stored form of a secret: lower-case hex SHA-256. */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
