// SPDX-License-Identifier: MIT
package org.zhol.protocol.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A whole X-Road fault code: an optional {@link FaultPrefix} followed by one or more
 * {@link ErrorCode} segments, e.g. {@code Server.ClientProxy.ServiceFailed.HttpError}.
 *
 * <p>A code is prefixed where it leaves a server (see {@link ZholException#withPrefix}); inside a
 * codec it has no prefix yet. {@link #toString()} gives the CamelCase form that Zhol emits.
 * {@link #parse(String)} accepts the CamelCase and the X-Road 7.8 snake_case forms.
 */
public record FaultCode(Optional<FaultPrefix> prefix, List<ErrorCode> segments) {

    /** Limit: a fault code longer than this is not parsed. */
    public static final int MAX_LENGTH = 256;

    public FaultCode {
        Objects.requireNonNull(prefix, "prefix");
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a fault code needs at least one segment");
        }
    }

    /** An unprefixed code of one or more segments. */
    public static FaultCode of(ErrorCode first, ErrorCode... more) {
        List<ErrorCode> all = new ArrayList<>();
        all.add(first);
        all.addAll(List.of(more));
        return new FaultCode(Optional.empty(), all);
    }

    /** The first segment, which names the kind of fault. */
    public ErrorCode code() {
        return segments.getFirst();
    }

    /** This code under {@code newPrefix}, unless it already carries a prefix. */
    public FaultCode withPrefix(FaultPrefix newPrefix) {
        return prefix.isPresent() ? this : new FaultCode(Optional.of(newPrefix), segments);
    }

    /** This code with one more segment, e.g. {@code ServiceFailed} then {@code HttpError}. */
    public FaultCode append(ErrorCode segment) {
        List<ErrorCode> all = new ArrayList<>(segments);
        all.add(segment);
        return new FaultCode(prefix, all);
    }

    /** The X-Road 7.8 form, e.g. {@code server.clientproxy.outdated_global_conf}. */
    public String snake() {
        return prefix.map(p -> p.snake() + ".").orElse("")
                + segments.stream().map(ErrorCode::snake).collect(Collectors.joining("."));
    }

    /** The CamelCase form that Zhol emits, e.g. {@code Server.ClientProxy.OutdatedGlobalConf}. */
    @Override
    public String toString() {
        return prefix.map(p -> p.camel() + ".").orElse("")
                + segments.stream().map(ErrorCode::camel).collect(Collectors.joining("."));
    }

    /**
     * Parses a fault code in either form.
     *
     * @throws ZholException {@link ErrorCode#INVALID_MESSAGE} when a segment is not a known code
     */
    public static FaultCode parse(String text) {
        return tryParse(text).orElseThrow(() -> ZholException.of(ErrorCode.INVALID_MESSAGE, Origin.CLIENT,
                "Unknown fault code '" + Faults.excerpt(text) + "'"));
    }

    /** Parses a fault code in either form, or returns empty when it is not one. */
    public static Optional<FaultCode> tryParse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = text.split("\\.", -1);
        int index = 0;
        Optional<FaultPrefix> prefix = Optional.empty();
        for (FaultPrefix candidate : FaultPrefix.values()) {
            String[] prefixParts = candidate.camel().split("\\.");
            if (startsWith(parts, prefixParts)) {
                prefix = Optional.of(candidate);
                index = prefixParts.length;
                break;
            }
        }
        List<ErrorCode> segments = new ArrayList<>();
        for (int i = index; i < parts.length; i++) {
            Optional<ErrorCode> code = ErrorCode.byName(parts[i]);
            if (code.isEmpty()) {
                return Optional.empty();
            }
            segments.add(code.get());
        }
        return segments.isEmpty() ? Optional.empty() : Optional.of(new FaultCode(prefix, segments));
    }

    private static boolean startsWith(String[] parts, String[] prefixParts) {
        if (parts.length <= prefixParts.length) {
            return false;
        }
        for (int i = 0; i < prefixParts.length; i++) {
            if (!parts[i].equalsIgnoreCase(prefixParts[i])) {
                return false;
            }
        }
        return true;
    }
}
