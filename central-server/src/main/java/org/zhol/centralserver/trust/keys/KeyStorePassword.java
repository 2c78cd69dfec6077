// SPDX-License-Identifier: MIT
package org.zhol.centralserver.trust.keys;

/**
 * The password that protects the PKCS#12 key files, from the server's configuration or environment.
 *
 * <p><b>Pitfalls:</b> a secret: {@link #toString()} never shows it, and {@link #chars()} returns a copy
 * that the caller should clear after use. Equality is identity.
 */
public final class KeyStorePassword {

    private final char[] value;

    private KeyStorePassword(char[] value) {
        this.value = value.clone();
    }

    /** A password from its text; must not be empty. */
    public static KeyStorePassword of(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("the key store password must not be empty");
        }
        return new KeyStorePassword(text.toCharArray());
    }

    /** A copy of the password. */
    public char[] chars() {
        return value.clone();
    }

    @Override
    public String toString() {
        return "KeyStorePassword[***]";
    }
}
