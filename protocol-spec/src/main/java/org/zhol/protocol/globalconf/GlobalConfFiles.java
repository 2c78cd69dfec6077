// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The files of one configuration generation, as published and as downloaded: the directory bytes,
 * their detached CMS signature, and each part's bytes by part name.
 *
 * <p><b>Pitfalls:</b> byte arrays are copied in and out; equality is by content.
 *
 * @param directory the bytes of {@code directory.json}
 * @param signature the bytes of {@code directory.json.p7s}
 * @param parts     the bytes of each part, keyed by its name in the directory
 */
public record GlobalConfFiles(byte[] directory, byte[] signature, Map<String, byte[]> parts) {

    public GlobalConfFiles {
        directory = Objects.requireNonNull(directory, "directory").clone();
        signature = Objects.requireNonNull(signature, "signature").clone();
        Map<String, byte[]> copy = new TreeMap<>();
        parts.forEach((name, bytes) -> copy.put(Objects.requireNonNull(name), bytes.clone()));
        parts = Collections.unmodifiableMap(copy);
    }

    @Override
    public byte[] directory() {
        return directory.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public Map<String, byte[]> parts() {
        Map<String, byte[]> copy = new HashMap<>();
        parts.forEach((name, bytes) -> copy.put(name, bytes.clone()));
        return Map.copyOf(copy);
    }

    /** These files with part {@code name} replaced by {@code bytes}. */
    public GlobalConfFiles withPart(String name, byte[] bytes) {
        Map<String, byte[]> copy = new HashMap<>(parts);
        copy.put(name, bytes);
        return new GlobalConfFiles(directory, signature, copy);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof GlobalConfFiles that) || !Arrays.equals(directory, that.directory)
                || !Arrays.equals(signature, that.signature) || !parts.keySet().equals(that.parts.keySet())) {
            return false;
        }
        return parts.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), that.parts.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(directory) + parts.keySet().hashCode();
    }

    @Override
    public String toString() {
        return "GlobalConfFiles[directory=" + directory.length + " bytes, signature=" + signature.length
                + " bytes, parts=" + parts.keySet() + "]";
    }
}
