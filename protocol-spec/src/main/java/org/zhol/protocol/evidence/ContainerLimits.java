// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

/**
 * The limits of strict container and archive reading: how many entries, how large each may be when
 * inflated, how large all together, and how large a file may be to be kept in memory (every
 * {@code META-INF/} file must fit; larger data objects are only digested).
 *
 * @param maxEntries    the most entries
 * @param maxEntryBytes the largest inflated entry
 * @param maxTotalBytes the largest total of inflated entries (stops zip bombs)
 * @param maxKeptBytes  the largest entry kept in memory
 */
public record ContainerLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxKeptBytes) {

    /** 1,000 entries, 1 GiB each, 4 GiB in all, 1 MiB kept. */
    public static final ContainerLimits DEFAULT = new ContainerLimits(1000, 1L << 30, 4L << 30, 1 << 20);

    public ContainerLimits {
        if (maxEntries < 1 || maxEntryBytes < 1 || maxTotalBytes < maxEntryBytes || maxKeptBytes < 1
                || maxKeptBytes > maxEntryBytes) {
            throw new IllegalArgumentException("inconsistent container limits");
        }
    }
}
