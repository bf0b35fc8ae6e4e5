/**
 * Certification schemes as data (R-X-1).
 *
 * <p>The national base scheme (CNCA-CFP-00) and every body-specific implementation rule
 * are versioned YAML definition files ({@code classpath:schemes/*.yaml}, plus every
 * {@code *.yaml} in the optional directory {@code cfp.schemes.dir}). They are parsed and
 * validated at start-up; a broken file stops the application with a message naming file,
 * field and reason. Other modules read parameters through {@link cn.cfp.scheme.SchemeCatalog}
 * and the typed accessors of {@link cn.cfp.scheme.Scheme}; no code branches on a scheme's name.
 *
 * <p>This top-level package is the module's public API; {@code internal} (loader, validation)
 * and {@code web} (pages, JSON) are internal.
 */
package cn.cfp.scheme;
