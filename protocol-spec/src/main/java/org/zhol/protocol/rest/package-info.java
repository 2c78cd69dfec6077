// SPDX-License-Identifier: MIT
/**
 * The X-Road REST r1 codec (PR-REST), as pure functions with no server code:
 * <ul>
 *   <li>{@link org.zhol.protocol.rest.RestTargetCodec}: {@code /r1/{serviceId}[/path][?query]} to and
 *       from {@link org.zhol.protocol.rest.RestRequestTarget}, and the provider-side URI;</li>
 *   <li>{@link org.zhol.protocol.rest.RestHeaderCodec}: the X-Road-* request and response headers;</li>
 *   <li>{@link org.zhol.protocol.rest.RestRequestHash}: {@code X-Road-Request-Hash}, also while the body
 *       streams;</li>
 *   <li>{@link org.zhol.protocol.rest.HeaderFilter}: which headers a security server passes on;</li>
 *   <li>{@link org.zhol.protocol.rest.RestErrorCodec}: faults to and from the JSON error response.</li>
 * </ul>
 * Every failure is a {@link org.zhol.protocol.error.ZholException} with an X-Road fault code; bad input
 * has {@link org.zhol.protocol.error.Origin#CLIENT}. Limits are in {@link org.zhol.protocol.rest.RestLimits}.
 * Specified in {@code protocol-spec/docs/rest.md}.
 */
package org.zhol.protocol.rest;
