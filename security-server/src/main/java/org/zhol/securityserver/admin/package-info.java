// SPDX-License-Identifier: MIT
/**
 * The admin API: JSON over HTTP on the loopback admin listener, behind API tokens, described by the
 * hand-written {@code openapi.json} beside this package. {@link org.zhol.securityserver.admin.AdminApi}
 * lists every operation as an {@link org.zhol.securityserver.admin.AdminRoute}; handlers only translate
 * between JSON and the {@link org.zhol.securityserver.registry.ServiceRegistry}.
 */
package org.zhol.securityserver.admin;
