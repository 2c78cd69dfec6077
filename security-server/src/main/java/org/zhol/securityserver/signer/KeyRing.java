// SPDX-License-Identifier: MIT
package org.zhol.securityserver.signer;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.ZholException;

/** The keys of an open token, immutable: a change makes a new ring. Ordered by generation. */
final class KeyRing {

    private final Map<String, LoadedKey> byId;

    KeyRing(List<LoadedKey> keys) {
        Map<String, LoadedKey> map = new LinkedHashMap<>();
        keys.forEach(key -> map.put(key.info().keyId(), key));
        this.byId = map;
    }

    /**
     * The key with {@code keyId}.
     *
     * @throws ZholException {@link ErrorCode#KEY_NOT_FOUND} when there is none
     */
    LoadedKey get(String keyId) {
        LoadedKey key = keyId == null ? null : byId.get(keyId);
        if (key == null) {
            throw ZholException.client(ErrorCode.KEY_NOT_FOUND,
                    "No key '" + Faults.excerpt(String.valueOf(keyId)) + "' on this token");
        }
        return key;
    }

    /** The key whose public key is {@code publicKey}, compared by encoding. */
    Optional<LoadedKey> withPublicKey(PublicKey publicKey) {
        byte[] wanted = publicKey.getEncoded();
        return byId.values().stream()
                .filter(key -> Arrays.equals(key.info().publicKey().getEncoded(), wanted))
                .findFirst();
    }

    /** This ring with {@code key} added, or replacing the key of the same id in place. */
    KeyRing with(LoadedKey key) {
        Map<String, LoadedKey> map = new LinkedHashMap<>(byId);
        map.put(key.info().keyId(), key);
        return new KeyRing(List.copyOf(map.values()));
    }

    List<KeyInfo> infos() {
        return byId.values().stream().map(LoadedKey::info).toList();
    }
}
