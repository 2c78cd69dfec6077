// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.util.Map;
import java.util.Objects;
import org.zhol.protocol.id.SubsystemId;

/**
 * Which bodies the log keeps: a default mode and per-subsystem exceptions. The subsystem that decides is
 * this server's own side of the exchange ({@link RecordOpening#localSubsystem()}): the client on the
 * client proxy, the provider on the server proxy, as X-Road's per-subsystem body logging does.
 *
 * @param defaultMode the mode for every subsystem not listed; default {@link LogMode#FULL}
 * @param subsystems  per-subsystem modes
 */
public record BodyLogging(LogMode defaultMode, Map<SubsystemId, LogMode> subsystems) {

    /** Every body kept. */
    public static final BodyLogging FULL = new BodyLogging(LogMode.FULL, Map.of());

    public BodyLogging {
        defaultMode = defaultMode == null ? LogMode.FULL : defaultMode;
        subsystems = Map.copyOf(subsystems == null ? Map.of() : subsystems);
    }

    /** The mode of a record. */
    public LogMode mode(RecordOpening opening) {
        Objects.requireNonNull(opening, "opening");
        return opening.localSubsystem().map(s -> subsystems.getOrDefault(s, defaultMode)).orElse(defaultMode);
    }
}
