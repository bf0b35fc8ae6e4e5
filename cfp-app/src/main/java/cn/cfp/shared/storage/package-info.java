/**
 * The data directory and the embedded database: files readable by the platform's OS user only, the embedded H2
 * database protected by a generated password and reachable from other processes (the {@code ./cfp audit verify}
 * command) only through a loopback listener while the platform runs — never from the network (issue 8 items 2, 9).
 */
package cn.cfp.shared.storage;
