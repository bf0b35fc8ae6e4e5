/**
 * Evidence store (R-APP-2): uploaded files stored content-addressed by SHA-256 under the data
 * directory, metadata in the database; a new version never overwrites an old one.
 */
package cn.cfp.evidence;
