// SPDX-License-Identifier: MIT
/**
 * The central server's logging set-up, in code: log lines go to stderr (stdout carries only command
 * output), INFO and above, with the chatty libraries at WARN. Configured in code because parsing a
 * logback XML file costs a fresh process more start-up time than all of the server's own wiring.
 */
package org.zhol.centralserver.logging;
