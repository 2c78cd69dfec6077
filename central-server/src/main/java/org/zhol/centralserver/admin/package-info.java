// SPDX-License-Identifier: MIT
/**
 * The admin REST API (JSON): one small route class per resource, registered on a
 * {@link org.zhol.server.http.Router} that sits behind
 * {@link org.zhol.server.admin.TokenAuthenticator}; {@link org.zhol.centralserver.admin.AdminApi}
 * assembles it and serves the hand-written OpenAPI document at {@code /openapi.json} without a token.
 * Request and response shapes are records in {@link org.zhol.centralserver.admin.AdminViews}; the
 * domain records never carry JSON concerns.
 */
package org.zhol.centralserver.admin;
