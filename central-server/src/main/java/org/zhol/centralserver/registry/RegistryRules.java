// SPDX-License-Identifier: MIT
package org.zhol.centralserver.registry;

import java.net.URI;
import java.net.URISyntaxException;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.XRoadId;

/**
 * The input rules of the registry, each in one place.
 *
 * <p><b>Limits:</b> names and descriptions are at most {@link #MAX_TEXT} characters, addresses at most
 * {@link #MAX_ADDRESS}, URLs at most {@link #MAX_URL}.
 */
final class RegistryRules {

    /** Limit: the longest name or description. */
    static final int MAX_TEXT = 1024;
    /** Limit: the longest host name or address. */
    static final int MAX_ADDRESS = 255;
    /** Limit: the longest URL. */
    static final int MAX_URL = 2048;

    private RegistryRules() {
    }

    /** A non-blank single-line text such as a member name, trimmed. */
    static String text(String field, String value) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_TEXT || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw bad(field + " must be 1 to " + MAX_TEXT + " characters on one line");
        }
        return trimmed;
    }

    /** A description, which may be empty. */
    static String description(String value) {
        return value == null || value.isBlank() ? "" : text("description", value);
    }

    /** A name used in a URL path, such as a CA's: no slashes. */
    static String pathName(String field, String value) {
        String name = text(field, value);
        if (name.length() > 255 || name.indexOf('/') >= 0) {
            throw bad(field + " must be at most 255 characters, without '/'");
        }
        return name;
    }

    /** A host name, IPv4 or IPv6 address. */
    static String address(String value) {
        String address = value == null ? "" : value.strip();
        if (address.isEmpty() || address.length() > MAX_ADDRESS || !address.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
            throw bad("An address must be a host name or an IP address");
        }
        return address;
    }

    /** An absolute http or https URL. */
    static URI httpUrl(String field, URI url) {
        if (url == null || url.toString().length() > MAX_URL || !url.isAbsolute() || url.getHost() == null
                || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
            throw bad(field + " must be an absolute http or https URL");
        }
        return url;
    }

    /** Parses an http(s) URL. */
    static URI httpUrl(String field, String text) {
        try {
            return httpUrl(field, new URI(text == null ? "" : text.strip()));
        } catch (URISyntaxException e) {
            throw bad(field + " must be an absolute http or https URL");
        }
    }

    /** Refuses an identifier of another instance. */
    static void ownInstance(String instance, XRoadId id) {
        if (!id.instance().equals(instance)) {
            throw bad(id.toPath() + " is not in instance " + instance);
        }
    }

    static ZholException bad(String detail) {
        return ZholException.client(ErrorCode.BAD_REQUEST, detail);
    }
}
